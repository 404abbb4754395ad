// `nn-plot weights`: the first layer of a network trained on pictures, one tile per
// unit (row of the weight matrix) laid out as the picture: what each unit looks at.

public enum WeightsPlot {
    /// The model, and the headers of the x sections (for `image=WxH`) without their rows.
    public static let keep = PlotInput.keeping([], model: true)

    public static func make(_ input: PlotInput, count: Int = 64, size: PlotSize? = nil) throws -> Plot {
        precondition(count > 0)
        let network = try input.network(for: "weights")
        if let conv = network.layers[0] as? Convolution { return try kernels(conv, network, count: count, size: size) }
        guard let layer = network.layers[0] as? Dense else {
            throw StreamError(line: nil, "weights draws a network's first dense or convolution layer; this model starts with \(network.layers[0].kind.rawValue)")
        }
        guard let (w, h) = shape(input, inputs: layer.inputs) else {
            throw StreamError(line: nil, "weights draws the first layer as pictures, but its \(layer.inputs) inputs are not a W×H image (no train.x or test.x with image=WxH, and not a square number)")
        }
        let units = min(count, layer.outputs)
        let logistic = network.layers.count == 1
        let classes = network.classes
        var title = logistic
            ? ["Weights of the \(PlotStyle.summary(network))", "what each input pixel adds to the logit"]
            : ["First-layer weights of the \(PlotStyle.summary(network))", "what each hidden unit looks at"]
        if units < layer.outputs { title[1] += " (the first \(units) of \(layer.outputs) units)" }
        if network.standardization != nil { title[1] += ", in standardised pixels" }
        let tiles = (0..<units).map { u in
            let label = logistic && network.output == .sigmoid && classes.count == 2
                ? "red: towards \(classes[1])" : logistic && u < classes.count ? "class \(classes[u])" : "unit \(u + 1)"
            return Tile(label: label, about: "weights into \(label) (bias \(PlotText.number(layer.bias[u]))): \(h) rows of \(w)",
                        pixels: Array(layer.weight.row(u)))
        }
        return draw(tiles, width: w, height: h, title: title, size: size)
    }

    /// The first convolution's kernels, one tile per output channel (summed over the input
    /// channels when there are several).
    static func kernels(_ conv: Convolution, _ network: Network, count: Int, size: PlotSize?) throws -> Plot {
        let k = conv.kernel, c = conv.input.channels
        let units = min(count, conv.channels)
        var title = ["Convolution kernels of the \(PlotStyle.summary(network))", "the \(k)x\(k) kernel of each channel of the first convolution"]
        if units < conv.channels { title[1] += " (the first \(units) of \(conv.channels))" }
        if c > 1 { title[1] += ", summed over its \(c) input channels" }
        if network.standardization != nil { title[1] += ", in standardised pixels" }
        let tiles = (0..<units).map { o in
            let row = conv.weight.row(o)
            let pixels = (0..<(k * k)).map { p in (0..<c).reduce(Float(0)) { $0 + row[row.startIndex + p * c + $1] } }
            return Tile(label: "channel \(o + 1)", about: "kernel of channel \(o + 1) (bias \(PlotText.number(conv.bias[o]))): \(k) rows of \(k)", pixels: pixels)
        }
        return draw(tiles, width: k, height: k, title: title, size: size)
    }

    struct Tile {
        var label: String
        var about: String
        var pixels: [Float]
    }

    static func draw(_ tiles: [Tile], width w: Int, height h: Int, title: [String], size: PlotSize?) -> Plot {
        let units = tiles.count
        // One symmetric range [-m, m] for every tile, so colours compare across units and white
        // is 0. m leaves out the largest 0.5% of |w| (drawn at full colour), so that a few
        // extreme weights do not wash out all the others.
        let magnitudes = tiles.flatMap { $0.pixels.map { abs($0) } }.sorted()
        let largest = magnitudes.last ?? 0
        let m = max(magnitudes[magnitudes.count - 1 - magnitudes.count / 200], Float.leastNormalMagnitude)

        let layout = TileLayout(count: units, aspect: Double(h) / Double(w), labelLines: 1, footer: 84,
                                minWidth: PlotStyle.textWidth(title), size: size)
        let bar = layout.footerFrame
        func s(_ v: Double) -> String { PlotText.number(Float(v)) }
        var blocks: [PlotData] = []
        var commands = TileLayout.setup(width: w, height: h) + [
            PlotStyle.divergingPalette,
            "set cbrange [\(PlotText.number(-m)):\(PlotText.number(m))]",
            "set colorbox horizontal user origin screen \(s(bar.left)), screen \(s(bar.bottom)) size screen \(s(bar.width)), screen \(s(bar.height))",
            "set cbtics font \",8\" textcolor rgb \"#222222\"",
            "set cblabel \(PlotText.quoted("weight: blue negative, white 0, red positive" + (m < largest ? " (the largest, up to \(NumberFormat.fixed(Double(largest), decimals: 2)), in full colour)" : ""))) textcolor rgb \"#222222\"",
            "unset title",
            "set multiplot title TITLE",
        ]
        for (u, tile) in tiles.enumerated() {
            let name = "unit\(u + 1)"
            blocks.append(TileLayout.block(name, about: tile.about, pixels: tile.pixels[...], width: w))
            // The colour bar belongs to the first tile only; the others draw none.
            if u == 1 { commands.append("unset colorbox") }
            commands += layout.tileCommands(u, block: name, labels: [(text: tile.label, colour: "#222222")])
        }
        commands.append("unset multiplot")
        var plot = Plot(kind: "weights", title: title, size: layout.size, data: blocks, commands: commands)
        plot.isPictures = true
        return plot
    }

    /// The picture shape of the inputs: `image=WxH` of train.x or test.x, else a square.
    static func shape(_ input: PlotInput, inputs: Int) -> (Int, Int)? {
        for name in ["train.x", "test.x"] {
            if let s = TileLayout.imageShape(input.header(name)?.attributes["image"]), s.width * s.height == inputs { return s }
        }
        let side = Int(Double(inputs).squareRoot().rounded())
        return side > 1 && side * side == inputs ? (side, side) : nil
    }
}
