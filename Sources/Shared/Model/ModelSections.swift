// A network as stream sections:
//   @model f32 0x0 layers=784,16,1 activations=sigmoid,identity output=sigmoid classes=dress,coat
//        input_image=28x28 <training record>       (input_columns=a,b,... when train.x named its columns)
//   @model.layer1.weight f32 16x784        (out × in)
//   @model.layer1.bias f32 1x16
//   ...
//   @model.standardize.mean f32 1x784      (only when trained on standardised inputs)
//   @model.standardize.std f32 1x784
//   @model.encode f32 0x0 columns=...     (only when trained on an encoded table: ColumnEncoding)
// A network with other layers than dense ones also lists them, and gives the input's shape:
//   @model f32 0x0 layers=784,25088,6272,6272,10 activations=relu,identity,identity,identity
//       kinds=conv:3,maxpool:2,flatten,dense input_image=28x28 ...
// Layer N's sections are numbered by its place in that list; a layer without parameters has none.

//   @model.target.mean f32 1xt             (a regressor trained on standardised targets)
//   @model.target.std f32 1xt

extension Network {
    /// Attribute keys the `model` header always carries; everything else in it is the training record.
    static let structuralKeys = Set(["layers", "activations", "output", "classes", "targets", "kinds"]).union(InputSchema.keys)

    public func sections(prefix: String = "model") -> [Section] {
        var head = Attributes()
        head["layers"] = sizes.map(String.init).joined(separator: ",")
        head["activations"] = layers.map(\.activation.rawValue).joined(separator: ",")
        if !isDenseOnly { head["kinds"] = layers.map(\.descriptor).joined(separator: ",") }
        head["output"] = output.rawValue
        if !classes.isEmpty { head.setList("classes", classes) }
        if !targets.isEmpty { head.setList("targets", targets) }
        // A convolutional network cannot be rebuilt without its input's shape.
        var schema = input
        if !isDenseOnly && schema.image == nil { schema.image = inputShape.text }
        schema.write(to: &head)
        for (k, v) in training where !Network.structuralKeys.contains(k) { head[k] = v }
        var out = [Section(header: SectionHeader(name: prefix, type: .f32, rows: 0, cols: 0, attributes: head), storage: .f32([]))]
        for (i, layer) in layers.enumerated() where layer.parameterCount > 0 {
            out.append(Section(name: "\(prefix).layer\(i + 1).weight", matrix: layer.weight))
            out.append(Section(name: "\(prefix).layer\(i + 1).bias", matrix: Matrix(rows: 1, cols: layer.bias.count, data: layer.bias)))
        }
        if let s = standardization {
            out.append(Section(name: "\(prefix).standardize.mean", matrix: Matrix(rows: 1, cols: s.mean.count, data: s.mean)))
            out.append(Section(name: "\(prefix).standardize.std", matrix: Matrix(rows: 1, cols: s.std.count, data: s.std)))
        }
        if let encoding { out.append(encoding.section(name: "\(prefix).\(ColumnEncoding.sectionName)")) }
        if let t = targetStandardization {
            out.append(Section(name: "\(prefix).target.mean", matrix: Matrix(rows: 1, cols: t.mean.count, data: t.mean)))
            out.append(Section(name: "\(prefix).target.std", matrix: Matrix(rows: 1, cols: t.std.count, data: t.std)))
        }
        return out
    }

    /// True for the sections `sections(prefix:)` writes.
    public static func isModelSection(_ name: String, prefix: String = "model") -> Bool {
        name == prefix || name.hasPrefix(prefix + ".")
    }

