// What every stage does around its work: report errors as
// `<program>: error: <message>` with a sysexits code, and talk to the terminal.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser

public enum Stage {
    /// Runs `body`; a UserFacingError becomes a one-line message on stderr and its exit code.
    /// The argument parser's own errors (a ValidationError is exit 64) go on to it; any other
    /// error is a bug: exit 70.
    public static func guarded(_ program: String, _ body: () throws -> Void) rethrows {
        do {
            try body()
        } catch let e as UserFacingError {
            fail(program, e.message, exitCode: e.exitCode)
        } catch let e as ValidationError {
            throw e
        } catch let e as CleanExit {
            throw e
        } catch let e as ArgumentParser.ExitCode {
            throw e
        } catch {
            fail(program, "internal error (a bug; please report it): \(error)", exitCode: ExitCode.software)
        }
    }

    public static func fail(_ program: String, _ message: String, exitCode: Int32) -> Never {
        printError("\(program): error: \(message)")
        exit(exitCode)
    }

    public static func warn(_ program: String, _ message: String) {
        printError("\(program): warning: \(message)")
    }

    public static func note(_ program: String, _ message: String) {
        printError("\(program): note: \(message)")
    }

    /// Writes a line to stderr, unbuffered. Messages quote text from the input (a class name, a
    /// column name): its control characters are shown as escapes, so a message stays one line
    /// and cannot drive the terminal.
    public static func printError(_ line: String) {
        var s = line.visible + "\n"
        s.withUTF8 { b in
            var off = 0
            while off < b.count {
                let n = write(2, b.baseAddress! + off, b.count - off)
                if n <= 0 { if errno == EINTR { continue }; return }
                off += n
            }
        }
    }

    public static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    public static var stderrIsTerminal: Bool { isatty(2) == 1 }
    public static var stdinIsTerminal: Bool { isatty(0) == 1 }

    /// Refuses to read a stream from an interactive terminal (the user forgot a pipe).
    public static func requirePipedInput(_ program: String) {
        if stdinIsTerminal {
            fail(program, "expected an nn-stream on stdin, e.g. 'nn-data circles | \(program)'; see \(program) --help", exitCode: ExitCode.usage)
        }
    }
}
