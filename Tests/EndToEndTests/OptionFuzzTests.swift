// Option fuzzing: every program and subcommand run with values drawn around the boundaries of
// its numeric options (0, ±1, powers of two ± 1, Int.max, NaN, just past each documented range),
// under a small address-space limit and a kill timeout. Whatever the values: an exit status
// among 0, 64, 65, 66, 69, 74 (never a signal), stderr one line naming the program, and stdout a
// whole stream (ending in @end) or nothing. NN_OPTION_CASES sets the number of cases
// (default 300; `scripts/fuzz options` runs more).
import Foundation
import PropertyBased
import Testing

/// One option under test: its name and the values to draw (as they are typed).
struct FuzzedOption: Sendable {
    var name: String
    var values: [String]
}

/// A command to fuzz: the program and its fixed arguments, the stdin it reads, its options.
struct FuzzedCommand: Sendable {
    var command: String
    var stdin: String
    /// True when stdout is an nn-stream (it must then end with @end, or be empty).
    var writesStream: Bool
    var options: [FuzzedOption]
}

enum OptionFuzz {
    /// Integers around every boundary a size or count can cross.
    static let integers: [String] = {
        var v = ["0", "1", "-1", "2", "3", "10", "100", "1000", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "1e3", "0x10"]
        for k in [7, 8, 15, 16, 20, 24, 31, 32, 40, 53, 62, 63] {
            let p = k == 63 ? "9223372036854775807" : String(1 << k)
            v.append(p)
            if k < 63 { v += [String((1 << k) - 1), String((1 << k) + 1)] }
        }
        return v
    }()

    /// Counts that cost time, not memory (epochs, iterations, a generator's samples, which it
    /// writes as it makes them): around their boundaries but small, so that a valid value
    /// finishes within the timeout.
    static let smallCounts = ["0", "1", "-1", "2", "3", "7", "8", "9", "-9223372036854775808", "x"]
    /// (A generator's time is samples × features: `--samples 65537 --features 1048575` is 600 GB
    /// of text, so the sample counts stay as small as the step counts.)
    static let samples = FuzzedOption(name: "--samples", values: smallCounts)

    /// Reals around every boundary a rate, fraction or probability can cross.
    static let reals = ["0", "-0", "1", "-1", "0.5", "0.999999", "1.000001", "2", "-0.5", "1e-300", "1e300", "-1e300", "5e-324",
                        "1.8e308", "nan", "inf", "-inf", "1e-8", "0.1", "100", "4294967297", "9223372036854775807"]

    static let seeds = ["0", "1", "-1", "18446744073709551615", "18446744073709551616", "42"]

    static func int(_ name: String, past: [String] = []) -> FuzzedOption { FuzzedOption(name: name, values: integers + past) }
    static func real(_ name: String) -> FuzzedOption { FuzzedOption(name: name, values: reals) }

