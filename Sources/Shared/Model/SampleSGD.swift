// Plain SGD with one random training sample per step, on vectors: each unit's input is a
// dot product, and going backward each weight row is updated in place by one axpy as soon
// as its error is known (after it has been used to pass the error further back).
//   δ_L = ∂ℓ/∂z_L;   δ_{l−1} = (W_lᵀ δ_l) ⊙ act'(z_{l−1});   W_l[j,:] −= lr·δ_l[j]·a_{l−1};   b_l[j] −= lr·δ_l[j]
// With --l2 λ each row is first shrunk by (1 − lr·λ), i.e. θ −= lr·(g + λθ).
// The first layer's row update waits for the next step and is fused with its dot product
// (Kernels.axpyDot), so its weights pass through the cache once per step; without --l2 this
// gives the same numbers as updating at once.

public final class SampleSGD {
    public let layout: ParameterLayout
    public let activations: [Activation]
    public let objective: Objective
    private let targetWidth: Int
    private let outputs: [FloatBuffer]
    /// act'(z_l), from the forward pass.
    private let derivatives: [FloatBuffer]
    private let deltas: [FloatBuffer]
    /// The first layer's pending row updates: W_1[j,:] += pending[j] · (the previous sample).
    private let pending: FloatBuffer

    public init(layout: ParameterLayout, activations: [Activation], objective: Objective) {
        self.layout = layout
        self.activations = activations
        self.objective = objective
        targetWidth = objective.targetWidth(outputs: layout.sizes.last!)
        outputs = layout.sizes.dropFirst().map { FloatBuffer(count: $0) }
        derivatives = layout.sizes.dropFirst().map { FloatBuffer(count: $0) }
        deltas = layout.sizes.dropFirst().map { FloatBuffer(count: $0) }
        pending = FloatBuffer(count: layout.sizes[1])
    }

    /// Takes `steps` steps, each on row `random.below(rows)` of x; returns the summed loss of the
    /// samples (each measured before its own update), or the 0-based step at which it stopped being finite.
    func run(_ params: FloatBuffer, x: UnsafePointer<Float>, labels: UnsafePointer<Float>, rows: Int,
                    steps: Int, lr: Float, l2: Float, random: inout Random) -> (loss: Double, failedStep: Int?) {
        let layers = layout.layerCount
        let last = layers - 1
        let k = layout.outputs(last)
        var total: Double = 0
        let shrink = 1 - lr * l2
        let fuse = l2 == 0
        var previous: UnsafePointer<Float>?
        // Applies the first layer's pending update (at the end, or before an early return).
        func flush() {
            guard let p = previous else { return }
            let w = layout.weight(0, in: params), nIn = layout.inputs(0)
            for j in 0..<layout.outputs(0) { Kernels.axpy(pending[j], p, w + j * nIn, nIn) }
            previous = nil
        }
        for s in 0..<steps {
            let row = random.below(rows)
            let xi = x + row * layout.sizes[0]
            // Forward: a_l[j] = act(b_l[j] + W_l[j,:]·a_{l−1}).
            var input = xi
            for l in 0..<layers {
                let nIn = layout.inputs(l), nOut = layout.outputs(l)
                let w = layout.weight(l, in: params), b = layout.bias(l, in: params)
                let a = outputs[l].base, z = derivatives[l].base
                if l == 0, let p = previous {
                    for j in 0..<nOut { z[j] = b[j] + Kernels.axpyDot(pending[j], p, w + j * nIn, input, nIn) }
                    previous = nil
                } else {
                    for j in 0..<nOut { z[j] = b[j] + Kernels.dot(w + j * nIn, input, nIn) }
                }
                activations[l].apply(z, into: a, derivative: z, nOut)
                input = UnsafePointer(a)
            }
            let loss = Loss.gradient(objective, logits: outputs[last].base, targets: labels + row * targetWidth, m: 1, k: k,
                                     scale: 1, into: deltas[last].base)
            if !loss.isFinite { return (total, s) }
            total += loss
            // Backward, updating each layer once its error has been passed on.
            for l in stride(from: last, through: 0, by: -1) {
                let nIn = layout.inputs(l), nOut = layout.outputs(l)
                let w = layout.weight(l, in: params), b = layout.bias(l, in: params)
                let d = deltas[l].base
                if l > 0 {
                    let back = deltas[l - 1].base
                    back.update(repeating: 0, count: nIn)
                    for j in 0..<nOut { Kernels.axpy(d[j], w + j * nIn, back, nIn) }
                    Elementwise.multiply(back, by: derivatives[l - 1].base, nIn)
                }
                if l == 0 && fuse {
                    for j in 0..<nOut {
                        pending[j] = -lr * d[j]
                        b[j] -= lr * d[j]
                    }
                    previous = xi
                    continue
                }
                let a = l == 0 ? xi : UnsafePointer(outputs[l - 1].base)
                for j in 0..<nOut {
                    let wj = w + j * nIn
                    if l2 != 0 { Elementwise.scale(wj, nIn, by: shrink) }
                    Kernels.axpy(-lr * d[j], a, wj, nIn)
                    b[j] -= lr * d[j]
                }
            }
        }
        flush()
        return (total, nil)
    }
}
