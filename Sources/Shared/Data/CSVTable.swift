// A CSV file whose feature columns may hold text (categories) and missing cells: read raw,
// then encoded with a ColumnEncoding learned on the training rows (or given by --schema).

public struct TableOptions: Equatable, Sendable {
    public enum Categorical: Equatable, Sendable { case columns([String]), auto }
    /// What a category not seen in the training rows becomes.
    public enum Unknown: String, CaseIterable, Sendable { case ignore, error }

    public var categorical: Categorical?
    public var missing = ColumnEncoding.defaultMissing
    public var impute: Imputation?
    public var indicators = false
    public var unknown = Unknown.ignore
    /// A fixed encoding (`--schema`): nothing is learned, the columns must match it.
    public var schema: ColumnEncoding?
    /// The class names to number labels by (a model's `classes=`), instead of learning them.
    public var schemaClasses: [String]?
    /// False for a features-only file (`--no-label`): every column is a feature, no labels.
    public var hasLabel = true

    public init() {}
}

/// The raw cells, column by column: numbers (NaN: missing) or interned texts (-1: missing).
enum RawColumn {
    case numbers([Float])
    case texts(ids: [Int32], texts: [String])
}

/// Texts numbered by first appearance: `ids` per row (-1 for a missing cell), `texts` the distinct ones.
struct InternedTexts {
    var ids: [Int32] = []
    var texts: [String] = []
    var index: [String: Int32] = [:]

    mutating func append(_ text: String) {
        if let id = index[text] {
            ids.append(id)
        } else {
            index[text] = Int32(texts.count)
            ids.append(Int32(texts.count))
            texts.append(text)
        }
    }
}

public struct CSVTable {
    /// Feature column names (the label excluded); `column N` without a header.
    public var names: [String]
    var columns: [RawColumn]
    /// The CSV column (0-based) and the line of each row, for messages.
    var csvColumns: [Int]
    var lines: [Int]
    public var labels: [Int32]
    public var classes: [String]
    public var droppedLabels: Int
    public var rows: Int { lines.count }

    /// Reads every record. Missing cells are refused unless imputation is asked for (or the
    /// schema imputes); text in a numeric column is refused with a hint to --categorical.
    public static func read(_ csv: CSVReader, _ options: CSVOptions, _ table: TableOptions) throws -> CSVTable {
        let (width, header) = try CSVDataset.start(csv, options)
        let labelColumn = table.hasLabel ? try CSVDataset.resolveLabel(options.label, names: header, width: width) : -1
        guard width >= 2 || !table.hasLabel else {
            throw DataError.at(line: csv.line, "the CSV has one column; it needs at least one feature column besides the label")
        }
        let csvColumns = (0..<width).filter { $0 != labelColumn }
        let names = csvColumns.map { header?[$0] ?? "column \($0 + 1)" }
        let categorical = try categoricalColumns(names, header != nil, table)
        let allowMissing = table.schema.map { $0.columns.contains { $0.fill != nil } } ?? (table.impute != nil)
        var numbers = names.indices.map { _ in [Float]() }
        var categories = names.indices.map { _ in InternedTexts() }
        var lines: [Int] = [], labelTexts = InternedTexts()
        var dropped = 0
        try CSVDataset.forEachRecord(csv, options, width: width) {
            let text = table.hasLabel ? csv.field(labelColumn) : ""
            if table.hasLabel, try CSVDataset.missingLabel(text, csv, labelColumn, options.strict, missing: table.missing) {
                dropped += 1
                return
            }
            // The columns grow together, row by row: when the rows' buffers double, the whole
            // table's next size (4 bytes a cell, 8 for the line number, old buffers still held)
            // must fit the memory budget, as reserveChecked checks a single array.
            if lines.count == lines.capacity {
                let next = Double(max(2 * lines.capacity, 16)), now = Double(lines.capacity)
                try MemoryBudget.current().check((next + now) * Double(8 + 4 * names.count), "holding the CSV's rows (\(lines.count) rows so far)")
            }
            for (f, c) in csvColumns.enumerated() {
                let isMissing = csv.withField(c) { b in table.missing.contains { $0.utf8.elementsEqual(b) } }
                if isMissing {
                    guard allowMissing else { throw missingCell(csv, c, header?[c], table.schema != nil ? .schema : .training) }
                    if categorical[f] { categories[f].ids.append(-1) } else { numbers[f].append(.nan) }
                } else if categorical[f] {
                    categories[f].append(csv.field(c))
                } else if let v = csv.withField(c, CSVDataset.parseNumber) {
                    numbers[f].append(v)
                } else {
                    throw textCell(csv, c, header?[c], table.schema != nil ? .schema : .training)
                }
            }
            lines.append(csv.line)
            if table.hasLabel { labelTexts.append(text) }
        }
        var columns: [RawColumn] = names.indices.map { f in
            categorical[f] ? .texts(ids: categories[f].ids, texts: categories[f].texts) : .numbers(numbers[f])
        }
        if table.categorical == .auto && table.schema == nil {
            // A column is numeric when every cell that is not missing is a number.
            for f in columns.indices {
                guard case .texts(let ids, let texts) = columns[f] else { continue }
                let values = texts.map(ColumnEncoding.number)
                if values.allSatisfy({ $0 != nil }) { columns[f] = .numbers(ids.map { $0 < 0 ? .nan : values[Int($0)]! }) }
            }
        }
        var (labels, classes) = try numberLabels(labelTexts.ids.map(Int.init), labelTexts.texts, lines, labelColumn, table.schemaClasses)
        if !table.hasLabel { (labels, classes) = ([], table.schemaClasses ?? []) }
        return CSVTable(names: names, columns: columns, csvColumns: csvColumns, lines: lines,
                        labels: labels, classes: classes, droppedLabels: dropped)
    }

