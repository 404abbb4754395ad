// A CSV file as a labelled dataset: one column holds the labels, every other column
// is a feature parsed strictly as a number.

public struct CSVOptions: Equatable, Sendable {
    /// The label column: a header name, or a 1-based index; nil = the last column.
    public var label: String?
    public var hasHeader = true
    public var delimiter = UInt8(ascii: ",")
    /// Refuse a row whose label is missing instead of dropping it.
    public var strict = false

    public init(label: String? = nil, hasHeader: Bool = true, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.label = label
        self.hasHeader = hasHeader
        self.delimiter = delimiter
    }
}

public enum CSVDataset {
    /// Reads every record. Labels become 0..k-1: if every label is an integer, in numeric
    /// order (3,7 → 0,1); otherwise in sorted (byte) order of their text, as scikit-learn's
    /// LabelEncoder does. The class names (`classes=`) keep the labels' text.
    public static func load(_ csv: CSVReader, _ options: CSVOptions) throws -> LabelledData {
        var dropped = 0
        return try load(csv, options, droppedLabels: &dropped)
    }

    /// As `load`, counting in `droppedLabels` the rows left out because their label is missing.
    public static func load(_ csv: CSVReader, _ options: CSVOptions, droppedLabels: inout Int) throws -> LabelledData {
        let (width, names) = try start(csv, options)
        let labelColumn = try resolveLabel(options.label, names: names, width: width)
        guard width >= 2 else {
            throw DataError.at(line: csv.line, "the CSV has one column; it needs at least one feature column besides the label")
        }
        var features: [Float] = []
        var labelIDs: [Int] = []              // per row, the index into `labelTexts`
        var labelTexts: [String] = []         // distinct labels, by first appearance
        var idOf: [String: Int] = [:]
        try forEachRecord(csv, options, width: width) {
            let text = csv.field(labelColumn)
            if try missingLabel(text, csv, labelColumn, options.strict) {
                droppedLabels += 1
                return
            }
            try features.reserveChecked(width - 1, "the CSV's rows")
            for c in 0..<width where c != labelColumn {
                features.append(try number(csv, c, names, labelDefaulted: options.label == nil))
            }
            if options.label == nil { try refuseMeasurementAsLabel(text, csv, names) }
            if let id = idOf[text] {
                labelIDs.append(id)
            } else {
                idOf[text] = labelTexts.count
                labelIDs.append(labelTexts.count)
                labelTexts.append(text)
            }
        }
        let order = classOrder(labelTexts)
        var labelOf = [Int32](repeating: 0, count: labelTexts.count)
        for (k, id) in order.enumerated() { labelOf[id] = Int32(k) }
        let rows = labelIDs.count
        var columns: [String]? = nil
        if let names { columns = names.indices.filter { $0 != labelColumn }.map { names[$0] } }
        return LabelledData(features: Matrix(rows: rows, cols: width - 1, data: features), columns: columns,
                            labels: labelIDs.map { labelOf[$0] }, classes: order.map { labelTexts[$0] })
    }

    /// True for a label that is missing (empty or `NA`): such a row is dropped, or with
    /// `strict` refused. A label is never imputed.
    static func missingLabel(_ text: String, _ csv: CSVReader, _ column: Int, _ strict: Bool,
                             missing: [String] = ColumnEncoding.defaultMissing) throws -> Bool {
        guard missing.contains(text) else { return false }
        if strict {
            throw DataError.at(line: csv.line, column: column + 1, "missing label (\(text.isEmpty ? "an empty cell" : "'\(text)'")); without --strict such rows are dropped with a note")
        }
        return true
    }

    /// The note for rows dropped for a missing label.
    public static func droppedLabelsNote(_ n: Int) -> String {
        "dropped \(n) row\(n == 1 ? "" : "s") whose label is missing (an empty cell or a --missing token); --strict refuses them instead"
    }

    /// Reads every record with the `targets` columns (names or 1-based numbers) as numeric
    /// targets and every other column as a feature; a cell that is not a number is an error
    /// naming its line and column.
    public static func loadTargets(_ csv: CSVReader, _ options: CSVOptions, targets: [String]) throws -> RegressionData {
        let (width, names) = try start(csv, options)
        let targetColumns = try targets.map { try resolveColumn($0, names: names, width: width, option: "--target") }
        guard Set(targetColumns).count == targetColumns.count else { throw UsageError("--target names a column twice") }
        guard width > targetColumns.count else {
            throw DataError.at(line: csv.line, "every column is a target; a regressor needs at least one feature column besides them")
        }
        let isTarget = (0..<width).map { targetColumns.contains($0) }
        var features: [Float] = [], values: [Float] = []
        var rows = 0
        try forEachRecord(csv, options, width: width) {
            try features.reserveChecked(width, "the CSV's rows")
            for c in 0..<width where !isTarget[c] { features.append(try number(csv, c, names)) }
            for c in targetColumns { values.append(try number(csv, c, names)) }
            rows += 1
        }
        let featureNames = names.map { n in (0..<width).filter { !isTarget[$0] }.map { n[$0] } }
        let targetNames = targetColumns.map { c in names?[c] ?? "y\(c + 1)" }
        return RegressionData(features: Matrix(rows: rows, cols: width - targetColumns.count, data: features), featureNames: featureNames,
                              targets: Matrix(rows: rows, cols: targetColumns.count, data: values), targetNames: targetNames)
    }

