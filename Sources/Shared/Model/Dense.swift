// A fully connected layer: z = x Wᵀ + b.
//   forward:   Z = X Wᵀ + b
//   backward:  dW = dZᵀ X,   db = Σ_rows dZ,   dX = dZ W

public struct Dense: Layer, Equatable {
    public static let kind = LayerKind.dense
    /// out × in: row j holds the weights into unit j (for images, one 28×28 tile per row).
    public var weight: Matrix
    public var bias: [Float]
    public var activation: Activation

    public init(weight: Matrix, bias: [Float], activation: Activation) {
        precondition(bias.count == weight.rows)
        self.weight = weight
        self.bias = bias
        self.activation = activation
    }

    public var inputs: Int { weight.cols }
    public var outputs: Int { weight.rows }
    public var input: Shape { .flat(inputs) }
    public var output: Shape { .flat(outputs) }
    public var fans: (in: Int, out: Int) { (inputs, outputs) }
    public var setting: Int? { nil }
    public var workspacePerRow: Int { 0 }
    public var summary: String { String(outputs) }

    public static func read(setting: Int?, input: Shape, outputs: Int, weight: Matrix, bias: [Float], activation: Activation) throws(LayerError) -> Dense {
        guard weight.rows == outputs, weight.cols == input.count, bias.count == outputs else {
            throw LayerError("needs \(outputs)x\(input.count) and 1x\(outputs)")
        }
        return Dense(weight: weight, bias: bias, activation: activation)
    }

    public func makeWorkspace(capacity: Int) -> LayerWorkspace? { nil }

    public func forward(_ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ x: UnsafePointer<Float>, rows m: Int,
                        into z: UnsafeMutablePointer<Float>, workspace: LayerWorkspace?) {
        let nIn = inputs, nOut = outputs
        Kernels.gemm(transA: false, transB: true, m: m, n: nOut, k: nIn, alpha: 1, a: x, lda: nIn,
                     b: w, ldb: nIn, beta: 0, c: z, ldc: nOut)
        Elementwise.addRows(b, to: z, m: m, n: nOut)
    }

    public func backward(_ w: UnsafePointer<Float>, _ gw: UnsafeMutablePointer<Float>, _ gb: UnsafeMutablePointer<Float>,
                         _ x: UnsafePointer<Float>, _ dz: UnsafePointer<Float>, rows m: Int, accumulate: Bool,
                         dx: UnsafeMutablePointer<Float>?, workspace: LayerWorkspace?, output: UnsafePointer<Float>) {
        let nIn = inputs, nOut = outputs
        Kernels.gemm(transA: true, transB: false, m: nOut, n: nIn, k: m, alpha: 1, a: dz, lda: nOut, b: x, ldb: nIn,
                     beta: accumulate ? 1 : 0, c: gw, ldc: nIn)
        Elementwise.columnSums(dz, m: m, n: nOut, into: gb, accumulate: accumulate)
        if let dx {
            Kernels.gemm(transA: false, transB: false, m: m, n: nIn, k: nOut, alpha: 1, a: dz, lda: nOut, b: w, ldb: nIn,
                         beta: 0, c: dx, ldc: nIn)
        }
    }

    public func reference(_ x: [Double], weight w: ArraySlice<Double>, bias b: ArraySlice<Double>) -> [Double] {
        let nIn = inputs
        return (0..<outputs).map { j in
            var s = b[b.startIndex + j]
            for i in 0..<nIn { s += w[w.startIndex + j * nIn + i] * x[i] }
            return s
        }
    }
}