    /// Every program and subcommand with numeric options; the sizes not under test stay tiny.
    static func commands(input: String) -> [FuzzedCommand] {
        let split = [real("--test-size"), FuzzedOption(name: "--seed", values: seeds)]
        let fitted = "\(input)/fit.nns", data = "\(input)/data.nns"
        let plot = [FuzzedOption(name: "--size", values: ["0,0", "1,1", "20000,20000", "20001,1", "-1,5", "9223372036854775807,2", "2x2", "80,24"])]
        var list = [
            FuzzedCommand(command: "nn-data blobs --samples 20", stdin: "/dev/null", writesStream: true,
                          options: [samples, int("--features"), int("--centers"),
                                    FuzzedOption(name: "--cluster-std", values: reals + ["1,2", "1,2,3"]),
                                    FuzzedOption(name: "--center-box", values: ["0,0", "1,-1", "-1e308,1e308", "nan,1", "5"])] + split),
            FuzzedCommand(command: "nn-data circles --samples 20", stdin: "/dev/null", writesStream: true,
                          options: [samples, real("--noise"), real("--factor")] + split),
            FuzzedCommand(command: "nn-data moons --samples 20", stdin: "/dev/null", writesStream: true,
                          options: [samples, real("--noise")] + split),
            FuzzedCommand(command: "nn-data friedman1 --samples 20", stdin: "/dev/null", writesStream: true,
                          options: [samples, real("--noise")] + split),
            FuzzedCommand(command: "nn-data regression --samples 20", stdin: "/dev/null", writesStream: true,
                          options: [samples, int("--features"), int("--informative"), int("--targets"), real("--noise")] + split),
            FuzzedCommand(command: "nn-data sine --samples 20", stdin: "/dev/null", writesStream: true,
                          options: [samples, real("--noise")] + split),
            FuzzedCommand(command: "nn-data csv \(input)/small.csv", stdin: "/dev/null", writesStream: true, options: split),
            FuzzedCommand(command: "nn-data split", stdin: data, writesStream: true, options: split),
            FuzzedCommand(command: "nn-fit --quiet --epochs 2", stdin: data, writesStream: true,
                          options: [FuzzedOption(name: "--hidden", values: integers + ["4,0", "1,1,1", "65536,65536", "3,-1", ","]),
                                    int("--batch-size"), real("--lr"), real("--momentum"), real("--beta1"), real("--beta2"),
                                    real("--eps"), real("--weight-decay"), real("--l2"), real("--dropout"), int("--step-size"),
                                    real("--gamma"), real("--min-lr"), real("--tol"), real("--validation"),
                                    FuzzedOption(name: "--seed", values: seeds), int("--threads")]),
            FuzzedCommand(command: "nn-fit --quiet", stdin: data, writesStream: true,
                          options: [FuzzedOption(name: "--epochs", values: smallCounts), FuzzedOption(name: "--iterations", values: smallCounts)]),
            FuzzedCommand(command: "nn-fit --quiet --epochs 3 --validation 0.3", stdin: data, writesStream: true,
                          options: [FuzzedOption(name: "--patience", values: smallCounts), real("--validation")]),
            // A 4x4 image per row: convolutions and pooling, sizes around the image's.
            FuzzedCommand(command: "nn-fit --quiet --epochs 1 --conv 2:3", stdin: "\(input)/image.nns", writesStream: true,
                          options: [FuzzedOption(name: "--conv", values: ["1:1", "2:3", "1:5", "1:9", "0:3", "-1:3", "1:2", "1:0", "3", "1:3,1:3,1:3",
                                                                          "9223372036854775807:3", "1:9223372036854775807", "65536:3"]),
                                    int("--pool")]),
            FuzzedCommand(command: "nn-fit --quiet --epochs 2 --loss huber", stdin: "\(input)/sine.nns", writesStream: true,
                          options: [real("--huber-delta"), real("--lr")]),
            FuzzedCommand(command: "nn-eval --quiet", stdin: fitted, writesStream: true, options: [real("--threshold")]),
            FuzzedCommand(command: "nn-plot parity", stdin: "\(input)/sine-fit.nns", writesStream: false, options: plot),
            FuzzedCommand(command: "nn-plot residuals", stdin: "\(input)/sine-fit.nns", writesStream: false, options: plot),
            FuzzedCommand(command: "nn-plot fit", stdin: "\(input)/sine-fit.nns", writesStream: false, options: plot),
            FuzzedCommand(command: "nn-plot boundary", stdin: fitted, writesStream: false,
                          options: [int("--resolution", past: ["1", "2000", "2001"]), real("--threshold")] + plot),
            FuzzedCommand(command: "nn-plot weights", stdin: fitted, writesStream: false, options: [int("--count", past: ["400", "401"])] + plot),
            FuzzedCommand(command: "nn-plot images", stdin: fitted, writesStream: false, options: [int("--count", past: ["400", "401"]), real("--threshold")] + plot),
            FuzzedCommand(command: "nn-plot roc", stdin: fitted, writesStream: false, options: plot),
            FuzzedCommand(command: "nn-plot loss", stdin: fitted, writesStream: false, options: plot),
            FuzzedCommand(command: "nn-plot confusion", stdin: fitted, writesStream: false, options: [real("--threshold")] + plot),
            FuzzedCommand(command: "nn-plot scatter", stdin: fitted, writesStream: false, options: plot),
        ]
        if FileManager.default.fileExists(atPath: "/usr/share/dataset-fashion-mnist/data") || ProcessInfo.processInfo.environment["NN_DATA_DIR"] != nil {
            list.append(FuzzedCommand(command: "nn-data mnist --classes 3,4 --limit-train 20 --limit-test 20", stdin: "/dev/null", writesStream: true,
                                      options: [int("--limit-train"), int("--limit-test"), real("--test-size")]))
        }
        return list
    }

