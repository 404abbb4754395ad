// A fixed-size, zero-initialised Float32 buffer owned by a class: the workspaces and
// parameter vectors of training, reached through one raw pointer with no copy-on-write.

public final class FloatBuffer {
    public let count: Int
    let base: UnsafeMutablePointer<Float>

    public init(count: Int) {
        precondition(count >= 0)
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
    }

    public convenience init(_ values: [Float]) {
        self.init(count: values.count)
        values.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: values.count) }
    }

    deinit { base.deallocate() }

    var array: [Float] { Array(UnsafeBufferPointer(start: base, count: count)) }

    public func copy(from other: FloatBuffer) {
        precondition(other.count == count)
        base.update(from: other.base, count: count)
    }

    public func zero() { base.update(repeating: 0, count: count) }

    @inline(__always)
    public subscript(i: Int) -> Float {
        get { base[i] }
        set { base[i] = newValue }
    }
}
