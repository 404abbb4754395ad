// Generated regression problems (scikit-learn's make_friedman1 and make_regression, and a
// noisy sine for pictures of a fitted curve), made as they are written, as the classification
// generators' rows are (GeneratedRows): row i is drawn from its own seeded random stream, and
// the split is StreamedSplit's, so no row is ever held; a set's rows are made once for its x
// section and again for its y.
#if canImport(Glibc)
import Glibc
#endif

/// A source of independent rows: features and targets drawn from `random`.
public protocol RegressionGenerator {
    var samples: Int { get }
    var features: Int { get }
    var targets: Int { get }
    /// The random stream's name (`Random(seed:stream:)`).
    var streamName: String { get }
    var featureNames: [String] { get }
    var targetNames: [String] { get }
    /// Checks the parameters; a bad one is a usage error.
    func validate() throws
    /// Draws what every row shares (make_regression's coefficients), from its own stream.
    mutating func prepare(_ random: inout Random)
    /// Draws one row from its own stream: its features into x, then its targets (noise included) into y.
    func draw(_ random: inout Random, x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>)
}

extension RegressionGenerator {
    /// Writes train.x, train.y (f32 N×t, columns=<target names>), test.x and test.y, then nothing
    /// else (the caller ends the stream), split as StreamedSplit splits one class of `samples` rows.
    public func write(testSize: Double, seed: UInt64, to writer: StreamWriter) throws {
        try validate()
        var generator = self
        var shared = Random(seed: seed, stream: streamName + ".shared")
        generator.prepare(&shared)
        let split = try StreamedSplit(classCounts: [samples], options: SplitOptions(testSize: testSize, seed: seed))
        var x = [Float](repeating: 0, count: features), y = [Float](repeating: 0, count: targets)
        var xAttributes = Attributes(), yAttributes = Attributes()
        xAttributes.setList("columns", featureNames)
        yAttributes.setList("columns", targetNames)
        for (set, rows, rowAt) in [("train", split.trainCount, split.trainRow), ("test", split.testCount, split.testRow)] {
            for (part, width, attributes) in [("x", features, xAttributes), ("y", targets, yAttributes)] {
                try writer.writeHeader(SectionHeader(name: "\(set).\(part)", type: .f32, rows: rows, cols: width, attributes: attributes))
                for position in 0..<rows {
                    var random = Random(seed: seed, stream: streamName, index: rowAt(position))
                    try x.withUnsafeMutableBufferPointer { xp in
                        try y.withUnsafeMutableBufferPointer { yp in
                            generator.draw(&random, x: xp.baseAddress!, y: yp.baseAddress!)
                            try writer.writeRow(UnsafeBufferPointer(part == "x" ? xp : yp))
                        }
                    }
                }
            }
        }
    }

    func validateCounts(noise: Double) throws {
        guard samples >= 1 else { throw UsageError("--samples must be at least 1") }
        guard noise >= 0 && noise <= LabelledData.largestGeneratorParameter else { throw UsageError("--noise must be in [0, 1e36]") }
    }
}

/// make_friedman1: 10 features uniform on [0, 1); only the first five matter:
///   y = 10 sin(π x1 x2) + 20 (x3 − 0.5)² + 10 x4 + 5 x5 + noise · N(0, 1).
/// (Friedman 1991, "Multivariate adaptive regression splines"; scikit-learn's definition,
/// with 1-based names here: x1 is scikit-learn's X[:, 0].)
public struct Friedman1: RegressionGenerator {
    public var samples = 100
    public var noise = 0.0
    public init() {}
    public let features = 10, targets = 1, streamName = "friedman1"
    public var featureNames: [String] { (1...10).map { "x\($0)" } }
    public var targetNames: [String] { ["y"] }
    public func validate() throws { try validateCounts(noise: noise) }
    public mutating func prepare(_ random: inout Random) {}

    public func draw(_ random: inout Random, x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>) {
        var v = [Double](repeating: 0, count: 10)
        for j in 0..<10 { v[j] = random.uniform(); x[j] = Float(v[j]) }
        let clean = 10 * sin(Double.pi * v[0] * v[1]) + 20 * (v[2] - 0.5) * (v[2] - 0.5) + 10 * v[3] + 5 * v[4]
        y[0] = Float(clean + noise * random.normal())
    }
}

/// make_regression: features N(0, 1); `informative` of them (at places drawn at random, as
/// scikit-learn shuffles the columns) carry coefficients 100 · U[0, 1) per target, the rest 0:
///   y = X · w + noise · N(0, 1)   (per target).
public struct LinearRegressionProblem: RegressionGenerator {
    public var samples = 100
    public var features = 100
    public var informative = 10
    public var targets = 1
    public var noise = 0.0
    /// features × targets, row-major; drawn by `prepare`.
    public private(set) var coefficients: [Double] = []
    public let streamName = "regression"
    public init() {}
    public var featureNames: [String] { (1...features).map { "x\($0)" } }
    public var targetNames: [String] { targets == 1 ? ["y"] : (1...targets).map { "y\($0)" } }

    public func validate() throws {
        try validateCounts(noise: noise)
        guard features >= 1 else { throw UsageError("--features must be at least 1") }
        guard targets >= 1 else { throw UsageError("--targets must be at least 1") }
        guard informative >= 0 && informative <= features else {
            throw UsageError("--informative \(informative) must be in 0...--features (\(features))")
        }
        guard features <= 1 << 20, targets <= 1 << 20 else { throw UsageError("--features and --targets are at most 1048576") }
    }

    public mutating func prepare(_ random: inout Random) {
        coefficients = [Double](repeating: 0, count: features * targets)
        let places = random.permutation(features).prefix(informative)
        for f in places { for t in 0..<targets { coefficients[f * targets + t] = 100 * random.uniform() } }
    }

    public func draw(_ random: inout Random, x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>) {
        var sums = [Double](repeating: 0, count: targets)
        for f in 0..<features {
            let v = random.normal()
            x[f] = Float(v)
            for t in 0..<targets { sums[t] += v * coefficients[f * targets + t] }
        }
        for t in 0..<targets { y[t] = Float(sums[t] + (noise > 0 ? noise * random.normal() : 0)) }
    }
}

/// One feature x uniform on [−π, π), y = sin(x) + noise · N(0, 1): a curve to draw a fit of.
public struct Sine: RegressionGenerator {
    public var samples = 200
    public var noise = 0.1
    public init() {}
    public let features = 1, targets = 1, streamName = "sine"
    public var featureNames: [String] { ["x"] }
    public var targetNames: [String] { ["y"] }
    public func validate() throws { try validateCounts(noise: noise) }
    public mutating func prepare(_ random: inout Random) {}

    public func draw(_ random: inout Random, x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>) {
        let v = -Double.pi + 2 * Double.pi * random.uniform()
        x[0] = Float(v)
        y[0] = Float(sin(v) + noise * random.normal())
    }
}
