// Pipes: a reader downstream that stops early ends every stage quietly (exit 0, nothing on
// stderr, also under pipefail); a stage upstream that fails makes the next one fail with
// "truncated input" instead of working on part of the data.
import Foundation
import Testing

struct PipeTests {
    /// A directory with a trained circles stream, fit.nns.
    static func fitted() throws -> URL {
        let dir = try makeTemporaryDirectory()
        try Reliability.expect("nn-data circles --samples 400 --noise 0.1 | nn-fit --hidden 3 --epochs 50 > fit.nns", in: dir, status: 0)
        return dir
    }

    // `true` exits at once, so the stage before it writes into a closed pipe (EPIPE), and
    // `head -c` closes after a few bytes of an output far larger than the pipe's buffer.
    @Test(arguments: [
        "nn-data blobs --samples 100000 --features 20 | head -c 1000",
        "nn-data circles --samples 200000 | true",
        "nn-data blobs --samples 20000 --features 20 | nn-data standardize | head -c 1000",
        "nn-data blobs --samples 20000 --features 20 | nn-data split | head -c 1000",
        "nn-data blobs --samples 20000 --features 20 | nn-data info | true",
        // nn-fit: while passing the input through, and when writing its own sections.
        "nn-data blobs --samples 50000 --features 20 | nn-fit --epochs 1 | head -c 1000",
        "nn-data blobs --samples 200 | nn-fit --hidden 300 --epochs 5 | true",
        "nn-data blobs --samples 200 --features 200 | nn-fit --hidden 300 --epochs 2 | head -c 1000",
    ])
    func aClosedPipeEndsTheStageQuietly(script: String) throws {
        try Reliability.expect(script, status: 0)
    }

    @Test func withSaveAClosedPipeStillSavesTheModel() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Reliability.expect("nn-data blobs --samples 50000 --features 20 | nn-fit --epochs 2 --save m.nn | head -c 1000 > /dev/null",
                               in: dir, status: 0)
        try Reliability.expect("nn-data blobs --features 20 | nn-eval --quiet --model m.nn --json > /dev/null", in: dir, status: 0)
    }

    @Test(arguments: [
        "nn-eval < fit.nns | true",
        "nn-eval --report < fit.nns | true",
        "nn-eval --json < fit.nns | true",
        "cat fit.nns fit.nns fit.nns > /dev/null; nn-eval < fit.nns | head -c 100",
        "nn-plot boundary < fit.nns | head -c 1000",
        "nn-plot scatter --script < fit.nns | true",
        "nn-plot boundary --terminal dumb < fit.nns | head -1",
    ])
    func aClosedPipeEndsEvalAndPlotQuietly(script: String) throws {
        let dir = try Self.fitted()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Reliability.expect(script, in: dir, status: 0)
    }

    // What a stage that dies half way leaves: a stream without '@end', cut inside a line
    // (`head -c`), or at a line's end (`head -n`), or nothing at all (a stage that failed at once).
    static let brokenUpstreams = [
        "nn-data blobs --samples 2000 --features 5 | head -c 30000",
        "nn-data blobs --samples 2000 --features 5 | head -n 500",
        "nn-data blobs --samples 200 --cluster-std 5 | nn-fit --hidden 8 --activation relu --sgd --lr 1e8 --init normal:10",
    ]

    static let consumers = [
        ("nn-data info", "nn-data"),
        ("nn-data standardize", "nn-data"),
        ("nn-data split", "nn-data"),
        ("nn-fit --epochs 2", "nn-fit"),
        ("nn-eval --model m.nn", "nn-eval"),
        ("nn-plot scatter", "nn-plot"),
    ]

    @Test(arguments: brokenUpstreams)
    func aFailedStageUpstreamIsTruncatedInputDownstream(upstream: String) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Reliability.expect("nn-data blobs --features 5 | nn-fit --epochs 2 --save m.nn > /dev/null", in: dir, status: 0)
        for (consumer, program) in Self.consumers {
            // Without pipefail: the consumer's own status, which must not be success.
            let r = try run("cd \(shellQuoted(dir.path)) && \(upstream) | \(consumer)", pipefail: false)
            #expect(r.status == 65, "\(upstream) | \(consumer): \(r.stderr)")
            #expect(r.stderr.contains("\(program): error: line "), "\(consumer): \(r.stderr)")
            #expect(r.stderr.contains("truncated input: ") && r.stderr.contains("(the stage before this one probably failed)"),
                    "\(consumer): \(r.stderr)")
            #expect(!r.text.contains("@end"), "\(upstream) | \(consumer) wrote a complete stream")
        }
    }

    @Test func aCutShortModelFileSaysSo() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Reliability.expect("nn-data blobs --features 5 | nn-fit --hidden 50 --epochs 2 --save m.nn > /dev/null && head -c 3000 m.nn > cut.nn",
                               in: dir, status: 0)
        for consumer in ["nn-eval --model cut.nn", "nn-fit --continue --model cut.nn", "nn-plot boundary --model cut.nn"] {
            try Reliability.expect("nn-data blobs --features 5 | \(consumer)", in: dir, status: 65,
                                   message: "cut.nn: line ")
            let r = try run("cd \(shellQuoted(dir.path)) && nn-data blobs --features 5 | \(consumer)")
            #expect(r.stderr.contains("truncated input: ") && r.stderr.contains("(the file is cut short)"), "\(consumer): \(r.stderr)")
        }
    }

    @Test func underPipefailTheLastFailingStageGivesTheStatusAndPipestatusNamesTheFirst() throws {
        // nn-data fails first (66, no such file); nn-fit then fails on its empty input (65).
        // pipefail gives the rightmost failure, 65; ${PIPESTATUS[@]} shows the 66 that came first.
        let r = try run("nn-data csv no-such.csv | nn-fit --quiet | cat; echo \"${PIPESTATUS[*]} / $?\"")
        #expect(r.text == "66 65 0 / 65\n")
        let without = try run("nn-data csv no-such.csv | nn-fit --quiet | cat; echo \"${PIPESTATUS[*]} / $?\"", pipefail: false)
        #expect(without.text == "66 65 0 / 0\n")
    }

    @Test func underPipefailAStageThatFailsFailsThePipeline() throws {
        // The diverging nn-fit fails first (65); nn-eval then fails on its truncated output.
        let r = try run("nn-data blobs --samples 200 --cluster-std 5 | nn-fit --hidden 8 --activation relu --sgd --lr 1e8 --init normal:10 | nn-eval")
        #expect(r.status == 65)
        #expect(r.stderr.contains("nn-fit: error: loss became "))
        #expect(r.stderr.contains("nn-eval: error: line 1: truncated input: the input is empty"))
        let without = try run("nn-data blobs --samples 200 --cluster-std 5 | nn-fit --hidden 8 --activation relu --sgd --lr 1e8 --init normal:10 | cat",
                              pipefail: false)
        #expect(without.status == 0, "without pipefail a pipeline's status is its last stage's")
    }
}
