import Diagnostics
import Markup

/// What to do with a link the renderer meets, decided by the caller (fact links, link checks).
public enum LinkDecision: Sendable, Equatable {
    /// Render the link as written.
    case keep
    /// Render it with another target and title.
    case rewrite(href: String, title: String?)
    /// Render only its text.
    case unlink
}

/// What to do with an image the renderer meets, decided by the caller (files beside the page, sizes).
public enum ImageDecision: Sendable, Equatable {
    /// Render the image as written.
    case keep
    /// Render it with this source, and its pixel size when known.
    case rewrite(source: String, width: Int?, height: Int?)
}

/// The places where the rest of the pipeline hooks into rendering.
public protocol MarkdownRenderingDelegate {
    /// HTML to put in place of a fenced code block, or `nil` to render it as code.
    mutating func html(forFence info: String, content: String, at point: SourcePoint) -> String?
    /// What to do with a link to `destination` whose visible text is `text`.
    mutating func decide(link destination: String, text: String, at point: SourcePoint) -> LinkDecision
    /// What to do with an image of `source` whose alternative text is `alt`.
    mutating func decide(image source: String, alt: String, at point: SourcePoint) -> ImageDecision
    /// Problems found while rendering, for the caller to report.
    var diagnostics: [Diagnostic] { get }
}

extension MarkdownRenderingDelegate {
    public func decide(image source: String, alt: String, at point: SourcePoint) -> ImageDecision { .keep }
}

/// A delegate that changes nothing: plain CommonMark.
public struct PlainMarkdown: MarkdownRenderingDelegate {
    public init() {}
    public func html(forFence info: String, content: String, at point: SourcePoint) -> String? { nil }
    public func decide(link destination: String, text: String, at point: SourcePoint) -> LinkDecision { .keep }
    public var diagnostics: [Diagnostic] { [] }
}

/// A heading on the page, for anchors and a table of contents.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
}

/// The HTML of a body plus what later stages need to know about it.
public struct RenderedMarkdown: Sendable, Equatable {
    public var html: String
    public var headings: [Heading]
    public var statistics: TextStatistics
    /// Plain text of the first paragraph, for a summary when none is given.
    public var firstParagraph: String
    public var diagnostics: [Diagnostic]
}

/// Options for turning a Markdown body into HTML.
public struct RenderOptions: Sendable, Hashable {
    /// Keep raw HTML from the Markdown; off by default.
    public var allowsRawHTML: Bool
    /// Ids that headings must not take (ids the page template already uses).
    public var reservedIDs: Set<String>
    /// When set, `##` and `###` headings end with a `#` link to themselves, labelled with this text.
    public var headingAnchorLabel: String?

    public init(allowsRawHTML: Bool = false, reservedIDs: Set<String> = [], headingAnchorLabel: String? = nil) {
        self.allowsRawHTML = allowsRawHTML
        self.reservedIDs = reservedIDs
        self.headingAnchorLabel = headingAnchorLabel
    }
}

/// Walks a `MarkdownDocument` and writes HTML, asking a delegate about fences and links.
public struct HTMLRenderer<Delegate: MarkdownRenderingDelegate> {
    public private(set) var delegate: Delegate
    private let options: RenderOptions
    /// Where line 1 of the body sits in its file, so diagnostics point into the file.
    private let origin: SourceLocation

    private var writer = MarkupWriter(capacity: 8192)
    private var parents: [MarkdownNode.Kind] = []
    private var slugs: SlugRegistry
    private var headings: [Heading] = []
    private var statistics = TextStatistics()
    private var firstParagraph: String?
    private var diagnostics: [Diagnostic] = []
    private var reportedRawHTML = false

    public init(delegate: Delegate, options: RenderOptions = RenderOptions(), origin: SourceLocation) {
        self.delegate = delegate
        self.options = options
        self.origin = origin
        self.slugs = SlugRegistry(reserved: options.reservedIDs)
    }

