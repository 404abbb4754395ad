// Every score of a classifier on one labelled set (train or test): the confusion
// matrix, accuracy, precision/recall/F1 (of class 1 for two classes, macro averages
// for more), ROC AUC, log loss, and notes where a score is 0/0 or undefined.

public struct Evaluation: Sendable {
    public var classes: [String]
    public var samples: Int
    /// P(class 1) ≥ threshold predicts class 1; used with two classes only.
    public var threshold: Double
    public var confusion: ConfusionMatrix
    public var scores: PrecisionRecall
    public var accuracy: Double
    /// Two classes: of the positive class (label 1). More: macro averages.
    public var precision: Double
    public var recall: Double
    public var f1: Double
    /// Two classes: ROC AUC of P(class 1); more: macro one-vs-rest AUC. nil when undefined.
    public var auc: Double?
    /// The ROC curve of P(class 1), for two classes when it is defined.
    public var roc: RocCurve?
    public var logLoss: Double
    /// Where a score is 0/0 or undefined, what happened (as scikit-learn would warn).
    public var notes: [String]

    public var isBinary: Bool { classes.count == 2 }

    public init(labels: [Int], predictions: Predictions, classes: [String], threshold: Double = 0.5) {
        precondition(labels.count == predictions.rows && classes.count == predictions.classes)
        precondition(labels.allSatisfy { $0 >= 0 && $0 < classes.count })
        self.classes = classes
        samples = labels.count
        self.threshold = threshold
        confusion = ConfusionMatrix(truth: labels, predicted: predictions.predictedClasses(threshold: threshold), classes: classes.count)
        scores = PrecisionRecall(confusion)
        accuracy = confusion.accuracy
        logLoss = predictions.logLoss(labels: labels)
        notes = []
        let zeroDivision = "0/0, which scikit-learn's zero_division=0 sets to 0 with a warning"
        if classes.count == 2 {
            let positive = scores.perClass[1]
            precision = positive.precision
            recall = positive.recall
            f1 = positive.f1
            let name = "'\(classes[1])'"
            if scores.f1Undefined.contains(1) {
                notes.append("precision, recall and F1 are 0: no sample is or was predicted \(name) (\(zeroDivision))")
            } else {
                if scores.neverPredicted.contains(1) { notes.append("precision is 0: no sample was predicted \(name) (\(zeroDivision))") }
                if scores.absent.contains(1) { notes.append("recall is 0: no sample is \(name) (\(zeroDivision))") }
            }
            roc = RocCurve(positives: labels.map { $0 == 1 }, scores: (0..<predictions.rows).map { predictions.probability($0, 1) })
            auc = roc?.auc
            if roc == nil {
                let only = labels.first.map { "'\(classes[$0])'" } ?? "no class"
                notes.append("AUC undefined: every sample is \(only), so there is nothing to rank (scikit-learn's roc_auc_score gives nan and warns)")
            }
        } else {
            let macro = scores.macro
            precision = macro.precision
            recall = macro.recall
            f1 = macro.f1
            let names = { (cs: [Int]) in cs.map { "'\(classes[$0])'" }.joined(separator: ", ") }
            if !scores.neverPredicted.isEmpty {
                notes.append("precision of \(names(scores.neverPredicted)) is 0: never predicted (\(zeroDivision)); the averages count it as 0 too")
            }
            if !scores.absent.isEmpty {
                notes.append("recall of \(names(scores.absent)) is 0: no sample of it in the set (\(zeroDivision)); the averages count it as 0 too")
            }
            auc = oneVsRestAUC(labels: labels, predictions: predictions)
            if auc == nil {
                let missing = (0..<classes.count).filter { c in !labels.contains(c) }
                notes.append("AUC undefined: no sample of \(names(missing)), and one-vs-rest AUC needs every class (scikit-learn's roc_auc_score gives nan and warns)")
            }
        }
    }
}
