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
    /// The line of each section's header so far: a name may appear once.
    private var sectionLines: [String: Int] = [:]
    /// Why a stream may end early: said after every "truncated input" message.
    private let truncationCause: String

    public var lineNumber: Int { lines.lineNumber }

    /// Wraps `lines` and checks the first line (`nn-stream 1`). `fromFile`: the stream is a
    /// file (a saved model), not the output of a stage before this one.
    public init(_ lines: LineReader, fromFile: Bool = false) throws {
        self.lines = lines
        truncationCause = fromFile ? "the file is cut short" : "the stage before this one probably failed"
        let magicLine = Array("\(StreamReader.magic) \(StreamReader.version)".utf8)
        enum First { case magic, byteOrderMark, cut(String), endsInBlank(UInt8), other(String) }
        let first: First? = try nextLine { b in
            if b.elementsEqual(magicLine) { return .magic }
            if b.starts(with: StreamReader.byteOrderMark) { return .byteOrderMark }
            let text = String(decoding: b.prefix(80), as: UTF8.self)
            // The input stops inside its first line (`head -c 5`): the writer stopped there.
            if lines.endedMidLine && magicLine.starts(with: b) { return .cut(text) }
            var end = b.count
            while end > 0 && StreamReader.isBlank(b[end - 1]) { end -= 1 }
            if end < b.count && b[..<end].elementsEqual(magicLine) { return .endsInBlank(b[b.count - 1]) }
            return .other(text)
        }
        let expected = "'\(StreamReader.magic) \(StreamReader.version)'"
        switch first {
        case nil:
            throw truncated(line: 1, "the input is empty, expected \(expected)")
        case .magic:
            return
        case .byteOrderMark:
            throw StreamError(line: 1, StreamReader.byteOrderMarkDetail(of: "an nn-stream"))
        case .cut(let text):
            throw truncated(line: 1, "the first line is cut short ('\(text)'), expected \(expected)")
        case .endsInBlank(let blank):
            throw StreamReader.endsInBlank(blank, line: 1)
        case .other(let text):
            let words = text.split(separator: " ", omittingEmptySubsequences: false)
            if words.count == 2, words[0] == StreamReader.magic, !words[1].isEmpty, !words[1].contains("\t") {
                throw StreamError(line: 1, "unsupported stream version \(words[1]): this program reads version \(StreamReader.version)")
            }
            throw StreamError(line: 1, "not an nn-stream: expected \(expected), found '\(text.filter { $0.isASCII && !$0.isNewline })'")
        }
    }

    /// The message for input that starts with a byte-order mark (`what`: "an nn-stream").
    static func byteOrderMarkDetail(of what: String) -> String {
        "the input starts with a UTF-8 byte-order mark (EF BB BF); \(what) has none, remove it with sed '1s/^\\xEF\\xBB\\xBF//'"
    }

    /// The separators of a row, and what no line of a stream ends with.
    @inline(__always)
    static func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }

    /// A line that ends in a space or tab: nothing follows the last field of a line.
    static func endsInBlank(_ blank: UInt8, line: Int) -> StreamError {
        StreamError(line: line, "the line ends in a \(blank == UInt8(ascii: "\t") ? "tab" : "space"); nothing follows the last field or value of an nn-stream line")
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
            if b.first == UInt8(ascii: "#") { return .comment(try StreamReader.commentText(b.dropFirst(), line: n)) }
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
            if let first = sectionLines[h.name] {
                throw StreamError(line: n, "a second section named \(h.name) (the first is on line \(first)): a stream holds at most one section of each name")
            }
            sectionLines[h.name] = n
            pending = h
            return .section(h)
        case .other(let text):
            throw cutShort(StreamError(line: n, "expected a section header ('@name type ROWSxCOLS ...') or '@end', found '\(text)'"))
        }
    }

    /// A comment's text: UTF-8 without control characters (those `String.visible` escapes), so
    /// a stage that passes it on writes it as it came.
    static func commentText(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, line: Int) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw StreamError(line: line, "the comment is not UTF-8 text")
        }
        if let u = text.unicodeScalars.first(where: String.needsEscape) {
            throw StreamError(line: line, "the comment holds \(describe(control: u)); a comment is one line of text without control characters")
        }
        return text
    }

    /// `a NUL byte`, `control character \x1b`: a character that `String.visible` escapes, named.
    static func describe(control u: Unicode.Scalar) -> String {
        u == "\0" ? "a NUL byte" : "control character \(String(u).visible)"
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
            // Only a line long enough to hold COLS values (2·COLS − 1 bytes) may make the buffer
            // grow: a shorter one fails to parse, and a header's claim alone allocates nothing.
            if row.count >= 2 * header.cols - 1 { try values.reserveChecked(header.cols, "section \(header.name)") }
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
