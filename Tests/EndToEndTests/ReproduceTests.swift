// scripts/reproduce's quick mode: one JSON per run with the fields the table is made from,
// every small row at or above its floor, and a table row per experiment.
import Foundation
import Testing

struct ReproduceTests {
    /// The rows of the reference table on generated data (--small leaves out Fashion-MNIST).
    static let smallRows = ["blobs-logistic", "circles-logistic", "circles-hidden5",
                            "blobs-hidden3", "blobs-sgd-hidden3", "circles-sgd-hidden5"]

    @Test func quickRunWritesOneValidJSONPerRunAndTheTable() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try run("scripts/reproduce --quick --small --seeds 2 --out \(shellQuoted(dir.path))",
                             environment: ["NN_BIN": programDirectory])
        #expect(result.status == 0, "\(result.stderr)")

        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }
        let expected = Self.smallRows.flatMap { row in [1, 2].map { "\(row)-seed\($0).json" } }
        #expect(Set(files) == Set(expected))
        var lossesBySeed: [String: [Int: Double]] = [:]
        for name in files {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            let run = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(name)")
            let row = try #require(run["row"] as? String)
            let seed = try #require(run["seed"] as? Int)
            #expect(name == "\(row)-seed\(seed).json")
            let command = try #require(run["command"] as? String)
            #expect(command.hasPrefix("nn-data ") && command.contains("--seed \(seed) |") && command.hasSuffix("| nn-eval --json"), "\(command)")
            #expect((run["train_seconds"] as? Double).map { $0 > 0 } == true)
            #expect(((run["machine"] as? [String: Any])?["description"] as? String)?.contains("cores") == true)
            let test = try #require((run["metrics"] as? [String: Any])?["test"] as? [String: Any])
            let accuracy = try #require(test["accuracy"] as? Double)
            let floor = try #require(run["floor"] as? Double)
            #expect(accuracy >= floor, "\(name): \(accuracy) < \(floor)")
            #expect(run["quick"] as? Bool == true)
            lossesBySeed[row, default: [:]][seed] = try #require(test["log_loss"] as? Double)
        }
        // The two seeds draw different data (and initial weights): each row's test log loss differs.
        for (row, losses) in lossesBySeed {
            #expect(losses.count == 2 && losses[1] != losses[2], "\(row): \(losses)")
        }
        let table = try String(contentsOf: dir.appendingPathComponent("table.md"), encoding: .utf8)
        #expect(tableRows(table).count == Self.smallRows.count, "\(table)")
    }

    @Test func quickRunFailsWhenARowFallsBelowItsFloor() throws {
        // A copy of the script whose quick floors are impossible (1.5): the row must be reported.
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = try String(contentsOf: packageRoot.appendingPathComponent("scripts/reproduce"), encoding: .utf8)
        let impossible = script.replacingOccurrences(of: #"\|0\.9\|\$"#, with: "|1.5|$", options: .regularExpression)
        #expect(impossible != script)
        let copy = packageRoot.appendingPathComponent("scripts/.reproduce-floor-test-\(UUID().uuidString)")
        try impossible.write(to: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: copy) }
        let result = try run("bash \(shellQuoted(copy.path)) --quick --only blobs-logistic,blobs-hidden3 --seeds 1 --out \(shellQuoted(dir.path))",
                             environment: ["NN_BIN": programDirectory])
        #expect(result.status == 1)
        #expect(result.stderr.contains("blobs-hidden3 seed 1: test accuracy"), "\(result.stderr)")
        #expect(result.stderr.contains("blobs-logistic seed 1: test accuracy") && result.stderr.contains("below the floor 1.5"), "\(result.stderr)")
    }
}
