// `nn-plot boundary`: for two-feature data, the model's probability over a grid as a
// colour map, the decision line where it crosses the threshold, and the points by class.

public enum BoundaryPlot {
    public static let keep = PlotInput.keeping(["train.x", "train.y", "test.x", "test.y"], model: true)

    /// The model's class probabilities at the nodes of a regular grid: node (i, j) is
    /// (xs[i], ys[j]) and its probabilities are row i·ys.count + j.
    public struct Grid {
        public var xs: [Float]
        public var ys: [Float]
        public var probabilities: Matrix
    }

    /// Evaluates `network` on a `resolution`² grid over the box; the box is in the data's own
    /// coordinates, so a model with a standardisation gets the grid standardised (unless the
    /// data already is).
    public static func grid(_ network: Network, x: (Float, Float), y: (Float, Float), resolution n: Int, standardized: Bool) throws -> Grid {
        precondition(n >= 2)
        func axis(_ r: (Float, Float)) -> [Float] { (0..<n).map { r.0 + (r.1 - r.0) * Float($0) / Float(n - 1) } }
        let xs = axis(x), ys = axis(y)
        var nodes = Matrix(rows: n * n, cols: 2)
        for i in 0..<n {
            for j in 0..<n {
                nodes[i * n + j, 0] = xs[i]
                nodes[i * n + j, 1] = ys[j]
            }
        }
        let p = try PlotInput.apply(network, to: nodes, standardized: standardized, name: "the grid")
        return Grid(xs: xs, ys: ys, probabilities: p)
    }

    /// The range of `values` widened by 5% on each side (by 1 when all values are equal).
    public static func padded(_ values: [Float]) -> (Float, Float) {
        let lo = values.min() ?? 0, hi = values.max() ?? 1
        let pad = hi > lo ? (hi - lo) * 0.05 : 1
        return (lo - pad, hi + pad)
    }

    public static func make(_ input: PlotInput, threshold: Double? = nil, resolution: Int = 200) throws -> Plot {
        let classes = input.classNames()
        let present = PlotSplit.allCases.filter { input["\($0).x"] != nil }
        guard !present.isEmpty else {
            throw input.missing(["train.x", "train.y"], for: "boundary", or: "'test.x' and 'test.y'")
        }
        let splits = try present.map { try input.labelled($0, classes: classes, for: "boundary") }
        for s in splits where s.x.cols != 2 {
            throw StreamError(line: s.header.line, "boundary draws two-feature data, but \(s.split).x has \(s.x.cols) features; try nn-plot scatter")
        }
        let network = try input.network(for: "boundary")
        guard network.inputs == 2 else {
            throw StreamError(line: nil, "boundary needs a model of two inputs; this one takes \(network.inputs)")
        }
        let k = max(classes.count, 2)
        if threshold != nil && k > 2 {
            throw UsageError("--threshold applies to two classes; this model has \(k) (each point goes to its most probable class)")
        }
        let t = Float(threshold ?? 0.5)
        let xRange = padded(splits.flatMap { s in (0..<s.x.rows).map { s.x[$0, 0] } })
        let yRange = padded(splits.flatMap { s in (0..<s.x.rows).map { s.x[$0, 1] } })
        let g = try grid(network, x: xRange, y: yRange, resolution: resolution, standardized: splits[0].isStandardized)
        guard g.probabilities.cols == k else {
            throw StreamError(line: nil, "the model has \(g.probabilities.cols) classes but the data has \(k)")
        }

        var points = PlotData(name: "points", columns: "x1 x2 class split (class: \(classKey(classes)); split: 0=train 1=test)")
        for s in splits {
            for r in 0..<s.x.rows { points.append(s.x[r, 0], s.x[r, 1], Float(s.y[r]), s.split == .train ? 0 : 1) }
        }
        let names = splits[0].featureNames
        var commands = [
            "set xlabel \(PlotText.quoted(names[0]))",
            "set ylabel \(PlotText.quoted(names[1]))",
            "set xrange [\(PlotText.number(xRange.0)):\(PlotText.number(xRange.1))]",
            "set yrange [\(PlotText.number(yRange.0)):\(PlotText.number(yRange.1))]",
            "set tics out nomirror",
        ]
        // The key: a column of classes per split, then the boundary.
        commands += PlotStyle.keyBelow(rows: classes.count)
        // Round circles stay round, unless the two features have very different spreads.
        let aspect = (yRange.1 - yRange.0) / (xRange.1 - xRange.0)
        if aspect > 0.33 && aspect < 3 { commands.append("set size ratio -1") }

        var layers: [String]
        let gridBlock: PlotData
        if k == 2 {
            gridBlock = probabilityBlock(g, classes: classes)
            let (lo, hi) = (PlotStyle.tint(0, 0.45), PlotStyle.tint(1, 0.45))
            commands += [
                "set palette defined (0 \(rgb(lo)), \(PlotText.number(t)) \"#ffffff\", 1 \(rgb(hi)))",
                "set cbrange [0:1]",
                "set cblabel \(PlotText.quoted("P(\(classes[1]))"))",
            ]
            layers = ["$grid using 1:2:3 with image notitle"] + pointLayers(classes: classes, splits: splits.map(\.split))
            let p1 = (0..<g.probabilities.rows).map { g.probabilities[$0, 1] }
            if (p1.min() ?? 0) < t && (p1.max() ?? 0) > t {
                commands += contour(column: 3, level: t, into: "boundary")
                layers.append("$boundary using 1:2 with lines lw 2.5 lc rgb \"#222222\" title \(PlotText.quoted("P(\(classes[1])) = \(PlotText.number(t))"))")
            }
        } else {
            gridBlock = regionBlock(g, classes: classes)
            layers = ["$grid using 1:2:5:6:7 with rgbimage notitle"] + pointLayers(classes: classes, splits: splits.map(\.split))
            // Each region's edge is where its margin over the next most probable class is 0.
            var titled = false
            for c in 0..<k {
                let margins = (0..<g.probabilities.rows).map { margin(g.probabilities, $0, c) }
                guard (margins.min() ?? 0) < 0 && (margins.max() ?? 0) > 0 else { continue }
                commands += contour(column: 8 + c, level: 0, into: "edge\(c)")
                layers.append("$edge\(c) using 1:2 with lines lw 2 lc rgb \"#222222\" " + (titled ? "notitle" : "title \"decision boundaries\""))
                titled = true
            }
        }
        commands.append("plot " + layers.joined(separator: ", \\\n     "))

        let scored = splits.last!
        let p = try PlotInput.apply(network, to: scored.x, standardized: scored.isStandardized, name: "\(scored.split).x")
        var correct = 0
        for r in 0..<p.rows where predicted(p, r, threshold: t) == Int(scored.y[r]) { correct += 1 }
        var title = "Decision boundary: \(PlotStyle.describe(network))"
        title += "\n\(scored.split) accuracy \(PlotText.fixed(Double(correct) / Double(max(p.rows, 1)), 3)) (\(correct) of \(p.rows))"
        if k == 2 { title += ", threshold \(PlotText.number(t))" }
        return Plot(kind: "boundary", title: title, size: PlotSize(760, 720), data: [gridBlock, points], commands: commands)
    }

