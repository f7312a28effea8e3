import Diagnostics
import Foundation
import Model

extension ContentLoader {
    /// The files an article or page folder holds besides its `index.md`, to publish beside its page.
    /// Hidden files and folders are left out.
    func bundleFiles(in folder: URL) -> ([PublishedFile], [Diagnostic]) {
        publishedFiles(in: folder) { name, isTop in name.hasPrefix(".") || (isTop && name == "index.md") }
    }

    /// Everything under `Content/static/`, to copy to the root of Output as it is, hidden files and
    /// folders (`.well-known/`) included; only the Finder's `.DS_Store` is left out.
    public func staticFiles() -> ([PublishedFile], [Diagnostic]) {
        publishedFiles(in: layout.content.appendingPathComponent("static")) { name, _ in name == ".DS_Store" }
    }

    /// The regular files under `folder`, sorted by path; a link that leads out of the site is an error.
    private func publishedFiles(in folder: URL, skipping skips: (String, Bool) -> Bool) -> ([PublishedFile], [Diagnostic]) {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return ([], []) }
        var files: [PublishedFile] = []
        var problems: [Diagnostic] = []
        for case let name as String in enumerator {
            let isTop = !name.contains("/")
            if skips((name as NSString).lastPathComponent, isTop) {
                enumerator.skipDescendants()
                continue
            }
            let path = folder.path + "/" + name
            let source = layout.relativePath(of: folder.appendingPathComponent(name))
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFLNK {
                guard isInsideSite(URL(fileURLWithPath: path)) else {
                    problems.append(.error(at: SourceLocation(path: source), "this is a link to a file outside the site; it is not published"))
                    continue
                }
                guard stat(path, &info) == 0 else { continue }
            }
            guard info.st_mode & S_IFMT == S_IFREG else { continue }
            let stamp = "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
            let isImage = ["png", "jpg", "jpeg", "gif", "webp", "svg"].contains((name as NSString).pathExtension.lowercased())
            files.append(PublishedFile(source: source, name: name, stamp: stamp, image: isImage ? ImageHeader.size(atPath: path) : nil))
        }
        return (files.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }, problems)
    }
}
