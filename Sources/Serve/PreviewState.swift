import Diagnostics

/// What the preview server knows about the site: which build it shows and whether the last one failed.
actor PreviewState {
    /// Goes up by one with every build, failed or not; pages reload when it moves.
    private(set) var version = 0
    /// The errors of the last build, when it failed; the last good site is still served.
    private(set) var failure: [Diagnostic]?
    private var waiters: [Int: CheckedContinuation<Int, Never>] = [:]
    private var nextWaiter = 0

    func published() {
        failure = nil
        advance()
    }

    func failed(_ diagnostics: [Diagnostic]) {
        failure = diagnostics
        advance()
    }

    /// Returns the version as soon as it is past `version`, or after `timeout` seconds with the current one.
    func waitForChange(after known: Int, timeout: Duration = .seconds(25)) async -> Int {
        guard version <= known else { return version }
        let id = nextWaiter
        nextWaiter += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.resume(id)
        }
        let result = await withCheckedContinuation { continuation in waiters[id] = continuation }
        timer.cancel()
        return result
    }

    private func resume(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume(returning: version)
    }

    private func advance() {
        version += 1
        let waiting = waiters
        waiters = [:]
        for continuation in waiting.values { continuation.resume(returning: version) }
    }
}
