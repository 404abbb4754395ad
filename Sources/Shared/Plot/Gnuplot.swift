// Runs the real gnuplot on a script: its picture goes to a file descriptor, or to a
// file that appears whole or not at all (a temporary file beside it, then rename).
#if canImport(Glibc)
import Glibc
#endif

public enum Gnuplot {
    public static let installHint = "apt-get install gnuplot-nox"

    /// gnuplot is not on PATH (exit 69, with the command that installs it).
    public static func notFound() -> IOError {
        IOError("gnuplot not found on PATH; install it with: \(installHint)", exitCode: ExitCode.unavailable)
    }

    /// The first executable `gnuplot` in the directories of `path` (PATH by default).
    public static func locate(path: String? = nil) -> String? {
        let dirs = path ?? getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for dir in dirs.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (dir.isEmpty ? "." : String(dir)) + "/gnuplot"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Renders `script` into `path`, which appears whole or not at all (AtomicFile).
    public static func render(_ script: String, to path: String, gnuplot: String) throws {
        try AtomicFile.write(path) { out in
            try run(script, stdout: out.fd, gnuplot: gnuplot)
            var info = stat()
            guard fstat(out.fd, &info) == 0, info.st_size > 0 else {
                throw IOError("gnuplot wrote nothing for \(path)", exitCode: ExitCode.software)
            }
        }
    }

    /// Renders `script` on stdout. gnuplot does not notice when writing its output fails, so it
    /// draws into a temporary file that is then copied to stdout: a failed write is exit 74, a
    /// closed pipe a quiet exit, as for every stage.
    public static func renderToStandardOutput(_ script: String, gnuplot: String) throws {
        let picture = try TemporaryFile.unlinked(containing: "")
        defer { close(picture) }
        try run(script, stdout: picture, gnuplot: gnuplot)
        lseek(picture, 0, SEEK_SET)
        let out = ByteWriter(fileDescriptor: 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(picture, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw IOError("reading gnuplot's picture back: \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            try chunk.withUnsafeBufferPointer { try out.append(UnsafeBufferPointer(rebasing: $0[0..<n])) }
        }
        try out.flush()
    }

    /// Runs gnuplot with `script` on its stdin and its stdout on `fd`. What gnuplot says
    /// on stderr becomes the error when it fails; gnuplot killed by a closed pipe ends quietly.
    public static func run(_ script: String, stdout fd: Int32, gnuplot: String) throws {
        let input = try TemporaryFile.unlinked(containing: script)
        let errors = try TemporaryFile.unlinked(containing: "")
        defer { close(input); close(errors) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_adddup2(&actions, fd, 1)
        posix_spawn_file_actions_adddup2(&actions, errors, 2)

        // Our stages ignore SIGPIPE; gnuplot gets the default back, so `| head` stops it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(gnuplot), nil]
        defer { for a in argv { free(a) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, gnuplot, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            if spawned == ENOENT { throw notFound() }
            throw IOError("cannot run \(gnuplot): \(String(cString: strerror(spawned)))", exitCode: ExitCode.unavailable)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw IOError("waiting for gnuplot: \(String(cString: strerror(errno)))") }
        }
        let signal = status & 0x7F
        let code = (status >> 8) & 0xFF
        if signal == SIGPIPE { exit(0) }
        let said = readAll(errors)
        guard signal == 0, code == 0 else {
            let how = signal != 0 ? "was killed by signal \(signal)" : "failed (exit \(code))"
            throw IOError("gnuplot \(how): \(firstLines(said))", exitCode: ExitCode.software)
        }
        if !said.isEmpty {
            Stage.warn("nn-plot", "gnuplot: \(firstLines(said))")
        }
    }

    private static func readAll(_ fd: Int32) -> String {
        lseek(fd, 0, SEEK_SET)
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4096) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// gnuplot's messages, trimmed to what fits on one error line.
    private static func firstLines(_ text: String) -> String {
        let lines = text.split(separator: "\n").map { String($0.trimmingSpaces) }.filter { !$0.isEmpty && $0 != "^" }
        return lines.prefix(4).joined(separator: " | ")
    }
}
