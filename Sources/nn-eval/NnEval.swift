// nn-eval: scores a model (or predictions made elsewhere) on the test and training
// sets. A report on a terminal; into a pipe, the stream goes on with its scores appended.
import ArgumentParser
import Shared

extension PredictionsFormat: ExpressibleByArgument {}

@main
struct NnEval: ParsableCommand {
    static func main() { stageMain("nn-eval") }

    static let configuration = CommandConfiguration(
        commandName: "nn-eval",
        abstract: "Score a model on the test and training sets, or predict rows without labels.",
        discussion: """
        Reads an nn-stream on stdin holding a model (from nn-fit) and labelled data \
        (train.x/train.y, test.x/test.y; either set alone is fine), applies the model, \
        with the standardisation it was trained with, and scores it on each set. With \
        --model FILE the model comes from FILE (as nn-fit --save writes it) and stdin \
        holds the data only. Without a model, a test.predictions (or train.predictions) \
        section that any stage wrote is scored against test.y (train.y).

        Two classes: accuracy, precision, recall and F1 of the positive class (label 1, \
        the second class name), ROC AUC, log loss and the confusion matrix; class 1 is \
        predicted when P(class 1) >= --threshold. More classes: accuracy, per-class \
        precision/recall/F1/support with macro and weighted averages, one-vs-rest AUC, \
        log loss and the k×k confusion matrix. Scores follow scikit-learn's: a 0/0 \
        precision or recall is 0 (zero_division=0), AUC with one class only is undefined; \
        the report says when either happens. Log loss clips each probability to \
        [2^-52, 1 - 2^-52], as scikit-learn's log_loss does. Every score is computed from \
        the probabilities as written (f32), so scoring the stream's test.predictions again \
        gives the same scores.

        A regressor (a model with output=identity, trained on f32 targets; or, \
        without a model, f32 test.y and test.predictions marked task=regression): MSE, \
        RMSE, MAE, R², explained variance, max error and median absolute error, as \
        scikit-learn's functions of those names (R² and explained variance of constant \
        true values as its force_finite=True gives them), per target and averaged over \
        the targets, in the targets' original units. Its test.predictions hold values \
        (f32 N×t, task=regression), its metrics section the seven scores per set, and \
        <set>.per_target each target's when there are several.

        Writes, on a terminal: a report (train next to test). Into a pipe or file: the \
        input stream, every section passed on in order, with these appended: \
        test.predictions (f32 N×k probabilities), metrics (f32, rows=train,test \
        columns=accuracy,precision,recall,f1,auc,log_loss), train.confusion and \
        test.confusion (i32 k×k, rows true class, columns predicted), train.per_class and \
        test.per_class (k > 2) and test.roc (two classes). --json writes only \
        {"train": {...}, "test": {...}} (the sets the input holds) for scripts; \
        --report writes the report anywhere.

        Rows without labels (test.x with no test.y, as nn-data csv --no-label writes \
        them) are predicted, not scored: a terminal gets their first rows and a count \
        per predicted class; a pipe, the stream with test.predictions appended. The \
        model must take the data's columns: names (columns=) in the same order, or \
        their number when the data has no names (a note says so) or the model \
        records none, else exit 65 naming the first column that differs.

        --predictions csv writes to stdout one line per test row, in input order, \
        after a header: row (from 0), predicted (the class name, quoted as RFC 4180 \
        says when it holds a comma, a quote or a line end, or starts or ends with a \
        space), then the probability of each class in a column named by the class. \
        jsonl writes one JSON object per row: \
        {"row":0,"predicted":"coat","probabilities":{"dress":0.1,"coat":0.9}}. Nothing is written unless every row was predicted. With labels, the \
        scores go to stderr as the report (--quiet leaves it out). A regressor's lines \
        hold the predicted value of each target instead, in the targets' original \
        units: row,<target names> (csv) or {"row":0,"predicted":{"price":1.25}}.

        --scores FILE scores predictions made by another program instead, and reads no \
        stream: one 'label score' line per sample, the label 0 or 1 (or -1 or 1, as \
        Vowpal Wabbit writes them; not both in one file) and the score P(label = 1) in \
        [0, 1], or a raw margin with --logits, written as numbers are in a stream \
        (0.25, -1.5e-3; not .5 or 0x1p-2). Blank lines may end the file. A file whose \
        first column holds any value other than 0, 1 and -1 is a regressor's 'true \
        predicted' pairs instead, scored with the regression metrics (--regression says \
        so for a file whose true values happen to be all 0/1). E.g.:
          paste -d' ' labels.txt vw.pred > s.txt

        Examples:
          nn-data circles --samples 500 --noise 0.1 | nn-fit --hidden 5 | nn-eval
          nn-data csv new.csv --test-size 1 | nn-eval --model m.nn --json
          nn-data csv new.csv --no-label | nn-eval --model m.nn --predictions csv
          nn-eval --scores s.txt --logits --json
        """ + HelpText.exitStatus,
        version: Provenance.version
    )

    @OptionGroup var modelFile: ModelFileOption
    var model: String? { modelFile.model }

