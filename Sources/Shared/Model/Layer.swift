// The layers a network is made of, behind one small interface: the shapes in and out, the
// parameters (one weight matrix and one bias vector, either may be empty), forward and
// backward on a block of rows, and a plain Float64 reference of the forward pass for the
// gradient check. The activation after a layer is applied by the caller (BatchPass,
// Network.logits), so a layer computes only its linear or pooling part, z = f(x).
// Adding a kind of layer is one file (a type conforming to Layer) and one line in LayerKind.

/// The values one row carries between layers: height × width × channels, stored with the
/// channel fastest (pixel by pixel, each pixel's channels together). A flat vector is 1 × 1 × n.
public struct Shape: Equatable, Hashable, Sendable {
    public var height: Int
    public var width: Int
    public var channels: Int

    public init(height: Int, width: Int, channels: Int) {
        self.height = height
        self.width = width
        self.channels = channels
    }

    public static func flat(_ n: Int) -> Shape { Shape(height: 1, width: 1, channels: n) }

    public var count: Int { height * width * channels }

    /// As the `image` attribute writes it: `WxH`, or `WxHxC` with more than one channel.
    public var text: String { "\(width)x\(height)" + (channels == 1 ? "" : "x\(channels)") }

    /// Parses `WxH` or `WxHxC` (each a positive integer), as in `image=28x28` or `image=32x32x3`.
    public init?(image text: String) {
        let parts = text.split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        let v = parts.map { $0! }
        guard v.reduce(1.0, { $0 * Double($1) }) < 0x1p40 else { return nil }
        self.init(height: v[1], width: v[0], channels: v.count == 3 ? v[2] : 1)
    }
}

/// The kinds of layer, as the `model` header's `kinds` list names them: the one table of layer types.
public enum LayerKind: String, CaseIterable, Sendable {
    case dense, conv, maxpool, flatten

    public var type: any Layer.Type {
        switch self {
        case .dense: return Dense.self
        case .conv: return Convolution.self
        case .maxpool: return MaxPooling.self
        case .flatten: return Flatten.self
        }
    }
}

/// Scratch memory a layer keeps between its forward and backward passes (im2col columns,
/// max-pool positions), made once per block capacity.
public protocol LayerWorkspace: AnyObject {}

public protocol Layer: Sendable {
    static var kind: LayerKind { get }
    var input: Shape { get }
    var output: Shape { get }
    /// Applied to z after the layer (identity for pooling and flattening; the last layer's is identity).
    var activation: Activation { get set }
    /// The weights as the model stores them (0 × 0 when the layer has none).
    var weight: Matrix { get set }
    /// One bias per output unit or channel (empty when the layer has none).
    var bias: [Float] { get set }
    /// Fan-in and fan-out of a weight, for the initialiser.
    var fans: (in: Int, out: Int) { get }
    /// The setting the `kinds` list carries after the kind (`conv:3`: the kernel size), if any.
    var setting: Int? { get }

    /// Rebuilds the layer from the `kinds` entry's setting, the shape it receives, and its
    /// sections (a 0 × 0 weight and no bias when it has none). Throws a message for the user.
    static func read(setting: Int?, input: Shape, outputs: Int, weight: Matrix, bias: [Float], activation: Activation) throws(LayerError) -> Self

    func makeWorkspace(capacity: Int) -> LayerWorkspace?
    /// z = f(x) for m rows of x (m × input.count) into z (m × output.count).
    func forward(_ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ x: UnsafePointer<Float>, rows m: Int,
                 into z: UnsafeMutablePointer<Float>, workspace: LayerWorkspace?)
    /// After `forward` on the same rows, from dz = ∂J/∂z: the weight and bias gradients into
    /// gw, gb (added to what is there when `accumulate`), and ∂J/∂x into dx when it is given.
    /// `output` is what the forward pass gave after the activation. May overwrite the workspace.
    func backward(_ w: UnsafePointer<Float>, _ gw: UnsafeMutablePointer<Float>, _ gb: UnsafeMutablePointer<Float>,
                  _ x: UnsafePointer<Float>, _ dz: UnsafePointer<Float>, rows m: Int, accumulate: Bool,
                  dx: UnsafeMutablePointer<Float>?, workspace: LayerWorkspace?, output: UnsafePointer<Float>)
    /// z = f(x) for one row in Float64 with plain loops (the gradient check's independent side).
    func reference(_ x: [Double], weight: ArraySlice<Double>, bias: ArraySlice<Double>) -> [Double]
    /// Floats of workspace per row, for the memory estimate.
    var workspacePerRow: Int { get }
    /// The layer in a network's one-line description (`16`, `conv3x3x32`, `pool2`; empty to leave it out).
    var summary: String { get }
}

/// What is wrong with a layer's description or sections, said for the user.
public struct LayerError: Error {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension Layer {
    public var kind: LayerKind { Self.kind }
    /// `dense`, `conv:3`, `maxpool:2`: the layer's entry in the `kinds` list.
    public var descriptor: String { kind.rawValue + (setting.map { ":\($0)" } ?? "") }
    public var parameterCount: Int { weight.count + bias.count }

    func isEqual(_ other: any Layer) -> Bool {
        other.kind == kind && other.input == input && other.output == output && other.activation == activation
            && other.weight == weight && other.bias == bias && other.setting == setting
    }

    /// a = act(f(x)) for every row of x, with a workspace of its own: inference.
    public func forward(_ x: Matrix) -> Matrix {
        precondition(x.cols == input.count, "\(kind.rawValue): input has \(x.cols) columns, expected \(input.count)")
        var out = Matrix(rows: x.rows, cols: output.count)
        guard x.rows > 0 else { return out }
        let space = makeWorkspace(capacity: x.rows)
        let n = x.rows * output.count
        x.data.withUnsafeBufferPointer { xp in
            weight.data.withUnsafeBufferPointer { wp in
                bias.withUnsafeBufferPointer { bp in
                    out.data.withUnsafeMutableBufferPointer { op in
                        let w = wp.baseAddress ?? Layers.none, b = bp.baseAddress ?? Layers.none
                        forward(w, b, xp.baseAddress!, rows: x.rows, into: op.baseAddress!, workspace: space)
                        activation.apply(op.baseAddress!, n)
                    }
                }
            }
        }
        return out
    }
}

enum Layers {
    /// Where a layer without weights or biases is pointed (never read).
    nonisolated(unsafe) static let none = UnsafePointer<Float>(UnsafeMutablePointer<Float>.allocate(capacity: 1))
}
