// nn-fit: trains logistic regression or a network on train.x/train.y and appends the model
// and its loss curve to the stream.
#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Shared

@main
struct NnFit: ParsableCommand {
    static func main() { stageMain("nn-fit") }

    static let configuration = CommandConfiguration(
        commandName: "nn-fit",
        abstract: "Train logistic or linear regression or a neural network on the stream's training rows.",
        discussion: """
        Reads an nn-stream with train.x and train.y on stdin. Writes the stream on to stdout with \
        every section passed through unchanged (except an earlier model and loss, which it \
        replaces) and appends the trained model (model, model.layerN.weight/bias, \
        model.standardize.* when trained on standardised data, model.encode when the rows came \
        from nn-data csv --categorical/--impute) and its loss curve (loss). \
        Two classes: one sigmoid output and binary cross-entropy; more: softmax and cross-entropy. \
        f32 train.y (numeric targets, e.g. nn-data csv --target): a regressor, one identity \
        output per target, trained on --loss (mean squared error by default); no --hidden is \
        linear regression, with --l2 ridge regression. Targets standardised by nn-data \
        standardize --target are recorded in the model (model.target.mean/std), so its \
        predictions come out in the original units.

        --save FILE also writes the model alone to FILE: as ONNX when FILE ends in .onnx (raw \
        float32 rows in, class probabilities out, standardisation included; docs/ONNX.md), else \
        as an nn-stream. With --model FILE and --save OUT but no --continue, nn-fit converts: it \
        reads no stdin, trains nothing, and writes FILE's model to OUT.

        Example:
          nn-data circles --samples 500 --noise 0.1 | nn-fit --hidden 5 | nn-eval
          nn-data mnist --classes dress,coat | nn-fit --sgd --save coat.nn | nn-eval
          nn-fit --model coat.nn --save coat.onnx
          nn-data friedman1 | nn-data standardize --target | nn-fit --hidden 64 --adam | nn-eval
        """ + HelpText.interruptedTraining + HelpText.exitStatus,
        version: Provenance.version)

    @OptionGroup(title: "Model") var model: ModelOptions
    @OptionGroup(title: "Optimisation") var optimizer: OptimizerOptions
    @OptionGroup(title: "Stopping") var stopping: StoppingOptions

    @OptionGroup var seed: SeedOption
    @OptionGroup var threads: ThreadsOption

    @Option(help: ArgumentHelp("Also write the model alone to FILE, atomically: ONNX if FILE ends in .onnx, else an nn-stream. With --model and no --continue: convert that model to FILE.", valueName: "FILE"))
    var save: String?

    @OptionGroup var modelFile: ModelFileOption

    @Flag(name: .customLong("continue"), help: "Train further the model given by --model or found in the stream.")
    var continueTraining = false

    @Flag(help: "Compare analytic gradients with finite differences on a few training rows, print the largest relative error per layer, and exit (non-zero above tolerance).")
    var checkGradients = false

    @Flag(help: "After training, print one line on stderr: 'nn-fit: timing: train_seconds=... steps=... threads=... openblas_core=...' (the training loop alone, without reading or writing; also with --quiet).")
    var timing = false

    @OptionGroup var quiet: QuietOption