    /// Rebuilds a network from its sections (in any order); names what is missing or inconsistent.
    public init(sections all: [Section], prefix: String = "model") throws {
        func find(_ name: String) -> Section? { all.first { $0.name == name } }
        guard let head = find(prefix) else {
            throw StreamError(line: nil, "no '\(prefix)' section: train one with nn-fit or give --model FILE")
        }
        let line = head.header.line
        func require(_ key: String) throws -> String {
            guard let v = head.attributes[key] else {
                throw StreamError(line: line, "section \(prefix) lacks the required attribute '\(key)'")
            }
            return v
        }
        let sizes = try require("layers").split(separator: ",").map { s -> Int in
            guard let n = Int(s), n > 0 else { throw StreamError(line: line, "section \(prefix): layers=\(head.attributes["layers"]!) must be positive integers") }
            return n
        }
        let acts = try require("activations").split(separator: ",").map { s -> Activation in
            guard let a = Activation(rawValue: String(s)) else {
                throw StreamError(line: line, "section \(prefix): unknown activation '\(s)', expected one of \(Activation.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return a
        }
        guard sizes.count >= 2, acts.count == sizes.count - 1 else {
            throw StreamError(line: line, "section \(prefix): layers=\(sizes.count) sizes need \(max(sizes.count - 1, 1)) activations, found \(acts.count)")
        }
        guard let output = OutputKind(rawValue: try require("output")) else {
            throw StreamError(line: line, "section \(prefix): output must be sigmoid, softmax or identity")
        }
        let classes = head.attributes.list("classes") ?? []
        let kinds = try head.attributes["kinds"].map { try Network.kinds($0, count: acts.count, line: line, prefix: prefix) }
            ?? Array(repeating: (LayerKind.dense, nil), count: acts.count)
        var shape = Shape.flat(sizes[0])
        if kinds.contains(where: { $0.0 != .dense }) {
            guard let text = head.attributes["input_image"], let s = Shape(image: text), s.count == sizes[0] else {
                throw StreamError(line: line, "section \(prefix): kinds= needs input_image=WxH (or WxHxC) giving the \(sizes[0]) inputs' shape, found \(head.attributes["input_image"].map { "input_image=\($0)" } ?? "none")")
            }
            shape = s
        }
        var layers: [any Layer] = []
        for (i, (kind, setting)) in kinds.enumerated() {
            let wName = "\(prefix).layer\(i + 1).weight", bName = "\(prefix).layer\(i + 1).bias"
            let w = find(wName), b = find(bName)
            if (w == nil) != (b == nil) || (w == nil && kind == .dense) {
                throw StreamError(line: line, "model has \(sizes.count - 1) layers but section \(w == nil ? wName : bName) is missing")
            }
            if let b, b.rows != 1 { throw StreamError(line: b.header.line, "\(bName) must be 1 row, found \(b.rows)x\(b.cols)") }
            do {
                let layer = try kind.type.read(setting: setting, input: shape, outputs: sizes[i + 1], weight: try w?.matrix() ?? Matrix(rows: 0, cols: 0),
                                               bias: try b?.matrix().data ?? [], activation: acts[i])
                layers.append(layer)
                shape = layer.output
            } catch let e as LayerError {
                // A weight or bias of the wrong shape: what the sections are, what the header needs.
                if let w, let b, e.message.hasPrefix("needs") {
                    throw StreamError(line: w.header.line, "\(wName) is \(w.rows)x\(w.cols) and its bias \(b.rows)x\(b.cols); layers=\(sizes.map(String.init).joined(separator: ",")) \(e.message)")
                }
                throw StreamError(line: w?.header.line ?? line, "\(prefix) layer \(i + 1) (\(kind.rawValue)): \(e.message)")
            }
        }
        let outUnits = sizes.last!
        switch output {
        case .sigmoid where outUnits != 1:
            throw StreamError(line: line, "section \(prefix): output=sigmoid needs 1 output unit, found \(outUnits)")
        case .softmax where outUnits < 2:
            throw StreamError(line: line, "section \(prefix): output=softmax needs at least 2 output units")
        default: break
        }
        let targets = head.attributes.list("targets") ?? []
        if output == .identity && !targets.isEmpty && targets.count != outUnits {
            throw StreamError(line: line, "section \(prefix): targets= names \(targets.count) targets but the model has \(outUnits) output units")
        }
        var targetStandardization: Standardization?
        if let m = find("\(prefix).target.mean"), let s = find("\(prefix).target.std") {
            guard output == .identity, m.cols == outUnits, s.cols == outUnits, m.rows == 1, s.rows == 1 else {
                throw StreamError(line: m.header.line, "\(prefix).target.mean/std must be 1x\(outUnits), on a model with output=identity")
            }
            targetStandardization = Standardization(mean: try m.matrix().data, std: try s.matrix().data)
        }
        var standardization: Standardization?
        if let m = find("\(prefix).standardize.mean"), let s = find("\(prefix).standardize.std") {
            guard m.cols == sizes[0], s.cols == sizes[0], m.rows == 1, s.rows == 1 else {
                throw StreamError(line: m.header.line, "\(prefix).standardize.mean/std must be 1x\(sizes[0])")
            }
            standardization = Standardization(mean: try m.matrix().data, std: try s.matrix().data)
        }
        var training = Attributes()
        for (k, v) in head.attributes where !Network.structuralKeys.contains(k) { training[k] = v }
        self.init(layers: layers, output: output, classes: classes, standardization: standardization, training: training)
        self.targets = output == .identity && targets.isEmpty ? (0..<outUnits).map { "y\($0 + 1)" } : targets
        self.targetStandardization = targetStandardization
        input = try InputSchema(model: head.attributes, inputs: sizes[0], name: prefix, line: line)
        if let e = find("\(prefix).\(ColumnEncoding.sectionName)") {
            let encoding = try ColumnEncoding(header: e.header)
            guard encoding.width == sizes[0] else {
                throw StreamError(line: e.header.line, "\(e.name) encodes \(encoding.width) features but the model has \(sizes[0]) inputs")
            }
            self.encoding = encoding
        }
    }

    /// `conv:3,maxpool:2,flatten,dense` as kinds and settings, one per layer.
    static func kinds(_ text: String, count: Int, line: Int?, prefix: String) throws -> [(LayerKind, Int?)] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        guard items.count == count else {
            throw StreamError(line: line, "section \(prefix): kinds= lists \(items.count) layers, activations= \(count)")
        }
        return try items.map { item in
            let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let kind = LayerKind(rawValue: String(parts[0])) else {
                throw StreamError(line: line, "section \(prefix): unknown layer kind '\(parts[0])', expected one of \(LayerKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard parts.count == 2 else { return (kind, nil) }
            guard let n = Int(parts[1]), n > 0 else { throw StreamError(line: line, "section \(prefix): '\(item)' needs a positive integer after ':'") }
            return (kind, n)
        }
    }
}
