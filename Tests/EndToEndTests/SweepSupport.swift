// Helpers for the sweep examples' tests: a private copy of the settings (so a test can touch
// one), the make command on tiny circles data, and the files a sweep leaves behind.
import Foundation

/// A sweep in a temporary directory: `settings/` holds a copy of examples/sweep/*.opts.
struct SweepScratch {
    let root: URL
    var settings: String { root.appendingPathComponent("settings").path }
    var makeOut: String { root.appendingPathComponent("make").path }
    var parallelOut: String { root.appendingPathComponent("parallel").path }

    /// Tiny circles and a few epochs: the whole sweep takes well under a second of training.
    static let variables = "DATA_COMMAND='nn-data circles --samples 80 --noise 0.1 --factor 0.5 --seed 3' EPOCHS=5 SEED=2"

    init() throws {
        root = try makeTemporaryDirectory()
        let source = packageRoot.appendingPathComponent("examples/sweep").path
        try FileManager.default.createDirectory(atPath: settings, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".opts") {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: settings + "/" + name)
        }
    }

    /// The configurations' names (the settings files without .opts), sorted.
    func configurations() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: settings)
            .filter { $0.hasSuffix(".opts") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// `make -f examples/Makefile` with the tiny data, the private settings and OUT; extra
    /// arguments (e.g. -j2, -q, -n) go before the variables.
    func make(_ arguments: String = "-j2") throws -> PipelineResult {
        try run("make --no-print-directory -f examples/Makefile \(arguments) SETTINGS=\(shellQuoted(settings)) OUT=\(shellQuoted(makeOut)) \(Self.variables)")
    }

    /// examples/sweep.sh with the same data and settings, into its own directory.
    func parallelSweep() throws -> PipelineResult {
        try run("examples/sweep.sh --settings \(shellQuoted(settings)) --out \(shellQuoted(parallelOut)) \(Self.variables)")
    }

    /// The modification time of every file in a directory, by name.
    func modificationTimes(_ directory: String) throws -> [String: Date] {
        var times: [String: Date] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            times[name] = try FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.modificationDate] as? Date
        }
        return times
    }

    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The rows of a Markdown table after its header and rule (lines starting with `|`).
func tableRows(_ markdown: String) -> [String] {
    Array(markdown.split(separator: "\n").map(String.init).filter { $0.hasPrefix("|") }.dropFirst(2))
}
