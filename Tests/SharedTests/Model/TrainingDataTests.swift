// The checks on training rows and labels, and the validation hold-out.
import Testing
@testable import Shared

struct TrainingDataTests {
    func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch let e as UserFacingError { return e.message } catch { return "\(error)" }
    }

    @Test func badLabelsAreRefusedWithWhatIsWrong() {
        let x = Matrix(rows: 3, cols: 2)
        #expect(message { _ = try TrainingData(x: x, y: [0, 1], classes: nil) }?.contains("train.x has 3 rows but train.y has 2") == true)
        #expect(message { _ = try TrainingData(x: x, y: [0, 2, 1], classes: ["a", "b"]) }?.contains("row 1 has label 2; labels must be 0..1") == true)
        #expect(message { _ = try TrainingData(x: x, y: [0, -1, 1], classes: nil) }?.contains("label -1") == true)
        #expect(message { _ = try TrainingData(x: x, y: [1, 1, 1], classes: ["a", "b"]) }?.contains("one class only") == true)
        #expect(message { _ = try TrainingData(x: x, y: [0, 1, 0], classes: ["a", "b"]) } == nil)
    }

    @Test func aBadLabelNamesItsStreamLine() {
        // Labels start on line 10, so row 1 (the second; rows count from 0) is line 11.
        let x = Matrix(rows: 3, cols: 2)
        #expect(message { _ = try TrainingData(x: x, y: [0, 2, 1], classes: ["a", "b"], firstLabelLine: 10) }?
            .hasPrefix("line 11: train.y row 1 has label 2") == true)
    }

    @Test func classesDefaultToTheLabelsSeen() throws {
        let d = try TrainingData(x: Matrix(rows: 3, cols: 1), y: [0, 2, 1], classes: nil)
        #expect(d.classes == ["0", "1", "2"])
    }

    @Test func holdOutMovesAChosenFractionToTheEndKeepingOrder() throws {
        let n = 50
        let x = Matrix(rows: n, cols: 3, data: (0..<(n * 3)).map { Float($0) })
        var d = try TrainingData(x: x, y: (0..<n).map { Int32($0 % 2) }, classes: nil)
        try d.holdOut(fraction: 0.2, seed: 9)
        #expect(d.trainRows == 40 && d.validationRows == 10)
        let rowIDs = (0..<n).map { Int(d.x[$0, 0]) / 3 }
        #expect(Set(rowIDs) == Set(0..<n))
        #expect(Array(rowIDs[..<40]) == rowIDs[..<40].sorted() && Array(rowIDs[40...]) == rowIDs[40...].sorted())
        for r in 0..<n {
            #expect(d.x[r, 1] == d.x[r, 0] + 1 && d.x[r, 2] == d.x[r, 0] + 2)
            #expect(d.y[r] == Float(rowIDs[r] % 2))
        }
        var e = try TrainingData(x: x, y: (0..<n).map { Int32($0 % 2) }, classes: nil)
        try e.holdOut(fraction: 0.2, seed: 9)
        #expect(e.x == d.x)
    }

    @Test func holdOutNeedsRowsOnBothSides() throws {
        var d = try TrainingData(x: Matrix(rows: 2, cols: 1), y: [0, 1], classes: nil)
        #expect(message { try d.holdOut(fraction: 0.1, seed: 1) }?.contains("both need at least one") == true)
    }
}
