// Every weight and bias of a network in one flat buffer, so that an optimiser step is one
// loop: layer l's weight (out × in, row-major) followed by its bias, for l = 1...L.
// Gradients and optimiser state use the same layout.

public struct ParameterLayout: Equatable, Sendable {
    /// Layer widths from input to output, e.g. [784, 16, 1].
    public let sizes: [Int]
    public let weightOffsets: [Int]
    public let biasOffsets: [Int]
    public let count: Int

    public init(sizes: [Int]) {
        precondition(sizes.count >= 2 && sizes.allSatisfy { $0 > 0 })
        self.sizes = sizes
        var w: [Int] = [], b: [Int] = []
        var offset = 0
        for l in 0..<(sizes.count - 1) {
            w.append(offset)
            offset += sizes[l] * sizes[l + 1]
            b.append(offset)
            offset += sizes[l + 1]
        }
        weightOffsets = w
        biasOffsets = b
        count = offset
    }

    public var layerCount: Int { sizes.count - 1 }
    public func inputs(_ l: Int) -> Int { sizes[l] }
    public func outputs(_ l: Int) -> Int { sizes[l + 1] }

    /// Where layer l's (0-based) weight matrix and bias vector start in a buffer of this layout.
    @inline(__always) func weight(_ l: Int, in b: FloatBuffer) -> UnsafeMutablePointer<Float> { b.base + weightOffsets[l] }
    @inline(__always) func bias(_ l: Int, in b: FloatBuffer) -> UnsafeMutablePointer<Float> { b.base + biasOffsets[l] }

    /// The network's weights and biases in this layout.
    public func buffer(from network: Network) -> FloatBuffer {
        precondition(network.sizes == sizes)
        let out = FloatBuffer(count: count)
        for (l, layer) in network.layers.enumerated() {
            layer.weight.data.withUnsafeBufferPointer { weight(l, in: out).update(from: $0.baseAddress!, count: $0.count) }
            layer.bias.withUnsafeBufferPointer { bias(l, in: out).update(from: $0.baseAddress!, count: $0.count) }
        }
        return out
    }

    /// Copies the values of `b` into the network's layers.
    public func store(_ b: FloatBuffer, into network: inout Network) {
        precondition(network.sizes == sizes)
        for l in 0..<layerCount {
            let n = sizes[l] * sizes[l + 1]
            network.layers[l].weight.data = Array(UnsafeBufferPointer(start: weight(l, in: b), count: n))
            network.layers[l].bias = Array(UnsafeBufferPointer(start: bias(l, in: b), count: sizes[l + 1]))
        }
    }
}
