// The version has one source, the package root's VERSION file: the VersionFromFile plugin compiles
// it into Shared, and the Makefile and scripts/package-deb read it; --version and provenance print it.
import Foundation
import Testing
import Shared

@Test func provenanceVersionIsTheVersionFile() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let file = try String(contentsOf: root.appendingPathComponent("VERSION"), encoding: .utf8)
    #expect(file == Provenance.version + "\n")
}

@Test func provenanceLineNamesTheVersion() {
    #expect(Provenance.line(program: "nn-fit", arguments: ["--sgd"]) == "nn-fit \(Provenance.version): nn-fit --sgd")
}

// The provenance line is a command a person may paste into a shell: each argument, whatever it
// holds, must come back as that one argument (a `'` with a combining mark after it included).
@Test func provenanceArgumentsReadBackThroughAShellUnchanged() throws {
    let arguments = ["--title", "x'\u{301}; touch pwned #", "it's", "a b", "`id`", "$(id)", "\\", "\n", ""]
    let line = Provenance.line(program: "nn-plot", arguments: arguments)
    let command = String(line.dropFirst("nn-plot \(Provenance.version): nn-plot".count))
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.arguments = ["-c", "for a in\(command); do printf '%s\\0' \"$a\"; done"]
    let out = Pipe()
    shell.standardOutput = out
    try shell.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    shell.waitUntilExit()
    let back = String(decoding: data, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
    #expect(back == arguments)
}
