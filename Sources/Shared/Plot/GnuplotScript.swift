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
        out.append("# nn-plot \(kind): \(title.split(separator: "\n").joined(separator: "; "))")
        if let provenance { out.append("# made by \(provenance)") }
        out.append("# render: gnuplot this-script > picture.\(terminal == .dumb ? "txt" : terminal.rawValue)")
        out.append(terminal.command(size: size ?? self.size, colour: colour))
        let encodingLine = out.count
        for block in data {
            out.append("# \(block.name): \(block.columns)")
            out.append("$\(block.name) << EOD")
            out.append(contentsOf: block.rows)
            out.append("EOD")
        }
        out.append("TITLE = \(PlotText.quoted(title))")
        out.append("set title TITLE")
        out.append(contentsOf: commands)
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
        out.append("# nn-plot \(kind): \(title.split(separator: "\n").joined(separator: "; "))")
        if let provenance { out.append("# made by \(provenance)") }
        out.append("# gnuplot data: \(data.count) block\(data.count == 1 ? "" : "s") separated by two empty lines; select one with 'index N'")
        for (i, block) in data.enumerated() {
            if i > 0 { out.append(""); out.append("") }
            out.append("# index \(i) (\(block.name)): \(block.columns)")
            out.append(contentsOf: block.rows)
        }
        return out.joined(separator: "\n") + "\n"
    }
}
