// Gradient checking: the analytic gradients of the training code (Float32, BatchPass) against
// central finite differences of an independent Float64 forward pass of the same objective,
//   J(θ) = (1/m) Σ_rows ℓ + (λ/2) Σ W²,     ∂J/∂θ_i ≈ (J(θ + h e_i) − J(θ − h e_i)) / 2h,
// with the same dropout mask on both sides.
#if canImport(Glibc)
import Glibc
#endif

public struct GradientCheckResult: Equatable, Sendable {
    /// 1-based layer number.
    public var layer: Int
    public var maxRelativeError: Double
    /// How many of the layer's weights and biases were compared.
    public var checked: Int
}

public enum GradientCheck {
    /// The analytic side is Float32 (unit roundoff 6e-8) and sums up to ~1000 products per value,
    /// so correct gradients differ from the Float64 differences by ~1e-6..1e-4 relative to the
    /// layer's gradient scale; a wrong formula (a missing factor, a wrong derivative or sign) is off
    /// by order 1. 1e-3 sits between the two with a margin of 10× or more on each side.
    public static let tolerance = 1e-3
    /// h of the central difference: its O(h²) truncation error (~1e-10) and Float64 cancellation
    /// (~1e-16/h ≈ 1e-11) are both far below the tolerance.
    public static let h = 1e-5

    /// Compares gradients on the rows of x for at most `perLayer` parameters of each layer (all of
    /// them when fewer; otherwise a seeded random choice). A parameter's error is
    /// |analytic − numeric| / max(|analytic|, |numeric|, floor), where floor = 1e-3 × the layer's
    /// largest |numeric|, so that entries far below the layer's scale are judged on that scale.
    /// `y`: a label per row (as a Float), or for a regressor its targets, row by row.
    public static func run(network: Network, x: Matrix, y: [Float], objective: Objective? = nil, l2: Double = 0, dropout: Double = 0,
                           seed: UInt64 = 42, perLayer: Int = 200) -> [GradientCheckResult] {
        let objective = objective ?? Objective(output: network.output)
        precondition(x.rows * objective.targetWidth(outputs: network.sizes.last!) == y.count && x.rows > 0 && x.cols == network.inputs)
        var random = Random(seed: seed, stream: "check")
        var masks: [[Float]] = []
        let keep = 1 / (1 - Float(dropout))
        for l in BatchPass.droppedOutputs(network, dropout: dropout) {
            masks.append((0..<(x.rows * network.layers[l].output.count)).map { _ in random.uniform() < dropout ? 0 : keep })
        }
        let analytic = analyticGradient(network: network, x: x, y: y, objective: objective, l2: l2, masks: masks)
        let reference = ReferenceObjective(network: network, x: x, y: y, objective: objective, l2: l2, masks: masks)
        return compare(analytic: analytic, reference: reference, random: &random, perLayer: perLayer)
    }

    /// ∂J/∂θ from BatchPass in Float32 (every parameter, in ParameterLayout order), with λθ added for weights.
    static func analyticGradient(network: Network, x: Matrix, y: [Float], objective: Objective, l2: Double, masks: [[Float]]) -> [Double] {
        let layout = ParameterLayout(network: network)
        let m = x.rows
        let params = layout.buffer(from: network), grads = FloatBuffer(count: layout.count)
        let dropout = !masks.isEmpty
        let pass = BatchPass(network: network, objective: objective, capacity: m, dropout: dropout ? 0.5 : 0)
        for (l, mask) in masks.enumerated() { pass.setMask(layer: l, mask) }
        x.data.withUnsafeBufferPointer { xp in
            y.withUnsafeBufferPointer { yp in
                pass.forward(params, xp.baseAddress!, rows: m, dropout: dropout)
                _ = pass.backward(params, grads, xp.baseAddress!, yp.baseAddress!, rows: m, scale: 1 / Float(m), accumulate: false, dropout: dropout)
            }
        }
        var g = grads.array.map(Double.init)
        for l in 0..<layout.layerCount {
            let w = layout.weightOffsets[l]
            for i in w..<(w + layout.weightCounts[l]) { g[i] += l2 * Double(params[i]) }
        }
        return g
    }

