// Text from a data file shown to a person or written into a script: characters that a
// terminal or an interpreter would act on are shown as escapes instead; and spaces trimmed.

extension Substring {
    /// This text without the spaces at either end (option lists like `--center-box -10, 10`,
    /// gnuplot's messages).
    public var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}

extension String {
    /// This text with every control character written as a visible escape: `\n`, `\r`, `\t`,
    /// `\xHH` for the rest of C0, DEL and C1 (ESC is `\x1b`, CSI `\x9b`), and `\u{HHHH}` for
    /// the Unicode line and paragraph separators and the bidirectional overrides and isolates,
    /// which would reorder what a terminal shows. Everything else, backslashes included, is kept.
    public var visible: String {
        guard unicodeScalars.contains(where: Self.needsEscape) else { return self }
        var out = String.UnicodeScalarView()
        for u in unicodeScalars {
            guard Self.needsEscape(u) else { out.append(u); continue }
            let escape: String
            switch u {
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            default:
                let hex = String(u.value, radix: 16)
                escape = u.value < 0x100 ? "\\x" + (hex.count == 1 ? "0" : "") + hex : "\\u{" + hex + "}"
            }
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }

    /// True for the scalars `visible` escapes (and stream writers %-encode in attribute values).
    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0..<0x20, 0x7F...0x9F: return true                        // C0, DEL, C1
        case 0x2028, 0x2029: return true                                // line and paragraph separators
        case 0x202A...0x202E, 0x2066...0x2069: return true             // bidirectional embeddings, overrides, isolates
        default: return false
        }
    }
}
