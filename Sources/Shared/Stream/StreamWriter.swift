// Writes an nn-stream: the magic line, sections, comments, `@end`.
// A stage's provenance comment (`# nn-fit 0.1.0: nn-fit --sgd`) is written just
// before the first section the stage adds itself, so it stands next to what it made.
#if canImport(Glibc)
import Glibc
#endif

public final class StreamWriter {
    public let out: ByteWriter
    private var provenance: String?
    private var begun = false
    private var section: (header: SectionHeader, rowsWritten: Int)?
    /// Set when stdout is a terminal: the stream goes to this unlinked file, and `end` prints
    /// its summary instead, with how to pipe the stream on.
    private var keptFromTerminal: (program: String, fd: Int32)?

    public init(_ out: ByteWriter, provenance: String? = nil) {
        self.out = out
        self.provenance = provenance
    }

    /// A writer to stdout that records `Provenance.line(program:)` for the running program.
    /// A terminal never receives the stream (megabytes of numbers): it gets a summary, what
    /// `nn-data info` would say, when the stream ends.
    public static func standardOutput(program: String) throws -> StreamWriter {
        guard Stage.stdoutIsTerminal else {
            return StreamWriter(ByteWriter(fileDescriptor: 1), provenance: Provenance.line(program: program))
        }
        let fd = try TemporaryFile.unlinked()
        let writer = StreamWriter(ByteWriter(fileDescriptor: fd), provenance: Provenance.line(program: program))
        writer.keptFromTerminal = (program, fd)
        return writer
    }

    /// Writes the magic line; called by every other method if needed.
    public func begin() throws {
        guard !begun else { return }
        begun = true
        try out.append("\(StreamReader.magic) \(StreamReader.version)\n")
    }

    /// A comment line. Its text (a command line, which may hold anything) has its control
    /// characters written as visible escapes, so a comment is always one line of text.
    public func comment(_ text: String) throws {
        try begin()
        try out.append("#\(text.visible)\n")
    }

    private func writeProvenanceIfDue() throws {
        try begin()
        if let p = provenance {
            provenance = nil
            try comment(" " + p)
        }
    }

