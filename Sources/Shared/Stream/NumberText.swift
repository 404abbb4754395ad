// Numbers as text: strict parsing of row tokens and shortest round-trip printing of f32.

public enum NumberText {
    /// Exact powers of ten in binary32 (10^0 ... 10^10 are all exactly representable).
    private static let pow10: [Float] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10]
    /// Exact powers of ten in binary64 (10^0 ... 10^22).
    private static let pow10Double: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { r, _ in r * 10 } }

    /// Parses `-?digits(.digits)?([eE][+-]?digits)?` to the nearest Float32 (round-to-nearest-even).
    /// Returns nil for anything else, including nan, inf, hex, and values that overflow to infinity.
    @inline(__always)
    static func parseFloat(_ p: UnsafePointer<UInt8>, _ n: Int) -> Float? {
        var i = 0
        var negative = false
        if i < n && p[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0          // significant digits accumulated into mantissa
        var dropped = false     // a non-zero digit did not fit in mantissa
        var exp10 = 0
        var sawDigit = false
        while i < n, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") {
            sawDigit = true
            if mantissa < 100_000_000_000_000_000 { mantissa = mantissa * 10 + UInt64(p[i] - UInt8(ascii: "0")); if mantissa > 0 { digits += 1 } }
            else { exp10 += 1; if p[i] != UInt8(ascii: "0") { dropped = true } }
            i += 1
        }
        guard sawDigit else { return nil }
        if i < n && p[i] == UInt8(ascii: ".") {
            i += 1
            var fracDigit = false
            while i < n, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") {
                fracDigit = true
                if mantissa < 100_000_000_000_000_000 { mantissa = mantissa * 10 + UInt64(p[i] - UInt8(ascii: "0")); exp10 -= 1; if mantissa > 0 { digits += 1 } }
                else if p[i] != UInt8(ascii: "0") { dropped = true }
                i += 1
            }
            guard fracDigit else { return nil }
        }
        if i < n && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            i += 1
            var eneg = false
            if i < n && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { eneg = p[i] == UInt8(ascii: "-"); i += 1 }
            var e = 0
            var sawE = false
            while i < n, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") {
                sawE = true
                if e < 100_000 { e = e * 10 + Int(p[i] - UInt8(ascii: "0")) }
                i += 1
            }
            guard sawE else { return nil }
            exp10 += eneg ? -e : e
        }
        guard i == n else { return nil }
        // Fast path (Clinger): an exact mantissa and an exact power of ten give one
        // correctly rounded operation.
        if !dropped && mantissa <= 1 << 24 {
            let m = Float(mantissa)
            if mantissa == 0 { return negative ? -0.0 : 0.0 }
            if exp10 >= 0 && exp10 <= 10 { let v = m * pow10[exp10]; if v.isFinite { return negative ? -v : v } }
            if exp10 < 0 && exp10 >= -10 { let v = m / pow10[-exp10]; return negative ? -v : v }
        }
        if mantissa == 0 && !dropped { return negative ? -0.0 : 0.0 }
        // Clinger in binary64: m ≤ 2^53 and |e| ≤ 22 give the correctly rounded double d of
        // the decimal x. Rounding d to binary32 gives x's correctly rounded float unless d
        // is exactly halfway between two floats (rounding to double may have moved x onto
        // that midpoint); then, and outside the normal range, take the slow path.
        if !dropped && mantissa <= 1 << 53 && exp10 >= -22 && exp10 <= 22 {
            let m = Double(mantissa)
            let d = exp10 >= 0 ? m * pow10Double[exp10] : m / pow10Double[-exp10]
            let bits = d.bitPattern & ((1 << 29) - 1)
            if bits != 1 << 28, d >= Double(Float.leastNormalMagnitude), d <= Double(Float.greatestFiniteMagnitude) {
                let f = Float(d)
                return negative ? -f : f
            }
        }
        return slowParse(p, n)
    }

    /// `parseFloat` of a piece of text (an attribute value, a line of a scores file).
    public static func parseFloat(_ text: Substring) -> Float? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { b in b.baseAddress.flatMap { parseFloat($0, b.count) } }
    }

    private static func slowParse(_ p: UnsafePointer<UInt8>, _ n: Int) -> Float? {
        // The syntax is already checked; the standard library's conversion is correctly
        // rounded and ignores the user's locale.
        let v = Float(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
        return v.flatMap { $0.isFinite ? $0 : nil }
    }

    /// Parses `0` or `-?[1-9][0-9]*` into an Int32; nil on anything else (leading zeros,
    /// `-0`) or overflow.
    @inline(__always)
    static func parseInt32(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32? {
        var i = 0
        var negative = false
        if n > 0 && p[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        guard i < n, n - i <= 10 else { return nil }
        if p[i] == UInt8(ascii: "0") && (negative || n - i > 1) { return nil }
        var v: Int64 = 0
        while i < n {
            let d = p[i] &- UInt8(ascii: "0")
            guard d <= 9 else { return nil }
            v = v * 10 + Int64(d)
            i += 1
        }
        if negative { v = -v }
        guard v >= Int64(Int32.min), v <= Int64(Int32.max) else { return nil }
        return Int32(v)
    }

    /// Parses a decimal byte 0...255, without leading zeros.
    @inline(__always)
    static func parseUInt8(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt8? {
        guard n >= 1, n <= 3 else { return nil }
        if p[0] == UInt8(ascii: "0") && n > 1 { return nil }
        var v = 0
        for i in 0..<n {
            let d = p[i] &- UInt8(ascii: "0")
            guard d <= 9 else { return nil }
            v = v * 10 + Int(d)
        }
        return v <= 255 ? UInt8(v) : nil
    }

    /// True for `-?0` followed by another digit: an integer written with a leading zero.
    static func hasLeadingZero(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let i = n > 0 && p[0] == UInt8(ascii: "-") ? 1 : 0
        return n - i >= 2 && p[i] == UInt8(ascii: "0") && p[i + 1] &- UInt8(ascii: "0") <= 9
    }

    /// Parses a whole row of `cols` decimal bytes separated by runs of spaces or tabs into
    /// `out`, in one pass. Returns false on anything else (the caller then finds the error
    /// with the token-by-token parsers, which accept exactly the same rows).
    @inline(__always)
    static func parseByteRow(_ p: UnsafePointer<UInt8>, _ n: Int, cols: Int, into out: UnsafeMutablePointer<UInt8>) -> Bool {
        // No blank before the first value or after the last: every run of blanks is followed by a value.
        if n > 0 && (StreamReader.isBlank(p[0]) || StreamReader.isBlank(p[n - 1])) { return false }
        var i = 0
        var c = 0
        let end = n
        // Most values are 1 to 3 digits and a single space. Whole 64-byte blocks of them go to
        // ByteBlocks (SSE2); the rest, four bytes at once: find how many digits lead and take
        // the value if a space follows. Anything else (the last value, tabs, runs of blanks, a
        // malformed token) goes to the byte loop below, which takes over from the same place
        // and is the one that refuses.
        let raw = UnsafeRawPointer(p)
        var blocksFrom = 2   // blocks start after a value and its blank
        while i + 8 <= end && c < cols {
            if i >= blocksFrom {
                var at = i
                c += ByteBlocks.parse(p, end, at: &at, into: out + c, room: cols - c)
                // After a block it could not take, try again 64 bytes on.
                blocksFrom = at + 64
                i = at
                continue
            }
            // "0 0 0 0 " (the background of an image) is four values in one comparison.
            if c + 4 <= cols && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) == 0x2030_2030_2030_2030 {
                (out + c).update(repeating: 0, count: 4)
                c += 4
                i += 8
                continue
            }
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt32.self) ^ 0x3030_3030   // digits become 0...9
            // A byte's top bit set: not a digit (x ≥ 10, or a byte ≥ 0x80). No carries between bytes.
            let notDigit = (((x & 0x7F7F_7F7F) &+ 0x7676_7676) | x) & 0x8080_8080
            let length = notDigit.trailingZeroBitCount >> 3
            guard length >= 1 && length <= 3 && p[i + length] == UInt8(ascii: " ") else { break }
            let d0 = x & 0xFF, d1 = (x >> 8) & 0xFF, d2 = (x >> 16) & 0xFF
            // All three readings, then a choice (conditional moves, not a branch on the length).
            let two = d0 * 10 + d1
            let v = length == 1 ? d0 : length == 2 ? two : two * 10 + d2
            // A leading zero or a value above 255: the byte loop refuses it.
            guard v <= 255 && (length == 1 || d0 != 0) else { break }
            out[c] = UInt8(truncatingIfNeeded: v)
            c += 1
            i += length + 1
        }
        // The byte loop starts at a value: past a run of blanks the fast loop stopped in.
        while i > 0 && i < end && StreamReader.isBlank(p[i]) { i += 1 }
        while i < end {
            if c == cols { return false }
            var v = Int(p[i] &- UInt8(ascii: "0"))
            if v > 9 { return false }
            i += 1
            var digits = 1
            // Digits first: the common case costs one comparison a byte.
            while i < end {
                let d = Int(p[i] &- UInt8(ascii: "0"))
                if d > 9 { break }
                // A fourth digit, or a digit after a leading 0.
                if digits == 3 || v == 0 { return false }
                v = v * 10 + d
                digits += 1
                i += 1
            }
            if v > 255 { return false }
            out[c] = UInt8(truncatingIfNeeded: v)
            c += 1
            if i < end {
                // The value ends at a blank or the row is malformed; then skip the run of blanks.
                if !StreamReader.isBlank(p[i]) { return false }
                i += 1
                while i < end && StreamReader.isBlank(p[i]) { i += 1 }
            }
        }
        return c == cols
    }

    /// Appends the one text writers print for `x` (docs/FORMAT.md): the fewest significant
    /// digits d1…dn that read back as the same bits (the one nearest x when several), and with
    /// x = d1.d2…dn × 10^E: an integer of at most 2^24 in magnitude as its digits (`-3`,
    /// `16777216`, `-0`); otherwise positional when −4 ≤ E ≤ 6 (`0.1`, `-2.5`, `0.0001`), else
    /// `d1.d2…dne[-]E` (`1e-5`, `1.5e-7`, `1e8`, `3.4028235e38`). The value must be finite.
    @inline(__always)
    public static func appendFloat(_ x: Float, to out: inout [UInt8]) {
        if x == x.rounded(), abs(x) <= 16_777_216 {
            if x == 0 {
                if x.sign == .minus { out.append(UInt8(ascii: "-")) }
                out.append(UInt8(ascii: "0"))
                return
            }
            appendInt(Int(x), to: &out)
            return
        }
        // Float.description has the shortest digits, and is positional exactly when −4 ≤ E and
        // |x| ≤ 2^24 (with `.0` only on integers, printed above): then it is the form wanted.
        // Otherwise it is `d.ddde±XX`, whose exponent loses its `+` and leading zeros.
        // ShortestPrintingTests checks the form on random floats and on both sides of each bound.
        var text = x.description
        if x.magnitude >= 1e-4 && x.magnitude < 16_777_216 {
            text.withUTF8 { out.append(contentsOf: $0) }
            return
        }
        text.withUTF8 { t in
            let e = t.firstIndex(of: UInt8(ascii: "e"))!
            out.append(contentsOf: UnsafeBufferPointer(rebasing: t[..<e]))
            out.append(UInt8(ascii: "e"))
            var i = e + 1
            if t[i] == UInt8(ascii: "-") { out.append(UInt8(ascii: "-")) }
            if t[i] == UInt8(ascii: "-") || t[i] == UInt8(ascii: "+") { i += 1 }
            while i < t.count - 1 && t[i] == UInt8(ascii: "0") { i += 1 }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: t[i...]))
        }
    }

    /// `x` as writers print it, for messages that quote a value read from a stream.
    public static func text(_ x: Float) -> String {
        var out = [UInt8]()
        appendFloat(x, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    public static func appendInt(_ v: Int, to out: inout [UInt8]) {
        if v >= 0 && v < 10 { out.append(UInt8(ascii: "0") + UInt8(v)); return }
        var n = v.magnitude
        if v < 0 { out.append(UInt8(ascii: "-")) }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var len = 0
        withUnsafeMutableBytes(of: &tmp) { buf in
            repeat {
                buf[19 - len] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                len += 1
            } while n > 0
            out.append(contentsOf: buf[(20 - len)...])
        }
    }
}
