// nn-data in real pipes: generators, CSV, MNIST, standardize, split, info, and the
// examples/ stage between two nn stages.
import Foundation
import Testing

private let fashionInstalled = FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")

@Test func blobsPipeIntoInfo() throws {
    let r = try run("nn-data blobs --samples 400 --features 3 --centers 2 | nn-data info")
    #expect(r.status == 0 && r.stderr.isEmpty)
    #expect(r.lines.contains("@train.x f32 320x3 columns=x1,x2,x3"))
    #expect(r.lines.contains("@test.y i32 80x1 classes=0,1"))
}

@Test func sameSeedGivesTheSameBytes() throws {
    for source in ["blobs", "circles --noise 0.1", "moons --noise 0.2 --stratify"] {
        let a = try run("nn-data \(source) --seed 7"), b = try run("nn-data \(source) --seed 7"), c = try run("nn-data \(source) --seed 8")
        #expect(a.status == 0 && a.stdout == b.stdout, "\(source)")
        #expect(a.stdout != c.stdout, "\(source)")
    }
}

@Test func awkExampleStageWorksBetweenTwoNnStages() throws {
    // 100 circles → 80 training rows; every 2nd kept → 40, in x and y alike.
    let r = try run("nn-data circles --samples 100 | examples/every-nth.awk 2 | nn-data standardize | nn-data info")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.lines.contains("@train.x f32 40x2 columns=x1,x2 standardized=true"))
    #expect(r.lines.contains { $0.hasPrefix("@train.y i32 40x1") })
    #expect(r.lines.contains { $0.hasPrefix("@test.x f32 20x2") })
    #expect(r.lines.contains("# every-nth.awk 2: kept one training row in 2"))
}

@Test func csvFileAndStdinBecomeAStream() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = dir.appendingPathComponent("iris.csv")
    var text = "sepal,petal,species\n"
    for i in 0..<20 { text += "\(Double(i) / 4),\(i % 3).5,\"\(["setosa", "versicolor", "virginica"][i % 3])\"\n" }
    try text.write(to: csv, atomically: true, encoding: .utf8)
    let file = try run("nn-data csv \(shellQuoted(csv.path)) --label species --test-size 0.25 | nn-data info")
    #expect(file.status == 0, "\(file.stderr)")
    #expect(file.lines.contains("@train.x f32 15x2 columns=sepal,petal"))
    #expect(file.lines.contains("@test.y i32 5x1 classes=setosa,versicolor,virginica"))
    let stdin = try run("nn-data csv - --label species --test-size 0.25 < \(shellQuoted(csv.path)) | nn-data info")
    // The same stream but for the provenance comment, which records the command line.
    #expect(stdin.lines.filter { !$0.hasPrefix("#") } == file.lines.filter { !$0.hasPrefix("#") })
}

@Test func standardizeThenSplitKeepEveryRow() throws {
    let r = try run("nn-data blobs --samples 50 | nn-data split --test-size 0.5 --stratify | nn-data standardize | nn-data info")
    #expect(r.status == 0 && r.stderr.isEmpty)
    #expect(r.lines.contains("@train.x f32 25x2 columns=x1,x2 standardized=true"))
    #expect(r.lines.contains("@standardize.mean f32 1x2 columns=x1,x2"))
    let warned = try run("nn-data blobs | nn-data standardize | nn-data split > /dev/null")
    #expect(warned.status == 0 && warned.stderr.contains("nn-data: warning: standardize.mean was computed on the old training set"))
}

@Test func mnistFromIdxFilesInNNDataDir() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Plain (not gzipped) idx files: 4 training and 2 test images of 2x2 pixels.
    func idx(_ dims: [UInt32], _ items: [UInt8]) -> Data {
        Data([0, 0, 8, UInt8(dims.count)] + dims.flatMap { d in [24, 16, 8, 0].map { UInt8((d >> $0) & 255) } } + items)
    }
    try idx([4], [3, 4, 4, 7]).write(to: dir.appendingPathComponent("train-labels-idx1-ubyte"))
    try idx([4, 2, 2], Array(0..<16)).write(to: dir.appendingPathComponent("train-images-idx3-ubyte"))
    try idx([2], [4, 3]).write(to: dir.appendingPathComponent("t10k-labels-idx1-ubyte"))
    try idx([2, 2, 2], Array(100..<108)).write(to: dir.appendingPathComponent("t10k-images-idx3-ubyte"))
    let r = try run("nn-data mnist --classes coat,dress --names fashion", environment: ["NN_DATA_DIR": dir.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(Array(r.lines.dropFirst(2)) == [
        "@train.x u8 3x4 scale=1/255 image=2x2", "0 1 2 3", "4 5 6 7", "8 9 10 11",
        "@train.y i32 3x1 classes=Coat,Dress", "1", "0", "0",
        "@test.x u8 2x4 scale=1/255 image=2x2", "100 101 102 103", "104 105 106 107",
        "@test.y i32 2x1 classes=Coat,Dress", "0", "1",
        "@end", "",
    ])
}

@Test(.enabled(if: fashionInstalled))
func fashionMnistCoatAndDressHaveTheOfficialSizes() throws {
    let r = try run("nn-data mnist --classes 3,4 | grep '^@'")
    #expect(r.status == 0)
    #expect(r.lines == [
        "@train.x u8 12000x784 scale=1/255 image=28x28", "@train.y i32 12000x1 classes=Dress,Coat",
        "@test.x u8 2000x784 scale=1/255 image=28x28", "@test.y i32 2000x1 classes=Dress,Coat", "@end", "",
    ])
}

@Test(.enabled(if: fashionInstalled))
func mnistIntoHeadEndsQuietly() throws {
    // nn-data's own status, not head's: 141 would be death by SIGPIPE, the regression this pins.
    let r = try run("nn-data mnist --limit-train 100 | head -1; exit ${PIPESTATUS[0]}", pipefail: false)
    #expect(r.stderr.isEmpty)
    #expect(r.status == 0)
    #expect(r.lines == ["nn-stream 1", ""])
}

@Test func helpSaysWhatEachSubcommandReadsWritesAndShowsAPipeline() throws {
    for sub in ["mnist", "csv", "blobs", "circles", "moons", "friedman1", "regression", "sine", "standardize", "split", "info"] {
        let r = try run("nn-data \(sub) --help")
        #expect(r.status == 0, "\(sub)")
        #expect(r.text.contains("Reads"), "\(sub)")
        #expect(r.text.contains("Writes") || r.text.contains("writes"), "\(sub)")
        #expect(r.text.contains("Example:\n  nn-data"), "\(sub)")
    }
    let root = try run("nn-data --help")
    #expect(["mnist", "csv", "blobs", "circles", "moons", "friedman1", "regression", "sine", "standardize", "split", "info"].allSatisfy { root.text.contains("  \($0) ") })
}
