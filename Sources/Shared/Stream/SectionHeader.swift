// A section header line: `@name type ROWSxCOLS key=value ...`.

public struct SectionHeader: Equatable, Sendable {
    public var name: String
    public var type: ElementType
    public var rows: Int
    public var cols: Int
    public var attributes: Attributes
    /// The line the header stood on when it was read (nil for headers made in memory).
    public var line: Int?

    /// The most elements one section may claim: 2^31, i.e. 8 GiB of f32. A header that
    /// claims more is refused before anything is allocated.
    public static let maxElements = 1 << 31

    /// The most columns a section may have: a row of COLS values takes at least 2·COLS−1
    /// bytes (one digit each, one space between), and a line is at most
    /// `LineReader.maxLineLength` bytes.
    public static let maxColumns = LineReader.maxLineLength / 2

    /// The most elements a reader reserves on a header's word alone; beyond it, storage
    /// grows as rows arrive, so a header claiming more rows than follow costs nothing.
    public static let reservationLimit = 1 << 20

    /// The fewest bytes a row of this section's values can take (see `maxColumns`).
    public var minimumRowBytes: Int { cols == 0 ? 0 : 2 * cols - 1 }

    public init(name: String, type: ElementType, rows: Int, cols: Int, attributes: Attributes = Attributes(), line: Int? = nil) {
        self.name = name
        self.type = type
        self.rows = rows
        self.cols = cols
        self.attributes = attributes
        self.line = line
    }

    public static func == (a: SectionHeader, b: SectionHeader) -> Bool {
        a.name == b.name && a.type == b.type && a.rows == b.rows && a.cols == b.cols && a.attributes == b.attributes
    }

    /// The header line, without the newline.
    public var text: String {
        var s = "@\(name) \(type.rawValue) \(rows)x\(cols)"
        for (k, v) in attributes.pairs { s += " \(k)=\(Attributes.encodeValue(v))" }
        return s
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
    }

    public static func isValidName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy(isNameByte)
    }

    /// Parses a header line (starting with `@`, not `@end`).
    static func parse(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws -> SectionHeader {
        if let last = line.last, StreamReader.isBlank(last) { throw StreamReader.endsInBlank(last, line: lineNumber) }
        let usage = "expected a header '@name type ROWSxCOLS key=value ...'"
        if line.contains(UInt8(ascii: "\t")) {
            throw StreamError(line: lineNumber, "malformed section header: fields are separated by one space, found a tab")
        }
        // Fields are separated by exactly one space.
        let fields = line[1...].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        if fields.dropFirst().contains(where: \.isEmpty) {
            throw StreamError(line: lineNumber, "malformed section header: fields are separated by one space, found two spaces")
        }
        guard fields.count >= 3 else {
            throw StreamError(line: lineNumber, "malformed section header: \(usage), found '\(String(decoding: line, as: UTF8.self).prefix(80))'")
        }
        let name = String(decoding: fields[0], as: UTF8.self)
        guard !fields[0].isEmpty, fields[0].allSatisfy(isNameByte) else {
            throw StreamError(line: lineNumber, "malformed section name '\(name.prefix(80))': use letters, digits, '_', '.', '-'")
        }
        let typeText = String(decoding: fields[1], as: UTF8.self)
        guard let type = ElementType(rawValue: typeText) else {
            throw StreamError(line: lineNumber, "section \(name): unknown element type '\(typeText.prefix(40))', expected one of f32, i32, u8")
        }
        let shape = fields[2]
        guard let x = shape.firstIndex(of: UInt8(ascii: "x")),
              let rows = parseCount(shape[shape.startIndex..<x]),
              let cols = parseCount(shape[(x + 1)..<shape.endIndex])
        else {
            throw StreamError(line: lineNumber, "section \(name): malformed shape '\(String(decoding: shape, as: UTF8.self).prefix(40))', expected ROWSxCOLS such as 12000x784")
        }
        if cols > maxColumns {
            throw StreamError(line: lineNumber, "section \(name): \(cols) columns cannot fit in a line (at most \(LineReader.maxLineLength) bytes, so at most \(maxColumns) values)")
        }
        if rows > 0 && cols > maxElements / rows {
            throw StreamError(line: lineNumber, "section \(name): shape \(rows)x\(cols) is larger than the limit of \(maxElements) elements")
        }
        var attributes = Attributes()
        for field in fields.dropFirst(3) {
            guard let eq = field.firstIndex(of: UInt8(ascii: "=")), eq > field.startIndex else {
                throw StreamError(line: lineNumber, "section \(name): malformed attribute '\(String(decoding: field, as: UTF8.self).prefix(80))', expected key=value")
            }
            let key = field[field.startIndex..<eq]
            guard key.allSatisfy(isNameByte) else {
                throw StreamError(line: lineNumber, "section \(name): malformed attribute key '\(String(decoding: key, as: UTF8.self).prefix(80))'")
            }
            let keyText = String(decoding: key, as: UTF8.self)
            let raw = field[(eq + 1)...]
            guard let value = Attributes.decodeValue(raw) else {
                throw StreamError(line: lineNumber, "section \(name): attribute \(keyText) has a malformed %-escape or is not UTF-8")
            }
            if let u = String(decoding: raw, as: UTF8.self).unicodeScalars.first(where: String.needsEscape) {
                throw StreamError(line: lineNumber, "section \(name): attribute \(keyText) holds \(StreamReader.describe(control: u)); writers %-encode it")
            }
            guard attributes[keyText] == nil else {
                throw StreamError(line: lineNumber, "section \(name): attribute \(keyText) is given twice")
            }
            attributes[keyText] = value
        }
        // A u8 section's scale is checked here, so no way of consuming the section lets a bad one by.
        if type == .u8 { _ = try ByteScale(attributes["scale"], line: lineNumber, section: name) }
        return SectionHeader(name: name, type: type, rows: rows, cols: cols, attributes: attributes, line: lineNumber)
    }

    /// A non-negative decimal count without sign or leading zeros (except "0"), at most 18 digits.
    private static func parseCount(_ s: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !s.isEmpty, s.count <= 18 else { return nil }
        if s.count > 1 && s.first == UInt8(ascii: "0") { return nil }
        var v = 0
        for b in s {
            guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return nil }
            v = v * 10 + Int(b - UInt8(ascii: "0"))
        }
        return v
    }
}
