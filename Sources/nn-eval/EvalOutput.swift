// Where nn-eval's scores go: a readable report, JSON for scripts, or the stream
// passed on with the score sections appended.
import Shared

enum EvalOutput {
    case report, json, stream

    func emit(_ sets: [ScoredSet], source: String, sections: [Section], writer: StreamWriter?, quiet: Bool) throws {
        let named = sets.map { (name: $0.name, evaluation: $0.evaluation) }
        try emit(report: { EvalReport.text(named, source: "nn-eval: scored " + source) }, json: { MetricsJSON.document(named) },
                 sections: sections, notes: sets.map { ($0.name, $0.evaluation.notes) }, writer: writer, quiet: quiet)
    }

    /// A regressor's scores: the report, JSON, or the stream with its sections (after `before`) appended.
    func emit(_ sets: [RegressionSet], source: String, writer: StreamWriter?, quiet: Bool, before: [Section] = []) throws {
        try emit(report: { RegressionOutput.report(sets, source: "nn-eval: scored " + source) }, json: { RegressionOutput.json(sets) },
                 sections: before + RegressionOutput.sections(sets), notes: sets.map { ($0.name, $0.evaluation.notes) }, writer: writer, quiet: quiet)
    }

    /// The report (its notes in it), or JSON or the stream with each set's notes on stderr.
    private func emit(report: () -> String, json: () -> String, sections: [Section], notes: [(set: String, notes: [String])],
                      writer: StreamWriter?, quiet: Bool) throws {
        switch self {
        case .report:
            try EvalOutput.printOut(report())
            return
        case .json:
            try EvalOutput.printOut(json())
        case .stream:
            guard let writer else { preconditionFailure("stream output needs a writer") }
            for s in sections { try writer.write(s) }
            try writer.end()
        }
        if !quiet {
            for (set, list) in notes { for note in list { Stage.note("nn-eval", "\(set): \(note)") } }
        }
    }

    static func printOut(_ text: String) throws {
        let out = ByteWriter(fileDescriptor: 1)
        try out.append(text)
        try out.flush()
    }
}
