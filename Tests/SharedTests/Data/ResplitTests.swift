// `nn-data split` pools train and test and splits them again.
import Testing
@testable import Shared

private let stream = """
    nn-stream 1
    @train.x u8 3x2 scale=1/255
    1 1
    2 2
    3 3
    @train.y i32 3x1 classes=a,b
    0
    1
    0
    @model f32 0x0 note=kept
    @test.x u8 1x2 scale=1/255
    4 4
    @test.y i32 1x1 classes=a,b
    1
    @end

    """

@Test func resplitPoolsRowsAndKeepsThemWithTheirLabels() throws {
    let out = try streamText { w in try ResplitStream.run(try reader(stream), w, options: SplitOptions(testSize: 0.5, seed: 2)); try w.end() }
    let (all, _) = try reader(out).readAll()
    #expect(all.map(\.name) == ["model", "train.x", "train.y", "test.x", "test.y"])
    let s = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    #expect(s["train.x"]!.rows == 2 && s["test.x"]!.rows == 2)
    #expect(s["train.x"]!.header.type == .u8 && s["train.x"]!.attributes["scale"] == "1/255")
    guard case .u8(let train) = s["train.x"]!.storage, case .u8(let test) = s["test.x"]!.storage else { Issue.record("not u8"); return }
    let rows = stride(from: 0, to: 4, by: 2).map { train[$0] } + stride(from: 0, to: 4, by: 2).map { test[$0] }
    #expect(Set(rows) == [1, 2, 3, 4])
    // Rows 1 and 3 have label 0 (a), rows 2 and 4 label 1 (b).
    let labels = try s["train.y"]!.labels() + s["test.y"]!.labels()
    for (row, label) in zip(rows, labels) { #expect(label == (row % 2 == 0 ? 1 : 0)) }
}

@Test func resplitNeedsTrainAndMatchingClasses() {
    let e = userFacingError { try ResplitStream.run(try reader("nn-stream 1\n@end\n"), StreamWriter(ByteWriter(fileDescriptor: -1)), options: SplitOptions()) }
    #expect(e?.message.contains("needs train.x and train.y") == true)
    let mixed = stream.replacingAll("@test.y i32 1x1 classes=a,b", with: "@test.y i32 1x1 classes=b,a")
    let m = userFacingError { try ResplitStream.run(try reader(mixed), StreamWriter(ByteWriter(fileDescriptor: -1)), options: SplitOptions()) }
    #expect(m?.message.contains("classes=b,a") == true)
}

@Test func resplitDropsPredictionsWhoseRowsNoLongerLineUp() throws {
    // test.predictions (and train.predictions) are row for row with the old split's rows.
    let scored = stream.replacingAll("@end\n", with: "@test.predictions f32 1x2 classes=a,b\n0.25 0.75\n@train.predictions f32 3x2\n1 0\n0 1\n1 0\n@end\n")
    var warnings: [String] = []
    let out = try streamText { w in
        warnings = try ResplitStream.run(try reader(scored), w, options: SplitOptions(testSize: 0.5, seed: 2))
        try w.end()
    }
    #expect(try reader(out).readAll().sections.map(\.name) == ["model", "train.x", "train.y", "test.x", "test.y"])
    #expect(warnings.contains("dropped test.predictions: its rows belonged to the old split; run nn-eval again for predictions of the new one"))
    #expect(warnings.contains("dropped train.predictions: its rows belonged to the old split; run nn-eval again for predictions of the new one"))
}
