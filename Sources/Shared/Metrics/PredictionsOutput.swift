// nn-eval --predictions: one line per input row, in input order, with the row number, the
// predicted class's name and the probability of each class, as CSV (RFC 4180) or JSON
// Lines; and the short table a terminal gets for rows without labels.

public enum PredictionsFormat: String, CaseIterable, Sendable {
    case csv, jsonl

    /// A classifier's lines: the row, the predicted class, the probability of each class.
    public func text(_ p: Predictions, classes: [String], threshold: Double) -> [UInt8] {
        lines(rows: p.rows, columns: classes, predicted: { p.predictedClass($0, threshold: threshold) },
              valuesKey: "probabilities") { r, c in p.probabilities[r * p.classes + c] }
    }

    /// Every line, header first (CSV): per row its number, then (a classifier) the name of its
    /// predicted column, then one value per column; JSON Lines put the values in an object
    /// under `valuesKey`. Built whole so that nothing is written for rows that fail: a caller
    /// writes it only once every row was predicted. Bytes appended straight (no string per
    /// value): for 10000 rows this is what is left to do after the last row arrives, and with
    /// strings it took 6 ms.
    func lines(rows: Int, columns: [String], predicted: ((Int) -> Int)?, valuesKey: String,
               value: (Int, Int) -> Float) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rows * (8 + 12 * columns.count))
        func append(_ s: String) { out.append(contentsOf: s.utf8) }
        switch self {
        case .csv:
            append((["row"] + (predicted == nil ? [] : ["predicted"]) + columns).map(PredictionsFormat.csvField).joined(separator: ",") + "\n")
            let names = columns.map { Array(PredictionsFormat.csvField($0).utf8) }
            for r in 0..<rows {
                NumberText.appendInt(r, to: &out)
                if let predicted {
                    out.append(UInt8(ascii: ","))
                    out.append(contentsOf: names[predicted(r)])
                }
                for c in columns.indices {
                    out.append(UInt8(ascii: ","))
                    NumberText.appendFloat(value(r, c), to: &out)
                }
                out.append(UInt8(ascii: "\n"))
            }
        case .jsonl:
            let names = columns.map { Array(MetricsJSON.string($0).utf8) }
            for r in 0..<rows {
                append("{\"row\":")
                NumberText.appendInt(r, to: &out)
                if let predicted {
                    append(",\"predicted\":")
                    out.append(contentsOf: names[predicted(r)])
                }
                append(",\"\(valuesKey)\":{")
                for c in columns.indices {
                    if c > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: names[c])
                    out.append(UInt8(ascii: ":"))
                    NumberText.appendFloat(value(r, c), to: &out)
                }
                append("}}\n")
            }
        }
        return out
    }

    /// A CSV field, quoted per RFC 4180 when it holds a comma, a double quote (doubled), a
    /// CR or LF, or starts or ends with a space or tab (which many readers would trim).
    static func csvField(_ s: String) -> String {
        let bytes = s.utf8
        let special = bytes.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
        let padded = [32, 9].contains(bytes.first ?? 0) || [32, 9].contains(bytes.last ?? 0)
        guard special || padded else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }
}

public enum PredictionsTable {
    /// Rows shown on a terminal before the counts.
    public static let shownRows = 10

    /// The first rows (row, predicted class, probabilities to 4 decimals) and how many rows
    /// each class was predicted for.
    public static func text(_ set: PredictedSet, source: String, threshold: Double) -> String {
        let p = set.predictions
        let names = set.classes.map(\.visible)
        var out = "\(source.visible)\n\(p.rows) row\(p.rows == 1 ? "" : "s") of \(set.name).x without labels"
        if p.rows > shownRows { out += "; the first \(shownRows)" }
        out += ":\n\n"
        var table: [[String]] = [["row", "predicted"] + names.map { "P(\($0))" }]
        var counts = [Int](repeating: 0, count: p.classes)
        for r in 0..<p.rows {
            let k = p.predictedClass(r, threshold: threshold)
            counts[k] += 1
            guard r < shownRows else { continue }
            table.append(["\(r)", names[k]] + (0..<p.classes).map { NumberFormat.fixed(p.probability(r, $0)) })
        }
        out += aligned(table)
        out += "\npredicted class  rows\n"
        let width = max(15, names.map(\.count).max() ?? 0)
        for (k, name) in names.enumerated() { out += name.padding(toLength: width) + "  \(counts[k])\n" }
        if p.classes == 2 { out += "\nclass '\(names[1])' is predicted when P(\(names[1])) >= \(threshold)\n" }
        return out
    }

    /// Columns left-aligned, two spaces apart; numbers (after the first two columns) right-aligned.
    static func aligned(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max()! }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c < 2 ? cell.padding(toLength: widths[c]) : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }.joined()
    }
}

private extension String {
    func padding(toLength n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
