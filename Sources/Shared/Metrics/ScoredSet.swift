// Scores one labelled set of a stream: checks that x, y, predictions and the model
// agree (rows, widths, classes, standardisation), applies the model, and evaluates.

public struct ScoredSet: Sendable {
    public var name: String
    public var labels: [Int]
    public var predictions: Predictions
    public var evaluation: Evaluation

    public init(name: String, labels: [Int], predictions: Predictions, classes: [String], threshold: Double) {
        self.name = name
        self.labels = labels
        self.predictions = predictions
        evaluation = Evaluation(labels: labels, predictions: predictions, classes: classes, threshold: threshold)
    }
}

extension StreamScoring {
    func score(_ set: String, _ s: SetInputs, network: Network?, threshold: Double) throws -> ScoredSet {
        guard let y = s.y else {
            let what = s.xHeader ?? s.predictions!.header
            throw StreamError(line: what.line, "\(what.name) has no \(set).y: nn-eval needs the true labels to score")
        }
        let labels = try y.labels()
        var classLists: [(source: String, names: [String])] = []
        let predictions: Predictions
        if let network {
            guard let xHeader = s.xHeader else {
                throw StreamError(line: y.header.line, "\(set).y has no \(set).x to apply the model to")
            }
            guard xHeader.rows == y.rows else {
                throw StreamError(line: y.header.line, "\(set).y has \(y.rows) rows but \(set).x has \(xHeader.rows)")
            }
            if xHeader.attributes["standardized"] == "true" { try checkStandardization(of: xHeader, network) }
            predictions = try s.predicted ?? StreamScoring.predict(network, s.x!)
            if !network.classes.isEmpty { classLists.append(("the model", network.classes)) }
        } else if let p = s.predictions {
            predictions = try StreamScoring.readPredictions(p, rows: y.rows, labels: y.name)
            if let names = p.attributes.list("classes"), !names.isEmpty { classLists.append((p.name, names)) }
        } else {
            throw StreamError(line: nil, "no model to score \(set) with: the stream holds no model and no \(set).predictions; train one (nn-data circles | nn-fit | nn-eval) or give --model FILE")
        }
        if let names = y.attributes.list("classes"), !names.isEmpty { classLists.append((y.name, names)) }
        let classes = try StreamScoring.resolveClasses(k: predictions.classes, classLists)
        for (r, label) in labels.enumerated() where label < 0 || Int(label) >= classes.count {
            throw StreamError(line: y.header.line.map { $0 + 1 + r }, "\(y.name): label \(label) is outside 0..\(classes.count - 1) (classes \(classes.joined(separator: ", ")))")
        }
        return ScoredSet(name: set, labels: labels.map(Int.init), predictions: predictions, classes: classes, threshold: threshold)
    }

    /// x marked standardized=true must have been standardised with the model's own statistics.
    func checkStandardization(of x: SectionHeader, _ network: Network) throws {
        guard let own = network.standardization else { return }  // refused by predict
        if let mean = standardize["standardize.mean"], let std = standardize["standardize.std"],
           try mean.matrix().data != own.mean || std.matrix().data != own.std {
            throw StreamError(line: x.line, "\(x.name) was standardised with other statistics (standardize.mean/std) than the model was trained with; give nn-eval the data before nn-data standardize, and the model applies its own")
        }
    }

    /// The model's predictions for x, applying the model's standardisation unless x is
    /// marked standardized=true. Works through x in batches of rows, so only x is held whole.
    static func predict(_ network: Network, _ x: Section) throws -> Predictions {
        let k = network.output == .sigmoid ? 2 : network.sizes.last!
        var predictions = Predictions(output: network.output, classes: k)
        try forEachBatch(network, x) { _, z in predictions.append(logits: z) }
        return predictions
    }

