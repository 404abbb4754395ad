import Testing
@testable import Shared

// Set B (3 classes) and set C (4 classes, class 3 absent), shared by several tests.
let setB = (labels: [0, 1, 2, 2, 1, 0, 1, 2, 0, 1],
            probabilities: [[0.7, 0.2, 0.1], [0.1, 0.6, 0.3], [0.2, 0.2, 0.6], [0.5, 0.1, 0.4], [0.3, 0.3, 0.4],
                            [0.4, 0.4, 0.2], [0.05, 0.9, 0.05], [0.1, 0.3, 0.6], [0.25, 0.5, 0.25], [0.6, 0.3, 0.1]])
let setC = (labels: [0, 1, 2, 0, 1, 2, 0, 1],
            probabilities: [[0.6, 0.2, 0.1, 0.1], [0.2, 0.5, 0.2, 0.1], [0.5, 0.3, 0.1, 0.1], [0.4, 0.3, 0.2, 0.1],
                            [0.1, 0.2, 0.3, 0.4], [0.3, 0.4, 0.2, 0.1], [0.25, 0.25, 0.25, 0.25], [0.1, 0.7, 0.1, 0.1]])

// Every reference below is scikit-learn's on the probabilities as nn holds and writes them,
// Float32: log_loss(y, np.float32(P).astype(np.float64)), P in float64 as given.

@Test func logLossOfProbabilitiesMatchesScikitLearn() {
    // scikit-learn 1.9.1: log_loss(yB, PB) and log_loss(yC, PC, labels=[0,1,2,3]) of the Float32
    // probabilities (of the Float64 ones: 0.7621333764414604 and 1.17308671989012).
    #expect(close(Predictions(probabilities: setB.probabilities).logLoss(labels: setB.labels), 0.7621333579450988))
    #expect(close(Predictions(probabilities: setC.probabilities).logLoss(labels: setC.labels), 1.1730867096012232))
}

@Test func probabilitiesAreHeldAsTheFloat32ThatIsWritten() {
    let p = Predictions(positiveProbabilities: [0.1, 0.49999999])
    #expect(p.probabilities == [0.9, 0.1, 0.50000001, 0.49999999].map { Float($0) })
    // 0.49999999 is the Float32 0.5: class 1 at the threshold 0.5, as scoring the written row would say.
    #expect(p.predictedClasses(threshold: 0.5) == [0, 1])
}

@Test func logLossClipsACertainMissAsScikitLearnDoes() {
    // scikit-learn 1.9.1: log_loss([1,0,1], [[1,0],[0.5,0.5],[0.2,0.8]]) = 12.319981368696716
    // = (−log 2^−52 − log 0.5 − log Float32(0.8)) / 3: the 0 is clipped to ε = 2^−52.
    let p = Predictions(probabilities: [[1, 0], [0.5, 0.5], [0.2, 0.8]])
    #expect(close(p.logLoss(labels: [1, 0, 1]), 12.319981368696716))
}

@Test func logLossFromSigmoidLogitsMatchesScikitLearnOnTheProbabilities() {
    // scikit-learn 1.9.1: z = [-2, 0.5, 3], P = np.column_stack([1/(1+exp(z)), 1/(1+exp(-z))]);
    // log_loss([1,0,1], P) = 1.0498641127961954 (1.0498641155989406 before rounding to Float32).
    var p = Predictions(output: .sigmoid, classes: 2)
    p.append(logits: Matrix([[-2], [0.5], [3]]))
    #expect(close(p.logLoss(labels: [1, 0, 1]), 1.0498641127961954))
    #expect(p.probability(0, 1) == Double(Float(0.11920292202211755)))
}

@Test func logLossFromSoftmaxLogitsMatchesScikitLearnOnTheProbabilities() {
    // scikit-learn 1.9.1: z = [[1,2,3],[0,0,0],[-1,5,2]], P = softmax(z) row-wise;
    // log_loss([2,0,1], P, labels=[0,1,2]) = 0.5190546733331088 (0.5190546722118295 before rounding).
    var p = Predictions(output: .softmax, classes: 3)
    p.append(logits: Matrix([[1, 2, 3], [0, 0, 0], [-1, 5, 2]]))
    #expect(close(p.logLoss(labels: [2, 0, 1]), 0.5190546733331088))
    // Each probability is rounded on its own: rows sum to 1 within Float32's rounding.
    for r in 0..<3 { #expect(close((0..<3).reduce(0) { $0 + p.probability(r, $1) }, 1, tolerance: 1e-7)) }
}

@Test func logLossFromLogitsIsClippedAsScikitLearnClipsTheProbabilities() {
    // scikit-learn 1.9.1, p = 1/(1+exp(-z)); log_loss clips P to [ε, 1 − ε] with
    // ε = np.finfo(float64).eps = 2^−52, so a certain miss costs −log ε = 36.04365338911715:
    //   log_loss([1,1,0,0], P([40,-40,-40,40]), labels=[0,1]) = 18.021826694558577
    //     (exact cross-entropy from the logits: (0 + 40 + 0 + 40) / 4 = 20)
    //   log_loss([1,1,0,0], P([-1e30,3,-2,0.5]), labels=[0,1]) = 9.298311423290487
    //     (9.298311433978494 before rounding P to Float32; exact: 2.5e29)
    func loss(_ z: [Float], _ y: [Int]) -> Double {
        var p = Predictions(output: .sigmoid, classes: 2)
        p.append(logits: Matrix(z.map { [$0] }))
        return p.logLoss(labels: y)
    }
    #expect(close(loss([40, -40, -40, 40], [1, 1, 0, 0]), 18.021826694558577))
    #expect(close(loss([-1e30, 3, -2, 0.5], [1, 1, 0, 0]), 9.298311423290487))
    // Softmax, scikit-learn 1.9.1: z = [[0,100,0],[1,2,3],[-1,5,2]], P = softmax(z) row-wise
    // log_loss([0,2,1], P, labels=[0,1,2]) = 12.167401716750232 (12.167401705694843 before
    // rounding P to Float32; exact: 33.486...).
    var p = Predictions(output: .softmax, classes: 3)
    p.append(logits: Matrix([[0, 100, 0], [1, 2, 3], [-1, 5, 2]]))
    #expect(close(p.logLoss(labels: [0, 2, 1]), 12.167401716750232))
    #expect(close(Predictions(probabilities: [[1, 0]]).logLoss(labels: [1]), 36.04365338911715))
}

@Test func thresholdPredictsClassOneAtOrAboveIt() {
    let p = Predictions(positiveProbabilities: [0.5, 0.49, 0.51, 0.3])
    #expect(p.predictedClasses(threshold: 0.5) == [1, 0, 1, 0])
    #expect(p.predictedClasses(threshold: 0.3) == [1, 1, 1, 1])
    #expect(p.predictedClasses(threshold: 1) == [0, 0, 0, 0])
}

@Test func mostProbableClassWinsAndTheFirstOnTies() {
    let p = Predictions(probabilities: setC.probabilities)
    // numpy's argmax, as scikit-learn's predict: [0,1,0,0,3,1,0,1]
    #expect(p.predictedClasses(threshold: 0.5) == [0, 1, 0, 0, 3, 1, 0, 1])
}
