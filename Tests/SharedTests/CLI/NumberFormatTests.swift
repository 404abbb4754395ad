import Testing
@testable import Shared

@Test func fixedPointNumbersHaveTheDecimalsAsked() {
    #expect(NumberFormat.fixed(0.93751) == "0.9375")
    #expect(NumberFormat.fixed(0.99996) == "1.0000")
    #expect(NumberFormat.fixed(0) == "0.0000")
    #expect(NumberFormat.fixed(12.5) == "12.5000")
    #expect(NumberFormat.fixed(0.00005) == "0.0001")
    #expect(NumberFormat.fixed(0.8125, decimals: 3) == "0.813")
    #expect(NumberFormat.fixed(1.25, decimals: 1) == "1.3")
    #expect(NumberFormat.fixed(0.00001234, decimals: 8) == "0.00001234")
    #expect(NumberFormat.fixed(-0.5, decimals: 2) == "-0.50")
    #expect(NumberFormat.fixed(-0.00001, decimals: 2) == "0.00")
    #expect(NumberFormat.fixed(2.5, decimals: 0) == "3")
    #expect(NumberFormat.fixed(.infinity) == "inf")
}
