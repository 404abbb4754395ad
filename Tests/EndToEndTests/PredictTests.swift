// Using a model on new data, as a user does: features-only CSV rows and Fashion-MNIST
// images predicted with a saved model (nn-eval --predictions), the model's input schema,
// bad models and mismatched columns, and examples/predict.py giving nn's probabilities.
import Foundation
import Testing

private let fashionInstalled = FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")

/// Three well-separated clusters in 3-d, one per class (centres 0, 4, 8 on every axis, spread
/// ±0.5 by a fixed pattern), with class names that need quoting in a CSV.
private let kinds = ["Ankle boot", "a, \"b\"", "c"]

private func clusterCSV(rows: Int, label: Bool, offset: Int = 0) -> String {
    var text = "width,height,depth" + (label ? ",kind\n" : "\n")
    for i in 0..<rows {
        let k = (i + offset) % 3
        let jitter = (0..<3).map { Double(((i + offset) * 7 + $0 * 3) % 11) / 10 - 0.5 }
        text += jitter.map { "\(Double(4 * k) + $0)" }.joined(separator: ",")
        if label { text += ",\"" + kinds[k].replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        text += "\n"
    }
    return text
}

/// The class each row of `clusterCSV` came from.
private func clusterClass(_ i: Int, offset: Int = 0) -> String { kinds[(i + offset) % 3] }

private let files = ["train.csv": clusterCSV(rows: 60, label: true), "new.csv": clusterCSV(rows: 7, label: false, offset: 1)]
private let train = "nn-data csv train.csv --label kind | nn-data standardize | nn-fit --hidden 4 --epochs 300 --save m.nn > /dev/null"

/// RFC 4180 records (quoted fields with doubled quotes; no newlines inside fields here).
private func csvRows(_ text: String) -> [[String]] {
    text.split(separator: "\n").map { line in
        var fields: [String] = [], field = "", quoted = false, previous: Character = " "
        for ch in line {
            if ch == "\"" {
                if quoted { quoted = false } else { quoted = true; if previous == "\"" { field.append("\"") } }
            } else if ch == "," && !quoted {
                fields.append(field); field = ""
            } else { field.append(ch) }
            previous = ch
        }
        return fields + [field]
    }
}

/// A python3 with NumPy: Debian's (scripts/test installs python3-numpy), else the one on PATH.
private let python: String = {
    for p in ["/usr/bin/python3", "python3"] {
        if let r = try? run("\(p) -c 'import numpy'"), r.status == 0 { return p }
    }
    return "/usr/bin/python3"
}()
private let predictScript = shellQuoted(packageRoot.appendingPathComponent("examples/predict.py").path)

@Test func aFeaturesOnlyCSVIsPredictedRowByRowWithClassNamesQuoted() throws {
    let r = try EvalPipe.run("\(train) && nn-data csv new.csv --no-label | nn-eval --model m.nn --predictions csv", files: files)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr == "")
    let rows = csvRows(r.text)
    #expect(rows[0] == ["row", "predicted"] + kinds)
    #expect(r.text.hasPrefix("row,predicted,Ankle boot,\"a, \"\"b\"\"\",c\n"))
    #expect(rows.count == 8)
    for (i, row) in rows.dropFirst().enumerated() {
        #expect(row[0] == "\(i)")
        // The clusters are 4 apart with a spread of ±0.5: every row goes to its own.
        #expect(row[1] == clusterClass(i, offset: 1))
        let p = row.dropFirst(2).map { Double($0)! }
        #expect(abs(p.reduce(0, +) - 1) < 1e-5)
        #expect(kinds[p.indices.max { p[$0] < p[$1] }!] == row[1])
    }
}

@Test func jsonLinesCarryTheSamePredictions() throws {
    let r = try EvalPipe.run("\(train) && nn-data csv new.csv --no-label | nn-eval --model m.nn --predictions jsonl", files: files)
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.text.split(separator: "\n")
    #expect(lines.count == 7)
    for (i, line) in lines.enumerated() {
        let doc = try #require(EvalPipe.json(String(line)))
        #expect(doc["row"] as? Int == i)
        #expect(doc["predicted"] as? String == clusterClass(i, offset: 1))
        #expect(Set((doc["probabilities"] as? [String: Double] ?? [:]).keys) == Set(kinds))
    }
}

