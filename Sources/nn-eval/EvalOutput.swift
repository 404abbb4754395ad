// Where nn-eval's results go: a readable report, JSON for scripts, the stream passed on
// with the score sections appended, or one line of predictions per row (--predictions).
import Shared

enum EvalOutput: Equatable {
    case report, json, stream
    case predictions(PredictionsFormat)

    func emit(_ sets: [ScoredSet], unlabelled: [PredictedSet] = [], source: String, sections: [Section], writer: StreamWriter?,
              threshold: Double, quiet: Bool) throws {
        let named = sets.map { (name: $0.name, evaluation: $0.evaluation) }
        let predicted = "nn-eval: predicted with " + source
        switch self {
        case .report:
            let tables = unlabelled.map { PredictionsTable.text($0, source: predicted, threshold: threshold) }
            let report = sets.isEmpty ? [] : [EvalReport.text(named, source: "nn-eval: scored " + source)]
            try EvalOutput.write((tables + report).joined(separator: "\n"), to: 1)
            return
        case .json:
            guard !sets.isEmpty else {
                throw StreamError(line: nil, "no labels to score: test.x has no test.y, and --json prints scores; write the predictions with --predictions jsonl")
            }
            try EvalOutput.write(MetricsJSON.document(named), to: 1)
        case .stream:
            guard let writer else { preconditionFailure("stream output needs a writer") }
            for s in sections { try writer.write(s) }
            try writer.end()
        case .predictions(let format):
            // Every row was predicted (the stream read to its @end) before the first byte is written.
            let rows = unlabelled.map { ($0.name, $0.predictions, $0.classes) } + sets.map { ($0.name, $0.predictions, $0.evaluation.classes) }
            guard let chosen = rows.first(where: { $0.0 == "test" }) ?? rows.first else { preconditionFailure("nothing predicted") }
            try EvalOutput.write(format.text(chosen.1, classes: chosen.2, threshold: threshold), to: 1)
            // The scores of labelled rows go to stderr, so stdout holds the predictions alone.
            if !sets.isEmpty && !quiet { try EvalOutput.write(EvalReport.text(named, source: "nn-eval: scored " + source), to: 2) }
            return
        }
        if !quiet {
            for set in sets { for note in set.evaluation.notes { Stage.note("nn-eval", "\(set.name): \(note)") } }
        }
    }

    /// A regressor's scores and predictions: the report (or the first predictions of rows
    /// without targets), JSON, the stream with its sections (after `before`) appended, or one
    /// line of predicted values per row.
    func emit(_ sets: [RegressionSet], unlabelled: [RegressionPredictions] = [], source: String, writer: StreamWriter?,
              quiet: Bool, before: [Section] = []) throws {
        let scored = "nn-eval: scored " + source
        switch self {
        case .report:
            let tables = unlabelled.map { RegressionOutput.table($0, source: "nn-eval: predicted with " + source) }
            try EvalOutput.write((tables + (sets.isEmpty ? [] : [RegressionOutput.report(sets, source: scored)])).joined(separator: "\n"), to: 1)
            return
        case .json:
            guard !sets.isEmpty else {
                throw StreamError(line: nil, "no targets to score: test.x has no test.y, and --json prints scores; write the predictions with --predictions jsonl")
            }
            try EvalOutput.write(RegressionOutput.json(sets), to: 1)
        case .stream:
            guard let writer else { preconditionFailure("stream output needs a writer") }
            for s in before + RegressionOutput.sections(sets, unlabelled: unlabelled) { try writer.write(s) }
            try writer.end()
        case .predictions(let format):
            let rows = unlabelled + sets.map { RegressionPredictions(name: $0.name, values: $0.predicted, rows: $0.evaluation.samples, targets: $0.evaluation.targets) }
            guard let chosen = rows.first(where: { $0.name == "test" }) ?? rows.first else { preconditionFailure("nothing predicted") }
            try EvalOutput.write(RegressionOutput.predictionLines(chosen, format: format), to: 1)
            if !sets.isEmpty && !quiet { try EvalOutput.write(RegressionOutput.report(sets, source: scored), to: 2) }
            return
        }
        if !quiet {
            for set in sets { for note in set.evaluation.notes { Stage.note("nn-eval", "\(set.name): \(note)") } }
        }
    }

    static func write(_ text: String, to fd: Int32) throws {
        let out = ByteWriter(fileDescriptor: fd)
        try out.append(text)
        try out.flush()
    }

    static func write(_ bytes: [UInt8], to fd: Int32) throws {
        let out = ByteWriter(fileDescriptor: fd)
        out.buffer.append(contentsOf: bytes)
        try out.flush()
    }
}
