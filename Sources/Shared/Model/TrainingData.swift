// The rows a model trains on: features, and labels 0..k−1 with class names or t numeric
// targets with their names, checked; and the validation rows held out of them, moved to the
// end so both parts stay contiguous.

public struct TrainingData: Sendable {
    public private(set) var x: Matrix
    /// Per row, its label (as a Float, exact up to 2^24) or its t targets.
    public private(set) var y: [Float]
    /// A classifier's class names (empty for a regressor).
    public let classes: [String]
    /// A regressor's target names (empty for a classifier).
    public let targets: [String]
    /// The standardisation of the targets (nn-data standardize --target), when they were standardised.
    public var targetStandardization: Standardization?
    /// Rows 0..<trainRows train; the rest (if any) are the validation rows.
    public private(set) var trainRows: Int

    /// Checks the labels against the classes (exit 65 with what is wrong).
    /// Without class names the classes are 0...max(label). `firstLabelLine`: the stream line of
    /// y's first row, so that a bad label's message names its line.
    public init(x: Matrix, y: [Int32], classes: [String]?, firstLabelLine: Int? = nil) throws {
        guard x.rows == y.count else {
            throw StreamError(line: nil, "train.x has \(x.rows) rows but train.y has \(y.count): each training row needs one label")
        }
        guard x.rows > 0, x.cols > 0 else { throw StreamError(line: nil, "train.x is empty: there is nothing to train on") }
        let k = classes?.count ?? (Int(y.max() ?? 0) + 1)
        if let bad = y.firstIndex(where: { $0 < 0 || Int($0) >= k }) {
            let names = classes.map { " (classes=\($0.joined(separator: ",")))" } ?? ""
            throw StreamError(line: firstLabelLine.map { $0 + bad }, "train.y row \(bad) has label \(y[bad]); labels must be 0..\(k - 1)\(names)")
        }
        var seen = Set<Int32>()
        for v in y { seen.insert(v); if seen.count > 1 { break } }
        guard seen.count > 1 else {
            throw StreamError(line: nil, "train.y holds one class only (label \(y[0])): a classifier needs at least two")
        }
        self.x = x
        self.y = y.map { Float($0) }
        self.classes = classes ?? (0..<max(k, 2)).map(String.init)
        targets = []
        trainRows = x.rows
    }

    /// A regressor's rows: `y` is N × t targets named `targets`. `firstTargetLine`: the stream
    /// line of y's first row, so that a non-finite target's message names its line.
    public init(x: Matrix, targets y: Matrix, names: [String], firstTargetLine: Int? = nil) throws {
        guard x.rows == y.rows else {
            throw StreamError(line: nil, "train.x has \(x.rows) rows but train.y has \(y.rows): each training row needs its targets")
        }
        guard x.rows > 0, x.cols > 0 else { throw StreamError(line: nil, "train.x is empty: there is nothing to train on") }
        guard y.cols > 0 else { throw StreamError(line: nil, "train.y has no columns: a regressor needs at least one target") }
        guard names.count == y.cols else {
            throw StreamError(line: nil, "train.y names \(names.count) targets (columns=\(names.joined(separator: ","))) but has \(y.cols) columns")
        }
        self.x = x
        self.y = y.data
        classes = []
        targets = names
        trainRows = x.rows
    }

    public var isRegression: Bool { !targets.isEmpty }
    /// Values of y per row: t targets, or one label.
    public var targetWidth: Int { isRegression ? targets.count : 1 }

    public var validationRows: Int { x.rows - trainRows }
    public var features: Int { x.cols }

    /// Applies a model's standardisation to the features in place (a model trained on
    /// standardised rows, trained further on raw ones).
    public mutating func standardize(_ s: Standardization) {
        s.applyInPlace(&x)
    }

    /// Holds out round(fraction · rows) rows, chosen at random (seeded), for validation: they move
    /// to the end; both parts keep their original order.
    public mutating func holdOut(fraction: Double, seed: UInt64) throws {
        let n = x.rows
        let held = Int((fraction * Double(n)).rounded())
        guard held >= 1, n - held >= 1 else {
            throw StreamError(line: nil, "--validation \(fraction) of \(n) training rows leaves \(held) for validation and \(n - held) for training; both need at least one")
        }
        var random = Random(seed: seed, stream: "validation")
        var isHeld = [Bool](repeating: false, count: n)
        for i in random.permutation(n).prefix(held) { isHeld[i] = true }
        let order = (0..<n).filter { !isHeld[$0] } + (0..<n).filter { isHeld[$0] }
        TrainingData.permuteRows(&x, order)
        var ym = Matrix(rows: n, cols: targetWidth, data: y)
        TrainingData.permuteRows(&ym, order)
        y = ym.data
        trainRows = n - held
    }

    /// Row r becomes old row order[r], in place (cycle by cycle, one row of scratch), so the
    /// feature matrix is never held twice.
    static func permuteRows(_ m: inout Matrix, _ order: [Int]) {
        let c = m.cols, rows = m.rows
        var done = [Bool](repeating: false, count: rows)
        var scratch = [Float](repeating: 0, count: c)
        m.data.withUnsafeMutableBufferPointer { d in
            scratch.withUnsafeMutableBufferPointer { t in
                let base = d.baseAddress!, tmp = t.baseAddress!
                for start in 0..<rows where !done[start] {
                    tmp.update(from: base + start * c, count: c)
                    var r = start
                    while true {
                        done[r] = true
                        let source = order[r]
                        if source == start { (base + r * c).update(from: tmp, count: c); break }
                        (base + r * c).update(from: base + source * c, count: c)
                        r = source
                    }
                }
            }
        }
    }
}
