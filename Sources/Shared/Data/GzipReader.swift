// Reads a file through zlib's gzread, which inflates gzip files and passes plain files
// through unchanged, so `x.idx3-ubyte.gz` and `x.idx3-ubyte` read the same way.
#if canImport(Glibc)
import Glibc
#endif
import CZlib

public final class GzipReader {
    public let path: String
    private let file: gzFile

    /// Opens `path`; a missing file is exit 66 with `hint` (e.g. the package that provides it).
    public init(path: String, hint: String? = nil) throws {
        self.path = path
        var info = stat()
        if stat(path, &info) != 0 {
            if errno == ENOENT || errno == ENOTDIR { throw IOError.missing(path, hint: hint) }
            throw IOError.cannotOpen(path)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw IOError.directory(path)
        }
        guard let f = gzopen(path, "rb") else {
            throw IOError.cannotOpen(path)
        }
        file = f
        gzbuffer(file, 1 << 18)
    }

    deinit { gzclose(file) }

    /// Reads up to `count` bytes (fewer only at the end of the file); returns how many were read.
    public func read(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        var done = 0
        while done < count {
            let want = UInt32(min(count - done, 1 << 30))
            let n = gzread(file, buffer + done, want)
            if n < 0 {
                var code: Int32 = 0
                let text = gzerror(file, &code).map { String(cString: $0) } ?? "unknown error"
                if code == Z_ERRNO { throw IOError("\(path): read error: \(String(cString: strerror(errno)))") }
                throw DataError("\(path): corrupt gzip data: \(text)")
            }
            if n == 0 { break }
            done += Int(n)
        }
        return done
    }
}
