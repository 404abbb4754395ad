// Helpers for the nn-fit end-to-end tests: read a stream the programs wrote and score the
// model in it on its test rows through the Shared API (what nn-eval reports, recomputed here).
import Foundation
@testable import Shared

/// The sections of a complete stream held in `data`.
func sections(of data: Data) throws -> [Section] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nn-fit-e2e-\(UUID().uuidString).nn")
    try data.write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    return try StreamReader.open(path: url.path).readAll().sections
}

/// The fraction of `test.x` rows whose most probable class under the stream's model is their `test.y` label.
func testAccuracy(_ data: Data) throws -> Double {
    let all = try sections(of: data)
    let network = try Network(sections: all)
    guard let xs = all.first(where: { $0.name == "test.x" }), let ys = all.first(where: { $0.name == "test.y" }) else {
        throw StreamError(line: nil, "no test.x/test.y in the stream")
    }
    // As nn-eval predicts: the model's standardisation, then the most probable class.
    let p = try StreamScoring.predict(network, xs)
    let y = try ys.labels()
    var correct = 0
    for r in 0..<p.rows where p.predictedClass(r, threshold: 0.5) == Int(y[r]) { correct += 1 }
    return Double(correct) / Double(p.rows)
}

/// The stream's lines without comments (provenance names the command line, which may differ).
func linesWithoutComments(_ result: PipelineResult) -> [String] {
    result.lines.filter { !$0.hasPrefix("#") }
}