    /// What one run gave, and what is wrong with it (nil: nothing).
    static func problem(_ command: String, program: String, writesStream: Bool, stdin: String) throws -> String? {
        // 1 GB of address space: room for the runtime and OpenBLAS, not for a mistyped size.
        let r = try run("ulimit -v 1000000; timeout -s KILL 30 \(command) < \(stdin) | tail -c 5; exit ${PIPESTATUS[0]}", pipefail: false)
        let lines = r.stderr.isEmpty ? [] : r.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(r.stderr.hasSuffix("\n") ? 1 : 0)
        if ![0, 64, 65, 66, 69, 74].contains(r.status) {
            return "exit \(r.status)\(r.status > 128 ? " (signal \(r.status - 128))" : ""): \(r.stderr.prefix(400))"
        }
        if let first = lines.first, !first.hasPrefix("\(program): ") { return "stderr does not begin with '\(program): ': \(r.stderr.prefix(400).debugDescription)" }
        // The argument parser's usage text after its message is being made one line elsewhere:
        // until then only a message followed by "Usage:" may take more than one line.
        if lines.count > 1 && !lines[1...].contains(where: { $0.hasPrefix("Usage:") }) {
            return "stderr has \(lines.count) lines: \(r.stderr.prefix(400))"
        }
        if writesStream && !r.stdout.isEmpty && r.text != "@end\n" { return "stdout does not end with @end: ...\(r.text.debugDescription)" }
        if r.status != 0 && !r.stdout.isEmpty && r.text == "@end\n" { return "failed (exit \(r.status)) yet wrote @end" }
        return nil
    }

    /// The fixtures every command reads: a small data stream, a fitted stream, a CSV file, rows
    /// of 4x4 images, a regression stream (sine) and a fitted regressor.
    static func fixtures() throws -> URL {
        let dir = try makeTemporaryDirectory()
        let r = try run("""
            cd \(shellQuoted(dir.path)) && nn-data blobs --samples 40 --centers 2 > data.nns \
            && nn-fit --hidden 3 --epochs 5 --quiet < data.nns | nn-eval --quiet > fit.nns \
            && printf 'a,b,y\\n1,2,x\\n3,4,z\\n5,6,x\\n7,8,z\\n' > small.csv \
            && nn-data blobs --samples 40 --centers 2 --features 16 | sed -E 's/^(@(train|test)\\.x f32 [0-9]+x16 .*)$/\\1 image=4x4/' > image.nns \
            && nn-data sine --samples 40 > sine.nns && nn-fit --hidden 4 --epochs 5 --quiet < sine.nns | nn-eval --quiet > sine-fit.nns
            """)
        guard r.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: r.stderr]) }
        return dir
    }
}

/// A case: a command, the options it gets (one to three), and one value for each.
private struct FuzzCase: CustomStringConvertible, Sendable {
    var command: FuzzedCommand
    var arguments: [(String, String)]
    var line: String { ([command.command] + arguments.map { "\($0.0)=\(shellQuoted($0.1))" }).joined(separator: " ") }
    var description: String { line }
}

