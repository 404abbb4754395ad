// How a table's raw columns become the numeric features a model reads: numeric columns as they
// are, categorical ones one-hot, missing cells imputed, optional 0/1 missing indicators. Learned
// on the training rows, carried in the stream as the `encode` section (`model.encode` in a model).

/// What fills a missing cell, computed on the training rows (scikit-learn's SimpleImputer strategies).
public enum Imputation: Equatable, Sendable {
    case mean, median, mostFrequent
    case constant(String)

    /// `mean`, `median`, `most-frequent` or `constant:V`.
    public init?(argument: String) {
        switch argument {
        case "mean": self = .mean
        case "median": self = .median
        case "most-frequent": self = .mostFrequent
        default:
            guard argument.hasPrefix("constant:"), argument.count > 9 else { return nil }
            self = .constant(String(argument.dropFirst(9)))
        }
    }

    public var text: String {
        switch self {
        case .mean: return "mean"
        case .median: return "median"
        case .mostFrequent: return "most-frequent"
        case .constant(let v): return "constant:" + v
        }
    }
}

/// One raw column of the table (the label excluded) and how it is encoded.
public struct EncodedColumn: Equatable, Sendable {
    public var name: String
    /// The one-hot categories in column order; nil for a numeric column.
    public var categories: [String]?
    /// What a missing cell becomes: a number's text, or a category; nil: a missing cell is an error.
    public var fill: String?
    /// Whether a 0/1 column `<name>_missing` follows the features (the column had missing training cells).
    public var indicator: Bool
    /// Missing cells in the training rows the encoding was learned on.
    public var missingCount: Int

    public init(name: String, categories: [String]? = nil, fill: String? = nil, indicator: Bool = false, missingCount: Int = 0) {
        self.name = name
        self.categories = categories
        self.fill = fill
        self.indicator = indicator
        self.missingCount = missingCount
    }

    public var isCategorical: Bool { categories != nil }
}

public struct ColumnEncoding: Equatable, Sendable {
    public var columns: [EncodedColumn]
    /// The cell texts that mean "missing" (`--missing`).
    public var missing: [String]
    public var impute: Imputation?

    public static let defaultMissing = ["", "NA"]
    /// Texts that often mark a missing value but are not missing by default: a cell that holds
    /// one gets a hint to name it with --missing.
    public static let missingLooking: Set<String> = ["NaN", "nan", "NAN", "?", "null", "NULL", "None", "N/A", "n/a", "na", "-", "."]

    public init(columns: [EncodedColumn], missing: [String] = ColumnEncoding.defaultMissing, impute: Imputation? = nil) {
        self.columns = columns
        self.missing = missing
        self.impute = impute
    }

    /// The features' names, in order: a numeric column's name, `name=category` for each
    /// category of a categorical one, then `name_missing` for each indicator.
    public var featureNames: [String] {
        var names: [String] = []
        for c in columns {
            if let categories = c.categories { names += categories.map { "\(c.name)=\($0)" } } else { names.append(c.name) }
        }
        return names + columns.filter(\.indicator).map { "\($0.name)_missing" }
    }

    public var width: Int {
        columns.reduce(0) { $0 + ($1.categories?.count ?? 1) + ($1.indicator ? 1 : 0) }
    }

    /// Whether both turn the same raw rows into the same features (the training rows' missing
    /// counts aside, which only describe the data the encoding was learned on).
    public func encodesLike(_ other: ColumnEncoding) -> Bool {
        func uncounted(_ e: ColumnEncoding) -> [EncodedColumn] { e.columns.map { var c = $0; c.missingCount = 0; return c } }
        return uncounted(self) == uncounted(other) && missing == other.missing && impute == other.impute
    }

    // MARK: the section

    public static let sectionName = "encode"

