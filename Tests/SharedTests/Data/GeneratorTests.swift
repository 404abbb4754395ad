// The synthetic generators have scikit-learn's shapes and the statistics they promise.
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Shared

/// Per-class mean and (population) standard deviation of column `c`.
private func classStats(_ d: LabelledData, label: Int32, column c: Int) throws -> (mean: Double, std: Double, count: Int) {
    let m = try d.matrix()
    let values = (0..<d.rows).filter { d.labels[$0] == label }.map { Double(m[$0, c]) }
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
    return (mean, variance.squareRoot(), values.count)
}

/// The distance of row r's point (x1, x2) from the origin.
private func radius(_ m: Matrix, _ r: Int) -> Double {
    (Double(m[r, 0]) * Double(m[r, 0]) + Double(m[r, 1]) * Double(m[r, 1])).squareRoot()
}

@Test func blobsSplitSamplesAmongCentresAsMakeBlobs() throws {
    // make_blobs: n_samples // n_centers each, the first n_samples % n_centers one more.
    var b = Blobs()
    b.samples = 400
    b.centers = 3
    #expect(b.samplesPerCenter == [134, 133, 133])
    let d = try b.generate(seed: 1)
    #expect(d.rows == 400 && d.cols == 2)
    #expect(d.classes == ["0", "1", "2"])
    #expect((0..<3).map { k in d.labels.filter { $0 == Int32(k) }.count } == [134, 133, 133])
    #expect(d.featureAttributes.list("columns") == ["x1", "x2"])
}

@Test func blobsGatherAroundCentresInTheBoxWithTheirStd() throws {
    var b = Blobs()
    b.samples = 4000
    b.features = 3
    b.centers = 2
    b.clusterStd = [0.5, 2.0]
    var random = Random(seed: 9, stream: "blobs")
    let centres = b.drawCenters(&random)
    #expect(centres.allSatisfy { $0.allSatisfy { (-10.0..<10.0).contains($0) } })
    let d = try b.generate(seed: 9)
    for k in 0..<2 {
        for c in 0..<3 {
            let s = try classStats(d, label: Int32(k), column: c)
            let std = b.clusterStd[k]
            // The sample mean's standard error is std/sqrt(2000); 5 of them is a loose bound.
            #expect(abs(s.mean - centres[k][c]) < 5 * std / Double(s.count).squareRoot())
            #expect(abs(s.std - std) < 0.1 * std)
        }
    }
}

@Test func circlesLieOnRadiusOneAndFactorWithoutNoise() throws {
    var c = Circles()
    c.samples = 101
    c.factor = 0.3
    let d = try c.generate(seed: 3)
    let m = try d.matrix()
    // make_circles: n_out = n // 2 on the outer circle, the rest (one more) inside.
    #expect(d.labels.filter { $0 == 0 }.count == 50)
    #expect(d.labels.filter { $0 == 1 }.count == 51)
    for r in 0..<d.rows {
        #expect(abs(radius(m, r) - (d.labels[r] == 0 ? 1 : 0.3)) < 1e-6)
    }
}

@Test func circlesNoiseHasTheGivenStd() throws {
    var c = Circles()
    c.samples = 20000
    c.noise = 0.05
    let d = try c.generate(seed: 4)
    let m = try d.matrix()
    // Noise is N(0, noise²) per coordinate; radially its std is close to `noise` too.
    var deviations: [Double] = []
    for r in 0..<d.rows {
        deviations.append(radius(m, r) - (d.labels[r] == 0 ? 1 : 0.8))
    }
    let mean = deviations.reduce(0, +) / Double(deviations.count)
    let std = (deviations.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(deviations.count)).squareRoot()
    #expect(abs(mean) < 0.005)
    #expect(abs(std - 0.05) < 0.003)
}

@Test func moonsAreTwoHalfCirclesShiftedAsMakeMoons() throws {
    var moons = Moons()
    moons.samples = 11
    let d = try moons.generate(seed: 5)
    let m = try d.matrix()
    #expect(d.labels.filter { $0 == 0 }.count == 5)
    for r in 0..<d.rows {
        let x = Double(m[r, 0]), y = Double(m[r, 1])
        if d.labels[r] == 0 {
            // Upper moon: (cos t, sin t), t in [0, π].
            #expect(abs(x * x + y * y - 1) < 1e-6 && y >= -1e-7)
        } else {
            // Lower moon: (1 − cos t, 0.5 − sin t).
            #expect(abs((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5) - 1) < 1e-6 && y <= 0.5 + 1e-7)
        }
    }
    // linspace(0, π, n) includes both ends: the upper moon starts at (1, 0) and ends at (−1, 0).
    let upper = (0..<d.rows).filter { d.labels[$0] == 0 }
    #expect(Double(m[upper.first!, 0]) == 1 && abs(Double(m[upper.last!, 0]) + 1) < 1e-7)
}

@Test func sameSeedSameDataOtherSeedOtherData() throws {
    var b = Blobs()
    b.samples = 50
    let one = try b.generate(seed: 7), again = try b.generate(seed: 7), other = try b.generate(seed: 8)
    #expect(one.features == again.features && one.labels == again.labels)
    #expect(one.features != other.features)
}

@Test func generatorsRefuseBadParameters() {
    var c = Circles()
    c.factor = 1
    #expect(userFacingError { _ = try c.generate(seed: 1) }?.exitCode == ExitCode.usage)
    var b = Blobs()
    b.clusterStd = [1, 2]
    #expect(userFacingError { _ = try b.generate(seed: 1) }?.message.contains("one per centre") == true)
    var m = Moons()
    m.samples = 0
    #expect(userFacingError { _ = try m.generate(seed: 1) }?.exitCode == ExitCode.usage)
}
