// Networks: their shape from the classes, the forward pass against a hand-written one,
// and the model sections read back to the same network (and the same bytes).
import Testing
@testable import Shared

struct NetworkTests {
    @Test func twoClassesGetOneSigmoidOutputMoreGetSoftmax() {
        let two = Network(inputs: 3, hidden: [4], activation: .relu, classes: ["a", "b"], initializer: .he, seed: 1)
        #expect(two.sizes == [3, 4, 1] && two.output == .sigmoid)
        #expect(two.layers.map(\.activation) == [.relu, .identity])
        let ten = Network(inputs: 3, hidden: [], activation: .sigmoid, classes: classNames(10), initializer: .xavier, seed: 1)
        #expect(ten.sizes == [3, 10] && ten.output == .softmax)
    }

    @Test func initialWeightsHaveTheirScale() {
        // He: std √(2/fan_in) = √(2/400) ≈ 0.0707; the sample std of 400·300 draws is within 2%.
        let net = Network(inputs: 400, hidden: [300], activation: .relu, classes: ["a", "b"], initializer: .he, seed: 5)
        let w = net.layers[0].weight.data.map(Double.init)
        let std = (w.map { $0 * $0 }.reduce(0, +) / Double(w.count)).squareRoot()
        #expect(abs(std / (2.0 / 400).squareRoot() - 1) < 0.02)
        #expect(net.layers[0].bias.allSatisfy { $0 == 0 })
    }

    @Test func logitsMatchAHandWrittenForwardPass() {
        let net = toyNetwork(inputs: 3, hidden: [4], activation: .tanh, classes: 3)
        let x = Matrix([[0.5, -1, 2], [0, 0.25, -0.75]])
        let z = net.logits(x)
        for r in 0..<2 {
            let h = (0..<4).map { j in
                Activation.tanh.apply(net.layers[0].bias[j] + (0..<3).reduce(Float(0)) { $0 + net.layers[0].weight[j, $1] * x[r, $1] })
            }
            for k in 0..<3 {
                let expected = net.layers[1].bias[k] + (0..<4).reduce(Float(0)) { $0 + net.layers[1].weight[k, $1] * h[$1] }
                #expect(abs(z[r, k] - expected) < 1e-5)
            }
        }
        let p = net.probabilities(x)
        for r in 0..<2 { #expect(abs((0..<3).reduce(Float(0)) { $0 + p[r, $1] } - 1) < 1e-6) }
    }

    @Test func sectionsReadBackToTheSameNetworkAndBytes() throws {
        var net = toyNetwork(inputs: 3, hidden: [4, 2], activation: .sigmoid, classes: 2)
        net.standardization = Standardization(mean: [1, 2, 3], std: [0.5, 1, 2])
        var options = TrainingOptions()
        options.hidden = [4, 2]
        options.optimizer = .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8)
        options.weightDecay = 0.01
        options.schedule = .cosine
        net.training = options.record(rows: 100)
        let text = try streamText { w in for s in net.sections() { try w.write(s) }; try w.end() }
        let back = try Network(sections: try reader(text).readAll().sections)
        #expect(back == net)
        #expect(back.training["optimizer"] == "adamw" && back.training["schedule"] == "cosine" && back.training["min_lr"] == "0")
        let again = try streamText { w in for s in back.sections() { try w.write(s) }; try w.end() }
        #expect(again == text)
    }
}
