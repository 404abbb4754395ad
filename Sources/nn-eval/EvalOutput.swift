// Where nn-eval's scores go: a readable report, JSON for scripts, or the stream
// passed on with the score sections appended.
import Shared

enum EvalOutput {
    case report, json, stream

    func emit(_ sets: [ScoredSet], source: String, sections: [Section], writer: StreamWriter?, quiet: Bool) throws {
        let named = sets.map { (name: $0.name, evaluation: $0.evaluation) }
        switch self {
        case .report:
            try EvalOutput.printOut(EvalReport.text(named, source: "nn-eval: scored " + source))
            return
        case .json:
            try EvalOutput.printOut(MetricsJSON.document(named))
        case .stream:
            guard let writer else { preconditionFailure("stream output needs a writer") }
            for s in sections { try writer.write(s) }
            try writer.end()
        }
        if !quiet {
            for set in sets { for note in set.evaluation.notes { Stage.note("nn-eval", "\(set.name): \(note)") } }
        }
    }

    /// A regressor's scores: the report, JSON, or the stream with its sections appended.
    func emit(_ sets: [RegressionSet], source: String, writer: StreamWriter?, quiet: Bool, before: [Section] = []) throws {
        switch self {
        case .report:
            try EvalOutput.printOut(RegressionOutput.report(sets, source: "nn-eval: scored " + source))
            return
        case .json:
            try EvalOutput.printOut(RegressionOutput.json(sets))
        case .stream:
            guard let writer else { preconditionFailure("stream output needs a writer") }
            for s in before + RegressionOutput.sections(sets) { try writer.write(s) }
            try writer.end()
        }
        if !quiet {
            for set in sets { for note in set.evaluation.notes { Stage.note("nn-eval", "\(set.name): \(note)") } }
        }
    }

    static func printOut(_ text: String) throws {
        let out = ByteWriter(fileDescriptor: 1)
        try out.append(text)
        try out.flush()
    }
}
