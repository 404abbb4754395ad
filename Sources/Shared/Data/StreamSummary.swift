// A human summary of any stream (`nn-data info`): each section's header, the value
// ranges of its columns, and the class balance of label sections. Rows are visited
// one at a time, so no matrix is ever held.
#if canImport(Glibc)
import Glibc
#endif

public enum StreamSummary {
    /// Sections with at most this many columns get one line per column.
    public static let maxColumnLines = 16

    /// Reads `reader` to its end and passes each line of the summary to `emit`.
    public static func summarize(_ reader: StreamReader, emit: (String) throws -> Void) throws {
        var sections = 0
        try emit("nn-stream \(StreamReader.version)")
        while let item = try reader.next() {
            switch item {
            case .comment(let text):
                try emit("#\(text)")
            case .section(let h):
                sections += 1
                try emit(h.text)
                for line in try describe(h, reader) { try emit("  " + line) }
            }
        }
        try emit("@end (\(sections) section\(sections == 1 ? "" : "s"))")
    }

    /// The summary, a line each, into `out` (nn-data info; a stream kept back from a terminal).
    public static func write(_ reader: StreamReader, to out: ByteWriter) throws {
        try summarize(reader) { line in
            try out.append(line)
            try out.append("\n")
        }
    }

    /// The lines under one section's header.
    static func describe(_ h: SectionHeader, _ reader: StreamReader) throws -> [String] {
        if isLabels(h) {
            var counts: [Int: Int] = [:]
            try reader.visitRows(h) { _, v in counts[Int(v[0]), default: 0] += 1 }
            return [classBalance(counts, rows: h.rows, classes: h.attributes.list("classes"))]
        }
        if h.name == ColumnEncoding.sectionName || h.name.hasSuffix("." + ColumnEncoding.sectionName) {
            try reader.skip(h)
            return try ColumnEncoding(header: h).summaryLines
        }
        guard h.rows > 0 && h.cols > 0 else {
            try reader.skip(h)
            return []
        }
        var stats = ColumnStats()
        // A loss curve's last row is where training ended: its final losses.
        var last: [Float] = []
        try reader.visitRows(h) { _, v in
            stats.add(v)
            if h.name == "loss" { last = Array(v) }
        }
        var lines = ["values: min=\(show(stats.overallMin)) max=\(show(stats.overallMax)) mean=\(show(stats.overallMean))"]
        let names = h.attributes.list("columns").flatMap { $0.count == h.cols ? $0.map(\.visible) : nil }
            ?? (0..<h.cols).map { "column \($0)" }
        if !last.isEmpty {
            lines.append("last row: " + zip(names, last).map { "\($0)=\(show(Double($1)))" }.joined(separator: " "))
        }
        // A regressor's targets (f32 *.y) also show their standard deviation, per column.
        let targets = h.type == .f32 && h.name.hasSuffix(".y")
        if (h.cols <= maxColumnLines && h.rows > 1) || targets {
            let width = names.map(\.count).max() ?? 0
            for c in 0..<h.cols {
                let name = names[c] + String(repeating: " ", count: width - names[c].count)
                lines.append("\(name)  min=\(show(Double(stats.min[c]))) max=\(show(Double(stats.max[c]))) mean=\(show(stats.sum[c] / Double(h.rows)))"
                             + (targets ? " std=\(show(stats.std(c)))" : ""))
            }
        }
        return lines
    }

    /// A one-column i32 section named `*.y` or carrying `classes=`.
    static func isLabels(_ h: SectionHeader) -> Bool {
        h.type == .i32 && h.cols == 1 && (h.name.hasSuffix(".y") || h.attributes["classes"] != nil)
    }

    /// `classes: Dress=6000 (50.0%) Coat=6000 (50.0%)`, in label order; labels outside the
    /// class list are shown by number.
    static func classBalance(_ counts: [Int: Int], rows: Int, classes: [String]?) -> String {
        guard rows > 0 else { return "classes: no rows" }
        let names = classes ?? []
        let labels = Set(counts.keys).union(names.indices).sorted()
        let parts = labels.map { label -> String in
            let name = names.indices.contains(label) ? names[label]
                : classes == nil ? "\(label)" : "label \(label) (outside classes=)"
            let n = counts[label] ?? 0
            return "\(Attributes.encodeValue(name))=\(n) (\(format(100 * Double(n) / Double(rows), "%.1f"))%)"
        }
        return "classes: " + parts.joined(separator: " ")
    }

    /// Four significant digits, the way a person reads a summary.
    static func show(_ x: Double) -> String { format(x, "%.4g") }

    static func format(_ x: Double, _ spec: String) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([x]) { vsnprintf(&buffer, buffer.count, spec, $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Running minimum, maximum and sum of every column.
struct ColumnStats {
    var min: [Float] = []
    var max: [Float] = []
    var sum: [Double] = []
    /// Welford's running mean and sum of squared deviations, per column (for a target's std).
    var runningMean: [Double] = []
    var squaredDeviations: [Double] = []
    var rows = 0

    /// The columns are counted at the first row (a header's claim alone allocates nothing).
    mutating func add(_ row: UnsafeBufferPointer<Float>) {
        if rows == 0 {
            min = [Float](repeating: .infinity, count: row.count)
            max = [Float](repeating: -.infinity, count: row.count)
            sum = [Double](repeating: 0, count: row.count)
            runningMean = sum
            squaredDeviations = sum
        }
        rows += 1
        for c in 0..<row.count {
            let v = row[c]
            if v < min[c] { min[c] = v }
            if v > max[c] { max[c] = v }
            sum[c] += Double(v)
            let d = Double(v) - runningMean[c]
            runningMean[c] += d / Double(rows)
            squaredDeviations[c] += d * (Double(v) - runningMean[c])
        }
    }

    /// The population standard deviation of column c (as nn-data standardize computes it).
    func std(_ c: Int) -> Double { rows == 0 ? 0 : (squaredDeviations[c] / Double(rows)).squareRoot() }

    var overallMin: Double { Double(min.min() ?? 0) }
    var overallMax: Double { Double(max.max() ?? 0) }
    var overallMean: Double { rows == 0 ? 0 : sum.reduce(0, +) / Double(rows * sum.count) }
}
