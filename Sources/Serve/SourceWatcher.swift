import Foundation
import Loading

/// Notices changes under the site's Content/ and Templates/.
///
/// On Linux the kernel reports them (inotify), so a 10,000-article site is never rescanned; elsewhere,
/// or when inotify cannot be used, the folders are polled for file sizes and times.
final class SourceWatcher: @unchecked Sendable {
    let folders: [URL]
    #if os(Linux)
    private let notifications: KernelNotifications?
    #endif
    /// For polling: the sources as last seen.
    private var known: [String: String] = [:]

    init(folders: [URL]) {
        self.folders = folders
        #if os(Linux)
        notifications = KernelNotifications(folders: folders)
        if notifications == nil { known = fingerprint() }
        #else
        known = fingerprint()
        #endif
    }

    /// Returns once the sources changed and then stayed unchanged for `settle` (an editor's save can
    /// take several writes); throws when the task is cancelled.
    func nextChange(settle: Duration = .milliseconds(50)) async throws {
        #if os(Linux)
        if let notifications {
            while !notifications.drain() { try await Task.sleep(for: .milliseconds(10)) }
            repeat { try await Task.sleep(for: settle) } while notifications.drain()
            return
        }
        #endif
        var current = known
        while current == known {
            try await Task.sleep(for: .milliseconds(250))
            current = fingerprint()
        }
        while true {
            try await Task.sleep(for: settle)
            let again = fingerprint()
            if again == current { break }
            current = again
        }
        known = current
    }

    /// The stamp of every file under the folders: changes whenever a file is added, removed, or written.
    private func fingerprint() -> [String: String] {
        var files: [String: String] = [:]
        for folder in folders {
            for (path, stamp) in FileStamp.walk(folder.path) where !stamp.isFolder { files[folder.path + "/" + path] = stamp.text }
        }
        return files
    }
}

#if os(Linux)
/// An inotify descriptor watching every folder under the given ones, new folders included.
private final class KernelNotifications {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    init?(folders roots: [URL]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        for root in roots where !watchTree(root.path) {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    /// Watches `path` and every folder under it; false when the kernel refuses (too many watches).
    private func watchTree(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return true }
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return false }
        folders[watch] = path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            var info = stat()
            let child = path + "/" + name
            if lstat(child, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, !watchTree(child) { return false }
        }
        return true
    }

    /// Reads every pending event; true when any concerns the sources. New folders are watched as they appear.
    func drain() -> Bool {
        var changed = false
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size).assumingMemoryBound(to: CChar.self)
                let name = event.len > 0 ? String(cString: nameStart) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = folders[event.wd] {
                    _ = watchTree(parent + "/" + name)
                }
                // Editors' swap and backup files are not sources.
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name == "4913" { continue }
                changed = true
            }
        }
        return changed
    }
}
#endif
