// Scoring a regressor: a stream whose model has output=identity, or whose y sections are
// f32 targets (scoring predictions another stage wrote, marked task=regression). Its
// predictions are values in the targets' original units, never probabilities.

/// One set's true values, a regressor's predictions for it, and their scores.
public struct RegressionSet: Sendable {
    public var name: String
    /// n × t, row-major, as the stream holds them.
    public var truth: [Float]
    public var predicted: [Float]
    public var evaluation: RegressionEvaluation

    public init(name: String, truth: [Float], predicted: [Float], targets: [String]) {
        self.name = name
        self.truth = truth
        self.predicted = predicted
        evaluation = RegressionEvaluation(truth: truth, predicted: predicted, targets: targets)
    }
}

/// A regressor's predictions for rows without targets (test.x without test.y).
public struct RegressionPredictions: Sendable {
    public var name: String
    /// rows × t, row-major, in the targets' original units.
    public var values: [Float]
    public var rows: Int
    public var targets: [String]

    public init(name: String, values: [Float], rows: Int, targets: [String]) {
        self.name = name
        self.values = values
        self.rows = rows
        self.targets = targets
    }
}

extension StreamScoring {
    /// True when what is to be scored is a regressor's: the model (given or in the stream) has
    /// identity outputs, or, without a model, a y section holds f32 targets.
    public func isRegression() throws -> Bool {
        if let model { return model.isRegressor }
        if !modelSections.isEmpty, let head = modelSections.first(where: { $0.name == "model" }) {
            return head.attributes["output"] == OutputKind.identity.rawValue
        }
        return inputs.values.contains { $0.y?.header.type == .f32 }
    }

    /// Scores every set the stream holds with the regressor (or its predictions).
    /// Scores every set with targets and predicts test.x without test.y (`unlabelled`).
    public func finishRegression() throws -> (sets: [RegressionSet], unlabelled: [RegressionPredictions], source: String) {
        let network = try network()
        var scored: [RegressionSet] = []
        var unlabelled: [RegressionPredictions] = []
        for set in StreamScoring.setNames {
            guard let s = inputs[set], !s.isEmpty else { continue }
            // An empty split (nn-data --test-size 0 or 1 writes one) has nothing to score.
            if (s.y?.rows ?? 0) == 0 && (s.xHeader?.rows ?? 0) == 0 && (s.predictions?.rows ?? 0) == 0 { continue }
            if s.y == nil && set == "test", let network, let x = s.xHeader {
                let values = try s.predictedValues ?? StreamScoring.regressionValues(network, s.x!).data
                unlabelled.append(RegressionPredictions(name: set, values: values, rows: x.rows, targets: network.targets))
            } else {
                scored.append(try scoreRegression(set, s, network: network))
            }
        }
        guard !scored.isEmpty || !unlabelled.isEmpty else {
            throw StreamError(line: nil, "no data with targets to score: expected train.x and train.y, or test.x and test.y, with rows (e.g. nn-data friedman1 | nn-fit | nn-eval)")
        }
        let source = network.map { "model \(StreamScoring.describe($0)) from \(model != nil ? modelOrigin : "the stream")" }
            ?? "predictions from the stream (" + scored.map { "\($0.name).predictions" }.joined(separator: ", ") + ")"
        return (scored, unlabelled, source)
    }

    private func scoreRegression(_ set: String, _ s: SetInputs, network: Network?) throws -> RegressionSet {
        guard let y = s.y else {
            let what = s.xHeader ?? s.predictions!.header
            throw StreamError(line: what.line, "\(what.name) has no \(set).y: nn-eval needs the true values to score")
        }
        guard y.header.type == .f32 else {
            throw StreamError(line: y.header.line, "\(y.name) holds i32 class labels but the model is a regressor (output=identity): it needs f32 targets")
        }
        var truth = try y.matrix()
        let predicted: Matrix
        var targets = y.attributes.list("columns") ?? []
        if let network {
            guard let xHeader = s.xHeader else {
                throw StreamError(line: y.header.line, "\(set).y has no \(set).x to apply the model to")
            }
            guard xHeader.rows == y.rows else {
                throw StreamError(line: y.header.line, "\(set).y has \(y.rows) rows but \(set).x has \(xHeader.rows)")
            }
            if y.attributes["standardized"] == "true" {
                // Scores are in the original units: the true values are unstandardised with the
                // statistics the model was trained with (the stream's target.mean/std).
                guard network.targetStandardization != nil, truth.cols == network.sizes.last! else {
                    throw StreamError(line: y.header.line, "\(y.name) is standardized but the model was trained on unstandardised targets (it has no model.target); give nn-eval the data before nn-data standardize --target")
                }
                truth = network.values(outputs: truth)
            }
            if xHeader.attributes["standardized"] == "true" { try checkStandardization(of: xHeader, network) }
            guard truth.cols == network.sizes.last! else {
                throw StreamError(line: y.header.line, "\(y.name) has \(truth.cols) targets but the model predicts \(network.sizes.last!) (targets=\(network.targets.joined(separator: ",")))")
            }
            if let values = s.predictedValues {
                predicted = Matrix(rows: y.rows, cols: network.sizes.last!, data: values)
            } else {
                try checkInput(network, s.x!.header)
                predicted = try StreamScoring.regressionValues(network, s.x!)
            }
            if targets.isEmpty { targets = network.targets }
            if targets != network.targets {
                throw StreamError(line: y.header.line, "\(y.name) has targets \(targets.joined(separator: ",")) but the model predicts \(network.targets.joined(separator: ","))")
            }
        } else if let p = s.predictions {
            guard p.header.type == .f32, p.attributes["task"] == "regression" else {
                throw StreamError(line: p.header.line, "\(p.name) holds class probabilities but \(y.name) holds f32 targets: a regressor's predictions are marked task=regression")
            }
            guard p.rows == y.rows, p.cols == y.cols else {
                throw StreamError(line: p.header.line, "\(p.name) is \(p.rows)x\(p.cols) but \(y.name) is \(y.rows)x\(y.cols)")
            }
            predicted = try p.matrix()
        } else {
            throw StreamError(line: nil, "no model to score \(set) with: the stream holds no model and no \(set).predictions; train one (nn-data friedman1 | nn-fit | nn-eval) or give --model FILE")
        }
        if targets.isEmpty { targets = (0..<truth.cols).map { "y\($0 + 1)" } }
        return RegressionSet(name: set, truth: truth.data, predicted: predicted.data, targets: targets)
    }

    /// A regressor's predictions for x in the targets' original units (n × t).
    static func regressionValues(_ network: Network, _ x: Section) throws -> Matrix {
        Matrix(rows: x.rows, cols: network.sizes.last!, data: try predictor(network, x).values)
    }
}
