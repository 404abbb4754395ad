import Testing
@testable import Shared

// Worked by hand:
//   truth     1 1 1 0 0 0 0 1
//   predicted 1 0 1 0 1 0 0 1
//   TP = 3 (samples 1, 3, 8), FN = 1 (sample 2), FP = 1 (sample 5), TN = 3
//   accuracy = 6/8, precision = 3/(3+1), recall = 3/(3+1), F1 = 2·3/(2·3+1+1) = 0.75
@Test func binaryConfusionCountsTrueRowsAgainstPredictedColumns() {
    let m = ConfusionMatrix(truth: [1, 1, 1, 0, 0, 0, 0, 1], predicted: [1, 0, 1, 0, 1, 0, 0, 1], classes: 2)
    #expect(m.rows == [[3, 1], [1, 3]])
    #expect(m.accuracy == 0.75)
    #expect(m.support(1) == 4)
    #expect(m.predictedCount(1) == 4)
    #expect(m.truePositives(1) == 3)
    let s = PrecisionRecall(m).perClass[1]
    #expect(s.precision == 0.75)
    #expect(s.recall == 0.75)
    #expect(s.f1 == 0.75)
    #expect(s.support == 4)
}

@Test func confusionRowsAreTrueClassesNotPredictedOnes() {
    // Two samples of class 0 both predicted 1: row 0, column 1.
    let m = ConfusionMatrix(truth: [0, 0], predicted: [1, 1], classes: 2)
    #expect(m[0, 1] == 2)
    #expect(m[1, 0] == 0)
    #expect(m.support(0) == 2)
    #expect(m.predictedCount(1) == 2)
}

@Test func emptyConfusionHasZeroAccuracy() {
    #expect(ConfusionMatrix(classes: 3).accuracy == 0)
}
