// Options that ask for more than the machine has, or for what cannot make sense, end with one
// line and a sysexits code before anything large is allocated: never an abort in the allocator,
// a segfault or the OOM killer. Run under `ulimit -v 3000000` (3 GB of address space), as the
// issue that found them was.
import Foundation
import Testing

/// Runs `command` under a 3 GB address-space limit and a kill timeout; stdout is thrown away.
private func limited(_ command: String, environment: [String: String] = [:]) throws -> PipelineResult {
    try run("ulimit -v 3000000; timeout -s KILL 60 bash -o pipefail -c \(shellQuoted(command)) > /dev/null", environment: environment)
}

private func expectOneLine(_ r: PipelineResult, _ command: String, status: Int32, _ message: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(r.status == status, "\(command): exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(command): \(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stderr.hasPrefix(message), "\(command): \(r.stderr)", sourceLocation: sourceLocation)
}

/// The commands of the issue's table, each a mistyped number: one line, exit 69 (or 64).
@Test(arguments: [
    ("nn-data blobs | nn-fit --hidden 100000,100000", Int32(69),
     "nn-fit: error: --hidden 100000,100000 needs at least 160 GB to train with SGD (40 GB of weights); ulimit -v allows "),
    // Generators hold no rows (see generatorsStreamWhateverTheSampleCount), only blobs' centres:
    // 3 centres × 1e9 features × 8 bytes, and one row of 1e9 f32 values: 28 GB.
    ("nn-data blobs --features 1000000000", 69, "nn-data: error: 3 centres of 1000000000 features needs 28 GB; ulimit -v allows "),
    ("nn-data blobs --centers 100000000 --samples 100", 64,
     "nn-data: error: --centers 100000000 is more than --samples 100: every centre needs at least one point"),
])
func aMistypedSizeIsOneLineNotACrash(_ command: String, _ status: Int32, _ message: String) throws {
    expectOneLine(try limited(command), command, status: status, message)
}

/// 3e9 rows would be 108 GB in memory (the issue's `nn-data moons --samples 3000000000`); the
/// generators make each row as they write it, so under a 3 GB limit the rows flow until the reader
/// stops, and the generator then ends quietly.
@Test(arguments: ["moons", "circles", "blobs --features 3 --centers 5 --stratify"])
func generatorsStreamWhateverTheSampleCount(_ generator: String) throws {
    let r = try run("ulimit -v 3000000; timeout -s KILL 120 nn-data \(generator) --samples 3000000000 | head -c 3000000 | sed -n 3,1002p")
    #expect(r.status == 0 && r.stderr.isEmpty, "\(r.status) \(r.stderr)")
    let rows = r.text.split(separator: "\n")
    #expect(rows.first?.hasPrefix("@train.x f32 2400000000x") == true, "\(rows.first ?? "")")
    #expect(rows.count == 1000 && rows.dropFirst().allSatisfy { $0.split(separator: " ").allSatisfy { Float($0) != nil } })
}

@Test func theNetworkRefusedSuggestsWidthsThatFit() throws {
    let command = "nn-data blobs | nn-fit --hidden 100000,100000 --adam"
    let r = try limited(command)
    expectOneLine(r, command, status: 69, "nn-fit: error: --hidden 100000,100000 needs at least 240 GB to train with Adam (40 GB of weights)")
    #expect(r.stderr.contains("Did you mean --hidden 10000,10000?") || r.stderr.contains("Did you mean --hidden 1000,1000?"), "\(r.stderr)")
}

@Test func theWholeNetworkIsCheckedOnceTheInputWidthIsKnown() throws {
    // 1000 hidden units look small, but 1000000 inputs make 4 GB of weights.
    let command = "nn-data blobs --samples 3 --centers 2 --features 1000000 | nn-fit --hidden 1000"
    expectOneLine(try limited(command), command, status: 69, "nn-fit: error: a 1000000-1000-1 network needs ")
}

@Test func nnMemoryLimitOverridesTheLimitFound() throws {
    // 3 centres × 1000 features × 8 bytes, one row of 1000 f32 values and 120 bytes of split tables: 28 kB.
    let command = "nn-data blobs --features 1000"
    expectOneLine(try limited(command, environment: ["NN_MEMORY_LIMIT": "10k"]), command, status: 69,
                  "nn-data: error: 3 centres of 1000 features needs 28 kB; NN_MEMORY_LIMIT is 10 kB (set NN_MEMORY_LIMIT to override)")
    expectOneLine(try limited("nn-data blobs", environment: ["NN_MEMORY_LIMIT": "lots"]), "NN_MEMORY_LIMIT=lots", status: 64,
                  "nn-data: error: NN_MEMORY_LIMIT=lots is not a size")
    let fine = try run("nn-data blobs --samples 1000 | nn-fit --hidden 4 --epochs 2 --quiet > /dev/null", environment: ["NN_MEMORY_LIMIT": "1G"])
    #expect(fine.status == 0, "\(fine.stderr)")
}

@Test(arguments: [
    ("nn-fit --hidden 4294967296,4294967296,4294967296", "nn-fit: error: --hidden 4294967296,4294967296,4294967296: the network would have more weights than a 64-bit count can hold"),
    ("nn-fit --hidden 0", "nn-fit: error: "),
    ("nn-fit --hidden 4,0", "nn-fit: error: "),
    ("nn-data blobs --samples 4294967296 --features 4294967296", "nn-data: error: --samples 4294967296 times --features 4294967296 is more values than a 64-bit count can hold"),
    ("nn-data blobs --centers 5 --samples 4", "nn-data: error: --centers 5 is more than --samples 4"),
])
func sizesThatCannotMakeSenseAreUsageErrorsBeforeStdinIsRead(_ command: String, _ message: String) throws {
    // stdin is a FIFO no one writes to: a stage that read it before checking would hang (killed: 137).
    let r = try run("d=$(mktemp -d) && mkfifo $d/in && exec 3<>$d/in && rm -r $d && timeout -s KILL 15 \(command) <&3")
    #expect(r.status == 64, "\(command): \(r.status) \(r.stderr)")
    #expect(r.stderr.hasPrefix(message), "\(r.stderr)")
}

@Test func aBatchSizeAboveTheRowsTrainsOnEveryRowWithANote() throws {
    let r = try run("nn-data blobs --samples 50 --centers 2 | nn-fit --batch-size 1000 --epochs 3 | nn-eval --json")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr == "nn-fit: note: --batch-size 1000 is above the 40 training rows: every step uses all of them (full batch)\n", "\(r.stderr)")
    let quiet = try run("nn-data blobs --samples 50 --centers 2 | nn-fit --batch-size 1000 --epochs 3 --quiet > /dev/null")
    #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
}

