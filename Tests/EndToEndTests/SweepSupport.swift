// Helpers for the sweep examples' tests: a private copy of the settings (so a test can touch
// one), the make command on tiny circles data, and the files a sweep leaves behind.
import Foundation

/// A sweep in a temporary directory: `settings/` holds a copy of examples/sweep/*.opts.
struct SweepScratch {
    let root: URL
    var settings: String { root.appendingPathComponent("settings").path }
    var makeOut: String { root.appendingPathComponent("make").path }
    var parallelOut: String { root.appendingPathComponent("parallel").path }

    /// Tiny circles and a few epochs: the whole sweep takes well under a second of training.
    static let variables = "DATA_COMMAND='nn-data circles --samples 80 --noise 0.1 --factor 0.5 --seed 3' EPOCHS=5 SEED=2"

    init() throws {
        root = try makeTemporaryDirectory()
        let source = packageRoot.appendingPathComponent("examples/sweep").path
        try FileManager.default.createDirectory(atPath: settings, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".opts") {
            try FileManager.default.copyItem(atPath: source + "/" + name, toPath: settings + "/" + name)
        }
    }

    /// A scratch sweep after a first successful `make -j2`.
    static func made() throws -> SweepScratch {
        let sweep = try SweepScratch()
        let result = try sweep.make()
        guard result.status == 0 else {
            sweep.remove()
            throw SweepFailure(message: "make exited \(result.status): \(result.stderr)")
        }
        return sweep
    }

    /// The configurations' names (the settings files without .opts), sorted.
    func configurations() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: settings)
            .filter { $0.hasSuffix(".opts") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// `make -f examples/Makefile` with the tiny data, the private settings and OUT; extra
    /// arguments (e.g. -j2, -q, -n) go before the variables.
    func make(_ arguments: String = "-j2", variables: String = SweepScratch.variables) throws -> PipelineResult {
        try run("make --no-print-directory -f examples/Makefile \(arguments) SETTINGS=\(shellQuoted(settings)) OUT=\(shellQuoted(makeOut)) \(variables)")
    }

    /// examples/sweep.sh with the same data and settings, into its own directory.
    func parallelSweep(_ arguments: String = "", environment: [String: String] = [:]) throws -> PipelineResult {
        try run("examples/sweep.sh --settings \(shellQuoted(settings)) --out \(shellQuoted(parallelOut)) \(arguments) \(Self.variables)",
                environment: environment)
    }

    /// A stand-in for ssh (PARALLEL_SSH): runs each command in `hosts/NAME`, a directory per
    /// "machine", so parallel's copies there and back (rsync over this "ssh") really happen.
    /// Like sshd, it sets SHELL for the command whatever the caller's environment has.
    func fakeSSH() throws -> String {
        let path = root.appendingPathComponent("fake-ssh").path
        let script = """
            #!/usr/bin/env bash
            # ssh [options] HOST [--] COMMAND...: the options ssh takes a value with are skipped.
            while [ $# -gt 0 ]; do
                case "$1" in
                    -[lopSiFeEcmJLRDWw]) shift 2 ;;
                    -*) shift ;;
                    *) break ;;
                esac
            done
            host=$1; shift
            [ "${1:-}" = -- ] && shift
            echo "$host" >> \(shellQuoted(root.path))/ssh.log
            # sshd gives the command the user's login shell as SHELL, and parallel's remote
            # wrapper runs the job with $SHELL: without it (CI runs with SHELL unset) the job
            # silently does nothing.
            SHELL=$(getent passwd "$(id -u)" | cut -d: -f7)
            export SHELL=${SHELL:-/bin/sh}
            mkdir -p \(shellQuoted(root.path))/hosts/"$host" && cd \(shellQuoted(root.path))/hosts/"$host" && exec bash -c "$*"

            """
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// The modification time of every file in a directory, by name.
    func modificationTimes(_ directory: String) throws -> [String: Date] {
        var times: [String: Date] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            times[name] = try FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.modificationDate] as? Date
        }
        return times
    }

    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The rows of a Markdown table after its header and rule (lines starting with `|`).
func tableRows(_ markdown: String) -> [String] {
    Array(markdown.split(separator: "\n").map(String.init).filter { $0.hasPrefix("|") }.dropFirst(2))
}

struct SweepFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