// Shrinking is off: a case is drawn as indices, so a "smaller" case is only another case.
@Test(.shrinking(false)) func everyNumericOptionEndsInASysexitsCodeAndOneLine() async throws {
    let dir = try OptionFuzz.fixtures()
    defer { try? FileManager.default.removeItem(at: dir) }
    let commands = OptionFuzz.commands(input: dir.path)
    let count = Int(ProcessInfo.processInfo.environment["NN_OPTION_CASES"] ?? "") ?? 300
    // Eight draws make a case: the command, how many options (1 to 3), and each option and value.
    let cases = Gen.int(in: 0...1_000_000).array(of: 8).map { draws -> FuzzCase in
        // Shrinking may shorten the array: missing draws count as 0.
        let d = (draws + [Int](repeating: 0, count: max(0, 8 - draws.count))).map { $0.magnitude }
        let command = commands[Int(d[0] % UInt(commands.count))]
        let arguments = (0..<(1 + Int(d[1] % 3))).map { j -> (String, String) in
            let option = command.options[Int(d[2 + 2 * j] % UInt(command.options.count))]
            return (option.name, option.values[Int(d[3 + 2 * j] % UInt(option.values.count))])
        }
        return FuzzCase(command: command, arguments: arguments)
    }
    // NN_OPTION_LOG=FILE lists the cases run, one command line each.
    let log = ProcessInfo.processInfo.environment["NN_OPTION_LOG"].flatMap { FileHandle(forWritingAtPath: $0) }
    await propertyCheck(count: count, input: cases) { c in
        log?.write(Data((c.line + "\n").utf8))
        let program = String(c.command.command.split(separator: " ")[0])
        let found = try OptionFuzz.problem(c.line, program: program, writesStream: c.command.writesStream, stdin: c.command.stdin)
        #expect(found == nil, "\(c.line): \(found ?? "")")
    }
}

/// Every case the fuzzing found, kept (the fixtures are those of the fuzz test).
@Test(arguments: [
    "nn-data blobs --centers 100000000 --samples 100",
    // `nn-data blobs --samples 10000000000` and `nn-data moons --samples 3000000000` aborted in
    // the allocator; the generators now stream, so they run until their reader stops
    // (generatorsStreamWhateverTheSampleCount in OptionLimitsTests).
    "nn-data blobs --features 100000000",
    "nn-data blobs --samples 8 --features 16777215",                // 16777215 column names (x1,...) were not counted: abort
    "nn-fit --quiet --epochs 2 --hidden 100000,100000",
    "nn-fit --quiet --epochs 2 --batch-size 9223372036854775807",   // was SIGFPE: rows + b − 1 overflowed
    "nn-fit --quiet --epochs 2 --hidden 16777217",                  // was refused before the rows were known
    "nn-plot boundary --resolution 2000",                           // aborted allocating 128 MB under ulimit -v 1000000
    "nn-data blobs --samples 20 --center-box=-1e308,1e308",         // wrote part of a stream, then exit 65 on an inf
    "nn-data blobs --samples 20 --cluster-std 1e300",
    "nn-data circles --noise 1e300",
    "nn-fit --quiet --epochs 2 --hidden 1048575 --threads 257",     // 257 polling workers on 2 CPUs: killed after 30 s
])
func optionFuzzFindingsStayFixed(_ command: String) throws {
    let dir = try OptionFuzz.fixtures()
    defer { try? FileManager.default.removeItem(at: dir) }
    let program = String(command.split(separator: " ")[0])
    let stdin = ["nn-data": "/dev/null", "nn-fit": "\(dir.path)/data.nns"][program] ?? "\(dir.path)/fit.nns"
    let found = try OptionFuzz.problem(command, program: program, writesStream: program != "nn-plot", stdin: stdin)
    #expect(found == nil, "\(command): \(found ?? "")")
}
