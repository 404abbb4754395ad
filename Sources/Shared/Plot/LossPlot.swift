// `nn-plot loss`: the training loss per epoch (or step) from nn-fit's `loss` section,
// with validation loss beside it and validation accuracy on a second axis when present.

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

        var block = PlotData(name: "loss", columns: ((xColumn == nil ? ["row"] : []) + columns).joined(separator: " "))
        for r in 0..<m.rows {
            var row = Array(m.row(r))
            if xColumn == nil { row.insert(Float(r + 1), at: 0) }
            block.append(row)
        }
        let offset = xColumn == nil ? 2 : 1  // gnuplot column of columns[0]
        let series = columns.indices.filter { $0 != xColumn }
        let accuracy = series.filter { columns[$0].contains("accuracy") }
        if logScale, let bad = series.filter({ !accuracy.contains($0) }).first(where: { c in (0..<m.rows).contains { m[$0, c] <= 0 } }) {
            throw UsageError("--log needs positive losses, but column \(columns[bad]) has values <= 0")
        }

        var commands = [
            "set xlabel \(PlotText.quoted(xName))",
            "set ylabel \(PlotText.quoted("loss (cross-entropy)"))",
            PlotStyle.grid,
        ]
        commands += PlotStyle.keyBelow(rows: series.count > 2 ? 2 : 1)
        if logScale { commands.append("set logscale y") }
        if !accuracy.isEmpty {
            commands += ["set ytics nomirror", "set y2tics", "set y2label \"accuracy\"", "set y2range [*:1]"]
        }
        if m.rows == 1 { commands.append("set offsets 1, 1, 0, 0") }
        var plots: [String] = []
        for (i, c) in series.enumerated() {
            let axis = accuracy.contains(c) ? " axes x1y2" : ""
            let dash = columns[c].hasPrefix("val") ? " dt 2" : ""
            plots.append("$loss using 1:\(c + offset) with lines lw 2\(dash) lc rgb \"\(PlotStyle.classColour(i))\"\(axis) title \(PlotText.quoted(legend(columns[c])))")
        }
        commands.append(PlotStyle.plot(plots))

        var title = ["Training loss"]
        if let model = PlotStyle.summary(input, for: "loss") { title[0] += ": \(model)" }
        let last = m.rows - 1
        var final: [String] = []
        if let l = columns.firstIndex(of: "loss") { final.append("final loss \(NumberFormat.fixed(Double(m[last, l]), decimals: 4))") }
        if let v = columns.firstIndex(of: "val_accuracy") { final.append("validation accuracy \(NumberFormat.fixed(Double(m[last, v]), decimals: 3))") }
        if !final.isEmpty { title.append(final.joined(separator: ", ")) }
        return Plot(kind: "loss", title: title, size: PlotSize(800, 500), data: [block], commands: commands)
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

    static func legend(_ column: String) -> String {
        switch column {
        case "loss": return "training loss"
        case "val_loss": return "validation loss"
        case "accuracy": return "training accuracy (right axis)"
        case "val_accuracy": return "validation accuracy (right axis)"
        default: return column.contains("accuracy") ? "\(column) (right axis)" : column
        }
    }
}
