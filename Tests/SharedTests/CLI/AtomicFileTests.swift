// A file a stage writes appears whole or not at all, written beside its target.
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import Shared

private func scratchDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("nn-atomic-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Test func theTemporaryFileIsBesideTheTarget() {
    let temp = AtomicFile.temporaryPath(for: "/some/dir/m.nn")
    #expect(temp == "/some/dir/m.nn.tmp.\(getpid())")
}

@Test func aWriteReplacesTheFileWhole() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/m.nn"
    try "old".write(toFile: path, atomically: false, encoding: .utf8)
    try AtomicFile.write(path) { out in
        // While writing, the target is still the old file and the bytes go to the temporary one.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(FileManager.default.fileExists(atPath: AtomicFile.temporaryPath(for: path)))
        try out.append("new")
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["m.nn"])
}

@Test func aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws {
    struct Failure: Error {}
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/m.nn"
    try "old".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(throws: Failure.self) {
        try AtomicFile.write(path) { out in
            try out.append(String(repeating: "x", count: 1 << 20))
            try out.flush()
            throw Failure()
        }
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["m.nn"])
}

@Test func aDirectoryThatDoesNotExistIsAnIOError() {
    do {
        try AtomicFile.write("/nonexistent-dir/m.nn") { _ in }
        Issue.record("wrote into a missing directory")
    } catch let e as IOError {
        #expect(e.exitCode == 74)
        #expect(e.message == "/nonexistent-dir/m.nn: cannot write: No such file or directory")
    } catch {
        Issue.record("\(error)")
    }
}
