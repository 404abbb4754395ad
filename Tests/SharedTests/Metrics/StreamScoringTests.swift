import Testing
@testable import Shared

// A one-input logistic model p = σ(x') with x' = (x − 2) / 4 (its standardisation).
let standardizedModel = """
@model f32 0x0 layers=1,1 activations=identity output=sigmoid classes=no,yes
@model.layer1.weight f32 1x1
1
@model.layer1.bias f32 1x1
0
@model.standardize.mean f32 1x1
2
@model.standardize.std f32 1x1
4

"""

/// Runs a StreamScoring over `body` (a stream without its first line and `@end`) and
/// returns the scored sets, the source line, and the stream it wrote.
func scoreStream(_ body: String, model: Network? = nil, threshold: Double = 0.5) throws -> (sets: [ScoredSet], source: String, output: String, notices: [String]) {
    var result: (sets: [ScoredSet], source: String)?
    var notices: [String] = []
    let output = try streamText { w in
        let scoring = StreamScoring(model: model, modelOrigin: "m.nn", writer: w)
        try scoring.consume(reader("nn-stream 1\n" + body + "@end\n"))
        result = try scoring.finish(threshold: threshold)
        notices = scoring.notices
        for s in MetricsSections.appended(result!.sets) { try w.write(s) }
        try w.end()
    }
    return (result!.sets, result!.source, output, notices)
}

func scoringError(_ body: String, model: Network? = nil) -> StreamError? {
    do {
        _ = try scoreStream(body, model: model)
        return nil
    } catch let e as StreamError {
        return e
    } catch {
        return StreamError(line: nil, "unexpected \(error)")
    }
}

let sigmoidOfOne = Double(Float(0.7310585786300049))  // σ(1) in Float64 (0.7310585786300049), as written: Float32

@Test func modelAfterTheDataScoresBothSetsAndPassesEverySectionOn() throws {
    let data = "# from upstream\n@train.x f32 2x1\n6\n2\n@train.y i32 2x1 classes=no,yes\n1\n0\n@test.x f32 1x1\n-2\n@test.y i32 1x1\n0\n@extra u8 1x2 scale=1/255\n1 2\n"
    let r = try scoreStream(data + standardizedModel)
    #expect(r.sets.map(\.name) == ["train", "test"])
    // x = 6 → (6 − 2)/4 = 1 → σ(1); x = 2 → 0 → ½; x = −2 → −1 → σ(−1).
    #expect(close(r.sets[0].predictions.probability(0, 1), sigmoidOfOne))
    #expect(r.sets[0].predictions.probability(1, 1) == 0.5)
    #expect(close(r.sets[1].predictions.probability(0, 0), sigmoidOfOne))
    #expect(r.sets[0].evaluation.classes == ["no", "yes"])
    #expect(r.source == "model 1-1 (logistic regression) from the stream")
    // Everything upstream comes first, byte for byte, then nn-eval's sections.
    #expect(r.output.hasPrefix("nn-stream 1\n" + data + standardizedModel + "@test.predictions f32 1x2 classes=no,yes\n"))
    // The test set holds one class only: AUC is undefined there, so its column is left out.
    #expect(r.output.contains("@metrics f32 2x5 rows=train,test columns=accuracy,precision,recall,f1,log_loss classes=no,yes positive=yes threshold=0.5 undefined=auc\n"))
    let appended = r.output.split(separator: "\n").filter { $0.hasPrefix("@") }.map { String($0.split(separator: " ")[0]) }.suffix(5)
    #expect(Array(appended) == ["@test.predictions", "@metrics", "@train.confusion", "@test.confusion", "@end"])
}

@Test func standardizedDataIsNotStandardizedTwice() throws {
    let r = try scoreStream("@test.x f32 1x1 standardized=true\n1\n@test.y i32 1x1\n1\n" + standardizedModel)
    #expect(close(r.sets[0].predictions.probability(0, 1), sigmoidOfOne))
}

