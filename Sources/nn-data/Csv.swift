// nn-data csv: a CSV file as train.*/test.*.
import ArgumentParser
import Shared

struct Csv: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a CSV file: one label column, every other column a feature (numeric, or one-hot with --categorical).",
        discussion: """
        Reads FILE (or stdin for -), RFC 4180: quoted fields may hold the delimiter,
        newlines and doubled quotes. Writes train.x (f32, columns=<header names>),
        train.y (i32 labels 0..k-1, classes=<label texts>), test.x and test.y.
        Labels that are all integers keep their numeric order (3,7 -> 0,1); other
        labels are numbered in sorted order of their text, as scikit-learn's
        LabelEncoder. A cell that is not a number, or a row with the wrong number
        of fields, stops with exit 65 naming the line and column. A row whose label
        is missing (an empty cell or NA) is dropped with a note (--strict refuses it).

        Text columns and missing cells: --categorical one-hot encodes, --impute fills,
        both learned on the training rows only and written as the encode section,
        which nn-fit keeps in the model; --schema MODEL encodes new rows the same way.
        Example:
          nn-data csv iris.csv --label species --stratify | nn-fit --hidden 8 | nn-eval
          nn-data csv fruit.csv --label ripe --categorical auto --impute mean \\
            | nn-fit --save fruit.nn | nn-eval
          nn-data csv new.csv --label ripe --schema fruit.nn --test-size 1 \\
            | nn-eval --model fruit.nn
        """
    )

    @Argument(help: ArgumentHelp("The CSV file, or - for stdin.", valueName: "file"))
    var file: String = "-"

    @Option(help: ArgumentHelp("The label column: a header name or a 1-based number (a name wins). Default: the last column.", valueName: "column"))
    var label: String?

    @Flag(help: "The first row is data, not column names.")
    var noHeader = false

    @Option(help: ArgumentHelp("The field delimiter: one character, or 'tab'.", valueName: "char"))
    var delimiter = ","

    @OptionGroup var split: SplitArguments

    @OptionGroup(title: "Categories and missing values") var encoding: EncodingArguments

    func validate() throws {
        guard delimiterByte != nil else { throw ValidationError("--delimiter must be one ASCII character or 'tab', got '\(delimiter)'") }
        try encoding.check()
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
            if let table = try encoding.tableOptions() {
                try writeEncoded(try CSVTable.read(reader, options, table), table)
                return
            }
            var dropped = 0
            let data = try CSVDataset.load(reader, options, droppedLabels: &dropped)
            if dropped > 0 { Stage.note("nn-data", CSVDataset.droppedLabelsNote(dropped)) }
            try data.writeStream(split)
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
}
