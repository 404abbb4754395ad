// Rows without labels, labels that show only some of the model's classes, the model's
// input schema, and nn-eval --predictions' CSV and JSON Lines.
import Foundation
import Testing
@testable import Shared

private func model(_ text: String) throws -> Network {
    try Network(sections: try reader("nn-stream 1\n" + text + "@end\n").readAll().sections)
}

/// σ(−1) = 0.2689414213699951, as written (Float32).
private let sigmoidOfMinusOne = Double(Float(0.2689414213699951))

@Test func withTestSizeOneAMismatchNamesTestXNotTheEmptyTrainX() throws {
    // nn-data csv --test-size 1 writes train.x with no rows: the model's check is on test.x.
    let given = try model(standardizedModel)
    let e = scoringError("@train.x f32 0x2\n@train.y i32 0x1\n@test.x f32 1x2\n1 2\n@test.y i32 1x1\n0\n", model: given)
    #expect(e?.line == 4)
    #expect(e?.detail.hasPrefix("test.x does not match the model's input: it has 2 columns but the model takes 1") == true)
}

@Test func rowsWithoutLabelsArePredicted() throws {
    var notices: [String] = []
    var unlabelled: [PredictedSet] = []
    let output = try streamText { w in
        let scoring = StreamScoring(model: nil, writer: w)
        try scoring.consume(reader("nn-stream 1\n@test.x f32 2x1\n6\n-2\n" + standardizedModel + "@end\n"))
        let r = try scoring.finish(threshold: 0.5)
        #expect(r.sets.isEmpty)
        unlabelled = scoring.unlabelled
        notices = scoring.notices
        for s in MetricsSections.appended(r.sets, unlabelled: unlabelled) { try w.write(s) }
        try w.end()
    }
    #expect(notices.isEmpty)
    let p = try #require(unlabelled.first)
    // x = 6 → (6 − 2)/4 = 1 → σ(1); x = −2 → −1 → σ(−1).
    #expect(p.name == "test" && p.classes == ["no", "yes"])
    #expect(close(p.predictions.probability(0, 1), sigmoidOfOne))
    #expect(close(p.predictions.probability(1, 1), sigmoidOfMinusOne))
    #expect(output.hasSuffix("@test.predictions f32 2x2 classes=no,yes\n0.26894143 0.7310586\n0.7310586 0.26894143\n@end\n"))
    #expect(!output.contains("@metrics"))
}

@Test func oneRowWithOneClassIsScoredByTheClassesName() throws {
    // The data names one class, 'yes', which is the model's class 1: its label 0 means class 1.
    let r = try scoreStream("@test.x f32 1x1\n6\n@test.y i32 1x1 classes=yes\n0\n" + standardizedModel)
    #expect(r.sets[0].labels == [1])
    #expect(r.sets[0].evaluation.classes == ["no", "yes"])
    #expect(r.sets[0].evaluation.accuracy == 1)
}

@Test func aBatchOfOneClassIsScored() throws {
    // x = −2, 2, 6 → P(yes) = σ(−1), ½, σ(1): with threshold ½, predicted no, yes, yes; all are 'no'.
    let r = try scoreStream("@test.x f32 3x1\n-2\n2\n6\n@test.y i32 3x1 classes=no\n0\n0\n0\n" + standardizedModel)
    let e = r.sets[0].evaluation
    #expect(r.sets[0].labels == [0, 0, 0])
    #expect(e.confusion.rows == [[1, 2], [0, 0]])
    #expect(close(e.accuracy, 1.0 / 3))
    #expect(e.auc == nil)
}

