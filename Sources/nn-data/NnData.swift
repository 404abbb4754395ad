// nn-data: the stage that extracts, generates, standardises and splits datasets.
// Each subcommand lives in its own file.
import ArgumentParser
import Shared

@main
struct NnData: ParsableCommand {
    static func main() { stageMain("nn-data") }

    static let configuration = CommandConfiguration(
        commandName: "nn-data",
        abstract: "Extract, generate, standardise and split datasets as an nn-stream.",
        discussion: """
        Sources (mnist, csv, blobs, circles, moons; for regression friedman1,
        regression, sine) write train.x, train.y, test.x and test.y to stdout; standardize and split read a stream on stdin and
        write one; info summarises a stream for people. Example:
          nn-data mnist --classes dress,coat | nn-fit --sgd | nn-eval
        """ + HelpText.exitStatus,
        version: Provenance.version,
        subcommands: [MnistCommand.self, Csv.self, BlobsCommand.self, CirclesCommand.self, MoonsCommand.self,
                      Friedman1Command.self, RegressionCommand.self, SineCommand.self,
                      Standardize.self, Split.self, Info.self]
    )
    func run() throws { throw Self.missingSubcommand() }
}
