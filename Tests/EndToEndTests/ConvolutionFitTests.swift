// nn-fit --conv end to end: a small CNN learns which way a bar lies, gives the same bytes with
// 1 and 2 threads, saves and loads back to the same bytes, trains further and is scored by
// nn-eval; bad image shapes and --conv mistakes end in one line and a sysexits code.
import Foundation
import Testing
@testable import Shared

/// 8×8 images, each one bar (two pixels wide) across a random row (label 0) or down a random
/// column (label 1), on faint seeded noise; `train` and `test` rows, image=8x8.
func barsStream(train: Int = 240, test: Int = 80, image: String = "8x8", seed: UInt64 = 5) -> Data {
    var random = Random(seed: seed, stream: "bars")
    var text = "nn-stream 1\n"
    for (split, n) in [("train", train), ("test", test)] {
        var labels: [Int] = []
        text += "@\(split).x f32 \(n)x64 image=\(image)\n"
        for _ in 0..<n {
            let vertical = random.below(2) == 1, at = random.below(7)
            labels.append(vertical ? 1 : 0)
            var pixels = (0..<64).map { _ in Float(random.uniform() * 0.2) }
            for i in 0..<8 {
                for d in 0..<2 { pixels[vertical ? i * 8 + at + d : (at + d) * 8 + i] += 1 }
            }
            text += pixels.map { NumberText.text($0) }.joined(separator: " ") + "\n"
        }
        text += "@\(split).y i32 \(n)x1 classes=horizontal,vertical\n" + labels.map(String.init).joined(separator: "\n") + "\n"
    }
    return Data((text + "@end\n").utf8)
}

private let cnn = "nn-fit --conv 4:3 --hidden 8 --activation relu --adam --lr 0.01 --batch-size 16 --epochs 8 --seed 1"

private func expectOneLine(_ r: PipelineResult, _ command: String, status: Int32, _ fragment: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(r.status == status, "\(command): exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stderr.split(separator: "\n").count == 1, "\(command): \(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stderr.hasPrefix("nn-fit: error: ") && r.stderr.contains(fragment), "\(command): \(r.stderr)", sourceLocation: sourceLocation)
    #expect(!r.text.contains("@end"), "\(command) wrote a complete stream", sourceLocation: sourceLocation)
}

@Test func aCNNLearnsWhichWayABarLies() throws {
    let r = try run(cnn, stdin: barsStream())
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try testAccuracy(r.stdout) == 1)
    let model = try sections(of: r.stdout).first { $0.name == "model" }!
    #expect(model.attributes["kinds"] == "conv:3,maxpool:2,flatten,dense,dense")
    #expect(model.attributes["input_image"] == "8x8")
    #expect(model.attributes["layers"] == "64,256,64,64,8,1")
}

@Test func aCNNGivesTheSameBytesWithOneAndTwoThreads() throws {
    let one = try run(cnn + " --dropout 0.2 --threads 1", stdin: barsStream())
    let two = try run(cnn + " --dropout 0.2 --threads 2", stdin: barsStream())
    #expect(one.status == 0 && two.status == 0, "\(one.stderr) \(two.stderr)")
    #expect(linesWithoutComments(one) == linesWithoutComments(two))
}

@Test func aSavedCNNLoadsBackToTheSameBytesTrainsFurtherAndIsScored() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.nn").path, b = dir.appendingPathComponent("b.nn").path
    let fit = try run(cnn + " --save \(a) > /dev/null", stdin: barsStream())
    #expect(fit.status == 0, "\(fit.stderr)")
    try Network(file: a).save(to: b)
    func body(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }
    #expect(try body(a) == body(b))
    // Trained further from the file, and scored by nn-eval with the file.
    let more = try run("nn-fit --continue --model \(a) --adam --lr 0.001 --batch-size 16 --epochs 1 --seed 2 | nn-eval --model \(a) --json", stdin: barsStream(seed: 6))
    #expect(more.status == 0, "\(more.stderr)")
    let json = try JSONSerialization.jsonObject(with: more.stdout) as! [String: Any]
    #expect((json["test"] as! [String: Any])["accuracy"] as! Double == 1)
    let differs = try run("nn-fit --continue --model \(a) --conv 8:3", stdin: barsStream())
    expectOneLine(differs, "--continue --conv 8:3", status: 64, "--conv 8:3 --pool 2 differs from the model being continued (--conv 4:3 --pool 2)")
}

