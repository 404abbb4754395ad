// The rows a model trains on: features, labels 0..k−1 and class names, checked; and the
// validation rows held out of them, moved to the end so both parts stay contiguous.

public struct TrainingData: Sendable {
    public private(set) var x: Matrix
    public private(set) var y: [Int32]
    public let classes: [String]
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
        self.y = y
        self.classes = classes ?? (0..<max(k, 2)).map(String.init)
        trainRows = x.rows
    }

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
        y = order.map { y[$0] }
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
