// nn-eval --predictions: one line per input row, in input order, with the row number, the
// predicted class's name and the probability of each class, as CSV (RFC 4180) or JSON
// Lines; and the short table a terminal gets for rows without labels.

public enum PredictionsFormat: String, CaseIterable, Sendable {
    case csv, jsonl

    /// Every line, header first (CSV); built whole so that nothing is written for rows that
    /// fail: a caller writes it only once every row was predicted.
    public func text(_ p: Predictions, classes: [String], threshold: Double) -> String {
        var out = ""
        out.reserveCapacity(p.rows * (8 + 12 * p.classes))
        switch self {
        case .csv:
            out += (["row", "predicted"] + classes).map(PredictionsFormat.csvField).joined(separator: ",") + "\n"
            let names = classes.map(PredictionsFormat.csvField)
            for r in 0..<p.rows {
                out += "\(r),\(names[p.predictedClass(r, threshold: threshold)])"
                for c in 0..<p.classes { out += "," + NumberText.text(p.probabilities[r * p.classes + c]) }
                out += "\n"
            }
        case .jsonl:
            let names = classes.map(MetricsJSON.string)
            for r in 0..<p.rows {
                out += "{\"row\":\(r),\"predicted\":\(names[p.predictedClass(r, threshold: threshold)]),\"probabilities\":{"
                for c in 0..<p.classes {
                    out += (c > 0 ? "," : "") + names[c] + ":" + NumberText.text(p.probabilities[r * p.classes + c])
                }
                out += "}}\n"
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
