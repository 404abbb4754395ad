// Reads an nn-stream section by section. After `next()` hands out a header the
// caller consumes its rows with exactly one of `read`, `copy`, `skip` or `visitRows`;
// every one of them checks each row, so a stage that only passes a section through
// still refuses a malformed one.

public final class StreamReader {
    public static let magic = "nn-stream"
    public static let version = 1

    public enum Item {
        case comment(String)
        case section(SectionHeader)
    }

    private let lines: LineReader
    private var pending: SectionHeader?
    private var ended = false
    /// Why a stream may end early: said after every "truncated input" message.
    private let truncationCause: String

    public var lineNumber: Int { lines.lineNumber }

    /// Wraps `lines` and checks the first line (`nn-stream 1`). `fromFile`: the stream is a
    /// file (a saved model), not the output of a stage before this one.
    public init(_ lines: LineReader, fromFile: Bool = false) throws {
        self.lines = lines
        truncationCause = fromFile ? "the file is cut short" : "the stage before this one probably failed"
        var bom = false
        let first: String? = try nextLine { b in
            bom = b.starts(with: [0xEF, 0xBB, 0xBF])
            return String(decoding: b.prefix(80), as: UTF8.self)
        }
        guard let first else {
            throw truncated(line: 1, "the input is empty, expected '\(StreamReader.magic) \(StreamReader.version)'")
        }
        if bom {
            throw StreamError(line: 1, "the input starts with a UTF-8 byte-order mark (EF BB BF); an nn-stream has none, remove it with sed '1s/^\\xEF\\xBB\\xBF//'")
        }
        let words = first.split(separator: " ")
        guard words.count == 2, words[0] == StreamReader.magic else {
            throw StreamError(line: 1, "not an nn-stream: expected '\(StreamReader.magic) \(StreamReader.version)', found '\(first.filter { $0.isASCII && !$0.isNewline })'")
        }
        guard words[1] == "\(StreamReader.version)" else {
            throw StreamError(line: 1, "unsupported stream version \(words[1]): this program reads version \(StreamReader.version)")
        }
    }

    /// Lines end in LF alone; a file saved with Windows line ends is refused, by name.
    static func crlfError(line: Int) -> StreamError {
        StreamError(line: line, "CRLF line end: an nn-stream's lines end in LF alone; convert the file with dos2unix")
    }

    public static func standardInput() throws -> StreamReader {
        try StreamReader(LineReader(fileDescriptor: 0))
    }

    public static func open(path: String) throws -> StreamReader {
        try StreamReader(LineReader.open(path: path), fromFile: path != "-")
    }

    /// A stream that ends before `@end`: `truncated input: <what> (<why>)`. Every way a
    /// stream can end early says so in these words, so a failing stage upstream is recognised.
    private func truncated(line: Int?, _ what: String) -> StreamError {
        StreamError(line: line, "truncated input: \(what) (\(truncationCause))")
    }

    /// A last line cut off without its newline fails to parse because the stream ends there,
    /// not because a writer wrote it wrong: report it as truncated.
    private func cutShort(_ error: StreamError) -> StreamError {
        guard lines.endedMidLine, !error.detail.hasPrefix("truncated input") else { return error }
        return truncated(line: error.line, "the last line is cut short (\(error.detail))")
    }

    /// `lines.nextLine` for every line of a stream: a line ending in CR is refused by name
    /// (whatever it holds), and parse errors on a cut-off last line are reported as truncation.
    private func nextLine<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R? {
        var crlf = false
        do {
            return try lines.nextLine { b in
                if b.last == 13 { crlf = true; throw StreamReader.crlfError(line: lines.lineNumber) }
                return try body(b)
            }
        } catch let e as StreamError {
            throw crlf ? e : cutShort(e)
        }
    }

    /// The next comment or section header; nil after `@end`.
    public func next() throws -> Item? {
        if let pending {
            preconditionFailure("StreamReader: section \(pending.name) was not consumed")
        }
        if ended { return nil }
        enum Line { case end, comment(String), header(SectionHeader), other(String) }
        let n = lines.lineNumber + 1
        let line: Line? = try nextLine { b in
            if b.count == 4 && b[0] == 64 && b[1] == 101 && b[2] == 110 && b[3] == 100 { return .end }
            if b.first == 35 { return .comment(String(decoding: b.dropFirst(), as: UTF8.self)) }
            if b.first == 64 { return .header(try SectionHeader.parse(b, lineNumber: n)) }
            return .other(String(decoding: b.prefix(60), as: UTF8.self))
        }
        switch line {
        case nil:
            throw truncated(line: n, "the stream ends without '@end'")
        case .end:
            ended = true
            let extra = try nextLine { _ in true }
            if extra != nil {
                throw StreamError(line: lines.lineNumber, "data after '@end': a stream ends at its '@end' line")
            }
            return nil
        case .comment(let text):
            return .comment(text)
        case .header(let h):
            pending = h
            return .section(h)
        case .other(let text):
            throw cutShort(StreamError(line: n, "expected a section header ('@name type ROWSxCOLS ...') or '@end', found '\(text)'"))
        }
    }

