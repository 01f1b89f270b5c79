import Foundation

/// Runs work items on a few threads, and bounds how many child processes run at once across all of them.
///
/// `report run experiments --jobs N` runs experiments side by side, and a sweep inside one of them runs its
/// variants side by side too; both draw on one ``ProcessSlots`` so that at most N compilers and experiments
/// run at any moment, however the work nests.
public enum WorkerPool {
    /// Calls `body` for every index in `0..<count`, on at most `width` threads at once, and returns when all
    /// have finished.
    public static func forEach(_ count: Int, width: Int, _ body: @escaping (Int) -> Void) {
        guard count > 0 else { return }
        let queue = IndexQueue(count: count)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(width, count)) {
            group.enter()
            let thread = Thread {
                while let index = queue.next() {
                    body(index)
                }
                group.leave()
            }
            thread.start()
        }
        group.wait()
    }
}

/// Hands out `0..<count` once each, to whichever thread asks first.
private final class IndexQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}

/// A counting semaphore for child processes: ``run(_:)`` waits for a free slot.
public final class ProcessSlots: @unchecked Sendable {
    public let count: Int
    private let semaphore: DispatchSemaphore

    public init(count: Int) {
        self.count = max(1, count)
        semaphore = DispatchSemaphore(value: self.count)
    }

    public func run<Result>(_ body: () throws -> Result) rethrows -> Result {
        semaphore.wait()
        defer { semaphore.signal() }
        return try body()
    }
}
