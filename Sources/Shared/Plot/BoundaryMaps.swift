// What the boundary plot draws under its points: for two classes P(class 1) as a colour
// map with the line at the threshold; for more, each region in its class colour with its edges.

extension BoundaryPlot {
    /// The grid block, the settings of its colours, the contours traced from it, the image
    /// layer, and the line layers (the dumb terminal draws the lines alone).
    struct Map {
        var block: PlotData
        var colours: [String]
        var contours: [String]
        var image: String
        var lines: [String]
    }

    /// Two classes: light class-0 colour at P = 0, white at the threshold, light class-1 colour at 1.
    static func probabilityMap(_ g: Grid, classes: [String], threshold t: Float) -> Map {
        var block = PlotData(name: "grid", columns: "x1 x2 P(\(classes[1])) (one scan per x1)")
        for (i, x) in g.xs.enumerated() {
            for (j, y) in g.ys.enumerated() { block.append(x, y, Float(g.probabilities.probability(i * g.ys.count + j, 1))) }
            block.endScan()
        }
        let colours = [
            "set palette defined (0 \(PlotStyle.hex(PlotStyle.tint(0, 0.45))), \(PlotText.number(t)) \"#ffffff\", 1 \(PlotStyle.hex(PlotStyle.tint(1, 0.45))))",
            "set cbrange [0:1]",
            "set cblabel \(PlotText.quoted("P(\(classes[1]))"))",
        ]
        var contours: [String] = [], lines: [String] = []
        let p1 = (0..<g.probabilities.rows).map { Float(g.probabilities.probability($0, 1)) }
        if (p1.min() ?? 0) < t && (p1.max() ?? 0) > t {
            contours += contour(column: 3, level: t, into: "boundary")
            lines.append("$boundary using 1:2 with lines \(line(width: 2.5)) title \(PlotText.quoted("P(\(classes[1])) = \(PlotText.number(t))"))")
        }
        return Map(block: block, colours: colours, contours: contours, image: "$grid using 1:2:3 with image notitle", lines: lines)
    }

    /// More classes: each node tinted with its most probable class, the deeper the surer;
    /// a region's edge is where its margin over the next most probable class is 0.
    static func regionMap(_ g: Grid, classes: [String]) -> Map {
        let k = g.probabilities.classes
        let margins = classes.indices.map { "margin_\($0)" }.joined(separator: " ")
        var block = PlotData(name: "grid", columns: "x1 x2 class probability red green blue \(margins) (one scan per x1; class: \(PlotStyle.classKey(classes)); margin_c = P(c) - the largest other P)")
        var low = [Float](repeating: .infinity, count: k), high = [Float](repeating: -.infinity, count: k)
        for (i, x) in g.xs.enumerated() {
            for (j, y) in g.ys.enumerated() {
                let r = i * g.ys.count + j
                let c = g.probabilities.predictedClass(r, threshold: 0.5)
                let p = Float(g.probabilities.probability(r, c))
                // The tint deepens from 0.1 (a tie of all k classes, p = 1/k) to 0.45 (certain).
                let depth = 0.35 * Double(max(0, (p - 1 / Float(k)) / (1 - 1 / Float(k))))
                let (red, green, blue) = PlotStyle.tint(c, 0.1 + depth)
                let m = (0..<k).map { margin(g.probabilities, r, $0) }
                for c in 0..<k { low[c] = min(low[c], m[c]); high[c] = max(high[c], m[c]) }
                block.append([x, y, Float(c), p, red.rounded(), green.rounded(), blue.rounded()] + m)
            }
            block.endScan()
        }
        var contours: [String] = [], lines: [String] = []
        for c in 0..<k where low[c] < 0 && high[c] > 0 {
            contours += contour(column: 8 + c, level: 0, into: "edge\(c)")
            lines.append("$edge\(c) using 1:2 with lines \(line(width: 2)) " + (lines.isEmpty ? "title \(PlotText.quoted("decision boundaries"))" : "notitle"))
        }
        return Map(block: block, colours: [], contours: contours, image: "$grid using 1:2:5:6:7 with rgbimage notitle", lines: lines)
    }

    /// How a decision line is drawn: dark grey, and line type 1, which the dumb terminal draws
    /// in `*` (each later line type in another character).
    static func line(width: Float) -> String { "lt 1 lw \(PlotText.number(width)) lc rgb \"#222222\"" }

    /// gnuplot traces where grid column `column` equals `level` into the datablock `$name`.
    static func contour(column: Int, level: Float, into name: String) -> [String] {
        ["set contour base", "set cntrparam levels discrete \(PlotText.number(level))", "unset surface",
         "set table $\(name)", "splot $grid using 1:2:\(column)", "unset table", "unset contour", "set surface"]
    }

    /// P(c) minus the largest other class probability: positive exactly where c is predicted.
    static func margin(_ p: Predictions, _ r: Int, _ c: Int) -> Float {
        var other = -Double.infinity
        for j in 0..<p.classes where j != c { other = max(other, p.probability(r, j)) }
        return Float(p.probability(r, c) - other)
    }
}
