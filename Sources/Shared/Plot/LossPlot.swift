// `nn-plot loss`: the training loss per epoch (or step) from nn-fit's `loss` section,
// with validation loss beside it and validation accuracy on a second axis when present
// (a regressor's validation RMSE shares the loss axis).

public enum LossPlot {
    public static let keep = PlotInput.keeping(["loss"], model: true)

    public static func make(_ input: PlotInput, logScale: Bool = false) throws -> Plot {
        let loss = try input.require("loss", for: "loss")
        let columns = try columnNames(loss)
        guard loss.rows > 0 else {
            throw StreamError(line: loss.header.line, "section loss has no rows: nothing was trained")
        }
        let m = try loss.matrix()
        // The x axis is the epoch or step column when there is one, else the row number.
        let xColumn = ["epoch", "step", "iteration"].contains(columns[0]) ? 0 : nil
        let xName = xColumn.map { columns[$0] } ?? "row"

        let xs = (0..<m.rows).map { r in xColumn.map { m[r, $0] } ?? Float(r + 1) }

        var block = PlotData(name: "loss", columns: ((xColumn == nil ? ["row"] : []) + columns).joined(separator: " "))
        for r in 0..<m.rows { block.append((xColumn == nil ? [xs[r]] : []) + Array(m.row(r))) }
        let offset = xColumn == nil ? 2 : 1  // gnuplot column of columns[0]
        let series = columns.indices.filter { $0 != xColumn }
        let accuracy = series.filter { columns[$0].contains("accuracy") }
        let losses = series.filter { !accuracy.contains($0) }
        if logScale, let bad = losses.first(where: { c in (0..<m.rows).contains { m[$0, c] <= 0 } }) {
            throw UsageError("--log needs positive losses, but column \(columns[bad]) has values <= 0")
        }

        var commands = [
            "set xlabel \(PlotText.quoted(xName))",
            "set ylabel \(PlotText.quoted("loss (\(lossName(input)))"))",
            PlotStyle.grid,
        ]
        commands += PlotStyle.keyBelow(rows: series.count > 2 ? 2 : 1)
        if logScale { commands.append("set logscale y") }
        if !accuracy.isEmpty {
            commands += ["set ytics nomirror", "set y2tics", "set y2label \"accuracy\"", "set y2range [*:1]"]
        }
        commands += axes(x: xs, losses: losses.flatMap { c in (0..<m.rows).map { m[$0, c] } })
        var plots: [String] = []
        // A line through one point draws nothing: one epoch is a point.
        let style = m.rows == 1 ? "linespoints pt 7" : "lines"
        for (i, c) in series.enumerated() {
            let axis = accuracy.contains(c) ? " axes x1y2" : ""
            let dash = columns[c].hasPrefix("val") ? " dt 2" : ""
            plots.append("$loss using 1:\(c + offset) with \(style) lw 2\(dash) lc rgb \"\(PlotStyle.classColour(i))\"\(axis) title \(PlotText.quoted(legend(columns[c])))")
        }
        commands.append(PlotStyle.plot(plots))

        var title = ["Training loss"]
        if let model = PlotStyle.summary(input, for: "loss") { title[0] += ": \(model)" }
        let last = m.rows - 1
        var final: [String] = []
        if let l = columns.firstIndex(of: "loss") { final.append("final loss \(NumberFormat.fixed(Double(m[last, l]), decimals: 4))") }
        if let v = columns.firstIndex(of: "val_accuracy") { final.append("validation accuracy \(NumberFormat.fixed(Double(m[last, v]), decimals: 3))") }
        if let v = columns.firstIndex(of: "val_rmse") { final.append("validation RMSE \(NumberFormat.fixed(Double(m[last, v]), decimals: 4))") }
        if !final.isEmpty { title.append(final.joined(separator: ", ")) }
        return Plot(kind: "loss", title: title, size: PlotSize(800, 500), data: [block], commands: commands)
    }

    /// Whole epochs (steps, rows) get whole ticks: gnuplot steps by 0.5 or less when fewer than
    /// 5 span the axis, so under 10 it steps by 1. One point gets an axis of ±1 around it, and
    /// losses all equal get ±1% (gnuplot's own choice, which it makes with a warning).
    static func axes(x: [Float], losses: [Float]) -> [String] {
        var out: [String] = []
        guard let lo = x.min(), let hi = x.max() else { return out }
        if lo == hi { out.append("set xrange [\(PlotText.number(lo - 1)):\(PlotText.number(hi + 1))]") }
        if hi - lo < 10, x.allSatisfy({ $0 == $0.rounded() }) { out.append("set xtics 1") }
        if let l = losses.min(), l == losses.max() {
            let d = l == 0 ? 0.01 : abs(l) / 100
            out.append("set yrange [\(PlotText.number(l - d)):\(PlotText.number(l + d))]")
        }
        return out
    }

    /// The `columns=` names; a single column without names is the loss per row.
    static func columnNames(_ loss: Section) throws -> [String] {
        guard let names = loss.attributes.list("columns") else {
            if loss.cols == 1 { return ["loss"] }
            throw StreamError(line: loss.header.line, "section loss has \(loss.cols) columns but no columns= attribute naming them (e.g. columns=epoch,loss)")
        }
        guard names.count == loss.cols else {
            throw StreamError(line: loss.header.line, "section loss has \(loss.cols) columns but columns= names \(names.count)")
        }
        return names
    }

    /// What the loss is: a regressor's model header names it (`loss=mse`); else cross-entropy.
    static func lossName(_ input: PlotInput) -> String {
        guard let model = input["model"], model.attributes["output"] == OutputKind.identity.rawValue else { return "cross-entropy" }
        switch model.attributes["loss"] {
        case "mae": return "mean absolute error"
        case "huber": return "Huber"
        default: return "mean squared error"
        }
    }

    static func legend(_ column: String) -> String {
        switch column {
        case "loss": return "training loss"
        case "val_loss": return "validation loss"
        case "accuracy": return "training accuracy (right axis)"
        case "val_accuracy": return "validation accuracy (right axis)"
        case "val_rmse": return "validation RMSE"
        default: return column.contains("accuracy") ? "\(column) (right axis)" : column
        }
    }
}
