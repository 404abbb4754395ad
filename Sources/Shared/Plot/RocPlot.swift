// `nn-plot roc`: the ROC curve of the test predictions with its AUC in the title
// (one curve per class, one against the rest, when there are more than two).

public enum RocPlot {
    public static let keep = PlotInput.keeping(["test.predictions", "test.y", "test.x"], model: true)

    public static func make(_ input: PlotInput) throws -> Plot {
        let classes = input.classNames()
        let ys = try input.require("test.y", for: "roc")
        let y = try ys.labels()
        try PlotInput.checkLabels(y, section: ys, classes: classes)
        let k = max(classes.count, 2)
        let p = try input.probabilities(.test, rows: y.count, classes: k, for: "roc")

        // Two classes: class 1 is the positive one. More: each class against the rest.
        let positives = k == 2 ? [1] : Array(0..<k)
        var blocks: [PlotData] = []
        var layers: [String] = []
        var aucs: [Double] = []
        for c in positives {
            let rest = k == 2 ? classes[0] : "rest"
            // nn-eval's curve: one point per distinct score (fewer where the curve runs straight).
            guard let curve = RocCurve(positives: y.map { Int($0) == c }, scores: (0..<p.rows).map { p.probability($0, c) }) else {
                throw StreamError(line: ys.header.line, "an ROC curve needs both \(classes[c]) and \(rest) in test.y, but test.y has \(y.contains { Int($0) == c } ? "only \(classes[c])" : "no \(classes[c])")")
            }
            aucs.append(curve.auc)
            var block = PlotData(name: "roc\(k == 2 ? "" : String(c))", columns: "false_positive_rate true_positive_rate threshold (\(classes[c]) vs \(rest))")
            // The first point admits nothing (threshold +∞): its threshold is written as NaN.
            for (i, (f, t)) in zip(curve.falsePositiveRate, curve.truePositiveRate).enumerated() {
                block.append(Float(f), Float(t), i == 0 ? .nan : Float(curve.thresholds[i]))
            }
            blocks.append(block)
            let colour = k == 2 ? PlotStyle.classColour(0) : PlotStyle.classColour(c)
            layers.append("$\(block.name) using 1:2 with lines lw 2 lc rgb \"\(colour)\" title \(PlotText.quoted("\(classes[c]) vs \(rest) (AUC \(NumberFormat.fixed(curve.auc, decimals: 3)))"))")
        }
        layers.append("x with lines dt 2 lw 1.5 lc rgb \"#888888\" title \(PlotText.quoted("chance (AUC 0.5)"))")
        let commands = [
            "set xlabel \"false positive rate (1 - specificity)\"",
            "set ylabel \"true positive rate (recall)\"",
            "set xrange [0:1]", "set yrange [0:1]", "set size ratio -1",
            PlotStyle.grid, "set xtics 0.2", "set ytics 0.2",
            "set key bottom right box opaque",
            PlotStyle.plot(layers),
        ]
        let auc = aucs.reduce(0, +) / Double(aucs.count)
        var title = [k == 2
            ? "ROC curve on the test set: \(classes[1]) vs \(classes[0]), AUC \(NumberFormat.fixed(auc, decimals: 4))"
            : "ROC curves on the test set, one class against the rest: macro AUC \(NumberFormat.fixed(auc, decimals: 4))"]
        if let model = PlotStyle.summary(input, for: "roc") { title.append(model) }
        return Plot(kind: "roc", title: title, size: PlotSize(700, 680), data: blocks, commands: commands)
    }
}
