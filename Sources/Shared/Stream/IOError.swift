// Reading or writing a file or pipe failed (exit 74), or an input file is missing (exit 66).
#if canImport(Glibc)
import Glibc
#endif

public struct IOError: UserFacingError {
    public var message: String
    public var exitCode: Int32

    public init(_ message: String, exitCode: Int32 = ExitCode.ioError) {
        self.message = message
        self.exitCode = exitCode
    }

    public static func missing(_ path: String, hint: String? = nil) -> IOError {
        var text = "\(path): no such file"
        if let hint { text += "; \(hint)" }
        return IOError(text, exitCode: ExitCode.noInput)
    }

    /// An input path that names a directory (exit 66).
    public static func directory(_ path: String) -> IOError {
        IOError("\(path): is a directory, not a file", exitCode: ExitCode.noInput)
    }

    /// An input file that exists but cannot be opened, for the reason `errno` gives (exit 66).
    public static func cannotOpen(_ path: String) -> IOError {
        IOError("\(path): cannot open: \(String(cString: strerror(errno)))", exitCode: ExitCode.noInput)
    }
}
