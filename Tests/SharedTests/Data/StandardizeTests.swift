// Standardisation takes its statistics from train.x alone, as StandardScaler.
import Testing
@testable import Shared

@Test func fittedMeanAndPopulationStdMatchHandWorkedValues() {
    // Column 1: 1, 2, 3, 4 → mean 2.5, population variance (2.25+0.25+0.25+2.25)/4 = 1.25.
    // Column 2: constant 7 → std 0 → 1 (StandardScaler leaves constant features unscaled).
    let s = Standardization(fitting: Matrix([[1, 7], [2, 7], [3, 7], [4, 7]]))
    #expect(s.mean == [2.5, 7])
    #expect(s.std == [Float(1.25.squareRoot()), 1])
}

@Test func standardizedRowMatchesTheModelsApply() {
    let s = Standardization(mean: [1, -2], std: [3, 0.5])
    let x = Matrix([[4, 0], [0.1, 7]])
    var out = [Float](repeating: 0, count: 2)
    for r in 0..<2 {
        x.row(r).withUnsafeBufferPointer { row in out.withUnsafeMutableBufferPointer { s.apply(row: row, into: $0.baseAddress!) } }
        #expect(out == Array(s.apply(x).row(r)))
    }
    #expect(Array(s.apply(x).row(0)) == [1, 4])
}

private func standardized(_ text: String) throws -> [String: Section] {
    try sections { w in try StandardizeStream.run(try reader(text), w) }
}

@Test func testSetIsScaledWithTrainStatisticsOnly() throws {
    let s = try standardized("""
        nn-stream 1
        @train.x f32 2x1 columns=a
        1
        3
        @train.y i32 2x1 classes=n,y
        0
        1
        @test.x f32 2x1 columns=a
        5
        100
        @test.y i32 2x1
        1
        0
        @end

        """)
    // train: mean 2, std 1 → test 5 ↦ 3, 100 ↦ 98 (a test-aware scaler would give other values).
    #expect(try s["train.x"]!.matrix().data == [-1, 1])
    #expect(try s["test.x"]!.matrix().data == [3, 98])
    #expect(s["test.x"]!.attributes["standardized"] == "true")
    #expect(s["test.x"]!.attributes["columns"] == "a")
    #expect(try s["standardize.mean"]!.matrix() == Matrix([[2]]))
    #expect(try s["standardize.std"]!.matrix() == Matrix([[1]]))
    #expect(try s["train.y"]!.labels() == [0, 1])
}

@Test func bytesBecomeF32WithoutScale() throws {
    let s = try standardized("nn-stream 1\n@train.x u8 2x2 scale=1/255 image=1x2\n0 255\n255 255\n@end\n")
    let x = s["train.x"]!
    #expect(x.header.type == .f32 && x.attributes["scale"] == nil && x.attributes["image"] == "1x2")
    #expect(try x.matrix().data == [-1, 0, 1, 0])
    #expect(try s["standardize.mean"]!.matrix().data == [0.5, 1])
}

@Test func featuresBeforeTrainWaitForItsStatistics() throws {
    let text = "nn-stream 1\n@test.x f32 1x1\n10\n# note\n@other i32 1x1\n5\n@train.x f32 2x1\n0\n2\n@end\n"
    let out = try streamText { w in try StandardizeStream.run(try reader(text), w); try w.end() }
    let (all, comments) = try reader(out).readAll()
    #expect(all.map(\.name) == ["test.x", "other", "train.x", "standardize.mean", "standardize.std"])
    #expect(try all[0].matrix().data == [9])
    #expect(comments.contains(" note"))
}

@Test func theProvenanceCommentStandsJustBeforeTheFirstSectionStandardizeRewrites() throws {
    // Sections passed through keep their place; the stage's comment introduces what it made:
    // the first *.x it rewrote (the statistics it appends follow at the end, without a second comment).
    let text = "nn-stream 1\n# upstream\n@other i32 1x1\n5\n@train.x f32 2x1\n0\n2\n@train.y i32 2x1\n0\n1\n@end\n"
    let out = try streamText(provenance: "nn-data 0.1.0: nn-data standardize") { w in
        try StandardizeStream.run(try reader(text), w)
        try w.end()
    }
    let lines = out.split(separator: "\n").map(String.init)
    #expect(Array(lines.prefix(6)) == ["nn-stream 1", "# upstream", "@other i32 1x1", "5",
                                        "# nn-data 0.1.0: nn-data standardize", "@train.x f32 2x1 standardized=true"])
    #expect(lines.filter { $0.hasPrefix("#") }.count == 2)
}

@Test func standardizeRefusesNoTrainAndTwice() {
    #expect(userFacingError { _ = try standardized("nn-stream 1\n@test.x f32 1x1\n1\n@end\n") }?.message.contains("no train.x") == true)
    let twice = userFacingError { _ = try standardized("nn-stream 1\n@train.x f32 1x1 standardized=true\n1\n@end\n") }
    #expect(twice?.exitCode == ExitCode.dataError && twice?.message.contains("standardised already") == true)
    let columns = userFacingError { _ = try standardized("nn-stream 1\n@train.x f32 1x1\n1\n@test.x f32 1x2\n1 2\n@end\n") }
    #expect(columns?.message.contains("has 2 columns, train.x has 1") == true)
}
