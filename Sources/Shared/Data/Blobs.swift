// Isotropic Gaussian blobs, as scikit-learn's make_blobs: `centers` centres drawn
// uniformly in `centerBox`, each with its share of the samples around it.
#if canImport(Glibc)
import Glibc
#endif

public struct Blobs: Equatable, Sendable {
    public var samples = 100
    public var features = 2
    public var centers = 3
    /// One standard deviation for every centre, or one per centre.
    public var clusterStd: [Double] = [1.0]
    public var centerBox: (low: Double, high: Double) = (-10, 10)

    public init() {}

    public static func == (a: Blobs, b: Blobs) -> Bool {
        a.samples == b.samples && a.features == b.features && a.centers == b.centers
            && a.clusterStd == b.clusterStd && a.centerBox == b.centerBox
    }

    /// Checks the parameters as make_blobs does; a bad one is a usage error.
    public func validate() throws {
        guard samples >= 1 else { throw UsageError("--samples must be at least 1") }
        guard features >= 1 else { throw UsageError("--features must be at least 1") }
        guard centers >= 1 else { throw UsageError("--centers must be at least 1") }
        guard centers <= samples else {
            throw UsageError("--centers \(centers) is more than --samples \(samples): every centre needs at least one point")
        }
        guard !samples.multipliedReportingOverflow(by: features).overflow else {
            throw UsageError("--samples \(samples) times --features \(features) is more values than a 64-bit count can hold")
        }
        guard clusterStd.count == 1 || clusterStd.count == centers else {
            throw UsageError("--cluster-std has \(clusterStd.count) values: give one, or one per centre (\(centers))")
        }
        let largest = LabelledData.largestGeneratorParameter
        guard clusterStd.allSatisfy({ $0 >= 0 && $0 <= largest }) else { throw UsageError("--cluster-std must be in [0, 1e36]") }
        guard centerBox.low.magnitude <= largest, centerBox.high.magnitude <= largest, centerBox.low <= centerBox.high else {
            throw UsageError("--center-box must be LOW,HIGH with LOW <= HIGH, both within ±1e36")
        }
    }

    /// Bytes held until the rows are written: the data and its split, and the centres (Double).
    public var bytes: Double {
        LabelledData.generatedBytes(rows: samples, cols: features) + 8 * Double(centers) * Double(features)
    }

    /// The centres, one row each: uniform in [low, high) per coordinate.
    public func drawCenters(_ random: inout Random) -> [[Double]] {
        (0..<centers).map { _ in
            (0..<features).map { _ in centerBox.low + (centerBox.high - centerBox.low) * random.uniform() }
        }
    }

    /// Samples per centre: ⌊samples / centers⌋ each, the first (samples mod centers) one more.
    public var samplesPerCenter: [Int] {
        (0..<centers).map { samples / centers + ($0 < samples % centers ? 1 : 0) }
    }

    /// Rows grouped by centre (label = centre index), x = centre + std · N(0, 1) per coordinate.
    /// Rows are not shuffled here: the train/test split permutes them.
    public func generate(seed: UInt64) throws -> LabelledData {
        try validate()
        var random = Random(seed: seed, stream: "blobs")
        let centres = drawCenters(&random)
        var x = [Float](), y = [Int32]()
        x.reserveCapacity(samples * features)
        y.reserveCapacity(samples)
        for (c, count) in samplesPerCenter.enumerated() {
            let std = clusterStd.count == 1 ? clusterStd[0] : clusterStd[c]
            for _ in 0..<count {
                for f in 0..<features { x.append(Float(centres[c][f] + std * random.normal())) }
                y.append(Int32(c))
            }
        }
        return LabelledData(features: Matrix(rows: samples, cols: features, data: x),
                            columns: (1...features).map { "x\($0)" },
                            labels: y, classes: (0..<centers).map(String.init))
    }
}
