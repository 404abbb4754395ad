// Evaluations as JSON for scripts: {"train": {...}, "test": {...}} with the keys
// accuracy, precision, recall, f1, confusion, auc, log_loss (per_class with k > 2).
// Numbers are Float64 printed shortest round-trip; an undefined score is null.

public enum MetricsJSON {
    /// One object per scored set, in the order given (train before test).
    public static func document(_ sets: [(name: String, evaluation: Evaluation)]) -> String {
        var out = "{"
        for (i, set) in sets.enumerated() {
            out += (i == 0 ? "\n" : ",\n") + "  \(string(set.name)): " + object(set.evaluation, indent: "  ")
        }
        return out + (sets.isEmpty ? "}\n" : "\n}\n")
    }

    static func object(_ e: Evaluation, indent: String) -> String {
        var fields: [(String, String)] = [
            ("samples", "\(e.samples)"),
            ("classes", "[" + e.classes.map(string).joined(separator: ", ") + "]"),
        ]
        if e.isBinary {
            fields.append(("positive_class", string(e.classes[1])))
            fields.append(("threshold", number(e.threshold)))
        }
        fields += [
            ("accuracy", number(e.accuracy)),
            ("precision", number(e.precision)),
            ("recall", number(e.recall)),
            ("f1", number(e.f1)),
            ("confusion", "[" + e.confusion.rows.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"),
            ("auc", e.auc.map(number) ?? "null"),
            ("log_loss", number(e.logLoss)),
        ]
        if !e.isBinary {
            let inner = indent + "    "
            let perClass = zip(e.classes, e.scores.perClass).map { name, s in
                "\(inner)\(string(name)): {\"precision\": \(number(s.precision)), \"recall\": \(number(s.recall)), \"f1\": \(number(s.f1)), \"support\": \(s.support)}"
            }
            fields.append(("per_class", "{\n" + perClass.joined(separator: ",\n") + "\n\(indent)  }"))
            fields.append(("macro", average(e.scores.macro)))
            fields.append(("weighted", average(e.scores.weighted)))
        }
        fields.append(("notes", "[" + e.notes.map(string).joined(separator: ", ") + "]"))
        return "{\n" + fields.map { "\(indent)  \(string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n\(indent)}"
    }

    static func average(_ a: AveragedScore) -> String {
        "{\"precision\": \(number(a.precision)), \"recall\": \(number(a.recall)), \"f1\": \(number(a.f1))}"
    }

    /// Shortest text that reads back as the same Float64 (`0.9375`, `1.0`, `1e-05`); null if not finite.
    static func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }

    /// A JSON string literal: `"` and `\` escaped, control characters (C0, DEL, C1) and the
    /// Unicode line separators as \uXXXX, so the text is inert on a terminal and in JavaScript.
    public static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
