// Binary predictions made by another program, as plain `label score` lines
// (Vowpal Wabbit's -p output pasted next to the labels, or any tool's):
//   1 0.93
//   -1 0.12
// Labels are 0/1 or -1/1 (-1 and 0 are the negative class; a file may not mix them).
// Scores are P(label = 1) in [0, 1], or with `logits: true` raw margins z, P = σ(z), written
// as numbers are in a stream. Blank lines may end the file; a byte-order mark is refused.

/// Bad data in a file named on the command line (a scores file, a --model file):
/// exit 65, naming the file and the line.
public struct InputFileError: UserFacingError {
    public var path: String
    public var line: Int?
    public var detail: String
    public var exitCode: Int32 { ExitCode.dataError }
    public var message: String { "\(path): " + (line.map { "line \($0): " } ?? "") + detail }

    public init(path: String, line: Int?, detail: String) {
        self.path = path
        self.line = line
        self.detail = detail
    }
}

public struct LabelScores {
    public var labels: [Int]
    public var predictions: Predictions
    /// ["-1", "1"] or ["0", "1"], as the labels were written.
    public var classes: [String]

    /// The two values of each line of a scores file, with its line number. Blank lines may end
    /// the file (an editor's last newline), not stand between lines; a byte-order mark is refused.
    public static func pairs(_ lines: LineReader, path: String) throws -> [(line: Int, first: Substring, second: Substring)] {
        var out: [(line: Int, first: Substring, second: Substring)] = []
        var blankLine: Int?
        while let fields = try lines.nextLine({ b in String(decoding: b, as: UTF8.self) }) {
            let n = lines.lineNumber
            func fail(_ detail: String) -> InputFileError { InputFileError(path: path, line: n, detail: detail) }
            if n == 1 && fields.utf8.starts(with: StreamReader.byteOrderMark) {
                throw fail(StreamReader.byteOrderMarkDetail(of: "a scores file"))
            }
            let tokens = fields.split { $0 == " " || $0 == "\t" || $0 == "\r" }
            if tokens.isEmpty {
                blankLine = blankLine ?? n
                continue
            }
            if let blank = blankLine {
                throw InputFileError(path: path, line: blank, detail: "a blank line before the last 'label score' line")
            }
            guard tokens.count == 2 else {
                throw fail("expected 'label score' (two values), found \(tokens.count) value\(tokens.count == 1 ? "" : "s") in '\(fields.prefix(60))'")
            }
            out.append((n, tokens[0], tokens[1]))
        }
        guard !out.isEmpty else {
            throw InputFileError(path: path, line: max(lines.lineNumber, 1), detail: "no 'label score' lines")
        }
        return out
    }

    /// True when the first column holds labels (0, 1 and -1 only): else the file is a
    /// regressor's 'true predicted' pairs.
    public static func holdsLabels(_ pairs: [(line: Int, first: Substring, second: Substring)]) -> Bool {
        pairs.allSatisfy { ["0", "1", "-1"].contains($0.first) }
    }

    public static func read(_ lines: LineReader, path: String, logits: Bool) throws -> LabelScores {
        try read(pairs(lines, path: path), path: path, logits: logits)
    }

    public static func read(_ pairs: [(line: Int, first: Substring, second: Substring)], path: String, logits: Bool) throws -> LabelScores {
        var labels: [Int] = []
        var predictions = logits ? Predictions(output: .sigmoid, classes: 2) : Predictions(classes: 2)
        var negative: String?
        var firstNegativeLine = 0
        for (n, first, second) in pairs {
            func fail(_ detail: String) -> InputFileError { InputFileError(path: path, line: n, detail: detail) }
            let tokens = [first, second]
            let label: Int
            switch tokens[0] {
            case "1": label = 1
            case "0", "-1":
                let text = String(tokens[0])
                if let seen = negative, seen != text {
                    throw fail("label \(text) after label \(seen) on line \(firstNegativeLine): write labels as 0/1 or as -1/1, not both")
                }
                if negative == nil { negative = text; firstNegativeLine = n }
                label = 0
            default:
                throw fail("label '\(tokens[0].prefix(40))' is not 0, 1 or -1")
            }
            guard let score = number(tokens[1]) else {
                throw fail("score '\(tokens[1].prefix(40))' is not a number as an nn-stream writes one, such as 0.25 or 1e-5")
            }
            if logits {
                predictions.append(logits: [score])
            } else {
                guard score >= 0 && score <= 1 else {
                    throw fail("score \(tokens[1].prefix(40)) is not a probability in [0, 1]; give --logits if the scores are raw margins")
                }
                predictions.append(probabilities: [1 - score, score])
            }
            labels.append(label)
        }
        return LabelScores(labels: labels, predictions: predictions, classes: [negative ?? "0", "1"])
    }

    /// A regressor's 'true predicted' pairs: both numbers in the stream's grammar.
    public static func values(_ pairs: [(line: Int, first: Substring, second: Substring)], path: String) throws -> (truth: [Float], predicted: [Float]) {
        var truth: [Float] = [], predicted: [Float] = []
        for (n, first, second) in pairs {
            for token in [first, second] where NumberText.parseFloat(token) == nil {
                throw InputFileError(path: path, line: n, detail: "'\(token.prefix(40))' is not a number as an nn-stream writes one, such as 0.25 or -1.5e-3")
            }
            truth.append(NumberText.parseFloat(first)!)
            predicted.append(NumberText.parseFloat(second)!)
        }
        return (truth, predicted)
    }

    /// A score in the stream's number grammar (`-?digits[.digits][(e|E)[+|-]digits]`, within
    /// f32's range), read in binary64 so that close scores keep their order.
    static func number(_ text: Substring) -> Double? {
        NumberText.parseFloat(text) != nil ? Double(text) : nil
    }
}
