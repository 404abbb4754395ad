// The convolutional part of a network as nn-fit's --conv and --pool give it: each entry a
// K×K convolution to C channels (stride 1, same padding), then the activation, then P×P max
// pooling (none when P is 1); a flattening ends it, and the dense layers follow.

public struct Architecture: Equatable, Sendable {
    public struct Conv: Equatable, Sendable {
        public var channels: Int
        public var kernel: Int
        public init(channels: Int, kernel: Int) {
            self.channels = channels
            self.kernel = kernel
        }
    }

    public var convolutions: [Conv]
    public var pool: Int

    public init(convolutions: [Conv] = [], pool: Int = 2) {
        self.convolutions = convolutions
        self.pool = pool
    }

    /// `32:3,64:3`: channels:kernel per convolution; nil with the reason when malformed.
    public static func parse(_ text: String) -> Result<[Conv], LayerError> {
        var out: [Conv] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let c = Int(parts[0]), let k = Int(parts[1]) else {
                return .failure(LayerError("'\(item)' is not C:K (output channels:kernel size), as in --conv 32:3,64:3"))
            }
            guard c > 0, c <= 1 << 16 else { return .failure(LayerError("'\(item)': the channels must be between 1 and 65536")) }
            guard k > 0, k % 2 == 1, k <= 99 else { return .failure(LayerError("'\(item)': the kernel size must be odd (1, 3, 5, ...; same padding), at most 99")) }
            out.append(Conv(channels: c, kernel: k))
        }
        return .success(out)
    }

    /// `32:3,64:3`, as --conv takes it.
    public var text: String { convolutions.map { "\($0.channels):\($0.kernel)" }.joined(separator: ",") }

    /// The layers for an input of this shape (none without convolutions).
    public func layers(input: Shape, activation: Activation) -> [any Layer] {
        guard !convolutions.isEmpty else { return [] }
        var layers: [any Layer] = []
        var shape = input
        for c in convolutions {
            let conv = Convolution(input: shape, channels: c.channels, kernel: c.kernel, activation: activation)
            layers.append(conv)
            shape = conv.output
            if pool > 1 {
                let p = MaxPooling(input: shape, size: pool)
                layers.append(p)
                shape = p.output
            }
        }
        layers.append(Flatten(input: shape))
        return layers
    }

    /// The shape the convolutions and their pooling leave of an input of this shape.
    public func outputShape(input: Shape) -> Shape {
        var shape = input
        for c in convolutions {
            shape.channels = c.channels
            if pool > 1 { shape = Shape(height: shape.height / pool, width: shape.width / pool, channels: shape.channels) }
        }
        return shape
    }

    /// Why these layers cannot take an input of this shape (a kernel larger than the image, pooling
    /// down to nothing), or nil.
    public func problem(input: Shape) -> String? {
        var shape = input
        for (i, c) in convolutions.enumerated() {
            if c.kernel > shape.width || c.kernel > shape.height {
                return "--conv: convolution \(i + 1)'s \(c.kernel)x\(c.kernel) kernel is larger than its \(shape.width)x\(shape.height) input" + (i > 0 ? " (after pooling)" : "")
            }
            if pool > 1 {
                shape = MaxPooling(input: shape, size: pool).output
                if shape.width == 0 || shape.height == 0 {
                    return "--pool \(pool) after convolution \(i + 1) leaves no pixels (its input is \(shape.width * pool)x\(shape.height * pool) or smaller); use fewer convolutions or --pool 1"
                }
            }
        }
        return nil
    }

    /// The convolutional part of a network (to compare with --conv when training it further).
    public init(of network: Network) {
        var convs: [Conv] = []
        var pool = 1
        for layer in network.layers {
            if let c = layer as? Convolution { convs.append(Conv(channels: c.channels, kernel: c.kernel)) }
            if let p = layer as? MaxPooling { pool = p.size }
        }
        self.init(convolutions: convs, pool: convs.isEmpty ? 2 : pool)
    }
}
