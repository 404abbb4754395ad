// nn-plot run as a user runs it: every kind rendered by the real gnuplot into PNG and
// SVG, its script run through gnuplot, its data read back, and the errors it must give.
import Foundation
import Testing
import Shared

/// One plot kind on the stream that suits it.
struct PlotCase: CustomTestStringConvertible, Sendable {
    var kind: String
    var arguments: String
    var stream: String
    var testDescription: String { "\(kind) \(arguments)".trimmingCharacters(in: .whitespaces) }

    static let all = [
        PlotCase(kind: "loss", arguments: "", stream: "rings.nn"),
        PlotCase(kind: "boundary", arguments: "--resolution 60", stream: "rings.nn"),
        PlotCase(kind: "scatter", arguments: "", stream: "blobs.nn"),
        PlotCase(kind: "scatter", arguments: "--split train", stream: "rings.nn"),
        PlotCase(kind: "roc", arguments: "", stream: "rings.nn"),
        PlotCase(kind: "confusion", arguments: "", stream: "rings.nn"),
        PlotCase(kind: "images", arguments: "--count 6", stream: "pictures.nn"),
        PlotCase(kind: "images", arguments: "--misclassified", stream: "pictures.nn"),
        PlotCase(kind: "weights", arguments: "", stream: "pictures.nn"),
    ]
}

/// A directory holding the test streams.
private func streams() throws -> String {
    let dir = try PlotE2E.directory()
    try PlotStreams.write(into: dir)
    return dir
}

@Test(arguments: PlotCase.all)
func everyKindRendersAPngOfTheSizeAsked(_ c: PlotCase) throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // In the C locale, as cron and many containers run: gnuplot must not warn there either.
    let r = try PlotE2E.shell("cat \(c.stream) | LC_ALL=C nn-plot \(c.kind) \(c.arguments) --png out.png --size 640,480", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty, "gnuplot or nn-plot complained: \(r.stderr)")
    let png = try Data(contentsOf: URL(fileURLWithPath: dir + "/out.png"))
    let size = try #require(PlotE2E.pngSize(png))
    #expect(size == (640, 480))
    #expect(png.count > 8_000, "a picture with axes, text and data is more than \(png.count) bytes")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasSuffix(".nn") }
    #expect(files == ["out.png"], "a temporary file was left behind")
}

@Test(arguments: PlotCase.all)
func everyKindRendersAnSvg(_ c: PlotCase) throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try PlotE2E.shell("nn-plot \(c.kind) \(c.arguments) --svg out.svg < \(c.stream)", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    let svg = try String(contentsOfFile: dir + "/out.svg", encoding: .utf8)
    let size = try #require(PlotE2E.svgSize(svg))
    #expect(size.width >= 400 && size.height >= 200)
    #expect(svg.utf8.count > 5_000)
    #expect(svg.contains("<text"))
}

@Test(arguments: PlotCase.all)
func theScriptRendersWithGnuplotAsItIs(_ c: PlotCase) throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try PlotE2E.shell("nn-plot \(c.kind) \(c.arguments) --script < \(c.stream) > plot.gp && LC_ALL=C gnuplot plot.gp > out.png", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr.isEmpty, "\(r.stderr)")
    let script = try String(contentsOfFile: dir + "/plot.gp", encoding: .utf8)
    #expect(script.hasPrefix("# nn-plot \(c.kind): "))
    #expect(script.contains("\nset terminal pngcairo "))
    let png = try Data(contentsOf: URL(fileURLWithPath: dir + "/out.png"))
    #expect(PlotE2E.pngSize(png) != nil)
}

@Test func aNonASCIITitleIsCentredByCharactersNotBytes() throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // Two titles of 8 characters each; the first is 11 bytes in UTF-8.
    func titleLine(_ title: String) throws -> (line: String, script: String) {
        let plot = "nn-plot loss --title '\(title)' --size 60,16 < rings.nn"
        let r = try PlotE2E.shell("LC_ALL=C.UTF-8 \(plot) --terminal dumb", in: dir)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let script = try PlotE2E.shell("\(plot) --script", in: dir).text
        return (r.text.split(separator: "\n").map(String.init).first { $0.contains(title) } ?? "", script)
    }
    let wide = try titleLine("café ≥ 5")
    let plain = try titleLine("cafe > 5")
    #expect(wide.script.contains("\nset encoding utf8\n"))
    #expect(!plain.script.contains("set encoding"), "ASCII text needs no encoding line (it makes gnuplot warn in the C locale)")
    #expect(wide.line.prefix { $0 == " " }.count == plain.line.prefix { $0 == " " }.count, "\(wide.line)|\n\(plain.line)|")
}

