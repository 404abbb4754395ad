// Generated rows are written in the split's order as they are made: the permutation behind it
// is a bijection computed position by position, and the split has TrainTestSplit's sizes and
// stratification quotas, every row landing in exactly one set.
import Testing
@testable import Shared

@Test(arguments: [0, 1, 2, 3, 4, 5, 17, 64, 65, 1000, 4099])
func anIndexPermutationVisitsEveryIndexOnce(_ n: Int) {
    var random = Random(seed: 7, stream: "test")
    let p = IndexPermutation(count: n, random: &random)
    let image = (0..<n).map { p[$0] }
    #expect(image.sorted() == Array(0..<n))
}

@Test func anIndexPermutationDependsOnItsSeedAndShuffles() {
    var r1 = Random(seed: 1, stream: "test"), r1again = Random(seed: 1, stream: "test"), r2 = Random(seed: 2, stream: "test")
    let a = IndexPermutation(count: 1000, random: &r1), b = IndexPermutation(count: 1000, random: &r1again)
    let c = IndexPermutation(count: 1000, random: &r2)
    let pa = (0..<1000).map { a[$0] }, pc = (0..<1000).map { c[$0] }
    #expect(pa == (0..<1000).map { b[$0] })
    #expect(pa != pc)
    // A shuffle leaves about one element in place (1/n each); 20 would be far from random.
    #expect(pa.enumerated().filter { $0.offset == $0.element }.count < 20)
    // The first 200 positions take indices from all over, not a block: their mean is near 500.
    let mean = Double(pa[..<200].reduce(0, +)) / 200
    #expect(abs(mean - 499.5) < 80)
}

@Test func hugeCountsNeedNoMemory() {
    var random = Random(seed: 3, stream: "test")
    let p = IndexPermutation(count: Int.max, random: &random)
    let values = (0..<1000).map { p[$0] }
    #expect(Set(values).count == 1000)
    #expect(values.allSatisfy { $0 >= 0 })
}

private func rows(_ s: StreamedSplit) -> (train: [Int], test: [Int]) {
    ((0..<s.trainCount).map(s.trainRow), (0..<s.testCount).map(s.testRow))
}

@Test(arguments: [(0.2, false), (0.2, true), (0.33, true), (0.5, false), (0.0, false), (1.0, true)])
func aStreamedSplitHasTrainTestSplitsSizesAndEveryRowOnce(_ testSize: Double, _ stratify: Bool) throws {
    let counts = [134, 133, 0, 133]
    var labels: [Int32] = []
    for (c, n) in counts.enumerated() { labels += Array(repeating: Int32(c), count: n) }
    let options = SplitOptions(testSize: testSize, seed: 5, stratify: stratify)
    let streamed = try StreamedSplit(classCounts: counts, options: options)
    let inMemory = try TrainTestSplit(labels: labels, classCount: counts.count, options: options)
    let (train, test) = rows(streamed)
    #expect(train.count == inMemory.train.count && test.count == inMemory.test.count)
    #expect((train + test).sorted() == Array(0..<labels.count))
    if stratify {
        // Each class gives the test set the quota TrainTestSplit gives it.
        for c in 0..<counts.count {
            #expect(test.filter { labels[$0] == Int32(c) }.count == inMemory.test.filter { labels[$0] == Int32(c) }.count)
        }
    }
    if testSize == 0 || testSize == 1 {
        // Nothing to split: the rows keep the generator's order.
        #expect(train + test == Array(0..<labels.count))
    } else {
        // Shuffled, and classes mixed: the first 30 test rows are not all of one class.
        #expect(Set(test.prefix(30).map { labels[$0] }).count > 1)
    }
}

@Test func aRowIsTheSameWhicheverOrderItIsMadeIn() throws {
    var b = Blobs()
    b.samples = 300
    b.features = 4
    b.centers = 3
    let generated = try b.rows(seed: 11)
    let all = generated.generate()
    let m = try all.matrix()
    var row = [Float](repeating: 0, count: 4)
    for i in [299, 0, 150, 17] {
        row.withUnsafeMutableBufferPointer { generated.make(row: i, label: Int(all.labels[i]), into: $0) }
        #expect(row == Array(m.data[(i * 4)..<((i + 1) * 4)]))
    }
}
