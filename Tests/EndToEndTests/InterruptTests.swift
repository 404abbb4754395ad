// Ctrl-C (SIGINT) or SIGTERM during training: nn-fit stops at the end of an epoch with one
// line, saves the model so far with --save, writes no '@end', and exits 130 (143). The other
// stages keep the default action (they die), and the files they write are never torn.
import Foundation
import Testing

struct InterruptTests {
    static func circles() throws -> URL {
        let dir = try makeTemporaryDirectory()
        try Reliability.expect("nn-data circles --samples 2000 --noise 0.1 > c.nns", in: dir, status: 0)
        return dir
    }

    /// Starts a training run that would last for hours, waits until it trains (its handler
    /// is installed once the input is read) and a little more, and sends `signal`.
    static func interrupt(_ arguments: [String], with signal: Int32, in dir: URL) throws -> (status: Int32?, signal: Int32?) {
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let p = try Reliability.spawn("nn-fit", arguments.map { $0 == "m.nn" ? path($0) : $0 } + ["--epochs", "100000000"],
                                      stdin: path("c.nns"), stdout: path("out.nns"), stderr: path("err.txt"))
        #expect(Reliability.waitUntil(seconds: 60) { Reliability.catches(p.pid, signal: signal) })
        usleep(300_000)
        kill(p.pid, signal)
        return p.wait()
    }

    @Test func ctrlCStopsTrainingSavesTheLatestModelAndExits130() throws {
        let dir = try Self.circles()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "an older model".write(to: dir.appendingPathComponent("m.nn"), atomically: true, encoding: .utf8)
        let p = try Self.interrupt(["--hidden", "8", "--save", "m.nn"], with: SIGINT, in: dir)
        #expect(p.status == 130)
        let err = Reliability.text(dir, "err.txt")
        let pattern = #/^nn-fit: interrupted at epoch (\d+) of 100000000; saved the model as it was to .*\/m\.nn\n$/#
        let match = try #require(err.wholeMatch(of: pattern), "\(err)")
        #expect(!Reliability.text(dir, "out.nns").contains("@end"))
        // The saved model is whole, says how it ended, and scores.
        let model = Reliability.text(dir, "m.nn")
        #expect(model.contains(" stopped=interrupted") && model.contains(" steps=\(match.1) "), "\(model.prefix(400))")
        try Reliability.expect("nn-eval --quiet --model m.nn --json < c.nns > scores.json", in: dir, status: 0)
        #expect(Reliability.text(dir, "scores.json").contains("\"accuracy\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["c.nns", "err.txt", "m.nn", "out.nns", "scores.json"])
    }

    @Test func sigtermWithValidationSavesTheBestEpochAndExits143() throws {
        let dir = try Self.circles()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = try Self.interrupt(["--hidden", "8", "--batch-size", "64", "--validation", "0.2", "--patience", "100000000", "--save", "m.nn"],
                                   with: SIGTERM, in: dir)
        #expect(p.status == 143)
        let err = Reliability.text(dir, "err.txt")
        let pattern = #/^nn-fit: terminated at epoch (\d+) of 100000000; saved the model of epoch (\d+) \(lowest validation loss\) to .*\/m\.nn\n$/#
        let match = try #require(err.wholeMatch(of: pattern), "\(err)")
        #expect(Int(match.2)! <= Int(match.1)!)
        #expect(Reliability.text(dir, "m.nn").contains(" best_epoch=\(match.2)"))
        try Reliability.expect("nn-eval --quiet --model m.nn --json < c.nns > /dev/null", in: dir, status: 0)
    }

    @Test func ctrlCWithoutSaveSaysNothingWasSaved() throws {
        let dir = try Self.circles()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = try Self.interrupt(["--hidden", "8"], with: SIGINT, in: dir)
        #expect(p.status == 130)
        #expect(Reliability.text(dir, "err.txt").hasSuffix("; nothing saved (no --save)\n"))
    }

    @Test func otherStagesDieOnCtrlC() throws {
        // nn-eval waiting for its input: SIGINT's default action ends it (the shell reports 130).
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let p = try Reliability.spawn("nn-eval", [], stdin: fifo, stdout: nil, stderr: nil)
        usleep(300_000)
        kill(p.pid, SIGINT)
        #expect(p.wait().signal == SIGINT)
    }
}
