// `nn-plot scatter`: the data points coloured by class, in 2-D, or in 3-D for three features.

public enum ScatterPlot {
    public static let keep = PlotInput.keeping(["train.x", "train.y", "test.x", "test.y"])

    /// `features` picks 2 or 3 columns by name or 1-based number (default: all, when there are 2 or 3).
    public static func make(_ input: PlotInput, split: PlotSplit? = nil, features: [String]? = nil) throws -> Plot {
        let classes = input.classNames()
        let wanted = split.map { [$0] } ?? PlotSplit.allCases.filter { input["\($0).x"] != nil }
        guard !wanted.isEmpty else {
            throw input.missing(["train.x", "train.y"], for: "scatter", or: "'test.x' and 'test.y'")
        }
        let splits = try wanted.map { try input.labelled($0, classes: classes, for: "scatter") }
        let names = splits[0].featureNames
        for s in splits where s.x.cols != names.count {
            throw StreamError(line: s.header.line, "train.x and test.x have different numbers of features (\(names.count) and \(s.x.cols))")
        }
        let picked = try columns(features, names: names)
        let axes = try LabelledSplit.axisLabels(splits)

        var points = PlotData(name: "points", columns: picked.map { names[$0] }.joined(separator: " ")
                                + " class split (class: \(PlotStyle.classKey(classes)); split: 0=train 1=test)")
        for s in splits {
            for r in 0..<s.x.rows {
                points.append(picked.map { s.x[r, $0] } + [Float(s.y[r]), s.split == .train ? 0 : 1])
            }
        }
        let d = picked.count
        var commands = [
            "set xlabel \(PlotText.quoted(axes[picked[0]]))",
            "set ylabel \(PlotText.quoted(axes[picked[1]]))",
            PlotStyle.grid,
        ]
        if d == 2 {
            func span(_ c: Int) -> Float {
                let v = splits.flatMap { s in (0..<s.x.rows).map { s.x[$0, c] } }
                return (v.max() ?? 1) - (v.min() ?? 0)
            }
            commands += PlotStyle.keyBelow(rows: classes.count) + PlotStyle.sameScale(xSpan: span(picked[0]), ySpan: span(picked[1]))
        } else {
            // splot keeps no margin for a key below; it goes to the right.
            commands += ["set key outside right top vertical box Left reverse samplen 2",
                         "set zlabel \(PlotText.quoted(axes[picked[2]])) rotate parallel", "set view 60, 35", "set xyplane relative 0"]
        }
        let drawn = splits.map(\.split)
        // The dumb terminal draws each class in a character of its own (PlotStyle.symbolLayers).
        let picture = commands + [PlotStyle.plot(PlotStyle.pointLayers(classes: classes, splits: drawn, dimensions: d), splot: d == 3)]
        let text = commands + [PlotStyle.plot(PlotStyle.symbolLayers(classes: classes, splits: drawn, dimensions: d), splot: d == 3)]
        let count = splits.map(\.x.rows).reduce(0, +)
        let title = "\(PlotText.list(splits.map(\.split.rawValue))) data: \(count) points, \(classes.count) classes"
        return Plot(kind: "scatter", title: [title.prefix(1).uppercased() + title.dropFirst()], size: PlotSize(800, 640), data: [points],
                    commands: picture, dumbCommands: text)
    }

    /// Column indices for the chosen features; 2-D or 3-D only.
    static func columns(_ features: [String]?, names: [String]) throws -> [Int] {
        guard let features else {
            guard (2...3).contains(names.count) else {
                throw StreamError(line: nil, "scatter draws 2 or 3 features, but the data has \(names.count); choose some with --features 1,2[,3]")
            }
            return Array(names.indices)
        }
        guard (2...3).contains(features.count) else {
            throw UsageError("--features takes 2 or 3 columns, found \(features.count)")
        }
        return try features.map { f in
            if let i = names.firstIndex(of: f) { return i }
            if let n = Int(f), (1...names.count).contains(n) { return n - 1 }
            throw UsageError("--features: no feature '\(f)'; the data has \(names.count) (\(names.prefix(6).joined(separator: ", "))\(names.count > 6 ? ", ..." : ""))")
        }
    }
}
