// Ctrl-C (SIGINT) and SIGTERM during long work: the handler only records the signal, and the
// work looks at `Interrupt.requested` between steps, so it can stop cleanly and save.
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

public enum Interrupt {
    /// The signal received since `catchSignals`, or 0. Written by the handler (lock-free, so
    /// async-signal-safe), read by the work.
    private static let received = Atomic<Int32>(0)

    /// From now on SIGINT and SIGTERM only set a flag. Each handler fires once: a second Ctrl-C
    /// finds the default action again and ends the program at once. A signal ignored on entry
    /// stays ignored (`nohup`, or `nn-fit &` in a script, must not stop on the terminal's Ctrl-C);
    /// one blocked by the parent is unblocked, or it would never arrive.
    public static func catchSignals(_ signals: [Int32] = [SIGINT, SIGTERM]) {
        // Touch the flag first, so the handler never runs a lazy global initialiser.
        received.store(0, ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in Interrupt.received.store(signal, ordering: .relaxed) }
        action.sa_flags = Int32(bitPattern: SA_RESETHAND) | SA_RESTART
        sigemptyset(&action.sa_mask)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for s in signals {
            var current = sigaction()
            sigaction(s, nil, &current)
            if let handler = current.__sigaction_handler.sa_handler,
               unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            previous.append((s, current))
            sigaction(s, &action, nil)
            sigaddset(&unblock, s)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// The actions `catchSignals` replaced (touched by the main thread only, never by the handler).
    nonisolated(unsafe) private static var previous: [(Int32, sigaction)] = []

    /// Gives the signals caught the actions they had before `catchSignals` (for SIGINT and
    /// SIGTERM usually the default: the program dies on them).
    public static func restore() {
        for (s, action) in previous.reversed() {
            var action = action
            sigaction(s, &action, nil)
        }
        previous = []
    }

    /// The signal that asked the work to stop, if one did.
    public static var requested: Int32? {
        let s = received.load(ordering: .relaxed)
        return s == 0 ? nil : s
    }

    /// True once SIGINT or SIGTERM arrived (the check a loop makes between steps).
    public static var isRequested: Bool { requested != nil }

    /// The shell's status for a program ended by `signal`: 128 + its number (130 for SIGINT).
    public static func exitCode(for signal: Int32) -> Int32 { 128 + signal }

    /// "interrupted" for SIGINT, "terminated" for SIGTERM: the word the message starts with.
    public static func word(for signal: Int32) -> String {
        signal == SIGTERM ? "terminated" : "interrupted"
    }
}
