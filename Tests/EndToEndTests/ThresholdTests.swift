// --threshold is one option with one range and one message in every program that takes it.
import Foundation
import Testing

/// Every command that takes --threshold, with a stream it can use.
private let thresholdCommands = [
    ("nn-eval --json", "rings.nn"),
    ("nn-plot boundary --resolution 20 --script", "rings.nn"),
    ("nn-plot confusion --script", "rings.nn"),
    ("nn-plot images --script", "pictures.nn"),
]

@Test(arguments: thresholdCommands)
func thresholdTakesZeroToOneInclusiveEverywhere(command: String, stream: String) throws {
    let dir = try PlotE2E.directory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try PlotStreams.write(into: dir)
    for t in ["0", "1", "0.25"] {
        let r = try PlotE2E.shell("\(command) --threshold \(t) < \(stream)", in: dir)
        #expect(r.status == 0, "--threshold \(t): \(r.stderr)")
    }
    for t in ["1.5", "1.0001", "nan"] {
        let r = try PlotE2E.shell("\(command) --threshold \(t) < \(stream)", in: dir)
        #expect(r.status == 64, "--threshold \(t)")
        #expect(r.stderr.contains("--threshold must lie in [0, 1], found \(t == "nan" ? "nan" : t)"), "\(r.stderr)")
    }
}

@Test func thresholdHelpIsTheSameEverywhere() throws {
    var helps: Set<String> = []
    for (command, _) in thresholdCommands {
        let program = command.split(separator: " ").prefix(command.hasPrefix("nn-plot") ? 2 : 1).joined(separator: " ")
        let r = try run("\(program) --help")
        let lines = r.lines.drop { !$0.hasPrefix("  --threshold") }
        let help = ([lines.first ?? ""] + lines.dropFirst().prefix { $0.hasPrefix("        ") }).joined(separator: "\n")
        helps.insert(help)
    }
    #expect(helps.count == 1, "\(helps)")
    #expect(helps.first?.contains("[0, 1]") == true, "\(helps)")
}
