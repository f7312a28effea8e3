import Model

/// The words the theme itself says, in the site's language.
struct UIStrings {
    let language: SiteConfig.Language

    var latest: String { language == .zh ? "最新" : "Latest" }
    var notFoundTitle: String { language == .zh ? "页面不存在" : "Page not found" }

    var lead: String { language == .zh ? "领投" : "lead" }
    var of: String { language == .zh ? "对比" : "of" }
    var valuation: String { language == .zh ? "估值" : "valuation" }

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
                "facts": "Facts in this briefing", "factsCaption": "Every figure in this briefing, as written and in exact form, with its source",
                "keyFigures": "Key figures", "fact": "Fact", "asWritten": "As written", "exact": "Exact value", "kind": "Kind",
            ]
        case .zh:
            [
                "latest": "最新简报", "contents": "目录", "tags": "标签", "source": "来源",
                "previous": "上一篇", "next": "下一篇", "skip": "跳到正文", "notFound": "页面不存在",
                "notFoundText": "此地址没有页面。它可能已被移动，或链接有误。",
                "home": "返回首页", "noArticles": "尚未发布任何简报。",
                "published": "发布于", "navigation": "网站", "articleNavigation": "更多简报",
                "facts": "本文数据", "factsCaption": "本文所有数据：原文写法、精确数值及来源",
                "keyFigures": "关键数据", "fact": "事实", "asWritten": "原文", "exact": "精确数值", "kind": "类别",
            ]
        }
    }
}
