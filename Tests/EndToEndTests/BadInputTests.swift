// nn-data refuses bad input with one line on stderr, a line number and a sysexits code;
// a failing stage never ends its output with '@end'.
import Foundation
import Testing

/// Runs `script`; expects `status`, a single stderr line starting "nn-data: error: " and containing `fragment`.
private func expectFailure(_ script: String, status: Int32, _ fragment: String, stdin: Data? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
    let r = try run(script, stdin: stdin)
    #expect(r.status == status, "\(script): \(r.stderr)", sourceLocation: sourceLocation)
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(script): \(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stderr.hasPrefix("nn-data: error: "), "\(r.stderr)", sourceLocation: sourceLocation)
    #expect(r.stderr.contains(fragment), "\(r.stderr)", sourceLocation: sourceLocation)
    #expect(!r.text.contains("@end"), "\(script) wrote a complete stream", sourceLocation: sourceLocation)
}

@Test func malformedCSVCellNamesLineAndColumn() throws {
    try expectFailure("nn-data csv -", status: 65, "line 3, column 2: expected a number ('b'), found 'oops'",
                      stdin: Data("a,b,c\n1,2,x\n3,oops,y\n".utf8))
}

@Test func raggedCSVRowNamesItsLine() throws {
    try expectFailure("nn-data csv -", status: 65, "line 4: row has 2 fields, expected 3", stdin: Data("a,b,c\n1,2,x\n1,2,y\n3,4\n".utf8))
}

@Test func truncatedStreamNamesTheLineItEndsOn() throws {
    // 5 lines: magic, comment, header, two of 80 rows.
    try expectFailure("nn-data blobs | head -5 | nn-data info", status: 65, "line 6: truncated input: section train.x (header on line 3) ends after 2 of 80 rows (the stage before this one probably failed)")
}

@Test func wrongVersionIsRefusedOnLine1() throws {
    try expectFailure("printf 'nn-stream 2\\n@end\\n' | nn-data info", status: 65, "line 1: unsupported stream version 2")
}

@Test func randomBytesAreNotAStream() throws {
    var state: UInt64 = 12345
    let bytes = (0..<4096).map { _ -> UInt8 in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
    try expectFailure("nn-data standardize", status: 65, "line 1: not an nn-stream", stdin: Data(bytes))
}

@Test func emptyInputIsRefused() throws {
    try expectFailure("nn-data info < /dev/null", status: 65, "line 1: truncated input: the input is empty")
    try expectFailure("nn-data split < /dev/null", status: 65, "line 1: truncated input: the input is empty")
    try expectFailure("nn-data csv - < /dev/null", status: 65, "line 1: empty CSV input")
}

@Test func badRowInsideAStreamNamesLineAndColumn() throws {
    try expectFailure("printf 'nn-stream 1\\n@train.x u8 2x3\\n1 2 3\\n4 x 6\\n@end\\n' | nn-data standardize", status: 65,
                      "line 4: section train.x, column 1: expected a u8 integer 0..255, found 'x'")
    try expectFailure("printf 'nn-stream 1\\n@train.x f32 1x2\\n1 nan\\n@end\\n' | nn-data info", status: 65,
                      "line 3: section train.x, column 1: expected a finite f32 number")
    try expectFailure("printf 'nn-stream 1\\n@train.x f32 1x2\\n1 2 3\\n@end\\n' | nn-data info", status: 65,
                      "line 3: section train.x: row has 3 values, expected 2")
}

@Test func dataAfterEndIsRefused() throws {
    try expectFailure("printf 'nn-stream 1\\n@end\\nmore\\n' | nn-data info", status: 65, "line 3: data after '@end'")
}

@Test func upstreamFailureReachesDownstreamAsAnError() throws {
    // The CSV stage fails on line 2; standardize then sees an empty input, not a stream.
    let r = try run("printf 'a,b\\nx y,1\\n' | nn-data csv - | nn-data standardize", pipefail: false)
    #expect(r.status == 65)
    #expect(r.stderr.contains("nn-data: error: line 2, column 1: expected a number"))
    #expect(r.stderr.contains("nn-data: error: line 1: truncated input: the input is empty"))
}

@Test func missingMnistDirectoryIsExit66WithTheAptCommand() throws {
    try expectFailure("nn-data mnist --dir /nonexistent/fashion", status: 66,
                      "/nonexistent/fashion/train-labels-idx1-ubyte.gz: no such file; install Fashion-MNIST with 'apt-get install dataset-fashion-mnist'")
}

@Test func missingCSVFileIsExit66() throws {
    try expectFailure("nn-data csv /nonexistent.csv", status: 66, "/nonexistent.csv: no such file")
}

@Test func corruptIdxFileIsExit65() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data([0, 0, 8, 1, 0, 0, 0, 2, 1]).write(to: dir.appendingPathComponent("train-labels-idx1-ubyte"))
    try Data([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 7, 7]).write(to: dir.appendingPathComponent("train-images-idx3-ubyte"))
    try expectFailure("nn-data mnist --dir \(shellQuoted(dir.path))", status: 65, "train-labels-idx1-ubyte: truncated: the header says 2 items, the file ends after 1")
    // A file that claims to be gzip but is not.
    try Data([0, 0, 8, 1, 0, 0, 0, 2, 1, 1]).write(to: dir.appendingPathComponent("train-labels-idx1-ubyte"))
    try Data([0x1F, 0x8B, 8, 0, 1, 2, 3]).write(to: dir.appendingPathComponent("t10k-labels-idx1-ubyte.gz"))
    try expectFailure("nn-data mnist --dir \(shellQuoted(dir.path))", status: 65, "t10k-labels-idx1-ubyte.gz:")
}

@Test func usageErrorsAreExit64() throws {
    for script in ["nn-data blobs --test-size 2", "nn-data mnist --classes shoe", "nn-data circles --factor 1",
                   "nn-data csv --delimiter ab -", "nn-data nosuch", "nn-data blobs --samples many"] {
        let r = try run(script)
        #expect(r.status == 64, "\(script): \(r.stderr)")
        #expect(!r.stderr.isEmpty)
    }
}

@Test func textInAFeatureColumnSuggestsLabelWhenTheLabelWasDefaulted() throws {
    try expectFailure("nn-data csv -", status: 65,
                      "line 2, column 2: expected a number ('species'), found 'setosa'; the label defaults to the last column ('petal'): if 'species' holds the labels, add --label species; if it holds categories, add --categorical species",
                      stdin: Data("sepal,species,petal\n5.1,setosa,1.4\n".utf8))
    // Given --label, no guess: the text is simply not a number.
    let r = try run("nn-data csv - --label petal", stdin: Data("sepal,species,petal\n5.1,setosa,1.4\n".utf8))
    #expect(r.status == 65 && !r.stderr.contains("--label"), "\(r.stderr)")
}
