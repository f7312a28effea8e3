import Foundation
import Diagnostics
import Facts
import Loading
import Markdown
import Model
import Publishing
import Rendering

/// An article or plain page with its rendered body.
protocol RenderedItem: Sendable {
    var rendered: RenderedBody { get }
    var route: Route { get }
}

extension RenderedArticle: RenderedItem {
    var route: Route { .article(article.slug) }
}

extension RenderedPage: RenderedItem {
    var route: Route { .page(page.slug) }
}

/// What rendering one body leaves for the rest of the build, and for the next build in the same process.
struct BodyState<Item: RenderedItem>: Sendable {
    /// The article or page with its body; an article's without its charts, and without its HTML unless `hasHTML`.
    var rendered: Item
    var diagnostics: [Diagnostic]
    var fragmentLinks: [FragmentLink]
    var hasHTML: Bool
}

/// What the body step did for one article: its body, and its page when that was rendered for an update.
struct ArticleOutcome: Sendable {
    var state: BodyState<RenderedArticle>
    /// The page, rendered for an update of Output in place (a whole build writes it straight away).
    var page: OutputFile? = nil
    /// The page's inputs, when the build remembers them and worked them out.
    var inputs: (path: String, inputs: PageInputs)? = nil
    /// Nothing the page shows changed: its inputs are the previous build's.
    var inputsUnchanged = false
    var failure: PublishingError? = nil
}

/// Renders the bodies of articles and pages, and each article's page as soon as its body is ready.
/// With a previous snapshot, a body is rendered again only when its article changed or one of its links
/// now leads elsewhere, and an article's page only when its inputs changed.
struct BodyStep: Sendable {
    let config: SiteConfig
    let theme: Theme
    let database: FactDatabase
    let index: FactIndex
    let map: SiteMap
    let previous: SiteSnapshot?
    let destination: Destination
    /// Whether the build keeps what it made for the next one (Markdown sources included).
    let remembers: Bool
    let jobs: Int

    private var drawsCharts: Bool {
        if case .none = destination { false } else { true }
    }

    /// Whether the set of pages differs from the previous build's, so links may lead elsewhere now.
    private var pathsChanged: Bool { previous.map { $0.site.map.paths != map.paths } ?? true }

    /// Renders what changed of `articles`. `orderKept` says the articles are the previous build's, in the
    /// same order with the same tags and facts (the site map was kept): then an article that did not
    /// change, between neighbours that did not change, is passed over without a lookup.
    func renderArticles(_ articles: [Article], orderKept: Bool) -> [ArticleOutcome] {
        let bodies = BodyRenderer(config: config, drawsCharts: drawsCharts)
        let reservedIDs = theme.reservedIDs(for: .article)
        let pages = SiteRenderer(theme: theme, site: RenderedSite(config: config, articles: [], pages: [], database: database, map: map, index: index))
        let pathsChanged = self.pathsChanged
        let inFeed = Set(SiteFeeds.entries(count: articles.count) { articles[$0].isDraft })
        let before = orderKept ? previous : nil
        return articles.indices.map { $0 }.parallelMap(jobs: jobs) { index -> ArticleOutcome in
            let article = articles[index]
            let keepsHTML = inFeed.contains(index)
            if let before, before.content.articles[index] == article, before.articles[index].hasHTML || !keepsHTML {
                let unchanged = { (position: Int) in !articles.indices.contains(position) || before.content.articles[position] == articles[position] }
                if unchanged(index - 1), unchanged(index + 1) { return ArticleOutcome(state: before.articles[index], inputsUnchanged: true) }
            }
            func render() -> RenderedBody {
                let links = LinkCheck(paths: map.paths, files: map.files, pageFolder: Route.article(article.slug).urlPath)
                return bodies.render(article.body, facts: article.facts, unreadableFactIDs: article.unreadableFactIDs, links: links, reservedIDs: reservedIDs)
            }
            var full: RenderedBody?
            let state: BodyState<RenderedArticle>
            if let reused = previous?.article(atPath: article.path), reused.rendered.article == article, reused.hasHTML || !keepsHTML,
                !pathsChanged || linksLeadAsBefore(reused.rendered.rendered.pageLinks, from: reused.rendered.route)
            {
                state = reused
            } else {
                let body = render()
                full = body
                var kept = article
                // Without a next build, the Markdown is not needed once rendered; at 10,000 articles it is tens of megabytes.
                if !remembers { kept.body.markdown = "" }
                state = BodyState(
                    rendered: RenderedArticle(article: kept, rendered: body).digest(keepingHTML: keepsHTML), diagnostics: body.markdown.diagnostics,
                    fragmentLinks: body.fragmentLinks, hasHTML: keepsHTML)
            }
            if case .none = destination { return ArticleOutcome(state: state) }
            let older = index + 1 < articles.count ? articles[index + 1] : nil
            let newer = index > 0 ? articles[index - 1] : nil
            let path = state.rendered.route.outputPath
            let inputs = remembers ? pages.articleInputs(state.rendered, previous: older, next: newer) : nil
            var outcome = ArticleOutcome(state: state, inputs: inputs.map { (path, $0) })
            if let previous, let inputs, previous.inputs[path] == inputs { return outcome }
            let page = pages.renderArticle(RenderedArticle(article: article, rendered: full ?? render()), previous: older, next: newer)
            switch destination {
            case .staging(let staging):
                do throws(PublishingError) {
                    try staging.write(page)
                } catch {
                    outcome.failure = error
                }
            case .collect: outcome.page = page
            case .none: break
            }
            return outcome
        }
    }

