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

/// The predictions for one set's rows that carry no labels (`test.x` without `test.y`).
public struct PredictedSet: Sendable {
    public var name: String
    public var predictions: Predictions
    public var classes: [String]
}

extension StreamScoring {
    func score(_ set: String, _ s: SetInputs, network: Network?, threshold: Double) throws -> ScoredSet {
        guard let y = s.y else {
            let what = s.xHeader ?? s.predictions!.header
            throw StreamError(line: what.line, "\(what.name) has no \(set).y: nn-eval needs the true labels to score (rows to predict travel as test.x)")
        }
        let labels = try y.labels()
        let (predictions, classLists) = try predictions(set, s, network: network, rows: y.rows, rowsSource: y)
        var classes = try StreamScoring.resolveClasses(k: predictions.classes, classLists)
        // Without class names elsewhere, the labels' names stand when they name every class.
        if classLists.isEmpty, let names = y.attributes.list("classes"), !names.isEmpty {
            classes = try StreamScoring.resolveClasses(k: predictions.classes, [(y.name, names)])
        }
        let index = try StreamScoring.classIndex(of: y, in: classes, reference: classLists.first?.source ?? "the predictions")
        var mapped: [Int] = []
        mapped.reserveCapacity(labels.count)
        for (r, label) in labels.enumerated() {
            guard label >= 0 && Int(label) < index.count else {
                let names = y.attributes.list("classes") ?? classes
                throw StreamError(line: y.header.line.map { $0 + 1 + r }, "\(y.name): label \(label) is outside 0..\(names.count - 1) (classes \(names.joined(separator: ", ")))")
            }
            mapped.append(index[Int(label)])
        }
        return ScoredSet(name: set, labels: mapped, predictions: predictions, classes: classes, threshold: threshold)
    }

    /// Rows without labels: the model's predictions (or an upstream stage's) and their class names.
    func predictUnlabelled(_ set: String, _ s: SetInputs, network: Network?) throws -> PredictedSet {
        let rows = s.xHeader?.rows ?? s.predictions!.rows
        let (predictions, classLists) = try predictions(set, s, network: network, rows: rows, rowsSource: nil)
        return PredictedSet(name: set, predictions: predictions, classes: try StreamScoring.resolveClasses(k: predictions.classes, classLists))
    }

    /// A set's predictions, from the model or from the stream, with the class names their
    /// source gives. `rowsSource`: the labels the predictions must line up with.
    private func predictions(_ set: String, _ s: SetInputs, network: Network?, rows: Int, rowsSource y: Section?)
        throws -> (Predictions, [(source: String, names: [String])]) {
        if let network {
            guard let xHeader = s.xHeader else {
                throw StreamError(line: y?.header.line, "\(set).y has no \(set).x to apply the model to")
            }
            if let y, xHeader.rows != y.rows {
                throw StreamError(line: y.header.line, "\(set).y has \(y.rows) rows but \(set).x has \(xHeader.rows)")
            }
            if xHeader.attributes["standardized"] == "true" { try checkStandardization(of: xHeader, network) }
            let predictions = try s.predicted ?? predict(network, s.x!)
            return (predictions, network.classes.isEmpty ? [] : [("the model", network.classes)])
        }
        if let p = s.predictions {
            let predictions = try StreamScoring.readPredictions(p, rows: rows, labels: y?.name ?? "\(set).x")
            let names = p.attributes.list("classes") ?? []
            return (predictions, names.isEmpty ? [] : [(p.name, names)])
        }
        let what = y == nil ? "predict \(set).x" : "score \(set)"
        throw StreamError(line: nil, "no model to \(what) with: the stream holds no model and no \(set).predictions; train one (nn-data circles | nn-fit | nn-eval) or give --model FILE")
    }

    /// For each label of `y`, its class in `classes`. Labels named by `classes=` are matched by
    /// name, so data showing only some of the classes (one row, a batch of one class) keeps
    /// its meaning; its names must appear in the same order as the model's.
    static func classIndex(of y: Section, in classes: [String], reference: String) throws -> [Int] {
        guard let names = y.attributes.list("classes"), !names.isEmpty, names != classes else { return Array(classes.indices) }
        var index: [Int] = []
        for name in names {
            guard let i = classes.firstIndex(of: name) else {
                throw StreamError(line: y.header.line, "\(y.name) names \(names.count) classes (\(names.joined(separator: ", "))) but \(reference) has \(classes.count) (\(classes.joined(separator: ", "))): '\(name)' is not one of them")
            }
            guard index.last.map({ $0 < i }) ?? true else {
                throw StreamError(line: y.header.line, "\(reference) has classes \(classes.joined(separator: ",")) but \(y.name) has \(names.joined(separator: ",")): labels would be read as the wrong classes")
            }
            index.append(i)
        }
        return index
    }

    /// x marked standardized=true must have been standardised with the model's own statistics.
    func checkStandardization(of x: SectionHeader, _ network: Network) throws {
        guard let own = network.standardization else { return }  // refused by predict
        if let mean = standardize["standardize.mean"], let std = standardize["standardize.std"],
           try mean.matrix().data != own.mean || std.matrix().data != own.std {
            throw StreamError(line: x.line, "\(x.name) was standardised with other statistics (standardize.mean/std) than the model was trained with; give nn-eval the data before nn-data standardize, and the model applies its own")
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
