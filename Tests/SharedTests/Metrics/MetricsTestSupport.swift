// Helpers for metric tests: comparing Float64 scores with reference values.
@testable import Shared

/// |a − b| ≤ tolerance · max(1, |b|): equal up to summation order in Float64.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

func allClose(_ a: [Double], _ b: [Double], tolerance: Double = 1e-12) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance: tolerance) }
}
