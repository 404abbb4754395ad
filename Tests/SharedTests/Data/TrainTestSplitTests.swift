// Split sizes follow scikit-learn's train_test_split; stratification keeps class shares.
import Testing
@testable import Shared

@Test func testSizeIsRoundedUpAsTrainTestSplit() {
    // sklearn: n_test = ceil(test_size * n_samples); 0.25 of 10 → 3, 0.2 of 400 → 80.
    #expect(TrainTestSplit.testCount(rows: 10, testSize: 0.25) == 3)
    #expect(TrainTestSplit.testCount(rows: 400, testSize: 0.2) == 80)
    #expect(TrainTestSplit.testCount(rows: 7, testSize: 0) == 0)
    #expect(TrainTestSplit.testCount(rows: 7, testSize: 1) == 7)
}

@Test func splitIsAPartitionOfTheRows() throws {
    let labels = (0..<101).map { Int32($0 % 3) }
    for stratify in [false, true] {
        let s = try TrainTestSplit(labels: labels, classCount: 3, options: SplitOptions(testSize: 0.3, seed: 5, stratify: stratify))
        #expect(s.test.count == 31 && s.train.count == 70)
        #expect(Set(s.train + s.test) == Set(0..<101))
        #expect(Set(s.train).isDisjoint(with: s.test))
    }
}

@Test func testSizeZeroAndOnePutEveryRowOnOneSide() throws {
    let labels = [Int32](repeating: 0, count: 9)
    let none = try TrainTestSplit(labels: labels, classCount: 1, options: SplitOptions(testSize: 0))
    #expect(none.test.isEmpty && none.train.count == 9)
    let all = try TrainTestSplit(labels: labels, classCount: 1, options: SplitOptions(testSize: 1))
    #expect(all.train.isEmpty && all.test.count == 9)
}

@Test func everyRowOnOneSideKeepsTheInputOrder() throws {
    let labels = (0..<9).map { Int32($0 % 3) }
    for stratify in [false, true] {
        let all = try TrainTestSplit(labels: labels, classCount: 3, options: SplitOptions(testSize: 1, seed: 7, stratify: stratify))
        #expect(all.test == Array(0..<9))
        let none = try TrainTestSplit(labels: labels, classCount: 3, options: SplitOptions(testSize: 0, seed: 7, stratify: stratify))
        #expect(none.train == Array(0..<9))
    }
}

@Test func sameSeedSameSplitOtherSeedOtherSplit() throws {
    let labels = (0..<50).map { Int32($0 % 2) }
    let a = try TrainTestSplit(labels: labels, classCount: 2, options: SplitOptions(seed: 1))
    let b = try TrainTestSplit(labels: labels, classCount: 2, options: SplitOptions(seed: 1))
    let c = try TrainTestSplit(labels: labels, classCount: 2, options: SplitOptions(seed: 2))
    #expect(a == b)
    #expect(a != c)
}

@Test func stratifiedSplitKeepsEachClassShare() throws {
    // 90 of class 0, 10 of class 1; 20% test → exactly 18 and 2.
    let labels = [Int32](repeating: 0, count: 90) + [Int32](repeating: 1, count: 10)
    let s = try TrainTestSplit(labels: labels, classCount: 2, options: SplitOptions(testSize: 0.2, seed: 3, stratify: true))
    #expect(s.test.filter { labels[$0] == 1 }.count == 2)
    #expect(s.test.filter { labels[$0] == 0 }.count == 18)
    #expect(s.train.filter { labels[$0] == 1 }.count == 8)
}

@Test func apportionGivesLeftoversToLargestRemainders() {
    // 7 among sizes 5, 3, 2 (n = 10): exact shares 3.5, 2.1, 1.4 → floors 3, 2, 1 (6);
    // the one left goes to the largest remainder (0.5, class 0) → 4, 2, 1.
    #expect(TrainTestSplit.apportion(7, among: [5, 3, 2]) == [4, 2, 1])
    // Equal remainders: the larger group first, then the lower class.
    #expect(TrainTestSplit.apportion(1, among: [1, 1]) == [1, 0])
    // 2 among 1, 2, 1: floors 0, 1, 0; remainders 0.5, 0, 0.5 → the lower class, 0.
    #expect(TrainTestSplit.apportion(2, among: [1, 2, 1]) == [1, 1, 0])
}

@Test func splitRefusesATestSizeOutsideZeroToOne() {
    #expect(userFacingError { _ = try TrainTestSplit(labels: [0], classCount: 1, options: SplitOptions(testSize: 1.5)) }?.exitCode == ExitCode.usage)
}

@Test func writtenSplitHasTheFourSectionsWithEmptyTestAtZero() throws {
    let d = LabelledData(features: Matrix([[1, 2], [3, 4], [5, 6]]), columns: ["a", "b"], labels: [0, 1, 0], classes: ["no", "yes"])
    let s = try sections { w in try d.write(SplitOptions(testSize: 0), to: w) }
    #expect(s["train.x"]?.rows == 3 && s["train.y"]?.rows == 3)
    #expect(s["test.x"]?.rows == 0 && s["test.x"]?.cols == 2 && s["test.y"]?.rows == 0)
    #expect(s["train.y"]?.attributes.list("classes") == ["no", "yes"])
    #expect(s["train.x"]?.attributes.list("columns") == ["a", "b"])
    // Rows keep their labels: x's first value is 1, 3 or 5 with labels 0, 1, 0.
    let x = try s["train.x"]!.matrix(), y = try s["train.y"]!.labels()
    for r in 0..<3 { #expect(y[r] == (x[r, 0] == 3 ? 1 : 0)) }
}
