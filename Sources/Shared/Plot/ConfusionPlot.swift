// `nn-plot confusion`: the confusion matrix as a heatmap, rows the true class and
// columns the predicted one, each cell showing its count and share of its row.

public enum ConfusionPlot {
    public static func keep(_ split: PlotSplit) -> (String) -> Bool {
        PlotInput.keeping(["\(split).confusion", "\(split).predictions", "\(split).y", "\(split).x"], model: true)
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
        let m: ConfusionMatrix
        if let c = input["\(split).confusion"], threshold == nil {
            m = try read(c, classes: k)
        } else {
            let ys = try input.require("\(split).y", for: "confusion")
            let y = try ys.labels()
            try PlotInput.checkLabels(y, section: ys, classes: classes)
            let p = try input.probabilities(split, rows: y.count, classes: k, for: "confusion")
            // Two classes: predicted 1 when P(class 1) ≥ threshold; more: the most probable class.
            m = ConfusionMatrix(truth: y.map(Int.init), predicted: p.predictedClasses(threshold: threshold ?? 0.5), classes: k)
            source = input["\(split).predictions"] != nil ? "\(split).predictions" : "the model"
        }
        let total = m.total, correct = m.correct
        guard total > 0 else { throw StreamError(line: nil, "\(source) counts no \(split) rows") }

        var cells = PlotData(name: "cells", columns: "true predicted count fraction_of_true_class (class: \(PlotStyle.classKey(classes)))")
        for t in 0..<k {
            let row = m.rows[t].reduce(0, +)
            for p in 0..<k { cells.append(Float(t), Float(p), Float(m[t, p]), row > 0 ? Float(m[t, p]) / Float(row) : 0) }
            cells.endScan()
        }
        let tics = classes.enumerated().map { "\(PlotText.ticLabel($0.element)) \($0.offset)" }.joined(separator: ", ")
        let label = "sprintf(\"%d\\n%.1f%%\", $3, 100 * $4)"
        let end = PlotText.number(Float(k) - 0.5)
        let commands = [
            "set xlabel \"predicted class\"", "set ylabel \"true class\"",
            "set xrange [-0.5:\(end)]", "set yrange [\(end):-0.5]",
            "set xtics (\(tics))\(k > 4 ? " rotate by 30 right" : "")", "set ytics (\(tics))",
            "set tics scale 0", "set size ratio -1", "unset key",
            "set palette defined (0 \"#ffffff\", 1 \"#08519c\")",
            "set cbrange [0:1]", "set cblabel \"fraction of the true class\"",
        ]
        // Counts read in white on dark cells, in black on light ones. The dumb terminal has no
        // shades to read them on: it writes the counts alone.
        let font = k > 6 ? " font \",8\"" : " font \",12\""
        let picture = commands + [PlotStyle.plot([
            "$cells using 2:1:4 with image",
            "$cells using 2:1:($4 > 0.5 ? \(label) : \"\") with labels tc rgb \"white\"\(font)",
            "$cells using 2:1:($4 > 0.5 ? \"\" : \(label)) with labels tc rgb \"black\"\(font)",
        ])]
        let text = commands + ["unset colorbox", PlotStyle.plot(["$cells using 2:1:(\(label)) with labels"])]
        var title = ["Confusion matrix, \(split) set: accuracy \(NumberFormat.fixed(Double(correct) / Double(total), decimals: 3)) (\(correct) of \(total))"]
        if source != "\(split).confusion" && k == 2 { title[0] += ", threshold \(PlotText.number(Float(threshold ?? 0.5)))" }
        if let model = PlotStyle.summary(input, for: "confusion") { title.append(model) }
        let side = k > 4 ? 720 : 600
        return Plot(kind: "confusion", title: title, size: PlotSize(side + 60, side), data: [cells], commands: picture, dumbCommands: text)
    }

    /// A k×k i32 confusion section with non-negative counts.
    static func read(_ c: Section, classes k: Int) throws -> ConfusionMatrix {
        guard case .i32(let v) = c.storage, c.rows == k, c.cols == k else {
            throw StreamError(line: c.header.line, "\(c.name) must be i32 \(k)x\(k) (one row and column per class), found \(c.header.type.rawValue) \(c.rows)x\(c.cols)")
        }
        if let bad = v.firstIndex(where: { $0 < 0 }) {
            throw StreamError(line: c.header.line.map { $0 + bad / k + 1 }, "\(c.name): count \(v[bad]) is negative")
        }
        return ConfusionMatrix((0..<k).map { r in (0..<k).map { Int(v[r * k + $0]) } })
    }
}