@Test func aTerminalGetsATableAndAPipeTheStream() throws {
    let tty = try EvalPipe.run("\(train) && nn-data csv new.csv --no-label > new.nn && script -qec 'nn-eval --model m.nn < new.nn' /dev/null", files: files)
    #expect(tty.status == 0, "\(tty.stderr)")
    #expect(tty.text.contains("7 rows of test.x without labels:"))
    #expect(tty.text.contains("predicted class  rows"))
    // Rows 0..6 come from classes 1, 2, 0, 1, 2, 0, 1.
    #expect(tty.text.contains("a, \"b\"           3"))
    let piped = try EvalPipe.run("\(train) && nn-data csv new.csv --no-label | nn-eval --model m.nn | grep '^@'", files: files)
    #expect(piped.lines.contains("@test.predictions f32 7x3 classes=Ankle%20boot,a%252C%20\"b\",c"))
    #expect(!piped.text.contains("@metrics"))
}

@Test func withLabelsTheScoresGoToStderrAndOneRowOrOneClassWork() throws {
    let labelled = ["train.csv": files["train.csv"]!, "one.csv": "width,height,depth,kind\n8,8,8,c\n",
                    "same.csv": "width,height,depth,kind\n0,0,0,Ankle boot\n0.5,0,0.5,Ankle boot\n"]
    for file in ["one.csv", "same.csv"] {
        let r = try EvalPipe.run("\(train) && nn-data csv \(file) --label kind --test-size 1 | nn-eval --model m.nn --predictions csv", files: labelled)
        #expect(r.status == 0, "\(file): \(r.stderr)")
        #expect(r.text.hasPrefix("row,predicted,"))
        let accuracy = r.stderr.split(separator: "\n").first { $0.hasPrefix("accuracy ") }
        #expect(accuracy?.hasSuffix(" 1.0000") == true, "\(r.stderr)")
    }
}

@Test func columnsInAnotherOrderAreRefusedWithNothingOnStdout() throws {
    let swapped = ["train.csv": files["train.csv"]!, "new.csv": "width,depth,height\n1,2,3\n"]
    let r = try EvalPipe.run("\(train) && nn-data csv new.csv --no-label | nn-eval --model m.nn --predictions csv", files: swapped)
    #expect(r.status == 65)
    #expect(r.text == "")
    #expect(r.stderr == "nn-eval: error: line 3: test.x does not match the model's input: column 1 is 'depth' where the model expects 'height' (its columns: width,height,depth)\n")
}

@Test func rowsWithoutNamesAreCheckedByCountWithANote() throws {
    let unnamed = ["train.csv": files["train.csv"]!, "new.csv": "1,2,3\n4,5,6\n"]
    let r = try EvalPipe.run("\(train) && nn-data csv new.csv --no-label --no-header | nn-eval --model m.nn --predictions csv", files: unnamed)
    #expect(r.status == 0)
    #expect(r.stderr == "nn-eval: note: test.x has no column names (columns=); checked by count only: 3 columns, as the model's\n")
    #expect(r.text.split(separator: "\n").count == 3)
}

@Test func aFeaturesOnlyFileIsNeverGivenALabel() throws {
    // Read as labelled data, its last feature would be taken for a label.
    let r = try EvalPipe.run("nn-data csv new.csv", files: files)
    #expect(r.status == 65)
    #expect(r.stderr.hasPrefix("nn-data: error: line 2, column 3: the label defaults to the last column ('depth'), which holds "))
    #expect(r.stderr.hasSuffix("name the label column with --label, take numeric targets (regression) with --target, or read rows without labels with --no-label\n"))
    let missing = try EvalPipe.run("nn-data csv new.csv --label kind", files: files)
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("--label kind: no such column: the columns are width, height, depth"))
    let both = try EvalPipe.run("nn-data csv new.csv --no-label --test-size 0.5", files: files)
    #expect(both.status == 64)
}

