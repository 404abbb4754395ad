// The k×k confusion matrix of a classifier on one labelled set: counts[t][p] is
// the number of samples of true class t that were predicted as class p.

public struct ConfusionMatrix: Equatable, Sendable {
    public let classes: Int
    /// Row-major k×k counts; rows are true classes, columns predicted classes.
    public private(set) var counts: [Int]

    public init(classes: Int) {
        precondition(classes >= 2, "ConfusionMatrix: needs at least two classes")
        self.classes = classes
        counts = [Int](repeating: 0, count: classes * classes)
    }

    public init(truth: [Int], predicted: [Int], classes: Int) {
        precondition(truth.count == predicted.count)
        self.init(classes: classes)
        for (t, p) in zip(truth, predicted) { add(truth: t, predicted: p) }
    }

    /// Builds a matrix from nested rows (tests, and sections read back).
    public init(_ rows: [[Int]]) {
        self.init(classes: rows.count)
        precondition(rows.allSatisfy { $0.count == classes }, "ConfusionMatrix: not square")
        counts = rows.flatMap { $0 }
    }

    public mutating func add(truth: Int, predicted: Int) {
        counts[truth * classes + predicted] += 1
    }

    public subscript(truth: Int, predicted: Int) -> Int { counts[truth * classes + predicted] }

    public var rows: [[Int]] { (0..<classes).map { Array(counts[($0 * classes)..<(($0 + 1) * classes)]) } }

    public var total: Int { counts.reduce(0, +) }

    /// The diagonal: samples predicted as their true class.
    public var correct: Int { (0..<classes).reduce(0) { $0 + self[$1, $1] } }

    /// accuracy = Σ_c counts[c][c] / N (0 for an empty set).
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// Samples whose true class is c (row sum): TP + FN.
    public func support(_ c: Int) -> Int { (0..<classes).reduce(0) { $0 + self[c, $1] } }

    /// Samples predicted as c (column sum): TP + FP.
    public func predictedCount(_ c: Int) -> Int { (0..<classes).reduce(0) { $0 + self[$1, c] } }

    public func truePositives(_ c: Int) -> Int { self[c, c] }
}
