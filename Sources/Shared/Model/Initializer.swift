// Initial weights: normal with a fixed standard deviation, or scaled to the layer
// (Glorot & Bengio 2010 for sigmoid/tanh, He et al. 2015 for ReLU). Biases start at 0.

public enum Initializer: Equatable, Sendable {
    /// w ~ N(0, std²).
    case normal(std: Double)
    /// Glorot normal: w ~ N(0, 2 / (fan_in + fan_out)).
    case xavier
    /// He normal: w ~ N(0, 2 / fan_in).
    case he

    /// Parses `normal:0.01`, `normal:1`, `xavier`, `he`.
    public init?(text: String) {
        switch text {
        case "xavier": self = .xavier
        case "he": self = .he
        default:
            guard text.hasPrefix("normal:"), let s = Double(text.dropFirst(7)), s.isFinite, s > 0 else { return nil }
            self = .normal(std: s)
        }
    }

    public var text: String {
        switch self {
        case .normal(let s): return "normal:\(NumberFormat.short(s))"
        case .xavier: return "xavier"
        case .he: return "he"
        }
    }

    /// The scaled initialisation that keeps activations in range for `activation`.
    public static func suited(to activation: Activation) -> Initializer {
        activation == .relu ? .he : .xavier
    }

    public func standardDeviation(fanIn: Int, fanOut: Int) -> Double {
        switch self {
        case .normal(let s): return s
        case .xavier: return (2 / Double(fanIn + fanOut)).squareRoot()
        case .he: return (2 / Double(fanIn)).squareRoot()
        }
    }

    /// Fills every weight of `params` (layer by layer, row-major) from `random`; zeroes the biases.
    public func initialize(_ params: FloatBuffer, layout: ParameterLayout, random: inout Random) {
        params.zero()
        for l in 0..<layout.layerCount where layout.weightCounts[l] > 0 {
            let std = standardDeviation(fanIn: layout.fanIn[l], fanOut: layout.fanOut[l])
            let w = layout.weight(l, in: params)
            for i in 0..<layout.weightCounts[l] { w[i] = Float(random.normal() * std) }
        }
    }
}

extension Network {
    /// A new network for `classes` (two: one sigmoid output; more: softmax), or with `targets`
    /// a regressor (one identity output per target): the convolutions of `architecture` (each
    /// followed by `activation` and its pooling) and a flattening, then hidden dense layers of
    /// `hidden` units using `activation`, with weights drawn by `initializer` from `seed`.
    public init(input: Shape, architecture: Architecture = Architecture(), hidden: [Int], activation: Activation, classes: [String],
                targets: [String] = [], initializer: Initializer, seed: UInt64) {
        precondition(classes.count >= 2 || !targets.isEmpty)
        let outputs = !targets.isEmpty ? targets.count : classes.count == 2 ? 1 : classes.count
        var layers = architecture.layers(input: input, activation: activation)
        var width = layers.last?.output.count ?? input.count
        let widths = hidden + [outputs]
        for (i, units) in widths.enumerated() {
            layers.append(Dense(weight: Matrix(rows: units, cols: width), bias: [Float](repeating: 0, count: units),
                                activation: i == widths.count - 1 ? .identity : activation))
            width = units
        }
        self.init(layers: layers, output: !targets.isEmpty ? .identity : outputs == 1 ? .sigmoid : .softmax,
                  classes: targets.isEmpty ? classes : [])
        self.targets = targets
        let layout = ParameterLayout(network: self)
        let params = FloatBuffer(count: layout.count)
        var random = Random(seed: seed, stream: "init")
        initializer.initialize(params, layout: layout, random: &random)
        layout.store(params, into: &self)
    }

    /// A network of dense layers alone.
    public init(inputs: Int, hidden: [Int], activation: Activation, classes: [String], targets: [String] = [],
                initializer: Initializer, seed: UInt64) {
        self.init(input: .flat(inputs), hidden: hidden, activation: activation, classes: classes, targets: targets,
                  initializer: initializer, seed: seed)
    }
}
