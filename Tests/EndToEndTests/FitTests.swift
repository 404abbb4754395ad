// nn-fit in real pipes: the reference rows of the small data sets, determinism across thread
// counts, saving and continuing, pass-through, and every bad input it must refuse.
import Foundation
import Testing

struct FitTests {
    /// The small rows of the reference table (issue 4), with nn-data's generators. Circles are
    /// 500 samples with noise 0.05 and factor 0.5 (separable, as the reference's 1.00 implies).
    static let referenceRows: [(data: String, fit: String, atLeast: Double, atMost: Double)] = [
        ("blobs --samples 400 --features 3 --centers 2", "", 0.9875, 1),
        ("circles --samples 500 --noise 0.05 --factor 0.5", "", 0, 0.7),
        ("circles --samples 500 --noise 0.05 --factor 0.5", "--hidden 5 --lr 0.08 --epochs 20000", 1, 1),
        ("blobs --samples 400 --features 3 --centers 2", "--hidden 3 --lr 0.1", 0.975, 1),
        ("blobs --samples 400 --features 3 --centers 2", "--hidden 3 --sgd --lr 0.04 --iterations 40000", 0.9875, 1),
        ("circles --samples 500 --noise 0.05 --factor 0.5", "--hidden 5 --sgd --lr 0.08 --iterations 80000", 1, 1),
        // The defaults the issue promises: nn-data circles | nn-fit --hidden 5 ≥ 0.98.
        ("circles", "--hidden 5", 0.98, 1),
    ]

    @Test(arguments: referenceRows.indices)
    func referenceRowReachesItsAccuracy(row: Int) throws {
        let r = Self.referenceRows[row]
        let result = try run("nn-data \(r.data) | nn-fit \(r.fit)")
        #expect(result.status == 0, "\(result.stderr)")
        let accuracy = try testAccuracy(result.stdout)
        #expect(accuracy >= r.atLeast && accuracy <= r.atMost, "nn-data \(r.data) | nn-fit \(r.fit): \(accuracy)")
    }

    @Test func sameSeedSameBytesWithOneOrTwoThreads() throws {
        let data = "nn-data blobs --samples 300 --features 4 --centers 3"
        for fit in ["--hidden 16,8 --activation relu --batch-size 32 --adam --epochs 3 --dropout 0.1",
                    "--hidden 6 --epochs 50", "--hidden 4 --sgd --iterations 2000"] {
            let one = try run("\(data) | nn-fit \(fit) --threads 1")
            let two = try run("\(data) | nn-fit \(fit) --threads 2")
            #expect(one.status == 0 && two.status == 0)
            #expect(linesWithoutComments(one) == linesWithoutComments(two), "\(fit)")
            let other = try run("\(data) | nn-fit \(fit) --seed 7")
            #expect(linesWithoutComments(other) != linesWithoutComments(one), "\(fit)")
        }
    }

    @Test func everySectionPassesThroughAndTheModelIsAppended() throws {
        let input = try run("nn-data blobs --samples 40 --centers 2")
        let result = try run("nn-fit --hidden 2 --epochs 3", stdin: input.stdout)
        #expect(result.status == 0)
        let upstream = input.lines.filter { !$0.hasPrefix("@end") && !$0.isEmpty }
        #expect(Array(result.lines.prefix(upstream.count)) == upstream)
        let headers = result.lines.dropFirst(upstream.count).filter { $0.hasPrefix("@") || $0.hasPrefix("#") }.map { String($0.split(separator: " ")[0]) }
        #expect(headers == ["#", "@model", "@model.layer1.weight", "@model.layer1.bias", "@model.layer2.weight", "@model.layer2.bias", "@loss", "@end"])
        let model = result.lines.first { $0.hasPrefix("@model ") }!
        for key in ["layers=2,2,1", "activations=sigmoid,identity", "output=sigmoid", "classes=0,1", "method=full-batch", "lr=0.5", "epochs=3", "seed=42", "init=xavier"] {
            #expect(model.contains(" \(key)"), "\(key) in \(model)")
        }
    }

