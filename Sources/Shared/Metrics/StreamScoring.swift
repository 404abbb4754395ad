// Reads an nn-stream for scoring: passes every section on to a writer (when one is
// given) and keeps what scoring needs: the model, and per set (train, test) the
// features x, the labels y, or predictions another stage wrote.

public final class StreamScoring {
    /// The labelled sets nn-eval scores, in the order it reports them.
    public static let setNames = ["train", "test"]

    /// Sections nn-eval writes itself: an upstream copy is dropped, never passed on twice.
    public static func isReplaced(_ name: String) -> Bool {
        name == "metrics" || name == "test.predictions" || setNames.contains { set in
            [".confusion", ".per_class", ".roc"].contains { name == set + $0 }
        }
    }

    struct SetInputs {
        /// Features held until the model is known (a stream carries the model after the data).
        var x: Section?
        var xHeader: SectionHeader?
        /// The model's predictions, made as soon as both the model and x were there.
        var predicted: Predictions?
        /// A regressor's predicted values (n × t), likewise.
        var predictedValues: [Float]?
        var y: Section?
        var predictions: Section?
        var isEmpty: Bool { xHeader == nil && y == nil && predictions == nil }
    }

    private let writer: StreamWriter?
    let model: Network?
    let modelOrigin: String
    private(set) var modelSections: [Section] = []
    private var streamModelSeen = false
    var standardize: [String: Section] = [:]
    /// The stream's `encode` section (how raw table rows became x) and its line.
    var encoding: (ColumnEncoding, line: Int?)?
    var inputs: [String: SetInputs] = [:]
    /// Things the user should know that are not errors (printed as notes on stderr).
    public internal(set) var notices: [String] = []
    private var schemaNoted = false
    /// After `finish`: the sets that had rows but no labels, predicted, in stream order.
    public internal(set) var unlabelled: [PredictedSet] = []

    /// `model` is the network given with --model (nil: the stream must hold one, or
    /// predictions); `writer` receives the stream as it passes (nil: nothing is passed on).
    public init(model: Network?, modelOrigin: String = "the stream", writer: StreamWriter?) {
        self.model = model
        self.modelOrigin = modelOrigin
        self.writer = writer
    }

    /// Reads the whole stream up to `@end`.
    public func consume(_ reader: StreamReader) throws {
        while let item = try reader.next() {
            switch item {
            case .comment(let c): try writer?.comment(c)
            case .section(let h): try take(h, reader)
            }
        }
    }

    private func take(_ h: SectionHeader, _ reader: StreamReader) throws {
        let name = h.name
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        if StreamScoring.isReplaced(name) && name != "test.predictions" {
            try reader.skip(h)
        } else if parts.count == 2, StreamScoring.setNames.contains(parts[0]), ["x", "y", "predictions"].contains(parts[1]) {
            try takeSetSection(h, set: parts[0], part: parts[1], reader)
        } else if Network.isModelSection(name) {
            streamModelSeen = true
            if model != nil {
                try pass(h, reader)
            } else {
                modelSections.append(try reader.read(h, copyingTo: writer))
            }
        } else if name == "standardize.mean" || name == "standardize.std" {
            standardize[name] = try reader.read(h, copyingTo: writer)
        } else if name == ColumnEncoding.sectionName {
            encoding = (try ColumnEncoding(header: h), h.line)
            try pass(h, reader)
        } else {
            try pass(h, reader)
        }
    }

    private func pass(_ h: SectionHeader, _ reader: StreamReader) throws {
        if let writer { try reader.copy(h, to: writer) } else { try reader.skip(h) }
    }