    /// The largest relative error per layer with parameters between `analytic` and central differences of `reference`.
    static func compare(analytic: [Double], reference: ReferenceObjective, random: inout Random, perLayer: Int) -> [GradientCheckResult] {
        let layout = reference.layout
        var theta = reference.theta
        var results: [GradientCheckResult] = []
        for l in 0..<layout.layerCount where layout.weightCounts[l] + layout.biasCounts[l] > 0 {
            var indices = Array(layout.weightOffsets[l]..<(layout.weightOffsets[l] + layout.weightCounts[l]))
                + Array(layout.biasOffsets[l]..<(layout.biasOffsets[l] + layout.biasCounts[l]))
            if indices.count > perLayer {
                random.shuffle(&indices)
                indices = Array(indices.prefix(perLayer))
            }
            var pairs: [(analytic: Double, numeric: Double)] = []
            for i in indices {
                let saved = theta[i]
                theta[i] = saved + h
                let plus = reference.value(theta)
                theta[i] = saved - h
                let minus = reference.value(theta)
                theta[i] = saved
                pairs.append((analytic[i], (plus - minus) / (2 * h)))
            }
            let scale = pairs.map { abs($0.numeric) }.max() ?? 0
            let floor = max(1e-3 * scale, 1e-12)
            let worst = pairs.map { abs($0.analytic - $0.numeric) / max(abs($0.analytic), abs($0.numeric), floor) }.max() ?? 0
            results.append(GradientCheckResult(layer: l + 1, maxRelativeError: worst, checked: pairs.count))
        }
        return results
    }
}

/// The training objective evaluated in Float64 with plain loops, independent of BatchPass.
struct ReferenceObjective {
    let layout: ParameterLayout
    /// The network's parameters in Float64, in ParameterLayout order.
    let theta: [Double]
    let layers: [any Layer]
    let objective: Objective
    let x: Matrix
    let y: [Float]
    let l2: Double
    /// Per layer whose output dropout acts on, m × units values of 0 or 1/(1−p); empty without dropout.
    let masks: [Int: [Float]]

    init(network: Network, x: Matrix, y: [Float], objective: Objective, l2: Double, masks: [[Float]]) {
        layout = ParameterLayout(network: network)
        theta = layout.buffer(from: network).array.map(Double.init)
        layers = network.layers
        self.objective = objective
        self.x = x
        self.y = y
        self.l2 = l2
        self.masks = Dictionary(uniqueKeysWithValues: zip(BatchPass.droppedOutputs(network, dropout: masks.isEmpty ? 0 : 0.5), masks))
    }

    func value(_ theta: [Double]) -> Double {
        var total: Double = 0
        for r in 0..<x.rows {
            var a = (0..<x.cols).map { Double(x[r, $0]) }
            for (l, layer) in layers.enumerated() {
                let nOut = layout.outputs(l)
                let w = layout.weightOffsets[l], b = layout.biasOffsets[l]
                var z = layer.reference(a, weight: theta[w..<(w + layout.weightCounts[l])], bias: theta[b..<(b + layout.biasCounts[l])])
                for j in 0..<nOut {
                    z[j] = layer.activation.value(z[j])
                    if let mask = masks[l] { z[j] *= Double(mask[r * nOut + j]) }
                }
                a = z
            }
            switch objective.output {
            case .identity:
                // The mean over the t targets of ℓ(z − y), written out from each loss's definition.
                let t = a.count, delta = Double(objective.huberDelta)
                var sum: Double = 0
                for j in 0..<t {
                    let d = a[j] - Double(y[r * t + j])
                    switch objective.loss {
                    case .mse: sum += d * d
                    case .mae: sum += abs(d)
                    case .huber: sum += abs(d) <= delta ? d * d / 2 : delta * (abs(d) - delta / 2)
                    }
                }
                total += sum / Double(t)
            case .sigmoid:
                let label = Int(y[r])
                total += max(a[0], 0) - (label == 1 ? a[0] : 0) + log1p(exp(-abs(a[0])))
            case .softmax:
                let label = Int(y[r])
                let top = a.max()!
                total += top + log(a.reduce(0) { $0 + exp($1 - top) }) - a[label]
            }
        }
        var penalty: Double = 0
        for l in 0..<layout.layerCount {
            let w = layout.weightOffsets[l]
            for i in w..<(w + layout.weightCounts[l]) { penalty += theta[i] * theta[i] }
        }
        return total / Double(x.rows) + l2 / 2 * penalty
    }
}

extension Activation {
    /// The activation in Float64, written out from its definition.
    func value(_ z: Double) -> Double {
        switch self {
        case .sigmoid: return 1 / (1 + exp(-z))
        case .tanh: return 1 - 2 / (exp(2 * z) + 1)  // (e^z − e^−z)/(e^z + e^−z), without overflow
        case .relu: return z > 0 ? z : 0
        case .identity: return z
        }
    }
}
