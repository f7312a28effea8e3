import Foundation
import Loading
import SitegenKit
import Testing

/// `sitegen serve` updates Output after each edit with only the files the edit touched; whatever the
/// edit, Output must then be byte for byte what a clean build of the same sources writes.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// A copy of the sample site (Content/ and Templates/ of the repository).
    func sampleSite() throws -> TemporarySite {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-incremental-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: TemporarySite.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        return TemporarySite(existing: root)
    }

    /// Output of a clean build of `site` into a fresh folder.
    func cleanBuild(of site: TemporarySite) throws -> [String: Data] {
        let clean = try site.cleanBuild()
        #expect(clean != nil, "the clean build failed")
        return clean ?? [:]
    }

    func edit(_ site: TemporarySite, _ path: String, _ change: (String) -> String) throws {
        let text = try site.read(path)
        let changed = change(text)
        #expect(changed != text, "the edit of \(path) changed nothing")
        try site.write(path, changed)
    }

    static let pay = "Content/articles/2025-07-22-ai-pay-bands.md"
    static let ipo = "Content/articles/2025-07-22-minimax-zhipu-ipo.md"
    static let compute = "Content/articles/2025-07-22-minimax-m1-compute.md"
    static let newArticle = """
        ---
        title: A new round for StepFun
        date: 2025-07-23
        summary: StepFun raises again.
        tags: [funding, stepfun]
        funding:
          - { id: stepfun-new, company: StepFun, round: Series C, amount: $300M, date: 2025-07-23 }
        ---
        StepFun's new round, after [the pay bands](../ai-pay-bands/).

        ## What it buys
        More compute.
        """

    /// Each kind of edit an editor makes, in turn, on one running session.
    static let edits: [(name: String, wholeBuild: Bool, apply: @Sendable (IncrementalBuildTests, TemporarySite) throws -> Void)] = [
        ("body", false, { t, site in try t.edit(site, pay) { $0 + "\nOne more paragraph, added while previewing.\n" } }),
        ("title", false, { t, site in try t.edit(site, compute) { $0.replacingOccurrences(of: "title: \"MiniMax-M1 versus", with: "title: \"MiniMax-M1 against") } }),
        ("tag", false, { t, site in try t.edit(site, pay) { $0.replacingOccurrences(of: "tags: [salaries,", with: "tags: [salaries, pay-watch,") } }),
        ("fact value", false, { t, site in try t.edit(site, ipo) { $0.replacingOccurrences(of: "amount: US$600 million", with: "amount: US$650 million") } }),
        ("new article", false, { _, site in try site.write("Content/articles/2025-07-23-stepfun.md", newArticle) }),
        ("date that reorders", false, { t, site in try t.edit(site, "Content/articles/2025-07-23-stepfun.md") { $0.replacingOccurrences(of: "date: 2025-07-23\nsummary", with: "date: 2024-01-05\nsummary") } }),
        ("rename", false, { _, site in
            try FileManager.default.moveItem(
                at: site.root.appendingPathComponent("Content/articles/2025-07-23-stepfun.md"),
                to: site.root.appendingPathComponent("Content/articles/2025-07-24-stepfun-round.md"))
        }),
        ("delete", false, { _, site in try site.remove("Content/articles/2025-07-24-stepfun-round.md") }),
        ("template", true, { t, site in try t.edit(site, "Templates/partials/article-card.mustache") { $0 + "<!-- edited -->\n" } }),
        ("site.yaml", true, { t, site in try t.edit(site, "Content/site.yaml") { $0.replacingOccurrences(of: "title: ", with: "title: The ", options: [], range: $0.range(of: "title: ")) } }),
        ("entities.yaml", true, { t, site in try t.edit(site, "Content/entities.yaml") { $0.replacingOccurrences(of: "Shanghai-based", with: "Shanghai-headquartered") } }),
        ("plain page body", false, { t, site in try t.edit(site, "Content/pages/about.md") { $0 + "\nA line more about us.\n" } }),
        ("article folder", true, { _, site in
            try site.write(bundle + "index.md", "---\ntitle: Pay in one picture\ndate: 2025-07-24\n---\n![Pay by band](pay.png)\n")
            try pngBytes(width: 640, height: 360).write(to: site.root.appendingPathComponent(bundle + "pay.png"))
        }),
        ("bundle image", true, { _, site in try pngBytes(width: 800, height: 450).write(to: site.root.appendingPathComponent(bundle + "pay.png")) }),
        ("bundle body", false, { t, site in try t.edit(site, bundle + "index.md") { $0 + "\nA caption under the picture.\n" } }),
        ("static file", true, { _, site in try site.write("Content/static/downloads/data.csv", "band,share\n") }),
        ("static file edit", true, { _, site in try site.write("Content/static/downloads/data.csv", "band,share\nbelow ¥20k,32.45\n") }),
    ]
    static let bundle = "Content/articles/2025-07-24-pay-picture/"

    @Test("after each kind of edit, Output equals a clean build", arguments: edits.indices)
    func editsGiveCleanOutput(upTo last: Int) throws {
        let site = try sampleSite()
        defer { site.delete() }
        let session = SiteSession(options: BuildOptions(layout: SiteLayout(root: site.root)))
        #expect(session.build().published)
        for (index, edit) in Self.edits.prefix(last + 1).enumerated() {
            try edit.apply(self, site)
            let report = session.build()
            #expect(report.published, "\(edit.name): \(report.diagnostics)")
            guard index == last else { continue }
            session.finishWriting()
            #expect((report.updatedFiles == nil) == edit.wholeBuild, "\(edit.name): updated \(report.updatedFiles.map(String.init) ?? "everything")")
            let output = try site.outputSnapshot()
            let clean = try cleanBuild(of: site)
            #expect(output.keys.sorted() == clean.keys.sorted(), "\(edit.name): different files")
            for (path, bytes) in clean where output[path] != bytes {
                Issue.record("\(edit.name): \(path) differs from a clean build")
            }
        }
    }

    @Test func aBodyEditRewritesOnlyWhatShowsTheBody() throws {
        let site = try sampleSite()
        defer { site.delete() }
        let session = SiteSession(options: BuildOptions(layout: SiteLayout(root: site.root)))
        let first = session.build()
        #expect(first.updatedFiles == nil)
        try edit(site, Self.compute) { $0 + "\nA sentence more.\n" }
        let report = session.build()
        // The article's page, the feed that carries its body, and the lists whose cards show its reading time at most.
        #expect(report.published)
        #expect((report.updatedFiles ?? .max) <= 6, "updated \(report.updatedFiles.map(String.init) ?? "everything") files")
    }

    @Test func aFailedEditChangesNothingAndItsFixPublishes() throws {
        let site = try sampleSite()
        defer { site.delete() }
        let session = SiteSession(options: BuildOptions(layout: SiteLayout(root: site.root)))
        #expect(session.build().published)
        let before = try site.outputSnapshot()
        try edit(site, Self.ipo) { $0.replacingOccurrences(of: "amount: US$600 million", with: "amount: 600 millon USD") }
        let failed = session.build()
        #expect(!failed.published)
        #expect(failed.errorCount == 1)
        session.finishWriting()
        #expect(try site.outputSnapshot() == before)
        try edit(site, Self.ipo) { $0.replacingOccurrences(of: "amount: 600 millon USD", with: "amount: $700M") }
        #expect(session.build().published)
        session.finishWriting()
        #expect(try site.outputSnapshot() == cleanBuild(of: site))
    }

    @Test func aLinkToAnArticleNotYetWrittenWorksOnceItIs() throws {
        let site = try sampleSite()
        defer { site.delete() }
        let session = SiteSession(options: BuildOptions(layout: SiteLayout(root: site.root)))
        #expect(session.build().published)
        try edit(site, Self.pay) { $0 + "\nSee [the StepFun round](../a-new-round-for-stepfun/).\n" }
        let broken = session.build()
        #expect(broken.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("broken link") })
        try site.write("Content/articles/2025-07-23-stepfun.md", Self.newArticle)
        let fixed = session.build()
        #expect(fixed.published, "\(fixed.diagnostics)")
        session.finishWriting()
        #expect(try site.outputSnapshot() == cleanBuild(of: site))
    }
}
