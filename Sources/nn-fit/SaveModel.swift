// `--save FILE`: the model alone, as an nn-stream or (FILE ending in .onnx) as ONNX; and
// `--model FILE --save OUT` without --continue, which converts a saved model and trains nothing.
import ONNXExport
import Shared

/// The format of a model file, chosen by its name: `.onnx` (any case) is ONNX, anything else the nn-stream.
enum ModelFileFormat {
    case stream, onnx

    init(path: String) { self = path.lowercased().hasSuffix(".onnx") ? .onnx : .stream }

    /// Throws the error writing `network` in this format would give (ONNX lacks some model parts).
    func checkCanWrite(_ network: Network) throws {
        if self == .onnx { _ = try ONNXExport.model(network) }
    }
}

/// Writes `network` to `path` whole or not at all, in the format its name chooses.
func saveModel(_ network: Network, to path: String) throws {
    switch ModelFileFormat(path: path) {
    case .stream: try network.save(to: path)
    case .onnx: try ONNXExport.write(network, to: path)
    }
}

extension NnFit {
    /// `nn-fit --model FILE --save OUT`: FILE's model written to OUT; stdin is not read. Options
    /// that only training uses are refused rather than ignored.
    func convert(_ from: String) throws {
        guard let save else {
            throw UsageError("--model FILE without --continue converts a model: give --save OUT (e.g. OUT.onnx), or add --continue to train it further")
        }
        let trainingOnly: [(String, Bool)] = [
            ("--hidden", model.hidden != nil), ("--activation", model.activation != nil), ("--init", model.initializer != nil),
            ("--epochs", stopping.epochs != nil), ("--iterations", stopping.iterations != nil),
            ("--validation", stopping.validation != nil), ("--check-gradients", checkGradients),
        ]
        if let given = trainingOnly.first(where: \.1) {
            throw UsageError("\(given.0) is for training, but --model FILE --save OUT without --continue only converts FILE; add --continue to train it further")
        }
        try AtomicFile.requireWritableDirectory(for: save)
        try saveModel(try Network(file: from), to: save)
    }
}
