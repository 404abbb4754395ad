// A Plot as text: a self-contained gnuplot script (terminal, data inline, commands),
// or the data alone in gnuplot's own file layout (blocks that `index N` selects).

/// What gnuplot draws on: a PNG or SVG picture on its stdout, or characters on the terminal.
public enum PlotTerminal: String, CaseIterable, Sendable {
    case png, svg, dumb

    public static let font = "DejaVu Sans,10"

    /// The `set terminal` line. `noenhanced` keeps `_` and `^` in class and column names literal.
    public func command(size: PlotSize, colour: Bool = false) -> String {
        switch self {
        case .png:
            return "set terminal pngcairo size \(size.width),\(size.height) noenhanced font \(PlotText.quoted(Self.font)) background rgb \"white\""
        case .svg:
            return "set terminal svg size \(size.width),\(size.height) noenhanced font \(PlotText.quoted(Self.font)) background rgb \"white\""
        case .dumb:
            return "set terminal dumb size \(size.width),\(size.height) noenhanced\(colour ? " ansi256" : "")"
        }
    }
}

extension Plot {
    /// A script that `gnuplot` runs as it is, writing the picture to its stdout.
    /// `size` overrides the plot's own; `colour` asks the dumb terminal for ANSI colours.
    public func script(terminal: PlotTerminal, size: PlotSize? = nil, colour: Bool = false, provenance: String? = nil) -> String {
        var out: [String] = []
        out.append(PlotText.comment("nn-plot \(kind): \(title.joined(separator: "; "))"))
        if let provenance { out.append(PlotText.comment("made by \(provenance)")) }
        out.append("# render: gnuplot this-script > picture.\(terminal == .dumb ? "txt" : terminal.rawValue)")
        out.append(terminal.command(size: size ?? self.size, colour: colour))
        let encodingLine = out.count
        for block in data {
            out.append(PlotText.comment("\(block.name): \(block.columns)"))
            out.append("$\(block.name) << EOD")
            out.append(contentsOf: block.rows)
            out.append("EOD")
        }
        out.append("TITLE = \(PlotText.quoted(lines: title))")
        out.append("set title TITLE")
        if terminal == .dumb {
            // Characters draw grid lines in the characters of the data, so the dumb terminal gets none.
            out.append(contentsOf: (dumbCommands ?? commands).filter { $0 != PlotStyle.grid })
        } else {
            out.append(contentsOf: commands)
        }
        // Non-ASCII text (a class name, a --title) needs gnuplot told it is UTF-8, or the dumb
        // terminal centres it by bytes. Only then: in a locale that is not UTF-8 (C, as cron
        // and many containers run) `set encoding utf8` makes gnuplot warn on every picture.
        if out.contains(where: { $0.utf8.contains { $0 >= 0x80 } }) {
            out.insert("set encoding utf8", at: encodingLine)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The data blocks as a gnuplot data file: a comment naming each block's columns,
    /// blocks separated by two empty lines (`plot 'file' index 1 using 1:2`).
    public func dataText(provenance: String? = nil) -> String {
        var out: [String] = []
        out.append(PlotText.comment("nn-plot \(kind): \(title.joined(separator: "; "))"))
        if let provenance { out.append(PlotText.comment("made by \(provenance)")) }
        out.append("# gnuplot data: \(data.count) block\(data.count == 1 ? "" : "s") separated by two empty lines; select one with 'index N'")
        for (i, block) in data.enumerated() {
            if i > 0 { out.append(""); out.append("") }
            out.append(PlotText.comment("index \(i) (\(block.name)): \(block.columns)"))
            out.append(contentsOf: block.rows)
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// A second line of defence behind PlotText: gnuplot 5.4 has no setting that turns off
/// `system()`, backquotes or pipes, so before a script leaves nn-plot its lines are checked.
/// Outside single-quoted strings and comments a line may hold no backquote and no `system`,
/// and the lines of a data block are numbers. Every text goes through PlotText, so this never
/// fires; were a change to forget it, the script is refused (exit 70) instead of run.
public enum ScriptCheck {
    /// The script, or an internal error (exit 70) naming the first line that could run a command.
    public static func inert(_ script: String) throws -> String {
        if let problem = firstProblem(script) {
            throw IOError("internal error (a bug; please report it): the gnuplot script is not inert: \(problem)", exitCode: ExitCode.software)
        }
        return script
    }

    /// The first line that could run a command, described; nil when there is none.
    static func firstProblem(_ script: String) -> String? {
        var block: Substring? = nil
        for (number, line) in script.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let end = block {
                if line == end { block = nil; continue }
                guard line.utf8.allSatisfy({ numberBytes.contains($0) }) else { return "line \(number + 1): a data row that is not numbers" }
                continue
            }
            let words = line.split(separator: " ")
            if line.hasPrefix("$"), words.count == 3, words[1] == "<<" { block = words[2]; continue }
            guard let bare = unquoted(line) else { return "line \(number + 1): a string that does not end" }
            if bare.contains("`") { return "line \(number + 1): a backquote outside single quotes" }
            if bare.contains("system") { return "line \(number + 1): 'system' outside single quotes" }
        }
        return block == nil ? nil : "a data block that does not end"
    }

    private static let numberBytes = Set("0123456789+-.eENa ".utf8)

    /// The line with its single-quoted strings and its comment taken out (double-quoted strings
    /// stay: gnuplot substitutes backquotes inside them); nil when a string does not end.
    static func unquoted(_ line: Substring) -> String? {
        var out = [UInt8]()
        var bytes = Array(line.utf8)[...]
        var quote: UInt8? = nil
        while let b = bytes.popFirst() {
            switch quote {
            case nil:
                if b == UInt8(ascii: "#") { return String(decoding: out, as: UTF8.self) }
                if b == UInt8(ascii: "'") { quote = b; continue }
                if b == UInt8(ascii: "\"") { quote = b }
                out.append(b)
            case UInt8(ascii: "'"):
                // PlotText never doubles a quote inside a literal; a `''` is two strings here.
                if b == UInt8(ascii: "'") { quote = nil }
            default:
                out.append(b)
                if b == UInt8(ascii: "\\"), let next = bytes.popFirst() { out.append(next) }
                else if b == UInt8(ascii: "\"") { quote = nil }
            }
        }
        return quote == nil ? String(decoding: out, as: UTF8.self) : nil
    }
}