    /// `@encode f32 0x0 columns=... missing=... impute=... categories.I=... fill.I=... indicators=... missing_count.I=...`:
    /// everything is in the header's attributes; I is the raw column's 0-based index in `columns`.
    public func section(name: String = ColumnEncoding.sectionName) -> Section {
        var a = Attributes()
        a.setList("columns", columns.map(\.name))
        a.setList("missing", missing)
        if let impute { a["impute"] = impute.text }
        for (i, c) in columns.enumerated() {
            if let categories = c.categories { a.setList("categories.\(i)", categories) }
        }
        for (i, c) in columns.enumerated() {
            if let fill = c.fill { a["fill.\(i)"] = fill }
        }
        let indicators = columns.indices.filter { columns[$0].indicator }
        if !indicators.isEmpty { a["indicators"] = indicators.map(String.init).joined(separator: ",") }
        for (i, c) in columns.enumerated() where c.missingCount > 0 { a["missing_count.\(i)"] = String(c.missingCount) }
        return Section(header: SectionHeader(name: name, type: .f32, rows: 0, cols: 0, attributes: a), storage: .f32([]))
    }

    /// Reads the encoding back from a section's header, naming what is malformed.
    public init(header h: SectionHeader) throws {
        let a = h.attributes
        func fail(_ detail: String) -> StreamError { StreamError(line: h.line, "section \(h.name): \(detail)") }
        guard let names = a.list("columns"), !names.isEmpty else { throw fail("lacks the required attribute 'columns'") }
        var impute: Imputation?
        if let text = a["impute"] {
            guard let i = Imputation(argument: text) else {
                throw fail("impute=\(text) is not mean, median, most-frequent or constant:V")
            }
            impute = i
        }
        var columns = names.map { EncodedColumn(name: $0) }
        for (i, _) in names.enumerated() {
            if let categories = a.list("categories.\(i)") {
                guard !categories.isEmpty else { throw fail("categories.\(i) is empty") }
                columns[i].categories = categories
            }
            if let fill = a["fill.\(i)"] { columns[i].fill = fill }
            if let count = try a.int("missing_count.\(i)", line: h.line) { columns[i].missingCount = count }
            if let fill = columns[i].fill, columns[i].categories == nil, ColumnEncoding.number(fill) == nil {
                throw fail("fill.\(i)=\(fill) must be a number: column '\(names[i])' is numeric")
            }
        }
        for item in a.list("indicators") ?? [] {
            guard let i = Int(item), columns.indices.contains(i) else { throw fail("indicators=\(a["indicators"]!) must be column numbers 0..\(names.count - 1)") }
            columns[i].indicator = true
        }
        self.init(columns: columns, missing: a.list("missing") ?? ColumnEncoding.defaultMissing, impute: impute)
    }

    /// A cell's text as a finite Float32: what the stream writes, and also a leading '+', ".5" and "5.".
    public static func number(_ text: String) -> Float? {
        Array(text.utf8).withUnsafeBufferPointer(CSVDataset.parseNumber)
    }

    // MARK: the summary

    /// One line per raw column, for `nn-data info`.
    public var summaryLines: [String] {
        let nameWidth = columns.map { $0.name.visible.count }.max() ?? 0
        var lines = columns.map { c -> String in
            var line = c.name.visible + String(repeating: " ", count: nameWidth - c.name.visible.count) + "  "
            if let categories = c.categories {
                line += "categorical, \(categories.count) categor\(categories.count == 1 ? "y" : "ies"): " + categories.map { Attributes.encodeValue($0) }.joined(separator: ",")
            } else {
                line += "numeric"
            }
            line += c.missingCount > 0 ? "; missing in training: \(c.missingCount)" : "; none missing in training"
            if let fill = c.fill { line += "; missing -> \(Attributes.encodeValue(fill))" }
            if c.indicator { line += "; indicator \(c.name.visible)_missing" }
            return line
        }
        lines.append("missing cells: " + missing.map { $0.isEmpty ? "(empty)" : Attributes.encodeValue($0) }.joined(separator: ", ")
                     + (impute.map { "; --impute \($0.text)" } ?? "; no imputation") + "; \(width) features")
        return lines
    }
}
