// The options every plot kind shares (where the picture goes, its size and title),
// and the steps every kind takes: choose the output, read the stream, emit the plot.
import ArgumentParser
import Shared

extension PlotTerminal: ExpressibleByArgument {}
extension PlotSplit: ExpressibleByArgument {}

extension PlotSize: ExpressibleByArgument {
    public init?(argument: String) { self.init(text: argument) }
}

struct PlotOptions: ParsableArguments {
    @Option(name: .customLong("png"), help: ArgumentHelp("Render a PNG picture into FILE (written whole or not at all).", valueName: "FILE"))
    var pngFile: String?

    @Option(name: .customLong("svg"), help: ArgumentHelp("Render an SVG picture into FILE (written whole or not at all).", valueName: "FILE"))
    var svgFile: String?

    @Flag(help: "Write a self-contained gnuplot script with the data inline (render it with 'gnuplot > picture.png').")
    var script = false

    @Option(help: "gnuplot terminal: with --script, the one the script draws on; alone, render on stdout ('dumb' draws in the terminal).")
    var terminal: PlotTerminal?

    @Option(parsing: .unconditional, help: ArgumentHelp("Picture size W,H: pixels (default: what suits the plot), characters for --terminal dumb.", valueName: "W,H"))
    var size: PlotSize?

    @Option(help: "Title instead of the one the plot makes up.")
    var title: String?

    /// The chosen output; checks up front that gnuplot exists when it is needed (exit 69).
    func output() throws -> (PlotOutput, gnuplot: String?) {
        let output = try PlotOutput.choose(png: pngFile, svg: svgFile, script: script, terminal: terminal)
        guard output.needsGnuplot else { return (output, nil) }
        guard let gnuplot = Gnuplot.locate() else { throw Gnuplot.notFound() }
        return (output, gnuplot)
    }

    /// Reads the stream on stdin, keeping the sections a kind needs.
    func input(keeping keep: (String) -> Bool, modelFile: String? = nil) throws -> PlotInput {
        Stage.requirePipedInput("nn-plot")
        var input = try PlotInput.read(StreamReader.standardInput(), keeping: keep)
        if let modelFile { try input.loadModel(path: modelFile) }
        return input
    }

    /// Runs one plot kind: output, input, plot, emit; errors become `nn-plot: error: ...`.
    func run(keeping keep: (String) -> Bool, modelFile: String? = nil, _ make: (PlotInput) throws -> Plot) throws {
        try Stage.guarded("nn-plot") {
            let (output, gnuplot) = try output()
            var plot = try make(try input(keeping: keep, modelFile: modelFile))
            // A title given on the command line may have lines of its own.
            if let title { plot.title = title.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            try output.emit(plot, size: size, gnuplot: gnuplot, provenance: Provenance.line(program: "nn-plot"))
        }
    }
}
