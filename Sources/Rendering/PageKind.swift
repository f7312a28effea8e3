import Model

/// Every kind of page the site has, and the template that fills it. The site map, the pages a build
/// renders, the templates a theme must have and the ids a body heading may not take all come from here.
public enum PageKind: String, CaseIterable, Sendable {
    case home
    case article
    case page
    case notFound = "not-found"
    case companies
    case company = "entity"
    case funding
    case salaries
    case tags
    case tag

    /// The template (in `Templates/`, without `.mustache`) that renders pages of this kind.
    public var template: String {
        switch self {
        case .home: "index"
        case .article: "article"
        case .page: "page"
        case .notFound: "404"
        case .company: "entity"
        case .companies, .funding, .salaries, .tags, .tag: "list"
        }
    }

    /// Every template some kind of page needs.
    public static var templates: Set<String> { Set(allCases.map(\.template)) }
}

/// One page to render; pages are independent, so the pipeline renders them in parallel.
public enum PageJob: Sendable, Hashable {
    case home(page: Int)
    case article(Int)
    case page(Int)
    case notFound
    case companies
    case company(Int)
    case funding(page: Int)
    case salaries(page: Int)
    case tags
    case tag(Int, page: Int)

    public var kind: PageKind {
        switch self {
        case .home: .home
        case .article: .article
        case .page: .page
        case .notFound: .notFound
        case .companies: .companies
        case .company: .company
        case .funding: .funding
        case .salaries: .salaries
        case .tags: .tags
        case .tag: .tag
        }
    }
}

extension SiteMap {
    /// Articles per page on paginated lists.
    public static let pageSize = 20
    /// Rows per page of the funding and salaries tables.
    public static let tablePageSize = 50

    func makeJobs() -> [PageJob] {
        var jobs: [PageJob] = Self.pageNumbers(count: articleSlugs.count).map { .home(page: $0) }
        jobs += articleSlugs.indices.map(PageJob.article)
        jobs += pageSlugs.indices.map(PageJob.page)
        jobs += [.notFound, .companies, .tags]
        jobs += Self.pageNumbers(count: fundingCount, size: Self.tablePageSize).map { .funding(page: $0) }
        jobs += Self.pageNumbers(count: salaryCount, size: Self.tablePageSize).map { .salaries(page: $0) }
        jobs += companies.indices.map(PageJob.company)
        for (index, tag) in tags.enumerated() {
            jobs += Self.pageNumbers(count: tag.articles.count).map { .tag(index, page: $0) }
        }
        return jobs
    }

    /// Where `job`'s page is written.
    public func route(of job: PageJob) -> Route {
        switch job {
        case .home(let page): Route.home.page(page)
        case .article(let index): .article(articleSlugs[index])
        case .page(let index): .page(pageSlugs[index])
        case .notFound: .notFound
        case .companies: .companies
        case .company(let index): .company(companies[index].slug)
        case .funding(let page): Route.funding.page(page)
        case .salaries(let page): Route.salaries.page(page)
        case .tags: .tags
        case .tag(let index, let page): Route.tag(tags[index].slug).page(page)
        }
    }

    /// The page numbers of a list of `count` items, `size` to a page; an empty list still has page 1.
    static func pageNumbers(count: Int, size: Int = pageSize) -> ClosedRange<Int> {
        1...max(1, (count + size - 1) / size)
    }

    /// How many pages a list of `count` items takes.
    static func pageCount(count: Int, size: Int = pageSize) -> Int { pageNumbers(count: count, size: size).upperBound }
}
