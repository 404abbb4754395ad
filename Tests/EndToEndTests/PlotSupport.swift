// Helpers for the nn-plot end-to-end tests: pipelines run in a test's own directory,
// test streams written to files, and checks that PNG and SVG files are real pictures.
import Foundation
import Shared

enum PlotE2E {
    /// Runs `command` (Support.swift's `run`: bash, pipefail, the programs first on PATH) in `directory`.
    static func shell(_ command: String, in directory: String) throws -> PipelineResult {
        try run("cd \(shellQuoted(directory)) && " + command)
    }

    /// A fresh directory for one test; the test removes it.
    static func directory() throws -> String {
        try makeTemporaryDirectory().path
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
