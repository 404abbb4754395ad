// nn-plot --terminal dumb read as text, as it appears in a terminal: each class and split has
// its own character, the key shows the characters the plot uses, and nothing fills the
// background; with colours (stdout a terminal) and without.
import Foundation
import Testing

/// A dumb-terminal picture as lines of text: ANSI colours, carriage returns and form feeds removed.
private func textLines(_ output: String) -> [String] {
    let plain = output.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        .replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\u{0C}", with: "")
    return plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// The character the key draws before `title`: a point (`o  outer (train)`, `--x--inner (train)`)
/// or a line (`*****training loss`; in colour, lines are `+---+`).
private func keySymbol(_ lines: [String], _ title: String) -> Character? {
    for line in lines {
        guard let r = line.range(of: title) else { continue }
        return line[..<r.lowerBound].last { $0 != " " && $0 != "-" }
    }
    return nil
}

/// What is inside the plot's frame: between the first and second `|` of each line from the top
/// border to the bottom one (`+-----`, perhaps after a tic label).
private func interior(_ lines: [String]) -> [Substring] {
    let borders = lines.indices.filter { lines[$0].range(of: #"^\s*(\S+\s+)?\+-{4}"#, options: .regularExpression) != nil }
    guard borders.count >= 2 else { return [] }
    return lines[(borders[0] + 1)..<borders[1]].compactMap { line in
        let bars = line.indices.filter { line[$0] == "|" }
        guard bars.count >= 2 else { return nil }
        return line[line.index(after: bars[0])..<bars[1]]
    }
}

/// Runs `command` in a directory of test streams, on a terminal (`script`) when `colour` is true.
private func dumb(_ command: String, colour: Bool) throws -> [String] {
    let dir = try PlotE2E.directory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try PlotStreams.write(into: dir)
    let r = try PlotE2E.shell(colour ? "script -qec \(shellQuoted(command)) /dev/null" : command, in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    return textLines(r.text)
}

/// Checks that the key names a character for each title, a different one each (unless only
/// colours tell them apart: lines on a colour terminal), that the plot
/// draws each of them, and that nothing else but the frame and `extra` is drawn inside it.
private func expectOnlyWhatTheKeyShows(_ lines: [String], titles: [String], extra: Set<Character> = [], distinct: Bool = true,
                                       sourceLocation: SourceLocation = #_sourceLocation) {
    let picture = lines.joined(separator: "\n")
    let symbols = titles.compactMap { keySymbol(lines, $0) }
    #expect(symbols.count == titles.count, "key symbols \(symbols) in:\n\(picture)", sourceLocation: sourceLocation)
    if distinct { #expect(Set(symbols).count == titles.count, "key symbols \(symbols) in:\n\(picture)", sourceLocation: sourceLocation) }
    let inside = interior(lines)
    #expect(inside.count > 10, "no frame found in:\n\(picture)", sourceLocation: sourceLocation)
    for s in symbols { #expect(inside.contains { $0.contains(s) }, "'\(s)' is in the key but not in the plot:\n\(picture)", sourceLocation: sourceLocation) }
    // The frame's tic marks are + and -; in colour a line is drawn in + and - too.
    let stray = Set(inside.joined()).subtracting(Set(symbols).union([" ", "+", "-", "|"]).union(extra))
    #expect(stray.isEmpty, "characters the key does not explain: \(stray.sorted()) in:\n\(picture)", sourceLocation: sourceLocation)
}

@Test(arguments: [false, true])
func boundaryOnTheDumbTerminalDrawsEachClassInTheCharacterItsKeyShows(colour: Bool) throws {
    let lines = try dumb("nn-plot boundary --terminal dumb --size 100,34 --resolution 60 < rings.nn", colour: colour)
    // The decision line, `*` (its key entry is a line, not a point).
    expectOnlyWhatTheKeyShows(lines, titles: ["outer (train)", "inner (train)", "outer (test)", "inner (test)"], extra: ["*"])
}

@Test(arguments: [false, true])
func scatterOnTheDumbTerminalDrawsEachClassInTheCharacterItsKeyShows(colour: Bool) throws {
    let lines = try dumb("nn-plot scatter --terminal dumb --size 100,34 < rings.nn", colour: colour)
    expectOnlyWhatTheKeyShows(lines, titles: ["outer (train)", "inner (train)", "outer (test)", "inner (test)"])
}

@Test(arguments: [false, true])
func curvesOnTheDumbTerminalAreNotDrawnOverByGridLines(colour: Bool) throws {
    let loss = try dumb("nn-plot loss --terminal dumb --size 100,30 < rings.nn", colour: colour)
    expectOnlyWhatTheKeyShows(loss, titles: ["training loss", "validation loss", "validation accuracy (right axis)"], distinct: !colour)
    // The ROC key sits inside the frame, words and all; a grid line would be a row of `*`
    // (`-` in colour) from one side to the other.
    let roc = try dumb("nn-plot roc --terminal dumb --size 80,34 < rings.nn", colour: colour)
    let rows = interior(roc)
    #expect(rows.count > 10, "\(roc.joined(separator: "\n"))")
    for c: Character in ["*", "-"] {
        #expect(!rows.contains { row in row.filter { $0 == c }.count > row.count * 8 / 10 }, "a grid line of \(c) in:\n\(roc.joined(separator: "\n"))")
    }
}

@Test(arguments: [false, true])
func confusionOnTheDumbTerminalIsCountsWithoutAFilledBackground(colour: Bool) throws {
    let lines = try dumb("nn-plot confusion --terminal dumb --size 70,24 < rings.nn", colour: colour)
    let inside = interior(lines).joined()
    let stray = Set(inside).subtracting(Set("0123456789.% +-|"))
    #expect(stray.isEmpty, "\(stray.sorted()) in:\n\(lines.joined(separator: "\n"))")
    #expect(inside.contains("100.0%") || inside.contains("%"), "\(lines.joined(separator: "\n"))")
}

@Test func aThreeEpochRunHasWholeEpochTicksAndOneEpochIsAPointWithoutAWarning() throws {
    for (epochs, ticks) in [(3, ["1", "2", "3"]), (1, ["0", "1", "2"])] {
        let r = try run("nn-data circles --samples 100 --seed 1 | nn-fit --epochs \(epochs) --quiet | nn-plot loss --terminal dumb --size 80,24")
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let lines = textLines(r.text)
        let borders = lines.indices.filter { lines[$0].range(of: #"^\s*(\S+\s+)?\+-{4}"#, options: .regularExpression) != nil }
        // The tic labels are the line under the frame's bottom border.
        let labels = try #require(borders.count >= 2 ? lines[borders[1] + 1] : nil).split(separator: " ").map(String.init)
        #expect(labels == ticks, "\(lines.joined(separator: "\n"))")
        #expect(r.text.contains(epochs == 1 ? "lr 0.5, 1 epoch " : "lr 0.5, 3 epochs "), "\(r.text)")
    }
}