    /// The predicted class of row r: P(class 1) ≥ threshold for two classes, else the most probable.
    static func predicted(_ p: Matrix, _ r: Int, threshold: Float) -> Int {
        if p.cols == 2 { return p[r, 1] >= threshold ? 1 : 0 }
        var best = 0
        for c in 1..<p.cols where p[r, c] > p[r, best] { best = c }
        return best
    }

    static func probabilityBlock(_ g: Grid, classes: [String]) -> PlotData {
        var block = PlotData(name: "grid", columns: "x1 x2 P(\(classes[1])) (one scan per x1)")
        for (i, x) in g.xs.enumerated() {
            for (j, y) in g.ys.enumerated() { block.append(x, y, g.probabilities[i * g.ys.count + j, 1]) }
            block.endScan()
        }
        return block
    }

    /// gnuplot traces where grid column `column` equals `level` into the datablock `$name`.
    static func contour(column: Int, level: Float, into name: String) -> [String] {
        ["set contour base", "set cntrparam levels discrete \(PlotText.number(level))", "unset surface",
         "set table $\(name)", "splot $grid using 1:2:\(column)", "unset table", "unset contour", "set surface"]
    }

    /// P(c) minus the largest other class probability: positive exactly where c is predicted.
    static func margin(_ p: Matrix, _ r: Int, _ c: Int) -> Float {
        var other = -Float.infinity
        for j in 0..<p.cols where j != c { other = max(other, p[r, j]) }
        return p[r, c] - other
    }

    /// Multi-class grid: each node tinted with its most probable class, the deeper the surer.
    static func regionBlock(_ g: Grid, classes: [String]) -> PlotData {
        let k = g.probabilities.cols
        let margins = classes.indices.map { "margin_\($0)" }.joined(separator: " ")
        var block = PlotData(name: "grid", columns: "x1 x2 class probability red green blue \(margins) (one scan per x1; class: \(classKey(classes)); margin_c = P(c) - the largest other P)")
        for (i, x) in g.xs.enumerated() {
            for (j, y) in g.ys.enumerated() {
                let r = i * g.ys.count + j
                let c = predicted(g.probabilities, r, threshold: 0.5)
                let p = g.probabilities[r, c]
                // The tint deepens from 0.1 (a tie of all k classes, p = 1/k) to 0.45 (certain).
                let depth = 0.35 * Double(max(0, (p - 1 / Float(k)) / (1 - 1 / Float(k))))
                let (red, green, blue) = PlotStyle.tint(c, 0.1 + depth)
                block.append([x, y, Float(c), p, red.rounded(), green.rounded(), blue.rounded()]
                             + (0..<k).map { margin(g.probabilities, r, $0) })
            }
            block.endScan()
        }
        return block
    }

    /// Points of each class and split: filled in the class colour, outlined in dark grey.
    static func pointLayers(classes: [String], splits: [PlotSplit]) -> [String] {
        var layers: [String] = []
        for split in splits {
            let code = split == .train ? 0 : 1
            let shape = split == .train ? PlotStyle.trainPoint : PlotStyle.testPoint
            for (c, name) in classes.enumerated() {
                let using = "$points using 1:(($3 == \(c) && $4 == \(code)) ? $2 : NaN)"
                layers.append("\(using) with points pt \(shape.fill) ps 1 lc rgb \"\(PlotStyle.classColour(c))\" title \(PlotText.quoted("\(name) (\(split))"))")
                layers.append("\(using) with points pt \(shape.outline) ps 1 lc rgb \"#333333\" notitle")
            }
        }
        return layers
    }

    static func classKey(_ classes: [String]) -> String {
        classes.enumerated().map { "\($0.offset)=\($0.element)" }.joined(separator: " ")
    }

    static func rgb(_ c: (Float, Float, Float)) -> String {
        func hex(_ v: Float) -> String {
            let n = Int(v.rounded())
            let digits = Array("0123456789abcdef")
            return String([digits[n / 16], digits[n % 16]])
        }
        return "\"#\(hex(c.0))\(hex(c.1))\(hex(c.2))\""
    }
}
