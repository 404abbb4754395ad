// nn-fit --save FILE.onnx and the conversion `nn-fit --model m.nn --save m.onnx`, end to end.
// ONNXRuntimeTests run each exported model in onnxruntime (Tests/onnx/check.py, in the venv that
// scripts/onnx-venv makes and scripts/test names in NN_ONNX_PYTHON) on the test rows as the user
// has them, and compare its probabilities with nn-eval's test.predictions within 1e-5.
import Foundation
import Testing

/// The Python with onnxruntime and NumPy (scripts/onnx-venv); unset, the onnxruntime tests are skipped.
private let onnxPython: String? = ProcessInfo.processInfo.environment["NN_ONNX_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }

/// Runs Tests/onnx/check.py on `model` against the stream `stream` (test.x, test.predictions),
/// expecting the graph's operators `ops` in order; returns its line.
private func checkWithONNXRuntime(_ model: URL, _ stream: URL, ops: [String]) throws -> String {
    let r = try run("\(shellQuoted(onnxPython!)) Tests/onnx/check.py \(shellQuoted(model.path)) \(shellQuoted(stream.path)) \(ops.joined(separator: ","))")
    #expect(r.status == 0, "\(r.text)\(r.stderr)")
    #expect(r.text.hasPrefix("ok: "), "\(r.text)\(r.stderr)")
    return r.text
}

@Suite(.enabled(if: onnxPython != nil, "NN_ONNX_PYTHON names no Python with onnxruntime (scripts/test sets it up)"))
struct ONNXRuntimeTests {
    /// Coat vs dress with a 784-16-1 sigmoid network; dress, coat and shirt with a 784-32-16-3
    /// ReLU softmax network. Every Fashion-MNIST test row of those classes goes through both.
    @Test(arguments: [
        ("dress,coat", "--hidden 16 --sgd", ["Gemm", "Sigmoid", "Gemm", "Neg", "Concat", "Sigmoid"], "2000 rows x 2 classes"),
        ("dress,coat,shirt", "--hidden 32,16 --activation relu --batch-size 64 --epochs 3",
         ["Gemm", "Relu", "Gemm", "Relu", "Gemm", "Softmax"], "3000 rows x 3 classes"),
        // A CNN: nn's rows become [N, C, H, W] images for Conv and MaxPool, and rows again before
        // the dense layers; the second pooling drops the 7th row and column (7 → 3).
        ("dress,coat", "--conv 4:3,6:3 --hidden 8 --activation relu --adam --batch-size 64 --epochs 1",
         ["Reshape", "Transpose", "Conv", "Relu", "MaxPool", "Conv", "Relu", "MaxPool", "Transpose", "Reshape",
          "Gemm", "Relu", "Gemm", "Neg", "Concat", "Sigmoid"], "2000 rows x 2 classes"),
    ])
    func fashionMNISTNetwork(_ classes: String, _ fit: String, _ ops: [String], _ rows: String) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (model, stream) = (dir.appendingPathComponent("m.onnx"), dir.appendingPathComponent("eval.nn"))
        let r = try run("nn-data mnist --classes \(classes) --limit-train 3000 | nn-fit \(fit) --save \(shellQuoted(model.path)) | nn-eval > \(shellQuoted(stream.path))")
        #expect(r.status == 0, "\(r.stderr)")
        let line = try checkWithONNXRuntime(model, stream, ops: ops)
        #expect(line.contains(rows), "\(line)")
    }

    /// A model trained on standardised CSV columns of very different scales, converted from its
    /// .nn file; onnxruntime gets the raw CSV rows and must standardise them itself.
    @Test func standardisedCSVModelConvertedFromItsFile() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try csvWithThreeClasses().write(to: dir.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let r = try run("""
            cd \(shellQuoted(dir.path)) && nn-data csv data.csv --label kind > raw.nn \
            && nn-data standardize < raw.nn | nn-fit --hidden 8 --activation tanh --batch-size 16 --epochs 30 --save m.nn > /dev/null \
            && nn-fit --model m.nn --save m.onnx && nn-eval --model m.nn < raw.nn > eval.nn
            """)
        #expect(r.status == 0, "\(r.stderr)")
        let line = try checkWithONNXRuntime(dir.appendingPathComponent("m.onnx"), dir.appendingPathComponent("eval.nn"),
                                            ops: ["Sub", "Div", "Gemm", "Tanh", "Gemm", "Softmax"])
        #expect(line.contains("48 rows x 3 classes"), "\(line)")
    }
}

