// A picture as nn-plot builds it: the data a plot kind computed, in named blocks,
// and the gnuplot commands that draw them. GnuplotScript.swift turns it into text.

/// One block of plot data: rows of numbers as gnuplot reads them. An empty row ends
/// a scan (one line of a grid drawn `with image` or contoured by `splot`).
public struct PlotData: Equatable, Sendable {
    /// The gnuplot datablock name, without `$`.
    public var name: String
    /// What the columns hold, e.g. "epoch loss val_loss".
    public var columns: String
    public var rows: [String]

    public init(name: String, columns: String, rows: [String] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// Appends one row of numbers.
    public mutating func append(_ values: Float...) {
        rows.append(PlotText.numbers(values))
    }

    public mutating func append(_ values: [Float]) {
        rows.append(PlotText.numbers(values))
    }

    /// Ends a scan: gnuplot reads a single empty line inside a block as the end of one grid line.
    public mutating func endScan() {
        rows.append("")
    }
}

/// Width and height: pixels for png and svg, characters for the dumb terminal.
public struct PlotSize: Equatable, Sendable {
    public var width: Int
    public var height: Int

    public init(_ width: Int, _ height: Int) {
        self.width = width
        self.height = height
    }

    /// Parses `800,600` (or `800x600`); nil unless both are positive integers up to 20000.
    public init?(text: String) {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == "x" })
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
              (1...20000).contains(w), (1...20000).contains(h) else { return nil }
        self.init(w, h)
    }
}

public struct Plot: Sendable {
    /// The plot kind (`loss`, `boundary`, ...), named in the script's first line.
    public var kind: String
    /// The title, a line each (text from the data is kept to its line: PlotText.quoted(lines:)).
    public var title: [String]
    /// The size the kind's layout was made for; `--size` overrides it.
    public var size: PlotSize
    public var data: [PlotData]
    /// Commands that follow the data blocks and `set title`; they name blocks as `$name`.
    public var commands: [String]
    /// What the dumb terminal runs instead of `commands`, when the picture's colour maps and
    /// filled, outlined points would come out there as a wall of characters (nil: `commands`).
    public var dumbCommands: [String]?
    /// True when the plot is nothing but pictures, which the dumb terminal cannot draw.
    public var isPictures = false

    public init(kind: String, title: [String], size: PlotSize, data: [PlotData] = [], commands: [String] = [], dumbCommands: [String]? = nil) {
        self.kind = kind
        self.title = title
        self.size = size
        self.data = data
        self.commands = commands
        self.dumbCommands = dumbCommands
    }
}
