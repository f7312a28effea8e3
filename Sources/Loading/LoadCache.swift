import Diagnostics
import Foundation
import Model

/// What loading each content file gave, kept between loads by a process that builds more than once
/// (`sitegen serve`): a file whose size, times and inode are unchanged is not read or parsed again.
///
/// Safe to use from the loader's parallel readers.
public final class LoadCache: Sendable {
    let articles = FileResults<(Article?, [Diagnostic])>()
    let pages = FileResults<(Page?, [Diagnostic])>()

    public init() {}

    /// How many files the last load read and parsed, rather than took from the cache.
    public var lastReadCount: Int { articles.readCount + pages.readCount }
}

/// The results of loading each file of one kind, by path, with the stamp of the file they were read from.
final class FileResults<Result: Sendable>: @unchecked Sendable {
    private struct Entry {
        var stamp: FileStamp
        var result: Result
        /// False when the file was modified moments before it was read: a second write within the
        /// file system's clock tick could leave the same stamp on other bytes, so it is read again.
        var trusted: Bool
    }

    private var entries: [String: Entry] = [:]
    private var seen: Set<String> = []
    private let lock = NSLock()

    /// How many files the last load read and parsed, rather than took from the cache.
    private(set) var readCount = 0

    /// The cached result for `path` when the file is unchanged; otherwise `load()`'s, remembered.
    func result(forPath path: String, load: () -> Result) -> Result {
        let stamp = FileStamp(path: path)
        if let stamp, let entry = lock.withLock({ seen.insert(path); return entries[path] }), entry.trusted, entry.stamp == stamp {
            return entry.result
        }
        let result = load()
        lock.withLock {
            readCount += 1
            seen.insert(path)
            if let stamp { entries[path] = Entry(stamp: stamp, result: result, trusted: stamp.isSettled) } else { entries[path] = nil }
        }
        return result
    }

    /// Starts a load: counts reset, and entries of files the last load did not see are dropped after it.
    func beginLoad() {
        lock.withLock {
            entries = entries.filter { seen.contains($0.key) }
            seen = []
            readCount = 0
        }
    }
}

/// Identifies one version of a file without reading it: size, modification and change times, inode.
public struct FileStamp: Equatable, Sendable {
    var size: Int64
    var modified: timespec
    var changed: timespec
    var inode: UInt64
    /// A folder, not a file or link.
    public var isFolder: Bool

    public init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        isFolder = info.st_mode & S_IFMT == S_IFDIR
        size = Int64(info.st_size)
        modified = info.st_mtim
        changed = info.st_ctim
        inode = UInt64(info.st_ino)
    }

    /// Whether the last modification is older than any clock tick of the file system (a tenth of a second).
    public var isSettled: Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let age = Double(now.tv_sec - modified.tv_sec) + Double(now.tv_nsec - modified.tv_nsec) / 1e9
        return age > 0.1
    }

    public static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.size == b.size && a.inode == b.inode && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }

    /// The stamp as text, for a manifest.
    public var text: String {
        "\(size) \(modified.tv_sec).\(modified.tv_nsec) \(changed.tv_sec).\(changed.tv_nsec) \(inode)"
    }

    /// Every file and folder under `folder` (not following links), by path relative to it, with its stamp.
    /// Plain system calls: Foundation's enumerator costs more than the stamps at 10,000 files.
    public static func walk(_ folder: String) -> [(path: String, stamp: FileStamp)] {
        var found: [(path: String, stamp: FileStamp)] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? folder : folder + "/" + relative) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard name != ".", name != ".." else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                guard let stamp = FileStamp(path: folder + "/" + path) else { continue }
                found.append((path, stamp))
                if stamp.isFolder { pending.append(path) }
            }
        }
        return found
    }
}

