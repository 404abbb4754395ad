// A feed-forward network: dense layers, hidden activations, and an output that is
// one sigmoid unit (two classes), a softmax over k units (k > 2 classes), or t identity
// units (a regressor with t targets). Logistic (or linear) regression is the network with
// no hidden layer.
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
    /// t values, one per target, as they are (a regressor); loss: mse, mae or huber.
    case identity
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
    /// A regressor's target names (empty for a classifier).
    public var targets: [String] = []
    /// The standardisation of the targets it was trained on (nn-data standardize --target):
    /// its outputs are standardised values, and y = z · std + mean in the original units.
    public var targetStandardization: Standardization?
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

    public var isRegressor: Bool { output == .identity }

    public var inputs: Int { layers.first?.inputs ?? 0 }
    /// Layer widths from input to output, e.g. [784, 16, 1].
    public var sizes: [Int] { [inputs] + layers.map(\.outputs) }

    /// The output layer's pre-activation values, n × (1 or k).
    public func logits(_ x: Matrix) -> Matrix {
        var a = x
        for layer in layers { a = layer.forward(a) }
        return a
    }

    /// A regressor's predictions in the targets' original units: its outputs, with the
    /// target standardisation undone (y = z · std + mean) when it was trained on one.
    public func values(_ x: Matrix) -> Matrix { values(outputs: logits(x)) }

    /// The outputs z of a regressor in the targets' original units.
    public func values(outputs z: Matrix) -> Matrix {
        var z = z
        if let t = targetStandardization {
            let k = z.cols
            for i in 0..<z.data.count { z.data[i] = z.data[i] * t.std[i % k] + t.mean[i % k] }
        }
        return z
    }
}
