// What every stage does the same way: options are checked before stdin is read, the argument
// parser's errors name the program, negative numbers get the real message, and help on a
// closed pipe ends quietly.
import Foundation
import Testing

/// Runs `command` with a stdin that stays open and writes nothing (a slow upstream): a FIFO
/// opened for reading and writing by the shell itself, so no other process is left behind.
/// `timeout -s KILL 15` turns "waited for the input" into exit 137 (KILL: the test runner blocks
/// SIGTERM, and a child inherits that).
private func behindASlowUpstream(_ command: String) throws -> PipelineResult {
    try run("d=$(mktemp -d) && mkfifo $d/in && exec 3<>$d/in && rm -r $d && timeout -s KILL 15 \(command) <&3")
}

@Test(arguments: [
    ("nn-fit --lr 0", "nn-fit: error: --lr must be a positive number, got 0.0"),
    ("nn-fit --hidden 4 --epochs 0", "nn-fit: error: --epochs must be at least 1"),
    ("nn-fit --nesterov", "nn-fit: error: --nesterov needs a --momentum above 0"),
    ("nn-fit --model missing.nn", "nn-fit: error: --model FILE without --continue converts a model: give --save OUT"),
    ("nn-fit --bogus", "nn-fit: error: Unknown option '--bogus'. Did you mean '--loss'?; see 'nn-fit --help'"),
    ("nn-eval --json --report", "nn-eval: error: --json and --report exclude each other"),
    ("nn-plot roc --png a.png --svg b.svg", "nn-plot: error: choose one of --png and --svg"),
    ("nn-plot roc --size 0,0", "nn-plot: error: "),
    ("nn-data split --test-size 2", "nn-data: error: "),
    ("nn-data standardize --bogus", "nn-data: error: Unknown option '--bogus'"),
])
func optionErrorsComeBeforeStdinIsRead(_ command: String, _ message: String) throws {
    let r = try behindASlowUpstream(command)
    #expect(r.status == 64, "\(command) waited for its input or failed otherwise: \(r.status) \(r.stderr)")
    #expect(r.stderr.hasPrefix(message), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "a usage error is one line: \(r.stderr)")
}

@Test(arguments: [
    ("nn-fit --lr -0.1", "nn-fit: error: --lr must be a positive number, got -0.1"),
    ("nn-fit --momentum -0.5", "nn-fit: error: --momentum must be in [0, 1), got -0.5"),
    ("nn-fit --epochs -3", "nn-fit: error: --epochs must be at least 1"),
    ("nn-fit --hidden -4", "nn-fit: error: "),
    ("nn-fit --l2 -1", "nn-fit: error: --weight-decay and --l2 must not be negative"),
    ("nn-fit --threads -2", "nn-fit: error: --threads must be at least 1"),
    ("nn-data blobs --samples -5", "nn-data: error: --samples must be at least 1"),
    ("nn-data circles --noise -0.1", "nn-data: error: "),
    ("nn-eval --threshold -0.1", "nn-eval: error: --threshold must lie in [0, 1], found -0.1"),
    ("nn-plot boundary --threshold -0.1", "nn-plot: error: --threshold must lie in [0, 1], found -0.1"),
])
func negativeNumbersAsOptionValuesGetTheRealMessage(_ command: String, _ message: String) throws {
    let r = try run(command + " < /dev/null")
    #expect(r.status == 64, "\(r.stderr)")
    #expect(r.stderr.hasPrefix(message), "\(r.stderr)")
    #expect(!r.stderr.contains("Missing value"), "\(r.stderr)")
}

@Test(arguments: ["nn-data", "nn-fit", "nn-eval", "nn-plot", "nn-data csv", "nn-plot boundary"])
func helpOnAClosedPipeEndsQuietly(_ program: String) throws {
    let r = try run("\(program) --help | head -1; exit ${PIPESTATUS[0]}", pipefail: false)
    #expect(r.status == 0, "\(program) --help | head -1: exit \(r.status) \(r.stderr)")
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    #expect(r.lines.first?.hasPrefix("OVERVIEW: ") == true, "\(r.text)")
}

