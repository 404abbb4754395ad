// `nn-data split` on a stream: pools train.* and test.* and splits them again;
// every other section passes through in order.

public enum ResplitStream {
    public static let dataSections: Set<String> = ["train.x", "train.y", "test.x", "test.y"]
    /// The other sections that line up row for row with a set's x and y (docs/FORMAT.md).
    static let rowAligned: Set<String> = ["train.predictions", "test.predictions"]

    /// Copies `reader` to `writer` with train.x, train.y, test.x, test.y (read into memory)
    /// replaced by a new split of their pooled rows, written after everything else, and the
    /// predictions of the old split's rows dropped.
    /// Returns warnings for the user (e.g. statistics that came from the old training set).
    @discardableResult
    public static func run(_ reader: StreamReader, _ writer: StreamWriter, options: SplitOptions) throws -> [String] {
        var data: [String: Section] = [:]
        var warnings: [String] = []
        while let item = try reader.next() {
            switch item {
            case .comment(let text):
                try writer.comment(text)
            case .section(let h) where dataSections.contains(h.name):
                data[h.name] = try reader.read(h)
            case .section(let h) where rowAligned.contains(h.name):
                // Row for row with the old split's rows, which the new split reorders.
                try reader.skip(h)
                warnings.append("dropped \(h.name): its rows belonged to the old split; run nn-eval again for predictions of the new one")
            case .section(let h):
                if h.name == "standardize.mean" || h.name.hasSuffix(".standardize.mean") {
                    warnings.append("\(h.name) was computed on the old training set; split before standardize so the test rows do not leak into it")
                }
                if h.name == ColumnEncoding.sectionName {
                    warnings.append("\(h.name) (categories and fills) was learned on the old training set; give nn-data csv --test-size/--seed instead of splitting again, so the test rows do not leak into it")
                }
                try reader.copy(h, to: writer)
            }
        }
        try pooled(&data, line: reader.lineNumber).write(options, to: writer)
        return warnings
    }

    /// train rows then test rows, as one dataset; the x sections are removed from `data`
    /// as their values are moved over, so the features are never held twice.
    static func pooled(_ data: inout [String: Section], line: Int) throws -> LabelledData {
        guard let trainX = data["train.x"]?.header, let trainY = data["train.y"]?.header else {
            throw StreamError(line: line, "split needs train.x and train.y sections; found \(data.keys.sorted().joined(separator: ", "))")
        }
        var parts = ["train"]
        switch (data["test.x"], data["test.y"]) {
        case (nil, nil): break
        case (.some, .some): parts.append("test")
        default: throw StreamError(line: line, "the stream has only one of test.x and test.y")
        }
        var classes = trainY.attributes.list("classes")
        var labels: [Int32] = []
        for part in parts {
            let x = data[part + ".x"]!.header, y = data[part + ".y"]!
            guard y.rows == x.rows else {
                throw StreamError(line: y.header.line, "\(y.name) has \(y.rows) rows, \(x.name) has \(x.rows)")
            }
            guard x.cols == trainX.cols else {
                throw StreamError(line: x.line, "\(x.name) has \(x.cols) columns, train.x has \(trainX.cols)")
            }
            guard x.type != .i32 else { throw StreamError(line: x.line, "\(x.name) holds i32 values; features are f32 or u8") }
            guard x.attributes["standardized"] == trainX.attributes["standardized"] else {
                throw StreamError(line: x.line, "\(x.name) and train.x disagree on standardized=")
            }
            let names = y.attributes.list("classes")
            if classes == nil { classes = names }
            guard names == nil || names == classes else {
                throw StreamError(line: y.header.line, "\(y.name) has classes=\(names!.joined(separator: ",")), train.y has \(classes!.joined(separator: ","))")
            }
            labels += try y.labels()
        }
        let k = classes?.count ?? Int(labels.max().map { $0 + 1 } ?? 0)
        if let bad = labels.first(where: { $0 < 0 || Int($0) >= k }) {
            throw StreamError(line: nil, "label \(bad) is outside 0..\(k - 1) (classes=\((classes ?? []).joined(separator: ",")))")
        }
        // u8 stays u8 when every part has the same scale; anything else pools as f32.
        let sameBytes = parts.allSatisfy { data[$0 + ".x"]!.header.type == .u8 && data[$0 + ".x"]!.attributes["scale"] == trainX.attributes["scale"] }
        var attributes = trainX.attributes
        if !sameBytes { attributes["scale"] = nil }
        var bytes: [UInt8] = [], values: [Float] = []
        if sameBytes { bytes.reserveCapacity(labels.count * trainX.cols) } else { values.reserveCapacity(labels.count * trainX.cols) }
        for part in parts {
            let x = data.removeValue(forKey: part + ".x")!
            if sameBytes, case .u8(let v) = x.storage { bytes += v } else { values += try x.matrix().data }
        }
        return LabelledData(features: sameBytes ? .u8(bytes) : .f32(values), rows: labels.count, cols: trainX.cols,
                            featureAttributes: attributes, labels: labels, classes: classes ?? (0..<k).map(String.init))
    }
}
