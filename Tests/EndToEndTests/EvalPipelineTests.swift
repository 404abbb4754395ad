// nn-eval in real pipes: the stream it passes on, the report, --json, --scores, --model.
import Foundation
import Testing

/// A logistic model p = σ(4·x2 − 2) with train and test data, written by hand.
/// Test rows, worked by hand: x2 = 0.2 → z = −1.2, p = 0.23 → predicts 0 (true 0);
/// x2 = 0.9 → z = 1.6, p = 0.83 → 1 (true 1); x2 = 0.5 → z = 0, p = ½ ≥ 0.5 → 1 (true 0).
/// Confusion [[1, 1], [0, 1]]: accuracy 2/3, precision 1/2, recall 1, F1 2/3; the one
/// positive outranks both negatives, so AUC = 1; log loss = (softplus(−1.2) + softplus(−1.6) + softplus(0)) / 3.
let logisticStream = """
nn-stream 1
# written by hand
@train.x f32 4x2
0 0
1 0
0 1
1 1
@train.y i32 4x1 classes=dress,coat
0
0
1
1
@test.x f32 3x2
0 0.2
1 0.9
0.5 0.5
@test.y i32 3x1 classes=dress,coat
0
1
0
@model f32 0x0 layers=2,1 activations=identity output=sigmoid classes=dress,coat
@model.layer1.weight f32 1x2
0 4
@model.layer1.bias f32 1x1
-2
@end

"""

func softplus(_ t: Double) -> Double { log(1 + exp(t)) }

@Test func pipedOutputIsTheStreamWithScoresAppended() throws {
    let files = ["s.nn": logisticStream]
    let r = try EvalPipe.run("nn-eval < s.nn | cat", files: files)
    #expect(r.status == 0)
    #expect(r.stderr == "")
    let upstream = String(logisticStream.dropLast("@end\n".count))
    #expect(r.text.hasPrefix(upstream + "# nn-eval "))
    let headers = r.text.split(separator: "\n").filter { $0.hasPrefix("@") }.suffix(6).map { String($0.split(separator: " ")[0]) }
    #expect(headers == ["@test.predictions", "@metrics", "@train.confusion", "@test.confusion", "@test.roc", "@end"])
    #expect(r.text.contains("@test.confusion i32 2x2 classes=dress,coat\n1 1\n0 1\n"))
    #expect(r.text.contains("@metrics f32 2x6 rows=train,test columns=accuracy,precision,recall,f1,auc,log_loss classes=dress,coat positive=coat threshold=0.5\n"))
}

