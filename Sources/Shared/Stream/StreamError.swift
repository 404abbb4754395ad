// A malformed stream (exit 65): the message names the line and says what was expected
// and what was found.

public struct StreamError: UserFacingError, Equatable {
    /// The 1-based line of the stream, when the error belongs to one.
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
