// Every program prints the same version, the VERSION file's, and names it in the stream it writes.
import Foundation
import Testing

/// The first line of the package root's VERSION file.
let packageVersion: String = {
    let text = (try? String(contentsOf: packageRoot.appendingPathComponent("VERSION"), encoding: .utf8)) ?? ""
    return String(text.split(separator: "\n").first ?? "")
}()

@Test(arguments: ["nn-data", "nn-fit", "nn-eval", "nn-plot"])
func versionFlagPrintsTheVersionFile(program: String) throws {
    #expect(!packageVersion.isEmpty)
    let r = try run("\(program) --version")
    #expect(r.status == 0)
    #expect(r.text == packageVersion + "\n")
}

@Test func provenanceCommentsCarryTheVersionFile() throws {
    let r = try run("nn-data blobs --samples 40 | nn-fit --epochs 2 | grep '^# '")
    #expect(r.status == 0)
    #expect(r.lines.prefix(2) == ["# nn-data \(packageVersion): nn-data blobs --samples 40",
                                  "# nn-fit \(packageVersion): nn-fit --epochs 2"])
}