@Test func badModelsAndOptionsGiveOneLineAndTheRightStatus() throws {
    let cases: [(String, Int32, String)] = [
        ("echo hello > bad.nn; nn-data csv new.csv --no-label | nn-eval --model bad.nn --predictions csv", 65, "bad.nn: line 1: not an nn-stream"),
        ("head -c 200 m.nn > cut.nn; nn-data csv new.csv --no-label | nn-eval --model cut.nn --predictions csv", 65, "cut.nn: line"),
        ("nn-data csv new.csv --no-label | nn-eval --model none.nn --predictions csv", 66, "none.nn"),
        ("nn-data csv new.csv --no-label | nn-eval --model m.nn --predictions xml", 64, "'xml' is invalid for '--predictions <format>'"),
        ("nn-data csv new.csv --no-label | nn-eval --model m.nn --json", 65, "no labels to score"),
        ("printf 'width,height,depth,kind\\n1,1,1,other\\n' | nn-data csv - --label kind | nn-eval --model m.nn --predictions csv", 65,
         "test.y names 1 classes (other) but the model has 3 (Ankle boot, a, \"b\", c): 'other' is not one of them"),
    ]
    for (script, status, fragment) in cases {
        let r = try EvalPipe.run("\(train) && \(script)", files: files)
        #expect(r.status == status, "\(script): \(r.stderr)")
        #expect(r.text == "", "\(script)")
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stderr.hasPrefix("nn-eval: error: "), "\(script): \(r.stderr)")
        #expect(r.stderr.contains(fragment), "\(script): \(r.stderr)")
    }
}

/// Compares two prediction CSVs: same header and classes, probabilities within `tolerance`.
private func expectSamePredictions(_ a: String, _ b: String, tolerance: Double = 1e-6, sourceLocation: SourceLocation = #_sourceLocation) {
    let (x, y) = (csvRows(a), csvRows(b))
    #expect(x.count == y.count && x.count > 1, sourceLocation: sourceLocation)
    #expect(x.first == y.first, sourceLocation: sourceLocation)
    var worst = 0.0
    for (r, s) in zip(x.dropFirst(), y.dropFirst()) {
        #expect(r.prefix(2) == s.prefix(2), sourceLocation: sourceLocation)
        for (u, v) in zip(r.dropFirst(2), s.dropFirst(2)) { worst = max(worst, abs(Double(u)! - Double(v)!)) }
    }
    #expect(worst <= tolerance, "largest difference \(worst)", sourceLocation: sourceLocation)
}

@Test func predictPyGivesNnsProbabilitiesForAStandardisedCSVModel() throws {
    let r = try EvalPipe.run("\(train) && nn-data csv new.csv --no-label > new.nn && nn-eval --model m.nn --predictions csv < new.nn > nn.csv && \(python) \(predictScript) m.nn new.nn > py.csv && cat nn.csv && echo --- && cat py.csv", files: files)
    #expect(r.status == 0, "\(r.stderr)")
    let parts = r.text.components(separatedBy: "---\n")
    expectSamePredictions(parts[0], parts[1])
}

@Test(.enabled(if: fashionInstalled))
func fashionMNISTImagesArePredictedAsPredictPyPredictsThem() throws {
    let fit = "nn-data mnist --classes dress,coat --limit-train 1000 | nn-fit --hidden 16 --epochs 3 --batch-size 32 --save coat.nn > /dev/null"
    let predict = "nn-data mnist --no-label --classes dress,coat --limit-test 300 > new.nn && nn-eval --model coat.nn --predictions csv < new.nn > nn.csv"
    let r = try EvalPipe.run("\(fit) && \(predict) && \(python) \(predictScript) coat.nn < new.nn > py.csv && grep -c . nn.csv && cat nn.csv && echo --- && cat py.csv")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.lines[0] == "301")
    let parts = r.text.components(separatedBy: "---\n")
    expectSamePredictions(String(parts[0].drop { $0 != "\n" }.dropFirst()), parts[1])
    #expect(try EvalPipe.run("\(fit) && grep -c 'input_image=28x28' coat.nn").text == "1\n")
    // Ten-class labelled images are refused by the two-class model, naming a class it lacks.
    let ten = try EvalPipe.run("\(fit) && nn-data mnist --limit-train 0 --limit-test 20 | nn-eval --model coat.nn --predictions csv")
    #expect(ten.status == 65)
    #expect(ten.stderr.contains("test.y names 10 classes"), "\(ten.stderr)")
}

@Test func predictPyGivesNnsProbabilitiesForAReluSoftmaxNetwork() throws {
    let fit = "nn-data blobs --samples 300 --centers 4 --features 5 | nn-fit --hidden 8,6 --activation relu --epochs 50 --save b.nn > /dev/null"
    let r = try EvalPipe.run("\(fit) && nn-data blobs --samples 50 --centers 4 --features 5 --seed 9 --test-size 1 > new.nn && nn-eval --model b.nn --predictions csv < new.nn > nn.csv && \(python) \(predictScript) b.nn new.nn > py.csv && cat nn.csv && echo --- && cat py.csv")
    #expect(r.status == 0, "\(r.stderr)")
    let parts = r.text.components(separatedBy: "---\n")
    expectSamePredictions(parts[0], parts[1])
}

