// nn-plot images: a grid of pictures with their true and predicted classes.
import ArgumentParser
import Shared

struct Images: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A grid of images (x with image=WxH) labelled with true and predicted class.",
        discussion: """
        Reads <split>.x with an image=WxH attribute (nn-data mnist) and <split>.y; predicted \
        classes come from <split>.predictions (nn-eval) or a model (nn-fit, --model FILE) when \
        there is one: green when right, red when wrong.

        Example:
          nn-data mnist --classes dress,coat | nn-fit --sgd | nn-eval \\
            | nn-plot images --misclassified --png wrong.png
        """
    )

    @OptionGroup(title: "Output (default: gnuplot-ready data on stdout)") var options: PlotOptions
    @OptionGroup var model: ModelFileOption

    @Option(help: "The split whose images to draw.")
    var split: PlotSplit = .test

    @Option(parsing: .unconditional, help: "How many images (the first ones, in stream order).")
    var count = 24

    @Flag(help: "Only images the model got wrong (needs predictions or a model).")
    var misclassified = false

    @OptionGroup var threshold: ThresholdOption

    func validate() throws {
        guard (1...400).contains(count) else { throw ValidationError("--count must be 1...400") }
    }

    func run() throws {
        try options.run(keeping: ImagesPlot.keep(split), modelFile: model.model) {
            try ImagesPlot.make($0, split: split, count: count, misclassified: misclassified, threshold: threshold.threshold, size: options.size)
        }
    }
}
