// nn-data csv: a CSV file as train.*/test.*.
import ArgumentParser
import Shared

struct Csv: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a CSV file: one label column (none with --no-label), every other column a feature (numeric, or one-hot with --categorical).",
        discussion: """
        Reads FILE (or stdin for -), RFC 4180: quoted fields may hold the delimiter,
        newlines and doubled quotes. Writes train.x (f32, columns=<header names>),
        train.y (i32 labels 0..k-1, classes=<label texts>), test.x and test.y.
        With --no-label every column is a feature and the rows, in file order, make
        test.x alone: rows for a model to predict. A label column left to default
        (the last) must hold classes, not measurements such as 0.2.
        Labels that are all integers keep their numeric order (3,7 -> 0,1); other
        labels are numbered in sorted order of their text, as scikit-learn's
        LabelEncoder. A cell that is not a number, or a row with the wrong number
        of fields, stops with exit 65 naming the line and column. A row whose label
        is missing (an empty cell or NA) is dropped with a note (--strict refuses it).
        With --target the named columns are numeric targets instead (train.y f32
        Nxt, columns=<their names>: a regression problem) and there is no label.

        Text columns and missing cells: --categorical one-hot encodes, --impute fills,
        both learned on the training rows only and written as the encode section,
        which nn-fit keeps in the model; --schema MODEL encodes new rows the same way.
        Example:
          nn-data csv iris.csv --label species --stratify | nn-fit --hidden 8 | nn-eval
          nn-data csv houses.csv --target price | nn-data standardize | nn-fit | nn-eval
          nn-data csv new.csv --no-label | nn-eval --model iris.nn --predictions csv
          nn-data csv fruit.csv --label ripe --categorical auto --impute mean \\
            | nn-fit --save fruit.nn | nn-eval
          nn-data csv new.csv --no-label --schema fruit.nn \\
            | nn-eval --model fruit.nn --predictions csv
        """
    )

    @Argument(help: ArgumentHelp("The CSV file, or - for stdin.", valueName: "file"))
    var file: String = "-"

    @Option(help: ArgumentHelp("The label column: a header name or a 1-based number (a name wins). Default: the last column.", valueName: "column"))
    var label: String?

    @Option(help: ArgumentHelp("Numeric target columns (a regression problem): header names or 1-based numbers, comma-separated. Excludes --label.", valueName: "columns"))
    var target: String?

    @Flag(help: "Rows without labels: every column is a feature, nothing is split, and the rows become test.x alone (the rows to predict, e.g. with nn-eval --model FILE).")
    var noLabel = false

    @Flag(help: "The first row is data, not column names.")
    var noHeader = false

    @Option(help: ArgumentHelp("The field delimiter: one character, or 'tab'.", valueName: "char"))
    var delimiter = ","

    @OptionGroup var split: SplitArguments

    @OptionGroup(title: "Categories and missing values") var encoding: EncodingArguments

    func validate() throws {
        if target != nil && label != nil { throw ValidationError("--target and --label exclude each other: --target makes a regression problem (numeric targets), --label a classification one") }
        if let target, target.isEmpty { throw ValidationError("--target needs at least one column") }
        guard delimiterByte != nil else { throw ValidationError("--delimiter must be one ASCII character or 'tab', got '\(delimiter)'") }
        try encoding.check()
        if noLabel {
            if label != nil { throw ValidationError("--label and --no-label exclude each other") }
            if target != nil { throw ValidationError("--target and --no-label exclude each other: rows to predict have no targets") }
            if split.testSize != nil || split.stratify { throw ValidationError("--no-label rows are not split: they all go to test.x; leave out --test-size and --stratify") }
            if encoding.schema == nil, let option = encoding.learningOption {
                throw ValidationError("\(option) learns from training rows, which --no-label rows are not: encode new rows with --schema MODEL, the model trained on the encoded table")
            }
            if encoding.strict { throw ValidationError("--strict is about missing labels, and --no-label rows have none") }
        }
    }

    var delimiterByte: UInt8? {
        if delimiter == "tab" || delimiter == "\\t" { return 9 }
        guard delimiter.utf8.count == 1, let b = delimiter.utf8.first, b != 34, b != 10, b != 13 else { return nil }
        return b
    }

    func run() throws {
        try Stage.guarded("nn-data") {
            if file == "-" { Stage.requirePipedInput("nn-data") }
            let reader = CSVReader(try LineReader.open(path: file), delimiter: delimiterByte!)
            var options = CSVOptions(label: label, hasHeader: !noHeader, delimiter: delimiterByte!)
            options.strict = encoding.strict
            if let target {
                guard try encoding.tableOptions() == nil else {
                    throw UsageError("--target takes numeric columns only: --categorical, --impute and --schema are for labelled or unlabelled rows")
                }
                let data = try CSVDataset.loadTargets(reader, options, targets: target.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
                let writer = try StreamWriter.standardOutput(program: "nn-data")
                try data.write(split.options, to: writer)
                try writer.end()
                return
            }
            if var table = try encoding.tableOptions() {
                table.hasLabel = !noLabel
                let rows = try CSVTable.read(reader, options, table)
                try noLabel ? writeEncodedFeatures(rows, table) : writeEncoded(rows, table)
                return
            }
            guard noLabel else {
                var dropped = 0
                let data = try CSVDataset.load(reader, options, droppedLabels: &dropped)
                if dropped > 0 { Stage.note("nn-data", CSVDataset.droppedLabelsNote(dropped)) }
                return try data.writeStream(split)
            }
            let (features, columns) = try CSVDataset.loadFeatures(reader, options)
            var attributes = Attributes()
            if let columns { attributes.setList("columns", columns) }
            let writer = try StreamWriter.standardOutput(program: "nn-data")
            try writer.write(Section(name: "test.x", matrix: features, attributes: attributes))
            try writer.end()
        }
    }

    /// Splits, learns the encoding on the training rows (unless --schema gives it), encodes
    /// every row and writes the four sections and `encode`.
    func writeEncoded(_ table: CSVTable, _ options: TableOptions) throws {
        if table.droppedLabels > 0 { Stage.note("nn-data", CSVDataset.droppedLabelsNote(table.droppedLabels)) }
        let rows = try TrainTestSplit(labels: table.labels, classCount: table.classes.count, options: split.options)
        let encoding = try options.schema ?? table.fit(train: rows.train, options)
        var notes: [String] = []
        let data = try table.encode(encoding, unknown: options.unknown, notes: &notes)
        for note in notes { Stage.note("nn-data", note) }
        let writer = try StreamWriter.standardOutput(program: "nn-data")
        try data.write(train: rows.train, test: rows.test, to: writer)
        try writer.write(encoding.section())
        try writer.end()
    }

    /// --no-label --schema: every row, encoded with the schema, as test.x alone (and `encode`).
    func writeEncodedFeatures(_ table: CSVTable, _ options: TableOptions) throws {
        guard let schema = options.schema else {
            throw UsageError("--no-label rows are encoded with --schema MODEL, the model trained on the encoded table")
        }
        var notes: [String] = []
        let x = try table.encodeFeatures(schema, unknown: options.unknown, notes: &notes)
        for note in notes { Stage.note("nn-data", note) }
        var attributes = Attributes()
        attributes.setList("columns", schema.featureNames)
        let writer = try StreamWriter.standardOutput(program: "nn-data")
        try writer.write(Section(name: "test.x", matrix: x, attributes: attributes))
        try writer.write(schema.section())
        try writer.end()
    }
}
