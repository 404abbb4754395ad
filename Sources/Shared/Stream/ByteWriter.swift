// Buffered output to a file descriptor. A closed pipe downstream (EPIPE) ends the
// program quietly with status 0, so `nn-data mnist | head -1` prints no error (or, for a
// stage with other work to finish, drops the rest of the output).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public final class ByteWriter {
    public let fd: Int32
    public var buffer: [UInt8] = []
    private let flushThreshold: Int
    /// false: after a closed pipe the program goes on and the rest of the output is dropped
    /// (a stage with work besides its output, such as `nn-fit --save FILE | head`).
    public var closedPipeEndsProgram = true
    private var pipeClosed = false

    public init(fileDescriptor: Int32, bufferSize: Int = 1 << 18) {
        fd = fileDescriptor
        flushThreshold = bufferSize
        buffer.reserveCapacity(bufferSize + 4096)
        ByteWriter.ignoreSIGPIPE()
        ByteWriter.widenPipe(fileDescriptor)
    }

    /// A pipe holds 64 KiB by default, so each of a stage's 256 KiB writes waits four times
    /// for the next stage to empty it; at 1 MiB (the most Linux gives without privileges) it
    /// goes in whole and both sides run in longer stretches. Readers (LineReader) ask too, for
    /// a writer that is not nn. Nothing else changes: a failure (not a pipe, not Linux) is ignored.
    static func widenPipe(_ fd: Int32) {
        #if os(Linux)
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFIFO else { return }
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ
        _ = fcntl(fd, setPipeSize, Int32(1 << 20))
        #endif
    }

    nonisolated(unsafe) private static var sigpipeIgnored = false

    /// With SIGPIPE ignored a write to a closed pipe returns EPIPE, which we turn into a quiet exit.
    static func ignoreSIGPIPE() {
        if !sigpipeIgnored {
            signal(SIGPIPE, SIG_IGN)
            sigpipeIgnored = true
        }
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    @inline(__always)
    public func append(_ s: String) throws {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Lets `body` write up to `maxCount` bytes straight into the buffer (no per-byte
    /// append); `body` returns how many it wrote.
    @inline(__always)
    func appendDirect(maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: maxCount))
        let used = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress! + old) }
        precondition(used <= maxCount)
        buffer.removeLast(maxCount - used)
    }

    /// Call after appending to `buffer` directly.
    @inline(__always)
    public func flushIfFull() throws {
        if buffer.count >= flushThreshold { try flush() }
    }

    public func flush() throws {
        if pipeClosed { buffer.removeAll(keepingCapacity: true); return }
        var offset = 0
        let total = buffer.count
        try buffer.withUnsafeBytes { raw in
            while offset < total {
                let n = write(fd, raw.baseAddress! + offset, total - offset)
                if n >= 0 { offset += n; continue }
                if errno == EINTR { continue }
                if errno == EPIPE {
                    if closedPipeEndsProgram { exit(0) }
                    pipeClosed = true
                    break
                }
                throw IOError("write error: \(String(cString: strerror(errno)))")
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
