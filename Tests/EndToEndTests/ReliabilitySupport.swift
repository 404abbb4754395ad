// Helpers for the reliability tests: a pipeline's exit status and message, and programs
// started directly (not through bash) so a test can signal them.
import Foundation
import Testing

enum Reliability {
    /// Runs `script` (pipefail on) in `directory`; expects `status` and, when given, that stderr
    /// contains `message`, or is empty for status 0.
    @discardableResult
    static func expect(_ script: String, in directory: URL? = nil, status: Int32, message: String? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> PipelineResult {
        let cd = directory.map { "cd \(shellQuoted($0.path)) && " } ?? ""
        let r = try run(cd + script)
        #expect(r.status == status, "\(script): \(r.stderr)", sourceLocation: sourceLocation)
        if let message {
            #expect(r.stderr.contains(message), "\(script): \(r.stderr)", sourceLocation: sourceLocation)
        } else if status == 0 {
            #expect(r.stderr.isEmpty, "\(script): \(r.stderr)", sourceLocation: sourceLocation)
        }
        return r
    }

    /// The built program's path.
    static func program(_ name: String) -> String { programDirectory + "/" + name }

    /// A program started directly, so a test can signal it.
    struct Spawned {
        let pid: pid_t

        /// Waits for it to end: its exit status, or the signal that ended it.
        func wait() -> (status: Int32?, signal: Int32?) {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let signal = status & 0x7F
            return signal == 0 ? ((status >> 8) & 0xFF, nil) : (nil, signal)
        }
    }

    /// Starts `program` with `arguments`, its stdin, stdout and stderr opened from the paths
    /// given (nil: /dev/null; stdin is opened read-write so a FIFO never blocks the open), with
    /// no signal blocked and the default action for each: the test runner's own signal mask,
    /// which Foundation's Process passes on, would hide SIGINT and SIGTERM from the program.
    static func spawn(_ program: String, _ arguments: [String], stdin: String?, stdout: String?, stderr: String?) throws -> Spawned {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDWR, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGPIPE] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let path = Reliability.program(program)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        return Spawned(pid: pid)
    }

    /// Polls `condition` every millisecond until it holds (true) or `seconds` pass (false).
    static func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(1000)
        }
        return condition()
    }

    /// True once `pid` has a handler for `signal` (Linux: the SigCgt mask in /proc/PID/status).
    static func catches(_ pid: Int32, signal: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    static func contents(_ directory: URL, _ name: String) -> Data? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
    }

    static func text(_ directory: URL, _ name: String) -> String {
        String(decoding: contents(directory, name) ?? Data(), as: UTF8.self)
    }
}

extension Reliability {
    /// True when `pid` has ended but not been waited for.
    static func isZombie(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
}
