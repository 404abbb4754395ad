// Wall-clock time since a start, from the monotonic clock (progress lines, samples/s).
#if canImport(Glibc)
import Glibc
#endif

public struct Stopwatch: Sendable {
    private let start: Double

    public init() { start = Stopwatch.now() }

    public var seconds: Double { Stopwatch.now() - start }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