@Test func standardizedDataWithAModelTrainedWithoutStandardizationIsRefused() {
    let model = "@model f32 0x0 layers=1,1 activations=identity output=sigmoid\n@model.layer1.weight f32 1x1\n1\n@model.layer1.bias f32 1x1\n0\n"
    let e = scoringError("@test.x f32 1x1 standardized=true\n1\n@test.y i32 1x1\n1\n" + model)
    #expect(e?.line == 2)
    #expect(e?.detail.hasPrefix("test.x is standardized but the model was trained on unstandardised inputs") == true)
}

@Test func dataStandardizedWithOtherStatisticsThanTheModelsIsRefused() {
    let e = scoringError("@test.x f32 1x1 standardized=true\n1\n@test.y i32 1x1\n1\n@standardize.mean f32 1x1\n3\n@standardize.std f32 1x1\n4\n" + standardizedModel)
    #expect(e?.detail.hasPrefix("test.x was standardised with other statistics") == true)
}

@Test func modelInputWidthMustMatchTheData() {
    let e = scoringError("@test.x f32 1x2\n1 2\n@test.y i32 1x1\n1\n" + standardizedModel)
    #expect(e?.line == 2)
    #expect(e?.detail == "test.x does not match the model's input: it has 2 columns but the model takes 1")
}

@Test func dataWithoutAModelOrPredictionsIsRefused() {
    let e = scoringError("@test.x f32 1x1\n1\n@test.y i32 1x1\n1\n")
    #expect(e?.detail.hasPrefix("no model to score test with") == true)
}

@Test func trainingFeaturesWithoutLabelsAreRefused() {
    // Rows to predict travel as test.x; train.x without train.y is a broken stream.
    let e = scoringError("@train.x f32 1x1\n1\n" + standardizedModel)
    #expect(e?.detail == "train.x has no train.y: nn-eval needs the true labels to score (rows to predict travel as test.x)")
}

@Test func rowsOfXAndYMustAgree() {
    let e = scoringError("@test.x f32 2x1\n1\n2\n@test.y i32 1x1\n1\n" + standardizedModel)
    #expect(e?.detail == "test.y has 1 rows but test.x has 2")
}

@Test func aLabelOutsideTheClassesNamesItsLine() {
    let e = scoringError("@test.x f32 2x1\n1\n2\n@test.y i32 2x1\n1\n2\n" + standardizedModel)
    #expect(e?.line == 7)
    #expect(e?.detail == "test.y: label 2 is outside 0..1 (classes no, yes)")
}

@Test func classNamesThatDisagreeWithTheModelAreRefused() {
    let e = scoringError("@test.x f32 1x1\n1\n@test.y i32 1x1 classes=yes,no\n1\n" + standardizedModel)
    #expect(e?.detail == "the model has classes no,yes but test.y has yes,no: labels would be read as the wrong classes")
}

@Test func noLabelledDataIsRefused() {
    #expect(scoringError("@other f32 1x1\n1\n" + standardizedModel)?.detail.hasPrefix("no data to score or predict") == true)
}

@Test func predictionsFromAnotherStageAreScoredAndReplaced() throws {
    let r = try scoreStream("@test.y i32 3x1 classes=a,b\n1\n0\n1\n@test.predictions f32 3x2\n0.25 0.75\n0.5 0.5\n0.875 0.125\n@metrics f32 1x1\n9\n")
    let e = r.sets[0].evaluation
    #expect(e.confusion.rows == [[0, 1], [1, 1]])
    #expect(r.source == "predictions from the stream (test.predictions)")
    // The upstream test.predictions and metrics are replaced, not passed on twice.
    #expect(r.output.components(separatedBy: "@test.predictions").count == 2)
    #expect(r.output.components(separatedBy: "@metrics").count == 2)
    #expect(!r.output.contains("\n9\n"))
}

@Test func predictionRowsMustBeProbabilities() {
    #expect(scoringError("@test.y i32 1x1\n1\n@test.predictions f32 1x2\n0.5 0.6\n")?.line == 5)
    #expect(scoringError("@test.y i32 1x1\n1\n@test.predictions f32 1x2\n-0.5 1.5\n")?.detail == "test.predictions: -0.5 is not a probability in [0, 1]")
    #expect(scoringError("@test.y i32 1x1\n1\n@test.predictions f32 1x1\n0.5\n")?.detail.hasPrefix("test.predictions has 1 column") == true)
}

