// Numbers and strings as gnuplot reads them, the choice of output, and the two
// text forms of a plot (data blocks and a whole script).
import Testing
@testable import Shared

// Text reaches a gnuplot script as single-quoted literals, where gnuplot substitutes no
// backquotes and no macros and reads no backslash escapes; a `'` is joined on in double quotes.
@Test(arguments: [
    ("T-shirt/top", "'T-shirt/top'"),
    ("z`touch pwned`", "'z`touch pwned`'"),
    ("system(\"touch pwned\")", "'system(\"touch pwned\")'"),
    ("it's", "('it'.\"'\".'s')"),
    ("''", "(''.\"'\".''.\"'\".'')"),
    ("'; system('touch x'); '", "(''.\"'\".'; system('.\"'\".'touch x'.\"'\".'); '.\"'\".'')"),
    ("a \"b\" \\ c", "'a \"b\" \\ c'"),
    ("ends with \\", "'ends with \\'"),
    ("@MACRO $var 100% a&b {x} ^_", "'@MACRO $var 100% a&b {x} ^_'"),
    ("ünïcødé ✓ 字", "'ünïcødé ✓ 字'"),
])
func quotedMakesTextInert(_ text: String, _ literal: String) {
    #expect(PlotText.quoted(text) == literal)
}

// Control characters would end the line (and start a command) or drive the terminal:
// they are shown as escapes, in literals and comments alike.
@Test(arguments: [
    ("one\ntwo", "'one\\ntwo'"),
    ("a\nsystem(\"touch x\")", "'a\\nsystem(\"touch x\")'"),
    ("\nEOD\n", "'\\nEOD\\n'"),
    ("cr\rhere", "'cr\\rhere'"),
    ("tab\there", "'tab\\there'"),
    ("\u{1b}[31mred\u{1b}]0;title\u{07}", "'\\x1b[31mred\\x1b]0;title\\x07'"),
    ("nul\u{0}del\u{7f}csi\u{9b}", "'nul\\x00del\\x7fcsi\\x9b'"),
    ("line\u{2028}sep\u{202e}rtl", "'line\\u{2028}sep\\u{202e}rtl'"),
])
func controlCharactersAreShownAsEscapes(_ text: String, _ literal: String) {
    #expect(PlotText.quoted(text) == literal)
}

@Test func aQuoteWithACombiningMarkStillEndsTheLiteral() {
    // One Character ("'" + U+0301) but two scalars: gnuplot sees the quote byte and would end the string.
    #expect(PlotText.quoted("x'\u{301}; system(\"touch x\") #") == "('x'.\"'\".'\u{301}; system(\"touch x\") #')")
}

@Test func ticLabelsDoubleThePercentSignThatGnuplotReadsAsAFormat() {
    #expect(PlotText.ticLabel("100% a&b") == "'100%% a&b'")
    #expect(PlotText.ticLabel("%d%s") == "'%%d%%s'")
}

@Test func titleLinesAreJoinedByNewlinesBetweenLiterals() {
    #expect(PlotText.quoted(lines: ["Training loss", "final loss 0.1"]) == "('Training loss'.\"\\n\".'final loss 0.1')")
    #expect(PlotText.quoted(lines: ["one"]) == "'one'")
    #expect(PlotText.quoted(lines: []) == "''")
    // A newline inside a line is the data's, not a line break: it is shown.
    #expect(PlotText.quoted(lines: ["a\nb", "c"]) == "('a\\nb'.\"\\n\".'c')")
}

@Test(arguments: [
    ("nn-plot roc: a vs b", "# nn-plot roc: a vs b"),
    ("class a\nsystem(\"touch x\")", "# class a\\nsystem(\"touch x\")"),
    ("ends in a backslash \\", "# ends in a backslash \\x5c"),
    ("ends in two \\\\", "# ends in two \\\\x5c"),
    ("\r\u{1b}", "# \\r\\x1b"),
])
func commentsStayOnTheirLine(_ text: String, _ line: String) {
    #expect(PlotText.comment(text) == line)
}

