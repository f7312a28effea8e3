import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` over up to `jobs` threads; results keep the input order, so output stays deterministic.
    public func parallelMap<T: Sendable>(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1, jobs > 1 else { return map(transform) }
        let next = Counter()
        let workers = Swift.min(jobs, count)
        return [T](unsafeUninitializedCapacity: count) { results, initializedCount in
            // Each index is handed out once, so each result is written by one worker; the array is only
            // read after `concurrentPerform` has returned, when every worker is done.
            nonisolated(unsafe) let results = results
            self.withUnsafeBufferPointer { elements in
                nonisolated(unsafe) let elements = elements
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while true {
                        let index = next.take()
                        guard index < elements.count else { return }
                        (results.baseAddress! + index).initialize(to: transform(elements[index]))
                    }
                }
            }
            initializedCount = count
        }
    }
}

/// Hands out 0, 1, 2, … to whichever worker asks next.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}
