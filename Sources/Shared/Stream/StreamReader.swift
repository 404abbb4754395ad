// Reads an nn-stream section by section. After `next()` hands out a header the
// caller consumes its rows with exactly one of `read`, `copy`, `skip` or `visitRows`;
// every one of them checks each row, so a stage that only passes a section through
// still refuses a malformed one.

public final class StreamReader {
    public static let magic = "nn-stream"
    public static let version = 1
    /// The last line of every complete stream.
    static let endLine = Array("@end".utf8)
    /// UTF-8's byte-order mark, which an nn-stream never starts with.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

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
            bom = b.starts(with: StreamReader.byteOrderMark)
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
                if b.last == UInt8(ascii: "\r") { crlf = true; throw StreamReader.crlfError(line: lines.lineNumber) }
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
            if b.elementsEqual(StreamReader.endLine) { return .end }
            if b.first == UInt8(ascii: "#") { return .comment(String(decoding: b.dropFirst(), as: UTF8.self)) }
            if b.first == UInt8(ascii: "@") { return .header(try SectionHeader.parse(b, lineNumber: n)) }
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
        let storage: Storage
        switch header.type {
        case .f32: storage = .f32(try values(header, copyingTo: writer))
        case .i32: storage = .i32(try values(header, copyingTo: writer))
        case .u8: storage = .u8(try values(header, copyingTo: writer))
        }
        return Section(header: header, storage: storage)
    }

    /// The values of every row of the section, in order.
    private func values<T: StreamElement>(_ header: SectionHeader, copyingTo writer: StreamWriter?) throws -> [T] {
        let parser = try RowParser(header)
        // A header may claim more rows than follow: reserve a bounded amount, then grow.
        var values = [T]()
        values.reserveCapacity(min(header.rows * header.cols, SectionHeader.reservationLimit))
        try forEachRow(header, copyingTo: writer) { row, _ in
            try T.append(row, line: self.lineNumber, parser, to: &values)
        }
        return values
    }

    /// Checks the section's rows and writes header and rows to `writer` byte for byte.
    public func copy(_ header: SectionHeader, to writer: StreamWriter) throws {
        try writer.rawLine(header.text)
        let parser = try RowParser(header)
        try forEachRow(header, copyingTo: writer) { row, _ in try parser.check(row, line: self.lineNumber) }
    }

    /// Checks the section's rows and discards them.
    public func skip(_ header: SectionHeader) throws {
        let parser = try RowParser(header)
        try forEachRow(header) { row, _ in try parser.check(row, line: self.lineNumber) }
    }

    /// Streams the rows as Float32 (u8 scaled, i32 converted), one reused buffer per row.
    /// With `writer`, the header and each row are also passed on to it byte for byte
    /// (a stage that both uses a section and passes it through, without holding its text).
    public func visitRows(_ header: SectionHeader, copyingTo writer: StreamWriter? = nil,
                          _ body: (Int, UnsafeBufferPointer<Float>) throws -> Void) throws {
        try writer?.rawLine(header.text)
        let parser = try RowParser(header)
        // The row buffers are made at the first row long enough to hold COLS values,
        // so a header alone never allocates them.
        var out: [Float] = []
        func makeBuffers(_ row: UnsafeBufferPointer<UInt8>) throws {
            if parser.isShort(row) { try parser.refuse(row, line: lineNumber) }
            out = [Float](repeating: 0, count: header.cols)
        }
        if header.type == .u8 {
            // One pass over the row's bytes, then a table lookup per value.
            let table = (0..<256).map { parser.scale.apply(UInt8($0)) }
            var bytes: [UInt8] = []
            try forEachRow(header, copyingTo: writer) { row, r in
                if r == 0 {
                    try makeBuffers(row)
                    bytes = [UInt8](repeating: 0, count: max(header.cols, 1))
                }
                try bytes.withUnsafeMutableBufferPointer { try parser.parseBytes(row, line: self.lineNumber, into: $0.baseAddress!) }
                try out.withUnsafeMutableBufferPointer { o in
                    table.withUnsafeBufferPointer { t in
                        bytes.withUnsafeBufferPointer { b in
                            for c in 0..<o.count { o[c] = t[Int(b[c])] }
                        }
                    }
                    try body(r, UnsafeBufferPointer(o))
                }
            }
            return
        }
        try forEachRow(header, copyingTo: writer) { row, r in
            if r == 0 { try makeBuffers(row) }
            try out.withUnsafeMutableBufferPointer { o in
                try parser.parseFloats(row, line: self.lineNumber, into: o)
                try body(r, UnsafeBufferPointer(o))
            }
        }
    }

    /// Calls `body(row, index)` for each of the header's row lines (then copies the line to
    /// `writer`, if given); a header or comment where a row should be is an error.
    private func forEachRow(_ header: SectionHeader, copyingTo writer: StreamWriter? = nil,
                            _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        precondition(pending == header, "StreamReader: \(header.name) is not the pending section")
        pending = nil
        for r in 0..<header.rows {
            let got: Bool? = try nextLine { b in
                if b.first == UInt8(ascii: "@") || b.first == UInt8(ascii: "#") { return false }
                try body(b, r)
                try writer?.rawLine(b)
                return true
            }
            if got == true { continue }
            let what = "section \(header.name) (header on line \(header.line ?? 0)) ends after \(r) of \(header.rows) rows"
            if got == nil { throw truncated(line: lines.lineNumber + 1, what) }
            throw StreamError(line: lines.lineNumber, what)
        }
    }
}
