// Per-stage micro-benchmarks: one realistic unit of each build stage, on the repository's sample
// site (Content/ and Templates/ at the repository root). See Benchmarks/README.md.
//
// Everything a benchmark needs is prepared in its `setup` closure, outside the measured region;
// the closure body measures only the call under test.

import Benchmark
import Charts
import Facts
import Foundation
import Loading
import Model
import Money
import Rendering

// MARK: Inputs

/// The repository root: this file is Benchmarks/Micro/Benchmarks/Stages/Stages.swift under it.
let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<5 { url.deleteLastPathComponent() }
    return url
}()

/// The sample article the single-article benchmarks use: front matter with all four kinds of fact
/// block, a body with fact links and two charts. It is the site's first article (`.article(0)`).
let sampleArticlePath = "Content/articles/2025-07-22-ai-pay-bands.md"
let sampleArticleSlug = "ai-pay-bands"

/// Literals as the news writes them: symbols and codes before and after, scale words, ranges,
/// pay periods, percentages, bounds, Chinese units.
let literals = [
    "$600M", "US$600 million", "US$1.5 billion", "$2.5B", "HK$3B", "€20M",
    "1 billion yuan", "1 billion CNY", "RMB 1B", "6亿美元",
    "30M–40M CNY/year", "30–40 million yuan a year", "10M–100M CNY/year", "¥5,000/day",
    "more than RMB 100,000 per month", "$150k a year",
    "32.45%", "over 30%", "under 10%", "5 million",
]

/// Fails the run, loudly, when the input is not what the benchmark is meant to measure.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        FileHandle.standardError.write(Data("Stages: \(message())\n".utf8))
        exit(1)
    }
}

/// `errors`: the descriptions of the error diagnostics of `what` (the Diagnostics module is not a
/// product of the root package, so its type is not named here).
func requireNoErrors(_ errors: [String], _ what: String) {
    require(errors.isEmpty, "\(what) has errors:\n" + errors.joined(separator: "\n"))
}

func readSource(_ relativePath: String) -> SourceText {
    let url = repositoryRoot.appendingPathComponent(relativePath)
    guard let data = FileManager.default.contents(atPath: url.path) else {
        require(false, "cannot read \(url.path)")
        fatalError()
    }
    do {
        return try SourceText(path: relativePath, bytes: [UInt8](data))
    } catch {
        require(false, "\(relativePath): \(error)")
        fatalError()
    }
}

/// The sample article, read from disk and loaded once.
func loadSampleArticle() -> (source: SourceText, article: Article) {
    let source = readSource(sampleArticlePath)
    let (article, problems) = Article.load(from: source)
    requireNoErrors(problems.filter { $0.severity == .error }.map(\.description), sampleArticlePath)
    guard let article else {
        require(false, "\(sampleArticlePath) did not load")
        fatalError()
    }
    return (source, article)
}

func loadSiteConfig() -> SiteConfig {
    let (config, problems) = SiteConfig.load(from: readSource("Content/site.yaml"))
    requireNoErrors(problems.filter { $0.severity == .error }.map(\.description), "Content/site.yaml")
    guard let config else {
        require(false, "Content/site.yaml did not load")
        fatalError()
    }
    return config
}

