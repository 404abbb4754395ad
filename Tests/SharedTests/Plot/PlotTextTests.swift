// Numbers and strings as gnuplot reads them, the choice of output, and the two
// text forms of a plot (data blocks and a whole script).
import Testing
@testable import Shared

@Test func quotedEscapesWhatGnuplotWouldReadAsSyntax() {
    #expect(PlotText.quoted("T-shirt/top") == "\"T-shirt/top\"")
    #expect(PlotText.quoted("a \"b\" \\ c") == "\"a \\\"b\\\" \\\\ c\"")
    #expect(PlotText.quoted("one\ntwo") == "\"one\\ntwo\"")
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

private let sample = Plot(kind: "loss", title: "Training loss\nfinal loss 0.1", size: PlotSize(640, 480),
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
    let title = lines.firstIndex(of: "TITLE = \"Training loss\\nfinal loss 0.1\"")
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
