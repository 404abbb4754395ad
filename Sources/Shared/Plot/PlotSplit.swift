// The questions plot kinds ask of a split (train or test): its features and labels,
// the class names, and the class probabilities (from nn-eval's predictions, or the model).

public enum PlotSplit: String, CaseIterable, Sendable {
    case train, test
}

/// A split's features and labels, checked to agree.
public struct LabelledSplit {
    public var split: PlotSplit
    /// The x section as it came (for the model), and its values as Float32.
    public var section: Section
    public var x: Matrix
    public var y: [Int32]

    public var header: SectionHeader { section.header }

    /// Feature names from `columns=`, else x1, x2, ...
    public var featureNames: [String] {
        if let names = header.attributes.list("columns"), names.count == x.cols { return names }
        return (0..<x.cols).map { "x\($0 + 1)" }
    }

    public var isStandardized: Bool { header.attributes["standardized"] == "true" }

    /// Axis labels for the features the splits share: their names, and `(standardised)` when
    /// the values are z-scores, so no one reads them as the data's own units. Splits on
    /// different scales would share an axis wrongly, and are refused.
    public static func axisLabels(_ splits: [LabelledSplit]) throws -> [String] {
        if let scaled = splits.first(where: \.isStandardized), let raw = splits.first(where: { !$0.isStandardized }) {
            throw StreamError(line: raw.header.line, "\(scaled.split).x is standardised (standardized=true) but \(raw.split).x is not: their points are on different scales; standardise both (nn-data standardize)")
        }
        let names = splits[0].featureNames
        return splits[0].isStandardized ? names.map { "\($0) (standardised)" } : names
    }
}

extension PlotInput {
    /// Class names from the labels' `classes=`, else the model's, predictions' or confusion's;
    /// else the numbers 0..k-1 for the largest label or column count seen.
    public func classNames() -> [String] {
        let withClasses = ["train.y", "test.y", "test.predictions", "test.confusion", "train.confusion"]
        for name in withClasses {
            if let c = sections[name]?.attributes.list("classes"), !c.isEmpty { return c }
        }
        if let c = modelFile?.classes ?? sections["model"]?.attributes.list("classes"), !c.isEmpty { return c }
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
        return LabelledSplit(split: split, section: xs, x: try xs.matrix(), y: y)
    }

    static func checkLabels(_ y: [Int32], section: Section, classes: [String]) throws {
        for (r, label) in y.enumerated() where label < 0 || Int(label) >= classes.count {
            throw StreamError(line: section.header.line.map { $0 + r + 1 },
                              "\(section.name): label \(label) is outside 0..\(classes.count - 1) (classes \(classes.joined(separator: ",")))")
        }
    }

    /// Class probabilities for a split: `<split>.predictions` when present (checked as
    /// nn-eval checks them), else the model applied to `<split>.x` as nn-eval applies it.
    public func probabilities(_ split: PlotSplit, rows: Int, classes k: Int, for kind: String) throws -> Predictions {
        let p: Predictions
        if let section = sections["\(split).predictions"] {
            p = try StreamScoring.readPredictions(section, rows: rows, labels: "\(split).y")
        } else if hasModel, let xs = sections["\(split).x"] {
            p = try StreamScoring.predict(try network(for: kind), xs)
        } else {
            throw missing(["\(split).predictions"], for: kind, or: "a model (from nn-fit, or --model FILE) with '\(split).x'")
        }
        guard p.classes == k else {
            throw StreamError(line: nil, "the predictions have \(p.classes) classes but the data has \(k)")
        }
        return p
    }
}
