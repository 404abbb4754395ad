// A K×K convolution with stride 1 and "same" zero padding (K odd, K/2 on each side), from
// C_in to C_out channels, as one matrix product over im2col columns. Rows are height × width ×
// channels with the channel fastest, so a position's K·K·C_in inputs are K runs of K·C_in
// contiguous values, and the product's output is already in that layout.
//   columns:   X̂[(r,h,w), (i,j,c)] = x_r[h + i − K/2, w + j − K/2, c]   (0 outside the image)
//   forward:   Z = X̂ Wᵀ + b          (W: C_out × (K·K·C_in), row o the kernel of channel o as i, j, c)
//   backward:  dW = dZᵀ X̂,   db = Σ_positions dZ,   dX = col2im(dZ W)  (each column added back where it came from)

public struct Convolution: Layer, Equatable {
    public static let kind = LayerKind.conv
    public let input: Shape
    public let kernel: Int
    /// C_out × (K·K·C_in).
    public var weight: Matrix
    public var bias: [Float]
    public var activation: Activation

    public init(input: Shape, kernel: Int, weight: Matrix, bias: [Float], activation: Activation) {
        precondition(kernel % 2 == 1 && weight.cols == kernel * kernel * input.channels && bias.count == weight.rows)
        self.input = input
        self.kernel = kernel
        self.weight = weight
        self.bias = bias
        self.activation = activation
    }

    /// A convolution with zero weights (the initialiser fills them).
    public init(input: Shape, channels: Int, kernel: Int, activation: Activation) {
        self.init(input: input, kernel: kernel, weight: Matrix(rows: channels, cols: kernel * kernel * input.channels),
                  bias: [Float](repeating: 0, count: channels), activation: activation)
    }

    public var channels: Int { weight.rows }
    public var output: Shape { Shape(height: input.height, width: input.width, channels: channels) }
    /// PyTorch's fans for a convolution: C_in·K·K and C_out·K·K.
    public var fans: (in: Int, out: Int) { (weight.cols, channels * kernel * kernel) }
    public var setting: Int? { kernel }
    var columns: Int { weight.cols }
    public var workspacePerRow: Int { input.height * input.width * columns }
    public var summary: String { "conv\(kernel)x\(kernel)x\(channels)" }

    public static func read(setting: Int?, input: Shape, outputs: Int, weight: Matrix, bias: [Float], activation: Activation) throws(LayerError) -> Convolution {
        guard let k = setting, k > 0, k % 2 == 1 else { throw LayerError("a convolution needs an odd kernel size, as in conv:3") }
        guard weight.rows > 0, weight.cols == k * k * input.channels, bias.count == weight.rows else {
            throw LayerError("needs Cx\(k * k * input.channels) and 1xC (a \(k)x\(k) convolution of \(input.channels) channel\(input.channels == 1 ? "" : "s") to C)")
        }
        let layer = Convolution(input: input, kernel: k, weight: weight, bias: bias, activation: activation)
        guard layer.output.count == outputs else {
            throw LayerError("a \(k)x\(k) convolution to \(layer.channels) channels of a \(input.text) input gives \(layer.output.count) values, layers= says \(outputs)")
        }
        return layer
    }

    final class Workspace: LayerWorkspace {
        let columns: FloatBuffer
        /// The bias gradient's partial sums, one row per block of positions.
        let partial: FloatBuffer
        init(columns: Int, partial: Int) {
            self.columns = FloatBuffer(count: columns)
            self.partial = FloatBuffer(count: partial)
        }
    }

    /// Positions per block of the bias gradient's partial sums.
    static let biasBlock = 2048

    public func makeWorkspace(capacity: Int) -> LayerWorkspace? {
        let positions = capacity * input.height * input.width
        return Workspace(columns: capacity * workspacePerRow, partial: (positions + Convolution.biasBlock - 1) / Convolution.biasBlock * channels)
    }

    public func forward(_ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ x: UnsafePointer<Float>, rows m: Int,
                        into z: UnsafeMutablePointer<Float>, workspace: LayerWorkspace?) {
        let cols = (workspace as! Workspace).columns.base
        let positions = m * input.height * input.width
        Kernels.parallelFor(m, grain: 8) { range in
            for r in range { im2col(x + r * input.count, into: cols + r * workspacePerRow) }
        }
        Kernels.gemm(transA: false, transB: true, m: positions, n: channels, k: columns, alpha: 1, a: cols, lda: columns,
                     b: w, ldb: columns, beta: 0, c: z, ldc: channels)
        Kernels.parallelFor(positions, grain: 4096) { r in Elementwise.addRows(b, to: z + r.lowerBound * channels, m: r.count, n: channels) }
    }