    /// Renders `document`; the renderer is spent afterwards.
    public mutating func render(_ document: MarkdownDocument) -> RenderedMarkdown {
        let events = document.events
        var index = 0
        while index < events.count {
            switch events[index] {
            case .enter(let node):
                index = enter(node, at: index, in: document)
            case .exit(let node):
                exit(node)
            case .leaf(let node):
                leaf(node)
            }
            index += 1
        }
        return RenderedMarkdown(
            html: writer.output, headings: headings, statistics: statistics,
            firstParagraph: firstParagraph ?? "", diagnostics: diagnostics + delegate.diagnostics)
    }

    // MARK: Containers

    /// Opens a container; returns the index to continue from (images consume their children).
    private mutating func enter(_ node: MarkdownNode, at index: Int, in document: MarkdownDocument) -> Int {
        if case .image(let source, let title) = node.kind {
            let alt = document.plainText(ofContainerAt: index)
            statistics.count(alt)
            writeImage(source: source, title: title, alt: alt, at: node.position)
            return indexOfExit(from: index, in: document)
        }
        defer { parents.append(node.kind) }
        switch node.kind {
        case .blockQuote:
            newline()
            writer.raw("<blockquote>\n")
        case .list(let ordered, let start, _):
            newline()
            if ordered {
                writer.open("ol", ["start": start == 1 ? nil : String(start)])
                writer.raw("\n")
            } else {
                writer.raw("<ul>\n")
            }
        case .item:
            newline()
            writer.raw("<li>")
        case .paragraph:
            if firstParagraph == nil, parents.isEmpty {
                firstParagraph = document.plainText(ofContainerAt: index)
            }
            if !isInTightList {
                newline()
                writer.raw("<p>")
            }
        case .heading(let level):
            newline()
            let text = document.plainText(ofContainerAt: index)
            let id = slugs.claim(Slug.make(from: text))
            headings.append(Heading(level: level, text: text, id: id))
            writer.open("h\(level)", ["id": id])
        case .emphasis:
            writer.raw("<em>")
        case .strong:
            writer.raw("<strong>")
        case .link(let destination, let title):
            let text = document.plainText(ofContainerAt: index)
            openLink(destination: destination, title: title, text: text, at: node.position)
        default:
            break
        }
        return index
    }

    private mutating func exit(_ node: MarkdownNode) {
        parents.removeLast()
        switch node.kind {
        case .blockQuote: writer.raw("</blockquote>\n")
        case .list(let ordered, _, _): writer.raw(ordered ? "</ol>\n" : "</ul>\n")
        case .item: writer.raw("</li>\n")
        case .paragraph: if !isInTightList { writer.raw("</p>\n") }
        case .heading(let level):
            if let label = options.headingAnchorLabel, level == 2 || level == 3, let id = headings.last?.id {
                writer.raw(" ")
                writer.element("a", ["class": "heading-anchor", "href": "#" + id, "aria-label": label], text: "#")
            }
            writer.raw("</h\(level)>\n")
        case .emphasis: writer.raw("</em>")
        case .strong: writer.raw("</strong>")
        case .link: writer.raw(openLinks.removeLast() ? "</a>" : "")
        default: break
        }
    }

    // MARK: Leaves

    private mutating func leaf(_ node: MarkdownNode) {
        switch node.kind {
        case .text(let literal):
            statistics.count(literal)
            writer.text(literal)
            if literal.contains("](") { reportLinksWithSpaces(in: literal, at: node.position) }
        case .softBreak:
            writer.raw("\n")
        case .lineBreak:
            writer.raw("<br>\n")
        case .code(let literal):
            statistics.count(literal)
            writer.element("code", text: literal)
        case .codeBlock(let info, let literal):
            if let html = delegate.html(forFence: info, content: literal, at: node.position) {
                writer.raw(html)
                return
            }
            let language = info.split(separator: " ", maxSplits: 1).first.map(String.init)
            newline()
            writer.open("pre")
            writer.open("code", ["class": language.map { "language-\($0)" }])
            writer.text(literal)
            writer.raw("</code></pre>\n")
        case .htmlBlock(let html):
            if options.allowsRawHTML {
                newline()
                writer.raw(html)
            } else {
                reportRawHTML(at: node.position)
            }
        case .htmlInline(let html):
            if options.allowsRawHTML { writer.raw(html) } else { reportRawHTML(at: node.position) }
        case .thematicBreak:
            newline()
            writer.raw("<hr>\n")
        default:
            break
        }
    }

