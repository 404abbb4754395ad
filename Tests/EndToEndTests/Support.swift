// Runs the built programs the way a user does: a `bash -c` pipeline with the programs'
// directory first on PATH, capturing stdout, stderr and the exit status.
import Foundation

/// The package root, found from this file's path (Tests/EndToEndTests/Support.swift).
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Where the built programs are: `$NN_BIN`, else `<package>/.build/debug`.
let programDirectory: String = {
    if let bin = ProcessInfo.processInfo.environment["NN_BIN"], !bin.isEmpty { return bin }
    return packageRoot.appendingPathComponent(".build/debug").path
}()

struct PipelineResult {
    var stdout: Data
    var stderr: String
    /// The exit status of the pipeline (bash's: the last command's; with pipefail, that of the
    /// last command that failed, or 0).
    var status: Int32

    var text: String { String(decoding: stdout, as: UTF8.self) }
    var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}

/// Runs `script` with `bash -c` (with `set -o pipefail` unless `pipefail` is false) in the
/// package root, the programs first on PATH, and `stdin` (if any) on standard input.
@discardableResult
func run(_ script: String, stdin: Data? = nil, pipefail: Bool = true, environment: [String: String] = [:]) throws -> PipelineResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", (pipefail ? "set -o pipefail; " : "") + script]
    process.currentDirectoryURL = packageRoot
    var env = ProcessInfo.processInfo.environment
    env["PATH"] = programDirectory + ":" + (env["PATH"] ?? "/usr/bin:/bin")
    for (k, v) in environment { env[k] = v }
    process.environment = env

    // Temporary files rather than pipes, so a large output cannot block the child.
    let dir = FileManager.default.temporaryDirectory
    let outURL = dir.appendingPathComponent("nn-e2e-\(UUID().uuidString).out")
    let errURL = dir.appendingPathComponent("nn-e2e-\(UUID().uuidString).err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    var inURL: URL?
    if let stdin {
        let url = dir.appendingPathComponent("nn-e2e-\(UUID().uuidString).in")
        try stdin.write(to: url)
        process.standardInput = try FileHandle(forReadingFrom: url)
        inURL = url
    } else {
        process.standardInput = FileHandle.nullDevice
    }
    defer { if let inURL { try? FileManager.default.removeItem(at: inURL) } }
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return PipelineResult(stdout: try Data(contentsOf: outURL),
                          stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                          status: process.terminationStatus)
}

/// A fresh temporary directory, removed by the caller with `removeTemporaryDirectory`.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nn-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Single-quotes a string for bash.
func shellQuoted(_ s: String) -> String {
    // By scalars: a `'` followed by a combining mark is one Character but still ends the quote.
    "'" + String(String.UnicodeScalarView(s.unicodeScalars.flatMap { $0 == "'" ? Array("'\\''".unicodeScalars) : [$0] })) + "'"
}