    func run() throws {
        try Stage.guarded("nn-fit") {
            // Every option is checked before stdin is read: behind a slow upstream the mistake shows at once.
            var options = try trainingOptions()
            try options.validate()
            if let from = modelFile.model, !continueTraining { return try convert(from) }
            // Files named on the command line are checked before stdin is read, too.
            if let save { try AtomicFile.requireWritableDirectory(for: save) }
            let fileModel = try modelFile.model.map { try Network(file: $0) }
            if !continueTraining { try options.checkHiddenSizes(try MemoryBudget.current()) }
            Kernels.threads = threads.effectiveThreads
            Stage.requirePipedInput("nn-fit")

            let reader = try StreamReader.standardInput()
            let writer = checkGradients ? StreamWriter(ByteWriter(fileDescriptor: open("/dev/null", O_WRONLY))) : try StreamWriter.standardOutput(program: "nn-fit")
            // With --save, a reader that stops early (| head) does not stop the training the file needs.
            writer.out.closedPipeEndsProgram = save == nil
            // One copy of the training rows: held out (permuted) in place, trained on where they are.
            var input = try TrainingInput.read(from: reader, passingTo: writer)
            options.isRegression = input.data.isRegression
            if !input.data.isRegression && options.loss != nil {
                throw UsageError("--loss \(options.loss!.rawValue) is a regression loss, but train.y holds class labels (i32); a classifier trains on cross-entropy")
            }
            var network = try startingNetwork(input, fileModel: fileModel, options: &options)
            if input.data.isRegression {
                if continueTraining, network.targetStandardization != input.data.targetStandardization {
                    throw StreamError(line: nil, "train.y's target standardisation (target.mean/std) differs from the model being continued")
                }
                network.targetStandardization = input.data.targetStandardization
            }
            // A model ONNX cannot express is refused before training, not after.
            if let save { try ModelFileFormat(path: save).checkCanWrite(network) }
            let previousSteps = continueTraining ? network.training["steps"] : nil
            if let e = input.encoding, let m = network.encoding, !e.encodesLike(m) {
                throw StreamError(line: nil, "train.x was encoded with other categories or fills (encode) than the model being continued (model.encode); encode the rows with nn-data csv --schema MODEL")
            }
            if network.encoding == nil { network.encoding = input.encoding }
            if network.standardization == nil {
                network.standardization = input.standardization
            } else if input.standardized {
                guard input.standardization == nil || input.standardization == network.standardization else {
                    throw StreamError(line: nil, "train.x was standardised with other statistics than the model being continued")
                }
            } else {
                input.data.standardize(network.standardization!)
            }

            if checkGradients {
                let rows = Array(0..<min(8, input.data.trainRows))
                let t = input.data.targetWidth
                let report = GradientCheck.run(network: network, x: input.data.x.rows(rows), y: rows.flatMap { input.data.y[($0 * t)..<(($0 + 1) * t)] },
                                               objective: options.objective(output: network.output), l2: options.l2, dropout: options.dropout, seed: options.seed)
                printGradientReport(report)
                if report.contains(where: { $0.maxRelativeError > GradientCheck.tolerance }) { Glibc.exit(ExitCode.software) }
                return
            }
            if let v = options.validation { try input.data.holdOut(fraction: v, seed: options.seed) }
            if case .minibatch(let b) = options.method, b > input.data.trainRows, !quiet.quiet {
                Stage.note("nn-fit", "--batch-size \(b) is above the \(input.data.trainRows) training rows: every step uses all of them (full batch)")
            }

            let showProgress = !quiet.quiet && Stage.stderrIsTerminal
            let trainer = Trainer(network: network, data: input.data, options: options)
            Interrupt.catchSignals()
            // The clock runs around the training call alone: the stream is read and the data in
            // memory before it starts, and nothing is written until it stops.
            let clock = Stopwatch()
            let result = try trainer.run(progress: showProgress ? ProgressLine.show : nil, shouldStop: { Interrupt.isRequested })
            let trainSeconds = clock.seconds
            Interrupt.restore()
            if showProgress {
                ProgressLine.finish()
                // The progress line stops short of the planned epochs: say why.
                if let note = result.stoppingNote(patience: options.effectivePatience, tol: options.effectiveTol) { Stage.note("nn-fit", note) }
            }
            if timing { Stage.printError(TimingLine.text(seconds: trainSeconds, steps: result.steps, threads: Kernels.threads)) }
            network = result.network
            if let previousSteps { network.training["previous_steps"] = previousSteps }
            if result.stopped == .interrupted, let signal = Interrupt.requested {
                // The model so far goes to --save; stdout gets no @end, so it cannot pass for a finished run.
                if let save { try saveModel(network, to: save) }
                Stage.printError("nn-fit: " + result.interruptionMessage(Interrupt.word(for: signal), savedTo: save))
                Glibc.exit(Interrupt.exitCode(for: signal))
            }
            for s in network.sections() { try writer.write(s) }
            try writer.write(result.curve.section)
            if let save { try saveModel(network, to: save) }
            try writer.end()
        }
    }