    func renderPages(_ pages: [Page]) -> [BodyState<RenderedPage>] {
        let bodies = BodyRenderer(config: config, drawsCharts: drawsCharts)
        let reservedIDs = theme.reservedIDs(for: .page)
        let pathsChanged = self.pathsChanged
        return pages.parallelMap(jobs: jobs) { page in
            if let reused = previous?.page(atPath: page.path), reused.rendered.page == page,
                !pathsChanged || linksLeadAsBefore(reused.rendered.rendered.pageLinks, from: reused.rendered.route)
            {
                return reused
            }
            let links = LinkCheck(paths: map.paths, files: map.files, pageFolder: Route.page(page.slug).urlPath)
            let body = bodies.render(page.body, links: links, reservedIDs: reservedIDs)
            return BodyState(rendered: RenderedPage(page: page, rendered: body), diagnostics: body.markdown.diagnostics, fragmentLinks: body.fragmentLinks, hasHTML: true)
        }
    }

    /// Whether each of a body's links to other pages resolves now as it did in the previous build.
    private func linksLeadAsBefore(_ links: [String], from route: Route) -> Bool {
        guard let previous, !links.isEmpty else { return true }
        let before = LinkCheck(paths: previous.site.map.paths, files: previous.site.map.files, pageFolder: route.urlPath)
        let now = LinkCheck(paths: map.paths, files: map.files, pageFolder: route.urlPath)
        return links.allSatisfy { before.resolve($0) == now.resolve($0) }
    }
}

/// What a published build leaves for the next build in the same process: the site as rendered, and
/// the inputs of every page it wrote.
struct SiteSnapshot: Sendable {
    var content: SiteContent
    var templates: TemplatesStamp
    var site: RenderedSite
    /// In the site's order, with their positions by source path (`Content/articles/x.md`).
    var articles: [BodyState<RenderedArticle>]
    var articlePositions: [String: Int]
    var pages: [BodyState<RenderedPage>]

    func article(atPath path: String) -> BodyState<RenderedArticle>? { articlePositions[path].map { articles[$0] } }
    func page(atPath path: String) -> BodyState<RenderedPage>? { pages.first { $0.rendered.page.path == path } }
    /// By output path.
    var inputs: [String: PageInputs]
    /// Every page written (feeds, exports and assets aside).
    var outputs: Set<String>
    var assetCount: Int

    /// Whether an update can start from this snapshot: what every page shows (the settings, the
    /// entities, the theme, the navigation) and the files published as they are (static files, files
    /// beside articles and pages) are unchanged, and Output is still there.
    func fits(_ content: SiteContent, templates: TemplatesStamp, output: URL) -> Bool {
        content.config == self.content.config && content.entities == self.content.entities && templates == self.templates
            && content.pages.elementsEqual(self.content.pages, by: { $0.title == $1.title && $0.slug == $1.slug })
            && PublishedFiles.stamp(of: content) == PublishedFiles.stamp(of: self.content)
            && FileManager.default.fileExists(atPath: output.appendingPathComponent(Route.home.outputPath).path)
    }

    /// Whether every article has the same place in the list and the same tags (with the same facts,
    /// the site map can be kept).
    func hasSameTags(as content: SiteContent) -> Bool {
        let (now, before) = (content.articles, self.content.articles)
        return now.count == before.count && now.indices.allSatisfy { now[$0].slug == before[$0].slug && now[$0].tags == before[$0].tags }
    }

    /// Whether the fact database can be kept: every article has the same place, facts and what records show of it.
    func hasSameFacts(as content: SiteContent) -> Bool {
        let (now, before) = (content.articles, self.content.articles)
        guard now.count == before.count else { return false }
        return now.indices.allSatisfy { index in
            now[index].slug == before[index].slug && now[index].path == before[index].path && now[index].title == before[index].title
                && now[index].date == before[index].date && now[index].facts == before[index].facts
        }
    }
}

/// The theme's files by size and modification time: a template or asset edit changes it.
struct TemplatesStamp: Equatable, Sendable {
    private var files: [String] = []

    init() {}

    init(folder: URL) {
        files = FileStamp.walk(folder.path).map { $0.path + " " + $0.stamp.text }
        files.sort()
    }
}
