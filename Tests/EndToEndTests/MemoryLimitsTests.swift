// Headers are claims: a stage fed a header that claims a huge row, or a line with no end,
// fails cleanly with a peak memory near its baseline rather than what the input claims.
// Peak memory is measured with GNU time's %M (maximum resident set size, KiB).
import Foundation
import Testing

/// Runs `program` on the output of `producer` under /usr/bin/time; the exit status, the
/// stage's stderr, and its peak resident memory in MiB.
private func peakMemory(_ producer: String, _ program: String) throws -> (status: Int32, stderr: String, mebibytes: Double) {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let rss = dir.appendingPathComponent("rss").path
    let r = try run("\(producer) | /usr/bin/time -o \(shellQuoted(rss)) -f %M \(program) > /dev/null", pipefail: false)
    let text = try String(contentsOfFile: rss, encoding: .utf8)
    let kib = text.split(separator: "\n").compactMap { Double($0) }.last ?? .infinity
    return (r.status, r.stderr.split(separator: "\n").filter { !$0.hasPrefix("Command exited") }.joined(separator: "\n"), kib / 1024)
}

private let stages = ["nn-data info", "nn-data standardize", "nn-data split", "nn-fit --quiet", "nn-plot scatter"]

@Test(arguments: stages)
func aHeaderClaimingA33MillionColumnRowCostsNothingUntilTheRowArrives(stage: String) throws {
    // 2^25 f32 columns is 128 MiB a row; per-column statistics would be 512 MiB. The row that
    // follows has 2 values, so the stage must refuse it before making any such buffer.
    let r = try peakMemory("printf 'nn-stream 1\\n@train.x f32 1x33554432\\n1 2\\n@end\\n'", stage)
    #expect(r.status == 65, "\(stage): \(r.stderr)")
    #expect(r.stderr.contains("line 3: section train.x: row has 2 values, expected 33554432"), "\(stage): \(r.stderr)")
    #expect(r.mebibytes < 64, "\(stage) peaked at \(r.mebibytes) MiB")
}

@Test func a100MBLineWithoutAnEndFailsAfterAtMost64MiB() throws {
    let producer = "{ printf 'nn-stream 1\\n@train.x u8 1x1\\n'; head -c 100000000 /dev/zero | tr '\\0' 7; }"
    let r = try peakMemory(producer, "nn-data info")
    #expect(r.status == 65, "\(r.stderr)")
    #expect(r.stderr.contains("line 3: no line end within 67108864 bytes"), "\(r.stderr)")
    // The line buffer doubles up to 64 MiB: 32 + 64 MiB at the last step, plus the baseline.
    #expect(r.mebibytes < 160, "peaked at \(r.mebibytes) MiB")
}

/// The budget check on a growing section counts the values a row can hold (its text has at
/// least one byte and one space per value), not the header's claim: a header claiming 2^25
/// columns (134 MB of f32) followed by a row of 2 values is bad data (65), even under a 100 MB
/// budget that the claim would exceed (fuzz-stream's finding: it reserved the claim).
@Test(arguments: ["nn-eval", "nn-plot scatter"])
func aHugeColumnClaimIsBadDataNotAMemoryError(stage: String) throws {
    let r = try run("printf 'nn-stream 1\\n@test.x f32 1x33554432\\n1 2\\n@end\\n' | \(stage) > /dev/null",
                    pipefail: false, environment: ["NN_MEMORY_LIMIT": "100M"])
    #expect(r.status == 65, "\(stage): \(r.status) \(r.stderr)")
    #expect(r.stderr.contains("row has 2 values, expected 33554432"), "\(stage): \(r.stderr)")
}