    public func backward(_ w: UnsafePointer<Float>, _ gw: UnsafeMutablePointer<Float>, _ gb: UnsafeMutablePointer<Float>,
                         _ x: UnsafePointer<Float>, _ dz: UnsafePointer<Float>, rows m: Int, accumulate: Bool,
                         dx: UnsafeMutablePointer<Float>?, workspace: LayerWorkspace?, output: UnsafePointer<Float>) {
        let cols = (workspace as! Workspace).columns.base
        let positions = m * input.height * input.width
        Kernels.gemm(transA: true, transB: false, m: channels, n: columns, k: positions, alpha: 1, a: dz, lda: channels,
                     b: cols, ldb: columns, beta: accumulate ? 1 : 0, c: gw, ldc: columns)
        biasGradient(dz, positions: positions, into: gb, accumulate: accumulate, partial: (workspace as! Workspace).partial.base)
        guard let dx else { return }
        // The columns are no longer needed: their gradient takes their place.
        Kernels.gemm(transA: false, transB: false, m: positions, n: columns, k: channels, alpha: 1, a: dz, lda: channels,
                     b: w, ldb: columns, beta: 0, c: cols, ldc: columns)
        Kernels.parallelFor(m, grain: 8) { range in
            for r in range { col2im(cols + r * workspacePerRow, into: dx + r * input.count) }
        }
    }

    /// db = Σ_positions dZ: partial sums over fixed blocks of positions (across the threads),
    /// then the blocks' sums in order, so the result does not depend on the thread count.
    func biasGradient(_ dz: UnsafePointer<Float>, positions: Int, into gb: UnsafeMutablePointer<Float>, accumulate: Bool,
                      partial: UnsafeMutablePointer<Float>) {
        let block = Convolution.biasBlock, blocks = (positions + block - 1) / block
        Kernels.parallelFor(blocks) { i in
            let start = i * block
            Elementwise.columnSums(dz + start * channels, m: min(block, positions - start), n: channels,
                                   into: partial + i * channels, accumulate: false)
        }
        Elementwise.columnSums(partial, m: blocks, n: channels, into: gb, accumulate: accumulate)
    }

    /// The K·K·C_in inputs of every position of one row, one position after another.
    @inline(__always)
    func im2col(_ x: UnsafePointer<Float>, into cols: UnsafeMutablePointer<Float>) {
        let (h, wd, c, k, p) = (input.height, input.width, input.channels, kernel, kernel / 2)
        var dest = cols
        for y in 0..<h {
            for xPos in 0..<wd {
                for i in 0..<k {
                    let row = dest + i * k * c
                    let iy = y + i - p
                    guard iy >= 0 && iy < h else { row.update(repeating: 0, count: k * c); continue }
                    // Kernel columns j in lo..<hi fall inside the image: one contiguous run.
                    let lo = max(0, p - xPos), hi = min(k, wd + p - xPos)
                    if lo > 0 { row.update(repeating: 0, count: lo * c) }
                    if hi > lo { (row + lo * c).update(from: x + (iy * wd + xPos + lo - p) * c, count: (hi - lo) * c) }
                    if hi < k { (row + hi * c).update(repeating: 0, count: (k - hi) * c) }
                }
                dest += columns
            }
        }
    }

    /// The adjoint of im2col: every column value added back to the input it was copied from.
    @inline(__always)
    func col2im(_ cols: UnsafePointer<Float>, into dx: UnsafeMutablePointer<Float>) {
        let (h, wd, c, k, p) = (input.height, input.width, input.channels, kernel, kernel / 2)
        dx.update(repeating: 0, count: input.count)
        var src = cols
        for y in 0..<h {
            for xPos in 0..<wd {
                for i in 0..<k {
                    let iy = y + i - p
                    guard iy >= 0 && iy < h else { continue }
                    let lo = max(0, p - xPos), hi = min(k, wd + p - xPos)
                    guard hi > lo else { continue }
                    let from = src + (i * k + lo) * c, to = dx + (iy * wd + xPos + lo - p) * c
                    for t in 0..<((hi - lo) * c) { to[t] += from[t] }
                }
                src += columns
            }
        }
    }

    public func reference(_ x: [Double], weight w: ArraySlice<Double>, bias b: ArraySlice<Double>) -> [Double] {
        let (h, wd, c, k, p) = (input.height, input.width, input.channels, kernel, kernel / 2)
        var z = [Double](repeating: 0, count: output.count)
        for y in 0..<h {
            for xPos in 0..<wd {
                for o in 0..<channels {
                    var s = b[b.startIndex + o]
                    for i in 0..<k {
                        for j in 0..<k {
                            let iy = y + i - p, ix = xPos + j - p
                            guard iy >= 0, iy < h, ix >= 0, ix < wd else { continue }
                            for ch in 0..<c {
                                s += w[w.startIndex + o * columns + (i * k + j) * c + ch] * x[(iy * wd + ix) * c + ch]
                            }
                        }
                    }
                    z[(y * wd + xPos) * channels + o] = s
                }
            }
        }
        return z
    }
}
