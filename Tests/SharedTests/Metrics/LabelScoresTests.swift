import Foundation
import Testing
@testable import Shared

/// A LineReader over `text`, through a scores file as a user would give it.
func lineReader(_ text: String) throws -> LineReader {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("nn-scores-\(UUID().uuidString).txt").path
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try LineReader.open(path: path)  // the open descriptor keeps the unlinked file readable
}

func scoresError(_ text: String, logits: Bool = false) -> InputFileError? {
    do {
        _ = try LabelScores.read(try lineReader(text), path: "s.txt", logits: logits)
        return nil
    } catch let e as InputFileError {
        return e
    } catch {
        return InputFileError(path: "", line: nil, detail: "unexpected \(error)")
    }
}

@Test func zeroOneLabelsWithProbabilities() throws {
    let s = try LabelScores.read(try lineReader("1 0.9\n0 0.2\n1\t0.4\n0 0.6\n"), path: "s.txt", logits: false)
    #expect(s.labels == [1, 0, 1, 0])
    #expect(s.classes == ["0", "1"])
    #expect(s.predictions.probabilities == [0.1, 0.9, 0.8, 0.2, 0.6, 0.4, 0.4, 0.6])
}

@Test func minusOneLabelsAsVowpalWabbitWritesThemAreTheNegativeClass() throws {
    let s = try LabelScores.read(try lineReader("-1 -2.5\n1 3\n"), path: "s.txt", logits: true)
    #expect(s.labels == [0, 1])
    #expect(s.classes == ["-1", "1"])
    // P(1) = σ(3) = 0.9525741268224334 in Float64, held as the Float32 written.
    #expect(s.predictions.probability(1, 1) == Double(Float(0.9525741268224334)))
}

@Test func mixingZeroAndMinusOneLabelsIsRefusedWithBothLines() {
    let e = scoresError("0 0.1\n1 0.9\n-1 0.3\n")
    #expect(e?.line == 3)
    #expect(e?.message == "s.txt: line 3: label -1 after label 0 on line 1: write labels as 0/1 or as -1/1, not both")
}

@Test func malformedScoreLinesNameTheLine() {
    #expect(scoresError("1 0.9\n0\n")?.line == 2)
    #expect(scoresError("1 0.9 extra\n")?.detail.hasPrefix("expected 'label score' (two values), found 3") == true)
    #expect(scoresError("2 0.9\n")?.detail == "label '2' is not 0, 1 or -1")
    #expect(scoresError("1 abc\n")?.detail == "score 'abc' is not a number as an nn-stream writes one, such as 0.25 or 1e-5")
    #expect(scoresError("1 nan\n")?.line == 1)
    #expect(scoresError("1 0.5\n0 1.5\n")?.detail.hasPrefix("score 1.5 is not a probability in [0, 1]; give --logits") == true)
    #expect(scoresError("")?.message == "s.txt: line 1: no 'label score' lines")
}

@Test func marginsOutsideZeroOneAreFineWithLogits() {
    #expect(scoresError("1 1.5\n0 -7\n", logits: true) == nil)
}

@Test(arguments: ["0x1p-2", ".5", "5.", "+0.5", "0.5e", "inf", "1e39", "0,5"])
func scoresFollowTheStreamsNumberGrammar(_ score: String) {
    #expect(scoresError("1 \(score)\n", logits: true)?.detail == "score '\(score)' is not a number as an nn-stream writes one, such as 0.25 or 1e-5")
}

@Test func scoresAreScoredAsTheF32ThatTheStreamWrites() throws {
    // Parsed in binary64 (so the grammar and range are the stream's), then rounded once to the
    // f32 that test.predictions holds: the metrics describe the predictions that are written,
    // and these two, apart in binary64, tie as written.
    let s = try LabelScores.read(try lineReader("1 0.123456789\n0 0.123456788\n1 2.5E-1\n"), path: "s.txt", logits: false)
    #expect(s.predictions.probability(0, 1) == Double(Float(0.123456789)))
    #expect(s.predictions.probability(1, 1) == s.predictions.probability(0, 1))
    #expect(s.predictions.probability(2, 1) == 0.25)
}

@Test func trailingBlankLinesAreFineAndABlankLineInsideIsNot() {
    #expect(scoresError("1 0.9\n0 0.1\n\n") == nil)
    #expect(scoresError("1 0.9\n0 0.1\n\n\n") == nil)
    #expect(scoresError("1 0.9\n\n0 0.1\n")?.message == "s.txt: line 2: a blank line before the last 'label score' line")
    #expect(scoresError("\n\n")?.message == "s.txt: line 2: no 'label score' lines")
}

@Test func aByteOrderMarkIsNamedAsInStreams() {
    let e = scoresError("\u{FEFF}1 0.9\n0 0.1\n")
    #expect(e?.line == 1)
    #expect(e?.detail.hasPrefix("the input starts with a UTF-8 byte-order mark (EF BB BF)") == true, "\(e?.message ?? "accepted")")
}
