// Categorical columns and missing cells: the encoding against hand-worked tables, statistics
// from the training rows alone, the `encode` section's round trip, and every refusal.
import Testing
@testable import Shared

func table(_ text: String, _ configure: (inout TableOptions) -> Void = { _ in }, label: String? = nil) throws -> (CSVTable, TableOptions) {
    var t = TableOptions()
    configure(&t)
    return (try CSVTable.read(csvReader(text), CSVOptions(label: label), t), t)
}

@Test func oneHotColumnsFollowSortedCategoriesAndUnknownsAreAllZero() throws {
    let (t, o) = try table("c,x,y\nred,1,a\nblue,2,b\ngreen,3,a\nred,4,b\n") { $0.categorical = .columns(["c"]) }
    // Learned on rows 0, 1, 3 only: green (row 2) is unknown.
    let e = try t.fit(train: [0, 1, 3], o)
    #expect(e.columns[0].categories == ["blue", "red"] && e.columns[1].categories == nil)
    #expect(e.featureNames == ["c=blue", "c=red", "x"])
    var notes: [String] = []
    let d = try t.encode(e, unknown: .ignore, notes: &notes)
    #expect(try d.matrix() == Matrix([[0, 1, 1], [1, 0, 2], [0, 0, 3], [0, 1, 4]]))
    #expect(d.labels == [0, 1, 0, 1] && d.classes == ["a", "b"])
    #expect(notes == ["column 'c': 1 row with a category not seen in training ('green'), encoded as all zeros"])
    let refused = userFacingError { _ = try t.encode(e, unknown: .error, notes: &notes) }
    #expect(refused?.exitCode == ExitCode.dataError)
    #expect(refused?.message == "line 4, column 1: 'green' in 'c' is not a category the encoding knows (blue,red); --unknown ignore encodes it as all zeros")
}

@Test func integerCategoriesKeepNumericOrderAndAutoFindsTextColumns() throws {
    let (t, o) = try table("n,k,w,y\n10,x,1.5,a\n7,y,2,b\n10,x,NA,a\n") {
        $0.categorical = .auto
        $0.impute = .mean
    }
    let e = try t.fit(train: [0, 1, 2], o)
    // auto: k has text; n and w are all numbers (w's NA is missing, not text).
    #expect(e.columns.map(\.isCategorical) == [false, true, false])
    #expect(e.featureNames == ["n", "k=x", "k=y", "w"])
    let (u, p) = try table("n,y\n10,a\n7,b\n-1,a\n") { $0.categorical = .columns(["n"]) }
    #expect(try u.fit(train: [0, 1, 2], p).columns[0].categories == ["-1", "7", "10"])
}

// Seven rows; train = 0, 1, 2, 4. Test rows 3 and 5 hold 100 and 200 and the category b: if
// they leaked into the statistics, x's mean would be 76 and c's most frequent category b.
let leakTable = "x,c,y\n1,a,p\nNA,a,q\n3,NA,p\n100,b,q\n,b,p\n200,b,q\nNA,b,p\n"
let leakTrain = [0, 1, 2, 4]

@Test func imputationUsesTrainingRowsOnlyWithIndicators() throws {
    let (t, o) = try table(leakTable) {
        $0.impute = .mean
        $0.indicators = true
        $0.categorical = .columns(["c"])
    }
    let e = try t.fit(train: leakTrain, o)
    // By hand (and scikit-learn 1.9.1's SimpleImputer on the training rows: mean 2 for x, 'a' for c):
    // x present in training rows 0 and 2 → mean 2, missing 2; c: a, a, (missing), b → mode a.
    #expect(e.columns[0].fill == "2" && e.columns[0].missingCount == 2 && e.columns[0].indicator)
    #expect(e.columns[1].categories == ["a", "b"] && e.columns[1].fill == "a" && e.columns[1].missingCount == 1)
    #expect(e.featureNames == ["x", "c=a", "c=b", "x_missing", "c_missing"])
    var notes: [String] = []
    let d = try t.encode(e, unknown: .ignore, notes: &notes)
    #expect(try d.matrix() == Matrix([[1, 1, 0, 0, 0], [2, 1, 0, 1, 0], [3, 1, 0, 0, 1], [100, 0, 1, 0, 0],
                                      [2, 0, 1, 1, 0], [200, 0, 1, 0, 0], [2, 0, 1, 1, 0]]))
    #expect(notes.isEmpty)
}

