// idx files (plain and gzipped) and the MNIST source: class selection, relabelling,
// limits, and the errors for missing and malformed files.
import Testing
@testable import Shared

private func tinyMnist(gzipped: Bool, _ body: (String) throws -> Void) rethrows {
    let dir = temporaryDirectory()
    defer { removeDirectory(dir) }
    // Labels of the 8 training and 4 test images.
    writeTinyMnist(dir, trainLabels: [3, 4, 1, 4, 3, 3, 0, 4], testLabels: [4, 3, 9, 3], gzipped: gzipped)
    try body(dir)
}

@Test(arguments: [false, true])
func idxHeaderGivesDimensions(gzipped: Bool) throws {
    try tinyMnist(gzipped: gzipped) { dir in
        let f = try IdxFile(path: "\(dir)/train-images-idx3-ubyte\(gzipped ? ".gz" : "")", expectedDimensions: 3)
        #expect(f.dimensions == [8, 2, 3])
        #expect(f.itemSize == 6)
        let all = try f.readAll()
        #expect(all.count == 48 && all[6] == 41)  // item 1 has label 4: 10·4 + 1
    }
}

@Test(arguments: [false, true])
func selectedClassesAreRelabelledInTheOrderGiven(gzipped: Bool) throws {
    try tinyMnist(gzipped: gzipped) { dir in
        let classes = try ClassSelection(parsing: "coat,Dress", names: .fashion)   // 4 → 0, 3 → 1
        #expect(classes.labels == [4, 3] && classes.names == ["Coat", "Dress"])
        let s = try sections { w in try Mnist(directory: dir, classes: classes).write(to: w) }
        let x = s["train.x"]!
        #expect(x.header.type == .u8 && x.rows == 6 && x.cols == 6)
        #expect(x.attributes["scale"] == "1/255" && x.attributes["image"] == "2x3")
        // Training images 0, 1, 3, 4, 5, 7 (labels 3 4 4 3 3 4), first pixel 10·label + index.
        guard case .u8(let pixels) = x.storage else { Issue.record("not u8"); return }
        #expect(stride(from: 0, to: 36, by: 6).map { pixels[$0] } == [30, 41, 43, 34, 35, 47])
        #expect(try s["train.y"]!.labels() == [1, 0, 0, 1, 1, 0])
        #expect(s["train.y"]!.attributes.list("classes") == ["Coat", "Dress"])
        #expect(try s["test.y"]!.labels() == [0, 1, 1])
        #expect(try s["test.x"]!.matrix()[0, 0] == Float(40) / 255)
    }
}

@Test func limitsKeepTheFirstImagesOfTheSelectedClasses() throws {
    try tinyMnist(gzipped: true) { dir in
        let m = Mnist(directory: dir, classes: try ClassSelection(parsing: "3,4", names: .digits), limitTrain: 2, limitTest: 1)
        let s = try sections { w in try m.write(to: w) }
        #expect(s["train.x"]!.rows == 2 && s["test.x"]!.rows == 1)
        #expect(try s["train.y"]!.labels() == [0, 1])
        #expect(s["train.y"]!.attributes.list("classes") == ["3", "4"])
    }
}

@Test func allClassesByDefaultAndPooledLoad() throws {
    try tinyMnist(gzipped: false) { dir in
        let d = try Mnist(directory: dir, classes: .all(.fashion)).load()
        #expect(d.rows == 12 && d.cols == 6)
        #expect(d.classes.count == 10 && d.classes[9] == "Ankle boot")
        #expect(d.labels == [3, 4, 1, 4, 3, 3, 0, 4, 4, 3, 9, 3])
    }
}

