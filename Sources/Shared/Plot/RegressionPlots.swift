// A regressor's pictures: `parity` (predicted against true, with the y = x line and R² in
// the title), `residuals` (true − predicted against predicted), and for one feature `fit`
// (the data and the fitted curve over the feature's range). Values are in the targets'
// original units: standardised targets are undone with the model's statistics.

public enum RegressionPlots {
    public static let keep = PlotInput.keeping(["test.predictions", "test.y", "test.x", "train.x", "train.y"], model: true)

    /// The test set's true and predicted values (n × t, row-major), and the target names.
    static func testPairs(_ input: PlotInput, for kind: String) throws -> (truth: [Float], predicted: [Float], targets: [String]) {
        let ys = try input.require("test.y", for: kind)
        guard ys.header.type == .f32 else {
            throw StreamError(line: ys.header.line, "\(kind) draws a regressor's predictions, but test.y holds i32 class labels")
        }
        var truth = try ys.matrix()
        var targets = ys.attributes.list("columns") ?? (0..<ys.cols).map { "y\($0 + 1)" }
        let predicted: Matrix
        if let p = input["test.predictions"], p.attributes["task"] == "regression" {
            guard p.rows == ys.rows, p.cols == ys.cols else {
                throw StreamError(line: p.header.line, "test.predictions is \(p.rows)x\(p.cols) but test.y is \(ys.rows)x\(ys.cols)")
            }
            predicted = try p.matrix()
            if ys.attributes["standardized"] == "true" { truth = try input.network(for: kind).values(outputs: truth) }
        } else {
            let network = try input.network(for: kind)
            guard network.isRegressor else { throw StreamError(line: nil, "\(kind) draws a regressor's predictions, but the model is a classifier") }
            predicted = try StreamScoring.regressionValues(network, try input.require("test.x", for: kind))
            if ys.attributes["standardized"] == "true" { truth = network.values(outputs: truth) }
            targets = network.targets
        }
        return (truth.data, predicted.data, targets)
    }

    public static func parity(_ input: PlotInput) throws -> Plot {
        let (y, p, targets) = try testPairs(input, for: "parity")
        let e = RegressionEvaluation(truth: y, predicted: p, targets: targets)
        let t = targets.count
        var blocks: [PlotData] = []
        var layers: [String] = []
        for j in 0..<t {
            var block = PlotData(name: "parity\(t == 1 ? "" : String(j + 1))", columns: "true predicted (\(targets[j]))")
            for r in stride(from: j, to: y.count, by: t) { block.append(y[r], p[r]) }
            blocks.append(block)
            layers.append("$\(block.name) using 1:2 with points pt 7 ps 0.6 lc rgb \"\(PlotStyle.classColour(j))\" title \(PlotText.quoted(t == 1 ? "test rows" : targets[j]))")
        }
        let all = y + p
        let lo = all.min() ?? 0, hi = all.max() ?? 1
        let pad = max((hi - lo) * 0.05, 1e-6)
        layers.append("x with lines dt 2 lw 1.5 lc rgb \"#888888\" title \(PlotText.quoted("y = x (perfect prediction)"))")
        let range = "[\(PlotText.numbers([lo - pad])):\(PlotText.numbers([hi + pad]))]"
        let commands = [
            "set xlabel \(PlotText.quoted("true " + (t == 1 ? targets[0] : "value")))",
            "set ylabel \(PlotText.quoted("predicted " + (t == 1 ? targets[0] : "value")))",
            "set xrange \(range)", "set yrange \(range)", "set size ratio -1",
            PlotStyle.grid, "set key top left box opaque",
            PlotStyle.plot(layers),
        ]
        var title = ["Predicted against true on the test set: R² \(NumberFormat.fixed(e.average.r2, decimals: 4)), RMSE \(NumberFormat.fixed(e.average.rmse, decimals: 4))"]
        if let model = PlotStyle.summary(input, for: "parity") { title.append(model) }
        return Plot(kind: "parity", title: title, size: PlotSize(700, 680), data: blocks, commands: commands)
    }

