// `nn-plot confusion`: the confusion matrix as a heatmap, rows the true class and
// columns the predicted one, each cell showing its count and share of its row.

public enum ConfusionPlot {
    public static func keep(_ split: PlotSplit) -> (String) -> Bool {
        PlotInput.keeping(["\(split).confusion", "\(split).predictions", "\(split).y", "\(split).x"], model: true)
    }

    /// counts[true][predicted]. Two classes: predicted 1 when P(class 1) ≥ threshold;
    /// more: the most probable class (the first of equals).
    public static func counts(_ p: Matrix, labels: [Int32], threshold: Float) -> [[Int]] {
        var m = [[Int]](repeating: [Int](repeating: 0, count: p.cols), count: p.cols)
        for r in 0..<p.rows { m[Int(labels[r])][PlotInput.predictedClass(p, row: r, threshold: threshold)] += 1 }
        return m
    }

    /// nn-eval's `<split>.confusion` when present (and no threshold is asked for), else
    /// counts of the split's predictions (from the stream, or the model) against its labels.
    public static func make(_ input: PlotInput, split: PlotSplit = .test, threshold: Double? = nil) throws -> Plot {
        let classes = input.classNames()
        let k = max(classes.count, 2)
        if threshold != nil && k > 2 {
            throw UsageError("--threshold applies to two classes; with \(k) each row goes to its most probable class")
        }
        var source = "\(split).confusion"
        let m: [[Int]]
        if let c = input["\(split).confusion"], threshold == nil {
            m = try read(c, classes: k)
        } else {
            let ys = try input.require("\(split).y", for: "confusion")
            let y = try ys.labels()
            try PlotInput.checkLabels(y, section: ys, classes: classes)
            let p = try input.probabilities(split, rows: y.count, classes: k, for: "confusion")
            m = counts(p, labels: y, threshold: Float(threshold ?? 0.5))
            source = input["\(split).predictions"] != nil ? "\(split).predictions" : "the model"
        }
        let total = m.joined().reduce(0, +)
        guard total > 0 else { throw StreamError(line: nil, "\(source) counts no \(split) rows") }
        let correct = (0..<k).map { m[$0][$0] }.reduce(0, +)

        var cells = PlotData(name: "cells", columns: "true predicted count fraction_of_true_class (class: \(PlotStyle.classKey(classes)))")
        for t in 0..<k {
            let row = m[t].reduce(0, +)
            for p in 0..<k { cells.append(Float(t), Float(p), Float(m[t][p]), row > 0 ? Float(m[t][p]) / Float(row) : 0) }
            cells.endScan()
        }
        let tics = classes.enumerated().map { "\(PlotText.quoted($0.element)) \($0.offset)" }.joined(separator: ", ")
        let label = "sprintf(\"%d\\n%.1f%%\", $3, 100 * $4)"
        let end = PlotText.number(Float(k) - 0.5)
        var commands = [
            "set xlabel \"predicted class\"", "set ylabel \"true class\"",
            "set xrange [-0.5:\(end)]", "set yrange [\(end):-0.5]",
            "set xtics (\(tics))\(k > 4 ? " rotate by 30 right" : "")", "set ytics (\(tics))",
            "set tics scale 0", "set size ratio -1", "unset key",
            "set palette defined (0 \"#ffffff\", 1 \"#08519c\")",
            "set cbrange [0:1]", "set cblabel \"fraction of the true class\"",
        ]
        // Counts read in white on dark cells, in black on light ones.
        commands.append("plot $cells using 2:1:4 with image, \\\n"
            + "     $cells using 2:1:($4 > 0.5 ? \(label) : \"\") with labels tc rgb \"white\"\(k > 6 ? " font \",8\"" : " font \",12\""), \\\n"
            + "     $cells using 2:1:($4 > 0.5 ? \"\" : \(label)) with labels tc rgb \"black\"\(k > 6 ? " font \",8\"" : " font \",12\"")")
        var title = "Confusion matrix, \(split) set: accuracy \(PlotText.fixed(Double(correct) / Double(total), 3)) (\(correct) of \(total))"
        if source != "\(split).confusion" && k == 2 { title += ", threshold \(PlotText.number(Float(threshold ?? 0.5)))" }
        let side = k > 4 ? 720 : 600
        return Plot(kind: "confusion", title: title, size: PlotSize(side + 60, side), data: [cells], commands: commands)
    }

    /// A k×k i32 confusion section with non-negative counts.
    static func read(_ c: Section, classes k: Int) throws -> [[Int]] {
        guard case .i32(let v) = c.storage, c.rows == k, c.cols == k else {
            throw StreamError(line: c.header.line, "\(c.name) must be i32 \(k)x\(k) (one row and column per class), found \(c.header.type.rawValue) \(c.rows)x\(c.cols)")
        }
        if let bad = v.firstIndex(where: { $0 < 0 }) {
            throw StreamError(line: c.header.line.map { $0 + bad / k + 1 }, "\(c.name): count \(v[bad]) is negative")
        }
        return (0..<k).map { r in (0..<k).map { Int(v[r * k + $0]) } }
    }
}
