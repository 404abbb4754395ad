// The malformed-input corpus (Tests/EndToEndTests/Malformed/cases.tsv): each input, run
// through the stage and arguments its line gives, must end with the expected exit code
// and one stderr line containing the expected text; a failing stage never writes '@end'.
// Exit 0 lines pin inputs accepted on purpose (a CSV with CRLF and a byte-order mark).
import Foundation
import Testing

struct MalformedCase: CustomTestStringConvertible, Sendable {
    var name: String
    var command: String
    var exitCode: Int32
    var message: String
    var testDescription: String { name }
}

let malformedDirectory = packageRoot.appendingPathComponent("Tests/EndToEndTests/Malformed")

/// The lines of cases.tsv: name, command, exit code, message, separated by tabs.
let malformedCases: [MalformedCase] = {
    let url = malformedDirectory.appendingPathComponent("cases.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line -> MalformedCase? in
        if line.hasPrefix("#") { return nil }
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard f.count == 4, let code = Int32(f[2]) else { return MalformedCase(name: "malformed manifest line: \(line)", command: "false", exitCode: -1, message: "") }
        return MalformedCase(name: f[0], command: f[1], exitCode: code, message: f[3])
    }
}()

@Test func theMalformedCorpusHasAtLeast40Cases() {
    #expect(malformedCases.count >= 40)
    #expect(Set(malformedCases.map(\.name)).count == malformedCases.count, "case names must be unique")
}

@Test(arguments: malformedCases)
func malformedInputFailsWithItsCodeAndMessage(_ c: MalformedCase) throws {
    let r = try run("cd \(shellQuoted(malformedDirectory.path)) && \(c.command)")
    #expect(r.status == c.exitCode, "\(c.command): exit \(r.status): \(r.stderr)")
    let program = String(c.command.prefix { $0 != " " })
    if c.exitCode == 0 {
        #expect(r.stderr.isEmpty, "\(c.command): \(r.stderr)")
        #expect(r.text.hasSuffix("@end\n") || c.command.contains("--json"), "\(c.command): incomplete output")
        return
    }
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(c.command): \(r.stderr)")
    #expect(r.stderr.hasPrefix("\(program): error: "), "\(c.command): \(r.stderr)")
    #expect(r.stderr.contains(c.message), "\(c.command): \(r.stderr.debugDescription) lacks \(c.message.debugDescription)")
    #expect(!r.text.contains("@end"), "\(c.command) wrote a complete stream")
}
