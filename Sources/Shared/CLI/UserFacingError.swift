// What every stage's errors have in common: a one-line message and the sysexits code the
// stage exits with (`Stage.guarded` prints and exits); and the usage error options raise.

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

/// A bad option value that the argument parser could not catch by itself (exit 64).
public struct UsageError: UserFacingError {
    public var message: String
    public var exitCode: Int32 { ExitCode.usage }
    public init(_ message: String) { self.message = message }
}
