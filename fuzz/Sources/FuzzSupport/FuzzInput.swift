// Hands a fuzz input to the readers the way the stages meet it: as a file descriptor
// (an in-memory file) and as a path (/proc/self/fd/N) for the readers that open files.
#if canImport(Glibc)
import Glibc
#endif
import Shared

public enum FuzzInput {
    nonisolated(unsafe) private static var inputFile: Int32 = -1

    /// A file holding `data`, positioned at its start. The same file is reused for every
    /// input (the caller must not close it).
    public static func file(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        if inputFile < 0 { inputFile = scratchFile() }
        return refill(inputFile, data, size)
    }

    /// Replaces the contents of `fd` with `data` and rewinds it.
    public static func refill(_ fd: Int32, _ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        precondition(ftruncate(fd, 0) == 0 && lseek(fd, 0, SEEK_SET) == 0, "cannot reset the scratch file")
        var done = 0
        while done < size {
            let n = write(fd, data! + done, size - done)
            precondition(n > 0, "write to the scratch file failed")
            done += n
        }
        lseek(fd, 0, SEEK_SET)
        return fd
    }

    /// A new empty file that is already unlinked (in /dev/shm, so in memory); the caller closes it.
    public static func scratchFile() -> Int32 {
        var template = Array("/dev/shm/nn-fuzz-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        precondition(fd >= 0, "mkstemp failed")
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return fd
    }

    /// The path under which `fd` can be opened again.
    public static func path(_ fd: Int32) -> String { "/proc/self/fd/\(fd)" }

    /// Runs `body`; a `UserFacingError` is the clean refusal every malformed input must get.
    /// Any other error is a finding: the readers may throw nothing else.
    public static func expectCleanErrors(_ body: () throws -> Void) {
        do {
            try body()
        } catch let e as UserFacingError {
            precondition(!e.message.isEmpty, "empty error message")
            precondition(e.exitCode == ExitCode.dataError || e.exitCode == ExitCode.noInput || e.exitCode == ExitCode.ioError
                         || e.exitCode == ExitCode.usage, "unexpected exit code \(e.exitCode) for: \(e.message)")
        } catch {
            preconditionFailure("an error that is not a UserFacingError: \(error)")
        }
    }
}