/// The sample site prepared as the build prepares it before filling templates: content loaded,
/// fact database, site map, every body rendered (charts drawn), theme compiled.
/// A global, so it is built once per process, by the first setup that needs it.
let preparedSite: SiteRenderer = {
    let layout = SiteLayout(root: repositoryRoot)
    let (loaded, loadProblems) = ContentLoader(layout: layout, jobs: 1).load()
    requireNoErrors(loadProblems.filter { $0.severity == .error }.map(\.description), "Content/")
    let (loadedTheme, themeProblems) = Theme.load(from: layout.templates, relativePath: "Templates")
    requireNoErrors(themeProblems.filter { $0.severity == .error }.map(\.description), "Templates/")
    guard let content = loaded, let theme = loadedTheme else {
        require(false, "the sample site did not load")
        fatalError()
    }
    let database = FactDatabase(content: content)
    let map = SiteMap(content: content, database: database)
    let bodies = BodyRenderer(config: content.config)
    let articleIDs = theme.reservedIDs(for: .article)
    let pageIDs = theme.reservedIDs(for: .page)
    let articles = content.articles.map { article in
        let links = LinkCheck(paths: map.paths, pageFolder: Route.article(article.slug).urlPath)
        let body = bodies.render(
            article.body, facts: article.facts, unreadableFactIDs: article.unreadableFactIDs, links: links, reservedIDs: articleIDs)
        requireNoErrors(body.markdown.diagnostics.filter { $0.severity == .error }.map(\.description), article.path)
        return RenderedArticle(article: article, rendered: body)
    }
    let pages = content.pages.map { page in
        let links = LinkCheck(paths: map.paths, pageFolder: Route.page(page.slug).urlPath)
        return RenderedPage(page: page, rendered: bodies.render(page.body, links: links, reservedIDs: pageIDs))
    }
    let site = RenderedSite(config: content.config, articles: articles, pages: pages, database: database, map: map)
    return SiteRenderer(theme: theme, site: site)
}()

/// The page job of the sample article in the prepared site.
func sampleArticleJob() -> PageJob {
    guard let index = preparedSite.site.map.articleSlugs.firstIndex(of: sampleArticleSlug) else {
        require(false, "the sample site has no article \(sampleArticleSlug)")
        fatalError()
    }
    return .article(index)
}

/// A site-wide funding timeline as the funding page draws it: eight rounds of four companies,
/// converted to USD, with valuations.
let fundingTimeline = ChartSpec(
    kind: .timeline, title: "Funding rounds of Chinese foundation-model startups",
    rows: [
        ChartRow(label: "MiniMax Series A", series: "MiniMax", low: 600_000_000, date: 2024.17, dateLabel: "March 2024",
                 secondary: 2_500_000_000, detail: "Series A", written: "US$600 million"),
        ChartRow(label: "MiniMax Series B", series: "MiniMax", low: 250_000_000, date: 2023.45, dateLabel: "June 2023",
                 secondary: 1_200_000_000, detail: "Series B", written: "$250M"),
        ChartRow(label: "Zhipu Strategic", series: "Zhipu", low: 139_300_000, date: 2025.5, dateLabel: "2 July 2025",
                 detail: "Strategic", written: "1 billion yuan"),
        ChartRow(label: "Zhipu Series D", series: "Zhipu", low: 417_900_000, date: 2024.92, dateLabel: "December 2024",
                 secondary: 2_786_000_000, detail: "Series D", written: "3 billion CNY"),
        ChartRow(label: "Moonshot Series B", series: "Moonshot AI", low: 1_000_000_000, date: 2024.13, dateLabel: "February 2024",
                 secondary: 2_500_000_000, detail: "Series B", written: "US$1 billion"),
        ChartRow(label: "Moonshot Series C", series: "Moonshot AI", low: 300_000_000, date: 2024.6, dateLabel: "August 2024",
                 secondary: 3_300_000_000, detail: "Series C", written: "$300M"),
        ChartRow(label: "Baichuan Series A", series: "Baichuan", low: 300_000_000, date: 2023.78, dateLabel: "October 2023",
                 detail: "Series A", written: "$300 million"),
        ChartRow(label: "Baichuan Series B", series: "Baichuan", low: 696_500_000, date: 2024.56, dateLabel: "July 2024",
                 secondary: 2_786_000_000, detail: "Series B", written: "5 billion yuan"),
    ],
    unit: .money(currency: "USD"), notes: ["Converted to USD at 1 CNY = 0.1393 USD (rates of 22 July 2025)."],
    source: "GMT Eight")

