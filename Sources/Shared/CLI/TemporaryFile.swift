// Scratch space that nobody else can see or plant: a temporary file unlinked at once (gnuplot's
// input, output and messages; a stream kept back from a terminal to be summarised).
#if canImport(Glibc)
import Glibc
#endif

public enum TemporaryFile {
    /// A file in /tmp holding `text`, already unlinked (gone when closed), open for reading and
    /// writing at its start. Created by mkstemp: a fresh name, never one planted beforehand.
    public static func unlinked(containing text: String = "") throws -> Int32 {
        var template = Array("/tmp/nn-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw IOError("cannot create a temporary file in /tmp: \(String(cString: strerror(errno)))") }
        unlink(&template)
        var text = text
        let ok = text.withUTF8 { b -> Bool in
            var off = 0
            while off < b.count {
                let n = write(fd, b.baseAddress! + off, b.count - off)
                if n < 0 { if errno == EINTR { continue }; return false }
                off += n
            }
            return true
        }
        guard ok, lseek(fd, 0, SEEK_SET) == 0 else {
            close(fd)
            throw IOError("cannot write a temporary file in /tmp: \(String(cString: strerror(errno)))")
        }
        return fd
    }
}
