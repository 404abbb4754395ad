// Every program exits with the sysexits code its --help lists, for a real case of each code
// that applies to it (130/143, Ctrl-C and SIGTERM, are in InterruptTests).
import Foundation
import Testing

struct ExitCodeTests {
    /// A directory with a trained circles stream (fit.nns) and its model alone (m.nn).
    static func fitted() throws -> URL {
        let dir = try makeTemporaryDirectory()
        try Reliability.expect("nn-data circles --samples 200 --noise 0.1 | nn-fit --hidden 3 --epochs 50 --save m.nn > fit.nns",
                               in: dir, status: 0)
        return dir
    }

    @Test(arguments: ["nn-data", "nn-fit", "nn-eval", "nn-plot"])
    func helpIsExit0AndListsTheExitStatuses(program: String) throws {
        let r = try Reliability.expect("\(program) --help", status: 0)
        for line in ["EXIT STATUS", "  64   Usage:", "  65   Bad data:", "  66   An input file", "  69   Unavailable:",
                     "  70   Internal error:", "  74   I/O error:", "  130  Interrupted by Ctrl-C", "PIPESTATUS"] {
            #expect(r.text.contains(line), "\(program) --help lacks '\(line)'")
        }
        if program == "nn-fit" { #expect(r.text.contains("Interrupting: Ctrl-C (SIGINT) or SIGTERM stops training")) }
    }

    @Test func nnData() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "a,b\n1,x\n2,y\n".write(to: dir.appendingPathComponent("ok.csv"), atomically: true, encoding: .utf8)
        try "a,b\n1,x\noops,y\n".write(to: dir.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        try Reliability.expect("nn-data csv ok.csv > /dev/null", in: dir, status: 0)
        try Reliability.expect("nn-data blobs --bogus", in: dir, status: 64, message: "Unknown option '--bogus'")
        try Reliability.expect("nn-data", in: dir, status: 64, message: "missing subcommand; give one of mnist, csv, blobs")
        try Reliability.expect("nn-data blobs --test-size 3", in: dir, status: 64, message: "--test-size must be in 0...1")
        try Reliability.expect("nn-data blobs --samples 0", in: dir, status: 64, message: "nn-data: error: --samples must be at least 1")
        try Reliability.expect("nn-data csv bad.csv", in: dir, status: 65, message: "nn-data: error: line 3, column 1: expected a number")
        try Reliability.expect("nn-data info < bad.csv", in: dir, status: 65, message: "nn-data: error: line 1: not an nn-stream")
        try Reliability.expect("nn-data csv missing.csv", in: dir, status: 66, message: "nn-data: error: missing.csv: no such file")
        try Reliability.expect("nn-data csv .", in: dir, status: 66, message: "nn-data: error: .: is a directory, not a file")
        try Reliability.expect("nn-data mnist --dir /nonexistent", in: dir, status: 66, message: "no such file")
        try Reliability.expect("nn-data blobs > /dev/full", in: dir, status: 74, message: "nn-data: error: write error: No space left on device")
        try Reliability.expect("nn-data blobs | nn-data info > /dev/full", in: dir, status: 74, message: "nn-data: error: write error")
    }

    @Test func nnFit() throws {
        let dir = try Self.fitted()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Reliability.expect("nn-fit --epochs 5 --quiet < fit.nns > /dev/null", in: dir, status: 0)
        try Reliability.expect("nn-fit --hidden 0 < fit.nns", in: dir, status: 64, message: "The value '0' is invalid for '--hidden <sizes>'")
        try Reliability.expect("nn-fit --threads 0 < fit.nns", in: dir, status: 64, message: "--threads must be at least 1")
        try Reliability.expect("nn-fit --sgd --batch-size 4 < fit.nns", in: dir, status: 64, message: "nn-fit: error: give --sgd or --batch-size")
        try Reliability.expect("nn-data blobs --samples 200 --cluster-std 5 | nn-fit --hidden 8 --activation relu --sgd --lr 1e8 --init normal:10",
                               in: dir, status: 65, message: "nn-fit: error: loss became ")
        try Reliability.expect("nn-data blobs --features 3 | nn-fit --continue --model m.nn", in: dir, status: 65,
                               message: "nn-fit: error: the model takes 2 features but train.x has 3 columns")
        try Reliability.expect("nn-fit --continue --model missing.nn < fit.nns", in: dir, status: 66, message: "nn-fit: error: missing.nn: no such file")
        try Reliability.expect("nn-fit --continue --model . < fit.nns", in: dir, status: 66, message: "nn-fit: error: .: is a directory, not a file")
        try Reliability.expect("nn-fit --epochs 5 --save no/such/dir/m.nn < fit.nns > /dev/null", in: dir, status: 74,
                               message: "nn-fit: error: no/such/dir/m.nn: cannot write: No such file or directory")
        try Reliability.expect("nn-fit --epochs 5 < fit.nns > /dev/full", in: dir, status: 74, message: "nn-fit: error: write error")
    }

    @Test func nnEval() throws {
        let dir = try Self.fitted()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Reliability.expect("nn-eval --json < fit.nns > /dev/null", in: dir, status: 0)
        try Reliability.expect("nn-eval --json --report < fit.nns", in: dir, status: 64, message: "--json and --report exclude each other")
        try Reliability.expect("nn-eval --threshold 2 < fit.nns", in: dir, status: 64, message: "--threshold must lie in [0, 1]")
        try Reliability.expect("nn-data blobs | nn-eval", in: dir, status: 65, message: "nn-eval: error: no model to score")
        try Reliability.expect("nn-data blobs --features 3 | nn-eval --model m.nn", in: dir, status: 65,
                               message: "nn-eval: error: line 3: train.x does not match the model's input: column 2 'x3' is not one of the model's 2 columns (x1,x2)")
        try Reliability.expect("nn-eval --model missing.nn < fit.nns", in: dir, status: 66, message: "nn-eval: error: missing.nn: no such file")
        try Reliability.expect("nn-eval --scores .", in: dir, status: 66, message: "nn-eval: error: .: is a directory, not a file")
        try Reliability.expect("nn-eval < fit.nns > /dev/full", in: dir, status: 74, message: "nn-eval: error: write error")
        try Reliability.expect("nn-eval --report < fit.nns > /dev/full", in: dir, status: 74, message: "nn-eval: error: write error")
    }

    @Test func nnPlot() throws {
        let dir = try Self.fitted()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Reliability.expect("nn-plot loss < fit.nns > /dev/null", in: dir, status: 0)
        try Reliability.expect("nn-plot loss --bogus < fit.nns", in: dir, status: 64, message: "Unknown option '--bogus'")
        try Reliability.expect("nn-plot < fit.nns", in: dir, status: 64, message: "missing subcommand; give one of loss, boundary")
        try Reliability.expect("nn-plot loss --png a.png --svg a.svg < fit.nns", in: dir, status: 64, message: "nn-plot: error: choose one of --png and --svg")
        try Reliability.expect("nn-plot images < fit.nns", in: dir, status: 65, message: "nn-plot: error: line ")
        try Reliability.expect("nn-plot boundary --model missing.nn < fit.nns", in: dir, status: 66, message: "nn-plot: error: missing.nn: no such file")
        try Reliability.expect("PATH=/nonexistent \(shellQuoted(Reliability.program("nn-plot"))) loss --png a.png < fit.nns", in: dir,
                               status: 69, message: "nn-plot: error: gnuplot not found on PATH")
        try Reliability.expect("nn-plot loss --png no/such/dir/a.png < fit.nns", in: dir, status: 74,
                               message: "nn-plot: error: no/such/dir/a.png: cannot write: No such file or directory")
        try Reliability.expect("nn-plot loss < fit.nns > /dev/full", in: dir, status: 74, message: "nn-plot: error: write error")
        // gnuplot does not notice a failed write itself; nn-plot copies its picture and does.
        try Reliability.expect("nn-plot loss --terminal png < fit.nns > /dev/full", in: dir, status: 74, message: "nn-plot: error: write error")
    }
}
