// Files a stage writes (--save, --png) appear whole or not at all: written to a temporary
// file in the same directory, flushed to disk, then renamed over the target (atomic within a
// file system). A kill -9 half way leaves the target as it was, plus the temporary file.
#if canImport(Glibc)
import Glibc
#endif

public enum AtomicFile {
    /// What every temporary file beside `path` starts with; `write` adds a random suffix.
    public static func temporaryPrefix(for path: String) -> String { "\(path).tmp." }

    /// Writes through `body` into a temporary file beside `path`, then renames it to `path`.
    /// On any error the temporary file is removed and `path` is left as it was. A file that is
    /// replaced keeps its permission bits; a new one gets 0644 less the umask.
    public static func write(_ path: String, _ body: (ByteWriter) throws -> Void) throws {
        try write(path, suffixes: randomSuffix, body)
    }

    /// `write` with the temporary names' suffixes drawn from `suffixes` (tests plant clashes).
    static func write(_ path: String, suffixes: () -> String, _ body: (ByteWriter) throws -> Void) throws {
        let (temp, fd) = try createTemporary(beside: path, suffixes: suffixes)
        do {
            // The mode of the file this one replaces (a 0600 model stays 0600); only a regular
            // file's, not a symlink's target's, since rename replaces the link itself.
            var old = stat()
            if lstat(path, &old) == 0, (old.st_mode & S_IFMT) == S_IFREG {
                guard fchmod(fd, old.st_mode & 0o777) == 0 else { throw cannotWrite(path) }
            }
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

    /// Refuses at once (exit 74, as the write itself would) a file whose directory is missing or
    /// not writable: a stage checks this before it reads its input, not after.
    public static func requireWritableDirectory(for path: String) throws {
        let directory = directory(of: path)
        var info = stat()
        guard stat(directory, &info) == 0 else { throw cannotWrite(path) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw IOError("\(path): cannot write: \(directory) is not a directory")
        }
        guard access(directory, W_OK | X_OK) == 0 else { throw cannotWrite(path) }
    }

    /// The directory a file lands in: `.` for a bare name, `/` for one at the root.
    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates `<path>.tmp.<random>` as mkstemp does: a name no one can guess ahead, opened with
    /// O_CREAT | O_EXCL | O_NOFOLLOW, so a file or symlink planted under any name makes the open
    /// fail (and another name is tried) instead of writing through it.
    static func createTemporary(beside path: String, suffixes: () -> String) throws -> (path: String, fd: Int32) {
        for _ in 0..<100 {
            let temp = temporaryPrefix(for: path) + suffixes()
            let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd >= 0 { return (temp, fd) }
            guard errno == EEXIST || errno == ELOOP else { throw cannotWrite(path) }
        }
        throw IOError("\(path): cannot write: no free temporary name beside it after 100 tries")
    }

    /// Twelve letters or digits from the system's random source: 71 bits, no guessing them.
    static func randomSuffix() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
        var random = SystemRandomNumberGenerator()
        return String(decoding: (0..<12).map { _ in letters.randomElement(using: &random)! }, as: UTF8.self)
    }

    private static func cannotWrite(_ path: String) -> IOError {
        IOError("\(path): cannot write: \(String(cString: strerror(errno)))")
    }

    /// Makes the rename itself durable (best effort: some file systems refuse fsync on a directory).
    private static func syncDirectory(of path: String) {
        let fd = open(directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
