// Every way a stream can end before '@end' is reported as "truncated input", with the likely
// cause: the stage before failed (stdin), or the file is cut short (a saved model).
import Testing
@testable import Shared

@Test(arguments: [
    // (stream, line named, what the message says after "truncated input: ")
    ("", 1, "the input is empty, expected 'nn-stream 1'"),
    ("nn-stream 1\n# a comment\n", 3, "the stream ends without '@end'"),
    ("nn-stream 1\n@a f32 3x2\n1 2\n", 4, "section a (header on line 2) ends after 1 of 3 rows"),
    // A last line without its newline fails to parse because the writer stopped there.
    ("nn-stream 1\n@a f32 2x3\n1 2 3\n1 2", 4, "the last line is cut short (section a: row has 2 values, expected 3)"),
    // Cut inside the last number, the row still parses ("25" of "255"); the missing '@end' tells.
    ("nn-stream 1\n@a u8 1x3\n1 2 25", 4, "the stream ends without '@end'"),
    ("nn-stream 1\n@a f32 1x2\n1 2.5e", 3, "the last line is cut short (section a, column 1: expected a finite f32"),
    ("nn-stream 1\n@a f32 2x2 clas", 2, "the last line is cut short (section a: malformed attribute 'clas'"),
    ("nn-stream 1\n@a f32 0x0\n@en", 3, "the last line is cut short ("),
])
func everyEarlyEndIsTruncatedInput(text: String, line: Int, what: String) {
    let e = streamError(text)
    #expect(e?.line == line, "\(text.debugDescription): \(e?.message ?? "accepted")")
    #expect(e?.detail.hasPrefix("truncated input: ") == true, "\(e?.message ?? "accepted")")
    #expect(e?.detail.contains(what) == true, "\(e?.message ?? "accepted") lacks '\(what)'")
    #expect(e?.detail.hasSuffix("(the stage before this one probably failed)") == true, "\(e?.message ?? "accepted")")
}

@Test func aStreamCutInsideItsFirstLineIsTruncatedInput() {
    // `head -c 5`: every proper prefix of the magic line, without its newline.
    let magic = "nn-stream 1"
    for n in 1..<magic.count {
        let cut = String(magic.prefix(n))
        let e = streamError(cut)
        #expect(e?.message == "line 1: truncated input: the first line is cut short ('\(cut)'), expected 'nn-stream 1' (the stage before this one probably failed)")
    }
    // Anything else on a first line without its newline is not an nn-stream.
    #expect(streamError("nn-strem")?.detail.hasPrefix("not an nn-stream") == true)
    #expect(streamError("nn-str\n")?.detail.hasPrefix("not an nn-stream") == true)
}

@Test func aCutShortFileSaysSo() {
    let e = streamError("nn-stream 1\n@a f32 3x2\n1 2\n", fromFile: true)
    #expect(e?.detail == "truncated input: section a (header on line 2) ends after 1 of 3 rows (the file is cut short)")
}

@Test func aCompleteStreamWithoutAFinalNewlineIsFine() {
    #expect(streamError("nn-stream 1\n@a f32 1x2\n1 2\n@end") == nil)
}

@Test func aMalformedRowThatIsNotTheLastLineIsNotTruncation() {
    let e = streamError("nn-stream 1\n@a f32 2x3\n1 2\n1 2 3\n@end\n")
    #expect(e?.detail == "section a: row has 2 values, expected 3")
}
