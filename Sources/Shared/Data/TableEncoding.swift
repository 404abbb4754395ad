// Learning a ColumnEncoding from a table's training rows, and applying one to every row.

extension CSVTable {
    /// The encoding learned on the rows `train` alone: categories (each column's texts in class
    /// order: numeric when all are integers, else sorted bytes), imputation values and which
    /// columns get a missing indicator. No other row is looked at.
    public func fit(train: [Int], _ options: TableOptions) throws -> ColumnEncoding {
        var encoded: [EncodedColumn] = []
        for (f, column) in columns.enumerated() {
            var e = EncodedColumn(name: names[f])
            switch column {
            case .numbers(let values):
                let present = train.map { values[$0] }.filter { !$0.isNaN }
                e.missingCount = train.count - present.count
                if let impute = options.impute { e.fill = try numericFill(impute, present, column: names[f]) }
            case .texts(let ids, let texts):
                var counts = [Int](repeating: 0, count: texts.count)
                for r in train where ids[r] >= 0 { counts[Int(ids[r])] += 1 }
                e.missingCount = train.filter { ids[$0] < 0 }.count
                var seen = texts.indices.filter { counts[$0] > 0 }.map { texts[$0] }
                if case .constant(let v) = options.impute, !seen.contains(v) { seen.append(v) }
                guard !seen.isEmpty else {
                    throw DataError("column '\(names[f])' has no category in the training rows (every cell is missing)")
                }
                if seen.contains("") {
                    throw DataError("column '\(names[f])' has empty cells that are not missing (--missing does not list the empty cell); an empty text cannot be a category")
                }
                let categories = CSVDataset.classOrder(seen).map { seen[$0] }
                e.categories = categories
                switch options.impute {
                case .constant(let v)?: e.fill = v
                case nil: break
                default:
                    // The most frequent category of the training rows; a tie goes to the first in category order.
                    let byCount = categories.map { name in texts.firstIndex(of: name).map { counts[$0] } ?? 0 }
                    e.fill = categories[byCount.indices.max { byCount[$0] < byCount[$1] || (byCount[$0] == byCount[$1] && $0 > $1) }!]
                }
            }
            e.indicator = options.indicators && e.missingCount > 0
            encoded.append(e)
        }
        return ColumnEncoding(columns: encoded, missing: options.missing, impute: options.impute)
    }

    /// The fill of a numeric column (scikit-learn's SimpleImputer): the mean (summed in Float64),
    /// the median (the mean of the two middle values for an even count), the most frequent value
    /// (the smallest on a tie), or the constant, which must be a number.
    func numericFill(_ impute: Imputation, _ present: [Float], column: String) throws -> String {
        if case .constant(let v) = impute {
            guard let x = ColumnEncoding.number(v) else {
                throw UsageError("--impute constant:\(v): column '\(column)' is numeric, so the constant must be a number")
            }
            return NumberText.text(x)
        }
        guard !present.isEmpty else {
            throw DataError("column '\(column)' has no values in the training rows to compute its \(impute.text) from; use --impute constant:V")
        }
        let value: Float
        switch impute {
        case .mean:
            value = Float(present.reduce(0.0) { $0 + Double($1) } / Double(present.count))
        case .median:
            let s = present.sorted(), n = s.count
            value = n % 2 == 1 ? s[n / 2] : Float((Double(s[n / 2 - 1]) + Double(s[n / 2])) / 2)
        default:
            var counts: [Float: Int] = [:]
            for v in present { counts[v, default: 0] += 1 }
            value = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!.key
        }
        return NumberText.text(value)
    }

    /// Every row encoded: the features (`encoding.featureNames` as columns) with the labels.
    /// A category the encoding does not know becomes an all-zero one-hot row and is counted in
    /// the notes (one per column), or is refused with `unknown == .error`.
    public func encode(_ encoding: ColumnEncoding, unknown: TableOptions.Unknown, notes: inout [String]) throws -> LabelledData {
        LabelledData(features: try encodeFeatures(encoding, unknown: unknown, notes: &notes), columns: encoding.featureNames,
                     labels: labels, classes: classes)
    }

    /// The features alone (a features-only table has no labels), rows × `encoding.width`.
    public func encodeFeatures(_ encoding: ColumnEncoding, unknown: TableOptions.Unknown, notes: inout [String]) throws -> Matrix {
        precondition(encoding.columns.count == columns.count, "CSVTable.encode: the encoding has other columns")
        let width = encoding.width
        var x = [Float](repeating: 0, count: rows * width)
        var offset = 0
        var indicator = width - encoding.columns.filter(\.indicator).count
        for (f, column) in columns.enumerated() {
            let e = encoding.columns[f]
            switch column {
            case .numbers(let values):
                let fill = e.fill.flatMap(ColumnEncoding.number)
                for r in 0..<rows {
                    var v = values[r]
                    if v.isNaN {
                        guard let fill else { throw missing(r, f) }
                        v = fill
                        if e.indicator { x[r * width + indicator] = 1 }
                    }
                    x[r * width + offset] = v
                }
            case .texts(let ids, let texts):
                let categories = e.categories ?? []
                var position: [String: Int] = [:]
                for (k, c) in categories.enumerated() { position[c] = k }
                let slot = texts.map { position[$0] }
                let fill = e.fill.flatMap { position[$0] }
                var unknownRows = 0
                var unknownTexts: [String] = []
                for r in 0..<rows {
                    let k: Int?
                    if ids[r] < 0 {
                        guard let fill else { throw missing(r, f) }
                        k = fill
                        if e.indicator { x[r * width + indicator] = 1 }
                    } else {
                        k = slot[Int(ids[r])]
                        if k == nil {
                            let text = texts[Int(ids[r])]
                            if unknown == .error {
                                throw DataError.at(line: lines[r], column: csvColumns[f] + 1, "'\(text.prefix(40))' in '\(names[f])' is not a category the encoding knows (\(categories.joined(separator: ","))); --unknown ignore encodes it as all zeros")
                            }
                            unknownRows += 1
                            if !unknownTexts.contains(text) { unknownTexts.append(text) }
                        }
                    }
                    if let k { x[r * width + offset + k] = 1 }
                }
                if unknownRows > 0 {
                    let shown = unknownTexts.prefix(3).map { "'\($0.prefix(40))'" }.joined(separator: ", ") + (unknownTexts.count > 3 ? ", ..." : "")
                    notes.append("column '\(names[f])': \(unknownRows) row\(unknownRows == 1 ? "" : "s") with a category not seen in training (\(shown)), encoded as all zeros")
                }
            }
            offset += e.categories?.count ?? 1
            if e.indicator { indicator += 1 }
        }
        return Matrix(rows: rows, cols: width, data: x)
    }

    func missing(_ r: Int, _ f: Int) -> DataError {
        DataError.at(line: lines[r], column: csvColumns[f] + 1, "missing value in '\(names[f])' and no imputation for it; add --impute")
    }
}
