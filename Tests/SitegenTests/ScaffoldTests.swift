import Foundation
import Model
import Scaffold
import Testing

@Suite("sitegen init and new")
struct ScaffoldTests {
    @Test func theEmbeddedThemeIsTheRepositorysTheme() throws {
        let folder = TemporarySite.repository.appendingPathComponent("Templates")
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") && !FileManager.default.isDirectory(folder.appendingPathComponent($0)) }
            .sorted()
        #expect(Scaffold.themeFiles.map(\.path) == onDisk, "run scripts/embed-theme.py after changing Templates/")
        for (path, text) in Scaffold.themeFiles {
            let disk = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            #expect(text == disk, "Templates/\(path) differs from the embedded copy: run scripts/embed-theme.py")
        }
    }

    @Test func aNewSiteBuildsAtOnceWithoutWarnings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Scaffold.createSite(at: folder)
        let site = TemporarySite(existing: folder)
        let report = site.build()
        #expect(report.diagnostics.map(\.description) == [])
        #expect(report.published && report.charts >= 4 && report.facts == 6)
        #expect(site.exists("Output/articles/a-sample-briefing/index.html"))
        #expect(throws: ScaffoldError(message: "\(folder.path) is not empty; choose a new folder")) {
            try Scaffold.createSite(at: folder)
        }
    }

    @Test func aNewArticleIsADatedSluggedDraftThatBuildsClean() throws {
        let site = try TemporarySite()
        defer { site.delete() }
        let date = CalendarDate(year: 2025, month: 7, day: 22)
        let path = try Scaffold.createArticle(title: "MiniMax \"raises\" 智谱", date: date, in: site.root)
        #expect(path == "Content/articles/2025-07-22-minimax-raises-zhi-pu.md")
        #expect(try site.read(path).contains("\ndraft: true "))
        let report = site.build(drafts: true)
        #expect(report.diagnostics.map(\.description) == [])
        #expect(try site.read("Output/articles/minimax-raises-zhi-pu/index.html").contains("<h1>MiniMax &quot;raises&quot; 智谱</h1>"))
        #expect(throws: ScaffoldError(message: "\(path) already exists; it was left as it was")) {
            try Scaffold.createArticle(title: "MiniMax \"raises\" 智谱", date: date, in: site.root)
        }
    }
}

extension FileManager {
    func isDirectory(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
