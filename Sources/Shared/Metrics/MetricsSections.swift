// The sections nn-eval appends to a stream: test.predictions, metrics, <set>.confusion,
// and, where they apply, <set>.per_class (k > 2) and test.roc (two classes).

public enum MetricsSections {
    /// The metric columns of the `metrics` section, in order.
    public static let columns = ["accuracy", "precision", "recall", "f1", "auc", "log_loss"]

    /// `<set>.predictions` f32 N×k: P(class c) per row, `classes=`.
    public static func predictions(_ p: Predictions, classes: [String], name: String) -> Section {
        var attributes = Attributes()
        attributes.setList("classes", classes)
        let m = Matrix(rows: p.rows, cols: p.classes, data: p.probabilities)
        return Section(name: name, matrix: m, attributes: attributes)
    }

    /// `metrics` f32 S×m, `rows=train,test columns=accuracy,...`. A score undefined in
    /// any row (AUC with one class) leaves its column out and is named in `undefined=`.
    public static func metrics(_ sets: [(name: String, evaluation: Evaluation)]) -> Section {
        precondition(!sets.isEmpty)
        let undefined = sets.contains { $0.evaluation.auc == nil } ? ["auc"] : []
        let columns = columns.filter { !undefined.contains($0) }
        var data: [Float] = []
        for (_, e) in sets {
            let values: [String: Double] = ["accuracy": e.accuracy, "precision": e.precision, "recall": e.recall,
                                            "f1": e.f1, "auc": e.auc ?? 0, "log_loss": e.logLoss]
            data += columns.map { Float(values[$0]!) }
        }
        let first = sets[0].evaluation
        var a = Attributes()
        a.setList("rows", sets.map(\.name))
        a.setList("columns", columns)
        a.setList("classes", first.classes)
        if first.isBinary {
            a["positive"] = first.classes[1]
            a["threshold"] = "\(first.threshold)"
        } else {
            a["average"] = "macro"
        }
        if !undefined.isEmpty { a.setList("undefined", undefined) }
        return Section(name: "metrics", matrix: Matrix(rows: sets.count, cols: columns.count, data: data), attributes: a)
    }

    /// `<set>.confusion` i32 k×k: rows are true classes, columns predicted, `classes=`.
    public static func confusion(_ e: Evaluation, set: String) -> Section {
        var a = Attributes()
        a.setList("classes", e.classes)
        let k = e.confusion.classes
        return Section(name: "\(set).confusion", integers: e.confusion.counts.map { Int32(clamping: $0) }, rows: k, cols: k, attributes: a)
    }

    /// `<set>.per_class` f32 k×4, `columns=precision,recall,f1,support classes=...`.
    public static func perClass(_ e: Evaluation, set: String) -> Section {
        var a = Attributes()
        a.setList("columns", ["precision", "recall", "f1", "support"])
        a.setList("classes", e.classes)
        let data = e.scores.perClass.flatMap { [Float($0.precision), Float($0.recall), Float($0.f1), Float($0.support)] }
        return Section(name: "\(set).per_class", matrix: Matrix(rows: e.classes.count, cols: 4, data: data), attributes: a)
    }

    /// `<set>.roc` f32 P×2, `columns=fpr,tpr auc=...`: the ROC curve of P(class 1) from (0,0) to (1,1).
    public static func roc(_ curve: RocCurve, set: String) -> Section {
        var a = Attributes()
        a.setList("columns", ["fpr", "tpr"])
        a["auc"] = "\(curve.auc)"
        let data = zip(curve.falsePositiveRate, curve.truePositiveRate).flatMap { [Float($0), Float($1)] }
        return Section(name: "\(set).roc", matrix: Matrix(rows: curve.falsePositiveRate.count, cols: 2, data: data), attributes: a)
    }
}

extension MetricsSections {
    /// What nn-eval appends to the stream: test.predictions, metrics, <set>.confusion,
    /// <set>.per_class (k > 2) and test.roc (two classes, when defined); for rows without
    /// labels, their predictions alone.
    public static func appended(_ sets: [ScoredSet], unlabelled: [PredictedSet] = []) -> [Section] {
        var out = unlabelled.map { predictions($0.predictions, classes: $0.classes, name: "\($0.name).predictions") }
        guard !sets.isEmpty else { return out }
        let test = sets.first { $0.name == "test" }
        if let test { out.append(predictions(test.predictions, classes: test.evaluation.classes, name: "test.predictions")) }
        out.append(metrics(sets.map { ($0.name, $0.evaluation) }))
        out += sets.map { confusion($0.evaluation, set: $0.name) }
        out += sets.filter { !$0.evaluation.isBinary }.map { perClass($0.evaluation, set: $0.name) }
        if let curve = test?.evaluation.roc { out.append(roc(curve, set: "test")) }
        return out
    }
}
