// Reads the stream nn-fit trains on. Every section is passed on as it arrives (train.x and
// train.y too, for the stages downstream), except the model and loss sections that training
// replaces; what training needs is kept: features, labels and class names (or f32 targets
// and their names: a regression problem), standardisation of features and targets.

public struct TrainingInput {
    public var data: TrainingData
    /// The statistics train.x was standardised with (train.x has standardized=true and the
    /// stream carries standardize.mean/std).
    public var standardization: Standardization?
    /// train.x says standardized=true.
    public var standardized: Bool
    /// The table encoding train.x was made with (the stream's `encode` section).
    public var encoding: ColumnEncoding?
    /// The model sections that were in the stream (dropped from the output: training replaces them).
    public var modelSections: [Section]
    /// train.x's column names and image shape, for the model to record.
    public var input: InputSchema
    /// train.x's header, to check a model being continued against.
    public var xHeader: SectionHeader

    /// The shape of a training row: train.x's `image` attribute, checked against its columns.
    public func imageShape() throws -> Shape? {
        guard let image = xHeader.attributes["image"] else { return nil }
        guard let shape = Shape(image: image) else {
            throw StreamError(line: xHeader.line, "train.x: image=\(image) is not WxH or WxHxC (positive integers), as in image=28x28 or image=32x32x3")
        }
        guard shape.count == data.features else {
            throw StreamError(line: xHeader.line, "train.x: image=\(image) has \(shape.count) values but the rows have \(data.features)")
        }
        return shape
    }

    /// Reads `reader` to its end, writing everything that passes through to `writer`
    /// (without `end()`: the caller appends the model first).
    public static func read(from reader: StreamReader, passingTo writer: StreamWriter) throws -> TrainingInput {
        var xHeader: SectionHeader?, yHeader: SectionHeader?
        var features: [Float] = []
        var labels: [Int32] = []
        var targets: [Float] = []
        var mean: [Float]?, std: [Float]?
        var targetMean: [Float]?, targetStd: [Float]?
        var modelSections: [Section] = []
        var encoding: ColumnEncoding?
        while let item = try reader.next() {
            guard case .section(let h) = item else {
                if case .comment(let c) = item { try writer.comment(c) }
                continue
            }
            switch h.name {
            case "train.x":
                xHeader = h
                features.reserveCapacity(min(h.rows * h.cols, SectionHeader.reservationLimit))
                try reader.visitRows(h, copyingTo: writer) { _, row in
                    try features.reserveChecked(row.count, "section train.x")
                    features.append(contentsOf: row)
                }
            case "train.y" where h.type == .f32:
                yHeader = h
                targets.reserveCapacity(min(h.rows * h.cols, SectionHeader.reservationLimit))
                try reader.visitRows(h, copyingTo: writer) { _, row in
                    try targets.reserveChecked(row.count, "section train.y")
                    targets.append(contentsOf: row)
                }
            case "train.y":
                guard h.type == .i32, h.cols == 1 else {
                    throw StreamError(line: h.line, "train.y must be i32 labels in one column (i32 Nx1) or f32 targets (f32 Nxt), found \(h.type.rawValue) \(h.rows)x\(h.cols)")
                }
                yHeader = h
                labels.reserveCapacity(min(h.rows, SectionHeader.reservationLimit))
                try reader.visitRows(h, copyingTo: writer) { _, row in labels.append(Int32(row[0])) }
            case "standardize.mean", "standardize.std":
                var values: [Float] = []
                try reader.visitRows(h, copyingTo: writer) { _, row in values.append(contentsOf: row) }
                if h.name == "standardize.mean" { mean = values } else { std = values }
            case ColumnEncoding.sectionName:
                encoding = try ColumnEncoding(header: h)
                try reader.copy(h, to: writer)
            case "target.mean", "target.std":
                var values: [Float] = []
                try reader.visitRows(h, copyingTo: writer) { _, row in values.append(contentsOf: row) }
                if h.name == "target.mean" { targetMean = values } else { targetStd = values }
            case "loss":
                try reader.skip(h)
            default:
                if Network.isModelSection(h.name) {
                    modelSections.append(try reader.read(h))
                } else {
                    try reader.copy(h, to: writer)
                }
            }
        }
        guard let xHeader else {
            throw StreamError(line: nil, "no train.x section: nn-fit needs training rows, e.g. 'nn-data circles | nn-fit'")
        }
        guard let yHeader else {
            throw StreamError(line: nil, "no train.y section: nn-fit needs a label for each row of train.x")
        }
        let x = Matrix(rows: xHeader.rows, cols: xHeader.cols, data: features)
        var data: TrainingData
        if yHeader.type == .f32 {
            let names = yHeader.attributes.list("columns") ?? (0..<yHeader.cols).map { "y\($0 + 1)" }
            data = try TrainingData(x: x, targets: Matrix(rows: yHeader.rows, cols: yHeader.cols, data: targets), names: names,
                                    firstTargetLine: yHeader.line.map { $0 + 1 })
            if yHeader.attributes["standardized"] == "true" {
                guard let targetMean, let targetStd else {
                    throw StreamError(line: yHeader.line, "train.y says standardized=true but the stream has no target.mean and target.std to undo it with")
                }
                guard targetMean.count == yHeader.cols, targetStd.count == yHeader.cols else {
                    throw StreamError(line: nil, "target.mean/std have \(targetMean.count)/\(targetStd.count) values but train.y has \(yHeader.cols) columns")
                }
                data.targetStandardization = Standardization(mean: targetMean, std: targetStd)
            }
        } else {
            data = try TrainingData(x: x, y: labels, classes: yHeader.attributes.list("classes"),
                                    firstLabelLine: yHeader.line.map { $0 + 1 })
        }
        var standardization: Standardization?
        if xHeader.attributes["standardized"] == "true", let mean, let std {
            guard mean.count == x.cols, std.count == x.cols else {
                throw StreamError(line: nil, "standardize.mean/std have \(mean.count)/\(std.count) values but train.x has \(x.cols) columns")
            }
            standardization = Standardization(mean: mean, std: std)
        }
        if let encoding, encoding.width != x.cols {
            throw StreamError(line: nil, "the encode section makes \(encoding.width) features but train.x has \(x.cols) columns")
        }
        return TrainingInput(data: data, standardization: standardization, standardized: xHeader.attributes["standardized"] == "true",
                             encoding: encoding, modelSections: modelSections, input: InputSchema(of: xHeader.attributes), xHeader: xHeader)
    }
}
