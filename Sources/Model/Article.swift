import Diagnostics

/// Where a claim comes from.
public struct SourceReference: Sendable, Equatable, Hashable {
    public var name: String
    public var url: String?
    public var date: CalendarDate?

    public init(name: String, url: String? = nil, date: CalendarDate? = nil) {
        self.name = name
        self.url = url
        self.date = date
    }
}

/// A Markdown body and where it starts in its file.
public struct Body: Sendable, Equatable {
    public var markdown: String
    /// The file and the line that holds the body's first line.
    public var origin: SourceLocation

    public init(markdown: String, origin: SourceLocation) {
        self.markdown = markdown
        self.origin = origin
    }
}

/// One briefing from `Content/articles/*.md`.
public struct Article: Sendable, Equatable {
    public var title: String
    public var date: CalendarDate
    public var summary: String?
    public var tags: [String]
    public var source: SourceReference?
    public var isDraft: Bool
    public var slug: String
    public var body: Body
    /// Where the front matter declared the slug (or the title it came from), for collision errors.
    public var slugLocation: SourceLocation
    /// The fact blocks, in the order written: funding, salaries, distributions, figures.
    public var facts: [Fact]
    /// Ids of fact entries that have errors, and the field paths of those entries (`funding[0]`), so
    /// links and charts that need them are not reported twice.
    public var unreadableFactIDs: Set<String> = []
    /// For an article that is a folder (`NAME/index.md`), the other files in it, published beside its page.
    public var files: [PublishedFile] = []

    public init(
        title: String, date: CalendarDate, summary: String? = nil, tags: [String] = [], source: SourceReference? = nil,
        isDraft: Bool = false, slug: String, body: Body, slugLocation: SourceLocation, facts: [Fact] = []
    ) {
        self.facts = facts
        self.title = title
        self.date = date
        self.summary = summary
        self.tags = tags
        self.source = source
        self.isDraft = isDraft
        self.slug = slug
        self.body = body
        self.slugLocation = slugLocation
    }

    /// Path relative to the site, such as `Content/articles/minimax.md`.
    public var path: String { body.origin.path }
}

/// A plain page from `Content/pages/*.md` (about, methodology).
public struct Page: Sendable, Equatable {
    public var title: String
    public var summary: String?
    public var isDraft: Bool
    public var slug: String
    public var body: Body
    public var slugLocation: SourceLocation
    /// For a page that is a folder (`NAME/index.md`), the other files in it, published beside it.
    public var files: [PublishedFile] = []

    public init(title: String, summary: String? = nil, isDraft: Bool = false, slug: String, body: Body, slugLocation: SourceLocation) {
        self.title = title
        self.summary = summary
        self.isDraft = isDraft
        self.slug = slug
        self.body = body
        self.slugLocation = slugLocation
    }

    public var path: String { body.origin.path }
}

/// Everything loaded from `Content/`.
public struct SiteContent: Sendable, Equatable {
    public var config: SiteConfig
    /// Newest first; ties broken by slug so the order never depends on the file system.
    public var articles: [Article]
    /// Sorted by slug.
    public var pages: [Page]
    /// From `Content/entities.yaml`, in file order; empty when there is none.
    public var entities: [Entity]
    /// Slugs an article or page that could not be read would have had (from its `slug:`, its title or
    /// its file name), so links to it are not reported as broken besides its own errors.
    public var unreadableArticleSlugs: Set<String> = []
    public var unreadablePageSlugs: Set<String> = []
    /// Everything under `Content/static/`, copied to the root of Output as it is; sorted by name.
    public var staticFiles: [PublishedFile] = []

    public init(config: SiteConfig, articles: [Article], pages: [Page], entities: [Entity] = []) {
        self.config = config
        self.articles = articles
        self.pages = pages
        self.entities = entities
    }
}
