// Text for gnuplot: numbers as data rows, strings as quoted literals, and the short
// fixed-point numbers that titles show ("AUC 0.9731").

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

    /// `x` rounded to `digits` decimals, written out in full: fixed(0.97306, 3) = "0.973".
    public static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "\(x)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = (abs(x) * scale).rounded()
        let negative = x < 0 && n > 0
        var whole = String(Int(n / scale))
        if digits > 0 {
            var frac = String(Int(n.truncatingRemainder(dividingBy: scale)))
            while frac.count < digits { frac = "0" + frac }
            whole += "." + frac
        }
        return negative ? "-" + whole : whole
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
