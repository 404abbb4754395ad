// The look every plot kind shares: class colours, palettes, point shapes, and
// the one-line description of a model that titles carry.

public enum PlotStyle {
    /// One colour per class (Tableau 10, colour-blind friendly), repeated beyond ten.
    public static let classColours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                      "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    public static func classColour(_ c: Int) -> String { classColours[c % classColours.count] }

    /// A light tint of a class colour: (1 - t)·white + t·colour, per channel.
    public static func tint(_ c: Int, _ t: Double) -> (Float, Float, Float) {
        let hex = Array(classColour(c).utf8.dropFirst())
        func channel(_ i: Int) -> Double {
            func v(_ b: UInt8) -> Int { b <= 57 ? Int(b) - 48 : Int(b | 0x20) - 87 }
            return Double(v(hex[2 * i]) * 16 + v(hex[2 * i + 1]))
        }
        return (0..<3).map { i in Float((1 - t) * 255 + t * channel(i)) }.withThree
    }

    /// A colour as gnuplot's quoted "#rrggbb".
    public static func hex(_ c: (Float, Float, Float)) -> String {
        let digits = Array("0123456789abcdef")
        func byte(_ v: Float) -> String {
            let n = min(255, max(0, Int(v.rounded())))
            return String([digits[n / 16], digits[n % 16]])
        }
        return "\"#\(byte(c.0))\(byte(c.1))\(byte(c.2))\""
    }

    /// Diverging palette for signed values (weights): blue below zero, white at zero, red above.
    public static let divergingPalette = "set palette defined (0 \"#2166ac\", 0.25 \"#92c5de\", 0.5 \"#ffffff\", 0.75 \"#f4a582\", 1 \"#b2182b\")"

    /// Light grid lines behind the data.
    public static let grid = "set grid back lt 1 lw 1 lc rgb \"#e0e0e0\""

    /// The key in a box under the plot, `rows` entries high, filled column by column
    /// (gnuplot's own `set key below` can overlap the x label).
    public static func keyBelow(rows: Int) -> [String] {
        ["set key at screen 0.5, screen 0.015 center bottom vertical maxrows \(rows) box Left reverse samplen 2",
         "set bmargin \(5 + rows)"]
    }

    /// A plot (or, for three dimensions, splot) command drawing `layers`, one to a line.
    public static func plot(_ layers: [String], splot: Bool = false) -> String {
        (splot ? "splot " : "plot ") + layers.joined(separator: ", \\\n     ")
    }

    /// One unit the same length on both axes (circles stay round), unless the spans
    /// differ by more than 3× and the picture would become a strip. (The dumb terminal allows
    /// for its characters being about twice as tall as wide: circles stay round there too.)
    public static func sameScale(xSpan: Float, ySpan: Float) -> [String] {
        let aspect = ySpan / xSpan
        return aspect > 1 / 3 && aspect < 3 ? ["set size ratio -1"] : []
    }

    /// Point types: filled circle for training points, filled triangle for test points,
    /// each drawn again as an outline so it stands out on any background.
    public static let trainPoint = (fill: 7, outline: 6)
    public static let testPoint = (fill: 9, outline: 8)

    /// About how many pixels the widest of these lines takes in the 10-point font.
    public static func textWidth(_ lines: [String]) -> Int {
        (lines.map { $0.visible.count }.max() ?? 0) * 7 + 40
    }

    /// Plot layers for points of each class and split in a block whose columns are the
    /// `dimensions` coordinates, the class and the split (0 train, 1 test): each point filled
    /// in its class colour, then outlined in dark grey.
    public static func pointLayers(classes: [String], splits: [PlotSplit], dimensions d: Int, block: String = "points") -> [String] {
        eachPointSet(classes: classes, splits: splits, dimensions: d, block: block) { using, c, split, title in
            let shape = split == .train ? trainPoint : testPoint
            return ["\(using) with points pt \(shape.fill) ps 1 lc rgb \"\(classColour(c))\" title \(title)",
                    "\(using) with points pt \(shape.outline) ps 1 lc rgb \"#333333\" notitle"]
        }
    }

