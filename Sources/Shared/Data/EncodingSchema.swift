// `nn-data csv --schema FILE`: the encoding (and class names) a model or a stream was made
// with, so new raw rows are encoded exactly as the training rows were.

extension ColumnEncoding {
    /// The encoding in FILE: a model's `model.encode`, or a stream's `encode`; with the class
    /// names of its `model` header (or, in a stream without a model, of `train.y`).
    public static func schema(file path: String) throws -> (encoding: ColumnEncoding, classes: [String]?) {
        do {
            let reader = try StreamReader.open(path: path)
            var encoding: ColumnEncoding?, modelEncoding: ColumnEncoding?
            var modelClasses: [String]?, trainClasses: [String]?
            while let item = try reader.next() {
                guard case .section(let h) = item else { continue }
                switch h.name {
                case sectionName: encoding = try ColumnEncoding(header: h)
                case "model." + sectionName: modelEncoding = try ColumnEncoding(header: h)
                case "model": modelClasses = h.attributes.list("classes")
                case "train.y": trainClasses = h.attributes.list("classes")
                default: break
                }
                try reader.skip(h)
            }
            if let modelEncoding { return (modelEncoding, modelClasses.flatMap { $0.isEmpty ? nil : $0 }) }
            if let encoding { return (encoding, trainClasses) }
            throw InputFileError(path: path, line: nil, detail: "holds no encode or model.encode section: only a stream from nn-data csv --categorical/--impute/--missing-indicator, or a model trained on one, has the encoding --schema takes")
        } catch let e as StreamError {
            throw InputFileError(path: path, line: e.line, detail: e.detail)
        }
    }
}
