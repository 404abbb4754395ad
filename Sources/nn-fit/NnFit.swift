// nn-fit: placeholder until its issue lands; it does no work and says so.
import ArgumentParser
import Shared

@main
struct NnFit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nn-fit", abstract: "Not built yet.")

    func run() throws {
        Stage.fail("nn-fit", "not built yet", exitCode: ExitCode.unavailable)
    }
}
