import Foundation

/// Notices changes under the site's Content/ and Templates/ by polling file sizes and times:
/// portable, and cheap at the sizes an editor previews.
struct SourceWatcher: Sendable {
    let folders: [URL]

    /// A value that changes whenever a file is added, removed, or written.
    func fingerprint() -> [String: [Int]] {
        var files: [String: [Int]] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { continue }
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                let time = values.contentModificationDate.map { Int($0.timeIntervalSince1970 * 1_000_000) } ?? 0
                files[url.path] = [time, values.fileSize ?? 0]
            }
        }
        return files
    }

    /// Waits until the sources change and then stay unchanged for `settle` (an editor's save can take
    /// several writes), polling every `interval`.
    func nextChange(from known: [String: [Int]], interval: Duration = .milliseconds(250), settle: Duration = .milliseconds(150)) async throws -> [String: [Int]] {
        var current = known
        while current == known {
            try await Task.sleep(for: interval)
            current = fingerprint()
        }
        while true {
            try await Task.sleep(for: settle)
            let again = fingerprint()
            if again == current { return current }
            current = again
        }
    }
}
