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
    /// then x += noise · N(0, 1) per coordinate. Not shuffled: the split permutes the rows.
    public func generate(seed: UInt64) throws -> LabelledData {
        try validate()
        var random = Random(seed: seed, stream: "moons")
        let outer = samples / 2, inner = samples - outer
        var x = [Float](), y = [Int32]()
        x.reserveCapacity(2 * samples)
        func angle(_ i: Int, _ count: Int) -> Double { count > 1 ? Double.pi * Double(i) / Double(count - 1) : 0 }
        for i in 0..<outer {
            let t = angle(i, outer)
            x.append(Float(cos(t) + noise * random.normal()))
            x.append(Float(sin(t) + noise * random.normal()))
            y.append(0)
        }
        for i in 0..<inner {
            let t = angle(i, inner)
            x.append(Float(1 - cos(t) + noise * random.normal()))
            x.append(Float(1 - sin(t) - 0.5 + noise * random.normal()))
            y.append(1)
        }
        return LabelledData(features: Matrix(rows: samples, cols: 2, data: x), columns: ["x1", "x2"],
                            labels: y, classes: ["0", "1"])
    }
}
