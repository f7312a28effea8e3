import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` over up to `jobs` threads; results keep the input order, so output stays deterministic.
    public func parallelMap<T: Sendable>(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1, jobs > 1 else { return map(transform) }
        let slots = Slots<T>(count: count)
        let next = Counter()
        let workers = Swift.min(jobs, count)
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let index = next.take()
                    guard index < elements.count else { return }
                    slots.set(index, transform(elements[index]))
                }
            }
        }
        return slots.values
    }
}

/// Result slots that workers fill by index.
private final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) { lock.withLock { storage[index] = value } }

    var values: [T] { lock.withLock { storage.compactMap { $0 } } }
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
