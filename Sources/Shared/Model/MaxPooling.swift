// P×P max pooling with stride P, channel by channel; a last row or column of pixels that
// does not fill a window is dropped (as PyTorch's MaxPool2d does by default).
//   forward:   z[y, x, c] = max over the window of x[P·y + i, P·x + j, c]
//   backward:  the gradient goes to the input that was the maximum. Ties go to the first
//              maximum in the window (row by row), so the gradient is that of a one-sided
//              choice where two inputs are equal (a finite difference across a tie is not).

public struct MaxPooling: Layer, Equatable {
    public static let kind = LayerKind.maxpool
    public let input: Shape
    public let size: Int
    public var activation: Activation = .identity
    public var weight: Matrix { get { Matrix(rows: 0, cols: 0) } set {} }
    public var bias: [Float] { get { [] } set {} }

    public init(input: Shape, size: Int) {
        precondition(size > 0)
        self.input = input
        self.size = size
    }

    public var output: Shape { Shape(height: input.height / size, width: input.width / size, channels: input.channels) }
    public var fans: (in: Int, out: Int) { (0, 0) }
    public var setting: Int? { size }
    public var workspacePerRow: Int { output.count }
    public var summary: String { "pool\(size)" }

    public static func read(setting: Int?, input: Shape, outputs: Int, weight: Matrix, bias: [Float], activation: Activation) throws(LayerError) -> MaxPooling {
        guard let p = setting, p > 0 else { throw LayerError("max pooling needs a window size, as in maxpool:2") }
        guard weight.count == 0, bias.isEmpty else { throw LayerError("max pooling has no weights, but the model has some for it") }
        let layer = MaxPooling(input: input, size: p)
        guard layer.output.count == outputs, layer.output.count > 0 else {
            throw LayerError("\(p)x\(p) max pooling of a \(input.text) input gives \(layer.output.count) values, layers= says \(outputs)")
        }
        return layer
    }

    /// Where each output's maximum is, as an offset into its row's input.
    final class Workspace: LayerWorkspace {
        let positions: UnsafeMutablePointer<Int32>
        init(count: Int) {
            positions = .allocate(capacity: max(count, 1))
            positions.initialize(repeating: 0, count: max(count, 1))
        }
        deinit { positions.deallocate() }
    }

    public func makeWorkspace(capacity: Int) -> LayerWorkspace? { Workspace(count: capacity * output.count) }

    public func forward(_ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ x: UnsafePointer<Float>, rows m: Int,
                        into z: UnsafeMutablePointer<Float>, workspace: LayerWorkspace?) {
        let positions = (workspace as! Workspace).positions
        let (out, c, wd) = (output, input.channels, input.width)
        Kernels.parallelFor(m, grain: 16) { range in
            for r in range {
                let xr = x + r * input.count
                for y in 0..<out.height {
                    for xo in 0..<out.width {
                        let o = r * out.count + (y * out.width + xo) * c
                        let best = z + o, at = positions + o
                        let first = Int32((size * y * wd + size * xo) * c)
                        for ch in 0..<c { best[ch] = xr[Int(first) + ch]; at[ch] = first + Int32(ch) }
                        for i in 0..<size {
                            for j in 0..<size where i > 0 || j > 0 {
                                let start = ((size * y + i) * wd + size * xo + j) * c
                                for ch in 0..<c where xr[start + ch] > best[ch] {
                                    best[ch] = xr[start + ch]
                                    at[ch] = Int32(start + ch)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    public func backward(_ w: UnsafePointer<Float>, _ gw: UnsafeMutablePointer<Float>, _ gb: UnsafeMutablePointer<Float>,
                         _ x: UnsafePointer<Float>, _ dz: UnsafePointer<Float>, rows m: Int, accumulate: Bool,
                         dx: UnsafeMutablePointer<Float>?, workspace: LayerWorkspace?) {
        guard let dx else { return }
        let positions = (workspace as! Workspace).positions
        let n = output.count
        Kernels.parallelFor(m, grain: 16) { range in
            for r in range {
                let d = dx + r * input.count, at = positions + r * n, g = dz + r * n
                d.update(repeating: 0, count: input.count)
                for i in 0..<n { d[Int(at[i])] += g[i] }
            }
        }
    }

    public func reference(_ x: [Double], weight: ArraySlice<Double>, bias: ArraySlice<Double>) -> [Double] {
        let (out, c, wd) = (output, input.channels, input.width)
        var z = [Double](repeating: 0, count: out.count)
        for y in 0..<out.height {
            for xo in 0..<out.width {
                for ch in 0..<c {
                    var best = -Double.infinity
                    for i in 0..<size {
                        for j in 0..<size { best = max(best, x[((size * y + i) * wd + size * xo + j) * c + ch]) }
                    }
                    z[(y * out.width + xo) * c + ch] = best
                }
            }
        }
        return z
    }
}
