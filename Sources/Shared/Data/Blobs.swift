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

    /// Bytes held while the rows are written: the centres (Double) and the split's per-class
    /// tables; rows are made one at a time.
    public var bytes: Double {
        8 * Double(centers) * Double(features) + 40 * Double(centers) + 4 * Double(features)
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

    /// The rows, grouped by centre (label = centre index): x = centre + std · N(0, 1) per
    /// coordinate, row i's deviates from its own random stream. Not shuffled here: the split
    /// permutes them.
    public func rows(seed: UInt64) throws -> Rows {
        try validate()
        var random = Random(seed: seed, stream: "blobs")
        return Rows(blobs: self, centres: drawCenters(&random), seed: seed)
    }

    public func generate(seed: UInt64) throws -> LabelledData { try rows(seed: seed).generate() }

    public struct Rows: GeneratedRows {
        let blobs: Blobs
        let centres: [[Double]]
        let seed: UInt64
        public var samples: Int { blobs.samples }
        public var features: Int { blobs.features }
        public var classes: [String] { (0..<blobs.centers).map(String.init) }
        public var classCounts: [Int] { blobs.samplesPerCenter }

        public func make(row index: Int, label: Int, into row: UnsafeMutableBufferPointer<Float>) {
            var random = Random(seed: seed, stream: "blobs", index: index)
            let std = blobs.clusterStd.count == 1 ? blobs.clusterStd[0] : blobs.clusterStd[label]
            for f in 0..<features { row[f] = Float(centres[label][f] + std * random.normal()) }
        }
    }
}