@Test func theScriptCheckPassesWhatPlotTextWritesAndRefusesTheRest() throws {
    let hostile = ["z`touch x`", "a\nsystem('touch x')", "it's", "ends\\", "\nEOD\nsystem(\"x\")"]
    var plot = sample
    plot.title = hostile
    plot.commands.append("set xtics (" + hostile.enumerated().map { "\(PlotText.quoted($0.element)) \($0.offset)" }.joined(separator: ", ") + ")")
    plot.data[0].columns = hostile.joined(separator: " ")
    #expect(ScriptCheck.firstProblem(plot.script(terminal: .png, provenance: "nn-plot --title 'a\\'")) == nil)
    #expect(ScriptCheck.firstProblem("set title \"`touch x`\"") == "line 1: a backquote outside single quotes")
    #expect(ScriptCheck.firstProblem("set title 'a' . `touch x`") == "line 1: a backquote outside single quotes")
    #expect(ScriptCheck.firstProblem("set title 'it''s'\nx = system('id')") == "line 2: 'system' outside single quotes")
    #expect(ScriptCheck.firstProblem("set title 'open") == "line 1: a string that does not end")
    #expect(ScriptCheck.firstProblem("$d << EOD\n1 2\nsystem(\"x\")\nEOD") == "line 3: a data row that is not numbers")
    #expect(ScriptCheck.firstProblem("$d << EOD\n1 2") == "a data block that does not end")
    #expect(ScriptCheck.firstProblem("# `touch x` in a comment\nset title '`x`' # `y`") == nil)
    #expect(throws: IOError.self) { try ScriptCheck.inert("print `id`") }
}

@Test func numbersAreShortestRoundTripWithNaNForGaps() {
    #expect(PlotText.numbers([1, 0.1, -2.5, .nan]) == "1 0.1 -2.5 NaN")
}

@Test func sizeParsesWidthAndHeight() {
    #expect(PlotSize(text: "800,600") == PlotSize(800, 600))
    #expect(PlotSize(text: "800x600") == PlotSize(800, 600))
    #expect(PlotSize(text: "800") == nil)
    #expect(PlotSize(text: "0,600") == nil)
    #expect(PlotSize(text: "a,b") == nil)
}

@Test func outputIsChosenFromTheOptions() throws {
    #expect(try PlotOutput.choose(png: nil, svg: nil, script: false, terminal: nil) == .data)
    #expect(try PlotOutput.choose(png: "a.png", svg: nil, script: false, terminal: nil) == .file("a.png", .png))
    #expect(try PlotOutput.choose(png: nil, svg: "a.svg", script: false, terminal: .svg) == .file("a.svg", .svg))
    #expect(try PlotOutput.choose(png: nil, svg: nil, script: true, terminal: nil) == .script(.png))
    #expect(try PlotOutput.choose(png: nil, svg: nil, script: true, terminal: .dumb) == .script(.dumb))
    #expect(try PlotOutput.choose(png: nil, svg: nil, script: false, terminal: .dumb) == .stdout(.dumb))
    #expect(throws: UsageError.self) { try PlotOutput.choose(png: "a.png", svg: "b.svg", script: false, terminal: nil) }
    #expect(throws: UsageError.self) { try PlotOutput.choose(png: "a.png", svg: nil, script: true, terminal: nil) }
    #expect(throws: UsageError.self) { try PlotOutput.choose(png: "a.png", svg: nil, script: false, terminal: .svg) }
}

private let sample = Plot(kind: "loss", title: ["Training loss", "final loss 0.1"], size: PlotSize(640, 480),
                          data: [PlotData(name: "loss", columns: "epoch loss", rows: ["1 0.5", "2 0.1"]),
                                 PlotData(name: "grid", columns: "x y p", rows: ["0 0 0.1", "0 1 0.2", "", "1 0 0.3", "1 1 0.4", ""])],
                          commands: ["plot $loss using 1:2 with lines"])

@Test func dataTextSeparatesBlocksByTwoEmptyLines() {
    let text = sample.dataText()
    #expect(text.hasPrefix("# nn-plot loss: Training loss; final loss 0.1\n"))
    #expect(text.contains("# index 0 (loss): epoch loss\n1 0.5\n2 0.1\n\n\n# index 1 (grid): x y p\n0 0 0.1\n0 1 0.2\n\n1 0 0.3"))
}

@Test func scriptSetsTheTerminalThenDataThenTitleThenCommands() {
    let lines = sample.script(terminal: .svg, size: PlotSize(300, 200)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let terminal = lines.firstIndex { $0.hasPrefix("set terminal svg size 300,200 noenhanced") }
    let block = lines.firstIndex(of: "$loss << EOD")
    let title = lines.firstIndex(of: "TITLE = ('Training loss'.\"\\n\".'final loss 0.1')")
    let plot = lines.firstIndex(of: "plot $loss using 1:2 with lines")
    #expect(terminal != nil && block != nil && title != nil && plot != nil)
    #expect(terminal! < block! && block! < title! && title! < plot!)
    #expect(lines[block! + 1] == "1 0.5" && lines[block! + 3] == "EOD")
    #expect(sample.script(terminal: .png).contains("set terminal pngcairo size 640,480 "))
    #expect(sample.script(terminal: .dumb, size: PlotSize(80, 24)).contains("set terminal dumb size 80,24 noenhanced\n"))
}

@Test func gnuplotIsFoundOnlyOnThePathGiven() {
    #expect(Gnuplot.locate(path: "/nonexistent:/also/not") == nil)
}