    /// Reads every section and comment up to `@end` (small streams, tests).
    public func readAll() throws -> (sections: [Section], comments: [String]) {
        var sections: [Section] = []
        var comments: [String] = []
        while let item = try next() {
            switch item {
            case .comment(let c): comments.append(c)
            case .section(let h): sections.append(try read(h))
            }
        }
        return (sections, comments)
    }

    /// Parses the section's rows into memory; with `copyingTo`, also passes the section
    /// on to `writer` byte for byte (a stage that needs a section and must pass it through).
    public func read(_ header: SectionHeader, copyingTo writer: StreamWriter? = nil) throws -> Section {
        try writer?.rawLine(header.text)
        // A header may claim more rows than follow: reserve a bounded amount, then grow.
        let reserve = min(header.rows * header.cols, SectionHeader.reservationLimit)
        let storage: Storage
        switch header.type {
        case .f32:
            var values = [Float](); values.reserveCapacity(reserve)
            try forEachRow(header, copyingTo: writer) { p, n, start, r in
                try Self.tokens(p, n, header, self.lines.lineNumber) { tp, tn, c in
                    guard let v = NumberText.parseFloat(tp, tn) else { throw Self.badNumber(tp, tn, header, r, c, self.lines.lineNumber) }
                    values.append(v)
                }
            }
            storage = .f32(values)
        case .i32:
            var values = [Int32](); values.reserveCapacity(reserve)
            try forEachRow(header, copyingTo: writer) { p, n, start, r in
                try Self.tokens(p, n, header, self.lines.lineNumber) { tp, tn, c in
                    guard let v = NumberText.parseInt32(tp, tn) else { throw Self.badNumber(tp, tn, header, r, c, self.lines.lineNumber) }
                    values.append(v)
                }
            }
            storage = .i32(values)
        case .u8:
            var values = [UInt8](); values.reserveCapacity(reserve)
            let cols = header.cols
            try forEachRow(header, copyingTo: writer) { p, n, _, r in
                if n < header.minimumRowBytes { try self.rowError(p, n, header, r) }
                let start = values.count
                values.append(contentsOf: repeatElement(0, count: cols))
                let ok = cols == 0 ? NumberText.parseByteRow(p, n, cols: 0, into: UnsafeMutablePointer(bitPattern: 1)!)
                    : values.withUnsafeMutableBufferPointer { NumberText.parseByteRow(p, n, cols: cols, into: $0.baseAddress! + start) }
                if !ok { try self.rowError(p, n, header, r) }
            }
            storage = .u8(values)
        }
        return Section(header: header, storage: storage)
    }

    /// Checks the section's rows and writes header and rows to `writer` byte for byte.
    public func copy(_ header: SectionHeader, to writer: StreamWriter) throws {
        try writer.rawLine(header.text)
        try forEachRow(header) { p, n, _, r in
            try self.check(p, n, header, r)
            try writer.rawLine(UnsafeBufferPointer(start: p, count: n))
        }
    }

    /// Checks the section's rows and discards them.
    public func skip(_ header: SectionHeader) throws {
        try forEachRow(header) { p, n, _, r in try self.check(p, n, header, r) }
    }

    /// Streams the rows as Float32 (u8 scaled, i32 converted), one reused buffer per row.
    /// With `writer`, the header and each row are also passed on to it byte for byte
    /// (a stage that both uses a section and passes it through, without holding its text).
    public func visitRows(_ header: SectionHeader, copyingTo writer: StreamWriter? = nil,
                          _ body: (Int, UnsafeBufferPointer<Float>) throws -> Void) throws {
        try writer?.rawLine(header.text)
        // The row buffers are made at the first row long enough to hold COLS values,
        // so a header alone never allocates them.
        var row: [Float] = []
        func makeRow(_ p: UnsafePointer<UInt8>, _ n: Int, _ r: Int) throws {
            if n < header.minimumRowBytes { try rowError(p, n, header, r) }
            row = [Float](repeating: 0, count: header.cols)
        }
        let scale = try ByteScale(header.attributes["scale"], line: header.line, section: header.name)
        if header.type == .u8 {
            // One pass over the row's bytes, then a table lookup per value.
            let table = (0..<256).map { scale.apply(UInt8($0)) }
            var bytes: [UInt8] = []
            try forEachRow(header) { p, n, _, r in
                if r == 0 {
                    try makeRow(p, n, r)
                    bytes = [UInt8](repeating: 0, count: max(header.cols, 1))
                }
                let ok = bytes.withUnsafeMutableBufferPointer { NumberText.parseByteRow(p, n, cols: header.cols, into: $0.baseAddress!) }
                if !ok { try self.rowError(p, n, header, r) }
                try writer?.rawLine(UnsafeBufferPointer(start: p, count: n))
                try row.withUnsafeMutableBufferPointer { out in
                    table.withUnsafeBufferPointer { t in
                        bytes.withUnsafeBufferPointer { b in
                            for c in 0..<out.count { out[c] = t[Int(b[c])] }
                        }
                    }
                    try body(r, UnsafeBufferPointer(out))
                }
            }
            return
        }
        try forEachRow(header) { p, n, _, r in
            if r == 0 { try makeRow(p, n, r) }
            try row.withUnsafeMutableBufferPointer { out in
                try Self.tokens(p, n, header, self.lines.lineNumber) { tp, tn, c in
                    let v: Float?
                    switch header.type {
                    case .f32: v = NumberText.parseFloat(tp, tn)
                    case .i32: v = NumberText.parseInt32(tp, tn).map { Float($0) }
                    case .u8: v = NumberText.parseUInt8(tp, tn).map { scale.apply($0) }
                    }
                    guard let v else { throw Self.badNumber(tp, tn, header, r, c, self.lines.lineNumber) }
                    out[c] = v
                }
                try writer?.rawLine(UnsafeBufferPointer(start: p, count: n))
                try body(r, UnsafeBufferPointer(out))
            }
        }
    }