    /// Writes a whole section. f32 values must be finite.
    public func write(_ s: Section) throws {
        try writeHeader(s.header)
        let cols = s.cols
        if cols == 0 {
            // Rows of no values are empty lines; the row count still holds.
            out.buffer.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: s.rows))
            try out.flushIfFull()
            section?.rowsWritten = s.rows
            return try finishSection()
        }
        switch s.storage {
        case .f32(let v):
            try v.withUnsafeBufferPointer { try writeRows(f32: $0, cols: cols, startRow: 0) }
        case .i32(let v):
            for r in 0..<s.rows {
                for c in 0..<cols {
                    if c > 0 { out.buffer.append(UInt8(ascii: " ")) }
                    NumberText.appendInt(Int(v[r * cols + c]), to: &out.buffer)
                }
                out.buffer.append(UInt8(ascii: "\n"))
                try out.flushIfFull()
            }
        case .u8(let v):
            try v.withUnsafeBufferPointer { try writeRows(u8: $0, cols: cols) }
        }
        section?.rowsWritten = s.rows
        try finishSection()
    }

    public func write(_ name: String, _ m: Matrix, attributes: Attributes = Attributes()) throws {
        try write(Section(name: name, matrix: m, attributes: attributes))
    }

    /// Starts a section whose rows follow through `writeRow` (streaming writes).
    public func writeHeader(_ h: SectionHeader) throws {
        precondition(section == nil, "StreamWriter: section \(section!.header.name) is unfinished")
        precondition(SectionHeader.isValidName(h.name), "StreamWriter: bad section name \(h.name)")
        try writeProvenanceIfDue()
        try out.append(h.text)
        out.buffer.append(UInt8(ascii: "\n"))
        section = (h, 0)
        if h.rows == 0 { try finishSection() }
    }

    /// Appends one f32 row to the section begun by `writeHeader`.
    func writeRow(_ row: UnsafeBufferPointer<Float>) throws {
        guard let s = section else { preconditionFailure("StreamWriter: writeRow without a header") }
        precondition(row.count == s.header.cols)
        if row.isEmpty { out.buffer.append(UInt8(ascii: "\n")) }
        try writeRows(f32: row, cols: row.count, startRow: s.rowsWritten)
        section!.rowsWritten += 1
        if section!.rowsWritten == s.header.rows { try finishSection() }
    }

    /// Appends one u8 row to the section begun by `writeHeader`.
    func writeRow(_ row: UnsafeBufferPointer<UInt8>) throws {
        guard let s = section else { preconditionFailure("StreamWriter: writeRow without a header") }
        precondition(row.count == s.header.cols)
        if row.isEmpty { out.buffer.append(UInt8(ascii: "\n")) }
        try writeRows(u8: row, cols: row.count)
        section!.rowsWritten += 1
        if section!.rowsWritten == s.header.rows { try finishSection() }
    }

    /// Appends a one-column i32 row (a label) to the section begun by `writeHeader`.
    func writeLabel(_ label: Int32) throws {
        guard let s = section else { preconditionFailure("StreamWriter: writeLabel without a header") }
        precondition(s.header.cols == 1 && s.header.type == .i32)
        NumberText.appendInt(Int(label), to: &out.buffer)
        out.buffer.append(UInt8(ascii: "\n"))
        try out.flushIfFull()
        section!.rowsWritten += 1
        if section!.rowsWritten == s.header.rows { try finishSection() }
    }

    private func finishSection() throws {
        guard let s = section else { return }
        precondition(s.rowsWritten == s.header.rows, "StreamWriter: \(s.header.name) got \(s.rowsWritten) of \(s.header.rows) rows")
        section = nil
    }

    private func writeRows(f32 v: UnsafeBufferPointer<Float>, cols: Int, startRow: Int) throws {
        guard cols > 0 else { return }
        let rows = v.count / cols
        for r in 0..<rows {
            for c in 0..<cols {
                let x = v[r * cols + c]
                guard x.isFinite else {
                    let name = section?.header.name ?? "?"
                    throw StreamError(line: nil, "refusing to write \(x) in section \(name), row \(startRow + r), column \(c): the stream format allows finite numbers only")
                }
                if c > 0 { out.buffer.append(UInt8(ascii: " ")) }
                NumberText.appendFloat(x, to: &out.buffer)
            }
            out.buffer.append(UInt8(ascii: "\n"))
            try out.flushIfFull()
        }
    }

    /// Each byte's decimal text followed by a space, packed little-endian into 4 bytes,
    /// and how many of them count: 7 → "7 " (2), 255 → "255 " (4).
    private static let byteText: [(code: UInt32, length: Int)] = (0..<256).map { v in
        let text = Array(String(v).utf8) + [UInt8(ascii: " ")]
        return (text.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }, text.count)
    }

    private func writeRows(u8 v: UnsafeBufferPointer<UInt8>, cols: Int) throws {
        guard cols > 0 else { return }
        let rows = v.count / cols
        try StreamWriter.byteText.withUnsafeBufferPointer { table in
            for r in 0..<rows {
                let row = v.baseAddress! + r * cols
                // Whole 4-byte stores, advanced by each value's length; the row's
                // last space becomes its newline.
                out.appendDirect(maxCount: 4 * cols) { p in
                    let raw = UnsafeMutableRawPointer(p)
                    var n = 0
                    for c in 0..<cols {
                        let t = table[Int(row[c])]
                        raw.storeBytes(of: t.code, toByteOffset: n, as: UInt32.self)
                        n += t.length
                    }
                    p[n - 1] = UInt8(ascii: "\n")
                    return n
                }
                try out.flushIfFull()
            }
        }
    }

    /// Appends a line verbatim (pass-through of sections read from upstream).
    func rawLine(_ s: String) throws {
        try begin()
        try out.append(s)
        out.buffer.append(UInt8(ascii: "\n"))
    }

    func rawLine(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        out.buffer.append(contentsOf: bytes)
        out.buffer.append(UInt8(ascii: "\n"))
        try out.flushIfFull()
    }

    /// Writes `@end` and flushes. A stage that fails never calls this, so its
    /// output reads downstream as a truncated stream, never as a complete one.
    public func end() throws {
        precondition(section == nil, "StreamWriter: section \(section?.header.name ?? "") is unfinished")
        try writeProvenanceIfDue()
        try out.append("@end\n")
        try out.flush()
        if let kept = keptFromTerminal { try summarize(kept) }
    }

    /// The summary of the stream kept back from the terminal, then how to get the stream itself.
    private func summarize(_ kept: (program: String, fd: Int32)) throws {
        keptFromTerminal = nil
        defer { close(kept.fd) }
        guard lseek(kept.fd, 0, SEEK_SET) == 0 else { throw IOError("cannot read back the stream: \(String(cString: strerror(errno)))") }
        let terminal = ByteWriter(fileDescriptor: 1)
        try StreamSummary.write(try StreamReader(LineReader(fileDescriptor: kept.fd)), to: terminal)
        let next = kept.program == "nn-fit" ? "'| nn-eval', or --save model.nn" : "'| nn-fit' or '> data.nns'"
        try terminal.append("(a summary: \(kept.program) writes the stream itself into a pipe or a file, e.g. \(next))\n")
        try terminal.flush()
    }
}