@Test func theReadmeWalkThroughRunsAndAgreesWithPredictPy() throws {
    let tutorial = shellQuoted(packageRoot.appendingPathComponent("docs/tutorial").path)
    let r = try EvalPipe.run("""
        nn-data csv \(tutorial)/exam.csv --label result --stratify | nn-data standardize | nn-fit --hidden 4 --save exam-model.nn > /dev/null \
        && nn-data csv \(tutorial)/new-students.csv --no-label | nn-eval --model exam-model.nn --predictions csv > predictions.csv \
        && nn-data csv \(tutorial)/new-students.csv --no-label | \(python) \(predictScript) exam-model.nn > py.csv \
        && cat predictions.csv && echo --- && cat py.csv
        """)
    #expect(r.status == 0, "\(r.stderr)")
    let parts = r.text.components(separatedBy: "---\n")
    #expect(parts[0].hasPrefix("row,predicted,fail,pass\n"))
    expectSamePredictions(parts[0], parts[1])
}

@Test func continuingTrainingChecksTheColumnsToo() throws {
    let swapped = ["train.csv": files["train.csv"]!,
                   "more.csv": "height,width,depth,kind\n0,0,0,Ankle boot\n4,4,4,\"a, \"\"b\"\"\"\n8,8,8,c\n"]
    let r = try EvalPipe.run("\(train) && nn-data csv more.csv --label kind --test-size 0 | nn-fit --continue --model m.nn --epochs 1 > /dev/null", files: swapped)
    #expect(r.status == 65)
    #expect(r.stderr.hasPrefix("nn-fit: error: line 3: train.x does not match the model's input: column 0 is 'height' where the model expects 'width'"), "\(r.stderr)")
}

@Test(.enabled(if: fashionInstalled))
func tenClassesArePredictedWithTheirNamesAndScoredOnAFewRows() throws {
    let fit = "nn-data mnist --limit-train 600 | nn-fit --hidden 16 --epochs 2 --batch-size 32 --save ten.nn > /dev/null"
    let r = try EvalPipe.run("\(fit) && nn-data mnist --limit-train 0 --limit-test 25 > few.nn && nn-eval --model ten.nn --predictions csv < few.nn > nn.csv && \(python) \(predictScript) ten.nn few.nn > py.csv && cat nn.csv && echo --- && cat py.csv")
    #expect(r.status == 0, "\(r.stderr)")
    let parts = r.text.components(separatedBy: "---\n")
    let rows = csvRows(parts[0])
    #expect(rows[0] == ["row", "predicted", "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"])
    #expect(rows.count == 26)
    expectSamePredictions(parts[0], parts[1])
    // The scores of those labelled rows went to stderr, as a ten-class report.
    #expect(r.stderr.contains("10 classes: T-shirt/top, Trouser"), "\(r.stderr)")
}

@Test func thresholdDecidesTwoClassPredictions() throws {
    // One standardised feature, p = σ(x): hand-made, so the probabilities are known.
    let model = "nn-stream 1\n@model f32 0x0 layers=1,1 activations=identity output=sigmoid classes=no,yes input_columns=x\n@model.layer1.weight f32 1x1\n1\n@model.layer1.bias f32 1x1\n0\n@end\n"
    let data = ["m.nn": model, "new.csv": "x\n0.5\n2\n-1\n"]
    // σ(0.5) = 0.622, σ(2) = 0.881, σ(−1) = 0.269.
    let plain = try EvalPipe.run("nn-data csv new.csv --no-label | nn-eval --model m.nn --predictions csv", files: data)
    #expect(csvRows(plain.text).dropFirst().map { $0[1] } == ["yes", "yes", "no"])
    let strict = try EvalPipe.run("nn-data csv new.csv --no-label | nn-eval --model m.nn --predictions csv --threshold 0.7", files: data)
    #expect(csvRows(strict.text).dropFirst().map { $0[1] } == ["no", "yes", "no"])
    #expect(strict.stderr == "")
}