@Test func tenClassesWithLabelsShowingTwoOfThem() throws {
    // logits = x (identity weights): the predicted class is the largest column.
    var weight = ""
    for i in 0..<10 { weight += (0..<10).map { $0 == i ? "1" : "0" }.joined(separator: " ") + "\n" }
    let names = (0..<10).map { "c\($0)" }.joined(separator: ",")
    let tenClasses = "@model f32 0x0 layers=10,10 activations=identity output=softmax classes=\(names)\n@model.layer1.weight f32 10x10\n\(weight)@model.layer1.bias f32 1x10\n0 0 0 0 0 0 0 0 0 0\n"
    let rows = "9 0 0 0 0 0 0 0 0 0\n0 0 0 9 0 0 0 0 0 0\n0 0 0 0 0 0 0 9 0 0\n"
    let r = try scoreStream("@test.x f32 3x10\n\(rows)@test.y i32 3x1 classes=c3,c7\n0\n1\n1\n" + tenClasses)
    #expect(r.sets[0].labels == [3, 7, 7])
    // Truth c3 predicted c0; truth c7 predicted c3; truth c7 predicted c7.
    let confusion = r.sets[0].evaluation.confusion.rows
    #expect(confusion[3] == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    #expect(confusion[7] == [0, 0, 0, 1, 0, 0, 0, 1, 0, 0])
    #expect(close(r.sets[0].evaluation.accuracy, 1.0 / 3))
}

@Test func aClassTheModelDoesNotKnowIsRefused() {
    let e = scoringError("@test.x f32 1x1\n6\n@test.y i32 1x1 classes=maybe,no,yes\n0\n" + standardizedModel)
    #expect(e?.line == 4)
    #expect(e?.detail == "test.y names 3 classes (maybe, no, yes) but the model has 2 (no, yes): 'maybe' is not one of them")
}

// The model's input schema: input_columns= and input_image= on the model header.
private let namedModel = "@model f32 0x0 layers=2,1 activations=identity output=sigmoid classes=no,yes input_columns=a,b\n@model.layer1.weight f32 1x2\n1 -1\n@model.layer1.bias f32 1x1\n0\n"

@Test func columnsInAnotherOrderAreRefusedNamingTheFirstDifference() {
    let e = scoringError("@test.x f32 1x2 columns=b,a\n1 2\n" + namedModel)
    #expect(e?.line == 2)
    #expect(e?.detail == "test.x does not match the model's input: column 0 is 'b' where the model expects 'a' (its columns: a,b)")
}

@Test func aMissingOrExtraColumnIsNamed() {
    #expect(scoringError("@test.x f32 1x1 columns=a\n1\n" + namedModel)?.detail
            == "test.x does not match the model's input: it has 1 columns and lacks 'b', column 1 of the model's 2 (a,b)")
    #expect(scoringError("@test.x f32 1x3 columns=a,b,c\n1 2 3\n" + namedModel)?.detail
            == "test.x does not match the model's input: column 2 'c' is not one of the model's 2 columns (a,b)")
    #expect(scoringError("@test.x f32 1x3\n1 2 3\n" + namedModel)?.detail
            == "test.x does not match the model's input: it has 3 columns but the model takes 2 (a,b)")
}

@Test func unnamedColumnsAreCheckedByCountWithOneNote() throws {
    let r = try scoreStream("@train.x f32 1x2\n2 1\n@train.y i32 1x1\n1\n@test.x f32 1x2\n1 2\n@test.y i32 1x1\n0\n" + namedModel)
    #expect(r.sets.map(\.name) == ["train", "test"])
    #expect(r.notices == ["train.x has no column names (columns=); checked by count only: 2 columns, as the model's"])
}

@Test func aModelWithoutASchemaChecksNamedDataByCount() throws {
    let r = try scoreStream("@test.x f32 1x1 columns=z\n6\n@test.y i32 1x1\n1\n" + standardizedModel)
    #expect(r.notices.isEmpty)
    #expect(r.sets[0].evaluation.accuracy == 1)
}

@Test func anotherImageShapeIsRefused() {
    let imageModel = namedModel.replacingAll(" input_columns=a,b", with: " input_image=2x1")
    #expect(scoringError("@test.x f32 1x2 image=1x2\n1 2\n" + imageModel)?.detail
            == "test.x does not match the model's input: its rows are 1x2 images but the model takes 2x1 images")
    #expect(scoringError("@test.x f32 1x2 image=2x1\n1 2\n@test.y i32 1x1\n0\n" + imageModel) == nil)
}

