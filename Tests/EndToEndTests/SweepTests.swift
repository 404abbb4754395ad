// The sweep examples: examples/Makefile trains one model per settings file, rebuilds only
// what changed, and examples/sweep.sh (GNU parallel) gives the same table from the same seeds.
import Foundation
import Testing

struct SweepTests {
    @Test func makeSweepSummarisesEveryConfigurationAndPlotsTheirLosses() throws {
        let sweep = try SweepScratch()
        defer { sweep.remove() }
        let result = try sweep.make()
        #expect(result.status == 0, "\(result.stderr)")
        let names = try sweep.configurations()
        #expect(names.count >= 5)
        let rows = tableRows(try sweep.text(sweep.makeOut + "/summary.md"))
        #expect(rows.map { $0.split(separator: "|")[0].trimmingCharacters(in: .whitespaces) } == names)
        for name in names {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(sweep.makeOut)/\(name).json"))) as? [String: Any]
            let accuracy = (json?["test"] as? [String: Any])?["accuracy"] as? Double
            #expect(accuracy.map { (0...1).contains($0) } == true, "\(name): \(String(describing: json))")
        }
        let png = try Data(contentsOf: URL(fileURLWithPath: sweep.makeOut + "/loss.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func secondMakeHasNothingToDo() throws {
        let sweep = try SweepScratch.made()
        defer { sweep.remove() }
        let before = try sweep.modificationTimes(sweep.makeOut)
        // make -q exits 0 only when every target is up to date.
        let question = try sweep.make("-q")
        #expect(question.status == 0, "\(question.stderr)")
        let again = try sweep.make()
        #expect(again.status == 0)
        #expect(!again.text.contains("nn-fit") && !again.text.contains("nn-eval"), "\(again.text)")
        #expect(try sweep.modificationTimes(sweep.makeOut) == before)
    }

    @Test func touchingOneSettingRetrainsOnlyThatConfiguration() throws {
        let sweep = try SweepScratch.made()
        defer { sweep.remove() }
        let names = try sweep.configurations()
        let touched = names[names.count / 2]
        let before = try sweep.modificationTimes(sweep.makeOut)
        // A setting made newer than its model, as an edit (or touch) would.
        try FileManager.default.setAttributes([.modificationDate: Date()],
                                              ofItemAtPath: "\(sweep.settings)/\(touched).opts")
        let plan = try sweep.make("-n")
        let fits = plan.lines.filter { $0.contains("nn-fit") }
        #expect(fits.count == 1 && fits[0].contains("/\(touched).opts"), "\(plan.text)")
        #expect(try sweep.make().status == 0)
        let after = try sweep.modificationTimes(sweep.makeOut)
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(changed == ["\(touched).nn", "\(touched).json", "summary.md", "loss.png"])
    }

    @Test func changingTheSharedEpochsRetrainsEveryConfiguration() throws {
        let sweep = try SweepScratch.made()
        defer { sweep.remove() }
        let plan = try sweep.make("-n", variables: SweepScratch.variables.replacingOccurrences(of: "EPOCHS=5", with: "EPOCHS=6"))
        #expect(plan.lines.filter { $0.contains("nn-fit") && $0.contains("--epochs 6") }.count == (try sweep.configurations()).count, "\(plan.text)")
        #expect(!plan.lines.contains { $0.hasPrefix("nn-data") }, "the data stays: \(plan.text)")
    }

    @Test func parallelSweepGivesTheMakefilesTable() throws {
        let sweep = try SweepScratch.made()
        defer { sweep.remove() }
        let parallel = try sweep.parallelSweep()
        #expect(parallel.status == 0, "\(parallel.stderr)")
        let fromMake = tableRows(try sweep.text(sweep.makeOut + "/summary.md"))
        let fromParallel = tableRows(try sweep.text(sweep.parallelOut + "/summary.md"))
        #expect(fromMake.count == (try sweep.configurations()).count)
        #expect(fromParallel == fromMake)
        for name in try sweep.configurations() {
            #expect(try sweep.text("\(sweep.parallelOut)/\(name).json") == sweep.text("\(sweep.makeOut)/\(name).json"), "\(name)")
        }
    }

    @Test func sshloginRunsJobsOnOtherMachinesAndBringsTheirResultsBack() throws {
        let sweep = try SweepScratch.made()
        defer { sweep.remove() }
        let ssh = try sweep.fakeSSH()
        let remote = try sweep.parallelSweep("--sshlogin 1/alpha,1/beta", environment: ["PARALLEL_SSH": ssh])
        #expect(remote.status == 0, "\(remote.stderr)")
        // Both "machines" were used, and each was left clean (--cleanup).
        let hosts = Set(try sweep.text(sweep.root.appendingPathComponent("ssh.log").path).split(separator: "\n"))
        #expect(hosts == ["alpha", "beta"])
        for host in hosts {
            let left = try FileManager.default.contentsOfDirectory(atPath: sweep.root.appendingPathComponent("hosts/\(host)").path)
            #expect(left.isEmpty, "\(host): \(left)")
        }
        #expect(tableRows(try sweep.text(sweep.parallelOut + "/summary.md")) == tableRows(try sweep.text(sweep.makeOut + "/summary.md")))
    }

    @Test func fashionVariantRunsOnASubset() throws {
        let sweep = try SweepScratch()
        defer { sweep.remove() }
        let result = try sweep.make(variables: "DATA=fashion DATA_COMMAND='nn-data mnist --classes dress,coat --limit-train 200 --limit-test 100' EPOCHS=2")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = tableRows(try sweep.text(sweep.makeOut + "/summary.md"))
        #expect(rows.count == (try sweep.configurations()).count)
        #expect(try sweep.text(sweep.makeOut + "/data.cmd").contains("--classes dress,coat --limit-train 200"))
    }

    /// A settings file whose name holds shell syntax (a shared folder, a downloaded sweep): make
    /// and sweep.sh refuse it by name before running anything, and nothing it names runs.
    @Test(arguments: ["x;touch pwned.opts", "$(touch pwned).opts", "a b.opts", "`touch pwned`.opts"])
    func aConfigurationNameWithShellSyntaxIsRefused(_ file: String) throws {
        let sweep = try SweepScratch()
        defer { sweep.remove() }
        try "--hidden 3\n".write(toFile: sweep.settings + "/" + file, atomically: true, encoding: .utf8)
        for result in [try sweep.make(), try sweep.parallelSweep()] {
            #expect(result.status != 0)
            #expect(result.stderr.contains("letters, digits"), "\(result.stderr)")
        }
        let left = try FileManager.default.subpathsOfDirectory(atPath: sweep.root.path).filter { $0.hasSuffix("pwned") }
        #expect(left.isEmpty, "a configuration's name ran as a command: \(left)")
        #expect(!FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("pwned").path))
    }

    /// The options in a settings file are words for nn-fit, not patterns: a `*` stays a `*`
    /// (and nn-fit says what is wrong with it) instead of becoming the names of files.
    @Test func optionsAreNotExpandedAsFileNames() throws {
        let sweep = try SweepScratch()
        defer { sweep.remove() }
        try "--hidden *\n".write(toFile: sweep.settings + "/star.opts", atomically: true, encoding: .utf8)
        let result = try sweep.make()
        #expect(result.status != 0)
        #expect(result.stderr.contains("'*'") || result.stderr.contains("\"*\""), "\(result.stderr)")
    }

    @Test func lossColumnsRefusesCurvesOfDifferentLengths() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = shellQuoted(dir.appendingPathComponent("a.nn").path)
        let b = shellQuoted(dir.appendingPathComponent("b.nn").path)
        let data = "nn-data circles --samples 40"
        #expect(try run("\(data) | nn-fit --hidden 2 --epochs 3 > \(a) && \(data) | nn-fit --hidden 2 --epochs 4 > \(b)").status == 0)
        let result = try run("examples/loss-columns.awk \(a) \(b)")
        #expect(result.status == 65)
        #expect(result.stderr.contains("b.nn") && result.stderr.contains("4 rows"), "\(result.stderr)")
        let merged = try run("examples/loss-columns.awk \(a) \(a) | nn-data info")
        #expect(merged.status == 0, "\(merged.stderr)")
    }
}