@Test func medianMostFrequentAndConstantMatchSimpleImputer() throws {
    // scikit-learn 1.9.1's SimpleImputer: strategy='median' on [1, 3, 10, 20, nan] gives 6.5 (the
    // mean of the middle two); 'most_frequent' on [1, 3, 3, 1, 2, nan] gives 1 (a tie goes to the smallest).
    let (t, _) = try table("x,y\n1,a\n3,b\n10,a\n20,b\nNA,a\n") { $0.impute = .median }
    #expect(try t.fit(train: [0, 1, 2, 3, 4], { var o = TableOptions(); o.impute = .median; return o }()).columns[0].fill == "6.5")
    let (m, _) = try table("x,y\n1,a\n3,b\n3,a\n1,b\n2,a\nNA,b\n") { $0.impute = .mostFrequent }
    var mostFrequent = TableOptions()
    mostFrequent.impute = .mostFrequent
    #expect(try m.fit(train: Array(0..<6), mostFrequent).columns[0].fill == "1")
    let (c, co) = try table("x,k,y\nNA,NA,a\n2,u,b\n") {
        $0.impute = .constant("0")
        $0.categorical = .columns(["k"])
    }
    let e = try c.fit(train: [0, 1], co)
    // The constant joins the categories in sorted order ("0" < "u").
    #expect(e.columns[0].fill == "0" && e.columns[1].categories == ["0", "u"] && e.columns[1].fill == "0")
}

@Test func encodeSectionRoundTripsThroughAStream() throws {
    let (t, o) = try table("x y,c,y\nNA,a%b,p\n2,\"u,v\",q\n") {
        $0.impute = .constant("-1.5")
        $0.indicators = true
        $0.categorical = .columns(["c"])
        $0.missing = ["", "NA", "?"]
    }
    let e = try t.fit(train: [0, 1], o)
    let text = try streamText { w in
        try w.write(e.section())
        try w.end()
    }
    let sections = try reader(text).readAll().sections
    #expect(try ColumnEncoding(header: sections[0].header) == e)
    // List items escape '%' and ',' (as classes= does), and then the value is escaped as a whole.
    #expect(text.contains("@encode f32 0x0 columns=x%20y,c missing=,NA,? impute=constant:-1.5 categories.1=-1.5,a%2525b,u%252Cv fill.0=-1.5 fill.1=-1.5 indicators=0 missing_count.0=1\n"))
}

@Test func missingCellsAndTextAreRefusedWithTheWayForward() {
    let missing = userFacingError { _ = try table("a,b,y\n1,2,p\n3,NA,q\n") { $0.categorical = .columns(["a"]) } }
    #expect(missing?.exitCode == ExitCode.dataError)
    #expect(missing?.message == "line 3, column 2: missing value in 'b' ('NA'); add --impute mean (or median, most-frequent, constant:V) to fill it from the training rows")
    let text = userFacingError { _ = try table("a,b,y\n1,2,p\nx,Biscoe,q\n") { $0.categorical = .columns(["a"]) } }
    #expect(text?.message == "line 3, column 2: expected a number ('b'), found 'Biscoe'; if 'b' holds categories, add --categorical b")
    let question = userFacingError { _ = try table("a,b,y\n1,?,p\n") { $0.impute = .mean } }
    #expect(question?.message == "line 2, column 2: expected a number ('b'), found '?'; if '?' marks a missing value, add --missing '?' and --impute")
    let noSuch = userFacingError { _ = try table("a,b,y\n1,2,p\n") { $0.categorical = .columns(["island"]) } }
    #expect(noSuch?.exitCode == ExitCode.usage && noSuch?.message == "--categorical island: no such feature column: the feature columns are a, b")
    let empty = userFacingError {
        let (t, o) = try table("a,y\nNA,p\n2,q\n") { $0.impute = .mean }
        _ = try t.fit(train: [0], o)
    }
    #expect(empty?.message == "column 'a' has no values in the training rows to compute its mean from; use --impute constant:V")
    let constant = userFacingError {
        let (t, o) = try table("a,y\nNA,p\n2,q\n") { $0.impute = .constant("none") }
        _ = try t.fit(train: [0, 1], o)
    }
    #expect(constant?.exitCode == ExitCode.usage && constant?.message == "--impute constant:none: column 'a' is numeric, so the constant must be a number")
}

