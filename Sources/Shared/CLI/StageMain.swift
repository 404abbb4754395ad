// Every program's entry point: the argument parser's own errors read like the stage's other
// errors (one line, `nn-fit: error: ...`, exit 64), and help or version text on a closed pipe
// ends quietly.
#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

extension ParsableCommand {
    /// Parses the command line (root or subcommand), runs it, and reports what went wrong.
    public static func stageMain(_ program: String) -> Never {
        // A write to a closed pipe returns EPIPE (ByteWriter ends quietly) instead of killing us.
        ByteWriter.ignoreSIGPIPE()
        // OpenBLAS's idle workers would spin on a core the rest of the pipeline needs.
        OpenBLAS.stopWorkerThreads
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
            // One line, as every other error: the parser's message and where help is, not its
            // usage text (`nn-fit: error: Unknown option '--bogus'; see 'nn-fit --help'`).
            var message = Self.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid command line"
            if message.hasSuffix(".") { message.removeLast() }
            let help = text.split(separator: "\n").first { $0.contains("See '") && $0.contains(" --help'") }
                .flatMap { line in line.split(separator: "'").dropFirst().first }
            Stage.printError("\(program): error: \(message)" + (help.map { "; see '\($0)'" } ?? ""))
            Glibc.exit(code)
        }
    }
}
