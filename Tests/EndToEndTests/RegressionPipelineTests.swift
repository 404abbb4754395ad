// Regression in real pipes: generators and CSV targets through nn-fit and nn-eval, the
// metrics recomputed here from the stream's own test.y and test.predictions, and the bad
// inputs a regressor must refuse with usage or data errors.
import Foundation
import Testing

/// The f32 rows of section `name` in a stream's text.
func sectionRows(_ text: String, _ name: String) -> [[Double]] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let h = lines.firstIndex(where: { $0.hasPrefix("@\(name) ") }) else { return [] }
    let shape = lines[h].split(separator: " ")[2].split(separator: "x")
    let rows = Int(shape[0])!
    return lines[(h + 1)...(h + rows)].map { $0.split(separator: " ").map { Double($0)! } }
}

/// Runs `script`; expects `status`, one stderr line holding `fragment`, and no `@end`.
private func expectRegressionFailure(_ script: String, status: Int32, _ fragment: String, stdin: Data? = nil,
                                     sourceLocation: SourceLocation = #_sourceLocation) throws {
    let r = try run(script, stdin: stdin)
    #expect(r.status == status, "\(script): \(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.contains(fragment), "\(script): \(r.stderr)", sourceLocation: sourceLocation)
    #expect(!r.text.contains("@end"), sourceLocation: sourceLocation)
}

