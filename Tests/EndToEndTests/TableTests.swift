// Tables with text columns and gaps, end to end: nn-data csv encodes, nn-fit keeps the
// encoding in the model, --schema encodes new rows exactly as the training rows were.
import Foundation
import Testing
@testable import Shared

private let fruit = "docs/tutorial/fruit.csv"
private let learn = "--categorical auto --impute mean --missing-indicator --seed 3"

/// The named section's lines (header and rows) in a stream's text.
private func sectionLines(_ text: String, _ name: String) -> [String] {
    let lines = text.split(separator: "\n").map(String.init)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("@\(name) ") }) else { return [] }
    let rows = Int(lines[start].split(separator: " ")[2].split(separator: "x")[0])!
    return Array(lines[start...(start + rows)])
}

@Test func anEncodedTableTrainsAndTheSavedModelEncodesNewRowsTheSameWay() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = dir.appendingPathComponent("fruit.nn").path
    let learned = try run("nn-data csv \(fruit) \(learn)")
    #expect(learned.status == 0, "\(learned.stderr)")
    let fitted = try run("nn-data csv \(fruit) \(learn) | nn-data standardize | nn-fit --hidden 4 --iterations 300 --seed 1 --save \(shellQuoted(model)) --quiet | nn-eval --json")
    #expect(fitted.status == 0, "\(fitted.stderr)")
    // The model carries the stream's encode section under its own name, unchanged.
    let saved = try String(contentsOfFile: model, encoding: .utf8)
    let encode = sectionLines(learned.text, "encode")
    #expect(encode.count == 1 && encode[0].hasPrefix("@encode f32 0x0 columns=colour,farm,weight_g,days_since_picked "))
    #expect(sectionLines(saved, "model.encode") == ["@model." + encode[0].dropFirst()])
    // The same file through --schema: every row encoded as when the encoding was learned.
    let again = try run("nn-data csv \(fruit) --schema \(shellQuoted(model)) --seed 3")
    #expect(again.status == 0, "\(again.stderr)")
    for name in ["train.x", "train.y", "test.x", "test.y", "encode"] {
        #expect(sectionLines(again.text, name) == sectionLines(learned.text, name), "\(name)")
    }
    // New rows: an unknown colour, a gap in a number and in a text column; scored by the model.
    let rows = "colour,farm,weight_g,days_since_picked,ripe\npurple,Oakfield,140,NA,yes\nred,,NA,3,no\n"
    let new = try run("nn-data csv - --schema \(shellQuoted(model)) --test-size 1", stdin: Data(rows.utf8))
    #expect(new.status == 0)
    #expect(new.stderr == "nn-data: note: column 'colour': 1 row with a category not seen in training ('purple'), encoded as all zeros\n")
    // By hand from the encode section: colour green,red,yellow; farm Hillside,Oakfield,Riverbend;
    // fills green, Riverbend, 150.96098, 7.6511626; indicators for all four columns.
    #expect(Array(sectionLines(new.text, "test.x").dropFirst()) == ["0 0 0 0 1 0 140 7.6511626 0 0 0 1", "0 1 0 0 0 1 150.96098 3 0 1 1 0"])
    let scored = try run("nn-data csv - --schema \(shellQuoted(model)) --test-size 1 2>/dev/null | nn-eval --model \(shellQuoted(model)) --json", stdin: Data(rows.utf8))
    #expect(scored.status == 0 && scored.text.contains("\"accuracy\""), "\(scored.stderr)")
    let refused = try run("nn-data csv - --schema \(shellQuoted(model)) --test-size 1 --unknown error", stdin: Data(rows.utf8))
    #expect(refused.status == 65 && refused.stderr == "nn-data: error: line 2, column 1: 'purple' in 'colour' is not a category the encoding knows (green,red,yellow); --unknown ignore encodes it as all zeros\n")
}

@Test func infoShowsCategoriesAndMissingCounts() throws {
    let r = try run("nn-data csv \(fruit) \(learn) | nn-data info")
    #expect(r.status == 0)
    #expect(r.text.contains("  colour             categorical, 3 categories: green,red,yellow; missing in training: 2; missing -> green; indicator colour_missing\n"), "\(r.text)")
    #expect(r.text.contains("  missing cells: (empty), NA; --impute mean; 12 features\n"))
}

