// The ONNX export, serialised and parsed back with the generated types: the graph's structure,
// its initializers (the model's weights, bit for bit), and its numbers on a hand-worked net,
// computed by a small interpreter of the operators the exporter uses. onnxruntime checks the
// same files on real models in the end-to-end tests (ONNXRuntimeTests).
import Foundation
import Testing
import ONNXProto
@testable import ONNXExport
import Shared

struct ONNXExportTests {
    /// 2 inputs, 2 tanh hidden units, one sigmoid output, with a standardisation: small enough
    /// to work by hand (see `handWorkedProbability`).
    static let small = Network(
        layers: [
            Dense(weight: Matrix(rows: 2, cols: 2, data: [0.5, -1, 2, 0.25]), bias: [0.1, -0.2], activation: .tanh),
            Dense(weight: Matrix(rows: 1, cols: 2, data: [1.5, -0.75]), bias: [0.3], activation: .identity),
        ],
        output: .sigmoid, classes: ["no", "yes, \"really\""],
        standardization: Standardization(mean: [1, 2], std: [2, 0.5]))

    /// The parsed-back form of what the exporter writes.
    static func roundTrip(_ network: Network) throws -> Onnx_ModelProto {
        try Onnx_ModelProto(serializedBytes: try ONNXExport.serialized(network))
    }

    @Test func headerNamesOpsetInputAndOutput() throws {
        let m = try Self.roundTrip(Self.small)
        #expect(m.irVersion == 7)
        #expect(m.opsetImport.count == 1 && m.opsetImport[0].domain == "" && m.opsetImport[0].version == 13)
        #expect(m.producerName == "nn")
        #expect(m.metadataProps.map(\.key) == ["classes"])
        #expect(m.metadataProps[0].value == #"["no", "yes, \"really\""]"#)
        let g = m.graph
        #expect(g.input.map(\.name) == ["input"])
        #expect(g.output.map(\.name) == ["probabilities"])
        for (info, cols) in [(g.input[0], 2), (g.output[0], 2)] {
            let t = info.type.tensorType
            #expect(t.elemType == 1)   // FLOAT
            #expect(t.shape.dim.count == 2)
            #expect(t.shape.dim[0].dimParam == "N")
            #expect(t.shape.dim[1].dimValue == Int64(cols))
        }
    }

    @Test func metadataCarriesTheInputSchema() throws {
        var net = Self.small
        net.input = InputSchema(columns: ["height, cm", "weight"], image: nil)
        let m = try Self.roundTrip(net)
        #expect(m.metadataProps.map(\.key) == ["classes", "input_columns"])
        #expect(m.metadataProps[1].value == #"["height, cm", "weight"]"#)
        net.input = InputSchema(columns: nil, image: "2x1")
        #expect(try Self.roundTrip(net).metadataProps.map { "\($0.key)=\($0.value)" }.last == "input_image=2x1")
    }

