// Helpers for the nn-plot end-to-end tests: the built programs, shell pipelines,
// test streams written to files, and checks that PNG and SVG files are real pictures.
import Foundation
import Shared

enum PlotE2E {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Where the programs are: `$NN_BIN`, else the debug build.
    static var bin: String {
        ProcessInfo.processInfo.environment["NN_BIN"] ?? packageRoot + "/.build/debug"
    }

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `command` with `bash -c` in `directory`, the programs first on PATH.
    static func shell(_ command: String, in directory: String) throws -> Result {
        let out = directory + "/.stdout", err = directory + "/.stderr"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = bin + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["NN_BIN"] = bin
        process.environment = env
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let result = Result(status: process.terminationStatus,
                            stdout: FileManager.default.contents(atPath: out) ?? Data(),
                            stderr: String(decoding: FileManager.default.contents(atPath: err) ?? Data(), as: UTF8.self))
        try? FileManager.default.removeItem(atPath: out)
        try? FileManager.default.removeItem(atPath: err)
        return result
    }

    /// A fresh directory for one test.
    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "nn-plot-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes a complete stream of `sections` to `path`.
    static func writeStream(_ path: String, _ sections: [Section]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        precondition(fd >= 0, "cannot create \(path)")
        defer { close(fd) }
        let writer = StreamWriter(ByteWriter(fileDescriptor: fd), provenance: "nn-plot end-to-end tests")
        for s in sections { try writer.write(s) }
        try writer.end()
    }

    /// Width and height from a PNG's signature and IHDR chunk; nil if it is not a PNG.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR" else { return nil }
        func u32(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (u32(16), u32(20))
    }

    /// Width and height of an SVG document with balanced `<svg>` tags; nil otherwise.
    static func svgSize(_ text: String) -> (width: Int, height: Int)? {
        guard text.hasPrefix("<?xml"), text.contains("<svg"),
              text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</svg>"),
              text.components(separatedBy: "<svg").count == text.components(separatedBy: "</svg>").count else { return nil }
        func attribute(_ name: String) -> Int? {
            guard let r = text.range(of: " \(name)=\"") ?? text.range(of: "\n \(name)=\"") else { return nil }
            return Int(text[r.upperBound...].prefix { $0.isNumber })
        }
        guard let w = attribute("width"), let h = attribute("height") else { return nil }
        return (w, h)
    }
}
