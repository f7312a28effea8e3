import Foundation
import Loading
import SitegenKit
import Testing

/// `sitegen build` with nothing changed since the last build leaves Output alone and says so; any
/// change, a damaged cache or `--no-cache` gives a whole build equal to a clean one.
@Suite("Build cache")
struct BuildCacheTests {
    /// A small site whose files are older than the file system's clock tick, so their stamps can be trusted.
    func settledSite() throws -> TemporarySite {
        let site = try TemporarySite(articles: [
            "a.md": article(title: "Alpha", date: "2025-07-01", extra: "tags: [x]\n"),
            "b.md": article(title: "Beta", date: "2025-07-02"),
        ])
        Thread.sleep(forTimeInterval: 0.2)
        return site
    }

    func build(_ site: TemporarySite, useCache: Bool = true) -> (report: BuildReport, note: String?) {
        SiteBuilder(options: BuildOptions(layout: SiteLayout(root: site.root))).buildUsingCache(useCache)
    }

    func modificationTimes(_ site: TemporarySite) throws -> [String: Date] {
        let output = site.root.appendingPathComponent("Output")
        var times: [String: Date] = [:]
        for path in try site.outputSnapshot().keys {
            times[path] = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.modificationDate] as? Date
        }
        return times
    }

    @Test func nothingChangedLeavesOutputAloneAndRepeatsTheReport() throws {
        let site = try settledSite()
        defer { site.delete() }
        let first = build(site).report
        #expect(first.published && !first.upToDate)
        let times = try modificationTimes(site)
        let second = build(site)
        #expect(second.report.upToDate)
        #expect(second.note == nil)
        #expect(second.report.pages == first.pages)
        #expect(second.report.diagnostics == first.diagnostics)
        #expect(try modificationTimes(site) == times)
    }

    @Test func anEditBuildsAgain() throws {
        let site = try settledSite()
        defer { site.delete() }
        #expect(build(site).report.published)
        try site.write("Content/articles/b.md", article(title: "Beta, revised", date: "2025-07-02"))
        let report = build(site).report
        #expect(report.published && !report.upToDate)
        #expect(try site.read("Output/articles/beta-revised/index.html").contains("Beta, revised"))
    }

    @Test func aPageRemovedFromOutputByHandIsBuiltAgain() throws {
        let site = try settledSite()
        defer { site.delete() }
        #expect(build(site).report.published)
        try site.remove("Output/articles/alpha/index.html")
        #expect(!build(site).report.upToDate)
        #expect(site.exists("Output/articles/alpha/index.html"))
    }

    @Test(arguments: ["", "garbage", "sitegen build cache 0\n--\nx\nchecksum 0\n"])
    func aDamagedCacheIsNotUsedAndSaysSo(manifest: String) throws {
        let site = try settledSite()
        defer { site.delete() }
        #expect(build(site).report.published)
        let clean = try site.outputSnapshot()
        try site.write(".sitegen-cache/manifest", manifest)
        let (report, note) = build(site)
        #expect(report.published && !report.upToDate)
        #expect(note?.hasPrefix("the build cache in .sitegen-cache/ was not used") == true)
        #expect(try site.outputSnapshot() == clean)
        #expect(build(site).report.upToDate)
    }

    @Test func aTruncatedCacheIsNotUsed() throws {
        let site = try settledSite()
        defer { site.delete() }
        #expect(build(site).report.published)
        let manifest = try site.read(".sitegen-cache/manifest")
        try site.write(".sitegen-cache/manifest", String(manifest.prefix(manifest.count / 2)))
        let (report, note) = build(site)
        #expect(!report.upToDate)
        #expect(note != nil)
    }

    @Test func noCacheBuildsEverythingAndForgets() throws {
        let site = try settledSite()
        defer { site.delete() }
        #expect(build(site).report.published)
        let report = build(site, useCache: false).report
        #expect(report.published && !report.upToDate)
        #expect(!site.exists(".sitegen-cache/manifest"))
    }
}
