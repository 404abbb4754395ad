// Files a stage writes (--save, --png) appear whole or not at all: written to a temporary
// file in the same directory, then renamed over the target (rename is atomic within a file system).
#if canImport(Glibc)
import Glibc
#endif

public enum AtomicFile {
    /// Writes through `body` into a temporary file beside `path`, then renames it to `path`.
    /// On any error the temporary file is removed and `path` is left as it was.
    public static func write(_ path: String, _ body: (ByteWriter) throws -> Void) throws {
        let temp = "\(path).tmp.\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw IOError("\(path): cannot write: \(String(cString: strerror(errno)))")
        }
        do {
            let out = ByteWriter(fileDescriptor: fd)
            try body(out)
            try out.flush()
            guard fsync(fd) == 0, close(fd) == 0 else {
                throw IOError("\(path): cannot write: \(String(cString: strerror(errno)))")
            }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        guard rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw IOError("\(path): cannot write: \(reason)")
        }
    }
}
