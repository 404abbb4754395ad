// Files a stage writes (--save, --png) appear whole or not at all: written to a temporary
// file in the same directory, flushed to disk, then renamed over the target (atomic within a
// file system). A kill -9 half way leaves the target as it was, plus the temporary file.
#if canImport(Glibc)
import Glibc
#endif

public enum AtomicFile {
    /// The temporary file beside `path` that `write` fills: `<path>.tmp.<pid>`.
    public static func temporaryPath(for path: String) -> String { "\(path).tmp.\(getpid())" }

    /// Writes through `body` into a temporary file beside `path`, then renames it to `path`.
    /// On any error the temporary file is removed and `path` is left as it was.
    public static func write(_ path: String, _ body: (ByteWriter) throws -> Void) throws {
        let temp = temporaryPath(for: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw cannotWrite(path) }
        do {
            let out = ByteWriter(fileDescriptor: fd)
            try body(out)
            try out.flush()
            // The bytes must be on disk before the name points at them: after a crash the
            // target is then the old file or the whole new one, never an empty one.
            guard fsync(fd) == 0 else { throw cannotWrite(path) }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        guard close(fd) == 0 else {
            let error = cannotWrite(path)
            unlink(temp)
            throw error
        }
        guard rename(temp, path) == 0 else {
            let error = cannotWrite(path)
            unlink(temp)
            throw error
        }
        syncDirectory(of: path)
    }

    private static func cannotWrite(_ path: String) -> IOError {
        IOError("\(path): cannot write: \(String(cString: strerror(errno)))")
    }

    /// Makes the rename itself durable (best effort: some file systems refuse fsync on a directory).
    private static func syncDirectory(of path: String) {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let fd = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
