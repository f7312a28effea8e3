import Diagnostics
import Markdown
import Model

/// Turns article and page bodies into HTML with the site's Markdown settings.
public struct BodyRenderer: Sendable {
    public var settings: SiteConfig.MarkdownSettings
    /// Ids the page templates use, which headings must not take.
    public static let reservedIDs: Set<String> = ["top", "main", "content", "facts", "key-figures", "toc", "site-header", "site-footer"]

    public init(settings: SiteConfig.MarkdownSettings) {
        self.settings = settings
    }

    /// Parses and renders one body.
    public func render(_ body: Body) -> RenderedMarkdown {
        let document = MarkdownDocument(parsing: body.markdown, options: ParseOptions(smartPunctuation: settings.smart))
        var renderer = HTMLRenderer(
            delegate: BodyDelegate(origin: body.origin),
            options: RenderOptions(allowsRawHTML: settings.unsafeHTML, reservedIDs: Self.reservedIDs),
            origin: body.origin)
        return renderer.render(document)
    }
}

/// Site-specific decisions while rendering a body.
struct BodyDelegate: MarkdownRenderingDelegate {
    let origin: SourceLocation
    var diagnostics: [Diagnostic] = []

    init(origin: SourceLocation) {
        self.origin = origin
    }

    func html(forFence info: String, content: String, at point: SourcePoint) -> String? {
        nil
    }

    /// Pretty links between pages (`../other/`) get an explicit `index.html`, so they also work over `file://`.
    func decide(link destination: String, text: String, at point: SourcePoint) -> LinkDecision {
        guard let rewritten = Self.withIndexFile(destination) else { return .keep }
        return .rewrite(href: rewritten, title: nil)
    }

    static func withIndexFile(_ destination: String) -> String? {
        guard !destination.isEmpty, !destination.hasPrefix("#"), !destination.hasPrefix("/"),
            !destination.contains(":")
        else { return nil }
        let cut = destination.firstIndex { $0 == "#" || $0 == "?" } ?? destination.endIndex
        let path = destination[..<cut]
        guard path.hasSuffix("/") || path == "." || path == ".." else { return nil }
        let folder = path.hasSuffix("/") ? path : path + "/"
        return folder + "index.html" + destination[cut...]
    }
}