@Test func classNamesIgnoreCaseAndPunctuation() throws {
    #expect(try ClassSelection(parsing: "ankle-boot,T-SHIRT, trouser ", names: .fashion).labels == [9, 0, 1])
    #expect(try ClassSelection(parsing: "top,Ankle Boot", names: .fashion).labels == [0, 9])
    #expect(userFacingError { _ = try ClassSelection(parsing: "dress,dress", names: .fashion) }?.exitCode == ExitCode.usage)
    #expect(userFacingError { _ = try ClassSelection(parsing: "shoe", names: .fashion) }?.message.contains("unknown class 'shoe'") == true)
    #expect(userFacingError { _ = try ClassSelection(parsing: "dress", names: .digits) }?.exitCode == ExitCode.usage)
    #expect(userFacingError { _ = try ClassSelection(parsing: "10", names: .digits) }?.exitCode == ExitCode.usage)
}

@Test func missingFileIsExit66NamingPathAndPackage() {
    let e = userFacingError { _ = try Mnist(directory: "/nonexistent/mnist", classes: .all(.fashion)).load() }
    #expect(e?.exitCode == ExitCode.noInput)
    #expect(e?.message.hasPrefix("/nonexistent/mnist/train-labels-idx1-ubyte.gz: no such file") == true)
    #expect(e?.message.contains("apt-get install dataset-fashion-mnist") == true)
}

@Test func wrongMagicIsExit65() {
    let dir = temporaryDirectory()
    defer { removeDirectory(dir) }
    writeFile("\(dir)/f", [1, 2, 3, 4, 5, 6, 7, 8])
    let e = userFacingError { _ = try IdxFile(path: "\(dir)/f", expectedDimensions: 1) }
    #expect(e?.exitCode == ExitCode.dataError && e?.message.contains("not an idx file") == true)
    writeFile("\(dir)/g", idxBytes(dimensions: [2, 1], items: [0, 0]))
    #expect(userFacingError { _ = try IdxFile(path: "\(dir)/g", expectedDimensions: 1) }?.message.contains("has 2 dimensions, expected 1") == true)
    writeFile("\(dir)/h", [0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0])
    #expect(userFacingError { _ = try IdxFile(path: "\(dir)/h", expectedDimensions: 1) }?.message.contains("0x0D is not supported") == true)
}

@Test(arguments: [false, true])
func truncatedIdxSaysHowManyItemsItHolds(gzipped: Bool) {
    let dir = temporaryDirectory()
    defer { removeDirectory(dir) }
    writeFile("\(dir)/t", idxBytes(dimensions: [5], items: [1, 2, 3]), gzipped: gzipped)
    let e = userFacingError { _ = try IdxFile(path: "\(dir)/t", expectedDimensions: 1).readAll() }
    #expect(e?.exitCode == ExitCode.dataError)
    #expect(e?.message.contains("the header says 5 items, the file ends after 3") == true)
}

@Test func extraBytesAfterTheItemsAreRefused() {
    let dir = temporaryDirectory()
    defer { removeDirectory(dir) }
    writeFile("\(dir)/x", idxBytes(dimensions: [2], items: [1, 2, 3]))
    #expect(userFacingError { _ = try IdxFile(path: "\(dir)/x", expectedDimensions: 1).readAll() }?.message.contains("data after") == true)
}

@Test func imagesAndLabelsMustAgreeInCount() {
    let dir = temporaryDirectory()
    defer { removeDirectory(dir) }
    writeTinyMnist(dir, trainLabels: [1, 2], testLabels: [1], gzipped: false)
    writeFile("\(dir)/train-labels-idx1-ubyte", idxBytes(dimensions: [3], items: [1, 2, 3]))
    let e = userFacingError { _ = try Mnist(directory: dir, classes: .all(.digits)).load() }
    #expect(e?.message.contains("has 2 images but") == true)
}

@Test func labelsOutsideZeroToNineAreRefused() {
    let dir = temporaryDirectory()
    defer { removeDirectory(dir) }
    writeTinyMnist(dir, trainLabels: [1, 12], testLabels: [1], gzipped: false)
    let e = userFacingError { _ = try Mnist(directory: dir, classes: .all(.digits)).load() }
    #expect(e?.message.contains("item 2 has label 12, expected 0..9") == true)
}
