// Forward and backward passes over a block of rows with the matrix kernels, in buffers
// allocated once for at most `capacity` rows (no allocation per step).
//   forward, layer l:   Z_l = A_{l−1} W_lᵀ + b_l,   A_l = act_l(Z_l)   (A_0 = X; the last layer's Z is the logits)
//   backward:           dW_l = dZ_lᵀ A_{l−1},   db_l = Σ_rows dZ_l,   dZ_{l−1} = (dZ_l W_l) ⊙ act'_{l−1}(Z_{l−1})
// act' is computed with act in the forward pass (one exponential for both) and kept.
// With dropout, hidden outputs are multiplied by a mask of 0 or 1/(1−p) (inverted dropout), and
// the same mask multiplies their gradient. The input's gradient is never needed, so never computed.

public final class BatchPass {
    public let layout: ParameterLayout
    /// One per layer; the last is `.identity` (it produces logits).
    public let activations: [Activation]
    public let objective: Objective
    public var output: OutputKind { objective.output }
    /// Values of y per row: the targets of a regressor, or one label.
    public let targetWidth: Int
    public let capacity: Int
    public let dropout: Float
    private let outputs: [FloatBuffer]
    /// act'(Z_l) of the hidden layers, from the forward pass.
    private let derivatives: [FloatBuffer]
    private let deltas: [FloatBuffer]
    private let masks: [FloatBuffer]
    private let dropped: [FloatBuffer]
    /// Rows gathered for a minibatch (capacity × inputs), and their labels or targets.
    public let input: FloatBuffer
    let labels: FloatBuffer

    public init(layout: ParameterLayout, activations: [Activation], objective: Objective, capacity: Int, dropout: Float = 0) {
        precondition(activations.count == layout.layerCount && capacity > 0)
        self.layout = layout
        self.activations = activations
        self.objective = objective
        targetWidth = objective.targetWidth(outputs: layout.sizes.last!)
        self.capacity = capacity
        self.dropout = dropout
        let widths = Array(layout.sizes.dropFirst())
        outputs = widths.map { FloatBuffer(count: capacity * $0) }
        derivatives = widths.dropLast().map { FloatBuffer(count: capacity * $0) }
        deltas = widths.map { FloatBuffer(count: capacity * $0) }
        let hidden = dropout > 0 ? widths.dropLast() : []
        masks = hidden.map { FloatBuffer(count: capacity * $0) }
        dropped = hidden.map { FloatBuffer(count: capacity * $0) }
        input = FloatBuffer(count: capacity * layout.sizes[0])
        labels = FloatBuffer(count: capacity * targetWidth)
    }

    public convenience init(network: Network, objective: Objective? = nil, capacity: Int, dropout: Float = 0) {
        self.init(layout: ParameterLayout(sizes: network.sizes), activations: network.layers.map(\.activation),
                  objective: objective ?? Objective(output: network.output), capacity: capacity, dropout: dropout)
    }

    /// Copies rows `indices` of x (and their labels or targets) into `input` and `labels`.
    func gather(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, indices: UnsafeBufferPointer<Int>) {
        precondition(indices.count <= capacity)
        let n = layout.sizes[0], t = targetWidth
        for (r, i) in indices.enumerated() {
            (input.base + r * n).update(from: x + i * n, count: n)
            (labels.base + r * t).update(from: y + i * t, count: t)
        }
    }

    /// Draws new dropout masks for m rows: each hidden unit is kept with probability 1 − p.
    public func drawMasks(rows m: Int, random: inout Random) {
        let keep = 1 / (1 - dropout)
        let p = Double(dropout)
        for (l, mask) in masks.enumerated() {
            for i in 0..<(m * layout.outputs(l)) { mask[i] = random.uniform() < p ? 0 : keep }
        }
    }

    /// Sets every mask value directly (gradient checks use fixed masks).
    public func setMask(layer l: Int, _ values: [Float]) {
        precondition(values.count <= masks[l].count)
        for (i, v) in values.enumerated() { masks[l][i] = v }
    }

    /// What layer l + 1 reads: A_l, or A_l ⊙ mask with dropout on.
    private func layerInput(_ l: Int, _ x: UnsafePointer<Float>, dropout on: Bool) -> UnsafePointer<Float> {
        if l == 0 { return x }
        return UnsafePointer(on && !masks.isEmpty ? dropped[l - 1].base : outputs[l - 1].base)
    }

    /// Runs the m rows of x (m × inputs) through the network; returns the logits (m × outputs).
    @discardableResult
    func forward(_ params: FloatBuffer, _ x: UnsafePointer<Float>, rows m: Int, dropout on: Bool = false) -> UnsafePointer<Float> {
        precondition(m <= capacity)
        for l in 0..<layout.layerCount {
            let nIn = layout.inputs(l), nOut = layout.outputs(l)
            let a = outputs[l].base
            // Hidden layers: Z goes into the derivative buffer, which act' then overwrites.
            let z = l < derivatives.count ? derivatives[l].base : a
            Kernels.gemm(transA: false, transB: true, m: m, n: nOut, k: nIn,
                         alpha: 1, a: layerInput(l, x, dropout: on), lda: nIn,
                         b: layout.weight(l, in: params), ldb: nIn, beta: 0, c: z, ldc: nOut)
            Elementwise.addRows(layout.bias(l, in: params), to: z, m: m, n: nOut)
            if z != a { activations[l].apply(z, into: a, derivative: z, m * nOut) }
            if on && l < masks.count {
                let mask = masks[l].base, d = dropped[l].base
                for i in 0..<(m * nOut) { d[i] = a[i] * mask[i] }
            }
        }
        return UnsafePointer(outputs[layout.layerCount - 1].base)
    }

    /// After `forward` on the same rows: the loss gradient (dℓ/dz scaled by `scale`, e.g. 1/batch)
    /// back through every layer into `grads`, added to what is there when `accumulate`.
    /// Returns Σ ℓ over the rows (unscaled; non-finite when the logits are).
    func backward(_ params: FloatBuffer, _ grads: FloatBuffer, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>,
                         rows m: Int, scale: Float, accumulate: Bool, dropout on: Bool = false) -> Double {
        let last = layout.layerCount - 1
        let loss = Loss.gradient(objective, logits: outputs[last].base, targets: y, m: m, k: layout.outputs(last),
                                 scale: scale, into: deltas[last].base)
        for l in stride(from: last, through: 0, by: -1) {
            let nIn = layout.inputs(l), nOut = layout.outputs(l)
            let dz = deltas[l].base
            Kernels.gemm(transA: true, transB: false, m: nOut, n: nIn, k: m,
                         alpha: 1, a: dz, lda: nOut, b: layerInput(l, x, dropout: on), ldb: nIn,
                         beta: accumulate ? 1 : 0, c: layout.weight(l, in: grads), ldc: nIn)
            Elementwise.columnSums(dz, m: m, n: nOut, into: layout.bias(l, in: grads), accumulate: accumulate)
            if l > 0 {
                let prev = deltas[l - 1].base
                Kernels.gemm(transA: false, transB: false, m: m, n: nIn, k: nOut,
                             alpha: 1, a: dz, lda: nOut, b: layout.weight(l, in: params), ldb: nIn,
                             beta: 0, c: prev, ldc: nIn)
                if on && l - 1 < masks.count {
                    let mask = masks[l - 1].base
                    for i in 0..<(m * nIn) { prev[i] *= mask[i] }
                }
                Elementwise.multiply(prev, by: derivatives[l - 1].base, m * nIn)
            }
        }
        return loss
    }
}
