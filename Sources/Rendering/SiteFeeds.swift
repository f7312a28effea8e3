import Charts
import Markup
import Model

/// The machine-readable files: Atom feed, sitemap and robots.txt, with absolute URLs from `base_url`.
public struct SiteFeeds: Sendable {
    public let site: RenderedSite
    /// Entries in the feed.
    public static let feedLength = 20

    public init(site: RenderedSite) {
        self.site = site
    }

    /// Positions of the articles the feed carries: the newest, drafts (built only with --drafts) left out.
    /// Their bodies are kept for it when the others' are dropped.
    public static func entries(count: Int, isDraft: (Int) -> Bool) -> [Int] {
        var entries: [Int] = []
        for index in 0..<count where !isDraft(index) {
            entries.append(index)
            if entries.count == feedLength { break }
        }
        return entries
    }

    /// Positions of the site's articles the feed carries.
    var entries: [Int] { Self.entries(count: site.articles.count) { site.articles[$0].article.isDraft } }

    /// robots.txt: everything may be crawled; the sitemap is named.
    public func robots() -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(site.config.baseURL)sitemap.xml\n")
    }

    /// Atom 1.0; `updated` is the newest article's date, never the clock, so builds stay identical.
    public func atom() -> [UInt8] {
        let config = site.config
        let base = config.baseURL
        var xml = MarkupWriter(capacity: 64 * 1024)
        xml.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        xml.open("feed", ["xmlns": "http://www.w3.org/2005/Atom", "xml:lang": config.language == .zh ? "zh-Hans" : "en"])
        xml.raw("\n")
        xml.element("title", text: config.title)
        if !config.description.isEmpty { xml.element("subtitle", text: config.description) }
        xml.element("id", text: base)
        xml.empty("link", ["rel": "self", "type": "application/atom+xml", "href": base + "feed.xml"])
        xml.empty("link", ["rel": "alternate", "type": "text/html", "href": base])
        let entries = self.entries.map { site.articles[$0] }
        xml.element("updated", text: (entries.first?.article.date ?? CalendarDate(year: 2000)).rfc3339)
        xml.open("author")
        xml.element("name", text: config.author.isEmpty ? config.title : config.author)
        xml.close("author")
        xml.element("generator", text: "sitegen")
        xml.raw("\n")
        for rendered in entries {
            let article = rendered.article
            let url = Route.article(article.slug).absoluteURL(base: base)
            xml.open("entry")
            xml.element("title", text: article.title)
            xml.empty("link", ["rel": "alternate", "type": "text/html", "href": url])
            xml.element("id", text: url)
            xml.element("published", text: article.date.rfc3339)
            xml.element("updated", text: article.date.rfc3339)
            for tag in article.tags { xml.empty("category", ["term": tag]) }
            xml.element("summary", text: article.summary ?? SiteRenderer.oneLine(rendered.body.firstParagraph, limit: 300))
            // Relative links inside the body would break in a reader: they are made absolute. Readers without
            // the site's CSS would show each chart's variants one after another, so the feed keeps the large one.
            xml.element("content", ["type": "html", "xml:base": url], text: ChartRenderer.keepingOnly(.large, in: rendered.body.html))
            xml.close("entry")
            xml.raw("\n")
        }
        xml.close("feed")
        xml.raw("\n")
        return xml.bytes
    }

    /// Every HTML page but 404, articles with their date.
    public func sitemap() -> [UInt8] {
        let base = site.config.baseURL
        var dated: [String: CalendarDate] = [:]
        for rendered in site.articles { dated[Route.article(rendered.article.slug).outputPath] = rendered.article.date }
        // Drafts (built only with --drafts) are not announced to search engines.
        let drafts = site.articles.filter(\.article.isDraft).map { Route.article($0.article.slug).outputPath }
            + site.pages.filter(\.page.isDraft).map { Route.page($0.page.slug).outputPath }
        var xml = MarkupWriter(capacity: 64 * 1024)
        xml.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        xml.open("urlset", ["xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9"])
        xml.raw("\n")
        for path in site.map.paths.subtracting(site.map.unreadablePaths).subtracting(drafts).sorted() where path != Route.notFound.outputPath {
            let urlPath = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            xml.open("url")
            xml.element("loc", text: base + urlPath)
            if let date = dated[path] { xml.element("lastmod", text: date.description) }
            xml.close("url")
            xml.raw("\n")
        }
        xml.close("urlset")
        xml.raw("\n")
        return xml.bytes
    }
}