@Test(arguments: PlotCase.all)
func theDataIsNumbersInBlocksThatGnuplotIndexes(_ c: PlotCase) throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try PlotE2E.shell("nn-plot \(c.kind) \(c.arguments) < \(c.stream)", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    var blocks = 0, width: Int?
    var empties = 0
    for line in lines {
        if line.hasPrefix("# index ") { blocks += 1; width = nil; empties = 0; continue }
        if line.hasPrefix("#") { continue }
        if line.isEmpty { empties += 1; continue }
        #expect(blocks > 0, "data before the first block's comment: \(line)")
        // Two or more empty lines end a block, so a block's comment must follow them.
        #expect(empties < 2, "rows after a block ended without an index comment")
        empties = 0
        let fields = line.split(separator: " ")
        #expect(fields.allSatisfy { Double(String($0)) != nil }, "not numbers: \(line)")
        if let width { #expect(fields.count == width, "ragged block: \(line)") }
        width = fields.count
    }
    #expect(blocks >= 1)
    #expect(r.text.components(separatedBy: "# index ").count - 1 == blocks)
}

@Test func theDumbTerminalDrawsInCharacters() throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try PlotE2E.shell("nn-plot loss --terminal dumb --size 80,24 < rings.nn", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    // gnuplot starts each page with a form feed.
    let lines = r.text.replacingOccurrences(of: "\u{0C}", with: "").split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count <= 25)
    #expect(lines.allSatisfy { $0.count <= 80 })
    #expect(r.text.contains("Training loss: network 2-4-1 (sigmoid), sgd, lr 0.08, 80000 iterations"))
    #expect(r.text.contains("epoch"))
    // Pictures alone (images, weights) it cannot draw: a usage error rather than an empty frame.
    let images = try PlotE2E.shell("nn-plot images --terminal dumb < pictures.nn", in: dir)
    #expect(images.status == 64)
    #expect(images.stderr.contains("use --png FILE or --svg FILE"))
}

@Test func aModelFileTakesThePlaceOfOneInTheStream() throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try PlotE2E.shell("nn-plot boundary --resolution 30 --model model.nn --png out.png < rings-data.nn", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(PlotE2E.pngSize(try Data(contentsOf: URL(fileURLWithPath: dir + "/out.png"))) != nil)
}

@Test(arguments: [
    ("boundary", "rings-data.nn", "boundary needs section 'model' (from nn-fit, or give --model FILE); the stream has train.x, train.y, test.x and test.y"),
    ("boundary", "blobs.nn", "boundary draws two-feature data, but train.x has 3 features"),
    ("loss", "blobs.nn", "loss needs section 'loss' (from nn-fit)"),
    ("roc", "rings-data.nn", "roc needs section 'test.predictions' (from nn-eval), or a model"),
    ("images", "rings.nn", "images draws pictures (such as nn-data mnist writes), but test.x has no image=WxH attribute"),
    ("weights", "rings.nn", "weights draws the first layer as pictures, but its 2 inputs are not a W×H image"),
])
func missingOrUnsuitableSectionsAreBadData(kind: String, stream: String, message: String) throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try PlotE2E.shell("nn-plot \(kind) --png out.png < \(stream)", in: dir)
    #expect(r.status == 65)
    #expect(r.stderr.hasPrefix("nn-plot: error: "))
    #expect(r.stderr.contains(message), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: dir + "/out.png"))
}

@Test func withoutGnuplotPicturesAreUnavailableButDataAndScriptsAreNot() throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let plot = programDirectory + "/nn-plot"
    let r = try PlotE2E.shell("PATH=/nonexistent '\(plot)' roc --png out.png < rings.nn", in: dir)
    #expect(r.status == 69)
    #expect(r.stderr == "nn-plot: error: gnuplot not found on PATH; install it with: apt-get install gnuplot-nox\n")
    let dumb = try PlotE2E.shell("PATH=/nonexistent '\(plot)' roc --terminal dumb < rings.nn", in: dir)
    #expect(dumb.status == 69)
    let script = try PlotE2E.shell("PATH=/nonexistent '\(plot)' roc --script < rings.nn", in: dir)
    #expect(script.status == 0)
    #expect(script.text.contains("AUC"))
}

