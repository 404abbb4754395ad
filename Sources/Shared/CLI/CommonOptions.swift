// The options several programs share, one definition each, so that the same flag has the same
// name, help text and default everywhere (`@OptionGroup var seed: SeedOption`).
import ArgumentParser

/// `--seed N`: every random choice a stage makes.
public struct SeedOption: ParsableArguments {
    @Option(parsing: .unconditional, help: "Seed of every random choice; the same seed gives the same bytes.")
    public var seed: UInt64 = 42

    public init() {}
}

/// `--threads N`: how many threads the matrix kernels use.
public struct ThreadsOption: ParsableArguments {
    @Option(parsing: .unconditional, help: "Threads for the matrix kernels; the results are the same for any number.")
    public var threads: Int = 1

    public init() {}

    public func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }
}

/// `--quiet`: nothing on stderr but errors.
public struct QuietOption: ParsableArguments {
    @Flag(help: "Print no progress or notes on stderr.")
    public var quiet = false

    public init() {}
}

/// `--model FILE`: a model saved by `nn-fit --save`, used instead of one in the stream.
public struct ModelFileOption: ParsableArguments {
    @Option(help: ArgumentHelp("Use the model saved in FILE (by nn-fit --save) instead of one in the stream.", valueName: "FILE"))
    public var model: String?

    public init() {}
}

extension ParsableCommand {
    /// A program made only of subcommands, run with none, is a usage error (exit 64) naming
    /// them, not help on stdout and success: `nn-data | nn-fit` would otherwise feed the help
    /// text to the next stage.
    public static func missingSubcommand() -> ValidationError {
        let names = configuration.subcommands.map { $0._commandName }
        return ValidationError("missing subcommand; give one of \(names.joined(separator: ", "))")
    }
}
