// A grid of small pictures (images, weight tiles) drawn as a gnuplot multiplot: each
// tile gets its own screen rectangle, with a band of label lines above it.

public struct TileLayout: Equatable, Sendable {
    public var count: Int
    public var columns: Int
    public var rows: Int
    public var size: PlotSize
    /// Tile size on the canvas, in pixels.
    public var tileWidth: Double
    public var tileHeight: Double

    static let gap = 12.0, header = 60.0, lineHeight = 15.0
    let band: Double, footer: Double, left: Double

    /// `aspect` is a tile's height / width; `footer` leaves room below for a colour bar.
    /// Without a size the canvas is made to fit tiles of a readable size.
    /// `minWidth` keeps room for the title (and the canvas is at least 420 wide).
    public init(count: Int, aspect: Double, labelLines: Int, footer: Double = 12, minWidth: Int = 0, size: PlotSize? = nil) {
        precondition(count > 0)
        self.count = count
        columns = TileLayout.columns(for: count)
        rows = (count + columns - 1) / columns
        band = Double(labelLines) * Self.lineHeight + 4
        self.footer = footer
        let g = Self.gap
        if let size {
            let w = (Double(size.width) - g - Double(columns) * g) / Double(columns)
            let h = (Double(size.height) - Self.header - footer - Double(rows) * (band + g)) / Double(rows) / aspect
            tileWidth = max(4, min(w, h))
            self.size = size
        } else {
            tileWidth = count <= 16 ? 112 : count <= 36 ? 96 : 76
            self.size = PlotSize(max(minWidth, 420, Int((Double(columns) * (tileWidth + g) + g).rounded())),
                                 Int((Self.header + Double(rows) * (tileWidth * aspect + band + g) + footer).rounded()))
        }
        tileHeight = tileWidth * aspect
        left = (Double(self.size.width) - Double(columns) * (tileWidth + g) + g) / 2
    }

    /// Between ⌈√n⌉ and ⌈√(1.6·n)⌉ columns (grids a little wider than tall read well),
    /// the count that leaves the fewest empty places in the last row.
    static func columns(for n: Int) -> Int {
        let lo = Int(Double(n).squareRoot().rounded(.up)), hi = max(lo, Int((1.6 * Double(n)).squareRoot().rounded(.up)))
        return (lo...hi).min { a, b in (a - n % a) % a < (b - n % b) % b }!
    }

    /// Tile i's rectangle in screen coordinates (0..1, origin bottom left), row by row from the top.
    public func frame(_ i: Int) -> (left: Double, right: Double, bottom: Double, top: Double) {
        let (r, c) = (i / columns, i % columns)
        let x = left + Double(c) * (tileWidth + Self.gap)
        let yTop = Self.header + Double(r) * (tileHeight + band + Self.gap) + band
        let w = Double(size.width), h = Double(size.height)
        return (x / w, (x + tileWidth) / w, 1 - (yTop + tileHeight) / h, 1 - yTop / h)
    }

    /// The screen rectangle of the strip below the tiles (for a horizontal colour bar).
    /// The bar's top is 10 px under the last tiles; its tic labels and label go below it.
    public var footerFrame: (left: Double, bottom: Double, width: Double, height: Double) {
        let h = Double(size.height)
        return (0.25, max(0, footer - 22) / h, 0.5, 12 / h)
    }

    /// Commands that draw tile i: its margins, its label lines (text and colour), its matrix.
    public func tileCommands(_ i: Int, block: String, labels: [(text: String, colour: String)]) -> [String] {
        let f = frame(i)
        func s(_ v: Double) -> String { PlotText.number(Float(v)) }
        var out = ["set lmargin at screen \(s(f.left)); set rmargin at screen \(s(f.right)); set bmargin at screen \(s(f.bottom)); set tmargin at screen \(s(f.top))",
                   "unset label"]
        for (j, l) in labels.enumerated() {
            // Lines stack upwards from the tile's top edge: the last line sits lowest.
            let offset = PlotText.number(Float(labels.count - j) - 0.45)
            out.append("set label \(j + 1) \(PlotText.quoted(l.text)) at graph 0.5, 1 offset 0, \(offset) center tc rgb \"\(l.colour)\"")
        }
        out.append("plot $\(block) matrix with image notitle")
        return out
    }

    /// The settings every tile shares: axes of `width`×`height` pixels with row 0 at the top.
    public static func setup(width: Int, height: Int) -> [String] {
        ["unset key", "unset tics", "unset xlabel", "unset ylabel",
         "set border lw 0.5 lc rgb \"#aaaaaa\"",
         "set xrange [-0.5:\(PlotText.number(Float(width) - 0.5))]",
         "set yrange [\(PlotText.number(Float(height) - 0.5)):-0.5]"]
    }

    /// A W×H picture's pixels as a matrix block (row-major, H lines of W numbers).
    public static func block(_ name: String, about: String, pixels: ArraySlice<Float>, width: Int) -> PlotData {
        var b = PlotData(name: name, columns: about)
        var i = pixels.startIndex
        while i < pixels.endIndex {
            b.append(Array(pixels[i..<(i + width)]))
            i += width
        }
        return b
    }

    /// Parses an `image=WxH` attribute.
    public static func imageShape(_ text: String?) -> (width: Int, height: Int)? {
        guard let parts = text?.split(separator: "x"), parts.count == 2,
              let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
        return (w, h)
    }
}