@Test func aPictureLargerThanTheMemoryAllowedIsRefusedBeforeGnuplotRuns() throws {
    // gnuplot, under the same limit, used to fail with "Cairo is unhappy: out of memory" (exit 70).
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let command = "nn-data circles | nn-fit --hidden 2 --epochs 2 --quiet | nn-plot loss --size 20000,20000 --png \(dir.path)/big.png"
    expectOneLine(try limited(command, environment: ["NN_MEMORY_LIMIT": "1G"]), command, status: 69,
                  "nn-plot: error: a 20000x20000 PNG needs 1.6 GB in gnuplot; NN_MEMORY_LIMIT is 1.1 GB")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("big.png").path))
}

/// Data larger than memory, read from a stream or a CSV file, ends with one line and exit 69 as
/// the buffer holding it is about to grow past the budget (here NN_MEMORY_LIMIT=4M; the data is
/// 300000 rows of 4 values in each set, 4.8 MB as f32), never an abort in the allocator. The
/// stream carries its model after the data, so nn-eval holds the rows until the model comes
/// (with --model FILE it predicts them as they arrive and holds none).
@Test(arguments: ["nn-fit --quiet", "nn-eval", "nn-data csv big.csv"])
func dataLargerThanTheBudgetIsOneLine(_ stage: String) throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let setup = try run("""
        cd \(shellQuoted(dir.path)) && nn-data blobs --samples 600000 --features 4 --centers 2 --test-size 0.5 > big.nns \
        && nn-data blobs --samples 20 --features 4 --centers 2 | nn-fit --epochs 1 --quiet --save model.nn > /dev/null \
        && { head -n -1 big.nns; tail -n +2 model.nn; } > big-model.nns && mv big-model.nns big.nns \
        && awk 'BEGIN { print "a,b,c,d,y"; for (i = 0; i < 300000; i++) print i % 7 "," i % 5 "," i % 3 "," i % 2 "," i % 2 }' > big.csv
        """)
    try #require(setup.status == 0, "\(setup.stderr)")
    let r = try run("cd \(shellQuoted(dir.path)) && \(stage) < big.nns > /dev/null", environment: ["NN_MEMORY_LIMIT": "4M"])
    let program = String(stage.split(separator: " ")[0])
    #expect(r.status == 69, "\(stage): \(r.status) \(r.stderr)")
    #expect(r.stderr.hasPrefix("\(program): error: holding ") && r.stderr.contains("NN_MEMORY_LIMIT is 4.2 MB"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
}
