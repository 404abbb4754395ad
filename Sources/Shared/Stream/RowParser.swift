// The rows of one section: each row line split into values on spaces and tabs, checked
// against the header (how many values, the form of each) and parsed. StreamReader finds
// the row lines; this reads what is on them.

struct RowParser {
    let header: SectionHeader
    /// What a u8 value stands for (the header's `scale`); 1 for the other types.
    let scale: ByteScale

    init(_ header: SectionHeader) throws {
        self.header = header
        scale = header.type == .u8 ? try ByteScale(header.attributes["scale"], line: header.line, section: header.name) : .one
    }

    /// True when `row` is too short to hold COLS values: no buffer of COLS values is made for it.
    @inline(__always)
    func isShort(_ row: UnsafeBufferPointer<UInt8>) -> Bool { row.count < header.minimumRowBytes }

    /// Checks the row: how many values it holds, and the form of each.
    func check(_ row: UnsafeBufferPointer<UInt8>, line: Int) throws {
        if header.type == .u8 && !isShort(row) {
            let ok = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(header.cols, 1)) {
                NumberText.parseByteRow(Self.start(row), row.count, cols: header.cols, into: $0.baseAddress!)
            }
            if ok { return }
        }
        try checkValues(row, line: line)
    }

    /// Appends the row's values to `values`, token by token.
    @inline(__always)
    func appendValues<T: StreamElement>(_ row: UnsafeBufferPointer<UInt8>, line: Int, to values: inout [T]) throws {
        try forEachValue(row, line: line) { p, n, c in
            guard let v = T.parse(p, n) else { throw badValue(p, n, column: c, line: line) }
            values.append(v)
        }
    }

    /// Appends a u8 row's values to `values` in one pass over its bytes.
    @inline(__always)
    func appendBytes(_ row: UnsafeBufferPointer<UInt8>, line: Int, to values: inout [UInt8]) throws {
        let cols = header.cols
        if cols == 0 || isShort(row) { return try appendValues(row, line: line, to: &values) }
        let start = values.count
        values.append(contentsOf: repeatElement(0, count: cols))
        let ok = values.withUnsafeMutableBufferPointer {
            NumberText.parseByteRow(Self.start(row), row.count, cols: cols, into: $0.baseAddress! + start)
        }
        if !ok { try refuse(row, line: line) }
    }

    /// Parses a u8 row into `out` (COLS bytes) in one pass over its bytes.
    @inline(__always)
    func parseBytes(_ row: UnsafeBufferPointer<UInt8>, line: Int, into out: UnsafeMutablePointer<UInt8>) throws {
        if !NumberText.parseByteRow(Self.start(row), row.count, cols: header.cols, into: out) { try refuse(row, line: line) }
    }

    /// Parses the row into `out` (COLS values) as Float32: i32 converted, u8 through `scale`.
    @inline(__always)
    func parseFloats(_ row: UnsafeBufferPointer<UInt8>, line: Int, into out: UnsafeMutableBufferPointer<Float>) throws {
        try forEachValue(row, line: line) { p, n, c in
            guard let v = header.type.float(p, n, scale: scale) else { throw badValue(p, n, column: c, line: line) }
            out[c] = v
        }
    }

    /// Throws the error that the token-by-token check finds in a row a one-pass parser
    /// refused (or that is too short to hold the header's columns).
    func refuse(_ row: UnsafeBufferPointer<UInt8>, line: Int) throws -> Never {
        try checkValues(row, line: line)
        throw StreamError(line: line, "section \(header.name): malformed row")
    }

    private func checkValues(_ row: UnsafeBufferPointer<UInt8>, line: Int) throws {
        try forEachValue(row, line: line) { p, n, c in
            if header.type.float(p, n, scale: scale) == nil { throw badValue(p, n, column: c, line: line) }
        }
    }

    /// Calls `body(start, count, column)` for each value of the row, separated by runs of
    /// spaces and tabs; throws unless the row holds exactly COLS values, with no blank before
    /// the first or after the last.
    @inline(__always)
    func forEachValue(_ row: UnsafeBufferPointer<UInt8>, line: Int,
                      _ body: (UnsafePointer<UInt8>, Int, Int) throws -> Void) throws {
        let p = Self.start(row), end = row.count, cols = header.cols
        if end > 0 {
            if StreamReader.isBlank(p[end - 1]) { throw StreamReader.endsInBlank(p[end - 1], line: line) }
            if StreamReader.isBlank(p[0]) {
                throw StreamError(line: line, "section \(header.name): the row starts with a \(p[0] == UInt8(ascii: "\t") ? "tab" : "space"); a row's first value begins the line")
            }
        }
        var i = 0
        var c = 0
        while i < end {
            let s = i
            // Bytes above the space end no value: one comparison a byte; a control byte (part
            // of the value, which it makes malformed) falls to the exact test.
            while i < end && (p[i] > UInt8(ascii: " ") || (p[i] != UInt8(ascii: " ") && p[i] != UInt8(ascii: "\t"))) { i += 1 }
            if c < cols { try body(p + s, i - s, c) }
            c += 1
            while i < end && StreamReader.isBlank(p[i]) { i += 1 }
        }
        if c != cols {
            throw StreamError(line: line, "section \(header.name): row has \(c) value\(c == 1 ? "" : "s"), expected \(cols)")
        }
    }

    /// `section x, column 3: expected ..., found '...'`; columns are numbered from 0.
    private func badValue(_ p: UnsafePointer<UInt8>, _ n: Int, column c: Int, line: Int) -> StreamError {
        let token = UnsafeBufferPointer(start: p, count: n)
        let quoted = "'\(String(decoding: token.prefix(40), as: UTF8.self).visible)'"
        var found = token.contains(0) ? "a NUL byte in \(quoted)" : quoted
        if header.type != .f32 && NumberText.hasLeadingZero(p, n) { found += " (integers have no leading zeros)" }
        return StreamError(line: line, "section \(header.name), column \(c): expected \(header.type.expected), found \(found)")
    }

    /// The row's first byte; an empty row (a section of 0 columns) still has an address.
    @inline(__always)
    private static func start(_ row: UnsafeBufferPointer<UInt8>) -> UnsafePointer<UInt8> {
        row.baseAddress ?? UnsafePointer(bitPattern: 1)!
    }
}

extension StreamElement {
    /// Appends a row's values token by token.
    @inline(__always)
    static func append(_ row: UnsafeBufferPointer<UInt8>, line: Int, _ parser: RowParser, to values: inout [Self]) throws {
        try parser.appendValues(row, line: line, to: &values)
    }
}

extension UInt8 {
    /// Appends a row's bytes in one pass (the bulk of an image stream).
    @inline(__always)
    static func append(_ row: UnsafeBufferPointer<UInt8>, line: Int, _ parser: RowParser, to values: inout [UInt8]) throws {
        try parser.appendBytes(row, line: line, to: &values)
    }
}
