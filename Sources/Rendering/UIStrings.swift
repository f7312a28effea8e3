import Model

/// The words the theme itself says, in the site's language.
struct UIStrings {
    let language: SiteConfig.Language

    var latest: String { language == .zh ? "最新" : "Latest" }
    var notFoundTitle: String { language == .zh ? "页面不存在" : "Page not found" }

    var lead: String { language == .zh ? "领投" : "lead" }
    var of: String { language == .zh ? "对比" : "of" }
    var valuation: String { language == .zh ? "估值" : "valuation" }
    var valuationHeader: String { language == .zh ? "估值" : "Valuation" }

    func kindName(_ kind: Fact.Kind) -> String {
        switch (kind, language) {
        case (.funding, .en): "Funding"
        case (.salary, .en): "Pay"
        case (.distribution, .en): "Distribution"
        case (.figure, .en): "Figure"
        case (.funding, .zh): "融资"
        case (.salary, .zh): "薪酬"
        case (.distribution, .zh): "分布"
        case (.figure, .zh): "数据"
        }
    }

    var companies: String { language == .zh ? "公司" : "Companies" }
    var funding: String { language == .zh ? "融资" : "Funding" }
    var salaries: String { language == .zh ? "薪酬" : "Salaries" }
    var tags: String { language == .zh ? "标签" : "Tags" }
    var fact: String { language == .zh ? "事实" : "Fact" }
    var asWritten: String { language == .zh ? "原文" : "As written" }
    var exact: String { language == .zh ? "精确数值" : "Exact value" }
    var article: String { language == .zh ? "文章" : "Briefing" }
    var company: String { language == .zh ? "公司" : "Company" }
    var round: String { language == .zh ? "轮次" : "Round" }
    var date: String { language == .zh ? "日期" : "Date" }
    var amount: String { language == .zh ? "金额" : "Amount" }
    var role: String { language == .zh ? "职位" : "Role" }
    var employer: String { language == .zh ? "雇主" : "Employer" }
    var annualised: String { language == .zh ? "年化" : "Annualised" }
    var sectionLink: String { language == .zh ? "本节链接" : "Link to this section" }
    var perYear: String { language == .zh ? "/年" : "/yr" }
    var companiesIntro: String { language == .zh ? "本站数据涉及的每家公司，以及关于它的全部事实。" : "Every company the briefings give figures for, with everything said about it." }
    var fundingIntro: String { language == .zh ? "各篇简报报道的每一轮融资，按日期排列。" : "Every funding round reported in the briefings, newest first." }
    var salariesIntro: String { language == .zh ? "各篇简报报道的全部薪酬数据，已按年计算以便比较。" : "Every pay figure in the briefings, annualised so they can be compared." }
    var tagsIntro: String { language == .zh ? "按主题浏览简报。" : "Briefings by topic." }
    var fundingTableCaption: String { language == .zh ? "融资轮次（按日期）" : "Funding rounds by date" }
    var salariesTableCaption: String { language == .zh ? "薪酬：原文与年化" : "Pay as written and annualised" }
    var fundingChartTitle: String { language == .zh ? "简报中的融资轮次" : "Funding rounds across the briefings" }
    var salaryChartTitle: String { language == .zh ? "简报中的薪酬（年化）" : "Pay across the briefings, annualised" }

    func companyDescription(_ name: String) -> String { language == .zh ? "关于\(name)的全部数据。" : "Every figure the briefings give about \(name)." }
    func companyTableCaption(_ name: String) -> String { language == .zh ? "关于\(name)的事实" : "Facts about \(name)" }
    func companyFundingTitle(_ name: String) -> String { language == .zh ? "\(name)的融资" : "\(name) funding rounds" }
    func tagDescription(_ name: String) -> String { language == .zh ? "标签为“\(name)”的简报。" : "Briefings tagged \(name)." }

    func articleCount(_ count: Int) -> String {
        language == .zh ? "\(count) 篇简报" : count == 1 ? "1 briefing" : "\(count) briefings"
    }

    func factCount(_ count: Int, articles: Int) -> String {
        language == .zh
            ? "\(count) 条事实，\(articles) 篇简报"
            : "\(count) \(count == 1 ? "fact" : "facts") in \(articleCount(articles))"
    }

    /// `Page 2 of 5`, or `Page 2` when the total is not needed.
    func pageOf(_ page: Int, _ total: Int?) -> String {
        switch (language, total) {
        case (.zh, .some(let total)): "第 \(page) 页，共 \(total) 页"
        case (.zh, nil): "第 \(page) 页"
        case (.en, .some(let total)): "Page \(page) of \(total)"
        case (.en, nil): "Page \(page)"
        }
    }

    func conversionNote(_ pairs: String, date: String, display: String) -> String {
        language == .zh ? "按 \(pairs) 换算为 \(display)\(date)。" : "Converted amounts use \(pairs)\(date)."
    }

    func readingTime(_ minutes: Int) -> String {
        language == .zh ? "阅读约 \(minutes) 分钟" : "\(minutes) min read"
    }

    /// Labels templates use: `{{strings.contents}}`.
    var dictionary: [String: String] {
        switch language {
        case .en:
            [
                "latest": "Latest briefings", "contents": "Contents", "tags": "Tags", "source": "Source",
                "previous": "Previous", "next": "Next", "skip": "Skip to content", "notFound": "Page not found",
                "notFoundText": "There is no page at this address. It may have moved, or the link may be mistyped.",
                "home": "Go to the front page", "noArticles": "No briefings have been published yet.",
                "published": "Published", "navigation": "Site", "articleNavigation": "More briefings",
                "breadcrumb": "Breadcrumb", "headlines": "Headline figures", "pagination": "Pages", "older": "Older briefings",
                "newer": "Newer briefings", "website": "Website", "aliases": "Also known as", "briefings": "Briefings",
                "conflict": "Reports differ", "sectionLink": "Link to this section", "feed": "Atom feed", "facts": "Facts in this briefing",
                "factsCaption": "Every figure in this briefing, as written and in exact form, with its source",
                "keyFigures": "Key figures", "fact": "Fact", "asWritten": "As written", "exact": "Exact value", "kind": "Kind",
                "draft": "Draft: this page is built only with --drafts and is not published.",
                "search": "Search briefings", "searchNone": "No briefings match", "searchOne": "briefing found", "searchMany": "briefings found",
            ]
        case .zh:
            [
                "latest": "最新简报", "contents": "目录", "tags": "标签", "source": "来源",
                "previous": "上一篇", "next": "下一篇", "skip": "跳到正文", "notFound": "页面不存在",
                "notFoundText": "此地址没有页面。它可能已被移动，或链接有误。",
                "home": "返回首页", "noArticles": "尚未发布任何简报。",
                "published": "发布于", "navigation": "网站", "articleNavigation": "更多简报",
                "breadcrumb": "路径", "headlines": "关键数字", "pagination": "分页", "older": "更早的简报",
                "newer": "更新的简报", "website": "网站", "aliases": "又名", "briefings": "简报",
                "conflict": "报道不一致", "sectionLink": "本节链接", "feed": "Atom 订阅", "facts": "本文数据",
                "factsCaption": "本文所有数据：原文写法、精确数值及来源",
                "keyFigures": "关键数据", "fact": "事实", "asWritten": "原文", "exact": "精确数值", "kind": "类别",
                "draft": "草稿：此页仅在使用 --drafts 构建时出现，不会发布。",
                "search": "搜索简报", "searchNone": "没有简报包含", "searchOne": "篇简报", "searchMany": "篇简报",
            ]
        }
    }
}
