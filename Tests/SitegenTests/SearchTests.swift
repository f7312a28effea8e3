import Foundation
import Loading
import SitegenKit
import Testing

@Suite("Search")
struct SearchTests {
    static let siteYAML = "title: Test Briefing\nbase_url: https://example.org/briefing/\nsearch: true\n"

    func site() throws -> TemporarySite {
        try TemporarySite(siteYAML: Self.siteYAML, articles: [
            "zhipu.md": article(title: "Zhipu takes state money", extra: "slug: zhipu\ntags: [funding]\n", body: "Zhipu raised 1 billion yuan."),
        ])
    }

    func build(_ site: TemporarySite, pagefind: [String]? = nil) -> BuildReport {
        var options = BuildOptions(layout: SiteLayout(root: site.root))
        options.pagefind = pagefind
        return SiteBuilder(options: options).build(publish: true)
    }

    @Test func withoutPagefindTheBuildSaysHowToInstallIt() throws {
        let site = try site()
        defer { site.delete() }
        let report = build(site, pagefind: ["/nonexistent/pagefind"])
        #expect(!report.published)
        #expect(report.diagnostics.map(\.description) == [
            "Content/site.yaml:1:1: error: search: Pagefind, which indexes the site for search, is not installed: run pip install pagefind-bin-extended (make site installs it when search is on), or set search: false"
        ])
        #expect(!site.exists("Output"), "nothing is published without the index")
    }

    @Test func aFailingIndexLeavesOutputAsItWas() throws {
        let site = try site()
        defer { site.delete() }
        try site.write("Content/site.yaml", "title: Test Briefing\n")
        #expect(build(site).published)
        let before = try site.read("Output/index.html")
        try site.write("Content/site.yaml", Self.siteYAML)
        let report = build(site, pagefind: ["/bin/false"])
        #expect(!report.published)
        #expect(report.diagnostics.map(\.description) == ["Output:1:1: error: Pagefind could not index the site for search: Pagefind stopped with status 1"])
        #expect(try site.read("Output/index.html") == before)
    }

    @Test func searchOffWritesNoSearchBox() throws {
        let site = try site()
        defer { site.delete() }
        try site.write("Content/site.yaml", "title: Test Briefing\n")
        #expect(build(site).published)
        let page = try site.read("Output/articles/zhipu/index.html")
        #expect(!page.contains("site-search") && !page.contains("data-pagefind-body"))
    }

    @Test func theIndexIsBuiltIntoOutputWithTheSite() throws {
        let site = try site()
        defer { site.delete() }
        let report = build(site)
        guard !report.diagnostics.contains(where: { $0.message.hasPrefix("Pagefind, which indexes the site for search, is not installed") }) else {
            #expect(!report.published, "without Pagefind the build fails rather than publish a search box that cannot work")
            return
        }
        #expect(report.published, "\(report.diagnostics)")
        let page = try site.read("Output/articles/zhipu/index.html")
        #expect(page.contains("<article class=\"article\" data-pagefind-body>"), "articles are what search finds")
        #expect(page.contains("<form class=\"site-search\" role=\"search\" hidden data-root=\"../../\""), "hidden until the index loads")
        #expect(page.contains("<script src=\"../../assets/search.js\" defer></script>"))
        #expect(site.exists("Output/pagefind/pagefind.js"))
        let index = site.root.appendingPathComponent("Output/pagefind/pagefind-entry.json").path
        let inode = try FileManager.default.attributesOfItem(atPath: index)[.systemFileNumber] as? Int
        #expect(build(site).published)
        #expect(try FileManager.default.attributesOfItem(atPath: index)[.systemFileNumber] as? Int == inode, "an unchanged index keeps its files")
    }
}
