// Two interleaving half circles, as scikit-learn's make_moons: the upper moon
// (label 0) and the lower one shifted right and down (label 1), plus Gaussian noise.
#if canImport(Glibc)
import Glibc
#endif

public struct Moons: Equatable, Sendable {
    public var samples = 100
    /// Standard deviation of the Gaussian noise added to each coordinate (0: none).
    public var noise = 0.0

    public init() {}

    public func validate() throws {
        guard samples >= 1 else { throw UsageError("--samples must be at least 1") }
        guard noise >= 0, noise <= LabelledData.largestGeneratorParameter else { throw UsageError("--noise must be in [0, 1e36], got \(noise)") }
    }

    /// With t over numpy's linspace(0, π, n) (endpoints included):
    /// upper moon (⌊n/2⌋ points) (cos t, sin t); lower moon (the rest) (1 − cos t, 0.5 − sin t);
    /// then x += noise · N(0, 1) per coordinate, from the row's own random stream.
    /// Not shuffled: the split permutes the rows.
    public func rows(seed: UInt64) throws -> TwoCurves {
        try validate()
        return TwoCurves(samples: samples, noise: noise, seed: seed, stream: "moons") { label, i, count in
            let t = count > 1 ? Double.pi * Double(i) / Double(count - 1) : 0
            return label == 0 ? (cos(t), sin(t)) : (1 - cos(t), 0.5 - sin(t))
        }
    }

    public func generate(seed: UInt64) throws -> LabelledData { try rows(seed: seed).generate() }
}
