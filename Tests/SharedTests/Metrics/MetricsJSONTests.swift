import Foundation
import Testing
@testable import Shared

/// Parses JSON text (Foundation is fine in tests).
func parseJSON(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Test func jsonHoldsTrainAndTestWithTheDocumentedKeys() throws {
    let p = Predictions(positiveProbabilities: setA.scores)
    let e = Evaluation(labels: setA.labels, predictions: p, classes: ["no", "yes"])
    let doc = try parseJSON(MetricsJSON.document([("train", e), ("test", e)]))
    #expect(Set(doc.keys) == ["train", "test"])
    let test = try #require(doc["test"] as? [String: Any])
    for key in ["accuracy", "precision", "recall", "f1", "confusion", "auc", "log_loss"] { #expect(test[key] != nil, "missing \(key)") }
    #expect(test["per_class"] == nil)
    #expect(test["confusion"] as? [[Int]] == [[4, 2], [3, 3]])
}

@Test func jsonNumbersReadBackAsTheSameFloat64() throws {
    let p = Predictions(positiveProbabilities: setA.scores)
    let e = Evaluation(labels: setA.labels, predictions: p, classes: ["no", "yes"])
    let text = MetricsJSON.document([("test", e)])
    // The number's own text, read with a correctly rounded parser (Foundation's
    // JSONSerialization on Linux is not), must give back the same bits.
    func number(_ key: String) -> Double? {
        guard let line = text.split(separator: "\n").first(where: { $0.contains("\"\(key)\": ") }) else { return nil }
        return Double(line.split(separator: " ").last!.trimmingCharacters(in: CharacterSet(charactersIn: ",")))
    }
    #expect(number("log_loss")?.bitPattern == e.logLoss.bitPattern)
    #expect(number("f1")?.bitPattern == e.f1.bitPattern)
    #expect(number("auc")?.bitPattern == e.auc?.bitPattern)
}

@Test func undefinedAUCIsNullAndTheNoteIsThere() throws {
    let e = Evaluation(labels: [0, 0, 0], predictions: Predictions(positiveProbabilities: [0.2, 0.7, 0.4]), classes: ["a", "b"])
    let text = MetricsJSON.document([("test", e)])
    #expect(text.contains("\"auc\": null"))
    let test = try #require(try parseJSON(text)["test"] as? [String: Any])
    #expect((test["notes"] as? [String])?.count == 2)
}

@Test func multiclassJSONHasPerClassScoresByName() throws {
    let e = Evaluation(labels: setB.labels, predictions: Predictions(probabilities: setB.probabilities), classes: ["a \"quoted\"", "b\\", "c"])
    let test = try #require(try parseJSON(MetricsJSON.document([("test", e)]))["test"] as? [String: Any])
    let perClass = try #require(test["per_class"] as? [String: [String: Any]])
    #expect(Set(perClass.keys) == ["a \"quoted\"", "b\\", "c"])
    #expect(perClass["c"]?["support"] as? Int == 3)
    #expect(perClass["a \"quoted\""]?["precision"] as? Double == 0.5)
    #expect((test["weighted"] as? [String: Double])?["recall"] == 0.6)
}