extension ONNXRuntimeTests {
    /// A regressor with two targets trained on standardised features and targets: the graph
    /// standardises the raw rows and brings its outputs back to the targets' units (Mul, Add),
    /// giving nn-eval's test.predictions values.
    @Test func regressorWithStandardisedTargets() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run("""
            cd \(shellQuoted(dir.path)) && nn-data regression --samples 300 --features 4 --targets 2 --noise 5 > raw.nn \
            && nn-data standardize --target < raw.nn | nn-fit --hidden 8 --activation tanh --adam --epochs 20 --save m.onnx --quiet > /dev/null \
            && nn-data standardize --target < raw.nn | nn-fit --hidden 8 --activation tanh --adam --epochs 20 --save m.nn --quiet > /dev/null \
            && nn-eval --model m.nn < raw.nn > eval.nn
            """)
        #expect(r.status == 0, "\(r.stderr)")
        let line = try checkWithONNXRuntime(dir.appendingPathComponent("m.onnx"), dir.appendingPathComponent("eval.nn"),
                                            ops: ["Sub", "Div", "Gemm", "Tanh", "Gemm", "Mul", "Add"])
        #expect(line.contains("60 rows x 2 classes"), "\(line)")
    }
}

/// 240 rows: columns in the thousands, the thousandths and units; a class name with a comma
/// and a space (it travels %-encoded in the stream, as JSON in the ONNX metadata).
private func csvWithThreeClasses() -> String {
    var lines = ["area,ratio,count,kind"]
    for i in 0..<240 {
        let a = 1000 + Double((i * 37) % 100) * 10, r = 0.001 * Double((i * 53) % 97), c = Double((i * 11) % 13)
        let score = (a - 1500) / 300 + (r - 0.048) * 40
        let kind = score > 0.6 ? "big, round" : (score < -0.6 ? "small" : "middle")
        lines.append("\(a),\(r),\(c),\"\(kind)\"")
    }
    return lines.joined(separator: "\n") + "\n"
}

struct ONNXSaveTests {
    @Test func saveByExtensionWritesONNXAndTheStreamStaysTheSame() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = "nn-data blobs --samples 60 --centers 2"
        let a = try run("\(data) | nn-fit --epochs 20 --save \(shellQuoted(dir.appendingPathComponent("m.ONNX").path))")
        let b = try run("\(data) | nn-fit --epochs 20 --save \(shellQuoted(dir.appendingPathComponent("m.nn").path))")
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        #expect(linesWithoutComments(a) == linesWithoutComments(b), "the stream does not depend on --save's format")
        let onnx = try Data(contentsOf: dir.appendingPathComponent("m.ONNX"))
        // Protobuf: field 1 (ir_version) as a varint first, then no nn-stream magic anywhere.
        #expect(onnx.first == 0x08 && onnx.dropFirst().first == 7)
        #expect(!String(decoding: onnx.prefix(16), as: UTF8.self).hasPrefix("nn-stream"))
        let nn = try String(contentsOf: dir.appendingPathComponent("m.nn"), encoding: .utf8)
        #expect(nn.hasPrefix("nn-stream 1\n"))
        // Converting the .nn file gives the same bytes as saving ONNX straight from training.
        let c = try run("nn-fit --model \(shellQuoted(dir.appendingPathComponent("m.nn").path)) --save \(shellQuoted(dir.appendingPathComponent("c.onnx").path)) < /dev/null")
        #expect(c.status == 0 && c.stderr.isEmpty && c.stdout.isEmpty, "\(c.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("c.onnx")) == onnx)
    }

    @Test(arguments: [
        // (command, exit status, the start of the one-line message)
        ("nn-data blobs --samples 20 | nn-fit --epochs 2 --save /nonexistent/dir/m.onnx", 74, "nn-fit: error: /nonexistent/dir/m.onnx: cannot write"),
        ("nn-fit --model missing.nn --save m.onnx", 66, "nn-fit: error: missing.nn"),
        ("nn-fit --model notamodel.nn --save m.onnx", 65, "nn-fit: error: notamodel.nn: line 1: "),
        ("nn-fit --model m.nn --save /nonexistent/dir/m.onnx", 74, "nn-fit: error: /nonexistent/dir/m.onnx: cannot write"),
        ("nn-fit --model m.nn --save m.onnx --hidden 4", 64, "nn-fit: error: --hidden is for training, but --model FILE --save OUT without --continue only converts FILE"),
    ])
    func badInputGivesOneLine(_ command: String, _ status: Int32, _ message: String) throws {
        // In a fresh directory (m.nn is not there), with a file that is not a model as notamodel.nn.
        let r = try run("d=$(mktemp -d); (cd \"$d\" && cp \(shellQuoted(packageRoot.path))/Package.swift notamodel.nn && \(command) | cat); s=$?; rm -rf \"$d\"; exit $s")
        #expect(r.status == status, "\(command): \(r.status) \(r.stderr)")
        #expect(r.stderr.hasPrefix(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
