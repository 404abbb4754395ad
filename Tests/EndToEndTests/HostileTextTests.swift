// Text from a data file is data: class names, column names and titles that gnuplot, a shell or
// a terminal would act on go through every stage and every plot kind without running anything.
// Each injected command would create a file named pwned* in the working directory.
import Foundation
import Testing
import Shared

enum Hostile {
    /// Backquotes, system(), both quote kinds (and a quote with a combining mark, one Character
    /// but two scalars), a final backslash, newlines, CR, EOD, macro and enhanced-text
    /// characters, terminal escapes and other control characters, long UTF-8.
    static let texts: [String] = [
        "z`touch pwned_bq`",
        "system(\"touch pwned_sys\")",
        "a\nsystem(\"touch pwned_nl\")",
        "'; system('touch pwned_sq'); '",
        "x'\u{301}; system(\"touch pwned_comb\") #",
        "it's \"both\" quotes",
        "ends in a backslash \\",
        "cr\rsystem(\"touch pwned_cr\")",
        "\nEOD\nsystem(\"touch pwned_eod\")\n",
        "EOD",
        "@MACRO $HOME 100% a&b {x} ^_ \\n",
        "\u{1b}[31mred\u{1b}]0;title\u{7}\u{1}\u{7f}\u{9b}",
        String(repeating: "ünïcødé ✓ 字 ", count: 12),
        "!touch pwned_bang",
        "`touch pwned_bare`",
        "\"; system(\"touch pwned_dq\"); \"",
    ]

    /// The texts dealt out as the names of one test stream, starting at `offset`.
    static func names(_ offset: Int) -> PlotNames {
        func take(_ k: Int, _ from: Int) -> [String] { (0..<k).map { texts[(offset + from + $0) % texts.count] } }
        return PlotNames(twoClasses: take(2, 0), pictureClasses: take(2, 2), threeClasses: take(3, 4),
                         twoColumns: take(2, 7), threeColumns: take(3, 9), lossColumn: texts[(offset + 12) % texts.count])
    }

    /// Offsets that between them put every text in every role.
    static let offsets = [0, 5, 10]

    /// Files an injected command left in `dir`.
    static func planted(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix("pwned") }
    }

    /// No byte a terminal would act on: no C0 control but the newline, no DEL, no C1 (in UTF-8).
    static func isInertOnATerminal(_ text: String) -> Bool {
        let b = Array(text.utf8)
        for i in b.indices {
            if (b[i] < 0x20 && b[i] != 0x0A) || b[i] == 0x7F { return false }
            if b[i] == 0xC2, i + 1 < b.count, (0x80...0x9F).contains(b[i + 1]) { return false }
        }
        return true
    }
}

@Test(arguments: PlotCase.all)
func hostileNamesAndTitlesRunNothingInAnyOutput(_ c: PlotCase) throws {
    for offset in Hostile.offsets {
        let dir = try PlotE2E.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try PlotStreams.write(into: dir, names: Hostile.names(offset))
        let title = shellQuoted(Hostile.texts[(offset + 14) % Hostile.texts.count])
        let plot = "nn-plot \(c.kind) \(c.arguments) --title \(title)"
        for (output, command) in [("png", "\(plot) --png out.png < \(c.stream)"),
                                  ("svg", "\(plot) --svg out.svg < \(c.stream)"),
                                  ("script", "\(plot) --script < \(c.stream) > plot.gp && gnuplot plot.gp > script.png"),
                                  ("script, no title", "nn-plot \(c.kind) \(c.arguments) --script < \(c.stream) | gnuplot > plain.png")] {
            let r = try PlotE2E.shell(command, in: dir)
            #expect(r.status == 0, "offset \(offset), \(output): \(r.stderr)")
            #expect(Hostile.planted(dir).isEmpty, "offset \(offset), \(output): gnuplot ran a command from the data")
        }
        for picture in ["out.png", "script.png", "plain.png"] {
            #expect(PlotE2E.pngSize((try? Data(contentsOf: URL(fileURLWithPath: dir + "/" + picture))) ?? Data()) != nil, "\(picture)")
        }
        #expect(PlotE2E.svgSize((try? String(contentsOfFile: dir + "/out.svg", encoding: .utf8)) ?? "") != nil)
        // The script's text is what a person reads too: no control character but the newline.
        let script = try String(contentsOfFile: dir + "/plot.gp", encoding: .utf8)
        #expect(Hostile.isInertOnATerminal(script), "offset \(offset): a control character in the script")
    }
}