    public static func residuals(_ input: PlotInput) throws -> Plot {
        let (y, p, targets) = try testPairs(input, for: "residuals")
        let t = targets.count
        var blocks: [PlotData] = []
        var layers: [String] = []
        for j in 0..<t {
            var block = PlotData(name: "residuals\(t == 1 ? "" : String(j + 1))", columns: "predicted residual=true-predicted (\(targets[j]))")
            for r in stride(from: j, to: y.count, by: t) { block.append(p[r], y[r] - p[r]) }
            blocks.append(block)
            layers.append("$\(block.name) using 1:2 with points pt 7 ps 0.6 lc rgb \"\(PlotStyle.classColour(j))\" title \(PlotText.quoted(t == 1 ? "test rows" : targets[j]))")
        }
        layers.append("0 with lines dt 2 lw 1.5 lc rgb \"#888888\" title \(PlotText.quoted("zero residual"))")
        let commands = [
            "set xlabel \(PlotText.quoted("predicted " + (t == 1 ? targets[0] : "value")))",
            "set ylabel \(PlotText.quoted("residual (true - predicted)"))",
            PlotStyle.grid, "set key top right box opaque",
            PlotStyle.plot(layers),
        ]
        let e = RegressionEvaluation(truth: y, predicted: p, targets: targets)
        var title = ["Residuals on the test set: MAE \(NumberFormat.fixed(e.average.mae, decimals: 4)), max error \(NumberFormat.fixed(e.average.maxError, decimals: 4))"]
        if let model = PlotStyle.summary(input, for: "residuals") { title.append(model) }
        return Plot(kind: "residuals", title: title, size: PlotSize(800, 560), data: blocks, commands: commands)
    }

    /// One feature, one target: train and test points, and the model's curve over the feature's range.
    public static func fit(_ input: PlotInput) throws -> Plot {
        let network = try input.network(for: "fit")
        guard network.isRegressor, network.inputs == 1, network.sizes.last == 1 else {
            throw StreamError(line: nil, "fit draws a regressor of one feature and one target; this model is \(network.sizes.map(String.init).joined(separator: "-"))\(network.isRegressor ? "" : " (a classifier)"): try nn-plot parity")
        }
        var blocks: [PlotData] = []
        var layers: [String] = []
        var xs: [Float] = []
        for split in ["train", "test"] {
            guard let xSection = input["\(split).x"], let ySection = input["\(split).y"], ySection.header.type == .f32 else { continue }
            var x = try xSection.matrix(), y = try ySection.matrix()
            // Points in the original units, as the curve is drawn.
            if xSection.attributes["standardized"] == "true", let s = network.standardization {
                x.data = x.data.map { $0 * s.std[0] + s.mean[0] }
            }
            if ySection.attributes["standardized"] == "true" { y = network.values(outputs: y) }
            var block = PlotData(name: split, columns: "x y (\(split) rows)")
            for r in 0..<x.rows { block.append(x.data[r], y.data[r]) }
            xs += x.data
            blocks.append(block)
            layers.append("$\(split) using 1:2 with points pt \(split == "train" ? 7 : 9) ps 0.6 lc rgb \"\(PlotStyle.classColour(split == "train" ? 0 : 1))\" title \(PlotText.quoted("\(split) rows"))")
        }
        guard let lo = xs.min(), let hi = xs.max() else {
            throw input.missing(["train.x", "train.y"], for: "fit", or: "'test.x' and 'test.y'")
        }
        let steps = 400
        let grid = Matrix(rows: steps + 1, cols: 1, data: (0...steps).map { lo + (hi - lo) * Float($0) / Float(steps) })
        let inputs = network.standardization.map { $0.apply(grid) } ?? grid
        let curve = network.values(inputs)
        var block = PlotData(name: "curve", columns: "x fitted")
        for r in 0..<grid.rows { block.append(grid.data[r], curve.data[r]) }
        blocks.append(block)
        layers.append("$curve using 1:2 with lines lw 2.5 lc rgb \"#d62728\" title \(PlotText.quoted("fitted curve"))")
        let xName = input["train.x"]?.attributes.list("columns")?.first ?? "x"
        let commands = [
            "set xlabel \(PlotText.quoted(xName))",
            "set ylabel \(PlotText.quoted(network.targets.first ?? "y"))",
            PlotStyle.grid, "set key top left box opaque",
            PlotStyle.plot(layers),
        ]
        var title = ["The data and the model's fitted curve"]
        title.append(PlotStyle.summary(network))
        return Plot(kind: "fit", title: title, size: PlotSize(800, 560), data: blocks, commands: commands)
    }
}