    /// A defaulted label column holding a number with a fraction (`0.2`) is a measurement, not
    /// a class: most likely a features-only file, whose last feature must not become the label.
    private static func refuseMeasurementAsLabel(_ text: String, _ csv: CSVReader, _ names: [String]?) throws {
        guard let v = Double(text), v.isFinite, v.rounded() != v else { return }
        let column = names.map { " ('\($0[csv.count - 1])')" } ?? ""
        throw DataError.at(line: csv.line, column: csv.count, "the label defaults to the last column\(column), which holds \(text), a measurement rather than a class: name the label column with --label, take numeric targets (regression) with --target, or read rows without labels with --no-label")
    }

    /// Reads every record as features only (`nn-data csv --no-label`): each column is a
    /// feature, nothing is taken for a label. `columns` holds the header's names (nil without one).
    public static func loadFeatures(_ csv: CSVReader, _ options: CSVOptions) throws -> (features: Matrix, columns: [String]?) {
        let (width, names) = try start(csv, options)
        var features: [Float] = []
        try forEachRecord(csv, options, width: width) {
            try features.reserveChecked(width, "the CSV's rows")
            for c in 0..<width { features.append(try number(csv, c, names, context: .newRows)) }
        }
        return (Matrix(rows: features.count / width, cols: width, data: features), names)
    }

    /// Reads the first record: the number of fields every record must have, and the header's
    /// names when there is a header.
    static func start(_ csv: CSVReader, _ options: CSVOptions) throws -> (width: Int, names: [String]?) {
        guard try csv.next() else {
            throw DataError.at(line: 1, "empty CSV input: expected \(options.hasHeader ? "a header row and " : "")rows of values")
        }
        return (csv.count, options.hasHeader ? (0..<csv.count).map(csv.field) : nil)
    }

    /// Calls `body` with `csv` on each data record (the first record too when there is no
    /// header), after checking it has `width` fields.
    static func forEachRecord(_ csv: CSVReader, _ options: CSVOptions, width: Int, _ body: () throws -> Void) throws {
        var pending = !options.hasHeader   // without a header the first record is data
        while true {
            if !pending { guard try csv.next() else { break } }
            pending = false
            guard csv.count == width else {
                throw DataError.at(line: csv.line, "row has \(csv.count) field\(csv.count == 1 ? "" : "s"), expected \(width)\(options.hasHeader ? " (as the header)" : " (as the first row)")")
            }
            try body()
        }
    }

    /// The indices of `texts` in class order: numeric when all are integers, else sorted text.
    static func classOrder(_ texts: [String]) -> [Int] {
        let integers = texts.map { Int($0) }
        if integers.allSatisfy({ $0 != nil }) {
            return texts.indices.sorted { integers[$0]! < integers[$1]! }
        }
        return texts.indices.sorted { Array(texts[$0].utf8).lexicographicallyPrecedes(Array(texts[$1].utf8)) }
    }

    /// The 0-based label column. A header name wins over a number (a column may be called "3").
    static func resolveLabel(_ label: String?, names: [String]?, width: Int) throws -> Int {
        guard let label else { return width - 1 }
        return try resolveColumn(label, names: names, width: width, option: "--label")
    }

    /// A column given to `option` by header name or 1-based number, 0-based.
    static func resolveColumn(_ column: String, names: [String]?, width: Int, option: String) throws -> Int {
        if let names, let i = names.firstIndex(of: column) { return i }
        if let i = Int(column) {
            guard i >= 1 && i <= width else { throw UsageError("\(option) \(column): the CSV has columns 1..\(width)") }
            return i - 1
        }
        let known = names.map { ": the columns are " + $0.joined(separator: ", ") } ?? " (use a 1-based column number with --no-header)"
        throw UsageError("\(option) \(column): no such column\(known)")
    }

    /// A cell as a finite Float32, or nil: what the stream writes, and also a leading '+', ".5" and "5.".
    static func parseNumber(_ b: UnsafeBufferPointer<UInt8>) -> Float? {
        guard let p = b.baseAddress, b.count > 0 else { return nil }
        if let v = NumberText.parseFloat(p, b.count) { return v }
        guard b.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 43 || $0 == 45 || $0 == 46 || $0 == 101 || $0 == 69 }) else { return nil }
        return Float(String(decoding: b, as: UTF8.self)).flatMap { $0.isFinite ? $0 : nil }
    }

    /// Field `c` as a finite Float32. Accepts what the stream format writes and also a
    /// leading '+', ".5" and "5."; anything else (empty, NaN, inf, text) is an error.
    static func number(_ csv: CSVReader, _ c: Int, _ names: [String]?, labelDefaulted: Bool = false,
                       context: CSVTable.CellContext = .training) throws -> Float {
        if let v = csv.withField(c, parseNumber) { return v }
        let text = csv.field(c)
        if ColumnEncoding.defaultMissing.contains(text) { throw CSVTable.missingCell(csv, c, names?[c], context) }
        // Words where a number belongs (no digit: not a mistyped number) are often the labels,
        // in another column than the last.
        if labelDefaulted && !ColumnEncoding.missingLooking.contains(text) && !text.utf8.contains(where: { (48...57).contains($0) }) {
            let column = names.map { "'\($0[c])'" } ?? "column \(c + 1)"
            let option = names.map { Provenance.shellQuoted($0[c]) } ?? "\(c + 1)"
            throw DataError.at(line: csv.line, column: c + 1, "expected a number\(names.map { " ('\($0[c])')" } ?? ""), found '\(text.prefix(40))'; the label defaults to the last column\(names.map { " ('\($0[csv.count - 1])')" } ?? ""): if \(column) holds the labels, add --label \(option); if it holds categories, add --categorical \(option)")
        }
        throw CSVTable.textCell(csv, c, names?[c], context)
    }
}
