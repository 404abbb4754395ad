// nn-eval: placeholder until its issue lands; it does no work and says so.
import ArgumentParser
import Shared

@main
struct NnEval: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nn-eval", abstract: "Not built yet.")

    func run() throws {
        Stage.fail("nn-eval", "not built yet", exitCode: ExitCode.unavailable)
    }
}