@Test func missingLabelsAreDroppedOrRefused() throws {
    let (t, _) = try table("a,y\n1,p\n2,\n3,NA\n4,q\n")
    #expect(t.rows == 2 && t.droppedLabels == 2 && t.labels == [0, 1])
    var options = CSVOptions()
    options.strict = true
    let strict = userFacingError { _ = try CSVTable.read(csvReader("a,y\n1,p\n2,\n"), options, TableOptions()) }
    #expect(strict?.message == "line 3, column 2: missing label (an empty cell); without --strict such rows are dropped with a note")
}

@Test func schemaFixesTheColumnsAndTheClasses() throws {
    let (t, o) = try table("c,x,y\nred,1,a\nblue,2,b\n") { $0.categorical = .columns(["c"]) }
    var schema = TableOptions()
    schema.schema = try t.fit(train: [0, 1], o)
    schema.schemaClasses = ["a", "b", "z"]
    let (u, _) = try table("c,x,y\nred,5,b\n", { $0 = schema })
    var notes: [String] = []
    let d = try u.encode(schema.schema!, unknown: .ignore, notes: &notes)
    #expect(try d.matrix() == Matrix([[0, 1, 5]]) && d.labels == [1] && d.classes == ["a", "b", "z"])
    let order = userFacingError { _ = try table("x,c,y\n1,red,a\n", { $0 = schema }) }
    #expect(order?.message == "feature column 1 is 'x', the schema's is 'c': the columns must be the ones the encoding was learned on, in the same order")
    let label = userFacingError { _ = try table("c,x,y\nred,1,q\n", { $0 = schema }) }
    #expect(label?.message == "line 2, column 3: label 'q' is not one of the model's classes (a,b,z)")
    let numeric = userFacingError { _ = try table("c,x,y\nred,big,a\n", { $0 = schema }) }
    #expect(numeric?.message == "line 2, column 2: expected a number ('x' is numeric in the schema), found 'big'")
    let gap = userFacingError { _ = try table("c,x,y\nred,,a\n", { $0 = schema }) }
    #expect(gap?.message == "line 2, column 2: missing value in 'x' (an empty cell), and the schema imputes nothing: the model was trained without --impute")
}

@Test func aModelKeepsItsEncodingThroughSaveAndLoad() throws {
    let encoding = ColumnEncoding(columns: [EncodedColumn(name: "c", categories: ["a", "b"], fill: "a", indicator: true, missingCount: 1),
                                            EncodedColumn(name: "x", fill: "0.5")], impute: .mean)
    #expect(encoding.width == 4 && encoding.featureNames == ["c=a", "c=b", "x", "c_missing"])
    var network = toyNetwork(inputs: 4, hidden: [3], activation: .relu, classes: 2)
    network.encoding = encoding
    let sections = network.sections()
    #expect(sections.last?.name == "model.encode")
    let loaded = try Network(sections: sections)
    #expect(loaded == network && loaded.sections().map(\.header.text) == sections.map(\.header.text))
    var narrow = toyNetwork(inputs: 3, hidden: [2], activation: .relu, classes: 2)
    narrow.encoding = encoding
    let e = userFacingError { _ = try Network(sections: narrow.sections()) }
    #expect(e?.message == "model.encode encodes 4 features but the model has 3 inputs")
}

@Test func aFeaturesOnlyTableIsEncodedWithTheSchema() throws {
    let (t, o) = try table("c,x,y\nred,1,a\nblue,2,b\n") { $0.categorical = .columns(["c"]) }
    var schema = TableOptions()
    schema.schema = try t.fit(train: [0, 1], o)
    schema.hasLabel = false
    // No label column: both columns are features; the third row's colour is unknown.
    let (u, _) = try table("c,x\nblue,7\nred,8\ngrey,9\n", { $0 = schema })
    #expect(u.labels.isEmpty && u.rows == 3)
    var notes: [String] = []
    #expect(try u.encodeFeatures(schema.schema!, unknown: .ignore, notes: &notes) == Matrix([[1, 0, 7], [0, 1, 8], [0, 0, 9]]))
    #expect(notes.count == 1)
}
