// The memory budget: sizes as people write them, bytes as people read them, the estimate of a
// network's training memory counted by hand, and the refusal's one line.
import Testing
@testable import Shared

private let gibibyte = 1024.0 * 1024 * 1024
private let sizes: [(String, Double)] = [
    ("8G", 8 * gibibyte), ("512M", gibibyte / 2), ("64k", 65536), ("1.5GiB", 1.5 * gibibyte),
    ("2gb", 2 * gibibyte), ("1000000000", 1e9), ("0", 0),
]

@Test(arguments: sizes)
func sizesParseAsUlimitAndSortWriteThem(_ text: String, _ bytes: Double) {
    #expect(MemoryBudget.parseSize(text) == bytes)
}

@Test(arguments: ["", "G", "-1G", "8X", "lots", "nan", "inf", "1e400"])
func aTextThatIsNotASizeIsRefused(_ text: String) {
    #expect(MemoryBudget.parseSize(text) == nil)
}

@Test func bytesReadAsPeopleWriteThem() {
    #expect(MemoryBudget.text(512) == "512 bytes")
    #expect(MemoryBudget.text(36_000) == "36 kB")
    #expect(MemoryBudget.text(2_800_000_000) == "2.8 GB")
    #expect(MemoryBudget.text(160e9) == "160 GB")
    #expect(MemoryBudget.text(1e30) == "more than 1000 EB")
}

@Test func trainingMemoryCountsEveryCopyOfTheWeights() {
    // 2-3-1: (2+1)·3 + (3+1)·1 = 13 parameters.
    var options = TrainingOptions()
    options.hidden = [3]
    options.method = .minibatch(size: 10)
    let plain = TrainingMemory(sizes: [2, 3, 1], options: options)
    #expect(plain.parameters == 13)
    // network, parameters, gradient, the trained network: 4 copies; 10 rows × (2 inputs + 3·(3 + 1) widths).
    #expect(plain.bytes == 4 * (4 * 13 + 10 * 14))
    options.optimizer = .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8)
    options.validation = 0.2
    // + Adam's two moments and the best weights; the validation rows' workspace.
    #expect(TrainingMemory(sizes: [2, 3, 1], options: options).bytes == 4 * (7 * 13 + 2 * 10 * 14))
    #expect(TrainingMemory(sizes: [2, 3, 1], options: options, rows: 4).bytes == 4 * (7 * 13 + 2 * 4 * 14))
}

@Test func aNetworkTooLargeIsRefusedWithWidthsThatFit() throws {
    var options = TrainingOptions()
    options.hidden = [100_000, 100_000]
    options.optimizer = .adam(beta1: 0.9, beta2: 0.999, eps: 1e-8)
    let budget = MemoryBudget(bytes: 24e9, source: "this machine")
    let error = #expect(throws: MemoryError.self) {
        try TrainingMemory(sizes: [2, 100_000, 100_000, 1], options: options).check(budget, options: options)
    }
    #expect(error?.exitCode == 69)
    #expect(error?.message == "a 2-100000-100000-1 network needs 242 GB to train with Adam (40 GB of weights); "
        + "this machine allows 24 GB (set NN_MEMORY_LIMIT to override). Did you mean --hidden 10000,10000?")
    try TrainingMemory(sizes: [2, 10_000, 10_000, 1], options: options).check(budget, options: options)
}

@Test func hiddenSizesWhoseWeightsOverflowAreAUsageError() {
    var options = TrainingOptions()
    options.hidden = [1 << 31, 1 << 31, 1 << 31]
    let error = #expect(throws: UsageError.self) { try options.checkHiddenSizes(MemoryBudget(bytes: 1e12, source: "this machine")) }
    #expect(error?.message.contains("more weights than a 64-bit count can hold") == true)
}

@Test func blobsRefuseMoreCentresThanSamplesAndOverflowingSizes() {
    var b = Blobs()
    b.samples = 100
    b.centers = 100_000_000
    #expect(throws: UsageError.self) { try b.validate() }
    b.centers = 3
    b.samples = 1 << 40
    b.features = 1 << 30
    #expect(throws: UsageError.self) { try b.validate() }
}

@Test func aBatchAsLargeAsIntMaxIsOneStepPerEpoch() {
    var options = TrainingOptions()
    options.method = .minibatch(size: .max)
    #expect(options.stepsPerEpoch(rows: 40) == 1)
    options.method = .minibatch(size: 16)
    #expect(options.stepsPerEpoch(rows: 40) == 3)
    #expect(options.stepsPerEpoch(rows: 32) == 2)
}
