// Forward and backward passes over a block of rows, layer by layer through the Layer
// interface, in buffers allocated once for at most `capacity` rows (no allocation per step).
//   forward, layer l:   Z_l = f_l(A_{l−1}),   A_l = act_l(Z_l)   (A_0 = X; the last layer's Z is the logits)
//   backward:           dZ_l = dA_l ⊙ act'_l(Z_l);  the layer turns dZ_l into its parameters'
//                       gradients and dA_{l−1} (never for l = 1: the input's gradient is not needed)
// act' is computed with act in the forward pass (one exponential for both) and kept; a layer
// whose activation is the identity (pooling, flattening, the output) writes A_l directly.
// With dropout, the inputs of the dense layers after the first layer are multiplied by a mask
// of 0 or 1/(1−p) (inverted dropout), and the same mask multiplies their gradient.

public final class BatchPass {
    public let layout: ParameterLayout
    public let layers: [any Layer]
    public let objective: Objective
    public var output: OutputKind { objective.output }
    /// Values of y per row: the targets of a regressor, or one label.
    public let targetWidth: Int
    public let capacity: Int
    public let dropout: Float
    private let outputs: [FloatBuffer]
    /// act'(Z_l) of the layers with an activation, from the forward pass.
    private let derivatives: [FloatBuffer?]
    private let deltas: [FloatBuffer]
    /// Per layer: the mask on its output A_l and the masked output, when dropout acts on it.
    private let masks: [FloatBuffer?]
    private let dropped: [FloatBuffer?]
    private let workspaces: [LayerWorkspace?]
    /// Rows gathered for a minibatch (capacity × inputs), and their labels or targets.
    public let input: FloatBuffer
    let labels: FloatBuffer

    public init(network: Network, objective: Objective? = nil, capacity: Int, dropout: Float = 0) {
        precondition(capacity > 0)
        layers = network.layers
        layout = ParameterLayout(network: network)
        let objective = objective ?? Objective(output: network.output)
        self.objective = objective
        targetWidth = objective.targetWidth(outputs: network.layers.last!.output.count)
        self.capacity = capacity
        self.dropout = dropout
        let last = layers.count - 1
        outputs = layers.map { FloatBuffer(count: capacity * $0.output.count) }
        derivatives = layers.enumerated().map { l, layer in
            l < last && layer.activation != .identity ? FloatBuffer(count: capacity * layer.output.count) : nil
        }
        deltas = layers.map { FloatBuffer(count: capacity * $0.output.count) }
        let dropsOut = BatchPass.droppedOutputs(network, dropout: Double(dropout))
        let all = network.layers
        masks = all.indices.map { dropsOut.contains($0) ? FloatBuffer(count: capacity * all[$0].output.count) : nil }
        dropped = all.indices.map { dropsOut.contains($0) ? FloatBuffer(count: capacity * all[$0].output.count) : nil }
        workspaces = all.map { $0.makeWorkspace(capacity: capacity) }
        input = FloatBuffer(count: capacity * network.inputs)
        labels = FloatBuffer(count: capacity * targetWidth)
    }

    /// The layers whose outputs dropout acts on: the inputs of every dense layer but the first layer.
    static func droppedOutputs(_ network: Network, dropout: Double) -> [Int] {
        guard dropout > 0 else { return [] }
        return network.layers.indices.dropFirst().filter { network.layers[$0].kind == .dense }.map { $0 - 1 }
    }

