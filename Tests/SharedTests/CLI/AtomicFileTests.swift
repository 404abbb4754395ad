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

/// The temporary files in `dir` while `AtomicFile.write` runs.
private func temporaryFiles(_ dir: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("m.nn.tmp.") }
}

@Test func theTemporaryFileIsBesideTheTargetUnderANameNoOneCanGuess() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var names: [String] = []
    for _ in 0..<2 {
        try AtomicFile.write(dir + "/m.nn") { _ in names += try temporaryFiles(dir) }
    }
    #expect(names.count == 2)
    #expect(Set(names).count == 2, "two writes used the same temporary name: \(names)")
    for name in names {
        let suffix = name.dropFirst("m.nn.tmp.".count)
        #expect(suffix.count == 12 && suffix != "\(getpid())", "\(name)")
    }
}

/// A file planted where the temporary file goes, e.g. by another user of a shared directory.
private func plant(_ kind: String, at path: String, pointingTo victim: String) throws {
    if kind == "symlink" {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim)
    } else {
        try "planted".write(toFile: path, atomically: false, encoding: .utf8)
    }
}

@Test(arguments: ["symlink", "file"])
func aNamePlantedBeforehandIsNeverWrittenThrough(_ kind: String) throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let victim = dir + "/victim.txt"
    try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
    // The names the old code used (<path>.tmp.<pid>) for this and nearby pids, and names
    // that a guesser might try.
    var planted = ["m.nn.tmp.", "m.nn.tmp", "m.nn.tmp.0", "m.nn.tmp.XXXXXX"]
    planted += (-5...50).map { "m.nn.tmp.\(Int(getpid()) + $0)" }
    for name in planted { try plant(kind, at: dir + "/" + name, pointingTo: victim) }
    try AtomicFile.write(dir + "/m.nn") { try $0.append("model") }
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
    #expect(try String(contentsOfFile: dir + "/m.nn", encoding: .utf8) == "model")
    let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/m.nn")
    #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    #expect(Set(try temporaryFiles(dir)) == Set(planted.filter { $0.hasPrefix("m.nn.tmp.") }), "a planted file was replaced or removed")
}

@Test(arguments: ["symlink", "file"])
func aClashWithAPlantedNameTriesAnotherName(_ kind: String) throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let victim = dir + "/victim.txt"
    try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
    // The attacker guessed the first two names the writer will draw; the third is free.
    try plant(kind, at: dir + "/m.nn.tmp.guessed1", pointingTo: victim)
    try plant(kind, at: dir + "/m.nn.tmp.guessed2", pointingTo: victim)
    var drawn = ["guessed1", "guessed2", "free"].makeIterator()
    var used: [String] = []
    try AtomicFile.write(dir + "/m.nn", suffixes: { drawn.next()! }) { out in
        used = try temporaryFiles(dir)
        try out.append("model")
    }
    #expect(used.contains("m.nn.tmp.free"))
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
    #expect(try String(contentsOfFile: dir + "/m.nn", encoding: .utf8) == "model")
}

@Test func noFreeNameIsAnIOErrorThatTouchesNothing() throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try plant("symlink", at: dir + "/m.nn.tmp.same", pointingTo: dir + "/victim.txt")
    do {
        try AtomicFile.write(dir + "/m.nn", suffixes: { "same" }) { try $0.append("model") }
        Issue.record("wrote although every name was taken")
    } catch let e as IOError {
        #expect(e.exitCode == 74)
        #expect(e.message.hasSuffix("m.nn: cannot write: no free temporary name beside it after 100 tries"))
    }
    #expect(!FileManager.default.fileExists(atPath: dir + "/victim.txt"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/m.nn"))
}

private func mode(_ path: String) throws -> Int {
    try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
}

@Test(arguments: [0o600, 0o640, 0o755, 0o444])
func aReplacedFileKeepsItsMode(_ old: Int) throws {
    let dir = try scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/m.nn"
    try "old".write(toFile: path, atomically: false, encoding: .utf8)
    #expect(chmod(path, mode_t(old)) == 0)
    try AtomicFile.write(path) { try $0.append("new") }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    #expect(try mode(path) == old)
}