    @OptionGroup var thresholdOption: ThresholdOption
    var threshold: Double? { thresholdOption.threshold }

    @Flag(name: .long, help: "Print only the scores as JSON: {\"train\": {...}, \"test\": {...}}.")
    var json = false

    @Flag(name: .long, help: "Print the readable report even when stdout is not a terminal.")
    var report = false

    @Option(name: .long, help: ArgumentHelp("Score 'label score' lines from FILE ('-' for stdin) instead of a stream.", valueName: "FILE"))
    var scores: String?

    @Flag(name: .long, help: "With --scores: the scores are raw margins z, P(label = 1) = 1/(1 + e^-z).")
    var logits = false

    @Flag(name: .long, help: "With --scores: the lines are a regressor's 'true predicted' values, even if every true value is 0, 1 or -1.")
    var regression = false

    @Option(name: .long, help: ArgumentHelp("Write the prediction for each test row instead, in input order: csv or jsonl (see below).", valueName: "format"))
    var predictions: PredictionsFormat?

    @OptionGroup var quietOption: QuietOption
    var quiet: Bool { quietOption.quiet }

    func validate() throws {
        if json && report { throw ValidationError("--json and --report exclude each other") }
        if logits && scores == nil { throw ValidationError("--logits applies to --scores only") }
        if regression && scores == nil { throw ValidationError("--regression applies to --scores only (a stream says itself whether it is a regression problem)") }
        if scores != nil && model != nil { throw ValidationError("--scores and --model exclude each other: --scores scores predictions already made") }
        if predictions != nil {
            if json || report { throw ValidationError("--predictions writes the predictions to stdout: leave out --\(json ? "json" : "report") (the scores of labelled rows go to stderr)") }
            if scores != nil { throw ValidationError("--predictions and --scores exclude each other: --scores reads predictions already made") }
        }
    }

    func run() throws {
        try Stage.guarded("nn-eval") {
            let output: EvalOutput = predictions.map { .predictions($0) } ?? (json ? .json : report || Stage.stdoutIsTerminal ? .report : .stream)
            let t = threshold ?? 0.5
            let writer = output == .stream ? try StreamWriter.standardOutput(program: "nn-eval") : nil
            if let scores {
                let lines = try LineReader.open(path: scores)
                let pairs = try LabelScores.pairs(lines, path: scores)
                if regression || !LabelScores.holdsLabels(pairs) {
                    if logits { throw UsageError("--logits applies to label/score pairs; \(scores) holds a regressor's 'true predicted' values (its first column is not all 0, 1 or -1)") }
                    if threshold != nil { throw UsageError("--threshold applies to a classifier; \(scores) holds a regressor's 'true predicted' values") }
                    let (truth, predicted) = try LabelScores.values(pairs, path: scores)
                    let set = RegressionSet(name: "test", truth: truth, predicted: predicted, targets: ["y"])
                    var columns = Attributes()
                    columns["columns"] = "y"
                    try output.emit([set], source: "the 'true predicted' lines of \(scores == "-" ? "stdin" : scores)", writer: writer, quiet: quiet,
                                    before: [Section(name: "test.y", matrix: Matrix(rows: truth.count, cols: 1, data: truth), attributes: columns)])
                    return
                }
                let read = try LabelScores.read(pairs, path: scores, logits: logits)
                let set = ScoredSet(name: "test", labels: read.labels, predictions: read.predictions, classes: read.classes, threshold: t)
                var classes = Attributes()
                classes.setList("classes", read.classes)
                let sections = [Section(name: "test.y", labels: read.labels.map(Int32.init), attributes: classes)] + MetricsSections.appended([set])
                try output.emit([set], source: "the 'label score' lines of \(scores == "-" ? "stdin" : scores)", sections: sections, writer: writer, threshold: t, quiet: quiet)
                return
            }
            Stage.requirePipedInput("nn-eval")
            let network = try model.map { try Network(file: $0) }
            let scoring = StreamScoring(model: network, modelOrigin: model ?? "the stream", writer: writer)
            try scoring.consume(StreamReader.standardInput())
            if try scoring.isRegression() {
                if threshold != nil { throw UsageError("--threshold applies to a classifier; this is a regressor (output=identity, f32 targets)") }
                let (sets, unlabelled, source) = try scoring.finishRegression()
                if !quiet { for notice in scoring.notices { Stage.note("nn-eval", notice) } }
                try output.emit(sets, unlabelled: unlabelled, source: source, writer: writer, quiet: quiet)
                return
            }
            let (sets, source) = try scoring.finish(threshold: t)
            let unlabelled = scoring.unlabelled
            if !quiet {
                for notice in scoring.notices { Stage.note("nn-eval", notice) }
                let k = sets.first?.evaluation.classes.count ?? unlabelled.first?.classes.count ?? 2
                if threshold != nil && k > 2 {
                    Stage.note("nn-eval", "--threshold applies to two classes only; with \(k) the most probable class is predicted")
                }
            }
            try output.emit(sets, unlabelled: unlabelled, source: source, sections: MetricsSections.appended(sets, unlabelled: unlabelled),
                            writer: writer, threshold: t, quiet: quiet)
        }
    }
}
