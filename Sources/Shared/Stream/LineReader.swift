// Buffered line reading from a file descriptor: each line is lent as bytes
// (without its newline) and is valid until the next call.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public final class LineReader {
    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0      // first unread byte
    private var end = 0        // one past the last byte read from fd
    private var eof = false
    private let ownsDescriptor: Bool
    public private(set) var lineNumber = 0
    /// True once the input ended in the middle of a line (its last line has no "\n").
    public private(set) var endedMidLine = false

    /// Lines longer than this are refused (a row of 10^6 f32 values fits).
    public static let maxLineLength = 64 << 20

    public init(fileDescriptor: Int32, ownsDescriptor: Bool = false, bufferSize: Int = 1 << 20) {
        fd = fileDescriptor
        capacity = bufferSize
        buffer = .allocate(capacity: bufferSize)
        self.ownsDescriptor = ownsDescriptor
        ByteWriter.widenPipe(fileDescriptor)
    }

    /// Opens a file, or stdin for "-". A missing file is exit 66.
    public static func open(path: String) throws -> LineReader {
        if path == "-" { return LineReader(fileDescriptor: 0) }
        let fd = Glibc.open(path, O_RDONLY)
        if fd < 0 {
            if errno == ENOENT { throw IOError.missing(path) }
            throw IOError.cannotOpen(path)
        }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw IOError.directory(path)
        }
        return LineReader(fileDescriptor: fd, ownsDescriptor: true)
    }

    deinit {
        buffer.deallocate()
        if ownsDescriptor { close(fd) }
    }

    /// Calls `body` with the next line's bytes (no trailing "\n"; a trailing "\r" is kept),
    /// or returns nil at the end of input. A last line without "\n" is still a line.
    @inline(__always)
    func nextLine<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R? {
        var scanFrom = start
        while true {
            if scanFrom < end, let nl = memchr(buffer + scanFrom, Int32(UInt8(ascii: "\n")), end - scanFrom) {
                let nlIndex = buffer.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                let line = UnsafeBufferPointer(start: buffer + start, count: nlIndex - start)
                start = nlIndex + 1
                lineNumber += 1
                return try body(line)
            }
            scanFrom = end
            if eof {
                if start < end {
                    let line = UnsafeBufferPointer(start: buffer + start, count: end - start)
                    start = end
                    lineNumber += 1
                    endedMidLine = true
                    return try body(line)
                }
                return nil
            }
            try fill()
            // `fill` moves the unread bytes to the front; scan only what is new.
            scanFrom = start + pendingScanned
        }
    }

    private var pendingScanned = 0

    private func fill() throws {
        let pending = end - start
        if start > 0 {
            if pending > 0 { memmove(buffer, buffer + start, pending) }
            start = 0
            end = pending
        }
        pendingScanned = pending
        if end == capacity {
            guard capacity < LineReader.maxLineLength else {
                throw StreamError(line: lineNumber + 1, "no line end within \(LineReader.maxLineLength) bytes (64 MiB), the longest line accepted")
            }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        while true {
            let n = read(fd, buffer + end, capacity - end)
            if n > 0 { end += n; return }
            if n == 0 { eof = true; return }
            if errno == EINTR { continue }
            throw IOError("read error: \(String(cString: strerror(errno)))")
        }
    }

    /// Reads everything that is left, as raw bytes (for small inputs such as score files).
    public func readAll() throws -> [UInt8] {
        var out = [UInt8]()
        while let chunk = try nextLine({ Array($0) }) {
            out.append(contentsOf: chunk)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }
}
