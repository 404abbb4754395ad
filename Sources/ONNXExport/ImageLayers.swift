// Convolution, max pooling and flattening as ONNX nodes. nn's rows hold an image pixel by pixel
// with the channels of a pixel next to each other (height × width × channels); ONNX's Conv and
// MaxPool take [N, C, H, W]. So rows become images (Reshape, Transpose) before the first of these
// layers, and images become rows again (Transpose, Reshape) before a flattening or a dense layer,
// which keeps every dense layer's weights in nn's own column order.
import ONNXProto
import Shared

/// What the graph's running value holds: nn's rows [N, d], or images [N, C, H, W].
enum TensorLayout {
    case rows
    case images(Shape)
}

extension GraphBuilder {
    /// An int64 constant (a shape, for Reshape); returns its name.
    mutating func int64Constant(_ name: String, _ values: [Int64]) -> String {
        var t = Onnx_TensorProto()
        t.name = name
        t.dims = [Int64(values.count)]
        t.dataType = Onnx_TensorProto.DataType.int64.rawValue32
        t.int64Data = values
        graph.initializer.append(t)
        return name
    }

    static func ints(_ name: String, _ values: [Int64]) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .ints
        a.ints = values
        return a
    }

    /// Rows [N, H·W·C] (channels fastest) → images [N, C, H, W].
    mutating func images(_ x: String, _ s: Shape, name: String) -> String {
        let shape = int64Constant("\(name).image_shape", [-1, Int64(s.height), Int64(s.width), Int64(s.channels)])
        let nhwc = node("Reshape", [x, shape], "\(name).nhwc")
        return node("Transpose", [nhwc], "\(name).nchw", [GraphBuilder.ints("perm", [0, 3, 1, 2])])
    }

    /// Images [N, C, H, W] → rows [N, H·W·C] (channels fastest), as nn's layers read them.
    mutating func rows(_ x: String, _ s: Shape, name: String) -> String {
        let nhwc = node("Transpose", [x], "\(name).nhwc", [GraphBuilder.ints("perm", [0, 2, 3, 1])])
        let shape = int64Constant("\(name).row_shape", [-1, Int64(s.count)])
        return node("Reshape", [nhwc, shape], "\(name).rows")
    }

    /// The layer's input as images, converting rows when that is what `layout` holds.
    mutating func asImages(_ x: String, _ layout: TensorLayout, _ input: Shape, name: String) -> String {
        if case .images = layout { return x }
        return images(x, input, name: name)
    }

    /// The layer's input as rows, converting images when that is what `layout` holds.
    mutating func asRows(_ x: String, _ layout: TensorLayout, name: String) -> String {
        guard case .images(let s) = layout else { return x }
        return rows(x, s, name: name)
    }
}

extension Convolution {
    /// Conv with "same" padding and stride 1, then the activation. nn keeps a kernel as a row
    /// of out × (K·K·in) ordered kernel row, kernel column, input channel; ONNX wants
    /// [out, in, K, K], so the weights are permuted here.
    func addNodes(to g: inout GraphBuilder, input x: String, name: String) -> String {
        let (k, cin, cout) = (kernel, input.channels, channels)
        var w = [Float](repeating: 0, count: cout * cin * k * k)
        for o in 0..<cout {
            for c in 0..<cin {
                for ky in 0..<k {
                    for kx in 0..<k { w[((o * cin + c) * k + ky) * k + kx] = weight[o, (ky * k + kx) * cin + c] }
                }
            }
        }
        let wName = g.constant("\(name).weight", dims: [cout, cin, k, k], w)
        let bName = g.constant("\(name).bias", dims: [cout], bias)
        let pad = Int64(k / 2)
        let z = g.node("Conv", [x, wName, bName], "\(name).z", [
            GraphBuilder.ints("kernel_shape", [Int64(k), Int64(k)]), GraphBuilder.ints("pads", [pad, pad, pad, pad]),
            GraphBuilder.ints("strides", [1, 1]),
        ])
        guard let op = activation.onnxOperator else { return z }
        return g.node(op, [z], "\(name).\(activation.rawValue)")
    }
}

extension MaxPooling {
    /// MaxPool over size × size windows with stride size; a last row or column that does not
    /// fill a window is dropped, as nn drops it (ONNX's default, ceil_mode 0).
    func addNodes(to g: inout GraphBuilder, input x: String, name: String) -> String {
        let p = Int64(size)
        return g.node("MaxPool", [x], "\(name).pooled", [GraphBuilder.ints("kernel_shape", [p, p]), GraphBuilder.ints("strides", [p, p])])
    }
}
