// Helpers for nn-eval's end-to-end tests: where the built programs are, scratch
// directories, and running a real bash pipeline with its output and exit status.
import Foundation

enum EvalPipe {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The directory holding the built programs: $NN_BIN, else .build/debug.
    static var bin: String { ProcessInfo.processInfo.environment["NN_BIN"] ?? packageRoot + "/.build/debug" }

    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// A fresh scratch directory holding `files` (name → contents).
    static func directory(_ files: [String: String] = [:]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nn-eval-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    /// Runs `script` with bash (pipefail: a pipe fails when any stage fails) in `dir`, the built programs first on PATH.
    static func run(_ script: String, in dir: String) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "set -o pipefail; (\(script)) >.stdout 2>.stderr"]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = bin + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        p.environment = env
        try p.run()
        p.waitUntilExit()
        func read(_ name: String) -> String { (try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)) ?? "" }
        return Result(stdout: read(".stdout"), stderr: read(".stderr"), status: p.terminationStatus)
    }

    /// Parses a JSON object (the output of --json).
    static func json(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }
}