    /// Runs x through the network in batches of rows, standardised as the model needs
    /// (unless x is marked standardized=true), giving each batch's inputs and outputs to `body`.
    /// Refuses x of the wrong width and outputs that are not finite.
    static func forEachBatch(_ network: Network, _ x: Section, _ body: (Matrix, Matrix) throws -> Void) throws {
        let layers = "layers=" + network.sizes.map(String.init).joined(separator: ",")
        guard x.cols == network.inputs else {
            throw StreamError(line: x.header.line, "\(x.name) has \(x.cols) columns but the model takes \(network.inputs) inputs (\(layers))")
        }
        var standardization: Standardization?
        if x.attributes["standardized"] == "true" {
            guard network.standardization != nil else {
                throw StreamError(line: x.header.line, "\(x.name) is standardized but the model was trained on unstandardised inputs (it has no model.standardize); give nn-eval the data before nn-data standardize")
            }
        } else if let s = network.standardization {
            if let c = s.std.firstIndex(where: { !($0 > 0) }) {
                throw StreamError(line: nil, "model.standardize.std is \(NumberText.text(s.std[c])) in column \(c): a standard deviation must be positive")
            }
            standardization = s
        }
        let scale = try ByteScale(x.attributes["scale"], line: x.header.line, section: x.name)
        let batch = 256, d = x.cols
        var start = 0
        while start < x.rows {
            let n = min(batch, x.rows - start)
            let range = (start * d)..<((start + n) * d)
            var m: Matrix
            switch x.storage {
            case .f32(let v): m = Matrix(rows: n, cols: d, data: Array(v[range]))
            case .i32(let v): m = Matrix(rows: n, cols: d, data: v[range].map { Float($0) })
            case .u8(let v): m = Matrix(rows: n, cols: d, data: v[range].map { scale.apply($0) })
            }
            if let s = standardization { m = s.apply(m) }
            let z = network.logits(m)
            if let bad = z.data.firstIndex(where: { !$0.isFinite }) {
                let row = start + bad / z.cols
                throw StreamError(line: x.header.line.map { $0 + 1 + row }, "the model's output for \(x.name) row \(row) is not finite (\(z.data[bad])): the model's weights are unusable for this input")
            }
            try body(m, z)
            start += n
        }
    }

    /// How far a row of predictions may sum from 1 (in binary64, from its f32 values): f32
    /// rounding of k probabilities is far smaller; a writer's bug (a missing softmax) far larger.
    public static let probabilitySumTolerance = 1e-3

    /// Predictions another stage wrote: f32 N×k probabilities, each in [0, 1], rows summing to 1.
    static func readPredictions(_ p: Section, rows: Int, labels: String) throws -> Predictions {
        guard p.header.type == .f32 else {
            throw StreamError(line: p.header.line, "\(p.name) must be f32 probabilities, found \(p.header.type.rawValue)")
        }
        guard p.cols >= 2 else {
            throw StreamError(line: p.header.line, "\(p.name) has \(p.cols) column: expected one probability per class (two classes: 2 columns, column 1 = P(class 1))")
        }
        guard p.rows == rows else {
            throw StreamError(line: p.header.line, "\(p.name) has \(p.rows) rows but \(labels) has \(rows)")
        }
        let m = try p.matrix()
        var predictions = Predictions(classes: p.cols)
        for r in 0..<m.rows {
            let row = m.row(r).map { Double($0) }
            let line = p.header.line.map { $0 + 1 + r }
            if let bad = m.row(r).first(where: { !($0 >= 0 && $0 <= 1) }) {
                throw StreamError(line: line, "\(p.name): \(NumberText.text(bad)) is not a probability in [0, 1]")
            }
            let sum = row.reduce(0, +)
            guard abs(sum - 1) <= probabilitySumTolerance else {
                throw StreamError(line: line, "\(p.name): the row sums to \(NumberText.text(Float(sum))); class probabilities must sum to 1 (within \(probabilitySumTolerance))")
            }
            predictions.append(probabilities: row)
        }
        return predictions
    }

    /// The class names every source agrees on, or "0", "1", ... when none names them.
    static func resolveClasses(k: Int, _ lists: [(source: String, names: [String])]) throws -> [String] {
        for (source, names) in lists where names.count != k {
            throw StreamError(line: nil, "\(source) names \(names.count) classes (\(names.joined(separator: ", "))) but the predictions have \(k)")
        }
        if let first = lists.first {
            for other in lists.dropFirst() where other.names != first.names {
                throw StreamError(line: nil, "\(first.source) has classes \(first.names.joined(separator: ",")) but \(other.source) has \(other.names.joined(separator: ",")): labels would be read as the wrong classes")
            }
        }
        let names = lists.first?.names ?? (0..<k).map(String.init)
        if Set(names).count != names.count {
            throw StreamError(line: nil, "class names must differ from each other, found \(names.joined(separator: ","))")
        }
        return names
    }
}