@Test func cnnGradientsPassTheCheck() throws {
    let r = try run("nn-fit --conv 3:3,2:1 --hidden 4 --activation tanh --dropout 0.2 --check-gradients", stdin: barsStream(train: 8, test: 2))
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.text.contains("ok: every error is within the tolerance"), "\(r.text)")
}

@Test(arguments: [
    ("nn-fit --conv 4:3", "8x7", Int32(65), "line 2: train.x: image=8x7 has 56 values but the rows have 64"),
    ("nn-fit --conv 4:3", "8by8", 65, "train.x: image=8by8 is not WxH or WxHxC"),
    ("nn-fit --conv 4", "8x8", 64, "--conv 4: '4' is not C:K (output channels:kernel size)"),
    ("nn-fit --conv 4:3,", "8x8", 64, "--conv 4:3,: '' is not C:K"),
    ("nn-fit --conv 4:2", "8x8", 64, "the kernel size must be odd"),
    ("nn-fit --conv 0:3", "8x8", 64, "the channels must be between 1 and 65536"),
    ("nn-fit --conv 4:9", "8x8", 64, "--conv: convolution 1's 9x9 kernel is larger than its 8x8 input"),
    ("nn-fit --conv 4:1,4:1,4:1,4:1", "8x8", 64, "--pool 2 after convolution 4 leaves no pixels"),
    ("nn-fit --pool 1", "8x8", 64, "--pool is the pooling after each convolution: give --conv too"),
    ("nn-fit --conv 4:3 --pool 0", "8x8", 64, "--pool must be at least 1"),
])
func badImagesAndConvOptionsEndInOneLine(command: String, image: String, status: Int32, fragment: String) throws {
    expectOneLine(try run(command, stdin: barsStream(image: image)), command, status: status, fragment)
}

@Test func convolutionWithoutAnImageShapeNamesTheAttribute() throws {
    let command = "nn-data blobs | nn-fit --conv 4:3"
    expectOneLine(try run(command), command, status: 64, "--conv needs images: train.x has no image=WxH attribute")
}

@Test func nnEvalRefusesImagesOfAnotherShapeForACNN() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let a = dir.appendingPathComponent("a.nn").path
    #expect(try run(cnn + " --save \(a) > /dev/null", stdin: barsStream()).status == 0)
    let r = try run("nn-eval --model \(a)", stdin: barsStream(image: "4x16"))
    #expect(r.status == 65, "\(r.stderr)")
    #expect(r.stderr.contains("does not match the model's input: its rows are 4x16 images but the model takes 8x8 images"), "\(r.stderr)")
}

@Test func aCNNTooLargeForMemoryIsRefusedBeforeItsWeightsAreMade() throws {
    // 65536 channels of 4x4 after pooling, into 100000 hidden units: about 400 GB of weights.
    let command = "ulimit -v 3000000; nn-fit --conv 65536:3 --hidden 100000"
    let r = try run(command, stdin: barsStream())
    expectOneLine(r, command, status: 69, "needs")
}

@Test func predictPyGivesNnsProbabilitiesForACNN() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = dir.appendingPathComponent("cnn.nn").path, new = dir.appendingPathComponent("new.nn").path
    // Two convolutions (5x5 and 3x3 kernels, 3 channels into the second), two classes.
    let fit = "nn-fit --conv 3:5,2:3 --hidden 6 --activation tanh --adam --lr 0.01 --batch-size 16 --epochs 2 --seed 3 --save \(model) > \(new)"
    #expect(try run(fit, stdin: barsStream()).status == 0)
    let script = shellQuoted(packageRoot.appendingPathComponent("examples/predict.py").path)
    let r = try run("nn-eval --model \(model) --predictions csv < \(new) && echo --- && python3 \(script) \(model) \(new)")
    #expect(r.status == 0, "\(r.stderr)")
    let parts = r.text.components(separatedBy: "---\n").map { $0.split(separator: "\n").map { $0.split(separator: ",") } }
    #expect(parts.count == 2 && parts[0].count == 81 && parts[0].count == parts[1].count)
    for (a, b) in zip(parts[0].dropFirst(), parts[1].dropFirst()) {
        #expect(a[1] == b[1], "\(a) \(b)")
        #expect(abs(Double(a[3])! - Double(b[3])!) < 1e-5, "\(a) \(b)")
    }
}

