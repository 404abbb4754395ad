// `nn-plot images`: a grid of picture rows (x sections with `image=WxH`) with their true
// class, and the predicted one when there are predictions or a model; or only the misclassified.

public enum ImagesPlot {
    public static func keep(_ split: PlotSplit) -> (String) -> Bool {
        PlotInput.keeping(["\(split).x", "\(split).y", "\(split).predictions"], model: true)
    }

    public static func make(_ input: PlotInput, split: PlotSplit = .test, count: Int = 24,
                            misclassified: Bool = false, threshold: Double? = nil, size: PlotSize? = nil) throws -> Plot {
        precondition(count > 0)
        let classes = input.classNames()
        let data = try input.labelled(split, classes: classes, for: "images")
        let attribute = data.header.attributes["image"]
        guard let (w, h) = TileLayout.imageShape(attribute), w * h == data.x.cols else {
            let found = attribute.map { "image=\($0) for \(data.x.cols) columns" } ?? "no image=WxH attribute"
            throw StreamError(line: data.header.line, "images draws pictures (such as nn-data mnist writes), but \(split).x has \(found)")
        }
        let k = max(classes.count, 2)
        if threshold != nil && k > 2 {
            throw UsageError("--threshold applies to two classes; with \(k) each image goes to its most probable class")
        }
        // Predictions are optional, unless only the misclassified images are wanted.
        var p: Predictions?
        if misclassified || input["\(split).predictions"] != nil || input.hasModel {
            p = try input.probabilities(split, rows: data.y.count, classes: k, for: "images --misclassified")
        }
        func predicted(_ r: Int) -> Int? { p?.predictedClass(r, threshold: threshold ?? 0.5) }
        let candidates = (0..<data.x.rows).filter { !misclassified || predicted($0) != Int(data.y[$0]) }
        let shown = Array(candidates.prefix(count))

        var title: [String]
        if misclassified {
            title = ["Misclassified \(split) images: \(candidates.count) of \(data.x.rows)"
                     + (candidates.count > shown.count ? ", the first \(shown.count) shown" : "")]
        } else {
            title = ["\(split == .test ? "Test" : "Training") images: the first \(shown.count) of \(data.x.rows)"]
        }
        if let model = PlotStyle.summary(input, for: "images") { title.append("model: \(model)") }
        guard !shown.isEmpty else {
            return Plot(kind: "images", title: title, size: size ?? PlotSize(600, 300), commands: [
                "unset border", "unset tics", "unset key", "set xrange [0:1]", "set yrange [0:1]",
                "set label 1 \(PlotText.quoted("no \(split) image was misclassified")) at graph 0.5, 0.5 center",
                "plot -1 notitle",
            ])
        }

        let layout = TileLayout(count: shown.count, aspect: Double(h) / Double(w), labelLines: p == nil ? 1 : 2,
                                minWidth: PlotStyle.textWidth(title), size: size)
        let top = max(1, data.x.data.max() ?? 1), bottom = min(0, data.x.data.min() ?? 0)
        var blocks: [PlotData] = []
        var commands = TileLayout.setup(width: w, height: h) + [
            "set palette gray negative", "set cbrange [\(PlotText.number(bottom)):\(PlotText.number(top))]", "unset colorbox",
            "unset title",
            "set multiplot title TITLE",
        ]
        for (i, r) in shown.enumerated() {
            let name = "image\(i)"
            let truth = classes[Int(data.y[r])]
            blocks.append(TileLayout.block(name, about: "\(split) row \(r), class \(truth): \(h) rows of \(w) pixels", pixels: data.x.row(r), width: w))
            var labels = [(text: p == nil ? truth : "true: \(truth)", colour: "#222222")]
            if let guess = predicted(r) {
                let right = guess == Int(data.y[r])
                labels.append((text: "pred: \(classes[guess])", colour: right ? "#1a7f37" : "#cf222e"))
            }
            commands += layout.tileCommands(i, block: name, labels: labels)
        }
        commands.append("unset multiplot")
        var plot = Plot(kind: "images", title: title, size: layout.size, data: blocks, commands: commands)
        plot.isPictures = true
        return plot
    }
}
