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

/// Random edits, from a fixed seed, on a generated site large enough for paginated lists, tags on
/// several pages, companies with many rounds and conflicting reports: after each, Output equals a
/// clean build. A failure names the seed's step, so it can be replayed.
@Suite("Incremental builds, random edits")
struct RandomEditTests {
    /// SplitMix64: the same edits on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let companies = ["MiniMax", "Zhipu", "Moonshot AI", "StepFun", "Baichuan", "01.AI"]
    static let tags = ["funding", "pay", "ipo", "talent", "compute"]

    static func articleText(_ number: Int, title: String, day: Int, tags: [String], amount: Int, body: String) -> String {
        let company = companies[number % companies.count]
        let round = ["Series A", "Series B", "Series C"][number % 3]
        return """
            ---
            title: \(title)
            date: 2025-\(String(format: "%02d", 1 + day / 28))-\(String(format: "%02d", 1 + day % 28))
            tags: [\(tags.joined(separator: ", "))]
            funding:
              - { id: round, company: \(company), round: \(round), amount: $\(amount)M, date: 2024-06-01 }
            salaries:
              - { id: pay, role: Engineer \(number), employer: \(company), pay: "$\(100 + number)k/year" }
            ---
            \(body)

            See [another briefing](../article-\((number + 1) % 40)/) and [its round](fact:round).
            """
    }

    @Test func randomEditsGiveCleanOutput() throws {
        let site = try TemporarySite(siteYAML: "title: Random\nbase_url: https://example.org/\n")
        defer { site.delete() }
        var random = Seeded(state: 20261130)
        var articles: [Int: (title: String, day: Int, tags: [String], amount: Int, body: String)] = [:]
        func write(_ number: Int) throws {
            let a = articles[number]!
            try site.write(
                "Content/articles/a\(number).md",
                Self.articleText(number, title: a.title, day: a.day, tags: a.tags, amount: a.amount, body: a.body)
                    .replacingOccurrences(of: "title: \(a.title)", with: "title: \(a.title)\nslug: article-\(number)"))
        }
        for number in 0..<40 {
            articles[number] = ("Briefing \(number)", number * 3, [Self.tags[number % 5], Self.tags[(number * 2) % 5]], 10 * (number % 7 + 1), "Body of \(number).")
            try write(number)
        }
        let session = SiteSession(options: BuildOptions(layout: SiteLayout(root: site.root)))
        #expect(session.build().published)
        var next = 40
        for step in 0..<30 {
            let number = articles.keys.sorted()[Int.random(in: 0..<articles.count, using: &random)]
            var description = ""
            switch Int.random(in: 0..<7, using: &random) {
            case 0:
                articles[number]!.body += " More words."
                description = "body of \(number)"
            case 1:
                articles[number]!.title += " (updated)"
                description = "title of \(number)"
            case 2:
                articles[number]!.day = Int.random(in: 0..<300, using: &random)
                description = "date of \(number)"
            case 3:
                articles[number]!.tags = [Self.tags[Int.random(in: 0..<5, using: &random)]]
                description = "tags of \(number)"
            case 4:
                articles[number]!.amount = Int.random(in: 1..<90, using: &random)
                description = "amount of \(number)"
            case 5:
                articles[next] = ("New briefing \(next)", Int.random(in: 0..<300, using: &random), ["funding"], 25, "A new one.")
                description = "new article \(next)"
                try write(next)
                next += 1
            default:
                // Links point at articles 0–39: those stay, so the site keeps building.
                guard number >= 40 else { continue }
                articles[number] = nil
                try site.remove("Content/articles/a\(number).md")
                description = "delete \(number)"
            }
            if articles[number] != nil, !description.hasPrefix("new") { try write(number) }
            let report = session.build()
            #expect(report.published, "step \(step), \(description): \(report.diagnostics.filter { $0.severity == .error })")
            session.finishWriting()
            let output = try site.outputSnapshot()
            let clean = try #require(try site.cleanBuild(), "step \(step), \(description): the clean build failed")
            #expect(output.keys.sorted() == clean.keys.sorted(), "step \(step), \(description): different files")
            for (path, bytes) in clean where output[path] != bytes {
                Issue.record("step \(step), \(description): \(path) differs from a clean build")
            }
        }
    }
}
