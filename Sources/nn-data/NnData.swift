// nn-data: placeholder until its issue lands; it does no work and says so.
import ArgumentParser
import Shared

@main
struct NnData: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nn-data", abstract: "Not built yet.")

    func run() throws {
        Stage.fail("nn-data", "not built yet", exitCode: ExitCode.unavailable)
    }
}