struct RegressionPipelineTests {
    @Test func linearRegressionFitsANoiselessLinearProblem() throws {
        let r = try run("nn-data regression --samples 200 --features 5 --informative 3 | nn-fit | nn-eval --json")
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: r.stdout) as! [String: [String: Any]]
        #expect((json["test"]!["r2"] as! Double) > 0.9999)
        #expect((json["test"]!["per_target"] as! [String: Any]).keys.sorted() == ["y"])
    }

    @Test func streamMetricsAgreeWithTheStreamsOwnPredictions() throws {
        let r = try run("nn-data friedman1 --samples 300 --noise 1 | nn-data standardize --target | nn-fit --hidden 8 --activation tanh --adam --lr 0.01 --epochs 30 --batch-size 32 | nn-eval")
        #expect(r.status == 0, "\(r.stderr)")
        let text = r.text
        #expect(text.contains("@test.predictions f32 60x1 task=regression columns=y"))
        // Predictions are in the original units: test.y is standardised in the stream, so undo it here.
        let mean = sectionRows(text, "target.mean")[0][0], std = sectionRows(text, "target.std")[0][0]
        let y = sectionRows(text, "test.y").map { $0[0] * std + mean }
        let p = sectionRows(text, "test.predictions").map { $0[0] }
        let n = Double(y.count)
        let mse = zip(y, p).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / n
        let ybar = y.reduce(0, +) / n
        let r2 = 1 - mse * n / y.reduce(0) { $0 + ($1 - ybar) * ($1 - ybar) }
        let metrics = sectionRows(text, "metrics")
        #expect(text.contains("@metrics f32 2x7 task=regression rows=train,test columns=mse,rmse,mae,r2,explained_variance,max_error,median_absolute_error targets=y"))
        // Float32 rounding of y·std + mean and of the written values: agreement to 1e-4 relative.
        #expect(abs(metrics[1][0] - mse) < 1e-4 * mse && abs(metrics[1][3] - r2) < 1e-4, "\(metrics[1]) vs mse \(mse) r2 \(r2)")
        #expect(r2 > 0.6)
    }

    @Test func severalTargetsGiveScoresPerTarget() throws {
        let r = try run("nn-data regression --samples 120 --features 4 --targets 3 --noise 1 | nn-fit --loss huber --huber-delta 2 | nn-eval")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text.contains("@test.per_target f32 3x7 rows=y1,y2,y3 columns=mse,"))
        #expect(r.text.contains("@model f32 0x0 layers=4,3 activations=identity output=identity targets=y1,y2,y3"))
        #expect(r.text.contains(" loss=huber huber_delta=2"))
    }

    @Test func csvTargetColumnsTrainARegressor() throws {
        var csv = "a,price,b\n"
        for i in 0..<40 { csv += "\(i),\(3 * i + 1),\(i % 7)\n" }
        let r = try run("nn-data csv - --target price | nn-data standardize | nn-fit | nn-eval --json", stdin: Data(csv.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: r.stdout) as! [String: [String: Any]]
        #expect((json["test"]!["r2"] as! Double) > 0.999)
    }

    @Test func badRegressionInputsAreRefused() throws {
        let csv = Data("a,b,price\n1,2,3\n4,5,x\n".utf8)
        try expectRegressionFailure("nn-data csv - --target price --label a", status: 64, "--target and --label exclude each other", stdin: csv)
        try expectRegressionFailure("nn-data csv - --target price", status: 65, "line 3, column 3: expected a number ('price'), found 'x'", stdin: csv)
        try expectRegressionFailure("nn-data csv - --target cost", status: 64, "--target cost: no such column", stdin: csv)
        try expectRegressionFailure("nn-data csv - --target price", status: 65, "found 'NaN'", stdin: Data("a,price\n1,NaN\n".utf8))
        try expectRegressionFailure("nn-data friedman1 --stratify", status: 64, "--stratify")
        try expectRegressionFailure("nn-data sine | nn-fit --epochs 2 | nn-eval --threshold 0.3", status: 64, "--threshold applies to a classifier")
        try expectRegressionFailure("nn-data circles | nn-fit --loss mae", status: 64, "--loss mae is a regression loss")
        try expectRegressionFailure("nn-data sine | nn-fit --huber-delta 2", status: 64, "--huber-delta applies to --loss huber only")
    }

    @Test func regressionPlotsNameTheirScores() throws {
        let stream = try run("nn-data sine --samples 100 | nn-fit --hidden 4 --activation tanh --iterations 500 | nn-eval")
        var text = ""
        for kind in ["parity", "fit", "residuals", "loss"] {
            let r = try run("nn-plot \(kind) --script", stdin: stream.stdout)
            #expect(r.status == 0, "\(kind): \(r.stderr)")
            text += r.text
        }
        #expect(text.contains("Predicted against true on the test set: R² "))
        #expect(text.contains("fitted curve") && text.contains("zero residual"))
        #expect(text.contains("loss (mean squared error)") && !text.contains("cross-entropy"))
        let two = try run("nn-data regression --features 2 | nn-fit | nn-plot fit --script")
        #expect(two.status == 65 && two.stderr.contains("fit draws a regressor of one feature"))
    }

    @Test func regressorTrainingIsDeterministicSavedContinuedAndChecked() throws {
        let data = "nn-data regression --samples 200 --features 6 --targets 2 --noise 5 | nn-data standardize --target"
        let fit = "nn-fit --hidden 8,4 --activation relu --adam --batch-size 16 --epochs 5 --dropout 0.1 --loss huber"
        let one = try run("\(data) | \(fit) --threads 1"), two = try run("\(data) | \(fit) --threads 2")
        #expect(one.status == 0 && linesWithoutComments(one) == linesWithoutComments(two))
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = shellQuoted(dir.appendingPathComponent("r.nn").path)
        let saved = try run("\(data) | \(fit) --save \(file) | nn-eval --json")
        let again = try run("\(data) | nn-eval --model \(file) --json")
        #expect(saved.status == 0 && again.status == 0 && saved.text == again.text, "\(again.stderr)")
        let more = try run("\(data) | nn-fit --continue --model \(file) --adam --batch-size 16 --epochs 2 --loss huber")
        #expect(more.status == 0, "\(more.stderr)")
        #expect(more.text.contains(" previous_steps=50") && more.text.contains("model.target.mean"))
        for loss in ["mse", "mae", "huber"] {
            let check = try run("\(data) | nn-fit --hidden 3 --activation tanh --loss \(loss) --check-gradients")
            #expect(check.status == 0 && check.text.contains("ok: every error is within the tolerance"), "\(loss): \(check.text)")
        }
    }

    @Test func progressLineNamesTheLossAndRMSE() throws {
        let fit = "nn-data sine --samples 100 | nn-fit --hidden 4 --activation tanh --epochs 50 --validation 0.2"
        let terminal = try run("script -qec \(shellQuoted(fit + " > /dev/null")) /dev/null")
        #expect(terminal.text.contains(" mse=") && terminal.text.contains(" rmse=") && terminal.text.contains(" val_rmse="), "\(terminal.text)")
    }

    @Test func predictionsForNewRowsAreTheModelsValues() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = shellQuoted(dir.appendingPathComponent("lin.nn").path)
        let fit = try run("nn-data regression --samples 100 --features 3 --targets 2 --noise 1 | nn-fit --save \(file) > /dev/null")
        #expect(fit.status == 0, "\(fit.stderr)")
        let model = try String(contentsOfFile: dir.appendingPathComponent("lin.nn").path, encoding: .utf8)
        let w = sectionRows(model, "model.layer1.weight"), b = sectionRows(model, "model.layer1.bias")[0]
        let csv = Data("x1,x2,x3\n0.5,-1,2\n0,0.25,-3\n".utf8)
        let rows: [[Double]] = [[0.5, -1, 2], [0, 0.25, -3]]
        let out = try run("nn-data csv - --no-label | nn-eval --model \(file) --predictions csv", stdin: csv)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.lines.first == "row,y1,y2")
        for (r, x) in rows.enumerated() {
            let values = out.lines[r + 1].split(separator: ",").dropFirst().map { Double($0)! }
            for j in 0..<2 {
                // The linear model written out: y_j = Σ_i w[j][i] x_i + b_j, in Float64 here.
                let expected = zip(w[j], x).reduce(b[j]) { $0 + $1.0 * $1.1 }
                #expect(abs(values[j] - expected) < 1e-4 * max(1, abs(expected)), "row \(r) target \(j): \(values[j]) vs \(expected)")
            }
        }
        let jsonl = try run("nn-data csv - --no-label | nn-eval --model \(file) --predictions jsonl", stdin: csv)
        #expect(jsonl.lines.first?.hasPrefix("{\"row\":0,\"predicted\":{\"y1\":") == true)
    }

    @Test func predictPyGivesTheRegressorsValues() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = shellQuoted(dir.appendingPathComponent("f.nn").path)
        let script = shellQuoted(packageRoot.appendingPathComponent("examples/predict.py").path)
        let fit = try run("nn-data friedman1 --samples 200 --noise 1 | nn-data standardize --target | nn-fit --hidden 4 --activation tanh --save \(file) > /dev/null")
        #expect(fit.status == 0, "\(fit.stderr)")
        let rows = "nn-data friedman1 --samples 20 --seed 9 --test-size 1"
        let ours = try run("\(rows) | nn-eval --model \(file) --predictions csv 2>/dev/null")
        let theirs = try run("\(rows) | python3 \(script) \(file)")
        #expect(theirs.status == 0, "\(theirs.stderr)")
        #expect(ours.lines.first == "row,y" && theirs.lines.first == "row,y")
        let a = ours.lines.dropFirst().filter { !$0.isEmpty }.map { Double($0.split(separator: ",")[1])! }
        let b = theirs.lines.dropFirst().filter { !$0.isEmpty }.map { Double($0.split(separator: ",")[1])! }
        #expect(a.count == 20 && b.count == 20)
        for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-5 * max(1, abs(y)), "\(x) vs \(y)") }
    }

    @Test func fuzzFindingAShortRowUnderAWideHeaderIsBadDataNotABudgetRefusal() throws {
        // fuzz-stream, out-of-memory (malloc of 110 MB): the buffer grew by a header's 27483648
        // columns for a row of two values, before the row was parsed.
        // nn-plot reads the section whole (StreamReader.read); before the fix this was exit 69.
        let stream = Data("nn-stream 1\n@loss f32 1x27483648\n1 2\n@end\n".utf8)
        let r = try run("NN_MEMORY_LIMIT=50M nn-plot loss", stdin: stream)
        #expect(r.status == 65 && r.stderr.contains("line 3") && !r.stderr.contains("NN_MEMORY_LIMIT"), "\(r.stderr)")
    }
}
