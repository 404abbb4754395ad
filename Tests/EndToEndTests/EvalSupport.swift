// Helpers for nn-eval's end-to-end tests, on top of Support.swift: pipelines run in
// a scratch directory holding the test's files, and --json parsed.
import Foundation

enum EvalPipe {
    /// Runs `script` (with pipefail, the built programs first on PATH) in a fresh
    /// directory holding `files` (name → contents), removed afterwards.
    static func run(_ script: String, files: [String: String] = [:]) throws -> PipelineResult {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try runInPackage("cd \(shellQuoted(dir.path)) && { \(script); }")
    }

    /// Parses a JSON object (the output of --json).
    static func json(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }
}

/// Support.swift's `run`, under a name no test method shadows.
private func runInPackage(_ script: String) throws -> PipelineResult { try run(script) }
