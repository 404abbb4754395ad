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

/// `--threshold T`: with two classes, class 1 is predicted when P(class 1) ≥ T (nn-eval, and
/// the nn-plot kinds that predict). Every T in [0, 1] is a decision rule: 0 calls every sample
/// class 1, 1 only those the model is certain of.
public struct ThresholdOption: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("With two classes, predict class 1 when P(class 1) >= T, T in [0, 1] (default 0.5).", valueName: "T"))
    public var threshold: Double?

    public init() {}

    public func validate() throws {
        if let threshold, !(threshold >= 0 && threshold <= 1) {
            throw ValidationError("--threshold must lie in [0, 1], found \(threshold)")
        }
    }
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
