import Model

/// The words the theme itself says, in the site's language.
struct UIStrings {
    let language: SiteConfig.Language

    var latest: String { language == .zh ? "最新" : "Latest" }
    var notFoundTitle: String { language == .zh ? "页面不存在" : "Page not found" }

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
            ]
        case .zh:
            [
                "latest": "最新简报", "contents": "目录", "tags": "标签", "source": "来源",
                "previous": "上一篇", "next": "下一篇", "skip": "跳到正文", "notFound": "页面不存在",
                "notFoundText": "此地址没有页面。它可能已被移动，或链接有误。",
                "home": "返回首页", "noArticles": "尚未发布任何简报。",
                "published": "发布于", "navigation": "网站", "articleNavigation": "更多简报",
            ]
        }
    }
}
