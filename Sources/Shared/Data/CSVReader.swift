// Reads CSV records (RFC 4180): fields split on a delimiter; a field in double quotes
// may hold the delimiter, newlines and doubled quotes (""). Unquoted fields lose
// surrounding spaces; blank lines are skipped; a UTF-8 byte-order mark is ignored.

public final class CSVReader {
    private let lines: LineReader
    public let delimiter: UInt8
    /// The line the current record starts on (1-based).
    public private(set) var line = 0
    /// The current record's fields, unquoted, back to back; `fields[i]` is field i's range.
    public private(set) var bytes: [UInt8] = []
    public private(set) var fields: [Range<Int>] = []
    private var atStart = true
    /// The longest record accepted, in bytes: a quoted field may span lines, but a record
    /// that never ends must not take all memory.
    public let maxRecordLength: Int

    public init(_ lines: LineReader, delimiter: UInt8 = UInt8(ascii: ","), maxRecordLength: Int = LineReader.maxLineLength) {
        self.lines = lines
        self.delimiter = delimiter
        self.maxRecordLength = maxRecordLength
    }

    public var count: Int { fields.count }

    /// Field `i` of the current record as text.
    public func field(_ i: Int) -> String {
        String(decoding: bytes[fields[i]], as: UTF8.self)
    }

    /// Calls `body` with field `i`'s bytes.
    @inline(__always)
    func withField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[fields[i]])) }
    }

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    /// Reads the next record; false at the end of the input.
    public func next() throws -> Bool {
        bytes.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        var state = State.fieldStart
        var fieldStart = 0
        var trailingSpaces = 0   // spaces at the end of an unquoted field, dropped when it ends
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), quote = UInt8(ascii: "\"")
        let trimTab = delimiter != tab
        while true {
            let more: Bool? = try lines.nextLine { raw in
                var b = raw[...]
                if atStart {
                    atStart = false
                    if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
                }
                if b.last == 13 { b = b.dropLast() }  // CRLF; inside quotes it becomes \n
                if state == .fieldStart && fields.isEmpty && b.isEmpty { return true }  // blank line
                if state == .fieldStart && fields.isEmpty { line = lines.lineNumber }
                for c in b {
                    switch state {
                    case .fieldStart:
                        if c == quote { state = .quoted; fieldStart = bytes.count }
                        else if c == delimiter { fields.append(bytes.count..<bytes.count); fieldStart = bytes.count }
                        else if c == space || (trimTab && c == tab) { continue }
                        else { state = .unquoted; fieldStart = bytes.count; bytes.append(c); trailingSpaces = 0 }
                    case .unquoted:
                        if c == delimiter {
                            fields.append(fieldStart..<(bytes.count - trailingSpaces))
                            state = .fieldStart
                        } else if c == quote {
                            throw DataError.at(line: lines.lineNumber, column: fields.count + 1,
                                               "a quote inside an unquoted field; quote the whole field (\"...\") and double the quotes inside it")
                        } else {
                            bytes.append(c)
                            trailingSpaces = (c == space || (trimTab && c == tab)) ? trailingSpaces + 1 : 0
                        }
                    case .quoted:
                        if c == quote { state = .afterQuote } else { bytes.append(c) }
                    case .afterQuote:
                        if c == quote { bytes.append(quote); state = .quoted }
                        else if c == delimiter { fields.append(fieldStart..<bytes.count); state = .fieldStart }
                        else if c == space || (trimTab && c == tab) { continue }
                        else {
                            throw DataError.at(line: lines.lineNumber, column: fields.count + 1,
                                               "unexpected '\(String(decoding: [c], as: UTF8.self))' after a closing quote")
                        }
                    }
                }
                switch state {
                case .quoted:
                    // The field goes on on the next line, but a record is a line's size at most.
                    guard bytes.count < maxRecordLength else {
                        throw DataError.at(line: line, column: fields.count + 1, "a record longer than \(maxRecordLength) bytes: is a quoted field never closed?")
                    }
                    bytes.append(10)
                    return true
                case .unquoted:
                    fields.append(fieldStart..<(bytes.count - trailingSpaces))
                case .afterQuote:
                    fields.append(fieldStart..<bytes.count)
                case .fieldStart:
                    fields.append(bytes.count..<bytes.count)  // a record ending in a delimiter (or empty)
                }
                return false
            }
            guard let more else {
                if state == .quoted {
                    throw DataError.at(line: line, column: fields.count + 1, "a quoted field is never closed (the file ends inside it)")
                }
                return !fields.isEmpty
            }
            if !more { return true }
        }
    }
}
