// The signal handler only records the signal; the program looks at the flag between steps.
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Shared

@Test func aCaughtSigintSetsTheFlagAndTheNextOneIsDeadly() {
    Interrupt.catchSignals([SIGINT])
    #expect(!Interrupt.isRequested)
    // The test runner's threads may block signals: unblock SIGINT on this one while raising it.
    var set = sigset_t(), old = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &set, &old)
    raise(SIGINT)
    pthread_sigmask(SIG_SETMASK, &old, nil)
    #expect(Interrupt.requested == SIGINT)
    // The handler fired once and gave SIGINT its default action back (a second Ctrl-C kills).
    var now = sigaction()
    sigaction(SIGINT, nil, &now)
    #expect(unsafeBitCast(now.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_DFL, to: Int.self))
    Interrupt.restore()
}

@Test func anIgnoredSignalStaysIgnored() {
    // `nohup nn-fit` or `nn-fit &` in a script: SIGINT is ignored on entry and must stay so.
    let before = signal(SIGQUIT, SIG_IGN)
    Interrupt.catchSignals([SIGQUIT])
    var now = sigaction()
    sigaction(SIGQUIT, nil, &now)
    #expect(unsafeBitCast(now.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self))
    Interrupt.restore()
    signal(SIGQUIT, before)
}

@Test func exitStatusIs128PlusTheSignal() {
    #expect(Interrupt.exitCode(for: SIGINT) == 130)
    #expect(Interrupt.exitCode(for: SIGTERM) == 143)
    #expect(Interrupt.word(for: SIGINT) == "interrupted")
    #expect(Interrupt.word(for: SIGTERM) == "terminated")
}
