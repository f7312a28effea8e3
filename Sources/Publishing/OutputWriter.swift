internal import CExchange
import Foundation
import Model

/// Why a site could not be published; the previous Output is intact whenever this is thrown.
public struct PublishingError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var message: String

    public var description: String { "\(path): error: \(message)" }

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}

/// Writes a finished site into Output as one atomic step.
///
/// Files go into a sibling folder first; only when every file is written does that folder
/// take Output's place (an atomic exchange where the system supports it). A failed or killed
/// build therefore leaves the previous Output exactly as it was.
public struct OutputWriter: Sendable {
    public let output: URL
    /// Whether the replaced site is deleted on a background thread (a long-running preview), rather than
    /// before `commit` returns. A process that ends first leaves it for the next build to remove.
    public var removesPreviousInBackground = false

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// The longest file or folder name we write; most file systems stop at 255 bytes.
    static let maximumNameLength = 255

    /// A new staging folder beside Output, for a build that writes files as it renders them.
    public func stage() throws(PublishingError) -> StagingFolder {
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).new-\(getpid())")
        removeLeftovers(in: parent)
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw PublishingError(path: staging.path, message: "cannot create a folder to build in: \(error.localizedDescription)")
        }
        var isFolder: ObjCBool = false
        let previous = FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder) && isFolder.boolValue ? output : nil
        return StagingFolder(folder: staging, writer: self, previous: previous)
    }

    /// A path inside Output: relative, no `..`, no empty or over-long names, no NUL.
    public static func validate(_ path: String) throws(PublishingError) {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\"),
            components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && $0.utf8.count <= maximumNameLength })
        else {
            throw PublishingError(path: path, message: "refusing to write a file outside Output or with an invalid name")
        }
    }

    /// Moves a finished staging folder into Output's place.
    func swap(_ staging: URL) throws(PublishingError) {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                throw PublishingError(path: output.path, message: "cannot move the new site into place: \(error.localizedDescription)")
            }
            return
        }
        if sitegen_exchange_paths(staging.path, output.path) == 0 {
            // `staging` now holds the previous site.
            // Renamed first, so the next build of this process can stage under the same name at once.
            let trash = staging.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).trash-\(getpid())-\(UUID().uuidString)")
            if removesPreviousInBackground, rename(staging.path, trash.path) == 0 {
                Thread.detachNewThread { try? FileManager.default.removeItem(at: trash) }
            } else {
                try? fileManager.removeItem(at: staging)
            }
            return
        }
        // No atomic exchange here: two renames, with the old site kept until the new one is in place.
        let previous = staging.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        do {
            try fileManager.moveItem(at: output, to: previous)
        } catch {
            throw PublishingError(path: output.path, message: "cannot replace Output: \(error.localizedDescription)")
        }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: previous, to: output)
            throw PublishingError(path: output.path, message: "cannot move the new site into place: \(error.localizedDescription)")
        }
        try? fileManager.removeItem(at: previous)
    }

    /// Staging folders of builds that were killed before they finished. A build killed between
    /// its two fallback renames left the previous site in `.old-`; it goes back to Output first.
    private func removeLeftovers(in parent: URL) {
        let prefixes = [".\(output.lastPathComponent).new-", ".\(output.lastPathComponent).old-", ".\(output.lastPathComponent).trash-"]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            guard let prefix = prefixes.first(where: name.hasPrefix) else { continue }
            // `.new-PID`, `.old-PID`, `.trash-PID-UNIQUE`: the pid of the build that made it.
            let suffix = String(name.dropFirst(prefix.count).prefix { $0 != "-" })
            if let pid = Int32(suffix), pid == getpid() || kill(pid, 0) == 0 { continue }  // this or another build is running
            let leftover = parent.appendingPathComponent(name)
            if name.hasPrefix(prefixes[1]), !FileManager.default.fileExists(atPath: output.path) {
                try? FileManager.default.moveItem(at: leftover, to: output)
                continue
            }
            try? FileManager.default.removeItem(at: leftover)
        }
    }
}