    /// The same points for the dumb terminal, which draws a point as a character: one layer per
    /// class and split, in the character `symbol` gives it (and its class colour, where the
    /// terminal shows colours), so the key shows exactly what the plot draws.
    public static func symbolLayers(classes: [String], splits: [PlotSplit], dimensions d: Int, block: String = "points") -> [String] {
        eachPointSet(classes: classes, splits: splits, dimensions: d, block: block) { using, c, split, title in
            ["\(using) with points pt \(PlotText.quoted(symbol(c, split))) lc rgb \"\(classColour(c))\" title \(title)"]
        }
    }

    /// A class's character on the dumb terminal: lower case for training points, upper case
    /// for test points; repeated beyond ten classes.
    public static func symbol(_ c: Int, _ split: PlotSplit) -> String {
        let letters = ["o", "x", "v", "s", "z", "k", "h", "n", "y", "w"]
        let letter = letters[c % letters.count]
        return split == .train ? letter : letter.uppercased()
    }

    /// The layers of `layer` for each split and class: `using` selects the class's points of
    /// that split (columns: the coordinates, the class, the split), `title` names them.
    private static func eachPointSet(classes: [String], splits: [PlotSplit], dimensions d: Int, block: String,
                                     _ layer: (_ using: String, _ c: Int, _ split: PlotSplit, _ title: String) -> [String]) -> [String] {
        var layers: [String] = []
        for split in splits {
            let code = split == .train ? 0 : 1
            for (c, name) in classes.enumerated() {
                let last = "(($\(d + 1) == \(c) && $\(d + 2) == \(code)) ? $\(d) : NaN)"
                let using = "$\(block) using " + ((1..<d).map(String.init) + [last]).joined(separator: ":")
                layers += layer(using, c, split, PlotText.quoted("\(name) (\(split))"))
            }
        }
        return layers
    }

    /// `0=dress 1=coat`: what the class numbers in a data block stand for.
    public static func classKey(_ classes: [String]) -> String {
        classes.enumerated().map { "\($0.offset)=\($0.element)" }.joined(separator: " ")
    }

    /// `logistic regression (2 inputs)` or `network 784-16-1 (sigmoid)`.
    public static func describe(_ network: Network) -> String {
        if network.layers.count == 1 {
            return network.output == .softmax ? "softmax regression" : "logistic regression"
        }
        let acts = Set(network.hiddenActivations.map(\.rawValue)).sorted().joined(separator: ",")
        return "network \(network.structureText) (\(acts))"
    }

    /// The model and how it was trained, for a title: `network 2-5-1 (sigmoid), full-batch, lr 0.5`.
    public static func summary(_ network: Network) -> String {
        let t = training(network)
        return describe(network) + (t.isEmpty ? "" : ", \(t)")
    }

    /// The summary of the model in `input`, if it holds one that reads.
    public static func summary(_ input: PlotInput, for kind: String) -> String? {
        guard input.hasModel, let network = try? input.network(for: kind) else { return nil }
        return summary(network)
    }

    /// The training record (as nn-fit writes it) a title can show: `minibatch 64, adam, lr 0.001, 10 epochs`.
    public static func training(_ network: Network) -> String {
        let t = network.training
        var parts: [String] = []
        if let method = t["method"] { parts.append(method + (t["batch_size"].map { " \($0)" } ?? "")) }
        if let o = t["optimizer"], o != "sgd" { parts.append(o) }
        if let lr = t["lr"] { parts.append("lr \(lr)") }
        if let e = t["epochs"] { parts.append(e == "1" ? "1 epoch" : "\(e) epochs") } else if let i = t["iterations"] { parts.append(i == "1" ? "1 iteration" : "\(i) iterations") }
        return parts.joined(separator: ", ")
    }
}

extension Array where Element == Float {
    fileprivate var withThree: (Float, Float, Float) { (self[0], self[1], self[2]) }
}
