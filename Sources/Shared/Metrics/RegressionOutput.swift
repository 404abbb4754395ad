// How a regressor's scores leave nn-eval: the sections appended to the stream, JSON for
// scripts, and the report for people. The same seven scores, in the same order, in each.

public enum RegressionOutput {
    /// test.predictions (f32 N×t values in the targets' units, `task=regression columns=<targets>`),
    /// metrics (f32 S×7, the average over targets per set), and per set with several targets
    /// `<set>.per_target` (f32 t×7, `rows=<targets>`).
    public static func sections(_ sets: [RegressionSet], unlabelled: [RegressionPredictions] = []) -> [Section] {
        var out: [Section] = []
        let test = sets.first { $0.name == "test" }.map { RegressionPredictions(name: "test", values: $0.predicted, rows: $0.evaluation.samples, targets: $0.evaluation.targets) }
        if let p = test ?? unlabelled.first(where: { $0.name == "test" }) {
            var a = Attributes()
            a["task"] = "regression"
            a.setList("columns", p.targets)
            out.append(Section(name: "test.predictions", matrix: Matrix(rows: p.rows, cols: p.targets.count, data: p.values), attributes: a))
        }
        guard !sets.isEmpty else { return out }
        let targets = sets[0].evaluation.targets
        var m = Attributes()
        m["task"] = "regression"
        m.setList("rows", sets.map(\.name))
        m.setList("columns", RegressionScores.names)
        m.setList("targets", targets)
        if targets.count > 1 { m["average"] = "uniform" }
        out.append(Section(name: "metrics", matrix: Matrix(rows: sets.count, cols: RegressionScores.names.count,
                                                           data: sets.flatMap { $0.evaluation.average.values.map { Float($0) } }), attributes: m))
        if targets.count > 1 {
            for set in sets {
                var a = Attributes()
                a.setList("rows", targets)
                a.setList("columns", RegressionScores.names)
                out.append(Section(name: "\(set.name).per_target", matrix: Matrix(rows: targets.count, cols: RegressionScores.names.count,
                                                                                    data: set.evaluation.perTarget.flatMap { $0.values.map { Float($0) } }), attributes: a))
            }
        }
        return out
    }

    /// `--predictions csv`: `row,<target names>` then a line per row; `jsonl`:
    /// `{"row":0,"predicted":{"y":1.25}}` per row. Built whole, written once every row was predicted.
    public static func predictionLines(_ p: RegressionPredictions, format: PredictionsFormat) -> [UInt8] {
        let t = p.targets.count
        return format.lines(rows: p.rows, columns: p.targets, predicted: nil, valuesKey: "predicted") { r, c in p.values[r * t + c] }
    }

    /// On a terminal, rows without targets: the first ten predictions and how many there are.
    public static func table(_ p: RegressionPredictions, source: String) -> String {
        let out = "\(source.visible)\n\(p.rows) row\(p.rows == 1 ? "" : "s") of \(p.name).x without targets\(p.rows > 10 ? "; the first 10" : ""):\n\n"
        let t = p.targets.count
        var table = [["row"] + p.targets.map(\.visible)]
        for r in 0..<min(p.rows, 10) { table.append(["\(r)"] + (0..<t).map { NumberText.text(p.values[r * t + $0]) }) }
        return out + EvalReport.align(table)
    }

    /// {"train": {...}, "test": {...}}: samples, targets, the seven scores (averaged over
    /// targets), per_target (one object per target name) and notes.
    public static func json(_ sets: [RegressionSet]) -> String {
        func scores(_ s: RegressionScores) -> [(String, String)] {
            zip(RegressionScores.names, s.values).map { ($0, MetricsJSON.number($1)) }
        }
        var out = "{"
        for (i, set) in sets.enumerated() {
            let e = set.evaluation
            var fields: [(String, String)] = [("samples", "\(e.samples)"),
                                              ("targets", "[" + e.targets.map(MetricsJSON.string).joined(separator: ", ") + "]")]
            fields += scores(e.average)
            let perTarget = zip(e.targets, e.perTarget).map { name, s in
                "      \(MetricsJSON.string(name)): {" + scores(s).map { "\"\($0)\": \($1)" }.joined(separator: ", ") + "}"
            }
            fields.append(("per_target", "{\n" + perTarget.joined(separator: ",\n") + "\n    }"))
            fields.append(("notes", "[" + e.notes.map(MetricsJSON.string).joined(separator: ", ") + "]"))
            out += (i == 0 ? "\n" : ",\n") + "  \(MetricsJSON.string(set.name)): {\n"
                + fields.map { "    \(MetricsJSON.string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n  }"
        }
        return out + (sets.isEmpty ? "}\n" : "\n}\n")
    }

    /// The scores of train next to test; with several targets, a table per set of each target's.
    public static func report(_ sets: [RegressionSet], source: String) -> String {
        guard let first = sets.first?.evaluation else { return "" }
        let targets = first.targets.map(\.visible)
        var out = source.visible + "\n"
        out += targets.count == 1 ? "regression, target \(targets[0])\n" : "regression, \(targets.count) targets: \(targets.joined(separator: ", ")) (scores averaged over them)\n"
        let labels = ["mse", "rmse", "mae", "r2", "explained variance", "max error", "median absolute error"]
        var table = [[""] + sets.map(\.name), ["samples"] + sets.map { "\($0.evaluation.samples)" }]
        for (i, label) in labels.enumerated() {
            table.append([label] + sets.map { NumberFormat.fixed($0.evaluation.average.values[i]) })
        }
        out += "\n" + EvalReport.align(table)
        if targets.count > 1 {
            for set in sets {
                var t = [["\(set.name) per target"] + ["mse", "rmse", "mae", "r2"]]
                for (name, s) in zip(targets, set.evaluation.perTarget) {
                    t.append(["  " + name] + [s.mse, s.rmse, s.mae, s.r2].map { NumberFormat.fixed($0) })
                }
                out += "\n" + EvalReport.align(t)
            }
        }
        let notes = sets.flatMap { set in set.evaluation.notes.map { "  \(set.name): \($0.visible)" } }
        if !notes.isEmpty { out += "\nnotes:\n" + notes.joined(separator: "\n") + "\n" }
        return out
    }
}
