// A Network as an ONNX model (docs/ONNX.md): raw float32 rows [N, d] in ("input"), class
// probabilities [N, k] out ("probabilities"), with the model's standardisation and output in
// the graph. Opset 13 (IR version 7), which every onnxruntime since 1.6 reads.
//
//   input ─ Sub(mean) ─ Div(std) ─ Gemm(W1, b1, transB) ─ Sigmoid/Tanh/Relu ─ … ─ Gemm(Wn, bn) ─ output head
//
// Each piece maps to nodes in one place: the standardisation in `standardize`, a layer in
// `Dense.addNodes`, its activation in `Activation.onnxOperator`, the output in `OutputKind.addNodes`.
// A model part with no mapping makes `ONNXExport.model` throw instead of writing a wrong graph.
import Shared
import ONNXProto
import SwiftProtobuf

public enum ONNXExport {
    /// The default-domain operator set the graph uses: Softmax's single-axis form is opset 13's.
    public static let opset: Int64 = 13
    /// The IR version that goes with opset 13 (ONNX 1.8).
    public static let irVersion: Int64 = 7
    /// The graph's input: raw float32 rows, shape [N, d] with N dynamic (named "N").
    public static let inputName = "input"
    /// The graph's output: float32 class probabilities [N, k], column c is P(class c); two
    /// classes give two columns, as nn-eval's test.predictions.
    public static let outputName = "probabilities"
    /// A regressor's output instead: float32 predicted values [N, t] in the targets' original
    /// units, column j is target j (metadata `targets`).
    public static let valuesName = "values"

    /// The ONNX model for `network`; throws an `ONNXExportError` for a model it cannot express.
    public static func model(_ network: Network) throws -> Onnx_ModelProto {
        var g = GraphBuilder()
        var x = inputName
        if let s = network.standardization { x = g.standardize(x, s) }
        var layout = TensorLayout.rows
        for (i, layer) in network.layers.enumerated() {
            let name = "layer\(i + 1)"
            switch layer {
            case let dense as Dense:
                x = try dense.addNodes(to: &g, input: g.asRows(x, layout, name: name), name: name)
                layout = .rows
            case let conv as Convolution:
                x = conv.addNodes(to: &g, input: g.asImages(x, layout, conv.input, name: name), name: name)
                layout = .images(conv.output)
            case let pool as MaxPooling:
                x = pool.addNodes(to: &g, input: g.asImages(x, layout, pool.input, name: name), name: name)
                layout = .images(pool.output)
            case is Flatten:
                x = g.asRows(x, layout, name: name)
                layout = .rows
            default:
                // A layer kind added to nn without a mapping here: refused, never written wrong.
                throw ONNXExportError("ONNX export of \(layer.kind.rawValue) layers is not supported yet; save the model as an nn-stream (--save FILE.nn) instead")
            }
        }
        let regressor = network.output == .identity
        let output = regressor ? valuesName : outputName
        try network.output.addNodes(to: &g, logits: x, output: output, targets: network.targetStandardization)

        g.graph.name = "nn"
        g.graph.docString = "nn model \(network.sizes.map(String.init).joined(separator: "-")), \(network.output.rawValue) output; input: raw rows, output: \(regressor ? "predicted values" : "class probabilities")"
        g.graph.input = [tensorInfo(inputName, columns: network.inputs)]
        g.graph.output = [tensorInfo(output, columns: regressor ? network.sizes.last! : network.classes.count)]

        var m = Onnx_ModelProto()
        m.irVersion = irVersion
        var op = Onnx_OperatorSetIdProto()
        op.domain = ""
        op.version = opset
        m.opsetImport = [op]
        m.producerName = "nn"
        m.producerVersion = Provenance.version
        m.graph = g.graph
        // The class names in label order (output column c is classes[c]) and the input's column
        // names, as JSON arrays; the image shape (`28x28`) as it is in the model header.
        m.metadataProps = [regressor ? entry("targets", jsonArray(network.targets)) : entry("classes", jsonArray(network.classes))]
        if let columns = network.input.columns { m.metadataProps.append(entry("input_columns", jsonArray(columns))) }
        if let image = network.input.image { m.metadataProps.append(entry("input_image", image)) }
        return m
    }

    /// The model's bytes, as an .onnx file holds them.
    public static func serialized(_ network: Network) throws -> [UInt8] {
        try model(network).serializedBytes()
    }

    /// Writes the ONNX file whole or not at all (AtomicFile).
    public static func write(_ network: Network, to path: String) throws {
        let bytes = try serialized(network)
        try AtomicFile.write(path) { out in
            out.buffer.append(contentsOf: bytes)
            try out.flush()
        }
    }

