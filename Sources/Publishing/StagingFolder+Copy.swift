internal import CExchange
import Foundation
import Model

extension StagingFolder {
    /// From this size on, a file that cannot be cloned is hard-linked to its source rather than copied.
    public static let linkThreshold = 1 << 20

    /// Publishes the file at `source` (an absolute path) as `path`, without reading it into memory.
    ///
    /// A file the previous Output holds with the same bytes is linked from there, keeping its inode and
    /// time, as `write` does for pages. Otherwise it is cloned where the file system shares data
    /// copy-on-write; failing that, a file of `linkThreshold` or more is hard-linked to its source in
    /// Content/ (Output must then not be edited in place), and a smaller one is copied.
    public func copy(from source: String, to path: String) throws(PublishingError) {
        try OutputWriter.validate(path)
        let relative = path[...]
        if let slash = relative.lastIndex(of: "/") { try makeFolders(relative[..<slash]) }
        let target = folder.path + "/" + path
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw PublishingError(path: path, message: "cannot read \(source): \(String(cString: strerror(errno)))") }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw PublishingError(path: path, message: "cannot read \(source): not a regular file")
        }
        if let previous = previousOutput {
            let old = previous + "/" + path
            var oldInfo = stat()
            if stat(old, &oldInfo) == 0, oldInfo.st_mode & S_IFMT == S_IFREG, oldInfo.st_size == info.st_size,
                (oldInfo.st_ino == info.st_ino && oldInfo.st_dev == info.st_dev) || Self.sameContents(atPath: old, asFile: input),
                link(old, target) == 0
            {
                return
            }
        }
        let output = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw PublishingError(path: path, message: "cannot write file: \(String(cString: strerror(errno)))") }
        if sitegen_clone_file(input, output) == 0 {
            close(output)
            return
        }
        if Int(info.st_size) >= Self.linkThreshold {
            close(output)
            unlink(target)
            if link(source, target) == 0 { return }
            return try copyBytes(from: input, toPath: target, path: path)
        }
        defer { close(output) }
        guard Self.copyBytes(from: input, to: output) else {
            throw PublishingError(path: path, message: "cannot write file: \(String(cString: strerror(errno)))")
        }
    }

    /// For files another program wrote under `folder` (the search index): each one the previous Output
    /// holds with the same bytes is replaced by a link to that file, so it keeps its inode and time
    /// as pages do.
    public func keepUnchanged(under folder: String) {
        guard let previous = previousOutput,
            let enumerator = FileManager.default.enumerator(atPath: self.folder.path + "/" + folder)
        else { return }
        for case let name as String in enumerator {
            let path = folder + "/" + name
            let (target, old) = (self.folder.path + "/" + path, previous + "/" + path)
            var info = stat()
            guard stat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let input = open(target, O_RDONLY | O_CLOEXEC)
            guard input >= 0 else { continue }
            var oldInfo = stat()
            let same = stat(old, &oldInfo) == 0 && oldInfo.st_size == info.st_size && Self.sameContents(atPath: old, asFile: input)
            close(input)
            guard same else { continue }
            let temporary = target + ".sitegen-link"
            if link(old, temporary) == 0, rename(temporary, target) != 0 { unlink(temporary) }
        }
    }

    private func copyBytes(from input: Int32, toPath target: String, path: String) throws(PublishingError) {
        let output = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw PublishingError(path: path, message: "cannot write file: \(String(cString: strerror(errno)))") }
        defer { close(output) }
        guard Self.copyBytes(from: input, to: output) else {
            throw PublishingError(path: path, message: "cannot write file: \(String(cString: strerror(errno)))")
        }
    }

    /// Copies from the start of `input` to its end; false on any error (see errno).
    private static func copyBytes(from input: Int32, to output: Int32) -> Bool {
        guard lseek(input, 0, SEEK_SET) == 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = Foundation.read(input, &buffer, buffer.count)
            if count == 0 { return true }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { Foundation.write(output, $0.baseAddress! + offset, count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
        }
    }

    /// Whether the file at `path` holds the same bytes as the open file `input` (of the same size), read in chunks.
    private static func sameContents(atPath path: String, asFile input: Int32) -> Bool {
        let other = open(path, O_RDONLY | O_CLOEXEC)
        guard other >= 0 else { return false }
        defer { close(other) }
        guard lseek(input, 0, SEEK_SET) == 0 else { return false }
        var (a, b) = ([UInt8](repeating: 0, count: 1 << 16), [UInt8](repeating: 0, count: 1 << 16))
        while true {
            let count = readFully(input, &a)
            guard count >= 0, readFully(other, &b) == count else { return false }
            if count == 0 { return true }
            guard a[..<count] == b[..<count] else { return false }
        }
    }

    /// Reads until `buffer` is full or the file ends; the count read, or -1 on an error.
    private static func readFully(_ descriptor: Int32, _ buffer: inout [UInt8]) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return -1
            }
            filled += count
        }
        return filled
    }
}
