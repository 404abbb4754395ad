// The questions plot kinds ask of a split (train or test): its features and labels,
// the class names, and the class probabilities (from nn-eval's predictions, or the model).

public enum PlotSplit: String, CaseIterable, Sendable {
    case train, test
}

/// A split's features and labels, checked to agree.
public struct LabelledSplit {
    public var split: PlotSplit
    public var x: Matrix
    public var header: SectionHeader
    public var y: [Int32]

    /// Feature names from `columns=`, else x1, x2, ...
    public var featureNames: [String] {
        if let names = header.attributes.list("columns"), names.count == x.cols { return names }
        return (0..<x.cols).map { "x\($0 + 1)" }
    }

    public var isStandardized: Bool { header.attributes["standardized"] == "true" }
}

extension PlotInput {
    /// Class names from the labels' `classes=`, else the model's, predictions' or confusion's;
    /// else the numbers 0..k-1 for the largest label or column count seen.
    public func classNames() -> [String] {
        let withClasses = ["train.y", "test.y", "test.predictions", "test.confusion", "train.confusion"]
        for name in withClasses {
            if let c = sections[name]?.attributes.list("classes"), !c.isEmpty { return c }
        }
        if let head = (modelSections ?? []).first(where: { $0.name == "model" }) ?? sections["model"],
           let c = head.attributes.list("classes"), !c.isEmpty { return c }
        var k = 2
        for name in ["train.y", "test.y"] {
            if let s = sections[name], case .i32(let v) = s.storage, let m = v.max() { k = max(k, Int(m) + 1) }
        }
        for name in ["test.predictions", "test.confusion"] {
            if let s = sections[name] { k = max(k, s.cols) }
        }
        return (0..<k).map(String.init)
    }

    /// `<split>.x` and `<split>.y`; rows must agree and labels lie in 0..<classes.count.
    public func labelled(_ split: PlotSplit, classes: [String], for kind: String) throws -> LabelledSplit {
        let xs = try require("\(split).x", for: kind)
        let ys = try require("\(split).y", for: kind)
        let y = try ys.labels()
        guard y.count == xs.rows else {
            throw StreamError(line: ys.header.line, "\(split).y has \(y.count) labels but \(split).x has \(xs.rows) rows")
        }
        try PlotInput.checkLabels(y, section: ys, classes: classes)
        return LabelledSplit(split: split, x: try xs.matrix(), header: xs.header, y: y)
    }

    static func checkLabels(_ y: [Int32], section: Section, classes: [String]) throws {
        for (r, label) in y.enumerated() where label < 0 || Int(label) >= classes.count {
            throw StreamError(line: section.header.line.map { $0 + r + 1 },
                              "\(section.name): label \(label) is outside 0..\(classes.count - 1) (classes \(classes.joined(separator: ",")))")
        }
    }

    /// Class probabilities (rows × k) for a split: `<split>.predictions` when present,
    /// else the model applied to `<split>.x`.
    public func probabilities(_ split: PlotSplit, rows: Int, classes k: Int, for kind: String) throws -> Matrix {
        if let p = sections["\(split).predictions"] {
            guard p.rows == rows else {
                throw StreamError(line: p.header.line, "\(p.name) has \(p.rows) rows but \(split).y has \(rows)")
            }
            guard p.cols == k else {
                throw StreamError(line: p.header.line, "\(p.name) has \(p.cols) columns, expected one probability per class (\(k))")
            }
            let m = try p.matrix()
            if let bad = m.data.firstIndex(where: { !(0...1).contains($0) }) {
                throw StreamError(line: p.header.line.map { $0 + bad / k + 1 }, "\(p.name): \(m.data[bad]) is not a probability in 0..1")
            }
            return m
        }
        guard hasModel, let xs = sections["\(split).x"] else {
            throw missing(["\(split).predictions"], for: kind, or: "a model (from nn-fit, or --model FILE) with '\(split).x'")
        }
        let network = try network(for: kind)
        let p = try PlotInput.apply(network, to: try xs.matrix(), standardized: xs.attributes["standardized"] == "true", name: xs.name)
        guard p.cols == k else {
            throw StreamError(line: nil, "the model has \(p.cols) classes but the data has \(k)")
        }
        return p
    }

    /// The predicted class of row r: P(class 1) ≥ threshold for two classes, else the most
    /// probable one (the first of equals).
    public static func predictedClass(_ p: Matrix, row r: Int, threshold: Float) -> Int {
        if p.cols == 2 { return p[r, 1] >= threshold ? 1 : 0 }
        var best = 0
        for c in 1..<p.cols where p[r, c] > p[r, best] { best = c }
        return best
    }

    /// The model's class probabilities for x. A model trained on standardised data gets
    /// x standardised with its own statistics, unless x already is.
    public static func apply(_ network: Network, to x: Matrix, standardized: Bool, name: String) throws -> Matrix {
        guard x.cols == network.inputs else {
            throw StreamError(line: nil, "the model takes \(network.inputs) inputs but \(name) has \(x.cols) columns")
        }
        if let s = network.standardization, !standardized {
            return network.probabilities(s.apply(x))
        }
        return network.probabilities(x)
    }
}