extension OutputWriter {
    /// Updates Output in place, for a preview that changes a few files at a time: each file is written
    /// beside its place and renamed over it, so a reader (or a kill) never meets half a file; a file
    /// that already holds these bytes is left alone, keeping its time. `removed` pages go, with folders
    /// they leave empty.
    public func update(_ files: [OutputFile], removing removed: Set<String>) throws(PublishingError) {
        let root = output.path
        for file in files {
            try Self.validate(file.path)
            let target = root + "/" + file.path
            if StagingFolder.sameContents(atPath: target, as: file.contents) { continue }
            let folder = (target as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw PublishingError(path: file.path, message: "cannot create folder: \(error.localizedDescription)")
            }
            let temporary = folder + "/.sitegen-\(getpid())-" + ((target as NSString).lastPathComponent)
            guard writeFile(file.contents, atPath: temporary), rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw PublishingError(path: file.path, message: "cannot write file: \(reason)")
            }
        }
        for path in removed.sorted() {
            try Self.validate(path)
            unlink(root + "/" + path)
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, rmdir(root + "/" + folder) == 0 {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
    }
}

/// Writes `contents` into a new or truncated file at `path` with plain system calls; false on any error (see errno).
private func writeFile(_ contents: [UInt8], atPath path: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return contents.withUnsafeBytes { buffer -> Bool in
        guard let base = buffer.baseAddress else { return true }
        var offset = 0
        while offset < buffer.count {
            let count = Foundation.write(descriptor, base + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }
}

/// The folder a build writes into before it becomes Output; owns that folder until `commit` or `discard`.
///
/// `write` may be called from several threads at once.
public final class StagingFolder: @unchecked Sendable {
    public let folder: URL
    private let writer: OutputWriter
    private let root: String
    /// The Output this build replaces, whose unchanged files are linked rather than written again.
    private let previous: String?
    private var createdFolders: Set<Substring> = [""]
    private let lock = NSLock()

    init(folder: URL, writer: OutputWriter, previous: URL?) {
        self.folder = folder
        self.writer = writer
        self.root = folder.path
        self.previous = previous?.path
    }

    /// Writes one file with plain system calls (Foundation's per-file overhead dominated large sites).
    /// A file identical to the one in the previous Output is hard-linked instead, so it keeps its
    /// inode and modification time: servers and sync tools see it untouched.
    /// The path is checked first: nothing can be written outside the folder.
    public func write(_ file: OutputFile) throws(PublishingError) {
        try OutputWriter.validate(file.path)
        let path = file.path[...]
        if let slash = path.lastIndex(of: "/") { try makeFolders(path[..<slash]) }
        if let previous, Self.sameContents(atPath: previous + "/" + file.path, as: file.contents),
            link(previous + "/" + file.path, root + "/" + file.path) == 0
        {
            return
        }
        guard writeFile(file.contents, atPath: root + "/" + file.path) else {
            throw PublishingError(path: file.path, message: "cannot write file: \(String(cString: strerror(errno)))")
        }
    }

    /// Whether the file at `path` holds exactly `contents` (sizes are compared before bytes).
    fileprivate static func sameContents(atPath path: String, as contents: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == contents.count else { return false }
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        guard !contents.isEmpty else { return true }
        return data.withUnsafeBytes { stored in contents.withUnsafeBytes { memcmp(stored.baseAddress!, $0.baseAddress!, contents.count) == 0 } }
    }

    /// The Output this build replaces, if any.
    var previousOutput: String? { previous }

    /// Every level of `folder`, each made once.
    func makeFolders(_ folder: Substring) throws(PublishingError) {
        if lock.withLock({ createdFolders.contains(folder) }) { return }
        var end = folder.startIndex
        while end < folder.endIndex {
            end = folder[folder.index(after: end)...].firstIndex(of: "/") ?? folder.endIndex
            let level = folder[..<end]
            if lock.withLock({ createdFolders.contains(level) }) { continue }
            guard mkdir(root + "/" + level, 0o755) == 0 || errno == EEXIST else {
                throw PublishingError(path: String(level), message: "cannot create folder: \(String(cString: strerror(errno)))")
            }
            _ = lock.withLock { createdFolders.insert(level) }
        }
    }

    /// Makes the folder Output, atomically; the previous Output is removed.
    public func commit() throws(PublishingError) {
        do {
            try writer.swap(folder)
        } catch {
            discard()
            throw error
        }
    }

    /// Removes the folder; Output is left as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: folder)
    }
}
