// Every weight and bias of a network in one flat buffer, so that an optimiser step is one
// loop: layer l's weight (row-major, as the model stores it) followed by its bias, for
// l = 1...L (a layer without parameters takes no room). Gradients and optimiser state use the same layout.

public struct ParameterLayout: Equatable, Sendable {
    /// Values per row from input to output, e.g. [784, 16, 1].
    public let sizes: [Int]
    public let weightOffsets: [Int]
    public let biasOffsets: [Int]
    public let weightCounts: [Int]
    public let biasCounts: [Int]
    /// Fan-in and fan-out of each layer's weights, for the initialiser.
    public let fanIn: [Int]
    public let fanOut: [Int]
    public let count: Int

    /// The layout of a network of dense layers with these widths.
    public init(sizes: [Int]) {
        precondition(sizes.count >= 2 && sizes.allSatisfy { $0 > 0 })
        let l = sizes.count - 1
        self.init(sizes: sizes, weights: (0..<l).map { sizes[$0] * sizes[$0 + 1] }, biases: Array(sizes.dropFirst()),
                  fanIn: Array(sizes.dropLast()), fanOut: Array(sizes.dropFirst()))
    }

    public init(network: Network) {
        let layers = network.layers
        self.init(sizes: network.sizes, weights: layers.map(\.weight.count), biases: layers.map(\.bias.count),
                  fanIn: layers.map(\.fans.in), fanOut: layers.map(\.fans.out))
    }

    private init(sizes: [Int], weights: [Int], biases: [Int], fanIn: [Int], fanOut: [Int]) {
        self.sizes = sizes
        var w: [Int] = [], b: [Int] = []
        var offset = 0
        for l in 0..<weights.count {
            w.append(offset)
            offset += weights[l]
            b.append(offset)
            offset += biases[l]
        }
        weightOffsets = w
        biasOffsets = b
        weightCounts = weights
        biasCounts = biases
        self.fanIn = fanIn
        self.fanOut = fanOut
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
            layer.weight.data.withUnsafeBufferPointer { if $0.count > 0 { weight(l, in: out).update(from: $0.baseAddress!, count: $0.count) } }
            layer.bias.withUnsafeBufferPointer { if $0.count > 0 { bias(l, in: out).update(from: $0.baseAddress!, count: $0.count) } }
        }
        return out
    }

    /// Copies the values of `b` into the network's layers.
    public func store(_ b: FloatBuffer, into network: inout Network) {
        precondition(network.sizes == sizes)
        for l in 0..<layerCount where weightCounts[l] + biasCounts[l] > 0 {
            let w = network.layers[l].weight
            network.layers[l].weight = Matrix(rows: w.rows, cols: w.cols, data: Array(UnsafeBufferPointer(start: weight(l, in: b), count: weightCounts[l])))
            network.layers[l].bias = Array(UnsafeBufferPointer(start: bias(l, in: b), count: biasCounts[l]))
        }
    }
}