@Test func tableOptionMistakesAreUsageErrors() throws {
    for (options, message) in [
        ("--missing-indicator", "--missing-indicator marks imputed cells: add --impute"),
        ("--impute mode", "--impute must be mean, median, most-frequent or constant:V, got 'mode'"),
        ("--schema x.nn --impute mean", "--impute cannot go with --schema: the schema fixes the columns, categories and imputation"),
        ("--categorical island", "--categorical island: no such feature column: the feature columns are colour, farm, weight_g, days_since_picked"),
        ("--unknown maybe", "maybe"),
    ] {
        let r = try run("nn-data csv \(fruit) \(options)")
        #expect(r.status == 64, "\(options): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(options): \(r.stderr)")
    }
    let plain = try run("nn-data blobs --samples 20 > /tmp/nn-tables-plain.nns && nn-data csv \(fruit) --schema /tmp/nn-tables-plain.nns; s=$?; rm -f /tmp/nn-tables-plain.nns; exit $s")
    #expect(plain.status == 65 && plain.stderr.contains("/tmp/nn-tables-plain.nns: holds no encode or model.encode section"), "\(plain.stderr)")
}

@Test func rowsWithoutALabelAreDroppedWithOneNote() throws {
    let csv = Data("a,y\n1,p\n2,\n3,NA\n4,q\n".utf8)
    let r = try run("nn-data csv - --test-size 0 | nn-data info", stdin: csv)
    #expect(r.status == 0 && r.text.contains("@train.x f32 2x1"))
    #expect(r.stderr == "nn-data: note: dropped 2 rows whose label is missing (an empty cell or a --missing token); --strict refuses them instead\n")
    let strict = try run("nn-data csv - --strict", stdin: csv)
    #expect(strict.status == 65 && strict.stderr == "nn-data: error: line 3, column 2: missing label (an empty cell); without --strict such rows are dropped with a note\n")
}

@Test func splittingAnEncodedStreamAgainWarnsThatTheEncodingSawTheOldSplit() throws {
    let r = try run("nn-data csv \(fruit) \(learn) | nn-data split --test-size 0.5 | nn-data info")
    #expect(r.status == 0)
    #expect(r.stderr.contains("nn-data: warning: encode (categories and fills) was learned on the old training set"), "\(r.stderr)")
}

@Test func rowsEncodedAnewAreRefusedByAModelWithOtherFills() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = shellQuoted(dir.appendingPathComponent("fruit.nn").path)
    #expect(try run("nn-data csv \(fruit) \(learn) | nn-fit --iterations 10 --quiet --save \(model) > /dev/null").status == 0)
    // Learning the encoding again on other training rows (another seed) gives other fills.
    let r = try run("nn-data csv \(fruit) --categorical auto --impute mean --missing-indicator --seed 4 | nn-eval --model \(model)")
    #expect(r.status == 65)
    #expect(r.stderr.contains("the rows were encoded with other categories or fills (encode) than the model's (model.encode); encode new rows with nn-data csv --schema MODEL"), "\(r.stderr)")
    let continued = try run("nn-data csv \(fruit) --categorical auto --impute mean --missing-indicator --seed 4 | nn-fit --continue --model \(model) --iterations 5 > /dev/null")
    #expect(continued.status == 65 && continued.stderr.contains("than the model being continued"), "\(continued.stderr)")
}

@Test func onAGeneratedTableTheEncodedPipelineReachesScikitLearnsAccuracy() throws {
    // Tests/EndToEndTests/Tables holds what `bench/tables.py --rows 600` writes: 450 training and
    // 150 test rows, region decisive, gaps in numbers and text, 11 test rows from an unseen region.
    // scikit-learn 1.9.1 on the same files: ColumnTransformer(SimpleImputer(most_frequent,
    // add_indicator) + OneHotEncoder(handle_unknown='ignore') on the text columns, SimpleImputer(
    // mean, add_indicator) on the numbers) + StandardScaler + LogisticRegression(C=1) classifies
    // 125 of the 150 test rows right (0.8333).
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = shellQuoted(dir.appendingPathComponent("m.nn").path)
    let tables = "Tests/EndToEndTests/Tables"
    // C = 1 over 450 rows is λ = 1/450 on the mean loss.
    let fit = try run("nn-data csv \(tables)/train.csv --categorical auto --impute mean --missing-indicator --test-size 0 | nn-data standardize | nn-fit --l2 0.0022222 --tol 0 --iterations 20000 --quiet --save \(model) > /dev/null")
    #expect(fit.status == 0, "\(fit.stderr)")
    let r = try run("nn-data csv \(tables)/test.csv --schema \(model) --test-size 1 | nn-eval --model \(model) --json")
    #expect(r.status == 0)
    #expect(r.stderr == "nn-data: note: column 'region': 11 rows with a category not seen in training ('islands'), encoded as all zeros\n")
    let scores = try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any]
    let accuracy = (scores?["test"] as? [String: Any])?["accuracy"] as? Double ?? 0
    // Full-batch descent and scikit-learn's L-BFGS stop at slightly different weights: one row either way.
    #expect(accuracy >= 125.0 / 150 - 1.0 / 150, "test accuracy \(accuracy)")
}