    /// The most rows a block holds for this network: about 128 MiB of buffers at most, so a
    /// convolution's wide outputs are worked through in blocks (a narrow network is never limited
    /// below `Trainer.blockRows`).
    public static func rowsFitting(_ network: Network) -> Int {
        let perRow = network.inputs + network.layers.reduce(0) { $0 + 4 * $1.output.count + $1.workspacePerRow }
        return max(1, (1 << 25) / max(perRow, 1))
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

    /// Draws new dropout masks for m rows: each unit is kept with probability 1 − p.
    public func drawMasks(rows m: Int, random: inout Random) {
        let keep = 1 / (1 - dropout)
        let p = Double(dropout)
        for (l, mask) in masks.enumerated() {
            guard let mask else { continue }
            for i in 0..<(m * layout.outputs(l)) { mask[i] = random.uniform() < p ? 0 : keep }
        }
    }

    /// Sets every value of the l-th mask (counting the masked layers only) directly (gradient checks use fixed masks).
    public func setMask(layer l: Int, _ values: [Float]) {
        let mask = masks.compactMap { $0 }[l]
        precondition(values.count <= mask.count)
        for (i, v) in values.enumerated() { mask[i] = v }
    }

    /// What layer l + 1 reads: A_l, or A_l ⊙ mask with dropout on.
    private func layerInput(_ l: Int, _ x: UnsafePointer<Float>, dropout on: Bool) -> UnsafePointer<Float> {
        if l == 0 { return x }
        if on, let d = dropped[l - 1] { return UnsafePointer(d.base) }
        return UnsafePointer(outputs[l - 1].base)
    }

    /// Runs the m rows of x (m × inputs) through the network; returns the logits (m × outputs).
    @discardableResult
    func forward(_ params: FloatBuffer, _ x: UnsafePointer<Float>, rows m: Int, dropout on: Bool = false) -> UnsafePointer<Float> {
        precondition(m <= capacity)
        for (l, layer) in layers.enumerated() {
            let n = m * layout.outputs(l)
            let a = outputs[l].base
            // Layers with an activation: Z goes into the derivative buffer, which act' then overwrites.
            let z = derivatives[l]?.base ?? a
            layer.forward(layout.weight(l, in: params), layout.bias(l, in: params), layerInput(l, x, dropout: on), rows: m,
                          into: z, workspace: workspaces[l])
            if z != a {
                Kernels.elementwise(n) { r in layer.activation.apply(z + r.lowerBound, into: a + r.lowerBound, derivative: z + r.lowerBound, r.count) }
            }
            if on, let mask = masks[l]?.base, let d = dropped[l]?.base {
                Kernels.elementwise(n) { r in for i in r { d[i] = a[i] * mask[i] } }
            }
        }
        return UnsafePointer(outputs[layers.count - 1].base)
    }

    /// After `forward` on the same rows: the loss gradient (dℓ/dz scaled by `scale`, e.g. 1/batch)
    /// back through every layer into `grads`, added to what is there when `accumulate`.
    /// Returns Σ ℓ over the rows (unscaled; non-finite when the logits are).
    func backward(_ params: FloatBuffer, _ grads: FloatBuffer, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>,
                  rows m: Int, scale: Float, accumulate: Bool, dropout on: Bool = false) -> Double {
        let last = layers.count - 1
        let loss = Loss.gradient(objective, logits: outputs[last].base, targets: y, m: m, k: layout.outputs(last),
                                 scale: scale, into: deltas[last].base)
        for l in stride(from: last, through: 0, by: -1) {
            let prev = l > 0 ? deltas[l - 1].base : nil
            layers[l].backward(layout.weight(l, in: params), layout.weight(l, in: grads), layout.bias(l, in: grads),
                               layerInput(l, x, dropout: on), deltas[l].base, rows: m, accumulate: accumulate,
                               dx: prev, workspace: workspaces[l], output: outputs[l].base)
            if let prev {
                let n = m * layout.inputs(l)
                if on, let mask = masks[l - 1]?.base {
                    Kernels.elementwise(n) { r in for i in r { prev[i] *= mask[i] } }
                }
                if let d = derivatives[l - 1]?.base {
                    Kernels.elementwise(n) { r in Elementwise.multiply(prev + r.lowerBound, by: d + r.lowerBound, r.count) }
                }
            }
        }
        return loss
    }
}
