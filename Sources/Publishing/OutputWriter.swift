internal import CSystem
import Foundation
import Model

/// Why a site could not be published; the previous Output is intact whenever this is thrown.
public struct PublishingError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var message: String

    public var description: String { "\(path): error: \(message)" }
}

/// Writes a finished site into Output as one atomic step.
///
/// Files go into a sibling folder first; only when every file is written does that folder
/// take Output's place (an atomic exchange where the system supports it). A failed or killed
/// build therefore leaves the previous Output exactly as it was.
public struct OutputWriter: Sendable {
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// The longest file or folder name we write; most file systems stop at 255 bytes.
    static let maximumNameLength = 255

    /// Replaces Output with `files`. Paths are checked before anything is written.
    public func publish(_ files: [OutputFile]) throws(PublishingError) {
        for file in files { try Self.validate(file.path) }
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).new-\(getpid())")
        removeLeftovers(in: parent)
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw PublishingError(path: staging.path, message: "cannot create a folder to build in: \(error.localizedDescription)")
        }
        do {
            try write(files, into: staging)
            try swapIntoPlace(staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    /// A path inside Output: relative, no `..`, no empty or over-long names, no NUL.
    static func validate(_ path: String) throws(PublishingError) {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\"),
            components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && $0.utf8.count <= maximumNameLength })
        else {
            throw PublishingError(path: path, message: "refusing to write a file outside Output or with an invalid name")
        }
    }

    /// Writes every file with plain system calls: Foundation's per-file overhead dominated large sites.
    private func write(_ files: [OutputFile], into staging: URL) throws(PublishingError) {
        let root = staging.path
        var createdFolders: Set<Substring> = [""]
        for file in files.sorted(by: { $0.path < $1.path }) {
            let path = file.path[...]
            let folder = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
            if !createdFolders.contains(folder) {
                // Parents sort before their children, but a folder may have no files of its own: make every level.
                var end = folder.startIndex
                while end < folder.endIndex {
                    end = folder[folder.index(after: end)...].firstIndex(of: "/") ?? folder.endIndex
                    let level = folder[..<end]
                    guard !createdFolders.contains(level) else { continue }
                    guard mkdir(root + "/" + level, 0o755) == 0 || errno == EEXIST else {
                        throw PublishingError(path: String(level), message: "cannot create folder: \(String(cString: strerror(errno)))")
                    }
                    createdFolders.insert(level)
                }
            }
            let descriptor = open(root + "/" + file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw PublishingError(path: file.path, message: "cannot write file: \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            let written = file.contents.withUnsafeBytes { buffer -> Bool in
                var offset = 0
                while offset < buffer.count {
                    let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += count
                }
                return true
            }
            guard written else {
                throw PublishingError(path: file.path, message: "cannot write file: \(String(cString: strerror(errno)))")
            }
        }
    }

    private func swapIntoPlace(_ staging: URL) throws(PublishingError) {
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
            try? fileManager.removeItem(at: staging)  // now holds the previous site
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
        let prefixes = [".\(output.lastPathComponent).new-", ".\(output.lastPathComponent).old-"]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where prefixes.contains(where: name.hasPrefix) {
            let suffix = name.split(separator: "-").last.map(String.init) ?? ""
            if let pid = Int32(suffix), pid != getpid(), kill(pid, 0) == 0 { continue }  // another build is running
            let leftover = parent.appendingPathComponent(name)
            if name.hasPrefix(prefixes[1]), !FileManager.default.fileExists(atPath: output.path) {
                try? FileManager.default.moveItem(at: leftover, to: output)
                continue
            }
            try? FileManager.default.removeItem(at: leftover)
        }
    }
}
