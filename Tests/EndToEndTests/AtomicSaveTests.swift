// kill -9 in the middle of `nn-fit --save` over a good model: the file is then the old model
// byte for byte or the whole new one, never a torn mixture. A killed writer leaves its
// temporary file (<file>.tmp.<random>) behind; a later run is not disturbed by it.
import Foundation
import Testing

struct AtomicSaveTests {
    /// 784 inputs and two hidden layers of this width: a model file of tens of MB
    /// (NN_KILL_HIDDEN=2000 gives about 70 MB).
    static let width = ProcessInfo.processInfo.environment["NN_KILL_HIDDEN"] ?? "1000"

    static func fitArguments(seed: Int, save: String) -> [String] {
        ["--hidden", "\(width),\(width)", "--epochs", "1", "--seed", "\(seed)", "--save", save]
    }

    /// When to kill: once the temporary file holds this fraction of the model (0: as soon as
    /// it appears; 1: complete, between fsync and rename if the poll catches it), or (nil) once
    /// it has been renamed.
    static let moments: [Double?] = [0, 0.25, 0.5, 0.75, 1, nil]

    /// The file without its comment lines: the provenance names the --save path, which differs
    /// between runs; everything else must be the same bytes.
    static func withoutComments(_ d: Data) -> [Substring] {
        String(decoding: d, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }
    }

    @Test func killingTheSaveNeverTearsTheFile() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        try Reliability.expect("nn-data blobs --features 784 --samples 20 --centers 2 > data.nns && mkdir r0 r1 r2 r3 r4 r5 rf",
                               in: dir, status: 0)
        // The old model, and the new one as a run that is not killed writes it: same seed, and
        // a --save path of the same length, so the same size.
        let reference = try Reliability.spawn("nn-fit", Self.fitArguments(seed: 2, save: path("rf/m.nn")), stdin: path("data.nns"), stdout: nil, stderr: nil)
        #expect(reference.wait().status == 0)
        try Reliability.expect("nn-fit \(Self.fitArguments(seed: 1, save: "old.nn").joined(separator: " ")) < data.nns > /dev/null", in: dir, status: 0)
        let old = try #require(Reliability.contents(dir, "old.nn"))
        let new = try #require(Reliability.contents(dir, "rf/m.nn"))
        #expect(old.count > 10_000_000 && new.count > 10_000_000)
        #expect(Self.withoutComments(old) != Self.withoutComments(new))

        var outcomes: [String] = []
        for (index, fraction) in Self.moments.enumerated() {
            let target = "r\(index)/m.nn"
            try old.write(to: dir.appendingPathComponent(target))
            let p = try Reliability.spawn("nn-fit", Self.fitArguments(seed: 2, save: path(target)), stdin: path("data.nns"), stdout: nil, stderr: nil)
            // The temporary file's name is random: the one file in the directory that starts so.
            var temp = ""
            func findTemporary() -> String {
                if temp.isEmpty, let name = (try? FileManager.default.contentsOfDirectory(atPath: path("r\(index)")))?
                    .first(where: { $0.hasPrefix("m.nn.tmp.") }) { temp = path("r\(index)/" + name) }
                return temp
            }
            var seen = 0, appeared = false
            let caught = Reliability.waitUntil(seconds: 300) {
                guard let size = (try? FileManager.default.attributesOfItem(atPath: findTemporary()))?[.size] as? Int else {
                    // Renamed, or the run ended.
                    return (fraction == nil && appeared) || Reliability.isZombie(p.pid)
                }
                appeared = true
                seen = size
                guard let fraction else { return false }
                return size >= Int(Double(new.count) * fraction)
            }
            kill(p.pid, SIGKILL)
            let ended = p.wait()
            let after = try #require(Reliability.contents(dir, target))
            let state = after == old ? "old" : after.count == new.count && Self.withoutComments(after) == Self.withoutComments(new)
                ? "new" : "TORN (\(after.count) bytes)"
            let left = !temp.isEmpty && FileManager.default.fileExists(atPath: temp)
            let moment = fraction.map { "at \(Int($0 * 100))% (temp \(seen) of \(new.count) bytes)" } ?? "after the rename"
            outcomes.append("kill \(moment), caught \(caught), \(ended.signal == SIGKILL ? "killed" : "had ended"): \(state), temp left: \(left)")
            #expect(state == "old" || state == "new", "\(outcomes.last!)")
            if fraction == nil { #expect(state == "new", "\(outcomes.last!)") }
            if ended.signal == SIGKILL && state == "old" { #expect(left, "\(outcomes.last!)") }
        }
        print(outcomes.joined(separator: "\n"))
        // A later run saves over a file that still has a killed run's temporary file beside it.
        let again = try Reliability.spawn("nn-fit", Self.fitArguments(seed: 2, save: path("r1/m.nn")), stdin: path("data.nns"), stdout: nil, stderr: nil)
        #expect(again.wait().status == 0)
        #expect(Self.withoutComments(Reliability.contents(dir, "r1/m.nn") ?? Data()) == Self.withoutComments(new))
        try Reliability.expect("nn-data blobs --features 784 --samples 20 --centers 2 | nn-eval --quiet --model r1/m.nn --json > /dev/null", in: dir, status: 0)
    }

    /// The attack from the report: another user plants `<file>.tmp.<pid>` (the old temporary
    /// name) as a symlink while nn-fit trains; the save must not write through it.
    @Test func aSymlinkPlantedAtTheOldTemporaryNameIsNotWrittenThrough() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Reliability.expect("""
            echo precious > victim.txt
            nn-data blobs > data.nns
            { nn-fit --hidden 3 --epochs 20000 --save model.nn < data.nns > /dev/null & ln -s victim.txt model.nn.tmp.$!; wait $!; }
            """, in: dir, status: 0)
        #expect(String(decoding: Reliability.contents(dir, "victim.txt") ?? Data(), as: UTF8.self) == "precious\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("model.nn").path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        try Reliability.expect("nn-data blobs | nn-eval --quiet --model model.nn --json > /dev/null", in: dir, status: 0)
    }

    /// A new model file is 0644 less the umask; a replaced one keeps its mode.
    @Test(arguments: [("022", "644"), ("077", "600"), ("002", "644")])
    func aNewModelFileFollowsTheUmask(_ mask: String, _ mode: String) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run("cd \(shellQuoted(dir.path)) && umask \(mask) && nn-data blobs | nn-fit --quiet --save m.nn > /dev/null && stat -c %a m.nn")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text == mode + "\n")
    }

    @Test func aReplacedModelFileKeepsItsMode() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run("cd \(shellQuoted(dir.path)) && echo old > m.nn && chmod 600 m.nn && nn-data blobs | nn-fit --quiet --save m.nn > /dev/null && stat -c %a m.nn && head -c 9 m.nn")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text == "600\nnn-stream")
    }
}
