// Every layer, activation and loss against central finite differences in Float64
// (GradientCheck; its tolerance and error measure are justified where they are defined).
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Shared

struct GradientCheckTests {
    // Every activation there is: a new case is gradient-checked without anyone listing it here.
    @Test(arguments: Activation.allCases, [2, 4])
    func networkGradientsMatchFiniteDifferences(activation: Activation, classes: Int) {
        let data = toyData(rows: 6, features: 5, classes: classes)
        for hidden in [[], [4], [4, 3]] {
            let net = toyNetwork(inputs: 5, hidden: hidden, activation: activation, classes: classes)
            let report = GradientCheck.run(network: net, x: data.x, y: data.y)
            #expect(report.count == hidden.count + 1)
            for r in report {
                #expect(r.maxRelativeError < GradientCheck.tolerance, "\(activation) hidden=\(hidden) classes=\(classes) layer \(r.layer)")
            }
        }
    }

    @Test func l2PenaltyGradientMatchesFiniteDifferences() {
        let data = toyData(rows: 5, features: 4)
        let net = toyNetwork(inputs: 4, hidden: [3], activation: .tanh, classes: 2)
        for r in GradientCheck.run(network: net, x: data.x, y: data.y, l2: 0.3) {
            #expect(r.maxRelativeError < GradientCheck.tolerance)
        }
    }

    @Test(arguments: Activation.allCases)
    func dropoutGradientMatchesFiniteDifferences(activation: Activation) {
        let data = toyData(rows: 6, features: 4, classes: 3)
        let net = toyNetwork(inputs: 4, hidden: [6, 5], activation: activation, classes: 3)
        for r in GradientCheck.run(network: net, x: data.x, y: data.y, dropout: 0.4) {
            #expect(r.maxRelativeError < GradientCheck.tolerance)
            #expect(r.checked > 0)
        }
    }

    @Test func saturatedSigmoidNetworkOfImageSizePassesOnItsOwnScale() {
        // 784-16-1 with standard-normal weights (the reference's deep setting) saturates most
        // hidden units; the check must judge tiny gradients on the layer's scale, not flag them.
        let data = toyData(rows: 4, features: 784)
        let net = toyNetwork(inputs: 784, hidden: [16], activation: .sigmoid, classes: 2, initializer: .normal(std: 1))
        for r in GradientCheck.run(network: net, x: data.x, y: data.y.map(Float.init), perLayer: 60) {
            #expect(r.maxRelativeError < GradientCheck.tolerance)
            #expect(r.checked == min(60, r.layer == 1 ? 784 * 16 + 16 : 17))
        }
    }

    @Test func aWrongDerivativeIsCaught() {
        // The analytic gradient of a sigmoid network judged against the objective of the same
        // weights with tanh units: the check must fail, or it could never catch a wrong formula.
        let data = toyData(rows: 5, features: 4)
        let sigmoidNet = toyNetwork(inputs: 4, hidden: [3], activation: .sigmoid, classes: 2)
        var tanhNet = sigmoidNet
        tanhNet.layers[0].activation = .tanh
        let analytic = GradientCheck.analyticGradient(network: sigmoidNet, x: data.x, y: data.y.map(Float.init), objective: .sigmoid, l2: 0, masks: [])
        var random = Random(seed: 1)
        let report = GradientCheck.compare(analytic: analytic, reference: ReferenceObjective(network: tanhNet, x: data.x, y: data.y.map(Float.init), objective: .sigmoid, l2: 0, masks: []),
                                           random: &random, perLayer: 100)
        #expect(report.contains { $0.maxRelativeError > GradientCheck.tolerance })
    }

    @Test func lossGradientsMatchFiniteDifferencesOfTheLosses() {
        // dℓ/dz of both losses against central differences of their definitions in Float64.
        // −log σ(z) = log(1 + e^−z) and −log(1 − σ(z)) = log(1 + e^z).
        func bce(_ z: Double, _ y: Int32) -> Double { y == 1 ? Glibc.log1p((-z).exp) : Glibc.log1p(z.exp) }
        let h = 1e-6
        for z in [-30.0, -2.5, -0.125, 0, 0.75, 4, 25] {  // exact in Float32
            for y: Int32 in [0, 1] {
                var g: Float = 0
                var zf = Float(z)
                var label = Float(y)
                _ = Loss.gradient(.sigmoid, logits: &zf, targets: &label, m: 1, k: 1, scale: 1, into: &g)
                let numeric = (bce(z + h, y) - bce(z - h, y)) / (2 * h)
                // σ(z) − y in Float32: within a few ulps of 1 (1e-6 absolute); the quotient is good to ~1e-9.
                #expect(abs(Double(g) - numeric) < 1e-6, "z=\(z) y=\(y)")
                // The loss itself from logits equals the definition (to Float64 rounding of log terms).
                #expect(abs(Loss.binaryCrossEntropy(logit: Float(z), label: y) - bce(z, y)) < 1e-12 * max(1, abs(z)))
            }
        }
        let z: [Float] = [0.5, -1.25, 2, 0.125]
        for y: Int32 in 0..<4 {
            var g = [Float](repeating: 0, count: 4)
            var label = Float(y)
            _ = Loss.gradient(.softmax, logits: z, targets: &label, m: 1, k: 4, scale: 1, into: &g)
            let exps = z.map { Double($0).exp }
            let total = exps.reduce(0, +)
            for j in 0..<4 {
                // ∂/∂z_j of log Σ e^z − z_y = p_j − [j = y], p from Float64.
                #expect(abs(Double(g[j]) - (exps[j] / total - (j == Int(y) ? 1 : 0))) < 1e-6)
            }
        }
    }

    @Test func bceIsFiniteForExtremeLogits() {
        #expect(Loss.binaryCrossEntropy(logit: 1000, label: 0) == 1000)
        #expect(Loss.binaryCrossEntropy(logit: -1000, label: 0) == 0)
        // log 2, by hand.
        #expect(abs(Loss.binaryCrossEntropy(logit: 0, label: 1) - 0.6931471805599453) < 1e-15)
    }
}

extension Double {
    var exp: Double { Glibc.exp(self) }
}