    private func check(_ p: UnsafePointer<UInt8>, _ n: Int, _ header: SectionHeader, _ r: Int) throws {
        if header.type == .u8 && n >= header.minimumRowBytes {
            let ok = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(header.cols, 1)) {
                NumberText.parseByteRow(p, n, cols: header.cols, into: $0.baseAddress!)
            }
            if ok { return }
        }
        try checkTokens(p, n, header, r)
    }

    /// Checks a row token by token: its count and each value's form.
    private func checkTokens(_ p: UnsafePointer<UInt8>, _ n: Int, _ header: SectionHeader, _ r: Int) throws {
        try Self.tokens(p, n, header, self.lines.lineNumber) { tp, tn, c in
            let ok: Bool
            switch header.type {
            case .f32: ok = NumberText.parseFloat(tp, tn) != nil
            case .i32: ok = NumberText.parseInt32(tp, tn) != nil
            case .u8: ok = NumberText.parseUInt8(tp, tn) != nil
            }
            if !ok { throw Self.badNumber(tp, tn, header, r, c, self.lines.lineNumber) }
        }
    }

    /// Throws the error that the token-by-token check finds in a row a fast parser refused
    /// (or that is too short to hold the header's columns).
    private func rowError(_ p: UnsafePointer<UInt8>, _ n: Int, _ header: SectionHeader, _ r: Int) throws -> Never {
        try checkTokens(p, n, header, r)
        throw StreamError(line: lines.lineNumber, "section \(header.name): malformed row")
    }

    /// Calls `body(bytes, count, lineStart, rowIndex)` for each of the header's rows.
    private func forEachRow(_ header: SectionHeader, copyingTo writer: StreamWriter? = nil,
                            _ body: (UnsafePointer<UInt8>, Int, Int, Int) throws -> Void) throws {
        precondition(pending == header, "StreamReader: \(header.name) is not the pending section")
        pending = nil
        for r in 0..<header.rows {
            let got: Bool? = try nextLine { b in
                if b.first == 64 || b.first == 35 { return false }
                try body(b.baseAddress ?? UnsafePointer(bitPattern: 1)!, b.count, 0, r)
                try writer?.rawLine(b)
                return true
            }
            let what = "section \(header.name) (header on line \(header.line ?? 0)) ends after \(r) of \(header.rows) rows"
            if got == nil { throw truncated(line: lines.lineNumber + 1, what) }
            if got == false { throw StreamError(line: lines.lineNumber, what) }
        }
    }

    /// Splits a row on runs of spaces/tabs and checks it has `cols` values.
    @inline(__always)
    private static func tokens(_ p: UnsafePointer<UInt8>, _ n: Int, _ header: SectionHeader, _ line: Int,
                               _ body: (UnsafePointer<UInt8>, Int, Int) throws -> Void) throws {
        var i = 0
        var c = 0
        let end = n
        while true {
            while i < end && (p[i] == 32 || p[i] == 9) { i += 1 }
            if i >= end { break }
            let s = i
            while i < end && p[i] != 32 && p[i] != 9 { i += 1 }
            if c == header.cols {
                c += 1
                while true {
                    while i < end && (p[i] == 32 || p[i] == 9) { i += 1 }
                    if i >= end { break }
                    while i < end && p[i] != 32 && p[i] != 9 { i += 1 }
                    c += 1
                }
                break
            }
            try body(p + s, i - s, c)
            c += 1
        }
        if c != header.cols {
            throw StreamError(line: line, "section \(header.name): row has \(c) value\(c == 1 ? "" : "s"), expected \(header.cols)")
        }
    }

    private static func badNumber(_ p: UnsafePointer<UInt8>, _ n: Int, _ h: SectionHeader, _ r: Int, _ c: Int, _ line: Int) -> StreamError {
        let text = String(decoding: UnsafeBufferPointer(start: p, count: min(n, 40)), as: UTF8.self)
        let what: String
        switch h.type {
        case .f32: what = "a finite f32 number (NaN and infinities are not allowed)"
        case .i32: what = "an i32 integer"
        case .u8: what = "a u8 integer 0..255"
        }
        return StreamError(line: line, "section \(h.name), column \(c + 1): expected \(what), found '\(text)'")
    }
}
