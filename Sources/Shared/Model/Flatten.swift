// Flattening: an image of height × width × channels becomes one vector of as many values, in
// the order rows already hold them (pixel by pixel, channels fastest). A copy, both ways.

public struct Flatten: Layer, Equatable {
    public static let kind = LayerKind.flatten
    public let input: Shape
    public var activation: Activation = .identity
    public var weight: Matrix { get { Matrix(rows: 0, cols: 0) } set {} }
    public var bias: [Float] { get { [] } set {} }

    public init(input: Shape) { self.input = input }

    public var output: Shape { .flat(input.count) }
    public var fans: (in: Int, out: Int) { (0, 0) }
    public var setting: Int? { nil }
    public var workspacePerRow: Int { 0 }
    public var summary: String { "" }

    public static func read(setting: Int?, input: Shape, outputs: Int, weight: Matrix, bias: [Float], activation: Activation) throws(LayerError) -> Flatten {
        guard weight.count == 0, bias.isEmpty else { throw LayerError("flatten has no weights, but the model has some for it") }
        guard outputs == input.count else { throw LayerError("flattening a \(input.text) input gives \(input.count) values, layers= says \(outputs)") }
        return Flatten(input: input)
    }

    public func makeWorkspace(capacity: Int) -> LayerWorkspace? { nil }

    public func forward(_ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ x: UnsafePointer<Float>, rows m: Int,
                        into z: UnsafeMutablePointer<Float>, workspace: LayerWorkspace?) {
        z.update(from: x, count: m * input.count)
    }

    public func backward(_ w: UnsafePointer<Float>, _ gw: UnsafeMutablePointer<Float>, _ gb: UnsafeMutablePointer<Float>,
                         _ x: UnsafePointer<Float>, _ dz: UnsafePointer<Float>, rows m: Int, accumulate: Bool,
                         dx: UnsafeMutablePointer<Float>?, workspace: LayerWorkspace?, output: UnsafePointer<Float>) {
        dx?.update(from: dz, count: m * input.count)
    }

    public func reference(_ x: [Double], weight: ArraySlice<Double>, bias: ArraySlice<Double>) -> [Double] { x }
}