@Test func aFailedRenderLeavesTheOldFileAndNoTemporaryFile() throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "old picture".write(toFile: dir + "/out.png", atomically: false, encoding: .utf8)
    let r = try PlotE2E.shell("head -c 2000 rings.nn | nn-plot scatter --png out.png", in: dir)
    #expect(r.status == 65)
    #expect(r.stderr.contains("truncated input"), "\(r.stderr)")
    #expect(try String(contentsOfFile: dir + "/out.png", encoding: .utf8) == "old picture")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasSuffix(".nn") }
    #expect(files == ["out.png"], "a temporary file was left behind: \(files)")
}

@Test func aPictureIntoAMissingDirectoryIsAnIOError() throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try PlotE2E.shell("nn-plot loss --png no/such/dir/out.png < rings.nn", in: dir)
    #expect(r.status == 74)
    #expect(r.stderr.contains("no/such/dir/out.png: cannot write"), "\(r.stderr)")
}

@Test func aClosedPipeEndsQuietly() throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try PlotE2E.shell("nn-plot boundary --resolution 300 < rings.nn | head -1; echo \"status=${PIPESTATUS[0]}\"", in: dir)
    #expect(r.text.hasSuffix("status=0\n"), "\(r.text)")
    #expect(r.stderr.isEmpty, "\(r.stderr)")
}

@Test(arguments: [
    "loss --png a.png --svg b.svg",
    "loss --png a.png --script",
    "loss --size 0,10",
    "boundary --threshold 1.5",
    "images --count 0",
    "scatter --split validation",
    "histogram",
])
func badOptionsAreUsageErrors(_ arguments: String) throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try PlotE2E.shell("nn-plot \(arguments) < rings.nn", in: dir)
    #expect(r.status == 64, "\(r.stderr)")
}

@Test(arguments: ["loss", "boundary", "scatter", "roc", "confusion", "images", "weights"])
func helpSaysWhatItReadsAndShowsAPipeline(_ kind: String) throws {
    let dir = try PlotE2E.directory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try PlotE2E.shell("nn-plot \(kind) --help", in: dir)
    #expect(r.status == 0)
    #expect(r.text.contains("Reads "))
    #expect(r.text.contains("Example:\n"))
    #expect(r.text.contains("| nn-plot \(kind) "))
    #expect(r.text.contains("--png <FILE>") && r.text.contains("--script") && r.text.contains("--terminal <terminal>"))
}

@Test func rootHelpListsEveryPlotKind() throws {
    let dir = try PlotE2E.directory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try PlotE2E.shell("nn-plot --help", in: dir)
    #expect(r.status == 0)
    for kind in ["loss", "boundary", "scatter", "roc", "confusion", "images", "weights"] {
        #expect(r.text.contains("\n  \(kind) "), "\(kind) missing from: \(r.text)")
    }
}

@Test func aTerminalAloneRendersOnStdoutWithTheTitleGiven() throws {
    let dir = try streams()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try PlotE2E.shell("nn-plot confusion --terminal svg --title 'Coat or dress?' < rings.nn > out.svg", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let svg = try String(contentsOfFile: dir + "/out.svg", encoding: .utf8)
    #expect(PlotE2E.svgSize(svg) != nil)
    #expect(svg.contains("Coat or dress?"))
}

@Test func thePipelinesOfTheOtherStagesEndInPictures() throws {
    let dir = try PlotE2E.directory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let circles = try PlotE2E.shell("nn-data circles --samples 200 --factor 0.5 --seed 1 | nn-fit --hidden 5 --epochs 300 "
                                    + "| nn-eval | nn-plot boundary --resolution 40 --png circles.png", in: dir)
    #expect(circles.status == 0, "\(circles.stderr)")
    let images = try PlotE2E.shell("nn-data mnist --classes dress,coat --limit-train 300 --limit-test 60 "
                                   + "| nn-fit --hidden 4 --batch-size 50 --epochs 2 | nn-eval > coat.nn "
                                   + "&& nn-plot weights --png weights.png < coat.nn && nn-plot images --misclassified --png wrong.png < coat.nn "
                                   + "&& nn-plot roc --svg roc.svg < coat.nn && nn-plot confusion --png confusion.png < coat.nn", in: dir)
    #expect(images.status == 0, "\(images.stderr)")
    for png in ["circles.png", "weights.png", "wrong.png", "confusion.png"] {
        #expect(PlotE2E.pngSize(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + png))) != nil, "\(png)")
    }
    #expect(PlotE2E.svgSize(try String(contentsOfFile: dir + "/roc.svg", encoding: .utf8)) != nil)
}