@Test func jsonHasTheDocumentedKeysAndHandWorkedValues() throws {
    let files = ["s.nn": logisticStream]
    let r = try EvalPipe.run("nn-eval --json < s.nn", files: files)
    #expect(r.status == 0)
    let doc = try #require(EvalPipe.json(r.text))
    #expect(Set(doc.keys) == ["train", "test"])
    let test = try #require(doc["test"] as? [String: Any])
    for key in ["accuracy", "precision", "recall", "f1", "confusion", "auc", "log_loss"] { #expect(test[key] != nil, "missing \(key)") }
    #expect(abs((test["accuracy"] as? Double ?? 0) - 2.0 / 3) < 1e-12)
    #expect(test["precision"] as? Double == 0.5)
    #expect(test["recall"] as? Double == 1)
    #expect(test["auc"] as? Double == 1)
    #expect(test["confusion"] as? [[Int]] == [[1, 1], [0, 1]])
    // Float32 logits, Float64 loss: agree with the exact value to about 1e-7.
    let logLoss = (softplus(-1.2) + softplus(-1.6) + softplus(0)) / 3
    #expect(abs((test["log_loss"] as? Double ?? 0) - logLoss) < 1e-6)
}

@Test func aTerminalGetsTheReportAndReportForcesItIntoAPipe() throws {
    let files = ["s.nn": logisticStream]
    let tty = try EvalPipe.run("script -qec 'nn-eval < s.nn' /dev/null", files: files)
    #expect(tty.status == 0)
    #expect(!tty.text.contains("nn-stream"))
    #expect(tty.text.contains("positive class 'coat', threshold 0.5"))
    let piped = try EvalPipe.run("nn-eval --report < s.nn | cat", files: files)
    #expect(piped.text.hasPrefix("nn-eval: scored model 2-1 (logistic regression) from the stream\n"))
    #expect(piped.text.contains("accuracy   1.0000  0.6667\n"))
    #expect(piped.text.contains("train confusion  dress  coat    test confusion  dress  coat\n"))
}

@Test func thresholdMovesTheDecision() throws {
    // At T = 0.6 the test row with p = ½ is predicted dress: every test row is right.
    let files = ["s.nn": logisticStream]
    let r = try EvalPipe.run("nn-eval --json --threshold 0.6 < s.nn", files: files)
    let test = try #require(EvalPipe.json(r.text)?["test"] as? [String: Any])
    #expect(test["accuracy"] as? Double == 1)
    #expect(test["threshold"] as? Double == 0.6)
}

// Set A with -1/1 labels; scikit-learn 1.9.1 on yA (−1 → 0) and pA:
// roc_auc_score = 0.6944444444444444, log_loss(yA, column_stack([1-pA, pA])) = 0.6072803881676258,
// accuracy_score(yA, pA >= 0.5) = 0.5833333333333334, f1_score = 0.5454545454545454.
let setAScores = """
-1 0.1
-1 0.4
1 0.35
1 0.8
-1 0.4
1 0.4
-1 0.65
1 0.9
1 0.2
-1 0.05
1 0.7
-1 0.55

"""

@Test func scoresFileOfLabelScoreLinesMatchesScikitLearn() throws {
    let files = ["a.txt": setAScores]
    let r = try EvalPipe.run("nn-eval --scores a.txt --json", files: files)
    #expect(r.status == 0)
    let test = try #require(EvalPipe.json(r.text)?["test"] as? [String: Any])
    #expect(abs((test["auc"] as? Double ?? 0) - 0.6944444444444444) < 1e-12)
    // log_loss of the Float32 probabilities nn writes (EvaluationTests).
    #expect(abs((test["log_loss"] as? Double ?? 0) - 0.6072803897455059) < 1e-12)
    #expect(abs((test["accuracy"] as? Double ?? 0) - 0.5833333333333334) < 1e-12)
    #expect(abs((test["f1"] as? Double ?? 0) - 0.5454545454545454) < 1e-12)
    #expect(test["classes"] as? [String] == ["-1", "1"])
}

@Test func logLossOfMarginsIsClippedAsScikitLearnClipsIt() throws {
    // scikit-learn 1.9.1, P = [1/(1+exp(z)), 1/(1+exp(-z))] as nn writes them (Float32),
    // clipped to [2^−52, 1 − 2^−52] by log_loss:
    //   log_loss([1,1,0,0], P([40,-40,-40,40]), labels=[0,1]) = 18.021826694558577
    //   log_loss([1,1,0,0], P([-1e30,3,-2,0.5]), labels=[0,1]) = 9.298311423290487
    //     (9.298311433978494 on the Float64 P)
    // (unclipped cross-entropy from the margins: 20 and 2.5e29).
    for (lines, expected) in [("1 40\n1 -40\n0 -40\n0 40\n", 18.021826694558577), ("1 -1e30\n1 3\n0 -2\n0 0.5\n", 9.298311423290487)] {
        let r = try EvalPipe.run("nn-eval --scores s.txt --logits --json", files: ["s.txt": lines])
        #expect(r.status == 0, "\(r.stderr)")
        let test = try #require(EvalPipe.json(r.text)?["test"] as? [String: Any])
        let logLoss = try #require(test["log_loss"] as? Double)
        #expect(abs(logLoss - expected) < 1e-12 * expected, "\(lines): \(logLoss)")
    }
}

/// p = σ(x): Float32 rounding of what nn-eval writes moves row 1 across the threshold
/// (0.499999999 → 0.5) and makes rows 2 and 3 one score (0.7310586); see StreamScoringTests.
let roundingModel = "nn-stream 1\n@model f32 0x0 layers=1,1 activations=identity output=sigmoid classes=no,yes\n@model.layer1.weight f32 1x1\n1\n@model.layer1.bias f32 1x1\n0\n@end\n"
let roundingStream = "nn-stream 1\n@test.x f32 4x1\n-4e-9\n1\n1.0000001\n-3\n@test.y i32 4x1 classes=no,yes\n0\n1\n0\n0\n@end\n"

@Test func scoringTheStreamNnEvalWroteAgainGivesTheSameJSON() throws {
    let files = ["m.nn": roundingModel, "data.nn": roundingStream, "s.txt": "0 0.49999999\n1 0.73105857\n0 0.73105858\n0 0.2\n"]
    // A model's predictions (the stream written with --model holds no model, so the second
    // nn-eval scores the test.predictions the first one wrote), and scores made elsewhere.
    for source in ["--model m.nn < data.nn", "--scores s.txt"] {
        let direct = try EvalPipe.run("nn-eval \(source) --json", files: files)
        let again = try EvalPipe.run("nn-eval \(source) | nn-eval --json", files: files)
        #expect(direct.status == 0 && again.status == 0, "\(direct.stderr) \(again.stderr)")
        #expect(again.text == direct.text)
        let test = try #require(EvalPipe.json(direct.text)?["test"] as? [String: Any])
        #expect(test["confusion"] as? [[Int]] == [[1, 2], [0, 1]], "\(source)")
    }
    let roc = try EvalPipe.run("nn-eval --scores s.txt | grep -A9 '^@test.roc'", files: files)
    #expect(roc.text == "@test.roc f32 3x2 columns=fpr,tpr auc=0.8333333333333334\n0 0\n0.33333334 1\n1 1\n@end\n")
}

@Test func scoresIntoAPipeMakeAStreamForPlots() throws {
    let files = ["a.txt": setAScores]
    let r = try EvalPipe.run("cat a.txt | nn-eval --scores - | cat", files: files)
    #expect(r.status == 0)
    #expect(r.text.hasPrefix("nn-stream 1\n# nn-eval "))
    #expect(r.text.contains("@test.y i32 12x1 classes=-1,1\n0\n0\n1\n"))
    #expect(r.text.contains("@test.roc f32 7x2 columns=fpr,tpr auc="))
    #expect(r.text.hasSuffix("@end\n"))
}

/// A 2-2-1 ReLU net with a standardisation, saved alone as nn-fit --save would write it:
/// z = relu(x1') − relu(x2'), x' = (x − 1) / 2. Worked by hand on the data below:
/// (5, 1) → (2, 0) → z = 2 → 1; (1, 3) → (0, 1) → z = −1 → 0; (−1, −1) → (−1, −1) → z = 0, p = ½ → 1.
let savedModel = """
nn-stream 1
# nn-fit 0.1.0: nn-fit --hidden 2 --save m.nn
@model f32 0x0 layers=2,2,1 activations=relu,identity output=sigmoid classes=no,yes seed=1
@model.layer1.weight f32 2x2
1 0
0 1
@model.layer1.bias f32 1x2
0 0
@model.layer2.weight f32 1x2
1 -1
@model.layer2.bias f32 1x1
0
@model.standardize.mean f32 1x2
1 1
@model.standardize.std f32 1x2
2 2
@end

"""

let testOnlyData = "nn-stream 1\n@test.x f32 3x2\n5 1\n1 3\n-1 -1\n@test.y i32 3x1 classes=no,yes\n1\n0\n0\n@end\n"

@Test func modelFromAFileScoresTestOnlyDataOnStdin() throws {
    let files = ["m.nn": savedModel, "new.nn": testOnlyData]
    let r = try EvalPipe.run("cat new.nn | nn-eval --model m.nn --json", files: files)
    #expect(r.status == 0)
    let doc = try #require(EvalPipe.json(r.text))
    #expect(Set(doc.keys) == ["test"])
    let test = try #require(doc["test"] as? [String: Any])
    #expect(test["confusion"] as? [[Int]] == [[1, 1], [0, 1]])
    let piped = try EvalPipe.run("cat new.nn | nn-eval --model m.nn | cat", files: files)
    // P(yes) per row: σ(2), σ(−1), ½ as Float32 (shortest round-trip text).
    #expect(piped.text.contains("@test.predictions f32 3x2 classes=no,yes\n0.11920292 0.8807971\n0.7310586 0.26894143\n0.5 0.5\n"))
}

/// Three classes, a softmax over the one-hot input: logits = 2·x.
let threeClassStream = """
nn-stream 1
@test.x f32 4x3
1 0 0
0 1 0
0 0 1
0 1 0
@test.y i32 4x1 classes=cat,dog,bird
0
1
2
0
@model f32 0x0 layers=3,3 activations=identity output=softmax classes=cat,dog,bird
@model.layer1.weight f32 3x3
2 0 0
0 2 0
0 0 2
@model.layer1.bias f32 1x3
0 0 0
@end

"""

@Test func moreClassesGivePerClassScoresByName() throws {
    // Predicted [cat, dog, bird, dog] against [cat, dog, bird, cat]: cat P 1 R ½, dog P ½ R 1, bird P 1 R 1.
    let files = ["k3.nn": threeClassStream]
    let r = try EvalPipe.run("nn-eval --json < k3.nn", files: files)
    let test = try #require(EvalPipe.json(r.text)?["test"] as? [String: Any])
    let perClass = try #require(test["per_class"] as? [String: [String: Any]])
    #expect(perClass["cat"]?["recall"] as? Double == 0.5)
    #expect(perClass["dog"]?["precision"] as? Double == 0.5)
    #expect(perClass["bird"]?["f1"] as? Double == 1)
    #expect(test["confusion"] as? [[Int]] == [[1, 1, 0], [0, 1, 0], [0, 0, 1]])
    let piped = try EvalPipe.run("nn-eval < k3.nn | cat", files: files)
    #expect(piped.text.contains("@test.per_class f32 3x4 columns=precision,recall,f1,support classes=cat,dog,bird\n1 0.5 0.6666667 2\n"))
    #expect(piped.text.contains("average=macro"))
}

@Test func realNnDataStreamWithTestSizeOneIsScoredWithAModelFile() throws {
    // A 2-4-1 ReLU net, z = 11 − 10·(|x1| + |x2|), with nn-data's class names for circles.
    let model = """
    nn-stream 1
    @model f32 0x0 layers=2,4,1 activations=relu,identity output=sigmoid classes=0,1
    @model.layer1.weight f32 4x2
    1 0
    -1 0
    0 1
    0 -1
    @model.layer1.bias f32 1x4
    0 0 0 0
    @model.layer2.weight f32 1x4
    -10 -10 -10 -10
    @model.layer2.bias f32 1x1
    11
    @end

    """
    let r = try EvalPipe.run("nn-data circles --samples 50 --test-size 1 | nn-eval --model m.nn --json", files: ["m.nn": model])
    #expect(r.status == 0, "\(r.stderr)")
    let doc = try #require(EvalPipe.json(r.text))
    #expect(Set(doc.keys) == ["test"])
    #expect((doc["test"] as? [String: Any])?["samples"] as? Int == 50)
}