    /// Which feature columns are read as text: the schema's categorical ones, the named ones, or all (auto).
    static func categoricalColumns(_ names: [String], _ hasHeader: Bool, _ table: TableOptions) throws -> [Bool] {
        if let schema = table.schema {
            let expected = schema.columns.map(\.name)
            guard names.count == expected.count else {
                throw DataError("the CSV has \(names.count) feature columns (\(names.joined(separator: ","))), the schema has \(expected.count) (\(expected.joined(separator: ",")))")
            }
            if hasHeader, let i = names.indices.first(where: { names[$0] != expected[$0] }) {
                throw DataError("feature column \(i + 1) is '\(names[i])', the schema's is '\(expected[i])': the columns must be the ones the encoding was learned on, in the same order")
            }
            return schema.columns.map(\.isCategorical)
        }
        switch table.categorical {
        case nil: return names.map { _ in false }
        case .auto: return names.map { _ in true }
        case .columns(let chosen):
            for name in chosen where !names.contains(name) {
                if !hasHeader, let i = Int(name), i >= 1 { continue }
                throw UsageError("--categorical \(name): no such feature column: the feature columns are \(names.joined(separator: ", "))")
            }
            return names.indices.map { f in chosen.contains(names[f]) || (!hasHeader && chosen.contains { "column \($0)" == names[f] }) }
        }
    }

    /// Where a bad cell was met, which decides the way forward a message suggests.
    enum CellContext {
        /// Rows to learn from: --categorical, --missing, --impute.
        case training
        /// Rows encoded with --schema: the schema decides, nothing to add.
        case schema
        /// --no-label rows without --schema: only a model's encoding can help.
        case newRows
    }

    /// A missing cell where no imputation is asked for (`name`: the header's, nil without one).
    static func missingCell(_ csv: CSVReader, _ c: Int, _ name: String?, _ context: CellContext) -> DataError {
        let text = csv.field(c)
        let what = "missing value\(name.map { " in '\($0)'" } ?? "") (\(text.isEmpty ? "an empty cell" : "'\(text)'"))"
        switch context {
        case .schema:
            return DataError.at(line: csv.line, column: c + 1, "\(what), and the schema imputes nothing: the model was trained without --impute")
        case .newRows:
            return DataError.at(line: csv.line, column: c + 1, "\(what); a model trained with --impute fills it: read these rows with --schema MODEL")
        case .training:
            return DataError.at(line: csv.line, column: c + 1, "\(what); add --impute mean (or median, most-frequent, constant:V) to fill it from the training rows")
        }
    }

    /// Text in a numeric column: the way forward is --categorical, or --missing for a token that marks a gap.
    static func textCell(_ csv: CSVReader, _ c: Int, _ name: String?, _ context: CellContext) -> DataError {
        let text = csv.field(c)
        let found = "found '\(text.prefix(40))'"
        let column = name.map { "'\($0)'" } ?? "column \(c + 1)"
        let hint: String
        switch context {
        case .schema:
            return DataError.at(line: csv.line, column: c + 1, "expected a number (\(column) is numeric in the schema), \(found)")
        case .newRows:
            hint = "if \(column) holds categories, a model trained with --categorical encodes them: read these rows with --schema MODEL"
        case .training:
            hint = ColumnEncoding.missingLooking.contains(text)
                ? "if '\(text)' marks a missing value, add --missing \(Provenance.shellQuoted(text)) and --impute"
                : "if \(column) holds categories, add --categorical \(name.map(Provenance.shellQuoted) ?? "\(c + 1)")"
        }
        return DataError.at(line: csv.line, column: c + 1, "expected a number\(name.map { " ('\($0)')" } ?? ""), \(found); \(hint)")
    }

    /// Labels as 0..k-1: by the schema's classes when given, else as `CSVDataset.classOrder` orders them.
    static func numberLabels(_ ids: [Int], _ texts: [String], _ lines: [Int], _ column: Int,
                             _ schemaClasses: [String]?) throws -> ([Int32], [String]) {
        if let schemaClasses {
            var labelOf: [Int32] = []
            for (i, text) in texts.enumerated() {
                guard let k = schemaClasses.firstIndex(of: text) else {
                    let line = lines[ids.firstIndex(of: i)!]
                    throw DataError.at(line: line, column: column + 1, "label '\(text)' is not one of the model's classes (\(schemaClasses.joined(separator: ",")))")
                }
                labelOf.append(Int32(k))
            }
            return (ids.map { labelOf[$0] }, schemaClasses)
        }
        let order = CSVDataset.classOrder(texts)
        var labelOf = [Int32](repeating: 0, count: texts.count)
        for (k, id) in order.enumerated() { labelOf[id] = Int32(k) }
        return (ids.map { labelOf[$0] }, order.map { texts[$0] })
    }
}
