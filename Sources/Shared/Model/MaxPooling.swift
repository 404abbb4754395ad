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
    public var workspacePerRow: Int { 0 }
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

    public func makeWorkspace(capacity: Int) -> LayerWorkspace? { nil }

    /// The input offset of row `r`'s window at output pixel (y, xo), channel 0.
    @inline(__always)
    private func windowStart(_ y: Int, _ xo: Int) -> Int { (size * y * input.width + size * xo) * input.channels }

    public func forward(_ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ x: UnsafePointer<Float>, rows m: Int,
                        into z: UnsafeMutablePointer<Float>, workspace: LayerWorkspace?) {
        let (out, c, wd) = (output, input.channels, input.width)
        Kernels.parallelFor(m, grain: 16) { range in
            for r in range {
                let xr = x + r * input.count
                for y in 0..<out.height {
                    for xo in 0..<out.width {
                        let best = z + r * out.count + (y * out.width + xo) * c
                        let first = xr + windowStart(y, xo)
                        best.update(from: first, count: c)
                        // A plain maximum, channel by channel (vectorised); which input it was is found again going back.
                        for i in 0..<size {
                            for j in 0..<size where i > 0 || j > 0 {
                                let v = first + (i * wd + j) * c
                                for ch in 0..<c { best[ch] = v[ch] > best[ch] ? v[ch] : best[ch] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The gradient of each output goes to the first input in its window (row by row) equal to it;
    /// the other inputs of the window get 0.
    public func backward(_ w: UnsafePointer<Float>, _ gw: UnsafeMutablePointer<Float>, _ gb: UnsafeMutablePointer<Float>,
                         _ x: UnsafePointer<Float>, _ dz: UnsafePointer<Float>, rows m: Int, accumulate: Bool,
                         dx: UnsafeMutablePointer<Float>?, workspace: LayerWorkspace?, output z: UnsafePointer<Float>) {
        guard let dx else { return }
        let (out, c, wd) = (output, input.channels, input.width)
        // A last row or column outside every window gets no gradient.
        let uncovered = input.height % size != 0 || input.width % size != 0
        let vectors = c / 8 * 8
        Kernels.parallelFor(m, grain: 16) { range in
            for r in range {
                let xr = x + r * input.count, d = dx + r * input.count
                if uncovered { d.update(repeating: 0, count: input.count) }
                for y in 0..<out.height {
                    for xo in 0..<out.width {
                        let o = r * out.count + (y * out.width + xo) * c
                        let best = z + o, g = dz + o
                        let start = windowStart(y, xo)
                        // Eight channels at a time, with no branch: `open` is true in a channel
                        // until its maximum has been found.
                        var ch = 0
                        while ch < vectors {
                            let b = Self.load(best + ch), gradient = Self.load(g + ch)
                            var open = SIMDMask<SIMD8<Int32>>(repeating: true)
                            for i in 0..<size {
                                for j in 0..<size {
                                    let at = start + (i * wd + j) * c + ch
                                    let hit = open .& (Self.load(xr + at) .== b)
                                    UnsafeMutableRawPointer(d + at).storeBytes(of: SIMD8<Float>().replacing(with: gradient, where: hit), as: SIMD8<Float>.self)
                                    open = open .& .!hit
                                }
                            }
                            ch += 8
                        }
                        for ch in vectors..<c {
                            var open = true
                            for i in 0..<size {
                                for j in 0..<size {
                                    let at = start + (i * wd + j) * c + ch
                                    let hit = open && xr[at] == best[ch]
                                    d[at] = hit ? g[ch] : 0
                                    open = open && !hit
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
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
