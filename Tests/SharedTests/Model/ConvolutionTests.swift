// Convolution, max pooling and flattening: forward passes against plain loops written here,
// gradients against finite differences (GradientCheck), the same bits at any thread count,
// the model sections round trip, and a small CNN that learns bars.
import Testing
@testable import Shared

/// m images of `shape` with seeded standard-normal pixels.
func toyImages(rows m: Int, shape: Shape, seed: UInt64 = 11) -> Matrix {
    var random = Random(seed: seed, stream: "images")
    var x = Matrix(rows: m, cols: shape.count)
    for i in 0..<x.count { x.data[i] = Float(random.normal()) }
    return x
}

/// A convolution with seeded weights and non-zero biases.
func toyConvolution(input: Shape, channels: Int, kernel: Int, activation: Activation = .identity) -> Convolution {
    var random = Random(seed: 5, stream: "conv")
    var c = Convolution(input: input, channels: channels, kernel: kernel, activation: activation)
    for i in 0..<c.weight.count { c.weight.data[i] = Float(random.normal() * 0.5) }
    for o in 0..<channels { c.bias[o] = Float(o) * 0.1 - 0.1 }
    return c
}

/// A small CNN on `shape`: conv → pool → conv → flatten → dense → output, with `activation`.
func toyCNN(shape: Shape, classes: Int, activation: Activation, pool: Int = 2, seed: UInt64 = 3) -> Network {
    var n = Network(input: shape, architecture: Architecture(convolutions: [.init(channels: 3, kernel: 3), .init(channels: 2, kernel: 1)], pool: pool),
                    hidden: [4], activation: activation, classes: classNames(classes), initializer: .normal(std: 0.5), seed: seed)
    for l in n.layers.indices where !n.layers[l].bias.isEmpty {
        for j in n.layers[l].bias.indices { n.layers[l].bias[j] = Float(j % 3) * 0.1 - 0.05 }
    }
    return n
}

struct ConvolutionTests {
    /// x[r] at (y, x, c) of a height × width × channels row, 0 outside the image.
    static func pixel(_ m: Matrix, _ r: Int, _ s: Shape, _ y: Int, _ x: Int, _ c: Int) -> Float {
        guard y >= 0, y < s.height, x >= 0, x < s.width else { return 0 }
        return m[r, (y * s.width + x) * s.channels + c]
    }

    // Non-square images, several channels in and out, kernels whose padding covers up to two
    // border pixels: every output against the textbook sum, written out here.
    @Test(arguments: [(Shape(height: 5, width: 4, channels: 2), 3, 3), (Shape(height: 3, width: 6, channels: 1), 5, 2),
                      (Shape(height: 4, width: 4, channels: 3), 1, 4)])
    func convolutionForwardMatchesPlainLoops(shape: Shape, kernel: Int, channels: Int) {
        let conv = toyConvolution(input: shape, channels: channels, kernel: kernel)
        let x = toyImages(rows: 3, shape: shape)
        let z = conv.forward(x)
        let p = kernel / 2
        for r in 0..<x.rows {
            for y in 0..<shape.height {
                for xPos in 0..<shape.width {
                    for o in 0..<channels {
                        var s = Double(conv.bias[o])
                        for i in 0..<kernel {
                            for j in 0..<kernel {
                                for c in 0..<shape.channels {
                                    // The stored kernel of channel o: i, j, c with c fastest.
                                    let w = conv.weight[o, (i * kernel + j) * shape.channels + c]
                                    s += Double(w) * Double(Self.pixel(x, r, shape, y + i - p, xPos + j - p, c))
                                }
                            }
                        }
                        let got = z[r, (y * shape.width + xPos) * channels + o]
                        #expect(abs(Double(got) - s) < 1e-5, "row \(r) at (\(y), \(xPos)) channel \(o)")
                    }
                }
            }
        }
    }

