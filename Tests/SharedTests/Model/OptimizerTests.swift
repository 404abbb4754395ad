// Each optimiser's step against values worked out by hand from its published update rule
// (PyTorch's torch.optim.SGD / Adam / AdamW documentation gives the same formulas).
import Testing
@testable import Shared

struct OptimizerTests {
    /// A 1 → 1 layer: parameters [w, b]; gradients [gw, gb].
    func step(_ settings: OptimizerSettings, lr: Float, gradients: [[Float]], start: [Float] = [1, 0.5]) -> [Float] {
        let layout = ParameterLayout(sizes: [1, 1])
        let params = FloatBuffer(start)
        let optimizer = Optimizer(settings, layout: layout)
        for g in gradients { optimizer.step(params, FloatBuffer(g), lr: lr) }
        return params.array
    }

    func close(_ a: [Float], _ b: [Double], _ tol: Double = 1e-6) -> Bool {
        zip(a, b).allSatisfy { abs(Double($0) - $1) <= tol }
    }

    @Test func sgdStepsAgainstTheGradient() {
        // w = 1 − 0.1·0.5 = 0.95;  b = 0.5 − 0.1·(−1) = 0.6
        let p = step(OptimizerSettings(), lr: 0.1, gradients: [[0.5, -1]])
        #expect(close(p, [0.95, 0.6]))
    }

    @Test func l2AddsLambdaTimesTheWeightButNotTheBias() {
        // w = 1 − 0.1·(0.5 + 0.1·1) = 0.94;  b = 0.6 (no penalty on biases)
        let p = step(OptimizerSettings(l2: 0.1), lr: 0.1, gradients: [[0.5, -1]])
        #expect(close(p, [0.94, 0.6]))
    }

    @Test func momentumAccumulatesVelocity() {
        // step 1: v = 0.5, w = 1 − 0.05 = 0.95;  step 2: v = 0.9·0.5 + 0.5 = 0.95, w = 0.95 − 0.095 = 0.855
        let p = step(OptimizerSettings(kind: .gradientDescent(momentum: 0.9, nesterov: false)), lr: 0.1, gradients: [[0.5, 0], [0.5, 0]])
        #expect(close(p, [0.855, 0.5]))
    }

    @Test func nesterovLooksAhead() {
        // step 1: v = 0.5, d = 0.5 + 0.9·0.5 = 0.95, w = 1 − 0.095 = 0.905
        // step 2: v = 0.45 + 0.5 = 0.95, d = 0.5 + 0.855 = 1.355, w = 0.905 − 0.1355 = 0.7695
        let p = step(OptimizerSettings(kind: .gradientDescent(momentum: 0.9, nesterov: true)), lr: 0.1, gradients: [[0.5, 0], [0.5, 0]])
        #expect(close(p, [0.7695, 0.5]))
    }

    @Test func adamCorrectsItsBiasAndNormalisesTheStep() {
        let adam = OptimizerSettings(kind: .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8))
        // step 1, g = 0.5: m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25, w = 1 − 0.1·0.5/(0.5 + 1e-8) = 0.9 (to 1e-8)
        #expect(close(step(adam, lr: 0.1, gradients: [[0.5, -1]]), [0.9, 0.6]))
        // step 2, g = 0.25: m = 0.045 + 0.025 = 0.07, v = 0.00024975 + 0.0000625 = 0.00031225,
        // m̂ = 0.07/0.19 = 0.36842105, v̂ = 0.00031225/0.001999 = 0.15620310, √v̂ = 0.39522538,
        // w = 0.9 − 0.1·0.36842105/0.39522538 = 0.9 − 0.09321796 = 0.80678204
        #expect(close(step(adam, lr: 0.1, gradients: [[0.5, 0], [0.25, 0]]), [0.80678204, 0.5]))
    }

    @Test func adamWDecaysWeightsBeforeTheStep() {
        let adamW = OptimizerSettings(kind: .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8), weightDecay: 0.01)
        // w = 1·(1 − 0.1·0.01) − 0.1·1 = 0.899;  b is not decayed: 0.5 + 0.1 = 0.6
        #expect(close(step(adamW, lr: 0.1, gradients: [[0.5, -1]]), [0.899, 0.6]))
    }

    @Test func schedulesFollowTheirFormulas() {
        let step = Schedule.step(stepSize: 2, gamma: 0.5)
        #expect((0..<5).map { step.rate(base: 0.1, epoch: $0) } == [0.1, 0.1, 0.05, 0.05, 0.025])
        let exponential = Schedule.exponential(gamma: 0.9)
        #expect(close((0..<3).map { exponential.rate(base: 0.1, epoch: $0) }, [0.1, 0.09, 0.081], 1e-8))
        // η_min + (η − η_min)(1 + cos(π e/E))/2 with η = 0.1, η_min = 0.01, E = 4:
        // e=0: 0.1;  e=1: 0.01 + 0.09·(1 + 0.70710678)/2 = 0.08681981;  e=2: 0.055;  e=4: 0.01
        let cosine = Schedule.cosine(epochs: 4, minLR: 0.01)
        #expect(close([0, 1, 2, 4].map { cosine.rate(base: 0.1, epoch: $0) }, [0.1, 0.08681981, 0.055, 0.01], 1e-8))
        #expect(Schedule.constant.rate(base: 0.3, epoch: 99) == 0.3)
    }
}
