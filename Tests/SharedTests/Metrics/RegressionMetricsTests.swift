// Regression scores against scikit-learn 1.9.1 (sklearn.metrics, Float64), computed with
//   y = [3, -0.5, 2, 7, 4.25]; p = [2.5, 0, 2, 8, 3]
//   mean_squared_error(y, p) ... median_absolute_error(y, p)
// and for two targets Y = [[0.5, 1], [-1, 1], [7, -6], [1, 1]], P = [[0, 2], [-1, 2], [8, -5], [1, 1]]
// with multioutput='raw_values' and the default 'uniform_average'. The values are the
// printed repr()s of those calls.
import Testing
@testable import Shared

struct RegressionMetricsTests {
    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(abs(b), 1e-300) || a == b }

    @Test func oneTargetMatchesScikitLearn() {
        let e = RegressionEvaluation(truth: [3, -0.5, 2, 7, 4.25], predicted: [2.5, 0, 2, 8, 3], targets: ["y"])
        let sklearn = [0.6125, 0.7826237921249264, 0.65, 0.9002442996742671, 0.9006514657980456, 1.25, 0.5]
        for (name, (ours, theirs)) in zip(RegressionScores.names, zip(e.average.values, sklearn)) {
            #expect(close(ours, theirs), "\(name): \(ours) vs scikit-learn \(theirs)")
        }
        #expect(e.perTarget == [e.average] && e.notes.isEmpty)
    }

    @Test func severalTargetsAverageUniformlyAsScikitLearn() {
        let e = RegressionEvaluation(truth: [0.5, 1, -1, 1, 7, -6, 1, 1], predicted: [0, 2, -1, 2, 8, -5, 1, 1], targets: ["a", "b"])
        // raw_values per target, then uniform_average; max_error per column (scikit-learn's max_error
        // takes one target: [1.0, 1.0]) and their mean.
        let perTarget: [[Double]] = [
            [0.3125, 0.75], [0.55901699, 0.8660254], [0.375, 0.75], [0.96638655, 0.91836735],
            [0.96806723, 0.97959184], [1, 1], [0.25, 1],
        ]
        let average = [0.53125, 0.712521199079693, 0.5625, 0.9423769507803121, 0.973829531812725, 1, 0.625]
        for i in RegressionScores.names.indices {
            for j in 0..<2 {
                // raw_values printed with 8 digits: agreement to 1e-8 absolute.
                #expect(abs(e.perTarget[j].values[i] - perTarget[i][j]) < 1e-8, "\(RegressionScores.names[i]) target \(j)")
            }
            #expect(close(e.average.values[i], average[i]), "\(RegressionScores.names[i]) average")
        }
    }

    @Test func constantTruthFollowsForceFinite() {
        // scikit-learn: r2_score([2,2,2], [2,2,2]) = 1.0, explained_variance_score = 1.0;
        // r2_score([2,2,2], [2,2,3]) = 0.0, explained_variance_score = 0.0;
        // explained_variance_score([2,2,2], [3,3,3]) = 1.0 (a constant residual has no variance),
        // r2_score([2,2,2], [3,3,3]) = 0.0.
        let exact = RegressionEvaluation(truth: [2, 2, 2], predicted: [2, 2, 2], targets: ["y"]).average
        #expect(exact.r2 == 1 && exact.explainedVariance == 1)
        let off = RegressionEvaluation(truth: [2, 2, 2], predicted: [2, 2, 3], targets: ["y"])
        #expect(off.average.r2 == 0 && off.average.explainedVariance == 0)
        #expect(off.notes.count == 1)
        let shifted = RegressionEvaluation(truth: [2, 2, 2], predicted: [3, 3, 3], targets: ["y"]).average
        #expect(shifted.r2 == 0 && shifted.explainedVariance == 1)
    }

    @Test func medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        #expect(RegressionScores.median([4, 1, 3, 2]) == 2.5)
        #expect(RegressionScores.median([5]) == 5)
    }
}
