// nn-data mnist: Fashion-MNIST (or MNIST) from its idx files.
import ArgumentParser
import Shared
#if canImport(Glibc)
import Glibc
#endif

extension MnistNames: ExpressibleByArgument {}

struct MnistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mnist",
        abstract: "Extract Fashion-MNIST (or MNIST) from its idx files.",
        discussion: """
        Reads train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte
        and t10k-labels-idx1-ubyte, gzipped (.gz) or not, from --dir. Writes train.x
        and test.x (u8, one image per row, scale=1/255 image=28x28) and train.y and
        test.y (i32 labels 0..k-1, classes=<names>) from the official training and
        test files, rows in file order (12000/2000 rows for dress,coat). With
        --test-size, both files are pooled and split again instead. With --no-label,
        the test images alone, as test.x: rows for a model to predict.
        Fashion-MNIST's classes: 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress,
        4 Coat, 5 Sandal, 6 Shirt, 7 Sneaker, 8 Bag, 9 Ankle boot. Example:
          nn-data mnist --classes dress,coat | nn-fit --sgd | nn-eval
        """
    )

    @Option(help: ArgumentHelp("Directory with the idx files (default: $NN_DATA_DIR, else \(Mnist.defaultDirectory), where Debian's dataset-fashion-mnist installs them).", valueName: "dir"))
    var dir: String?

    @Option(help: ArgumentHelp("Classes to keep, by label or name (3,4 or dress,coat; case does not matter), relabelled 0..k-1 in the order given. Default: all ten.", valueName: "list"))
    var classes: String?

    @Option(help: "Names for the classes: fashion, digits (original MNIST), or auto (fashion when the directory's path contains 'fashion', else digits).")
    var names: NamesChoice = .auto

    @Option(parsing: .unconditional, help: ArgumentHelp("Keep the first N training images of the selected classes.", valueName: "N"))
    var limitTrain: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Keep the first N test images of the selected classes.", valueName: "N"))
    var limitTest: Int?

    @Flag(help: "Write the test images alone, as test.x without labels: rows for a model to predict (with nn-eval --model FILE).")
    var noLabel = false

    /// --test-size pools the official files and splits them again.
    @OptionGroup var split: SplitArguments

    enum NamesChoice: String, ExpressibleByArgument, CaseIterable { case auto, fashion, digits }

    func validate() throws {
        if let limitTrain, limitTrain < 0 { throw ValidationError("--limit-train must be >= 0") }
        if let limitTest, limitTest < 0 { throw ValidationError("--limit-test must be >= 0") }
        if split.stratify && split.testSize == nil { throw ValidationError("--stratify needs --test-size (the official split is fixed)") }
        if noLabel && (split.testSize != nil || limitTrain != nil) {
            throw ValidationError("--no-label writes the official test images alone: leave out --\(limitTrain != nil ? "limit-train" : "test-size")")
        }
    }

    func run() throws {
        try Stage.guarded("nn-data") {
            let directory = dir ?? environment("NN_DATA_DIR") ?? Mnist.defaultDirectory
            let nameSet: MnistNames
            switch names {
            case .fashion: nameSet = .fashion
            case .digits: nameSet = .digits
            case .auto: nameSet = directory.lowercased().contains("fashion") ? .fashion : .digits
            }
            let selection = try classes.map { try ClassSelection(parsing: $0, names: nameSet) } ?? .all(nameSet)
            let source = Mnist(directory: directory, classes: selection, limitTrain: limitTrain, limitTest: limitTest)
            let writer = try StreamWriter.standardOutput(program: "nn-data")
            if split.testSize != nil {
                try source.load().write(split.options, to: writer)
            } else {
                try source.write(to: writer, labels: !noLabel)
            }
            try writer.end()
        }
    }
}

/// A non-empty environment variable.
private func environment(_ name: String) -> String? {
    guard let v = getenv(name), v.pointee != 0 else { return nil }
    return String(cString: v)
}
