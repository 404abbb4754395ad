import Testing
@testable import Shared

// Worked by hand, 3 classes (rows true, columns predicted):
//   [[2, 1, 0],      precision_c = TP / column sum: 2/3, 3/4, 2/3
//    [0, 3, 1],      recall_c    = TP / row sum:    2/3, 3/4, 2/3
//    [1, 0, 2]]      F1_c = 2TP / (row + column):   4/6, 6/8, 4/6
//   macro    = (2/3 + 3/4 + 2/3) / 3 = 25/36 for each score
//   weighted = (3·2/3 + 4·3/4 + 3·2/3) / 10 = 7/10 for each score; accuracy = 7/10
@Test func macroAndWeightedAveragesOfAHandWorkedMatrix() {
    let m = ConfusionMatrix([[2, 1, 0], [0, 3, 1], [1, 0, 2]])
    let s = PrecisionRecall(m)
    let precision: [Double] = [2.0 / 3, 3.0 / 4, 2.0 / 3]
    let f1: [Double] = [4.0 / 6, 6.0 / 8, 4.0 / 6]
    #expect(allClose(s.perClass.map(\.precision), precision))
    #expect(allClose(s.perClass.map(\.recall), precision))
    #expect(allClose(s.perClass.map(\.f1), f1))
    #expect(s.perClass.map(\.support) == [3, 4, 3])
    #expect(close(s.macro.precision, 25.0 / 36))
    #expect(close(s.macro.recall, 25.0 / 36))
    #expect(close(s.macro.f1, 25.0 / 36))
    #expect(close(s.weighted.precision, 0.7))
    #expect(close(s.weighted.recall, 0.7))
    #expect(close(s.weighted.f1, 0.7))
    #expect(close(m.accuracy, 0.7))
    #expect(s.neverPredicted.isEmpty)
    #expect(s.absent.isEmpty)
    #expect(s.f1Undefined.isEmpty)
}

// Set B from scikit-learn 1.9.1:
//   yB = [0,1,2,2,1,0,1,2,0,1]; predB = argmax of PB (see EvaluationTests) = [0,1,2,0,2,0,1,2,1,0]
//   precision_recall_fscore_support(yB, predB, labels=[0,1,2], zero_division=0)
//   and with average='macro' / average='weighted'
@Test func perClassScoresMatchScikitLearnOnSetB() {
    let m = ConfusionMatrix(truth: [0, 1, 2, 2, 1, 0, 1, 2, 0, 1], predicted: [0, 1, 2, 0, 2, 0, 1, 2, 1, 0], classes: 3)
    #expect(m.rows == [[2, 1, 0], [1, 2, 1], [1, 0, 2]])
    let s = PrecisionRecall(m)
    #expect(allClose(s.perClass.map(\.precision), [0.5, 0.6666666666666666, 0.6666666666666666]))
    #expect(allClose(s.perClass.map(\.recall), [0.6666666666666666, 0.5, 0.6666666666666666]))
    #expect(allClose(s.perClass.map(\.f1), [0.5714285714285714, 0.5714285714285714, 0.6666666666666666]))
    #expect(close(s.macro.precision, 0.611111111111111))
    #expect(close(s.macro.recall, 0.611111111111111))
    #expect(close(s.macro.f1, 0.6031746031746031))
    #expect(close(s.weighted.precision, 0.6166666666666666))
    #expect(close(s.weighted.recall, 0.6))
    #expect(close(s.weighted.f1, 0.6))
}

// Set C from scikit-learn 1.9.1: class 2 is never predicted and class 3 never occurs.
//   yC = [0,1,2,0,1,2,0,1]; predC = [0,1,0,0,3,1,0,1]
//   precision_recall_fscore_support(yC, predC, labels=[0,1,2,3]) warns
//   "Precision is ill-defined and being set to 0.0 in labels with no predicted samples"
//   and "Recall is ill-defined and being set to 0.0 in labels with no true samples".
@Test func zeroDivisionGivesZeroAndNamesTheClassesAsScikitLearnDoes() {
    let m = ConfusionMatrix(truth: [0, 1, 2, 0, 1, 2, 0, 1], predicted: [0, 1, 0, 0, 3, 1, 0, 1], classes: 4)
    let s = PrecisionRecall(m)
    #expect(allClose(s.perClass.map(\.precision), [0.75, 0.6666666666666666, 0, 0]))
    #expect(allClose(s.perClass.map(\.recall), [1, 0.6666666666666666, 0, 0]))
    #expect(allClose(s.perClass.map(\.f1), [0.8571428571428571, 0.6666666666666666, 0, 0]))
    #expect(s.perClass.map(\.support) == [3, 3, 2, 0])
    #expect(close(s.macro.precision, 0.35416666666666663))
    #expect(close(s.macro.recall, 0.41666666666666663))
    #expect(close(s.macro.f1, 0.38095238095238093))
    #expect(close(s.weighted.precision, 0.53125))
    #expect(close(s.weighted.recall, 0.625))
    #expect(close(s.weighted.f1, 0.5714285714285714))
    #expect(s.neverPredicted == [2])
    #expect(s.absent == [3])
    #expect(s.f1Undefined.isEmpty)  // class 3 was predicted once, so 2TP + FP + FN = 1
}

@Test func aClassNeitherPresentNorPredictedHasUndefinedF1() {
    let s = PrecisionRecall(ConfusionMatrix([[2, 0, 0], [0, 1, 0], [0, 0, 0]]))
    #expect(s.neverPredicted == [2])
    #expect(s.absent == [2])
    #expect(s.f1Undefined == [2])
    #expect(s.perClass[2] == ClassScore(precision: 0, recall: 0, f1: 0, support: 0))
}
