// Text for gnuplot: numbers as data rows, strings as inert literals, comments that stay
// comments, lists in words. Every piece of text in a script goes through `quoted` or `comment`.

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

    /// One line of text as a gnuplot string that gnuplot shows as it is: single-quoted literals,
    /// inside which it substitutes no backquotes (`` `command` ``) and no macros (`@name`) and
    /// reads no backslash escapes. A `'` cannot be written inside one (gnuplot 5.4 reads the
    /// doubled `''` wrongly at a string's start), so text holding one is a concatenation:
    /// `it's` is `('it'."'".'s')`. Control characters are shown as escapes (String.visible), so
    /// no text can end the line and start a command of its own. The terminals are `noenhanced`,
    /// so `^ _ @ & { }` show as typed too.
    public static func quoted(_ text: String) -> String {
        // Split by scalars: a `'` followed by a combining mark is one Character, but gnuplot
        // sees the quote byte.
        let parts = text.visible.unicodeScalars.split(separator: "'", omittingEmptySubsequences: false)
            .map { "'" + String(String.UnicodeScalarView($0)) + "'" }
        return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: ".\"'\".") + ")"
    }

    /// A tic label, which gnuplot reads as a format for the tic's value: `%` is doubled so that
    /// the label shows as typed (`100%` would otherwise be "Bad format character").
    public static func ticLabel(_ text: String) -> String {
        quoted(text.replacingAll("%", with: "%%"))
    }

    /// Lines of text as one gnuplot string expression: each line quoted, joined by newlines
    /// (`('first'."\n".'second')`), for titles of more than one line.
    public static func quoted(lines: [String]) -> String {
        guard lines.count > 1 else { return quoted(lines.first ?? "") }
        return "(" + lines.map { quoted($0) }.joined(separator: ".\"\\n\".") + ")"
    }

    /// A comment line: `# ` and the text with control characters shown as escapes. A comment
    /// that ended in `\` would continue onto the next line and swallow it, so a final
    /// backslash is written as `\x5c`.
    public static func comment(_ text: String) -> String {
        var body = text.visible
        // By bytes: a final backslash may share a Character with what comes before it.
        if body.utf8.last == UInt8(ascii: "\\") { body = String(decoding: body.utf8.dropLast(), as: UTF8.self) + "\\x5c" }
        return "# " + body
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
