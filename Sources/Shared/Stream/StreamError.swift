// Errors a user can act on: each carries the sysexits code the stage exits with
// and a message that says what was expected and what was found.
#if canImport(Glibc)
import Glibc
#endif

/// An error that a stage reports as `<program>: error: <message>` and exits with `exitCode`.
public protocol UserFacingError: Error {
    var message: String { get }
    var exitCode: Int32 { get }
}

/// sysexits(3) codes used by every stage.
public enum ExitCode {
    public static let usage: Int32 = 64
    public static let dataError: Int32 = 65
    public static let noInput: Int32 = 66
    public static let unavailable: Int32 = 69
    public static let software: Int32 = 70
    public static let ioError: Int32 = 74
}

/// A malformed stream: names the line (1-based) and what was expected.
public struct StreamError: UserFacingError, Equatable {
    public var line: Int?
    public var detail: String
    public var exitCode: Int32 { ExitCode.dataError }

    public init(line: Int?, _ detail: String) {
        self.line = line
        self.detail = detail
    }

    public var message: String {
        if let line { return "line \(line): \(detail)" }
        return detail
    }
}

/// Reading or writing a file or pipe failed (exit 74), or an input file is missing (exit 66).
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

/// A bad option value that the argument parser could not catch by itself (exit 64).
public struct UsageError: UserFacingError {
    public var message: String
    public var exitCode: Int32 { ExitCode.usage }
    public init(_ message: String) { self.message = message }
}