    // MARK: Links and images

    /// Whether each open link wrote an `<a>` (an unlinked one did not).
    private var openLinks: [Bool] = []

    private mutating func openLink(destination: String, title: String, text: String, at point: SourcePoint) {
        if URLSafety.isDangerous(destination) {
            warn(at: point, "link target \"\(abbreviated(destination))\" is not allowed and was removed")
            openLinks.append(false)
            return
        }
        switch delegate.decide(link: destination, text: text, at: point) {
        case .keep:
            writer.open("a", ["href": URLSafety.encodeHref(destination), "title": title.isEmpty ? nil : title])
            openLinks.append(true)
        case .rewrite(let href, let newTitle):
            writer.open("a", ["href": href, "title": newTitle])
            openLinks.append(true)
        case .unlink:
            openLinks.append(false)
        }
    }

    private mutating func writeImage(source: String, title: String, alt: String, at point: SourcePoint) {
        guard !URLSafety.isDangerous(source) else {
            warn(at: point, "image source \"\(abbreviated(source))\" is not allowed and was removed")
            writer.text(alt)
            return
        }
        var (src, width, height) = (URLSafety.encodeHref(source), nil as Int?, nil as Int?)
        if case .rewrite(let newSource, let newWidth, let newHeight) = delegate.decide(image: source, alt: alt, at: point) {
            (src, width, height) = (newSource, newWidth, newHeight)
        }
        // Images below the first screen load as they come into view, and never hold up the text.
        writer.open("img", [
            "src": src, "alt": alt, "title": title.isEmpty ? nil : title, "width": width.map(String.init), "height": height.map(String.init),
            "loading": "lazy", "decoding": "async",
        ])
    }

    // MARK: Helpers

    /// Starts a block on a new line, as cmark's `cr()` does.
    private mutating func newline() {
        if let last = writer.bytes.last, last != UInt8(ascii: "\n") { writer.raw("\n") }
    }

    private var isInTightList: Bool {
        guard parents.count >= 2, case .item = parents[parents.count - 1],
            case .list(_, _, let tight) = parents[parents.count - 2]
        else { return false }
        return tight
    }

    private func indexOfExit(from index: Int, in document: MarkdownDocument) -> Int {
        var depth = 0
        var cursor = index
        while cursor < document.events.count {
            switch document.events[cursor] {
            case .enter: depth += 1
            case .exit:
                depth -= 1
                if depth == 0 { return cursor }
            case .leaf: break
            }
            cursor += 1
        }
        return cursor
    }

    private mutating func reportRawHTML(at point: SourcePoint) {
        guard !reportedRawHTML else { return }
        reportedRawHTML = true
        warn(at: point, "raw HTML is left out of the page (set markdown.unsafe_html: true in site.yaml to keep it)")
    }

    /// `[text](fact: id)` is not a link in CommonMark (an address cannot hold a space), so it would be
    /// shown as typed, brackets and all.
    private mutating func reportLinksWithSpaces(in literal: String, at point: SourcePoint) {
        var searchStart = literal.startIndex
        while let middle = literal.range(of: "](", range: searchStart..<literal.endIndex) {
            searchStart = middle.upperBound
            guard let open = literal[..<middle.lowerBound].lastIndex(of: "["),
                let close = literal[middle.upperBound...].firstIndex(of: ")")
            else { continue }
            let address = literal[middle.upperBound..<close]
            guard address.contains(" "), !address.isEmpty else { continue }
            let column = point.column + literal[..<open].utf8.count
            // `fact: id` wants the space out; an address with spaces in it wants angle brackets.
            let fixed = address.contains(": ") ? address.split(separator: " ").joined() : "<\(address)>"
            warn(
                at: SourcePoint(line: point.line, column: column),
                "this is not a link and shows as typed: a link address cannot contain spaces; write (\(fixed))")
        }
    }

    private mutating func warn(at point: SourcePoint, _ message: String) {
        diagnostics.append(.warning(at: location(of: point), message))
    }

    /// The file location of a body point.
    public func location(of point: SourcePoint) -> SourceLocation {
        origin.at(point)
    }

    private func abbreviated(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}

