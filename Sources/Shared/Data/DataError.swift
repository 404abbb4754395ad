// A data file that cannot be used as it is (a malformed idx or CSV file): exit 65,
// with a message that names the file, the line or item, and what was expected.

public struct DataError: UserFacingError, Equatable {
    public var message: String
    public var exitCode: Int32 { ExitCode.dataError }

    public init(_ message: String) { self.message = message }

    /// `line 12, column 3: ...`, the form every CSV problem takes.
    public static func at(line: Int, column: Int? = nil, _ detail: String) -> DataError {
        DataError("line \(line)\(column.map { ", column \($0)" } ?? ""): \(detail)")
    }
}
