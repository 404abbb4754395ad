// nn-fit --timing: one labelled line on stderr with the training loop's own time, for
// scripts/bench; the stream is the same bytes as without it.
import Foundation
import Testing

struct TimingTests {
    static let data = "nn-data blobs --samples 300 --features 4 --centers 3"
    static let fit = "nn-fit --hidden 8 --batch-size 32 --adam --epochs 3"

    /// The fields of `nn-fit: timing: train_seconds=… steps=… threads=… openblas_core=…`.
    static func fields(_ stderr: String) -> [String: String]? {
        let prefix = "nn-fit: timing: "
        guard stderr.hasPrefix(prefix), stderr.hasSuffix("\n"), stderr.filter({ $0 == "\n" }).count == 1 else { return nil }
        var fields: [String: String] = [:]
        for pair in stderr.dropFirst(prefix.count).dropLast().split(separator: " ") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { return nil }
            fields[String(kv[0])] = String(kv[1])
        }
        return fields
    }

    @Test func timingIsOneLabelledLineAndLeavesTheStreamAlone() throws {
        let started = Date()
        let timed = try run("\(Self.data) | \(Self.fit) --threads 2 --timing --quiet")
        let wall = Date().timeIntervalSince(started)
        let plain = try run("\(Self.data) | \(Self.fit) --threads 2 --quiet")
        #expect(timed.status == 0 && plain.status == 0, "\(timed.stderr)")
        #expect(plain.stderr.isEmpty)
        #expect(linesWithoutComments(timed) == linesWithoutComments(plain))
        let f = try #require(Self.fields(timed.stderr), "\(timed.stderr)")
        #expect(Set(f.keys) == ["train_seconds", "steps", "threads", "openblas_core"])
        // 300 rows, 0.2 held out as test: 240 rows, 8 batches of 32 per epoch.
        #expect(f["steps"] == "24")
        #expect(f["threads"] == "2")
        #expect(!(f["openblas_core"] ?? "").isEmpty)
        // Fixed notation to the nanosecond; more than nothing, less than the whole pipeline.
        let text = try #require(f["train_seconds"])
        #expect(text.range(of: #"^[0-9]+\.[0-9]{9}$"#, options: .regularExpression) != nil, "\(text)")
        let seconds = try #require(Double(text))
        #expect(seconds > 0 && seconds < wall, "train_seconds=\(text), pipeline \(wall) s")
    }

    /// The core named is the one OpenBLAS runs, not a guess: OPENBLAS_CORETYPE (which Debian's
    /// DYNAMIC_ARCH build obeys) changes it. Prescott's kernels run on any x86-64.
    #if arch(x86_64)
    @Test func timingNamesTheCoreOpenBLASUses() throws {
        let forced = try run("\(Self.data) | \(Self.fit) --timing --quiet", environment: ["OPENBLAS_CORETYPE": "Prescott"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(Self.fields(forced.stderr)?["openblas_core"] == "Prescott", "\(forced.stderr)")
    }
    #endif
}
