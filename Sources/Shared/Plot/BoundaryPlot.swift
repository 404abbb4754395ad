// `nn-plot boundary`: for two-feature data, the model's probability over a grid as a
// colour map, the decision line where it crosses the threshold, and the points by class.

public enum BoundaryPlot {
    public static let keep = PlotInput.keeping(["train.x", "train.y", "test.x", "test.y"], model: true)

    /// The model's class probabilities at the nodes of a regular grid: node (i, j) is
    /// (xs[i], ys[j]) and its probabilities are row i·ys.count + j.
    public struct Grid {
        public var xs: [Float]
        public var ys: [Float]
        public var probabilities: Predictions
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
        let section = Section(name: "grid", matrix: nodes, attributes: standardized ? Attributes([("standardized", "true")]) : Attributes())
        return Grid(xs: xs, ys: ys, probabilities: try StreamScoring.predict(network, section))
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
        let axes = try LabelledSplit.axisLabels(splits)
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
        guard g.probabilities.classes == k else {
            throw StreamError(line: nil, "the model has \(g.probabilities.classes) classes but the data has \(k)")
        }

        var points = PlotData(name: "points", columns: "x1 x2 class split (class: \(PlotStyle.classKey(classes)); split: 0=train 1=test)")
        for s in splits {
            for r in 0..<s.x.rows { points.append(s.x[r, 0], s.x[r, 1], Float(s.y[r]), s.split == .train ? 0 : 1) }
        }
        var commands = [
            "set xlabel \(PlotText.quoted(axes[0]))",
            "set ylabel \(PlotText.quoted(axes[1]))",
            "set xrange [\(PlotText.number(xRange.0)):\(PlotText.number(xRange.1))]",
            "set yrange [\(PlotText.number(yRange.0)):\(PlotText.number(yRange.1))]",
            "set tics out nomirror",
        ]
        // The key: a column of classes per split, then the boundary.
        commands += PlotStyle.keyBelow(rows: classes.count)
        commands += PlotStyle.sameScale(xSpan: xRange.1 - xRange.0, ySpan: yRange.1 - yRange.0)
        let map = k == 2 ? probabilityMap(g, classes: classes, threshold: t) : regionMap(g, classes: classes)
        let drawn = splits.map(\.split)
        // Pictures: the colour map under filled points and the lines. The dumb terminal: the
        // lines and the points as characters, which a colour map would bury.
        let picture = commands + map.colours + map.contours
            + [PlotStyle.plot([map.image] + PlotStyle.pointLayers(classes: classes, splits: drawn, dimensions: 2) + map.lines)]
        let text = commands + map.contours
            + [PlotStyle.plot(PlotStyle.symbolLayers(classes: classes, splits: drawn, dimensions: 2) + map.lines)]

        let scored = splits.last!
        let p = try StreamScoring.predict(network, scored.section)
        let correct = (0..<p.rows).filter { p.predictedClass($0, threshold: Double(t)) == Int(scored.y[$0]) }.count
        var accuracy = "\(scored.split) accuracy \(NumberFormat.fixed(Double(correct) / Double(max(p.rows, 1)), decimals: 3)) (\(correct) of \(p.rows))"
        if k == 2 { accuracy += ", threshold \(PlotText.number(t))" }
        let title = ["Decision boundary: \(PlotStyle.summary(network))", accuracy]
        return Plot(kind: "boundary", title: title, size: PlotSize(760, 720), data: [map.block, points], commands: picture, dumbCommands: text)
    }
}