    /// A fresh network, or with --continue the one to train further (its structure wins; the
    /// options must not contradict it).
    func startingNetwork(_ input: TrainingInput, fileModel: Network?, options: inout TrainingOptions) throws -> Network {
        let data = input.data
        guard continueTraining else {
            if !input.modelSections.isEmpty && !quiet.quiet {
                Stage.note("nn-fit", "the stream already holds a model; training a new one in its place (add --continue to train it further)")
            }
            let outputs = data.isRegression ? data.targets.count : data.classes.count == 2 ? 1 : data.classes.count
            var shape = Shape.flat(data.features)
            if !options.architecture.convolutions.isEmpty {
                guard let image = try input.imageShape() else {
                    throw UsageError("--conv needs images: train.x has no image=WxH attribute (e.g. image=28x28, or image=32x32x3 with channels), so its \(data.features) columns have no shape")
                }
                if let problem = options.architecture.problem(input: image) { throw UsageError(problem) }
                shape = image
                // The dense layers after the flattening, checked before any weight is made.
                let flat = options.architecture.outputShape(input: image).count
                try TrainingMemory(sizes: [flat] + options.hidden + [outputs], options: options, rows: data.trainRows).check(try MemoryBudget.current(), options: options)
            } else {
                try TrainingMemory(sizes: [data.features] + options.hidden + [outputs], options: options, rows: data.trainRows).check(try MemoryBudget.current(), options: options)
            }
            var network = Network(input: shape, architecture: options.architecture, hidden: options.hidden, activation: options.activation,
                                  classes: data.classes, targets: data.targets, initializer: options.effectiveInitializer, seed: options.seed)
            network.input = input.input
            if !options.architecture.convolutions.isEmpty {
                try TrainingMemory(network: network, options: options, rows: data.trainRows).check(try MemoryBudget.current(), options: options)
            }
            return network
        }
        var network = try fileModel ?? loadModel(input)
        guard network.inputs == data.features else {
            throw StreamError(line: nil, "the model takes \(network.inputs) features but train.x has \(data.features) columns")
        }
        guard network.isRegressor == data.isRegression else {
            throw StreamError(line: nil, network.isRegressor ? "the model is a regressor but train.y holds class labels (i32)" : "the model is a classifier but train.y holds numeric targets (f32)")
        }
        guard network.targets.count == data.targets.count else {
            throw StreamError(line: nil, "the model has \(network.targets.count) targets (\(network.targets.joined(separator: ","))) but train.y has \(data.targets.count)")
        }
        // The columns must be the ones the model was trained on; a model that records none learns them now.
        _ = try network.input.check(input.xHeader, inputs: network.inputs)
        if network.input.columns == nil { network.input.columns = input.input.columns }
        if network.input.image == nil { network.input.image = input.input.image }
        guard network.classes.count == data.classes.count else {
            throw StreamError(line: nil, "the model has \(network.classes.count) classes (\(network.classes.joined(separator: ","))) but train.y has \(data.classes.count)")
        }
        let hidden = network.layers.dropLast().filter { $0.kind == .dense }.map(\.output.count)
        let architecture = Architecture(of: network)
        if model.conv != nil && options.architecture != architecture {
            throw UsageError("--conv \(options.architecture.text) --pool \(options.architecture.pool) differs from the model being continued (\(architecture.convolutions.isEmpty ? "no convolutions" : "--conv \(architecture.text) --pool \(architecture.pool)"))")
        }
        if model.hidden != nil && model.hidden!.sizes != hidden {
            throw UsageError("--hidden \(model.hidden!.sizes.map(String.init).joined(separator: ",")) differs from the model being continued (hidden \(hidden.map(String.init).joined(separator: ",")))")
        }
        let activation = network.layers.count > 1 ? network.layers[0].activation : options.activation
        if let a = model.activation, a != activation {
            throw UsageError("--activation \(a.rawValue) differs from the model being continued (\(activation.rawValue))")
        }
        options.hidden = hidden
        options.architecture = architecture
        options.activation = activation
        // The model is in memory already; the trainer's copies, gradient and optimiser state are not.
        try TrainingMemory(network: network, options: options, rows: data.trainRows).check(try MemoryBudget.current(), options: options)
        return network
    }

    func loadModel(_ input: TrainingInput) throws -> Network {
        guard !input.modelSections.isEmpty else {
            throw StreamError(line: nil, "--continue needs a model: none in the stream; give one with --model FILE")
        }
        return try Network(sections: input.modelSections)
    }

    func printGradientReport(_ report: [GradientCheckResult]) {
        print("layer  checked  max_relative_error")
        for r in report {
            print("\(r.layer)".padding(7) + "\(r.checked)".padding(9) + shortScientific(r.maxRelativeError))
        }
        let worst = report.map(\.maxRelativeError).max() ?? 0
        print(worst <= GradientCheck.tolerance ? "ok: every error is within the tolerance \(shortScientific(GradientCheck.tolerance))"
                                               : "FAILED: errors above the tolerance \(shortScientific(GradientCheck.tolerance))")
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}

/// 3.1e-06 style.
func shortScientific(_ x: Double) -> String {
    guard x > 0 else { return "0" }
    var e = 0
    var m = x
    while m >= 10 { m /= 10; e += 1 }
    while m < 1 { m *= 10; e -= 1 }
    let rounded = (m * 10).rounded() / 10
    let sign = e < 0 ? "-" : "+"
    let digits = abs(e) < 10 ? "0\(abs(e))" : "\(abs(e))"
    return "\(rounded)e\(sign)\(digits)"
}