    /// A float32 tensor [N, columns] with N dynamic.
    static func tensorInfo(_ name: String, columns: Int) -> Onnx_ValueInfoProto {
        var rows = Onnx_TensorShapeProto.Dimension()
        rows.dimParam = "N"
        var cols = Onnx_TensorShapeProto.Dimension()
        cols.dimValue = Int64(columns)
        var tensor = Onnx_TypeProto.Tensor()
        tensor.elemType = Onnx_TensorProto.DataType.float.rawValue32
        tensor.shape.dim = [rows, cols]
        var info = Onnx_ValueInfoProto()
        info.name = name
        info.type.tensorType = tensor
        return info
    }

    static func jsonArray(_ items: [String]) -> String {
        "[" + items.map(MetricsJSON.string).joined(separator: ", ") + "]"
    }

    static func entry(_ key: String, _ value: String) -> Onnx_StringStringEntryProto {
        var e = Onnx_StringStringEntryProto()
        e.key = key
        e.value = value
        return e
    }
}

/// A model that has a part ONNX export cannot express (exit 69: the export is unavailable for
/// this model, though the model itself is fine).
public struct ONNXExportError: UserFacingError {
    public var message: String
    public var exitCode: Int32 { ExitCode.unavailable }
    public init(_ message: String) { self.message = message }
}

/// Nodes and initializers in graph order; every value gets a readable, unique name.
struct GraphBuilder {
    var graph = Onnx_GraphProto()

    /// A float32 constant; returns its name.
    @discardableResult
    mutating func constant(_ name: String, dims: [Int], _ values: [Float]) -> String {
        precondition(dims.reduce(1, *) == values.count)
        var t = Onnx_TensorProto()
        t.name = name
        t.dims = dims.map(Int64.init)
        t.dataType = Onnx_TensorProto.DataType.float.rawValue32
        t.floatData = values
        graph.initializer.append(t)
        return name
    }

    /// Appends `op(inputs) → output`; returns the output's name.
    @discardableResult
    mutating func node(_ op: String, _ inputs: [String], _ output: String, _ attributes: [Onnx_AttributeProto] = []) -> String {
        var n = Onnx_NodeProto()
        n.opType = op
        n.name = output
        n.input = inputs
        n.output = [output]
        n.attribute = attributes
        graph.node.append(n)
        return output
    }

    static func int(_ name: String, _ value: Int64) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .int
        a.i = value
        return a
    }

    /// x' = (x − mean) / std, as Standardization.apply does it in float32 (a subtraction, then a
    /// division, by [1, d] constants broadcast over the rows).
    mutating func standardize(_ x: String, _ s: Standardization) -> String {
        let mean = constant("standardize.mean", dims: [1, s.mean.count], s.mean)
        let std = constant("standardize.std", dims: [1, s.std.count], s.std)
        let centred = node("Sub", [x, mean], "standardize.centred")
        return node("Div", [centred, std], "standardized")
    }
}

extension Dense {
    /// z = x Wᵀ + b as one Gemm (W stays out × in, transB = 1), then the activation if any.
    func addNodes(to g: inout GraphBuilder, input: String, name: String) throws -> String {
        let w = g.constant("\(name).weight", dims: [outputs, inputs], weight.data)
        let b = g.constant("\(name).bias", dims: [outputs], bias)
        let z = g.node("Gemm", [input, w, b], "\(name).z", [GraphBuilder.int("transB", 1)])
        guard let op = activation.onnxOperator else { return z }
        return g.node(op, [z], "\(name).\(activation.rawValue)")
    }
}

extension Activation {
    /// The ONNX operator computing this activation elementwise; nil for identity (no node).
    var onnxOperator: String? {
        switch self {
        case .sigmoid: return "Sigmoid"
        case .tanh: return "Tanh"
        case .relu: return "Relu"
        case .identity: return nil
        }
    }
}

extension OutputKind {
    /// From the last layer's logits to the graph's output.
    ///   sigmoid: one logit z → [σ(−z), σ(z)] (Neg, Concat, Sigmoid), as nn-eval writes P(class 0), P(class 1);
    ///   softmax: k logits → Softmax over axis 1;
    ///   identity (a regressor): the outputs, times the target std plus the target mean (Mul,
    ///   Add) when it was trained on standardised targets.
    func addNodes(to g: inout GraphBuilder, logits z: String, output: String, targets: Standardization?) throws {
        switch self {
        case .identity:
            guard let t = targets else { g.node("Identity", [z], output); return }
            let std = g.constant("target.std", dims: [t.std.count], t.std)
            let mean = g.constant("target.mean", dims: [t.mean.count], t.mean)
            let scaled = g.node("Mul", [z, std], "output.scaled")
            g.node("Add", [scaled, mean], output)
        case .sigmoid:
            let negated = g.node("Neg", [z], "output.negated")
            let both = g.node("Concat", [negated, z], "output.logits", [GraphBuilder.int("axis", 1)])
            g.node("Sigmoid", [both], output)
        case .softmax:
            g.node("Softmax", [z], output, [GraphBuilder.int("axis", 1)])
        }
    }
}

extension Onnx_TensorProto.DataType {
    /// The enum's value as the int32 fields (data_type, elem_type) hold it.
    var rawValue32: Int32 { Int32(rawValue) }
}