    private func takeSetSection(_ h: SectionHeader, set: String, part: String, _ reader: StreamReader) throws {
        var s = inputs[set] ?? SetInputs()
        if part == "x", let model {
            s.xHeader = h
            // An empty split (nn-data --test-size 0 or 1 writes one) has nothing to check or predict.
            if h.rows > 0 {
                try checkInput(model, h)
                let predictor = try StreamScoring.predict(model, rowsOf: h, from: reader, copyingTo: writer)
                if model.isRegressor { s.predictedValues = predictor.values } else { s.predicted = predictor.predictions }
            } else {
                try pass(h, reader)
            }
            inputs[set] = s
            return
        }
        // nn-eval writes its own test.predictions; an upstream one is read, not passed on.
        let section = try reader.read(h, copyingTo: h.name == "test.predictions" ? nil : writer)
        switch part {
        case "x":
            s.xHeader = h
            s.x = section
        case "y": s.y = section
        default: s.predictions = section
        }
        inputs[set] = s
    }

    /// The network to score with: --model if given, else the stream's; nil when neither.
    func network() throws -> Network? {
        if let model {
            if streamModelSeen { notices.append("scoring the model from \(modelOrigin); the stream's own model is passed on unscored") }
            return model
        }
        guard !modelSections.isEmpty else { return nil }
        return try Network(sections: modelSections)
    }

    /// The model's predictions for x, after checking x's columns against the model's input.
    /// A check by count alone because the data has no names is noted once.
    func predict(_ network: Network, _ x: Section) throws -> Predictions {
        try checkInput(network, x.header)
        return try StreamScoring.predict(network, x)
    }

    func checkInput(_ network: Network, _ x: SectionHeader) throws {
        if let note = try network.input.check(x, inputs: network.inputs), !schemaNoted {
            notices.append(note)
            schemaNoted = true
        }
    }

    /// Scores every labelled set the stream holds and predicts the unlabelled ones (rows
    /// without a `<set>.y`, kept in `unlabelled`); `source` says what was used (for the report).
    public func finish(threshold: Double) throws -> (sets: [ScoredSet], source: String) {
        let network = try network()
        if let (e, line) = encoding, let m = network?.encoding, !e.encodesLike(m) {
            throw StreamError(line: line, "the rows were encoded with other categories or fills (encode) than the model's (model.encode); encode new rows with nn-data csv --schema MODEL")
        }
        var scored: [ScoredSet] = []
        unlabelled = []
        for set in StreamScoring.setNames {
            guard let s = inputs[set], !s.isEmpty else { continue }
            // An empty split (nn-data --test-size 0 or 1 writes one) has nothing to score.
            if (s.y?.rows ?? 0) == 0 && (s.xHeader?.rows ?? 0) == 0 && (s.predictions?.rows ?? 0) == 0 { continue }
            if s.y == nil && set == "test" {
                unlabelled.append(try predictUnlabelled(set, s, network: network))
            } else {
                scored.append(try score(set, s, network: network, threshold: threshold))
            }
        }
        guard !scored.isEmpty || !unlabelled.isEmpty else {
            throw StreamError(line: nil, "no data to score or predict: expected test.x (with test.y to score), or train.x and train.y, with rows (e.g. nn-data circles | nn-fit | nn-eval)")
        }
        let source: String
        if let network {
            source = "model \(StreamScoring.describe(network)) from \(model != nil ? modelOrigin : "the stream")"
        } else {
            source = "predictions from the stream (" + (scored.map(\.name) + unlabelled.map(\.name)).map { "\($0).predictions" }.joined(separator: ", ") + ")"
        }
        return (scored, source)
    }

    /// `784-16-1 (sigmoid hidden units, sigmoid output)`; no hidden layer is logistic regression.
    static func describe(_ n: Network) -> String {
        let sizes = n.structureText
        let hidden = n.hiddenActivations.map(\.rawValue)
        let kind = hidden.isEmpty ? (n.output == .sigmoid ? "logistic regression" : n.output == .identity ? "linear regression" : "softmax regression")
            : "\(Set(hidden).count == 1 ? hidden[0] : hidden.joined(separator: ",")) hidden units, \(n.output.rawValue) output"
        return "\(sizes) (\(kind))"
    }
}
