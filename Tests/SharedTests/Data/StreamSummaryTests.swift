// `nn-data info`: ranges per column and class balance, from rows visited one at a time.
import Testing
@testable import Shared

@Test func summaryShowsRangesAndClassBalance() throws {
    let text = """
        nn-stream 1
        # made by hand
        @train.x f32 4x2 columns=a,b
        1 -2
        3 0
        5 2
        7 4
        @train.y i32 4x1 classes=no,yes
        0
        1
        1
        1
        @end

        """
    var lines: [String] = []
    try StreamSummary.summarize(try reader(text)) { lines.append($0) }
    #expect(lines == [
        "nn-stream 1",
        "# made by hand",
        "@train.x f32 4x2 columns=a,b",
        "  values: min=-2 max=7 mean=2.5",
        "  a  min=1 max=7 mean=4",
        "  b  min=-2 max=4 mean=1",
        "@train.y i32 4x1 classes=no,yes",
        "  classes: no=1 (25.0%) yes=3 (75.0%)",
        "@end (2 sections)",
    ])
}

@Test func summaryOfMalformedStreamFailsWithTheLine() {
    let e = userFacingError { try StreamSummary.summarize(try reader("nn-stream 1\n@a u8 2x2\n1 2\n3 256\n@end\n")) { _ in } }
    #expect(e?.message == "line 4: section a, column 1: expected a u8 integer 0..255, found '256'")
}
