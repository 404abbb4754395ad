// Applying a model to the rows of an x section, a batch of rows at a time: from a section
// held in memory, or from the stream as its rows arrive (nothing of x is held but a batch).
// The model's standardisation is applied unless x is marked standardized=true.

struct BatchPredictor {
    static let batchRows = 256

    let network: Network
    let header: SectionHeader
    let standardization: Standardization?
    /// A classifier's class probabilities.
    private(set) var predictions: Predictions
    /// A regressor's predicted values, n × t, in the targets' original units.
    private(set) var values: [Float] = []
    private var done = 0

    init(_ network: Network, _ x: SectionHeader) throws {
        let layers = "layers=" + network.sizes.map(String.init).joined(separator: ",")
        guard x.cols == network.inputs else {
            throw StreamError(line: x.line, "\(x.name) has \(x.cols) columns but the model takes \(network.inputs) inputs (\(layers))")
        }
        var standardization: Standardization?
        if x.attributes["standardized"] == "true" {
            guard network.standardization != nil else {
                throw StreamError(line: x.line, "\(x.name) is standardized but the model was trained on unstandardised inputs (it has no model.standardize); give nn-eval the data before nn-data standardize")
            }
        } else if let s = network.standardization {
            if let c = s.std.firstIndex(where: { !($0 > 0) }) {
                throw StreamError(line: nil, "model.standardize.std is \(NumberText.text(s.std[c])) in column \(c): a standard deviation must be positive")
            }
            standardization = s
        }
        self.network = network
        header = x
        self.standardization = standardization
        // A regressor's outputs are values, kept in `values`; its `predictions` stay empty.
        predictions = network.isRegressor ? Predictions(classes: 2)
            : Predictions(output: network.output, classes: network.output == .sigmoid ? 2 : network.sizes.last!)
    }

    /// Predicts the next rows of x (as Float32, before standardisation).
    mutating func add(_ m: inout Matrix) throws {
        standardization?.applyInPlace(&m)
        let z = network.logits(m)
        if let bad = z.data.firstIndex(where: { !$0.isFinite }) {
            let row = done + bad / z.cols
            throw StreamError(line: header.line.map { $0 + 1 + row }, "the model's output for \(header.name) row \(row) is not finite (\(z.data[bad])): the model's weights are unusable for this input")
        }
        if network.isRegressor { values += network.values(outputs: z).data } else { predictions.append(logits: z) }
        done += m.rows
    }
}

extension StreamScoring {
    /// The model's predictions for x, held in memory.
    static func predict(_ network: Network, _ x: Section) throws -> Predictions {
        try predictor(network, x).predictions
    }

    /// The model applied to every row of x, held in memory.
    static func predictor(_ network: Network, _ x: Section) throws -> BatchPredictor {
        var predictor = try BatchPredictor(network, x.header)
        let scale = try ByteScale(x.attributes["scale"], line: x.header.line, section: x.name)
        let d = x.cols
        var start = 0
        while start < x.rows {
            let n = min(BatchPredictor.batchRows, x.rows - start)
            let range = (start * d)..<((start + n) * d)
            var m: Matrix
            switch x.storage {
            case .f32(let v): m = Matrix(rows: n, cols: d, data: Array(v[range]))
            case .i32(let v): m = Matrix(rows: n, cols: d, data: v[range].map { Float($0) })
            case .u8(let v): m = Matrix(rows: n, cols: d, data: v[range].map { scale.apply($0) })
            }
            try predictor.add(&m)
            start += n
        }
        return predictor
    }

    /// The model's predictions for the section whose header `reader` just read, made as its
    /// rows arrive (passed on to `writer` when given), so the work keeps pace with the stage
    /// upstream and x is never held whole.
    static func predict(_ network: Network, rowsOf x: SectionHeader, from reader: StreamReader, copyingTo writer: StreamWriter?) throws -> BatchPredictor {
        var predictor = try BatchPredictor(network, x)
        let d = x.cols, rows = BatchPredictor.batchRows
        var batch = Matrix(rows: 0, cols: d)
        var n = 0
        try reader.visitRows(x, copyingTo: writer) { _, row in
            if batch.rows == 0 { batch = Matrix(rows: min(rows, x.rows), cols: d) }
            batch.data.withUnsafeMutableBufferPointer { b in
                (b.baseAddress! + n * d).update(from: row.baseAddress!, count: d)
            }
            n += 1
            if n == batch.rows {
                try predictor.add(&batch)
                n = 0
            }
        }
        if n > 0 {
            var last = Matrix(rows: n, cols: d, data: Array(batch.data[0..<(n * d)]))
            try predictor.add(&last)
        }
        return predictor
    }
}
