// Training asked to stop from outside (Ctrl-C): it stops between epochs, keeps the weights
// it should (the best by validation loss, else the latest) and says where it stopped.
import Testing
@testable import Shared

struct TrainerInterruptTests {
    /// A `shouldStop` that says yes from its `n`th call on.
    func stopAfter(_ n: Int) -> () -> Bool {
        var calls = 0
        return { calls += 1; return calls >= n }
    }

    @Test func stopsAfterTheEpochInWhichItWasAsked() throws {
        var o = TrainingOptions()
        o.epochs = 500
        o.seed = 1
        let (result, _) = try train(o, rows: 60, shouldStop: stopAfter(7))
        #expect(result.stopped == .interrupted)
        #expect(result.steps == 7)
        #expect(result.epochs == 7 && result.plannedEpochs == 500)
        #expect(result.network.training["stopped"] == "interrupted")
        #expect(result.network.training["steps"] == "7")
        #expect(result.interruptionMessage("interrupted", savedTo: nil) == "interrupted at epoch 7 of 500; nothing saved (no --save)")
        #expect(result.interruptionMessage("interrupted", savedTo: "m.nn") == "interrupted at epoch 7 of 500; saved the model as it was to m.nn")
    }

    @Test func theInterruptedWeightsAreThoseOfAnEqualRunThatEndedThere() throws {
        // Stopping after 7 steps must give the very weights that --epochs 7 gives.
        var o = TrainingOptions()
        o.hidden = [3]
        o.method = .minibatch(size: 10)
        o.epochs = 50
        o.seed = 1
        let (stopped, _) = try train(o, rows: 60, shouldStop: stopAfter(7))
        o.epochs = 7
        let (whole, _) = try train(o, rows: 60)
        #expect(stopped.steps == whole.steps)
        #expect(stopped.network.layers.map(\.weight.data) == whole.network.layers.map(\.weight.data))
        #expect(stopped.network.layers.map(\.bias) == whole.network.layers.map(\.bias))
    }

    @Test func withValidationTheBestEpochSoFarIsKept() throws {
        var o = TrainingOptions()
        o.hidden = [32]
        o.method = .minibatch(size: 4)
        o.lr = 0.5
        o.epochs = 1000
        o.validation = 0.3
        o.patience = 1000
        let (result, _) = try train(o, rows: 60, validation: 0.3, shouldStop: stopAfter(40))
        #expect(result.stopped == .interrupted)
        #expect(result.epochs == 40)
        // The kept epoch is the one with the lowest validation loss in the curve so far.
        let best = result.curve.rows.min { $0[2] < $1[2] }!
        #expect(result.bestEpoch == Int(best[0]))
        #expect(result.interruptionMessage("terminated", savedTo: "m.nn")
                == "terminated at epoch 40 of 1000; saved the model of epoch \(Int(best[0])) (lowest validation loss) to m.nn")
    }

    @Test func aRunThatFinishesIsNotInterrupted() throws {
        var o = TrainingOptions()
        o.epochs = 5
        o.seed = 1
        // Asked only after the last step: nothing is left to stop.
        let (result, _) = try train(o, rows: 60, shouldStop: stopAfter(5))
        #expect(result.stopped == .limit)
        #expect(result.steps == 5)
    }
}
