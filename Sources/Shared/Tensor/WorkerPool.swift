// The threads behind Kernels.parallelFor: a few persistent workers that, with the
// calling thread, claim numbered blocks of one job until none is left.
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Runs `job(block)` for block in 0..<count on the caller and `workers` other threads,
/// which live as long as the process.
/// Which thread runs which block is left to chance; callers make each block's result
/// independent of that (disjoint outputs, a fixed partition), so results never
/// depend on the thread count.
final class WorkerPool: @unchecked Sendable {
    typealias Job = (Int) -> Void

    let workers: Int
    /// One word for a whole job's state, so a claim is one compare-and-swap:
    /// bits 32..62 job number, 16..31 block count, 0..15 next unclaimed block.
    private let state = Atomic<Int>(0)
    /// Blocks finished in the current job.
    private let finished = Atomic<Int>(0)
    /// Address of the current job's closure (valid while the job has unclaimed blocks).
    private let jobAddress = Atomic<Int>(0)
    /// Workers asleep (or about to sleep) on `wake`.
    private let sleepers = Atomic<Int>(0)
    /// A job is running; a parallelFor inside one runs its blocks on the calling thread.
    private let busy = Atomic<Bool>(false)
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    static let maxBlocks = (1 << 16) - 1
    private static let countShift = 16
    private static let generationShift = 32
    private static let fieldMask = (1 << 16) - 1
    /// How long a worker with nothing to do keeps polling before it sleeps: longer than
    /// the gaps between the products of a training step, so a step never waits for a wake-up.
    private static let spinSeconds = 0.002

    init(workers: Int) {
        self.workers = workers
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(wake, nil)
        for _ in 0..<workers {
            let box = Unmanaged.passRetained(self).toOpaque()
            var thread = pthread_t()
            let rc = pthread_create(&thread, nil, { raw in
                let pool = Unmanaged<WorkerPool>.fromOpaque(raw!).takeRetainedValue()
                pool.workerLoop()
                return nil
            }, box)
            precondition(rc == 0, "WorkerPool: pthread_create failed (\(rc))")
            pthread_detach(thread)
        }
    }

    /// Runs job(0..<count) across the pool and returns when every block is done.
    /// Called again from inside a job (or from another thread meanwhile), it runs the
    /// blocks itself, in order: same results, no deadlock.
    func run(count: Int, _ job: Job) {
        precondition(count > 0 && count <= WorkerPool.maxBlocks)
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            for block in 0..<count { job(block) }
            return
        }
        defer { busy.store(false, ordering: .releasing) }
        withoutActuallyEscaping(job) { job in
            withUnsafePointer(to: job) { address in
                finished.store(0, ordering: .relaxed)
                jobAddress.store(Int(bitPattern: address), ordering: .relaxed)
                let generation = (state.load(ordering: .relaxed) >> WorkerPool.generationShift) + 1
                let fresh = (generation & 0x7FFF_FFFF) << WorkerPool.generationShift
                    | count << WorkerPool.countShift
                state.store(fresh, ordering: .sequentiallyConsistent)
                if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
                    pthread_mutex_lock(mutex)
                    pthread_cond_broadcast(wake)
                    pthread_mutex_unlock(mutex)
                }
                while claimAndRun() {}
                var polls = 0
                while finished.load(ordering: .acquiring) < count {
                    polls += 1
                    if polls > 1000 { sched_yield() }
                }
            }
        }
    }

    /// Claims one block of the current job and runs it; false when none is left.
    private func claimAndRun() -> Bool {
        var s = state.load(ordering: .acquiring)
        while true {
            let next = s & WorkerPool.fieldMask
            let count = (s >> WorkerPool.countShift) & WorkerPool.fieldMask
            if next >= count { return false }
            // Read before the claim: a successful claim proves the job was still open,
            // so this is the current job's closure and it stays alive until `finished`.
            let address = jobAddress.load(ordering: .acquiring)
            let (exchanged, original) = state.compareExchange(
                expected: s, desired: s + 1, ordering: .acquiringAndReleasing)
            if exchanged {
                UnsafePointer<Job>(bitPattern: address)!.pointee(next)
                finished.add(1, ordering: .releasing)
                return true
            }
            s = original
        }
    }

    private func hasWork() -> Bool {
        let s = state.load(ordering: .sequentiallyConsistent)
        return s & WorkerPool.fieldMask < (s >> WorkerPool.countShift) & WorkerPool.fieldMask
    }

    /// Polls for work for up to `spinSeconds`, yielding the core now and then so a busy
    /// machine's other processes still run; true when work arrived.
    private func spinUntilWork() -> Bool {
        let deadline = WorkerPool.now() + WorkerPool.spinSeconds
        while true {
            for _ in 0..<256 where hasWork() { return true }
            if WorkerPool.now() > deadline { return false }
            sched_yield()
        }
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    private func workerLoop() {
        while true {
            if claimAndRun() { continue }
            if spinUntilWork() { continue }
            pthread_mutex_lock(mutex)
            sleepers.add(1, ordering: .sequentiallyConsistent)
            while !hasWork() {
                pthread_cond_wait(wake, mutex)
            }
            sleepers.subtract(1, ordering: .sequentiallyConsistent)
            pthread_mutex_unlock(mutex)
        }
    }
}
