// A feed-forward network: a list of layers (Layer: dense, convolution, max pooling, flatten),
// and an output that is one sigmoid unit (two classes), a softmax over k units (k > 2 classes),
// or t identity units (a regressor with t targets). Logistic (or linear) regression is the
// network with one dense layer.
#if canImport(Glibc)
import Glibc
#endif

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
    public var layers: [any Layer]
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

    public init(layers: [any Layer], output: OutputKind, classes: [String], standardization: Standardization? = nil, training: Attributes = Attributes()) {
        self.layers = layers
        self.output = output
        self.classes = classes
        self.standardization = standardization
        self.training = training
    }

    public static func == (a: Network, b: Network) -> Bool {
        a.layers.count == b.layers.count && zip(a.layers, b.layers).allSatisfy { $0.isEqual($1) }
            && a.output == b.output && a.classes == b.classes && a.standardization == b.standardization && a.training == b.training
            && a.input == b.input && a.encoding == b.encoding
            && a.targets == b.targets && a.targetStandardization == b.targetStandardization
    }

    public var inputs: Int { layers.first?.input.count ?? 0 }
    /// The shape of an input row (an image for a network that starts with a convolution).
    public var inputShape: Shape { layers.first?.input ?? .flat(0) }
    /// Values per row from input to output, e.g. [784, 16, 1].
    public var sizes: [Int] { [inputs] + layers.map(\.output.count) }
    /// Only dense layers: the network a `layers=784,16,1` header describes alone.
    public var isDenseOnly: Bool { layers.allSatisfy { $0.kind == .dense } }

    /// `784-16-1`, or `28x28-conv3x3x32-pool2-128-10`: the input and each layer, in one word.
    public var structureText: String {
        let input = isDenseOnly ? String(inputs) : inputShape.text
        return ([input] + layers.map(\.summary).filter { !$0.isEmpty }).joined(separator: "-")
    }

    /// The activations of the layers before the output that have one to learn (not pooling or flattening).
    public var hiddenActivations: [Activation] { layers.dropLast().filter { $0.parameterCount > 0 }.map(\.activation) }

    public var isRegressor: Bool { output == .identity }

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
