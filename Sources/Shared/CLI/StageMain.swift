// Every program's entry point: the argument parser's own errors read like the stage's other
// errors (`nn-fit: error: ...`, exit 64), and help or version text on a closed pipe ends quietly.
#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

extension ParsableCommand {
    /// Parses the command line (root or subcommand), runs it, and reports what went wrong.
    public static func stageMain(_ program: String) -> Never {
        // A write to a closed pipe returns EPIPE (ByteWriter ends quietly) instead of killing us.
        ByteWriter.ignoreSIGPIPE()
        do {
            var command = try parseAsRoot()
            try command.run()
            Glibc.exit(0)
        } catch let e as UserFacingError {
            Stage.fail(program, e.message, exitCode: e.exitCode)
        } catch {
            let code = exitCode(for: error).rawValue
            let text = fullMessage(for: error)
            if code == 0 {
                // --help, --version, a completion script: on stdout, quiet on a closed pipe.
                let out = ByteWriter(fileDescriptor: 1)
                try? out.append(text + "\n")  // as the parser's own print(_:) writes it
                try? out.flush()
                Glibc.exit(0)
            }
            let prefix = "Error: "
            let message = text.hasPrefix(prefix) ? "\(program): error: " + text.dropFirst(prefix.count) : text
            if !message.isEmpty { Stage.printLines(message) }
            Glibc.exit(code)
        }
    }
}