/// The salaries chart of the sample briefing: annualised pay ranges, converted to USD.
let salaryRanges = ChartSpec(
    kind: .ranges, title: "AI pay reported in this briefing, annualised",
    rows: [
        ChartRow(label: "Core AI technical intern, Major tech firms", low: 174_125, written: "¥5,000/day"),
        ChartRow(label: "Core AI technical intern (monthly equivalent), Major tech firms", low: 167_160,
                 written: "more than RMB 100,000 per month", qualifier: "over"),
        ChartRow(label: "Top-tier AI specialist, ByteDance", low: 4_179_000, high: 5_572_000, written: "30–40 million yuan a year"),
        ChartRow(label: "Senior technical leader, ByteDance", low: 1_393_000, high: 13_930_000, written: "10M–100M CNY/year"),
    ],
    unit: .money(currency: "USD"), period: "year",
    notes: ["Converted to USD at 1 CNY = 0.1393 USD (rates of 22 July 2025).", "Annualised: 250 working days or 12 months a year."],
    source: "GMT Eight")

// MARK: Benchmarks

/// Wall clock, and what the allocator saw, per measured call.
let metrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .mallocBytesCount]

/// Short runs: the whole suite takes well under a minute once built.
func configuration(maxDuration: Duration = .seconds(2)) -> Benchmark.Configuration {
    .init(metrics: metrics, warmupIterations: 10, maxDuration: maxDuration, maxIterations: 100_000)
}

let benchmarks: @Sendable () -> Void = {
    // 1. Money: one literal at a time, one parse per sample. (A sample of 1,000 parses would be
    //    milliseconds long and, on a busy machine, often cut by the scheduler; single parses put
    //    those cuts in the tail and keep the median clean.)
    for literal in literals {
        Benchmark("parse literal: \(literal)", configuration: configuration(maxDuration: .milliseconds(250))) { benchmark in
            blackHole(try? Quantity(parsing: literal))
        } setup: {
            do {
                _ = try Quantity(parsing: literal)
            } catch {
                require(false, "\"\(literal)\" does not parse: \(error)")
            }
        }
    }
    // …and the whole list in one pass, for one number to track.
    Benchmark("parse literals: all \(literals.count)", configuration: configuration(maxDuration: .seconds(1))) { benchmark in
        for literal in literals {
            blackHole(try? Quantity(parsing: literal))
        }
    }

    // 2. Loading: one article's front matter → Article (YAML, fields, fact blocks and their literals).
    Benchmark("read one front matter", configuration: configuration()) { benchmark, source in
        blackHole(Article.load(from: source))
    } setup: {
        loadSampleArticle().source
    }

    // 3. Rendering: one article body → HTML (cmark parse, HTML, fact links, its two charts drawn).
    Benchmark("render one body", configuration: configuration()) { benchmark, input in
        blackHole(input.renderer.render(input.article.body, facts: input.article.facts))
    } setup: {
        (renderer: BodyRenderer(config: loadSiteConfig()), article: loadSampleArticle().article)
    }

    // 4. Charts: one spec → figure with two SVG variants and a data table.
    Benchmark("draw one chart: funding timeline", configuration: configuration()) { benchmark, renderer in
        blackHole(renderer.render(fundingTimeline))
    } setup: {
        ChartRenderer()
    }
    Benchmark("draw one chart: salary ranges", configuration: configuration()) { benchmark, renderer in
        blackHole(renderer.render(salaryRanges))
    } setup: {
        ChartRenderer()
    }

    // 5. Templating: one article page from its prepared view model (the template fill alone)…
    Benchmark("fill one page", configuration: configuration()) { benchmark, context in
        blackHole(preparedSite.fill(context))
    } setup: {
        preparedSite.context(for: sampleArticleJob())
    }
    // …and with the view model built too, as the build renders each page.
    Benchmark("view model + fill one page", configuration: configuration()) { benchmark, job in
        blackHole(preparedSite.render(job))
    } setup: {
        sampleArticleJob()
    }
}
