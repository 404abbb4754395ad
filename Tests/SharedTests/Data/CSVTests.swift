// CSV records (RFC 4180) and their conversion to labelled data, strict about numbers.
import Testing
@testable import Shared

@Test func quotedFieldsHoldDelimitersQuotesAndNewlines() throws {
    let text = "a,\"b, c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x,\"\"\n"
    #expect(try csvRecords(text) == [["a", "b, c", "say \"hi\""], ["two\nlines", "x", ""]])
}

@Test func crlfBomBlankLinesAndSpacesAreTolerated() throws {
    let text = "\u{FEFF}a , b\r\n\r\n 1,2 \r\n\n"
    #expect(try csvRecords(text) == [["a", "b"], ["1", "2"]])
}

@Test func emptyFieldsAreKept() throws {
    #expect(try csvRecords("1,,3,\n") == [["1", "", "3", ""]])
}

@Test func unclosedQuoteNamesItsLine() {
    let e = userFacingError { _ = try csvRecords("a,b\n1,\"open\n2,3\n") }
    #expect(e?.exitCode == ExitCode.dataError)
    #expect(e?.message.hasPrefix("line 2, column 2:") == true)
}

@Test func quoteInsideAnUnquotedFieldIsAnError() {
    let e = userFacingError { _ = try csvRecords("a,b\"c\n") }
    #expect(e?.message.hasPrefix("line 1, column 2:") == true)
}

@Test func csvBecomesFeaturesAndLabels() throws {
    let d = try CSVDataset.load(csvReader("x,y,class\n1,2,cat\n3.5,-4e1,dog\n0.5,+6,cat\n"), CSVOptions())
    #expect(d.rows == 3 && d.cols == 2)
    #expect(try d.matrix() == Matrix([[1, 2], [3.5, -40], [0.5, 6]]))
    #expect(d.classes == ["cat", "dog"])
    #expect(d.labels == [0, 1, 0])
    #expect(d.featureAttributes.list("columns") == ["x", "y"])
}

@Test func stringLabelsAreNumberedInSortedOrder() throws {
    let d = try CSVDataset.load(csvReader("f,l\n1,zebra\n2,ant\n3,moth\n"), CSVOptions())
    #expect(d.classes == ["ant", "moth", "zebra"])
    #expect(d.labels == [2, 0, 1])
}

@Test func integerLabelsKeepNumericOrder() throws {
    // Numerically 7 < 10, though "10" sorts before "7" as text.
    let d = try CSVDataset.load(csvReader("f,l\n1,10\n2,7\n3,-1\n"), CSVOptions())
    #expect(d.classes == ["-1", "7", "10"])
    #expect(d.labels == [2, 1, 0])
}

@Test func labelColumnByNameOrNumber() throws {
    let byName = try CSVDataset.load(csvReader("species,a,b\ns,1,2\nv,3,4\n"), CSVOptions(label: "species"))
    #expect(byName.classes == ["s", "v"] && byName.featureAttributes.list("columns") == ["a", "b"])
    let byNumber = try CSVDataset.load(csvReader("1,2,0\n3,4,1\n"), CSVOptions(label: "1", hasHeader: false))
    #expect(byNumber.classes == ["1", "3"])
    #expect(try byNumber.matrix() == Matrix([[2, 0], [4, 1]]))
    #expect(byNumber.featureAttributes["columns"] == nil)
    let e = userFacingError { _ = try CSVDataset.load(csvReader("a,b\n1,2\n"), CSVOptions(label: "c")) }
    #expect(e?.exitCode == ExitCode.usage && e?.message.contains("the columns are a, b") == true)
}

@Test func tabDelimitedFiles() throws {
    let d = try CSVDataset.load(csvReader("a\tb\n1.5\tx\n", delimiter: "\t"), CSVOptions(delimiter: 9))
    #expect(try d.matrix() == Matrix([[1.5]]))
}

@Test func badCellNamesLineAndColumn() {
    let e = userFacingError { _ = try CSVDataset.load(csvReader("a,b,c\n1,2,x\n3,4x,y\n"), CSVOptions()) }
    #expect(e?.exitCode == ExitCode.dataError)
    #expect(e?.message == "line 3, column 2: expected a number ('b'), found '4x'; if 'b' holds categories, add --categorical b")
}

@Test func missingNaNAndInfinityAreRefused() {
    for cell in ["nan", "NaN", "inf", "-inf", "1e999", "0x10", "1,5"] {
        let text = "a,b\n\"\(cell)\",y\n"
        let e = userFacingError { _ = try CSVDataset.load(csvReader(text), CSVOptions()) }
        #expect(e?.message.hasPrefix("line 2, column 1: expected a number") == true, "cell '\(cell)'")
    }
}

@Test func raggedRowNamesItsLine() {
    let e = userFacingError { _ = try CSVDataset.load(csvReader("a,b,c\n1,2,x\n3,4\n"), CSVOptions()) }
    #expect(e?.exitCode == ExitCode.dataError)
    #expect(e?.message == "line 3: row has 2 fields, expected 3 (as the header)")
}

@Test func emptyCSVAndHeaderOnlyAreClear() throws {
    #expect(userFacingError { _ = try CSVDataset.load(csvReader(""), CSVOptions()) }?.message.hasPrefix("line 1: empty CSV") == true)
    let d = try CSVDataset.load(csvReader("a,b\n"), CSVOptions())
    #expect(d.rows == 0 && d.cols == 1)
}

@Test func missingLabelsAreDroppedAndCountedOrRefusedWhenStrict() throws {
    var dropped = 0
    let d = try CSVDataset.load(csvReader("a,b\n1,\n2,x\n3,NA\n"), CSVOptions(), droppedLabels: &dropped)
    #expect(d.rows == 1 && dropped == 2 && d.classes == ["x"])
    var strict = CSVOptions()
    strict.strict = true
    let e = userFacingError { _ = try CSVDataset.load(csvReader("a,b\n1,\n"), strict) }
    #expect(e?.message == "line 2, column 2: missing label (an empty cell); without --strict such rows are dropped with a note")
}

@Test func aMissingOrTextCellSaysWhatToAdd() {
    let gap = userFacingError { _ = try CSVDataset.load(csvReader("a,b,y\n1,NA,p\n"), CSVOptions()) }
    #expect(gap?.message == "line 2, column 2: missing value in 'b' ('NA'); add --impute mean (or median, most-frequent, constant:V) to fill it from the training rows")
}
