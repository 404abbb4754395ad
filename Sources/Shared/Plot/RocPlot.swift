// `nn-plot roc`: the ROC curve of the test predictions with its AUC in the title
// (one curve per class, one against the rest, when there are more than two).

public enum RocPlot {
    public static let keep = PlotInput.keeping(["test.predictions", "test.y", "test.x"], model: true)

    public struct Point: Equatable, Sendable {
        public var fpr: Double
        public var tpr: Double
        /// Scores ≥ threshold count as positive; NaN at the start (nothing positive yet).
        public var threshold: Double
    }

    public struct Curve: Sendable {
        public var points: [Point]
        public var auc: Double
    }

    /// The ROC curve: one point per distinct score, from the highest down, so tied scores
    /// move the curve diagonally. fpr = FP / N, tpr = TP / P after admitting every score
    /// ≥ the threshold. AUC = Σ (fpr_i − fpr_{i−1}) · (tpr_i + tpr_{i−1}) / 2 (trapezoids),
    /// which equals P(score of a random positive > random negative) + ½ P(tie).
    /// Nil when either class is absent (the curve is undefined).
    public static func curve(scores: [Float], positive: [Bool]) -> Curve? {
        precondition(scores.count == positive.count)
        let p = positive.filter { $0 }.count, n = positive.count - p
        guard p > 0, n > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var points = [Point(fpr: 0, tpr: 0, threshold: .nan)]
        var tp = 0, fp = 0, i = 0
        var auc = 0.0
        while i < order.count {
            let s = scores[order[i]]
            while i < order.count && scores[order[i]] == s {
                if positive[order[i]] { tp += 1 } else { fp += 1 }
                i += 1
            }
            let next = Point(fpr: Double(fp) / Double(n), tpr: Double(tp) / Double(p), threshold: Double(s))
            let last = points[points.count - 1]
            auc += (next.fpr - last.fpr) * (next.tpr + last.tpr) / 2
            points.append(next)
        }
        return Curve(points: points, auc: auc)
    }

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
            guard let curve = curve(scores: (0..<p.rows).map { p[$0, c] }, positive: y.map { Int($0) == c }) else {
                throw StreamError(line: ys.header.line, "an ROC curve needs both \(classes[c]) and \(rest) in test.y, but test.y has \(y.contains { Int($0) == c } ? "only \(classes[c])" : "no \(classes[c])")")
            }
            aucs.append(curve.auc)
            var block = PlotData(name: "roc\(k == 2 ? "" : String(c))", columns: "false_positive_rate true_positive_rate threshold (\(classes[c]) vs \(rest))")
            for pt in curve.points { block.append(Float(pt.fpr), Float(pt.tpr), Float(pt.threshold)) }
            blocks.append(block)
            let colour = k == 2 ? PlotStyle.classColour(0) : PlotStyle.classColour(c)
            layers.append("$\(block.name) using 1:2 with lines lw 2 lc rgb \"\(colour)\" title \(PlotText.quoted("\(classes[c]) vs \(rest) (AUC \(PlotText.fixed(curve.auc, 3)))"))")
        }
        layers.append("x with lines dt 2 lw 1.5 lc rgb \"#888888\" title \"chance (AUC 0.5)\"")
        let commands = [
            "set xlabel \"false positive rate (1 - specificity)\"",
            "set ylabel \"true positive rate (recall)\"",
            "set xrange [0:1]", "set yrange [0:1]", "set size ratio -1",
            PlotStyle.grid, "set xtics 0.2", "set ytics 0.2",
            "set key bottom right box opaque",
            "plot " + layers.joined(separator: ", \\\n     "),
        ]
        let auc = aucs.reduce(0, +) / Double(aucs.count)
        let title = k == 2
            ? "ROC curve on the test set: \(classes[1]) vs \(classes[0]), AUC \(PlotText.fixed(auc, 4))"
            : "ROC curves on the test set, one class against the rest: macro AUC \(PlotText.fixed(auc, 4))"
        return Plot(kind: "roc", title: title, size: PlotSize(700, 680), data: blocks, commands: commands)
    }
}
