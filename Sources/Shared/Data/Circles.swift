// Two concentric circles, as scikit-learn's make_circles: the outer circle (label 0,
// radius 1) and the inner one (label 1, radius `factor`), plus Gaussian noise.
#if canImport(Glibc)
import Glibc
#endif

public struct Circles: Equatable, Sendable {
    public var samples = 100
    /// Standard deviation of the Gaussian noise added to each coordinate (0: none).
    public var noise = 0.0
    /// Radius of the inner circle relative to the outer one, in [0, 1).
    public var factor = 0.8

    public init() {}

    public func validate() throws {
        guard samples >= 1 else { throw UsageError("--samples must be at least 1") }
        guard noise >= 0, noise <= LabelledData.largestGeneratorParameter else { throw UsageError("--noise must be in [0, 1e36], got \(noise)") }
        guard factor >= 0, factor < 1 else { throw UsageError("--factor must be in [0, 1)") }
    }

    /// n_out = ⌊n/2⌋ points at angles 2πi/n_out on the unit circle, n_in = n − n_out at
    /// 2πi/n_in on the circle of radius `factor` (numpy's linspace without endpoint);
    /// then x += noise · N(0, 1) per coordinate, from the row's own random stream.
    /// Not shuffled: the split permutes the rows.
    public func rows(seed: UInt64) throws -> TwoCurves {
        try validate()
        let factor = self.factor
        return TwoCurves(samples: samples, noise: noise, seed: seed, stream: "circles") { label, i, count in
            let radius = label == 0 ? 1.0 : factor
            let t = 2 * Double.pi * Double(i) / Double(count)
            return (radius * cos(t), radius * sin(t))
        }
    }

    public func generate(seed: UInt64) throws -> LabelledData { try rows(seed: seed).generate() }
}
