// nn-plot: placeholder until its issue lands; it does no work and says so.
import ArgumentParser
import Shared

@main
struct NnPlot: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nn-plot", abstract: "Not built yet.")

    func run() throws {
        Stage.fail("nn-plot", "not built yet", exitCode: ExitCode.unavailable)
    }
}