/// On a terminal the progress line stops short of the planned epochs; a note says why: which
/// epoch stopped and which epoch's weights were kept (script(1) gives nn-fit a pty for stderr).
@Test func earlyStoppingSaysSoOnATerminal() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Reliability.expect("nn-data blobs --samples 200 > data.nns", in: dir, status: 0)
    // A learning rate this large makes the validation loss rise at once: patience 2 stops at epoch 3.
    let fit = "\(Reliability.program("nn-fit")) --hidden 4 --validation 0.3 --patience 2 --epochs 2000 --lr 20 < data.nns > out.nns"
    let r = try Reliability.expect("script -qec \(shellQuoted(fit)) /dev/null < /dev/null", in: dir, status: 0)
    let text = r.text.replacingOccurrences(of: "\r", with: "\n")
    let note = try #require(text.split(separator: "\n").first { $0.hasPrefix("nn-fit: note: stopped early") }, "\(text)")
    let model = try #require(try String(contentsOf: dir.appendingPathComponent("out.nns"), encoding: .utf8)
        .split(separator: "\n").first { $0.hasPrefix("@model ") })
    // The note agrees with the record nn-fit writes into the model.
    let best = try #require(model.split(separator: " ").first { $0.hasPrefix("best_epoch=") }?.dropFirst("best_epoch=".count))
    #expect(note.contains("of 2000: the validation loss did not improve for 2 epochs; kept the weights of epoch \(best),"), "\(note)")
    #expect(model.contains("stopped=patience"))
}

/// A terminal never receives megabytes of stream: a stage whose stdout is a terminal prints
/// what `nn-data info` would say of its stream, then how to pipe it on (script(1) gives it a pty).
@Test(arguments: [
    ("nn-data blobs --samples 3000", "nn-data", ["@train.x f32 2400x2 columns=x1,x2", "@end (4 sections)"]),
    ("nn-data blobs --samples 200 | nn-fit --hidden 3 --epochs 40 --quiet", "nn-fit", ["@model ", "@loss f32 40x2 columns=epoch,loss", "  last row: epoch=40 loss="]),
])
func aTerminalGetsASummaryNotTheStream(_ command: String, _ program: String, _ expected: [String]) throws {
    let inner = command.replacingOccurrences(of: "nn-data", with: Reliability.program("nn-data"))
        .replacingOccurrences(of: "nn-fit", with: Reliability.program("nn-fit"))
    let r = try Reliability.expect("script -qec \(shellQuoted(inner)) /dev/null < /dev/null", status: 0)
    let text = r.text.replacingOccurrences(of: "\r", with: "")
    for line in expected { #expect(text.contains(line), "\(line) missing from: \(text)") }
    #expect(text.hasSuffix("(a summary: \(program) writes the stream itself into a pipe or a file, e.g. \(program == "nn-fit" ? "'| nn-eval', or --save model.nn" : "'| nn-fit' or '> data.nns'"))\n"), "\(text)")
    // No rows of numbers: every line is a header, a comment or an indented summary line.
    let lines = text.split(separator: "\n")
    #expect(lines.allSatisfy { $0.hasPrefix("@") || $0.hasPrefix("#") || $0.hasPrefix("  ") || $0.hasPrefix("(a summary") || $0 == "nn-stream 1" }, "\(text)")
    #expect(text.utf8.count < 4000)
}

/// One mistake, one clear first line: a failing stage writes its message before its output
/// closes, so the stages after it (which then find their input cut short) can only speak later,
/// and they say that theirs is a consequence.
@Test func theFirstLineOfAFailedPipelineIsTheRealCause() throws {
    let r = try run("nn-data csv - --label c | nn-fit | nn-eval | nn-plot roc", stdin: Data("a,b,c\n1,x,2\n".utf8))
    #expect(r.status == 65)
    let lines = r.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 4, "\(r.stderr)")
    #expect(lines.first == "nn-data: error: line 2, column 2: expected a number ('b'), found 'x'; if 'b' holds categories, add --categorical b", "\(r.stderr)")
    for line in lines.dropFirst() {
        #expect(line.hasSuffix("(the stage before this one probably failed)"), "\(line)")
    }
}

/// Files named on the command line are checked before stdin is read too: a missing --model
/// (66) or an output in a missing directory (74) is reported at once.
@Test(arguments: [
    ("nn-fit --continue --model missing.nn", Int32(66), "nn-fit: error: missing.nn: no such file"),
    ("nn-fit --save /nonexistent/m.nn", Int32(74), "nn-fit: error: /nonexistent/m.nn: cannot write: No such file or directory"),
    ("nn-eval --model missing.nn", Int32(66), "nn-eval: error: missing.nn: no such file"),
    ("nn-plot roc --model missing.nn", Int32(66), "nn-plot: error: missing.nn: no such file"),
    ("nn-plot roc --png /nonexistent/roc.png", Int32(74), "nn-plot: error: /nonexistent/roc.png: cannot write: No such file or directory"),
])
func filesOnTheCommandLineAreCheckedBeforeStdinIsRead(_ command: String, _ status: Int32, _ message: String) throws {
    let r = try behindASlowUpstream(command)
    #expect(r.status == status, "\(command): \(r.status) \(r.stderr)")
    #expect(r.stderr == message + "\n")
}
