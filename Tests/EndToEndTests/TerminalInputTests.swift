// A stage started with a terminal on stdin (the user forgot the pipe) says so and exits 64,
// instead of waiting for a stream nobody types. script(1), from util-linux, gives it a pty.
import Foundation
import Testing

struct TerminalInputTests {
    @Test(arguments: [
        ("nn-fit", "nn-fit"), ("nn-eval", "nn-eval"), ("nn-data info", "nn-data"), ("nn-data standardize", "nn-data"),
        ("nn-data split", "nn-data"), ("nn-data csv -", "nn-data"), ("nn-plot loss", "nn-plot"),
    ])
    func aTerminalOnStdinIsAUsageError(command: String, program: String) throws {
        let path = Reliability.program(program) + command.dropFirst(program.count)
        // The command runs inside script's pty; its status comes back as text on that pty.
        let inner = "\(path); echo status=$?"
        let r = try Reliability.expect("script -qec \(shellQuoted(inner)) /dev/null < /dev/null", status: 0)
        let text = r.text.replacingOccurrences(of: "\r", with: "")
        #expect(text.contains("\(program): error: expected an nn-stream on stdin"), "\(command): \(text)")
        #expect(text.contains("status=64"), "\(command): \(text)")
    }
}