    @Test func savedModelIsTheModelAloneAndCanBeTrainedFurther() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("m.nn").path
        let first = try run("nn-data circles | nn-fit --hidden 5 --epochs 200 --save \(shellQuoted(file))")
        #expect(first.status == 0)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        let names = saved.split(separator: "\n").filter { $0.hasPrefix("@") }.map { String($0.split(separator: " ")[0]) }
        #expect(names == ["@model", "@model.layer1.weight", "@model.layer1.bias", "@model.layer2.weight", "@model.layer2.bias", "@end"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m.nn"])
        // The saved model equals the one in the stream.
        let inStream = first.lines.filter { $0.hasPrefix("@model") || (!$0.hasPrefix("@") && !$0.hasPrefix("#")) }
        #expect(saved.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("@end") && !$0.hasPrefix("nn-stream") }.allSatisfy { inStream.contains(String($0)) })

        let more = try run("nn-data circles | nn-fit --model \(shellQuoted(file)) --continue --epochs 200")
        #expect(more.status == 0, "\(more.stderr)")
        let head = more.lines.first { $0.hasPrefix("@model ") }!
        #expect(head.contains("previous_steps=200") && head.contains("hidden=5"))
        let inStreamContinue = try run("nn-data circles | nn-fit --hidden 5 --epochs 200 | nn-fit --continue --epochs 200 --quiet")
        #expect(inStreamContinue.status == 0)
        #expect(linesWithoutComments(inStreamContinue).filter { !$0.hasPrefix("@model ") } == linesWithoutComments(more).filter { !$0.hasPrefix("@model ") })
        let clash = try run("nn-data circles | nn-fit --model \(shellQuoted(file)) --continue --hidden 7")
        #expect(clash.status == 64 && clash.stderr.contains("--hidden 7 differs"))
    }

    @Test func validationAddsItsColumnsAndStopsEarly() throws {
        let result = try run("nn-data blobs --samples 200 --centers 2 --cluster-std 6 | nn-fit --hidden 32 --batch-size 16 --lr 0.5 --epochs 300 --validation 0.2 --patience 3")
        #expect(result.status == 0, "\(result.stderr)")
        let loss = result.lines.first { $0.hasPrefix("@loss ") }!
        #expect(loss.contains("columns=epoch,loss,val_loss,val_accuracy"))
        let model = result.lines.first { $0.hasPrefix("@model ") }!
        #expect(model.contains("stopped=patience") && model.contains("best_epoch=") && model.contains("validation=0.2"))
    }

    @Test func divergingTrainingFailsAndWritesNoEnd() throws {
        let result = try run("nn-data blobs --samples 200 --cluster-std 5 | nn-fit --hidden 8 --activation relu --sgd --lr 1e8 --init normal:10")
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("nn-fit: error: loss became "))
        #expect(result.stderr.contains("; try a smaller --lr (now 100000000)"))
        #expect(!result.text.contains("@end") && !result.text.contains("@model"))
    }

    @Test func checkGradientsPrintsEachLayerAndPasses() throws {
        let result = try run("nn-data blobs --samples 50 --centers 3 | nn-fit --hidden 4,3 --activation tanh --l2 0.01 --check-gradients")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.first == "layer  checked  max_relative_error")
        #expect(result.lines.filter { $0.first?.isNumber == true }.count == 3)
        #expect(result.text.contains("ok: every error is within the tolerance"))
    }

    @Test func standardisedTrainingRowsPutTheirStatisticsInTheModel() throws {
        let stream = """
        nn-stream 1
        @train.x f32 4x2 standardized=true
        -1 1
        1 -1
        -1 -1
        1 1
        @train.y i32 4x1 classes=a,b
        0
        1
        0
        1
        @standardize.mean f32 1x2
        10 20
        @standardize.std f32 1x2
        2 4
        @end

        """
        let result = try run("nn-fit --epochs 5", stdin: Data(stream.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.lines
        let mean = lines.firstIndex { $0.hasPrefix("@model.standardize.mean f32 1x2") }
        let std = lines.firstIndex { $0.hasPrefix("@model.standardize.std f32 1x2") }
        #expect(mean.map { lines[$0 + 1] } == "10 20")
        #expect(std.map { lines[$0 + 1] } == "2 4")
        // The statistics also pass through where they were.
        #expect(lines.contains("@standardize.mean f32 1x2"))
    }

    @Test func aStandardisedModelContinuedOnRawRowsStandardisesThemFirst() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("m.nn").path
        func stream(_ rows: [String], standardized: Bool) -> Data {
            let attrs = standardized ? " standardized=true" : ""
            let stats = standardized ? "@standardize.mean f32 1x2\n10 20\n@standardize.std f32 1x2\n2 4\n" : ""
            return Data("nn-stream 1\n@train.x f32 4x2\(attrs)\n\(rows.joined(separator: "\n"))\n@train.y i32 4x1 classes=a,b\n0\n1\n0\n1\n\(stats)@end\n".utf8)
        }
        // The same rows, standardised ((x − mean)/std, exact here) and raw.
        let standardised = stream(["-1 1", "1 -1", "-1 -1", "1 1"], standardized: true)
        let raw = stream(["8 24", "12 16", "8 16", "12 24"], standardized: false)
        #expect(try run("nn-fit --hidden 3 --epochs 5 --save \(shellQuoted(file)) > /dev/null", stdin: standardised).status == 0)
        let onStandardised = try run("nn-fit --model \(shellQuoted(file)) --continue --epochs 5", stdin: standardised)
        let onRaw = try run("nn-fit --model \(shellQuoted(file)) --continue --epochs 5", stdin: raw)
        #expect(onStandardised.status == 0 && onRaw.status == 0, "\(onRaw.stderr)")
        func model(_ r: PipelineResult) -> [String] { Array(r.lines.drop { !$0.hasPrefix("@model ") }.prefix { !$0.hasPrefix("@loss") }) }
        #expect(!model(onRaw).isEmpty && model(onRaw) == model(onStandardised))
    }

    @Test func progressGoesToATerminalOnlyAndQuietSilencesIt() throws {
        guard try run("command -v script").status == 0 else { return }
        let fit = "nn-data blobs --samples 100 --centers 2 | nn-fit --hidden 3 --epochs 300"
        let terminal = try run("script -qec \(shellQuoted(fit + " > /dev/null")) /dev/null")
        #expect(terminal.text.contains("step=300/300 epoch=300 loss="), "\(terminal.text)")
        #expect(terminal.text.contains("samples/s="))
        let quiet = try run("script -qec \(shellQuoted(fit + " --quiet > /dev/null")) /dev/null")
        #expect(!quiet.text.contains("step="))
        let piped = try run(fit + " 2>&1 >/dev/null")
        #expect(piped.text.isEmpty)
    }

    static let badStreams: [(stream: String, message: String)] = [
        ("@train.x f32 2x1\n1\n2\n", "no train.y section"),
        ("@train.x f32 3x1\n1\n2\n3\n@train.y i32 2x1 classes=a,b\n0\n1\n", "train.x has 3 rows but train.y has 2"),
        ("@train.x f32 2x1\n1\n2\n@train.y i32 2x1 classes=a,b\n0\n2\n", "train.y row 1 has label 2; labels must be 0..1"),
        ("@train.x f32 2x1\n1\n2\n@train.y i32 2x1 classes=a,b\n1\n1\n", "one class only"),
        ("@train.y i32 2x1\n0\n1\n", "no train.x section"),
        ("@train.x f32 2x1\n1\n2\n@train.y u8 2x1\n0\n1\n", "train.y must be i32 labels in one column (i32 Nx1) or f32 targets"),
    ]

    @Test(arguments: badStreams.indices)
    func badInputIsRefusedWithExit65(index: Int) throws {
        let bad = Self.badStreams[index]
        let result = try run("nn-fit", stdin: Data(("nn-stream 1\n" + bad.stream + "@end\n").utf8))
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("nn-fit: error: ") && result.stderr.contains(bad.message), "\(result.stderr)")
        #expect(!result.text.contains("@end"))
    }

    @Test func contradictoryOptionsAreUsageErrors() throws {
        for options in ["--nesterov", "--activation softsign", "--sgd --batch-size 8", "--epochs 3 --iterations 5",
                        "--patience 3", "--dropout 0.5", "--init normal:-1", "--model x.nn", "--hidden 3,0"] {
            let result = try run("nn-data blobs --samples 20 | nn-fit \(options)")
            #expect(result.status == 64, "\(options): \(result.stderr)")
        }
    }

    @Test func helpSaysWhatItReadsWritesAndShowsAPipeline() throws {
        let help = try run("nn-fit --help").text
        #expect(help.contains("Reads an nn-stream with train.x and train.y"))
        #expect(help.contains("appends the trained model"))
        #expect(help.contains("nn-data circles --samples 500 --noise 0.1 | nn-fit --hidden 5 | nn-eval"))
    }
}
