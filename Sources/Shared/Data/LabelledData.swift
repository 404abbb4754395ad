// A labelled dataset in memory (features and class labels 0..k-1), and how it goes
// into a stream as train.x, train.y, test.x, test.y.

public struct LabelledData: Sendable {
    /// Row-major features: `.f32`, or `.u8` standing for byte × `scale` (see `featureAttributes`).
    public var features: Storage
    public var rows: Int
    public var cols: Int
    /// Attributes of the x sections: `columns=`, `scale=`, `image=`.
    public var featureAttributes: Attributes
    /// One label per row, in 0..<classes.count.
    public var labels: [Int32]
    /// Class names in label order.
    public var classes: [String]

    public init(features: Storage, rows: Int, cols: Int, featureAttributes: Attributes = Attributes(),
                labels: [Int32], classes: [String]) {
        precondition(features.count == rows * cols && labels.count == rows, "LabelledData: shapes disagree")
        precondition(features.elementType != .i32, "LabelledData: features are f32 or u8")
        self.features = features
        self.rows = rows
        self.cols = cols
        self.featureAttributes = featureAttributes
        self.labels = labels
        self.classes = classes
    }

    public init(features m: Matrix, columns: [String]? = nil, labels: [Int32], classes: [String]) {
        var attributes = Attributes()
        if let columns { attributes.setList("columns", columns) }
        self.init(features: .f32(m.data), rows: m.rows, cols: m.cols, featureAttributes: attributes, labels: labels, classes: classes)
    }

    /// The largest --noise, --cluster-std or --center-box coordinate a generator takes: its rows
    /// are f32 (the stream holds finite numbers only), and a centre of 1e36 plus 100 standard
    /// deviations of 1e36 stays below Float32's 3.4e38.
    public static let largestGeneratorParameter = 1e36

    /// The features as Float32 (u8 times its scale).
    public func matrix() throws -> Matrix {
        try Section(header: SectionHeader(name: "x", type: features.elementType, rows: rows, cols: cols, attributes: featureAttributes),
                    storage: features).matrix()
    }

    /// Splits with `options` and writes the four sections.
    public func write(_ options: SplitOptions, to writer: StreamWriter) throws {
        let split = try TrainTestSplit(labels: labels, classCount: classes.count, options: options)
        try write(train: split.train, test: split.test, to: writer)
    }

    /// Writes train.x, train.y, test.x, test.y with the rows at the given indices, in that order.
    /// Rows go from this dataset's storage straight to the writer: nothing is copied.
    public func write(train: [Int], test: [Int], to writer: StreamWriter) throws {
        for (prefix, indices) in [("train", train), ("test", test)] {
            try writeFeatures("\(prefix).x", indices, to: writer)
            var yAttributes = Attributes()
            yAttributes.setList("classes", classes)
            try writer.write(Section(name: "\(prefix).y", labels: indices.map { labels[$0] }, attributes: yAttributes))
        }
    }

    private func writeFeatures(_ name: String, _ indices: [Int], to writer: StreamWriter) throws {
        try writer.writeHeader(SectionHeader(name: name, type: features.elementType, rows: indices.count, cols: cols,
                                             attributes: featureAttributes))
        switch features {
        case .f32(let v):
            try v.withUnsafeBufferPointer { b in
                for i in indices { try writer.writeRow(UnsafeBufferPointer(rebasing: b[(i * cols)..<((i + 1) * cols)])) }
            }
        case .u8(let v):
            try v.withUnsafeBufferPointer { b in
                for i in indices { try writer.writeRow(UnsafeBufferPointer(rebasing: b[(i * cols)..<((i + 1) * cols)])) }
            }
        case .i32:
            preconditionFailure("LabelledData: i32 features")
        }
    }
}

/// How every data source splits its rows: `--test-size`, `--seed`, `--stratify`.
public struct SplitOptions: Equatable, Sendable {
    /// The fraction of rows for the test set, 0...1.
    public var testSize: Double
    public var seed: UInt64
    /// Keep each class's share the same in train and test.
    public var stratify: Bool

    public init(testSize: Double = 0.2, seed: UInt64 = 42, stratify: Bool = false) {
        self.testSize = testSize
        self.seed = seed
        self.stratify = stratify
    }
}
