import Foundation
import Loading
import SitegenKit
import Testing

/// A build over an existing Output equals a clean build byte for byte, and leaves files whose
/// contents did not change untouched (same inode, same modification time).
@Suite("Rebuilds")
struct RebuildTests {
    func inodes(_ site: TemporarySite) throws -> [String: UInt64] {
        let output = site.root.appendingPathComponent("Output")
        var result: [String: UInt64] = [:]
        for path in try site.outputSnapshot().keys {
            let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
            result[path] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
        }
        return result
    }

    /// Output of a clean build of the same site into a fresh folder.
    func cleanBuild(of site: TemporarySite) throws -> [String: Data] {
        let clean = try site.cleanBuild()
        #expect(clean != nil)
        return clean ?? [:]
    }

    @Test func rebuildsEqualCleanBuildsAndKeepUnchangedFiles() throws {
        let site = try TemporarySite(articles: [
            "a.md": article(title: "Alpha", date: "2025-07-01", extra: "slug: a\ntags: [x]\n"),
            "b.md": article(title: "Beta", date: "2025-07-02", extra: "slug: b\ntags: [y]\n"),
            "c.md": article(title: "Gamma", date: "2025-06-01", extra: "slug: c\nfunding:\n  - { company: MiniMax, round: A, date: 2024-03, amount: $1M }\n"),
        ])
        defer { site.delete() }
        #expect(site.build().published)

        let edits: [(String, () throws -> Void)] = [
            ("edit an article's body", { try site.write("Content/articles/a.md", article(title: "Alpha", date: "2025-07-01", extra: "slug: a\ntags: [x]\n", body: "New text.")) }),
            ("add an article", { try site.write("Content/articles/d.md", article(title: "Delta", date: "2025-05-01", extra: "slug: d\n")) }),
            ("delete an article", { try site.remove("Content/articles/b.md") }),
            ("rename an article", {
                try site.remove("Content/articles/d.md")
                try site.write("Content/articles/e.md", article(title: "Delta", date: "2025-05-01", extra: "slug: e\n"))
            }),
            ("change a template", { try site.write("Templates/partials/article-card.mustache", "<article class=\"card\"><h2><a href=\"{{href}}\">{{title}}</a></h2></article>\n") }),
            ("change entities.yaml", { try site.write("Content/entities.yaml", "MiniMax: { about: Shanghai model maker }\n") }),
        ]
        for (name, edit) in edits {
            let before = try site.outputSnapshot()
            let inodesBefore = try inodes(site)
            try edit()
            #expect(site.build().published, "\(name)")
            let after = try site.outputSnapshot()
            #expect(after == (try cleanBuild(of: site)), "\(name): a rebuild differs from a clean build")
            let inodesAfter = try inodes(site)
            let unchanged = after.keys.filter { before[$0] == after[$0] }
            #expect(!unchanged.isEmpty, "\(name)")
            for path in unchanged {
                #expect(inodesAfter[path] == inodesBefore[path], "\(name): \(path) was rewritten although unchanged")
            }
            let changed = after.keys.filter { before[$0] != nil && before[$0] != after[$0] }
            #expect(!changed.isEmpty || name == "delete an article", "\(name): nothing changed")
        }
    }
}