@Test func newRawRowsWithoutLabelsArePredictedInOnePipeline() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("fruit.nn").path
    let model = shellQuoted(path)
    #expect(try run("nn-data csv \(fruit) \(learn) | nn-data standardize | nn-fit --hidden 4 --iterations 300 --seed 1 --quiet --save \(model) > /dev/null").status == 0)
    let rows = Data("colour,farm,weight_g,days_since_picked\nyellow,Oakfield,NA,12\ngreen,,150,3\npurple,Hillside,140,9\n".utf8)
    let r = try run("nn-data csv - --no-label --schema \(model) | nn-eval --model \(model) --predictions csv", stdin: rows)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr == "nn-data: note: column 'colour': 1 row with a category not seen in training ('purple'), encoded as all zeros\n")
    // The rows encoded by hand from the model's encode section (categories green,red,yellow and
    // Hillside,Oakfield,Riverbend; fills green, Riverbend, 150.96098, 7.6511626; four indicators),
    // then the saved network's standardisation, logits and sigmoid.
    let network = try Network(file: path)
    let x = Matrix([[0, 0, 1, 0, 1, 0, 150.96098, 12, 0, 0, 1, 0],
                    [1, 0, 0, 0, 0, 1, 150, 3, 0, 1, 0, 0],
                    [0, 0, 0, 1, 0, 0, 140, 9, 0, 0, 0, 0]])
    let z = network.logits(network.standardization!.apply(x))
    let lines = r.text.split(separator: "\n").map(String.init)
    #expect(lines.first == "row,predicted,no,yes")
    #expect(lines.count == 4)
    for (i, line) in lines.dropFirst().enumerated() {
        let fields = line.split(separator: ",").map(String.init)
        let p = 1 / (1 + exp(-Double(z[i, 0])))
        #expect(fields.count == 4 && fields[0] == "\(i)" && fields[1] == (p >= 0.5 ? "yes" : "no"), "\(line)")
        #expect(abs((Double(fields[3]) ?? -1) - p) < 1e-6, "row \(i): \(line), expected P(yes) = \(p)")
    }
    // Without the schema the raw rows cannot be read, and the message says how.
    let raw = try run("nn-data csv - --no-label", stdin: rows)
    #expect(raw.status == 65 && raw.stderr == "nn-data: error: line 2, column 1: expected a number ('colour'), found 'yellow'; if 'colour' holds categories, a model trained with --categorical encodes them: read these rows with --schema MODEL\n")
    let learning = try run("nn-data csv - --no-label --impute mean", stdin: rows)
    #expect(learning.status == 64 && learning.stderr.contains("--impute learns from training rows, which --no-label rows are not: encode new rows with --schema MODEL"))
}

@Test func aStreamFileServesAsSchemaAndInfoShowsAModelsEncoding() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let stream = shellQuoted(dir.appendingPathComponent("fruit.nns").path)
    let model = shellQuoted(dir.appendingPathComponent("fruit.nn").path)
    #expect(try run("nn-data csv \(fruit) \(learn) | tee \(stream) | nn-fit --iterations 10 --quiet --save \(model) > /dev/null").status == 0)
    // The stream's encode section encodes the same rows as the model's model.encode.
    let rows = Data("colour,farm,weight_g,days_since_picked\nred,Hillside,NA,3\n".utf8)
    let fromStream = try run("nn-data csv - --no-label --schema \(stream)", stdin: rows)
    let fromModel = try run("nn-data csv - --no-label --schema \(model)", stdin: rows)
    #expect(fromStream.status == 0 && fromModel.status == 0)
    #expect(sectionLines(fromStream.text, "test.x") == sectionLines(fromModel.text, "test.x"))
    #expect(sectionLines(fromStream.text, "test.x").dropFirst() == ["0 1 0 1 0 0 150.96098 3 0 0 1 0"])
    let info = try run("nn-data info < \(model)")
    #expect(info.text.contains("@model.encode f32 0x0 columns=colour,farm,weight_g,days_since_picked "))
    #expect(info.text.contains("  weight_g           numeric; missing in training: 7; missing -> 150.96098; indicator weight_g_missing\n"), "\(info.text)")
}