@Test func theSchemaIsWrittenAndReadBack() throws {
    var n = try model(standardizedModel)
    n.input = InputSchema(columns: ["width, cm"], image: nil)
    let text = try streamText { w in for s in n.sections() { try w.write(s) }; try w.end() }
    #expect(text.contains("classes=no,yes input_columns=width%252C%20cm\n"))
    let again = try Network(sections: try reader(text).readAll().sections)
    #expect(again == n)
    #expect(again.input.columns == ["width, cm"])
}

@Test func aSchemaOfTheWrongWidthIsRefused() {
    let e = userFacingError { _ = try model(namedModel.replacingAll("input_columns=a,b", with: "input_columns=a")) }
    #expect(e?.message == "line 2: section model: input_columns names 1 columns but the model takes 2 inputs")
}

// --predictions: hand-made probabilities and class names that need quoting.
@Test func csvQuotesClassNamesAsRFC4180Says() {
    #expect(PredictionsFormat.csvField("Ankle boot") == "Ankle boot")
    #expect(PredictionsFormat.csvField("a,b") == "\"a,b\"")
    #expect(PredictionsFormat.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(PredictionsFormat.csvField(" padded") == "\" padded\"")
    #expect(PredictionsFormat.csvField("two\nlines") == "\"two\nlines\"")
}

@Test func csvHasAHeaderAndOneLinePerRowInOrder() throws {
    let p = Predictions(positiveProbabilities: [0.75, 0.25, 0.5])
    let text = String(decoding: PredictionsFormat.csv.text(p, classes: ["Ankle boot", "a, \"b\""], threshold: 0.5), as: UTF8.self)
    #expect(text == "row,predicted,Ankle boot,\"a, \"\"b\"\"\"\n0,\"a, \"\"b\"\"\",0.25,0.75\n1,Ankle boot,0.75,0.25\n2,\"a, \"\"b\"\"\",0.5,0.5\n")
    // --threshold decides two classes: 0.75 alone reaches 0.6.
    let strict = String(decoding: PredictionsFormat.csv.text(p, classes: ["x", "y"], threshold: 0.6), as: UTF8.self)
    #expect(strict.split(separator: "\n").map { $0.split(separator: ",")[1] } == ["predicted", "y", "x", "x"])
    // The file reads back with nn's own RFC 4180 reader.
    let records = try csvRecords(text)
    #expect(records[1] == ["0", "a, \"b\"", "0.25", "0.75"])
}

@Test func jsonLinesParseAndName() throws {
    let p = Predictions(probabilities: [[0.125, 0.5, 0.375]])
    let text = String(decoding: PredictionsFormat.jsonl.text(p, classes: ["a\"b", "c", "d"], threshold: 0.5), as: UTF8.self)
    #expect(text == "{\"row\":0,\"predicted\":\"c\",\"probabilities\":{\"a\\\"b\":0.125,\"c\":0.5,\"d\":0.375}}\n")
    let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect((doc["probabilities"] as? [String: Double])?["a\"b"] == 0.125)
}

@Test func theTerminalTableShowsTheFirstRowsAndCountsPerClass() {
    let p = Predictions(positiveProbabilities: (0..<12).map { $0 < 9 ? 0.875 : 0.125 })
    let text = PredictionsTable.text(PredictedSet(name: "test", predictions: p, classes: ["dress", "coat"]), source: "nn-eval: predicted", threshold: 0.5)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[1] == "12 rows of test.x without labels; the first 10:")
    #expect(lines[3] == "row  predicted  P(dress)  P(coat)")
    #expect(lines[4] == "0    coat         0.1250   0.8750")
    #expect(lines.contains("coat             9"))
    #expect(lines.contains("dress            3"))
    #expect(lines.filter { $0.hasPrefix("9 ") || $0.hasPrefix("10 ") }.count == 1)
}
