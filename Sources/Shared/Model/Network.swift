// A feed-forward network: dense layers, hidden activations, and an output that is
// one sigmoid unit (two classes) or a softmax over k units (k > 2 classes).
// Logistic regression is the network with no hidden layer.
#if canImport(Glibc)
import Glibc
#endif

public struct Dense: Equatable, Sendable {
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

    /// a = act(x Wᵀ + b) for a batch x (n × in).
    public func forward(_ x: Matrix) -> Matrix {
        precondition(x.cols == inputs, "Dense: input has \(x.cols) columns, expected \(inputs)")
        var out = Matrix(rows: x.rows, cols: outputs)
        guard x.rows > 0 else { return out }
        let (m, n, k) = (x.rows, outputs, inputs)
        x.data.withUnsafeBufferPointer { xp in
            weight.data.withUnsafeBufferPointer { wp in
                bias.withUnsafeBufferPointer { bp in
                    out.data.withUnsafeMutableBufferPointer { op in
                        Kernels.gemm(transA: false, transB: true, m: m, n: n, k: k, alpha: 1, a: xp.baseAddress!, lda: k,
                                     b: wp.baseAddress!, ldb: k, beta: 0, c: op.baseAddress!, ldc: n)
                        Elementwise.addRows(bp.baseAddress!, to: op.baseAddress!, m: m, n: n)
                        activation.apply(op.baseAddress!, m * n)
                    }
                }
            }
        }
        return out
    }
}

public enum OutputKind: String, Sendable {
    /// One logit z; P(class 1) = σ(z); loss: binary cross-entropy from logits.
    case sigmoid
    /// k logits; P = softmax(z); loss: cross-entropy from logits.
    case softmax
}

/// Standardisation applied to inputs before the first layer: x' = (x - mean) / std.
public struct Standardization: Equatable, Sendable {
    public var mean: [Float]
    public var std: [Float]
    public init(mean: [Float], std: [Float]) {
        precondition(mean.count == std.count)
        self.mean = mean
        self.std = std
    }

    public func apply(_ x: Matrix) -> Matrix {
        var y = x
        applyInPlace(&y)
        return y
    }

    /// x ← (x − mean) / std, row by row, with the same operations as `apply(row:into:)`.
    public func applyInPlace(_ x: inout Matrix) {
        precondition(x.cols == mean.count)
        let c = x.cols
        guard c > 0 else { return }
        x.data.withUnsafeMutableBufferPointer { d in
            for r in 0..<(d.count / c) {
                let row = d.baseAddress! + r * c
                apply(row: UnsafeBufferPointer(start: row, count: c), into: row)
            }
        }
    }
}

public struct Network: Equatable, Sendable {
    /// Every layer; the last one's activation is `.identity` (it produces logits).
    public var layers: [Dense]
    public var output: OutputKind
    public var classes: [String]
    public var standardization: Standardization?
    /// How raw table columns became the inputs (one-hot, imputation), when they did.
    public var encoding: ColumnEncoding?
    /// How the model was made (optimiser, lr, seed, ...), recorded in the `model` header.
    public var training: Attributes
    /// The names of the input columns and the image shape the model was trained on.
    public var input = InputSchema()

    public init(layers: [Dense], output: OutputKind, classes: [String], standardization: Standardization? = nil, training: Attributes = Attributes()) {
        self.layers = layers
        self.output = output
        self.classes = classes
        self.standardization = standardization
        self.training = training
    }

    public var inputs: Int { layers.first?.inputs ?? 0 }
    /// Layer widths from input to output, e.g. [784, 16, 1].
    public var sizes: [Int] { [inputs] + layers.map(\.outputs) }

    /// The output layer's pre-activation values, n × (1 or k).
    public func logits(_ x: Matrix) -> Matrix {
        var a = x
        for layer in layers { a = layer.forward(a) }
        return a
    }

}
