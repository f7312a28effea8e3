import Diagnostics
import Facts
import Foundation
import Loading
import Markdown
import Model
import Parallel
import Publishing
import Rendering

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var layout: SiteLayout
    public var includeDrafts = false
    /// Replaces `base_url` from site.yaml.
    public var baseURL: String?
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Warnings fail the build too.
    public var strict = false
    /// Told what the build is doing as each stage starts (the command line shows it on a terminal).
    public var progress: (@Sendable (String) -> Void)?
    /// The command that runs Pagefind for `search: true`; `nil` finds it on the PATH.
    public var pagefind: [String]?

    public init(layout: SiteLayout) {
        self.layout = layout
    }
}

/// What a build did: the counts for the summary line and every diagnostic, sorted.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var pages = 0
    public var articles = 0
    public var files = 0
    public var charts = 0
    public var facts = 0
    /// Whether Output was replaced.
    public var published = false
    /// Wall time of each stage, in order, for `--verbose` and the benchmark.
    public var stages: [(name: String, duration: Duration)] = []
    /// For an update of Output in place: how many files it wrote or removed; `nil` for a whole build.
    public var updatedFiles: Int?
    /// Nothing changed since the last build, which this report repeats; Output was left as it was.
    public var upToDate = false

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// Content + Templates → Output: load, index the facts, render bodies and pages, publish atomically.
///
/// Given what the last build in this process left (a `SiteSnapshot`, kept by `SiteSession`), a build
/// renders again only the bodies and pages whose inputs changed and writes only those files.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Validates everything and, when `publish` is true and nothing failed, replaces Output.
    public func build(publish: Bool) -> BuildReport {
        run(publish: publish, previous: nil, cache: nil).report
    }

    /// What one build did, left for the next one, and left to write.
    struct Outcome {
        var report: BuildReport
        var snapshot: SiteSnapshot?
        /// For an update in place: the large exports, rendered and written once the pages are in place,
        /// so an edit shows without waiting for them.
        var deferred: [(path: String, render: @Sendable () -> OutputFile)] = []
    }

    /// One build. With a `cache`, the build remembers what it made (the returned snapshot); with a
    /// `previous` snapshot that still fits the site, it updates Output in place rather than replacing it.
    func run(publish: Bool, previous: SiteSnapshot?, cache: LoadCache?) -> Outcome {
        var report = BuildReport()
        var stopwatch = Stopwatch()
        let remembers = cache != nil

        // Load.
        options.progress?("reading Content/")
        var loader = ContentLoader(layout: options.layout, includeDrafts: options.includeDrafts, jobs: options.jobs)
        loader.cache = cache
        let (loaded, loadProblems) = loader.load()
        let (theme, themeProblems) = Theme.load(from: options.layout.templates, relativePath: "Templates")
        report.diagnostics += loadProblems + themeProblems + ThemeCheck.diagnostics(layout: options.layout)
        stopwatch.lap("load", into: &report)
        guard var content = loaded, let theme else { return Outcome(report: finish(report)) }
        if let baseURL = options.baseURL {
            content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        let templates = remembers ? TemplatesStamp(folder: options.layout.templates) : TemplatesStamp()
        let base = publish ? previous.flatMap { $0.fits(content, templates: templates, output: options.layout.output) ? $0 : nil } : nil

        // Search is indexed on whole builds; Pagefind must be there before anything is written.
        var search: SearchIndex?
        if content.config.search, base == nil {
            search = options.pagefind.map { SearchIndex(command: $0) } ?? SearchIndex.locate()
            if let command = search?.command.first, !FileManager.default.isExecutableFile(atPath: command) { search = nil }
            if search == nil {
                let siteYAML = options.layout.relativePath(of: options.layout.content.appendingPathComponent("site.yaml"))
                report.diagnostics.append(.error(at: SourceLocation(path: siteYAML), field: "search", SearchIndex.missingMessage))
            }
            stopwatch.lap("find pagefind", into: &report)
        }

        // Index the facts.
        let kept = base.flatMap { $0.hasSameFacts(as: content) ? $0.site : nil }
        let database = kept?.database
            ?? base.flatMap { FactDatabase(content: content, updating: $0.site.database, of: $0.content) }
            ?? FactDatabase(content: content)
        report.diagnostics += database.conflicts()
        report.facts = database.records.count
        stopwatch.lap("facts", into: &report)
        let index = kept?.index ?? FactIndex(database: database)
        // The site map stays when no article moved or changed its tags, and the facts still name the
        // same companies in as many funding rounds and salaries.
        let keptMap = base.flatMap { base in
            base.hasSameTags(as: content) && SiteMap.companies(of: database) == base.site.map.companies
                && database.count(of: .funding) == base.site.database.count(of: .funding)
                && database.count(of: .salary) == base.site.database.count(of: .salary) ? base.site.map : nil
        }
        let map = keptMap ?? SiteMap(content: content, database: database)
        stopwatch.lap("index+map", into: &report)

        // Render bodies, and article pages as soon as their bodies are ready.
        var destination = Destination.none
        if publish {
            if base != nil {
                destination = .collect
            } else {
                do {
                    var writer = OutputWriter(output: options.layout.output)
                    writer.removesPreviousInBackground = remembers
                    destination = .staging(try writer.stage())
                } catch {
                    report.diagnostics.append(.error(at: outputLocation, error.message))
                    return Outcome(report: finish(report))
                }
            }
        }
        options.progress?("rendering \(content.articles.count) articles and their charts")
        let bodies = BodyStep(
            config: content.config, theme: theme, database: database, index: index, map: map, previous: base, destination: destination,
            remembers: remembers, jobs: options.jobs)
        // Unchanged articles can be passed over only when their facts' records are the same ones too.
        let articles = bodies.renderArticles(content.articles, orderKept: keptMap != nil && kept != nil)
        let pages = bodies.renderPages(content.pages)
        stopwatch.lap("markdown+charts+articles", into: &report)

        // Check what only the whole site can tell.
        report.diagnostics += articles.flatMap(\.state.diagnostics) + pages.flatMap(\.diagnostics)
        report.diagnostics += articles.compactMap(\.failure).map { .error(at: outputLocation, $0.message) }
        let anchored = articles.map { ($0.state.rendered.rendered.anchors, $0.state.fragmentLinks, $0.state.rendered.route) }
            + pages.map { ($0.rendered.rendered.anchors, $0.fragmentLinks, $0.rendered.route) }
        report.diagnostics += Self.checkFragments(anchored)
        report.charts = articles.reduce(0) { $0 + $1.state.rendered.rendered.chartCount } + pages.reduce(0) { $0 + $1.rendered.rendered.chartCount }
        report.articles = articles.count
        let (assets, assetProblems) = publish && base == nil ? loader.assets() : ([], [])
        report.diagnostics += assetProblems
        let published = PublishedFiles(content: content)
        report.diagnostics += published.problems(
            generated: map.paths, assets: Set(assets.map(\.path)), reservedFolders: content.config.search ? [SearchIndex.folder] : [])
        report = finish(report)
        guard publish, report.errorCount == 0, !(options.strict && report.warningCount > 0) else {
            if case .staging(let staging) = destination { staging.discard() }
            return Outcome(report: report)
        }

        // Render the other pages, the feeds and the exports; publish.
        let site = RenderedSite(
            config: content.config, articles: articles.map(\.state.rendered), pages: pages.map(\.rendered), database: database, map: map, index: index)
        // With the same pages as before, the previous inputs are the starting point; otherwise every page's are new.
        var inputs = keptMap != nil ? base?.inputs ?? [:] : [:]
        for outcome in articles { if let (path, pageInputs) = outcome.inputs { inputs[path] = pageInputs } }
        do {
            // After an edit that left every list as it was (same facts, same map, same cards), only the
            // plain pages and the feeds can have changed: the other pages are not even compared.
            let listsKept = keptMap != nil && kept != nil && base.map { base in
                base.site.articles.count == site.articles.count
                    && site.articles.indices.allSatisfy { site.articles[$0].cardFingerprint == base.site.articles[$0].cardFingerprint }
            } == true
            let written = try writeOthers(
                site, theme: theme, destination: destination, previous: base, inputs: &inputs, remembers: remembers, listsKept: listsKept)
            let collected = articles.compactMap(\.page) + written.files
            report.pages = map.jobs.count
            report.files = map.jobs.count + written.otherCount + (base?.assetCount ?? assets.count) + published.files.count
            stopwatch.lap("pages+feeds+exports", into: &report)
            let outputs = remembers ? map.paths : []
            switch destination {
            case .staging(let staging):
                for asset in assets { try staging.write(asset) }
                try published.write(into: staging, root: options.layout.root, jobs: options.jobs)
                if let search {
                    options.progress?("indexing the articles for search")
                    try search.index(staging)
                    stopwatch.lap("search", into: &report)
                }
                try staging.commit()
            case .collect:
                let removed = (base?.outputs ?? []).subtracting(outputs)
                try OutputWriter(output: options.layout.output).update(collected, removing: removed)
                report.updatedFiles = collected.count + removed.count + written.deferred.count
            case .none:
                break
            }
            stopwatch.lap("swap", into: &report)
            report.published = true
            guard remembers else { return Outcome(report: report) }
            let snapshot = SiteSnapshot(
                content: content, templates: templates, site: site,
                articles: articles.map(\.state),
                articlePositions: keptMap != nil ? base?.articlePositions ?? [:]
                    : Dictionary(content.articles.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { a, _ in a }),
                pages: pages,
                inputs: inputs, outputs: outputs, assetCount: base?.assetCount ?? assets.count)
            return Outcome(report: report, snapshot: snapshot, deferred: written.deferred)
        } catch {
            if case .staging(let staging) = destination { staging.discard() }
            report.diagnostics.append(.error(at: outputLocation, error.message))
            return Outcome(report: report)
        }
    }

    private var outputLocation: SourceLocation { SourceLocation(path: options.layout.relativePath(of: options.layout.output)) }

    /// Renders the pages other than articles and plain pages, the feeds and the exports: all of them
    /// for a whole build, and for an update those whose inputs changed. Written into a staging folder,
    /// or returned to be written in place.
    private func writeOthers(
        _ site: RenderedSite, theme: Theme, destination: Destination, previous: SiteSnapshot?, inputs: inout [String: PageInputs], remembers: Bool,
        listsKept: Bool = false
    ) throws(PublishingError) -> (files: [OutputFile], otherCount: Int, deferred: [(path: String, render: @Sendable () -> OutputFile)]) {
        let renderer = SiteRenderer(theme: theme, site: site)
        let feeds = SiteFeeds(site: site)
        let pages = zip(site.map.jobs, site.map.outputPaths).filter { $0.0.kind != .article && (!listsKept || $0.0.kind == .page) }
        options.progress?("writing \(pages.count) more pages")
        // The feeds and exports are large single files: they render beside the pages, not after them.
        let exports = Self.exports(of: site)
        let others: [(path: String, inputs: PageInputs?, render: @Sendable () -> OutputFile)] = [
            ("feed.xml", remembers ? feeds.feedInputs : nil, { OutputFile(path: "feed.xml", contents: feeds.atom()) }),
            ("sitemap.xml", remembers ? feeds.sitemapInputs : nil, { OutputFile(path: "sitemap.xml", contents: feeds.sitemap()) }),
            ("robots.txt", nil, feeds.robots),
        ]
        let otherCount = others.count + exports.count
        // An update leaves changed exports for after the pages; a whole build renders them beside the pages.
        var deferred: [(path: String, render: @Sendable () -> OutputFile)] = []
        var jobs = others.map { WriteJob.file($0.path, $0.inputs, $0.render) } + pages.map { WriteJob.page($0.0, $0.1) }
        let exportInputs = remembers ? feeds.exportInputs : nil
        for export in exports {
            if case .collect = destination, let previous, let exportInputs {
                if previous.inputs[export.path] != exportInputs { deferred.append(export) }
                inputs[export.path] = exportInputs
            } else {
                jobs.insert(.file(export.path, exportInputs, export.render), at: 0)
            }
        }
        let outcomes = jobs.parallelMap(jobs: options.jobs) { job -> (path: String, inputs: PageInputs?, file: OutputFile?, failure: PublishingError?) in
            let (path, jobInputs): (String, PageInputs?) = switch job {
            case .page(let page, let path): (path, remembers ? renderer.inputs(of: page) : nil)
            case .file(let path, let inputs, _): (path, inputs)
            }
            if let previous, let jobInputs, previous.inputs[path] == jobInputs { return (path, jobInputs, nil, nil) }
            let file: OutputFile = switch job {
            case .page(let page, _): renderer.render(page)
            case .file(_, _, let render): render()
            }
            guard case .staging(let staging) = destination else { return (path, jobInputs, file, nil) }
            do throws(PublishingError) {
                try staging.write(file)
                return (path, jobInputs, nil, nil)
            } catch {
                return (path, jobInputs, nil, error)
            }
        }
        if let failure = outcomes.compactMap(\.failure).first { throw failure }
        for outcome in outcomes { inputs[outcome.path] = outcome.inputs }
        return (outcomes.compactMap(\.file), otherCount, deferred)
    }

    /// The large exports: facts.json and facts.csv.
    static func exports(of site: RenderedSite) -> [(path: String, render: @Sendable () -> OutputFile)] {
        [
            ("facts.json", { OutputFile(path: "facts.json", contents: FactExport.jsonBytes(site.database.records, site: site.config)) }),
            ("facts.csv", { OutputFile(path: "facts.csv", contents: FactExport.csvBytes(site.database.records)) }),
        ]
    }

    /// Links to `#section` of another body page must find that id there.
    static func checkFragments(_ bodies: [(anchors: Set<String>, links: [FragmentLink], route: Route)]) -> [Diagnostic] {
        var anchors: [String: Set<String>] = [:]
        for body in bodies { anchors[body.route.outputPath] = body.anchors }
        return bodies.flatMap(\.links).compactMap { link in
            guard let path = link.path, let ids = anchors[path], !ids.contains(link.fragment) else { return nil }
            return .error(at: link.location, "broken link: \(path.replacingOccurrences(of: "/index.html", with: "/")) has no section \"#\(link.fragment)\"\(Suggestion.hint(for: link.fragment, in: ids))")
        }
    }

    private func finish(_ report: BuildReport) -> BuildReport {
        var report = report
        // Sorted, so the same problem reported twice sits among the few with its location and words.
        var unique: [Diagnostic] = []
        var runStart = 0
        for diagnostic in report.diagnostics.sorted() {
            if let last = unique.last, last < diagnostic { runStart = unique.count }
            if !unique[runStart...].contains(diagnostic) { unique.append(diagnostic) }
        }
        report.diagnostics = unique
        return report
    }
}

/// Where a build's files go: a staging folder that becomes Output, a list to write into Output in
/// place (an update), or nowhere (`sitegen check`).
enum Destination: Sendable {
    case none
    case staging(StagingFolder)
    case collect
}

/// One file to write: a page, or a feed or export (with its inputs, when the build remembers them).
private enum WriteJob: Sendable {
    case page(PageJob, String)
    case file(String, PageInputs?, @Sendable () -> OutputFile)
}

/// Measures stages of a build; the only clock in the pipeline, and it never reaches the output.
struct Stopwatch {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init() { last = clock.now }

    mutating func lap(_ name: String, into report: inout BuildReport) {
        let now = clock.now
        report.stages.append((name, now - last))
        last = now
    }
}
