import Foundation
import Loading
import SitegenKit

/// A site in a fresh temporary folder, with the repository's theme, for end-to-end tests.
struct TemporarySite {
    let root: URL

    /// The repository root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(siteYAML: String = "title: Test Briefing\nbase_url: https://example.org/briefing/\n", articles: [String: String] = [:], pages: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/articles"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content/pages"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        try write("Content/site.yaml", siteYAML)
        for (name, text) in articles { try write("Content/articles/\(name)", text) }
        for (name, text) in pages { try write("Content/pages/\(name)", text) }
    }

    /// A site that already exists in `folder` (made by `sitegen init`, say).
    init(existing folder: URL) {
        root = folder
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    func build(drafts: Bool = false, publish: Bool = true) -> BuildReport {
        var options = BuildOptions(layout: SiteLayout(root: root))
        options.includeDrafts = drafts
        return SiteBuilder(options: options).build(publish: publish)
    }

    /// Every file under Output with its bytes, keyed by relative path.
    func outputSnapshot() throws -> [String: Data] {
        try snapshot(of: root.appendingPathComponent("Output"))
    }

    /// Every file under `folder` with its bytes, keyed by relative path.
    func snapshot(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    /// What a clean build of the site writes, built into a fresh folder; `nil` when that build fails.
    func cleanBuild() throws -> [String: Data]? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        guard SiteBuilder(options: BuildOptions(layout: SiteLayout(root: root, output: folder))).build(publish: true).published else { return nil }
        return try snapshot(of: folder)
    }

    func delete() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// A minimal valid article.
func article(title: String, date: String = "2025-07-22", extra: String = "", body: String = "Some text.") -> String {
    "---\ntitle: \(title)\ndate: \(date)\n\(extra)---\n\(body)\n"
}