    @Test func nodesFollowTheModelInOrder() throws {
        let g = try Self.roundTrip(Self.small).graph
        #expect(g.node.map(\.opType) == ["Sub", "Div", "Gemm", "Tanh", "Gemm", "Neg", "Concat", "Sigmoid"])
        #expect(g.node.map { $0.input } == [
            ["input", "standardize.mean"], ["standardize.centred", "standardize.std"],
            ["standardized", "layer1.weight", "layer1.bias"], ["layer1.z"],
            ["layer1.tanh", "layer2.weight", "layer2.bias"], ["layer2.z"], ["output.negated", "layer2.z"], ["output.logits"],
        ])
        #expect(g.node.last!.output == ["probabilities"])
        let gemm = g.node[2]
        #expect(gemm.attribute.map(\.name) == ["transB"] && gemm.attribute[0].i == 1)
        #expect(g.node[6].attribute.map(\.name) == ["axis"] && g.node[6].attribute[0].i == 1)
    }

    @Test func initializersHoldTheWeightsExactly() throws {
        let net = toyNetwork(inputs: 7, hidden: [5, 4], activation: .relu, classes: 3)
        let g = try Self.roundTrip(net).graph
        let byName = Dictionary(uniqueKeysWithValues: g.initializer.map { ($0.name, $0) })
        #expect(byName.count == 6)
        for (i, layer) in net.layers.enumerated() {
            let w = try #require(byName["layer\(i + 1).weight"]), b = try #require(byName["layer\(i + 1).bias"])
            #expect(w.dims == [Int64(layer.weight.rows), Int64(layer.weight.cols)])
            #expect(w.dataType == 1 && b.dataType == 1)
            #expect(w.floatData.map(\.bitPattern) == layer.weight.data.map(\.bitPattern))
            #expect(b.dims == [Int64(layer.bias.count)])
            #expect(b.floatData.map(\.bitPattern) == layer.bias.map(\.bitPattern))
        }
        // No standardisation: the rows go straight into the first Gemm; softmax over the classes.
        #expect(g.node.map(\.opType) == ["Gemm", "Relu", "Gemm", "Relu", "Gemm", "Softmax"])
        #expect(g.node[0].input[0] == "input")
        #expect(g.node.last!.attribute.map(\.name) == ["axis"] && g.node.last!.attribute[0].i == 1)
        #expect(g.output[0].type.tensorType.shape.dim[1].dimValue == 3)
    }

    /// Row (3, 1): standardised (1, −2); hidden z = (0.5·1 − 1·(−2) + 0.1, 2·1 + 0.25·(−2) − 0.2)
    /// = (2.6, 1.3); a = (tanh 2.6, tanh 1.3) = (0.989027, 0.861723); logit 1.5·0.989027 −
    /// 0.75·0.861723 + 0.3 = 1.137249; σ = 0.757174 (tanh and exp from Python's math module).
    @Test func theGraphComputesTheHandWorkedProbabilities() throws {
        let m = try Self.roundTrip(Self.small)
        let p = try MiniInterpreter(m.graph).run(rows: [[3, 1]])
        #expect(p.count == 1 && p[0].count == 2)
        #expect(abs(p[0][1] - 0.757174) < 2e-6, "\(p)")
        #expect(abs(p[0][0] - (1 - 0.757174)) < 2e-6, "\(p)")
    }

    @Test func softmaxGraphMatchesTheNetworkOnRandomRows() throws {
        var net = toyNetwork(inputs: 6, hidden: [5], activation: .sigmoid, classes: 4)
        net.standardization = Standardization(mean: [0.5, -1, 2, 0, 0.25, 3], std: [1, 2, 0.5, 1, 4, 1])
        let rows: [[Float]] = (0..<5).map { r in (0..<6).map { c in Float((r * 7 + c * 3) % 11) / 3 - 1.5 } }
        let p = try MiniInterpreter(try Self.roundTrip(net).graph).run(rows: rows)
        let x = net.standardization!.apply(Matrix(rows: 5, cols: 6, data: rows.flatMap { $0 }))
        let z = net.logits(x)
        for r in 0..<5 {
            let logits = (0..<4).map { Double(z.data[r * 4 + $0]) }
            let e = logits.map { exp($0 - logits.max()!) }
            for c in 0..<4 { #expect(abs(p[r][c] - e[c] / e.reduce(0, +)) < 1e-6) }
        }
    }

    @Test func writeGoesThroughAtomicFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("onnx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("m.onnx").path
        try ONNXExport.write(Self.small, to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try Onnx_ModelProto(serializedBytes: bytes) == (try Self.roundTrip(Self.small)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m.onnx"])
    }
}

/// A deterministic network with the given shape (weights from a fixed formula).
func toyNetwork(inputs: Int, hidden: [Int], activation: Activation, classes: Int) -> Network {
    let sizes = [inputs] + hidden + [classes == 2 ? 1 : classes]
    var layers: [Dense] = []
    for i in 0..<(sizes.count - 1) {
        let (n, m) = (sizes[i + 1], sizes[i])
        let w = (0..<(n * m)).map { Float(($0 * 37 + i * 11) % 17) / 8 - 1 }
        let b = (0..<n).map { Float(($0 * 5 + i) % 7) / 10 - 0.3 }
        layers.append(Dense(weight: Matrix(rows: n, cols: m, data: w), bias: b, activation: i == sizes.count - 2 ? .identity : activation))
    }
    return Network(layers: layers, output: classes == 2 ? .sigmoid : .softmax, classes: (0..<classes).map { "c\($0)" })
}

/// Evaluates the operators the exporter uses, in Float64, row by row, from the parsed graph
/// alone (initializers by name, nodes in order): an independent reading of what was written.
struct MiniInterpreter {
    let graph: Onnx_GraphProto
    init(_ graph: Onnx_GraphProto) { self.graph = graph }

    struct Unsupported: Error { var op: String }

    func run(rows: [[Float]]) throws -> [[Double]] {
        try rows.map { row in
            // Every value is a matrix [rows][cols]; one input row at a time.
            var values: [String: [[Double]]] = [graph.input[0].name: [row.map(Double.init)]]
            for t in graph.initializer {
                let v = t.floatData.map(Double.init)
                values[t.name] = t.dims.count == 2 ? (0..<Int(t.dims[0])).map { r in Array(v[(r * Int(t.dims[1]))..<((r + 1) * Int(t.dims[1]))]) } : [v]
            }
            for n in graph.node {
                let a = values[n.input[0]]!
                let out: [[Double]]
                func elementwise(_ f: (Double, Double) -> Double) -> [[Double]] {
                    let b = values[n.input[1]]!
                    return a.enumerated().map { r, xs in xs.enumerated().map { c, x in f(x, b[min(r, b.count - 1)][c]) } }
                }
                switch n.opType {
                case "Sub": out = elementwise(-)
                case "Div": out = elementwise(/)
                case "Gemm":
                    let w = values[n.input[1]]!, b = values[n.input[2]]![0]
                    out = a.map { x in w.enumerated().map { j, wj in zip(x, wj).map(*).reduce(0, +) + b[j] } }
                case "Sigmoid": out = a.map { $0.map { 1 / (1 + exp(-$0)) } }
                case "Tanh": out = a.map { $0.map { tanh($0) } }
                case "Relu": out = a.map { $0.map { max($0, 0) } }
                case "Neg": out = a.map { $0.map { -$0 } }
                case "Concat": out = a.indices.map { r in n.input.flatMap { values[$0]![r] } }
                case "Softmax":
                    out = a.map { z in
                        let e = z.map { exp($0 - z.max()!) }
                        return e.map { $0 / e.reduce(0, +) }
                    }
                default: throw Unsupported(op: n.opType)
                }
                values[n.output[0]] = out
            }
            return values[graph.output[0].name]![0]
        }
    }
}
