// The options every data source shares: how its rows are split into train and test.
import ArgumentParser
import Shared

struct SplitArguments: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Fraction of the rows for the test set, 0...1 (rounded up, as scikit-learn; default 0.2, for mnist its official split). 0 puts every row in train and writes test.x/test.y with 0 rows; 1 puts every row in test. With 0 or 1 the rows keep the input's order.", valueName: "fraction"))
    var testSize: Double?

    @OptionGroup var seedOption: SeedOption
    var seed: UInt64 { seedOption.seed }

    @Flag(help: "Keep each class's share the same in train and test.")
    var stratify = false

    func validate() throws {
        if let testSize, !(testSize >= 0 && testSize <= 1) { throw ValidationError("--test-size must be in 0...1, got \(testSize)") }
    }

    /// The split to make; without --test-size, a fifth of the rows go to test.
    var options: SplitOptions { SplitOptions(testSize: testSize ?? 0.2, seed: seed, stratify: stratify) }
}

extension LabelledData {
    /// Splits and writes the four sections to stdout, then `@end`.
    func writeStream(_ split: SplitArguments) throws {
        let writer = try StreamWriter.standardOutput(program: "nn-data")
        try write(split.options, to: writer)
        try writer.end()
    }
}

extension GeneratedRows {
    /// Splits and writes the four sections to stdout, each row made as it is written, then `@end`.
    func writeStream(_ split: SplitArguments) throws {
        let writer = try StreamWriter.standardOutput(program: "nn-data")
        try write(split.options, to: writer)
        try writer.end()
    }
}
