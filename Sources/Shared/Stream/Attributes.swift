// Ordered `key=value` attributes of a section header. Values are single tokens:
// whitespace, `%` and control bytes are percent-encoded (%20, %25, ...), so a
// header splits on spaces and each attribute on its first `=`.

public struct Attributes: Equatable, Sendable, Sequence {
    public private(set) var pairs: [(key: String, value: String)] = []

    public init() {}

    public init(_ pairs: [(String, String)]) {
        for (k, v) in pairs { self[k] = v }
    }

    public static func == (a: Attributes, b: Attributes) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: String)]> { pairs.makeIterator() }

    public var isEmpty: Bool { pairs.isEmpty }

    /// The value of `key`, or nil; setting nil removes it, setting a new key appends it.
    public subscript(key: String) -> String? {
        get { pairs.first { $0.key == key }?.value }
        set {
            if let i = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[i].value = newValue } else { pairs.remove(at: i) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
        }
    }

    /// A comma-separated list value (`classes=dress,coat`); items may contain `,` as %2C.
    public func list(_ key: String) -> [String]? {
        guard let v = self[key] else { return nil }
        if v.isEmpty { return [] }
        // Split on the comma's byte, as any reader would: a comma followed by a combining mark is
        // one Character to Swift but a separator to everyone else.
        return v.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            .map { Attributes.decodeListItem(String(decoding: $0, as: UTF8.self)) }
    }

    public mutating func setList(_ key: String, _ items: [String]) {
        self[key] = items.map(Attributes.encodeListItem).joined(separator: ",")
    }

    /// A number-valued attribute, or a StreamError naming the key when it does not parse.
    public func double(_ key: String, line: Int? = nil) throws -> Double? {
        guard let v = self[key] else { return nil }
        guard let d = Double(v), d.isFinite else {
            throw StreamError(line: line, "attribute \(key)=\(v) is not a finite number")
        }
        return d
    }

    public func int(_ key: String, line: Int? = nil) throws -> Int? {
        guard let v = self[key] else { return nil }
        guard let i = Int(v) else { throw StreamError(line: line, "attribute \(key)=\(v) is not an integer") }
        return i
    }

    static func encodeListItem(_ s: String) -> String {
        s.replacingAll("%", with: "%25").replacingAll(",", with: "%2C")
    }

    static func decodeListItem(_ s: String) -> String {
        s.replacingAll("%2C", with: ",").replacingAll("%2c", with: ",").replacingAll("%25", with: "%")
    }

    /// Percent-encodes whitespace, `%` and control characters (C0, DEL, C1, and the Unicode
    /// line separators and bidirectional controls that String.visible escapes), each UTF-8 byte
    /// as %XX; leaves other UTF-8 as it is. A header is then text a terminal shows as it is.
    public static func encodeValue(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            if u.value <= 0x20 || u == "%" || String.needsEscape(u) {
                for b in String(u).utf8 {
                    out.append(UInt8(ascii: "%"))
                    out.append(hexDigit(b >> 4))
                    out.append(hexDigit(b & 0xF))
                }
            } else {
                out.append(contentsOf: String(u).utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes %XX escapes; nil when an escape is malformed or the result is not UTF-8.
    public static func decodeValue<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                let h = bytes.index(after: i)
                guard h != bytes.endIndex else { return nil }
                let l = bytes.index(after: h)
                guard l != bytes.endIndex, let hi = hexValue(bytes[h]), let lo = hexValue(bytes[l]) else { return nil }
                out.append(hi << 4 | lo)
                i = bytes.index(after: l)
            } else {
                out.append(b)
                i = bytes.index(after: i)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? UInt8(ascii: "0") + v : UInt8(ascii: "A") + v - 10 }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced, matched byte for byte in UTF-8 (not Character by
    /// Character, which would miss a `'` or `,` that a combining mark joins to what follows).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let t = Array(target.utf8)
        let bytes = Array(utf8)
        guard !t.isEmpty, bytes.count >= t.count else { return self }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == t[0], i + t.count <= bytes.count, bytes[i..<(i + t.count)].elementsEqual(t) {
                out.append(contentsOf: replacement.utf8)
                i += t.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
