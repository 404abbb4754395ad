// nn-data csv's options for text columns and missing cells.
import ArgumentParser
import Shared

extension TableOptions.Unknown: ExpressibleByArgument {}

struct EncodingArguments: ParsableArguments {
    @Option(help: ArgumentHelp("One-hot encode these feature columns (names, or 1-based numbers with --no-header), or 'auto': every column that is not all numbers. Categories are sorted and learned on the training rows.", valueName: "col,..."))
    var categorical: String?

    @Option(help: ArgumentHelp("The cell texts that mean a missing value, comma-separated; an empty item is the empty cell. Default: ',NA' (an empty cell and NA).", valueName: "tokens"))
    var missing: String?

    @Option(help: ArgumentHelp("Fill missing cells with the training rows' mean, median, most-frequent value, or a constant (constant:V). Categorical columns take their most frequent category, or V with constant:V.", valueName: "strategy"))
    var impute: String?

    @Flag(help: "Add a 0/1 column <name>_missing after the features for each column with missing training cells (needs --impute).")
    var missingIndicator = false

    @Option(help: ArgumentHelp("A category not seen in the training rows: 'ignore' (an all-zero one-hot row and a note counting them) or 'error'.", valueName: "policy"))
    var unknown: TableOptions.Unknown = .ignore

    @Option(help: ArgumentHelp("Encode with the columns, categories and imputation of FILE (a model saved by nn-fit --save, or a stream from nn-data csv), instead of learning them.", valueName: "FILE"))
    var schema: String?

    @Flag(help: "Refuse a row whose label is missing, instead of dropping it with a note.")
    var strict = false

    /// The first option given that learns an encoding from training rows, if any.
    var learningOption: String? {
        [("--categorical", categorical != nil), ("--impute", impute != nil), ("--missing", missing != nil),
         ("--missing-indicator", missingIndicator)].first { $0.1 }?.0
    }

    func check() throws {
        if let impute, Imputation(argument: impute) == nil {
            throw ValidationError("--impute must be mean, median, most-frequent or constant:V, got '\(impute)'")
        }
        if missingIndicator && impute == nil { throw ValidationError("--missing-indicator marks imputed cells: add --impute") }
        if let categorical, categorical.isEmpty { throw ValidationError("--categorical needs column names or 'auto'") }
        if schema != nil, let name = learningOption {
            throw ValidationError("\(name) cannot go with --schema: the schema fixes the columns, categories and imputation")
        }
    }

    /// The options for an encoded table, or nil when none is asked for (every column a number).
    func tableOptions() throws -> TableOptions? {
        guard categorical != nil || missing != nil || impute != nil || schema != nil || unknown != .ignore else { return nil }
        var t = TableOptions()
        if let categorical {
            t.categorical = categorical == "auto" ? .auto : .columns(categorical.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        }
        if let missing { t.missing = missing.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        t.impute = impute.flatMap(Imputation.init(argument:))
        t.indicators = missingIndicator
        t.unknown = unknown
        if let schema {
            let (encoding, classes) = try ColumnEncoding.schema(file: schema)
            t.schema = encoding
            t.missing = encoding.missing
            t.schemaClasses = classes
        }
        return t
    }
}
