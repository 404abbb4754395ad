// A synthetic dataset whose rows are made one at a time, each from its own seeded random
// stream, so rows can be written in any order as they are made: nn-data's generators hold
// no rows, and --samples is bounded by what reads the stream, not by the generator's memory.

public protocol GeneratedRows: Sendable {
    var samples: Int { get }
    var features: Int { get }
    /// Class names; class c's rows follow those of class c − 1 (`classCounts`).
    var classes: [String] { get }
    /// Rows per class, in class order.
    var classCounts: [Int] { get }
    /// Makes row `index` (a row of class `label`) into `row`, which holds `features` values.
    func make(row index: Int, label: Int, into row: UnsafeMutableBufferPointer<Float>)
}

extension GeneratedRows {
    public var columns: [String] { (1...features).map { "x\($0)" } }

    /// Splits with `options` and writes train.x, train.y, test.x, test.y, each row made as it
    /// is written (in the order the split gives).
    public func write(_ options: SplitOptions, to writer: StreamWriter) throws {
        let split = try StreamedSplit(classCounts: classCounts, options: options)
        let starts = StreamedSplit.starts(classCounts)
        var xAttributes = Attributes(), yAttributes = Attributes()
        xAttributes.setList("columns", columns)
        yAttributes.setList("classes", classes)
        var values = [Float](repeating: 0, count: features)
        for (set, count, rowAt) in [("train", split.trainCount, split.trainRow), ("test", split.testCount, split.testRow)] {
            try writer.writeHeader(SectionHeader(name: "\(set).x", type: .f32, rows: count, cols: features, attributes: xAttributes))
            try values.withUnsafeMutableBufferPointer { v in
                for position in 0..<count {
                    let i = rowAt(position)
                    make(row: i, label: StreamedSplit.segment(of: i, starts: starts), into: v)
                    try writer.writeRow(UnsafeBufferPointer(v))
                }
            }
            try writer.writeHeader(SectionHeader(name: "\(set).y", type: .i32, rows: count, cols: 1, attributes: yAttributes))
            for position in 0..<count {
                try writer.writeLabel(Int32(StreamedSplit.segment(of: rowAt(position), starts: starts)))
            }
        }
    }

    /// Every row in generation order (class by class), in memory: for tests and small uses.
    public func generate() -> LabelledData {
        var x = [Float](repeating: 0, count: samples * features), y = [Int32]()
        y.reserveCapacity(samples)
        x.withUnsafeMutableBufferPointer { all in
            var i = 0
            for (label, count) in classCounts.enumerated() {
                for _ in 0..<count {
                    make(row: i, label: label, into: UnsafeMutableBufferPointer(rebasing: all[(i * features)..<((i + 1) * features)]))
                    y.append(Int32(label))
                    i += 1
                }
            }
        }
        return LabelledData(features: Matrix(rows: samples, cols: features, data: x), columns: columns, labels: y, classes: classes)
    }
}

/// Two classes of points in the plane, ⌊n/2⌋ of class 0 then the rest, each a point on a curve
/// (`point(label, i, count)`: the i-th of `count`) plus noise · N(0, 1) per coordinate from the
/// row's own random stream: make_circles' and make_moons' shape.
public struct TwoCurves: GeneratedRows {
    public let samples: Int
    let noise: Double
    let seed: UInt64
    let stream: String
    let point: @Sendable (_ label: Int, _ i: Int, _ count: Int) -> (Double, Double)

    public var features: Int { 2 }
    public var classes: [String] { ["0", "1"] }
    public var classCounts: [Int] { [samples / 2, samples - samples / 2] }

    public func make(row index: Int, label: Int, into row: UnsafeMutableBufferPointer<Float>) {
        var random = Random(seed: seed, stream: stream, index: index)
        let first = samples / 2   // class 0's rows; classCounts without an array a row
        let (x, y) = point(label, index - (label == 0 ? 0 : first), label == 0 ? first : samples - first)
        row[0] = Float(x + noise * random.normal())
        row[1] = Float(y + noise * random.normal())
    }
}
