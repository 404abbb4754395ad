// A regression dataset in memory (features and numeric targets, e.g. from a CSV file with
// --target), and how it goes into a stream as train.x, train.y (f32 N×t), test.x, test.y.

public struct RegressionData: Sendable {
    public var features: Matrix
    public var featureNames: [String]?
    /// N × t.
    public var targets: Matrix
    public var targetNames: [String]

    public init(features: Matrix, featureNames: [String]?, targets: Matrix, targetNames: [String]) {
        precondition(features.rows == targets.rows && targets.cols == targetNames.count)
        self.features = features
        self.featureNames = featureNames
        self.targets = targets
        self.targetNames = targetNames
    }

    /// Splits at random (`--stratify` is refused: there are no classes) and writes the four sections.
    public func write(_ options: SplitOptions, to writer: StreamWriter) throws {
        if options.stratify { throw UsageError("--stratify keeps each class's share; with --target there are numeric targets, not classes") }
        let split = try TrainTestSplit(labels: [Int32](repeating: 0, count: features.rows), classCount: 1, options: options)
        var x = Attributes(), y = Attributes()
        if let featureNames { x.setList("columns", featureNames) }
        y.setList("columns", targetNames)
        for (prefix, rows) in [("train", split.train), ("test", split.test)] {
            try writer.write("\(prefix).x", features.rows(rows), attributes: x)
            try writer.write("\(prefix).y", targets.rows(rows), attributes: y)
        }
    }
}
