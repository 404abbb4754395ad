// Text for gnuplot: numbers as data rows, strings as quoted literals, lists in words.

public enum PlotText {
    /// Space-separated shortest round-trip numbers, as a data row.
    public static func numbers(_ values: [Float]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(values.count * 8)
        for (i, v) in values.enumerated() {
            if i > 0 { out.append(32) }
            if v.isNaN {
                out.append(contentsOf: Array("NaN".utf8))  // gnuplot's "no value here"
            } else {
                NumberText.appendFloat(v, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func number(_ v: Float) -> String { numbers([v]) }

    /// A gnuplot double-quoted string literal: `\` and `"` escaped, a newline as `\n`.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r", "\t": out += " "
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    /// Names for the parts of a list: "a", "a and b", "a, b and c".
    public static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
