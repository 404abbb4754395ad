// The report nn-eval prints on a terminal: the scores of train next to test in one
// aligned table, per-class scores for k > 2, the confusion matrices with class names,
// and the notes on scores that are 0/0 or undefined.

public enum EvalReport {
    public static func text(_ sets: [(name: String, evaluation: Evaluation)], source: String) -> String {
        // Class names come from the data: on a terminal their control characters show as escapes.
        let sets = sets.map { set -> (name: String, evaluation: Evaluation) in
            var e = set.evaluation
            e.classes = e.classes.map(\.visible)
            e.notes = e.notes.map(\.visible)
            return (set.name, e)
        }
        let source = source.visible
        guard let first = sets.first?.evaluation else { return "" }
        var out = source + "\n"
        if first.isBinary {
            out += "two classes: \(first.classes.joined(separator: ", ")); positive class '\(first.classes[1])', threshold \(first.threshold)\n"
        } else {
            out += "\(first.classes.count) classes: \(first.classes.joined(separator: ", "))\n"
        }
        out += "\n" + summary(sets)
        if !first.isBinary {
            for (name, e) in sets { out += "\n" + perClass(e, title: "\(name) per class") }
        }
        let matrices = sets.map { confusion($0.evaluation, title: "\($0.name) confusion") }
        out += "\nconfusion matrices (rows: true class, columns: predicted)\n"
        out += sideBySide(matrices) ?? matrices.joined(separator: "\n")
        let notes = sets.flatMap { set in set.evaluation.notes.map { "  \(set.name): \($0)" } }
        if !notes.isEmpty { out += "\nnotes:\n" + notes.joined(separator: "\n") + "\n" }
        return out
    }

    /// One row per score, one column per set; an undefined score (nil) says so.
    static func summary(_ sets: [(name: String, evaluation: Evaluation)]) -> String {
        let binary = sets[0].evaluation.isBinary
        var rows: [(String, (Evaluation) -> Double?)] = [("accuracy", { $0.accuracy })]
        if binary {
            rows += [("precision", { $0.precision }), ("recall", { $0.recall }), ("f1", { $0.f1 }), ("auc", { $0.auc })]
        } else {
            rows += [("macro precision", { $0.precision }), ("macro recall", { $0.recall }), ("macro f1", { $0.f1 }),
                     ("weighted precision", { $0.scores.weighted.precision }),
                     ("weighted recall", { $0.scores.weighted.recall }),
                     ("weighted f1", { $0.scores.weighted.f1 }),
                     ("auc (one-vs-rest)", { $0.auc })]
        }
        rows.append(("log loss", { $0.logLoss }))
        let table = [[""] + sets.map(\.name), ["samples"] + sets.map { "\($0.evaluation.samples)" }]
            + rows.map { label, value in [label] + sets.map { value($0.evaluation).map { NumberFormat.fixed($0) } ?? "undefined" } }
        return align(table)
    }

    static func perClass(_ e: Evaluation, title: String) -> String {
        var table = [[title, "precision", "recall", "f1", "support"]]
        for (name, s) in zip(e.classes, e.scores.perClass) {
            table.append(["  " + name] + [s.precision, s.recall, s.f1].map { NumberFormat.fixed($0) } + ["\(s.support)"])
        }
        for (label, a) in [("macro avg", e.scores.macro), ("weighted avg", e.scores.weighted)] {
            table.append(["  " + label] + [a.precision, a.recall, a.f1].map { NumberFormat.fixed($0) } + ["\(e.samples)"])
        }
        return align(table)
    }

    /// Rows are true classes, columns predicted. Class names head the columns when they
    /// fit in 100 characters; otherwise the columns are numbered and the rows say which is which.
    static func confusion(_ e: Evaluation, title: String) -> String {
        let k = e.classes.count
        let counts = e.confusion.rows.map { $0.map(String.init) }
        let named = e.classes.map { $0.count }.reduce(0) { $0 + max($1, 5) + 2 } + 24 <= 100
        let head = named ? e.classes : (0..<k).map(String.init)
        let rowLabel = { (t: Int) in named ? "  " + e.classes[t] : "  \(t) " + e.classes[t] }
        var table = [[title] + head]
        for t in 0..<k { table.append([rowLabel(t)] + counts[t]) }
        return align(table)
    }

    /// Blocks of lines next to each other, four spaces apart; nil when wider than 100 characters.
    static func sideBySide(_ blocks: [String]) -> String? {
        let lines = blocks.map { $0.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
        let widths = lines.map { $0.map(\.count).max() ?? 0 }
        guard widths.reduce(0, +) + 4 * (blocks.count - 1) <= 100 else { return nil }
        var out = ""
        for i in 0..<(lines.map(\.count).max() ?? 0) {
            let cells = lines.indices.map { b in i < lines[b].count ? lines[b][i] : "" }
            let padded = cells.indices.map { b in b == cells.count - 1 ? cells[b] : cells[b] + String(repeating: " ", count: widths[b] - cells[b].count) }
            out += String(padded.joined(separator: "    ").reversed().drop { $0 == " " }.reversed()) + "\n"
        }
        return out
    }

    /// Left-aligns the first column and right-aligns the others, two spaces apart.
    static func align(_ table: [[String]]) -> String {
        let cols = table.map(\.count).max() ?? 0
        var width = [Int](repeating: 0, count: cols)
        for row in table {
            for (c, cell) in row.enumerated() { width[c] = max(width[c], cell.count) }
        }
        var out = ""
        for row in table {
            var line = ""
            for (c, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: max(width[c] - cell.count, 0))
                line += c == 0 ? cell + pad : "  " + pad + cell
            }
            out += String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
        }
        return out
    }
}
