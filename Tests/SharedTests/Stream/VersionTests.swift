// The version has one source, the package root's VERSION file: the VersionFromFile plugin compiles
// it into Shared, and the Makefile and scripts/package-deb read it; --version and provenance print it.
import Foundation
import Testing
import Shared

@Test func provenanceVersionIsTheVersionFile() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let file = try String(contentsOf: root.appendingPathComponent("VERSION"), encoding: .utf8)
    #expect(file == Provenance.version + "\n")
}

@Test func provenanceLineNamesTheVersion() {
    #expect(Provenance.line(program: "nn-fit", arguments: ["--sgd"]) == "nn-fit \(Provenance.version): nn-fit --sgd")
}