@Test func hostileTitlesRunNothingOnTheDumbTerminal() throws {
    let dir = try PlotE2E.directory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try PlotStreams.write(into: dir, names: Hostile.names(3))
    for text in Hostile.texts {
        let r = try PlotE2E.shell("nn-plot roc --terminal dumb --title \(shellQuoted(text)) < rings.nn", in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        // The dumb terminal starts its page with a form feed; nothing else may be a control.
        #expect(Hostile.isInertOnATerminal(String(r.text.drop { $0 == "\u{0C}" })), "raw control characters reached the terminal for \(text.debugDescription)")
    }
    #expect(Hostile.planted(dir).isEmpty)
}

/// A CSV field as a spreadsheet writes it: quoted, with quotes doubled.
private func csvField(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

/// Three clusters in two features, labelled with hostile class names under hostile column names.
private func hostileCSV(classes: [String], columns: [String]) -> String {
    var random = Random(seed: 11)
    var lines = [(columns + ["label"]).map(csvField).joined(separator: ",")]
    for i in 0..<150 {
        let c = i % classes.count
        let x = Double(c) * 3 + random.normal(), y = Double(c % 2) * 3 + random.normal()
        lines.append("\(x),\(y),\(csvField(classes[c]))")
    }
    return lines.joined(separator: "\n") + "\n"
}

@Test(arguments: [2, 3])
func hostileCSVNamesGoThroughEveryStageIntact(_ k: Int) throws {
    for offset in Hostile.offsets {
        let dir = try PlotE2E.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let names = Hostile.names(offset)
        let classes = k == 2 ? names.twoClasses : names.threeClasses
        try hostileCSV(classes: classes, columns: names.twoColumns).write(toFile: dir + "/data.csv", atomically: true, encoding: .utf8)
        let fit = try PlotE2E.shell("nn-data csv data.csv --label label --seed 2 | nn-data standardize | nn-fit --quiet --hidden 4 --epochs 300 --save m.nn | nn-eval --quiet > scored.nn", in: dir)
        try #require(fit.status == 0, "offset \(offset): \(fit.stderr)")

        // JSON: every class name comes back exactly, as a key of the per-class scores (k > 2)
        // or in the classes list.
        let json = try PlotE2E.shell("nn-data csv data.csv --label label --seed 2 | nn-data standardize | nn-eval --quiet --model m.nn --json", in: dir)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(Hostile.isInertOnATerminal(json.text))
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let test = try #require(document["test"] as? [String: Any])
        // nn-data csv numbers the classes in sorted order.
        #expect(test["classes"] as? [String] == classes.sorted(), "offset \(offset)")
        if k > 2 { #expect(Set((test["per_class"] as? [String: Any])?.keys.map { $0 } ?? []) == Set(classes)) }

        // The report on a terminal: control characters as escapes, never raw.
        let report = try PlotE2E.shell("nn-eval --report < scored.nn", in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(Hostile.isInertOnATerminal(report.text), "offset \(offset): raw control characters in the report")
        for name in classes where name.visible != name { #expect(report.text.contains(name.visible), "\(name.debugDescription)") }
        let info = try PlotE2E.shell("nn-data info < scored.nn", in: dir)
        #expect(info.status == 0, "\(info.stderr)")
        #expect(Hostile.isInertOnATerminal(info.text + info.stderr), "\(info.text.debugDescription) \(info.stderr.debugDescription)")

        // Every plot kind that suits the stream, as a picture and as a script.
        for kind in ["loss", "boundary", "scatter", "roc", "confusion"] {
            let png = try PlotE2E.shell("nn-plot \(kind) --png \(kind).png < scored.nn", in: dir)
            #expect(png.status == 0, "\(kind): \(png.stderr)")
            let script = try PlotE2E.shell("nn-plot \(kind) --script < scored.nn | gnuplot > \(kind)-script.png", in: dir)
            #expect(script.status == 0, "\(kind) --script: \(script.stderr)")
        }
        #expect(Hostile.planted(dir).isEmpty, "offset \(offset): a command from the CSV ran")
    }
}

@Test func anErrorQuotingHostileTextIsOneInertLine() throws {
    let dir = try PlotE2E.directory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // A label column named with a newline and an escape sequence that is not in the file.
    let r = try PlotE2E.shell("printf 'a,b\\n1,2\\n' > d.csv && nn-data csv d.csv --label \(shellQuoted("x\n\u{1b}[2Jy"))", in: dir)
    #expect(r.status == 64 || r.status == 65, "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    #expect(Hostile.isInertOnATerminal(r.stderr))
    #expect(r.stderr.contains("x\\n\\x1b[2Jy"), "\(r.stderr)")
}