    @Test func maxPoolingForwardMatchesPlainLoopsAndDropsAnOddEdge() {
        let shape = Shape(height: 5, width: 7, channels: 2)
        let pool = MaxPooling(input: shape, size: 2)
        #expect(pool.output == Shape(height: 2, width: 3, channels: 2))
        let x = toyImages(rows: 2, shape: shape)
        let z = pool.forward(x)
        for r in 0..<2 {
            for y in 0..<2 {
                for xo in 0..<3 {
                    for c in 0..<2 {
                        let window = [(0, 0), (0, 1), (1, 0), (1, 1)].map { Self.pixel(x, r, shape, 2 * y + $0.0, 2 * xo + $0.1, c) }
                        #expect(z[r, (y * 3 + xo) * 2 + c] == window.max()!)
                    }
                }
            }
        }
    }

    @Test func maxPoolingSendsTheGradientToTheFirstOfTiedMaxima() {
        // One 2×2 window of equal values: the whole gradient goes to its first pixel.
        let pool = MaxPooling(input: Shape(height: 2, width: 2, channels: 1), size: 2)
        let space = pool.makeWorkspace(capacity: 1)
        var x: [Float] = [3, 3, 3, 3], z: [Float] = [0], dz: [Float] = [1.5], dx: [Float] = [9, 9, 9, 9]
        pool.forward(Layers.none, Layers.none, &x, rows: 1, into: &z, workspace: space)
        pool.backward(Layers.none, UnsafeMutablePointer(mutating: Layers.none), UnsafeMutablePointer(mutating: Layers.none), &x, &dz,
                      rows: 1, accumulate: false, dx: &dx, workspace: space, output: &z)
        #expect(z == [3])
        #expect(dx == [1.5, 0, 0, 0])
    }

    @Test(arguments: [(11, 2), (16, 2), (3, 3), (9, 3)])
    func maxPoolingBackwardMatchesPlainLoopsWithTies(channels: Int, size: Int) {
        // Pixels of few integer values, so most windows hold ties, in enough channels for the
        // eight-at-a-time path and its remainder; an odd edge is left outside every window.
        let shape = Shape(height: 2 * size + 1, width: 3 * size, channels: channels)
        let pool = MaxPooling(input: shape, size: size)
        var random = Random(seed: 5, stream: "ties")
        let rows = 3
        var x = (0..<(rows * shape.count)).map { _ in Float(random.below(3)) }
        let out = pool.output
        var z = [Float](repeating: 0, count: rows * out.count)
        var dz = (0..<z.count).map { _ in Float(random.below(100)) / 8 + 1 }
        var dx = [Float](repeating: 7, count: x.count)
        let space = pool.makeWorkspace(capacity: rows)
        pool.forward(Layers.none, Layers.none, &x, rows: rows, into: &z, workspace: space)
        pool.backward(Layers.none, UnsafeMutablePointer(mutating: Layers.none), UnsafeMutablePointer(mutating: Layers.none), &x, &dz,
                      rows: rows, accumulate: false, dx: &dx, workspace: space, output: &z)
        // The reference: each output's gradient to the first maximum of its window, row by row.
        var expected = [Float](repeating: 0, count: x.count)
        for r in 0..<rows {
            for y in 0..<out.height {
                for xo in 0..<out.width {
                    for c in 0..<channels {
                        var first: Int?
                        var best = -Float.infinity
                        for i in 0..<size {
                            for j in 0..<size {
                                let at = r * shape.count + ((size * y + i) * shape.width + size * xo + j) * channels + c
                                if x[at] > best { best = x[at]; first = at }
                            }
                        }
                        let o = r * out.count + (y * out.width + xo) * channels + c
                        #expect(z[o] == best)
                        expected[first!] = dz[o]
                    }
                }
            }
        }
        #expect(dx == expected)
    }

    @Test func flattenKeepsTheValuesInOrder() {
        let shape = Shape(height: 2, width: 3, channels: 2)
        let x = toyImages(rows: 2, shape: shape)
        #expect(Flatten(input: shape).forward(x) == x)
    }