@Test func aGivenModelScoresTestOnlyDataAndTheStreamsModelPassesOn() throws {
    let sections = try reader("nn-stream 1\n" + standardizedModel + "@end\n").readAll().sections
    let model = try Network(sections: sections)
    let r = try scoreStream("@test.x u8 2x1 scale=1/2\n12\n4\n@test.y i32 2x1\n1\n0\n" + standardizedModel, model: model)
    // u8 12 · ½ = 6 → σ(1); 4 · ½ = 2 → ½.
    #expect(close(r.sets[0].predictions.probability(0, 1), sigmoidOfOne))
    #expect(r.sets.map(\.name) == ["test"])
    #expect(r.source == "model 1-1 (logistic regression) from m.nn")
    #expect(r.notices == ["scoring the model from m.nn; the stream's own model is passed on unscored"])
    #expect(r.output.contains(standardizedModel))
}

@Test func aSecondSectionOfTheSameSetIsRefused() {
    #expect(scoringError("@test.y i32 1x1\n1\n@test.y i32 1x1\n1\n")?.detail.hasPrefix("a second section named test.y (the first is on line ") == true)
}

@Test func anEmptySplitIsNotScored() throws {
    // nn-data --test-size 1 writes a train split with no rows.
    let r = try scoreStream("@train.x f32 0x1\n@train.y i32 0x1\n@test.x f32 1x1\n6\n@test.y i32 1x1\n1\n" + standardizedModel)
    #expect(r.sets.map(\.name) == ["test"])
    #expect(scoringError("@train.x f32 0x1\n@train.y i32 0x1\n" + standardizedModel)?.detail.hasPrefix("no data to score or predict") == true)
}

// p = σ(x) per test row, Float64 then as written (Float32), and scikit-learn 1.9.1 on what is written:
//   x = −4e−9      p = 0.49999999900000003 → 0.5        (class 0 in Float64, class 1 as written)
//   x = 1          p = 0.7310585786300049  → 0.7310586  (one Float32 for both: a tie as written)
//   x = 1.0000001  p = 0.7310586020679732  → 0.7310586
//   x = −3         p = 0.04742587317756678 → 0.047425874
// y = [0,1,0,0], P = the written Float32 rows as float64: confusion_matrix [[1,2],[0,1]],
// roc_auc_score 0.8333333333333334 (Float64 scores: [[2,1],[0,1]] and 0.6666666666666667),
// log_loss(y, P) = 0.5920644860681757.
let identityModel = "@model f32 0x0 layers=1,1 activations=identity output=sigmoid classes=no,yes\n@model.layer1.weight f32 1x1\n1\n@model.layer1.bias f32 1x1\n0\n"
let roundingData = "@test.x f32 4x1\n-4e-9\n1\n1.0000001\n-3\n@test.y i32 4x1 classes=no,yes\n0\n1\n0\n0\n"

@Test func scoringTheWrittenPredictionsAgainGivesTheSameScores() throws {
    let first = try scoreStream(roundingData + identityModel)
    let e = first.sets[0].evaluation
    #expect(e.confusion.rows == [[1, 2], [0, 1]])
    #expect(close(e.auc, 0.8333333333333334))
    #expect(close(e.logLoss, 0.5920644860681757))
    // What nn-eval wrote, without the model: its test.predictions are scored instead.
    let written = try reader(first.output).readAll().sections.filter { ["test.y", "test.predictions"].contains($0.name) }
    let body = try streamText { w in for s in written { try w.write(s) }; try w.end() }
        .split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n").replacingAll("@end\n", with: "")
    let again = try scoreStream(body)
    #expect(again.source == "predictions from the stream (test.predictions)")
    let a = again.sets[0].evaluation
    #expect(a.confusion == e.confusion)
    #expect(a.roc == e.roc)
    #expect(a.auc == e.auc)
    #expect(a.logLoss.bitPattern == e.logLoss.bitPattern)
    #expect([a.accuracy, a.precision, a.recall, a.f1] == [e.accuracy, e.precision, e.recall, e.f1])
}
