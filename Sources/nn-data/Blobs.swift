// nn-data blobs: Gaussian blobs (scikit-learn's make_blobs).
import ArgumentParser
import Shared

struct BlobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blobs",
        abstract: "Generate isotropic Gaussian blobs, as scikit-learn's make_blobs.",
        discussion: """
        Reads nothing. Writes train.x (f32, columns=x1,x2,...), train.y (i32,
        classes=0,1,...), test.x and test.y. Centres are drawn uniformly in
        --center-box; each gets samples/centers points (the first samples%centers
        one more), and its index is the label. Example:
          nn-data blobs --samples 400 --features 3 --centers 2 | nn-fit | nn-eval
        """
    )

    @Option(parsing: .unconditional, help: "Number of points, divided equally among the centres.")
    var samples = 100

    @Option(parsing: .unconditional, help: "Number of features (coordinates) per point.")
    var features = 2

    @Option(parsing: .unconditional, help: "Number of centres (classes).")
    var centers = 3

    @Option(parsing: .unconditional, help: ArgumentHelp("Standard deviation of each blob: one value, or one per centre, comma-separated.", valueName: "std"))
    var clusterStd = "1.0"

    @Option(parsing: .unconditional, help: ArgumentHelp("The box centres are drawn from, per coordinate (write --center-box=-5,5 for a negative low).", valueName: "low,high"))
    var centerBox = "-10,10"

    @OptionGroup var split: SplitArguments

    func run() throws {
        try Stage.guarded("nn-data") {
            var blobs = Blobs()
            blobs.samples = samples
            blobs.features = features
            blobs.centers = centers
            blobs.clusterStd = try numbers(clusterStd, option: "--cluster-std")
            let box = try numbers(centerBox, option: "--center-box")
            guard box.count == 2 else { throw UsageError("--center-box takes two numbers, low,high; got '\(centerBox)'") }
            blobs.centerBox = (box[0], box[1])
            try blobs.validate()
            try MemoryBudget.current().check(blobs.bytes, "\(centers) centres of \(features) features")
            try blobs.rows(seed: split.seed).writeStream(split)
        }
    }
}

/// Parses a comma-separated list of numbers given to `option`.
func numbers(_ text: String, option: String) throws -> [Double] {
    try text.split(separator: ",", omittingEmptySubsequences: false).map { item in
        guard let v = Double(item.trimmingSpaces), v.isFinite else {
            throw UsageError("\(option): '\(item)' is not a number")
        }
        return v
    }
}
