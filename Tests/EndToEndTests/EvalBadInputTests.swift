// nn-eval refuses bad input with one line on stderr and a sysexits code.
import Foundation
import Testing

func expectRefusal(_ script: String, files: [String: String], status: Int32, message: String,
                   sourceLocation: SourceLocation = #_sourceLocation) throws {
    let r = try EvalPipe.run(script, files: files)
    #expect(r.status == status, "exit status", sourceLocation: sourceLocation)
    #expect(r.stderr.hasPrefix(message), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
    #expect(!r.text.contains("@end"), "a failed stage must not end its stream", sourceLocation: sourceLocation)
}

let dataOnly = "nn-stream 1\n@test.x f32 2x2\n0 1\n1 0\n@test.y i32 2x1\n0\n1\n@end\n"

@Test func dataWithoutAModelIsExit65() throws {
    try expectRefusal("nn-eval < d.nn | cat", files: ["d.nn": dataOnly], status: 65,
                      message: "nn-eval: error: no model to score test with")
}

@Test func trainingFeaturesWithoutLabelsAreExit65() throws {
    // test.x without test.y is rows to predict; train.x always comes with train.y.
    let stream = logisticStream.replacingOccurrences(of: "@train.y i32 4x1 classes=dress,coat\n0\n0\n1\n1\n", with: "")
    try expectRefusal("nn-eval < s.nn | cat", files: ["s.nn": stream], status: 65,
                      message: "nn-eval: error: line 3: train.x has no train.y: nn-eval needs the true labels to score (rows to predict travel as test.x)")
}

@Test func modelWiderThanTheDataIsExit65() throws {
    let stream = "nn-stream 1\n@test.x f32 1x3\n0 1 2\n@test.y i32 1x1\n1\n@end\n"
    try expectRefusal("nn-eval --model m.nn < d.nn | cat", files: ["d.nn": stream, "m.nn": savedModel], status: 65,
                      message: "nn-eval: error: line 2: test.x does not match the model's input: it has 3 columns but the model takes 2")
}

@Test func malformedScoresFileIsExit65WithTheLine() throws {
    try expectRefusal("nn-eval --scores s.txt --json", files: ["s.txt": "1 0.9\n0 0.2\n1 x\n"], status: 65,
                      message: "nn-eval: error: s.txt: line 3: score 'x' is not a number as an nn-stream writes one")
}

@Test func missingModelFileIsExit66() throws {
    try expectRefusal("nn-eval --model none.nn < d.nn", files: ["d.nn": dataOnly], status: 66,
                      message: "nn-eval: error: none.nn: no such file")
}

@Test func modelFileWithoutAModelIsExit65() throws {
    try expectRefusal("nn-eval --model d.nn < d.nn", files: ["d.nn": dataOnly], status: 65,
                      message: "nn-eval: error: d.nn: holds no model section")
}

@Test func truncatedStreamIsExit65AndNothingDownstreamLooksComplete() throws {
    let cut = String(logisticStream.prefix(while: { $0 != "@" })) + "@train.x f32 4x2\n0 0\n"
    try expectRefusal("nn-eval < s.nn | cat", files: ["s.nn": cut], status: 65,
                      message: "nn-eval: error: line 5: truncated input: section train.x (header on line 3) ends after 1 of 4 rows (the stage before this one probably failed)")
}

@Test func emptyInputIsExit65() throws {
    try expectRefusal("nn-eval < /dev/null", files: [:], status: 65, message: "nn-eval: error: line 1: truncated input: the input is empty, expected 'nn-stream 1' (the stage before this one probably failed)")
}

@Test func conflictingOptionsAreUsageErrors() throws {
    try expectRefusal("nn-eval --json --report < /dev/null", files: [:], status: 64, message: "nn-eval: error: --json and --report exclude each other")
    try expectRefusal("nn-eval --threshold 1.5 < /dev/null", files: [:], status: 64, message: "nn-eval: error: --threshold must lie in [0, 1]")
}
