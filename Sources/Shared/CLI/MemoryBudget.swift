// What a stage may allocate, checked before it allocates anything large: a mistyped size
// (--hidden 100000,100000, --samples 10000000000) is refused with one line saying what it
// would need and what there is (exit 69), instead of an abort in the allocator or the OOM killer.
#if canImport(Glibc)
import Glibc
#endif

public struct MemoryBudget: Equatable, Sendable {
    /// Bytes the process may still allocate.
    public var bytes: Double
    /// Where the limit comes from, for the message: "this machine", "NN_MEMORY_LIMIT", "ulimit -v".
    public var source: String

    public init(bytes: Double, source: String) {
        self.bytes = bytes
        self.source = source
    }

    /// The variable that overrides the limit found (`NN_MEMORY_LIMIT=8G`).
    public static let variable = "NN_MEMORY_LIMIT"

    /// The smallest of: physical memory, the cgroup's limit (v2 memory.max, v1
    /// memory.limit_in_bytes), and RLIMIT_AS / RLIMIT_DATA less what the process already maps.
    /// NN_MEMORY_LIMIT replaces all of them; a value that is not a size is a usage error.
    public static func current() throws -> MemoryBudget {
        if let text = getenv(variable).map({ String(cString: $0) }), !text.isEmpty {
            guard let bytes = parseSize(text) else {
                throw UsageError("\(variable)=\(text) is not a size; write e.g. 8G, 512M or 1000000000")
            }
            return MemoryBudget(bytes: bytes, source: variable)
        }
        var budget = MemoryBudget(bytes: Double(sysconf(Int32(_SC_PHYS_PAGES))) * Double(sysconf(Int32(_SC_PAGESIZE))),
                                  source: "this machine")
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            // "max" (v2) or a huge number (v1) mean no limit; either is above physical memory.
            if let text = readSmallFile(path), let limit = Double(text), limit < budget.bytes {
                budget = MemoryBudget(bytes: limit, source: "the cgroup's memory limit")
            }
        }
        // Address-space limits count what is mapped already (the runtime, OpenBLAS's buffers).
        let mapped = mappedBytes()
        for (resource, name) in [(RLIMIT_AS, "ulimit -v"), (RLIMIT_DATA, "ulimit -d")] {
            var limit = rlimit()
            guard getrlimit(__rlimit_resource_t(resource.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { continue }
            let left = max(0, Double(limit.rlim_cur) - mapped)
            if left < budget.bytes { budget = MemoryBudget(bytes: left, source: name) }
        }
        return budget
    }

    /// Refuses work that needs more than the budget: "<what> needs [at least ]12 GB<detail>;
    /// this machine allows 8 GB", then `hint` (a smaller setting that fits).
    public func check(_ needed: Double, _ what: String, atLeast: Bool = false, detail: String = "", hint: String? = nil) throws {
        guard needed > bytes else { return }
        var message = "\(what) needs \(atLeast ? "at least " : "")\(Self.text(needed))\(detail); \(allowance)"
        if let hint { message += ". \(hint)" }
        throw MemoryError(message)
    }

    /// "this machine allows 24 GB", "ulimit -v allows 2.8 GB".
    public var allowance: String {
        "\(source) \(source == Self.variable ? "is" : "allows") \(Self.text(bytes)) (set \(Self.variable) to override)"
    }

    /// Parses 8G, 512M, 64k, 1.5G or a byte count (K, M, G, T are powers of 1024, as ulimit's and
    /// GNU sort's sizes; an optional B or iB after the letter).
    public static func parseSize(_ text: String) -> Double? {
        var s = Substring(text.uppercased())
        if s.hasSuffix("IB") { s = s.dropLast(2) } else if s.hasSuffix("B") { s = s.dropLast() }
        var scale = 1.0
        if let unit = s.last, let power = ["K": 1, "M": 2, "G": 3, "T": 4][unit] {
            scale = pow(1024, Double(power))
            s = s.dropLast()
        }
        guard let v = Double(s), v.isFinite, v >= 0 else { return nil }
        return v * scale
    }

    /// Bytes for people: "160 GB", "2.8 GB", "512 MB", "40 kB" (powers of 1000, two significant
    /// digits below 10).
    public static func text(_ bytes: Double) -> String {
        let units = ["bytes", "kB", "MB", "GB", "TB", "PB", "EB"]
        var v = bytes, u = 0
        while v >= 1000 && u < units.count - 1 { v /= 1000; u += 1 }
        if u == units.count - 1 && v >= 1000 { return "more than 1000 EB" }
        let digits = v < 10 && u > 0 ? NumberFormat.fixed(v, decimals: 1) : String(Int(v.rounded()))
        return "\(digits) \(units[u])"
    }

    /// Virtual memory the process maps now (/proc/self/statm's first field, in pages).
    static func mappedBytes() -> Double {
        guard let text = readSmallFile("/proc/self/statm"), let pages = Double(text.split(separator: " ").first ?? "") else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
    }

    private static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = read(fd, &buffer, buffer.count)
        guard n > 0 else { return nil }
        return String(decoding: buffer[..<n], as: UTF8.self).split(separator: "\n").first.map(String.init)
    }
}

/// Work that needs more memory than the process may use: exit 69 (unavailable), as a missing tool.
public struct MemoryError: UserFacingError {
    public var message: String
    public var exitCode: Int32 { ExitCode.unavailable }
    public init(_ message: String) { self.message = message }
}

extension Array {
    /// Before `count` more elements make the array grow, checks that its next buffer (twice the
    /// present one, with the old one still held while they are copied) fits the budget: data
    /// read from a stream or a file larger than memory ends with one line and exit 69, not an
    /// abort in the allocator. `what` names the data for the message ("section train.x").
    @inline(__always)
    mutating func reserveChecked(_ more: Int, _ what: @autoclosure () -> String) throws {
        guard count + more > capacity else { return }
        let next = Swift.max(2 * capacity, count + more)
        let stride = Double(MemoryLayout<Element>.stride)
        try MemoryBudget.current().check((Double(next) + Double(capacity)) * stride,
                                         "holding \(what()) (\(count + more) values so far)")
        reserveCapacity(next)
    }
}