    // Every kind of layer with parameters is in the network and every activation is tried;
    // the max-pooling windows of random pixels have no ties (ties: see the test above).
    @Test(arguments: Activation.allCases, [2, 3])
    func cnnGradientsMatchFiniteDifferences(activation: Activation, classes: Int) {
        let shape = Shape(height: 6, width: 5, channels: 2)
        let net = toyCNN(shape: shape, classes: classes, activation: activation)
        #expect(Set(net.layers.map(\.kind)) == Set(LayerKind.allCases))
        let x = toyImages(rows: 4, shape: shape)
        let y = (0..<4).map { Float($0 % classes) }
        let report = GradientCheck.run(network: net, x: x, y: y, perLayer: 80)
        #expect(report.count == 4)
        for r in report { #expect(r.maxRelativeError < GradientCheck.tolerance, "\(activation) layer \(r.layer)") }
    }

    @Test func cnnGradientsWithDropoutAndL2MatchFiniteDifferences() {
        let shape = Shape(height: 4, width: 4, channels: 1)
        let net = toyCNN(shape: shape, classes: 3, activation: .tanh, pool: 1)
        let x = toyImages(rows: 5, shape: shape)
        let y: [Float] = [0, 1, 2, 0, 1]
        for r in GradientCheck.run(network: net, x: x, y: y, l2: 0.1, dropout: 0.3, perLayer: 80) {
            #expect(r.maxRelativeError < GradientCheck.tolerance, "layer \(r.layer)")
        }
    }

    @Test func aWrongConvolutionGradientIsCaught() {
        // The analytic gradient of one CNN against the objective of another with a kernel
        // flipped: the check must fail.
        let shape = Shape(height: 4, width: 4, channels: 1)
        let net = toyCNN(shape: shape, classes: 2, activation: .tanh)
        var other = net
        other.layers[0].weight.data.reverse()
        let x = toyImages(rows: 3, shape: shape)
        let y: [Float] = [0, 1, 1]
        let analytic = GradientCheck.analyticGradient(network: net, x: x, y: y, objective: .sigmoid, l2: 0, masks: [])
        var random = Random(seed: 1)
        let report = GradientCheck.compare(analytic: analytic, reference: ReferenceObjective(network: other, x: x, y: y, objective: .sigmoid, l2: 0, masks: []),
                                           random: &random, perLayer: 100)
        #expect(report.contains { $0.maxRelativeError > GradientCheck.tolerance })
    }

    @Test func cnnSectionsRoundTrip() throws {
        var net = toyCNN(shape: Shape(height: 6, width: 5, channels: 2), classes: 3, activation: .relu)
        let sections = net.sections()
        // A CNN's header always gives its input's shape, recorded from the data or not.
        #expect(net.input.image == nil)
        net.input.image = "5x6x2"
        #expect(net.sections() == sections)
        let head = sections[0].attributes
        #expect(head["kinds"] == "conv:3,maxpool:2,conv:1,maxpool:2,flatten,dense,dense")
        #expect(head["input_image"] == "5x6x2")
        #expect(head["layers"] == "60,90,18,12,2,2,4,3")
        #expect(sections.map(\.name).filter { $0.hasSuffix(".weight") } == ["model.layer1.weight", "model.layer3.weight", "model.layer6.weight", "model.layer7.weight"])
        #expect(sections[1].rows == 3 && sections[1].cols == 18)
        let back = try Network(sections: sections)
        #expect(back == net)
        #expect(back.sections() == sections)
    }

    @Test func sameBitsWithOneAndTwoThreads() throws {
        let shape = Shape(height: 8, width: 8, channels: 1)
        let x = toyImages(rows: 64, shape: shape)
        let data = try TrainingData(x: x, y: (0..<64).map { Int32($0 % 2) }, classes: ["a", "b"])
        var options = TrainingOptions()
        options.method = .minibatch(size: 32)
        options.optimizer = .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8)
        options.epochs = 2
        options.dropout = 0.2
        let net = toyCNN(shape: shape, classes: 2, activation: .relu)
        var results: [Network] = []
        for t in [1, 2] {
            Kernels.threads = t
            defer { Kernels.threads = 1 }
            results.append(try Trainer(network: net, data: data, options: options).run().network)
        }
        #expect(results[0] == results[1])
        #expect(results[0] != net)
    }
}
