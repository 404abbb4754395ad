// A seeded shuffle of 0..<n that is computed one position at a time, so that the rows of a
// generated dataset can be written in a random order without a list of n indices.

/// A pseudo-random permutation of 0..<count: a balanced Feistel network over the smallest
/// even number of bits that holds count − 1, walked until it lands inside 0..<count (cycle
/// walking, Black and Rogaway 2002), which keeps it a bijection. Fewer than four steps are
/// needed on average, since the network's domain is less than four times `count`.
public struct IndexPermutation: Sendable {
    public let count: Int
    private let halfBits: UInt64
    private let keys: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    public init(count: Int, random: inout Random) {
        precondition(count >= 0)
        self.count = count
        var bits: UInt64 = 2
        while bits < 64 && (UInt64(1) << bits) < UInt64(count) { bits += 2 }
        halfBits = bits / 2
        keys = (random.next(), random.next(), random.next(), random.next(), random.next(), random.next())
    }

    /// The position-th element of the permutation.
    public subscript(position: Int) -> Int {
        precondition(position >= 0 && position < count, "IndexPermutation: \(position) outside 0..<\(count)")
        var x = UInt64(position)
        repeat { x = encrypt(x) } while x >= UInt64(count)
        return Int(x)
    }

    @inline(__always)
    private func encrypt(_ x: UInt64) -> UInt64 {
        let mask = (UInt64(1) << halfBits) &- 1
        var left = x >> halfBits, right = x & mask
        @inline(__always) func round(_ key: UInt64) { (left, right) = (right, left ^ (Random.mix(right ^ key) & mask)) }
        round(keys.0); round(keys.1); round(keys.2); round(keys.3); round(keys.4); round(keys.5)
        return left << halfBits | right
    }
}
