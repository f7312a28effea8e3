internal import Ccmark

/// Parser options that change how Markdown reads.
public struct ParseOptions: Sendable, Hashable {
    /// Curly quotes, en and em dashes, ellipses.
    public var smartPunctuation: Bool

    public init(smartPunctuation: Bool = true) {
        self.smartPunctuation = smartPunctuation
    }
}

extension MarkdownDocument {
    /// Parses CommonMark with libcmark and copies its tree into Swift values.
    ///
    /// This is the only code that touches libcmark. The C tree lives for the
    /// duration of this initializer and is freed before it returns; no pointer escapes.
    /// Invalid UTF-8 is replaced with U+FFFD by cmark (`CMARK_OPT_VALIDATE_UTF8`).
    public init(parsing markdown: String, options: ParseOptions = ParseOptions()) {
        var flags = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        var lines = LineIndex(markdown)
        var source = markdown
        let root: OpaquePointer? = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, flags)
            }
        }
        guard let root else {
            self.init(events: [])
            return
        }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else {
            self.init(events: [])
            return
        }
        defer { cmark_iter_free(iterator) }

        var events: [MarkdownEvent] = []
        events.reserveCapacity(markdown.utf8.count / 8)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iterator), let kind = Self.kind(of: node) else { continue }
            let position = lines.point(
                line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
            let swiftNode = MarkdownNode(kind, at: position)
            if Self.isLeaf(kind) {
                events.append(.leaf(swiftNode))
            } else if event == CMARK_EVENT_ENTER {
                events.append(.enter(swiftNode))
            } else {
                events.append(.exit(swiftNode))
            }
        }
        self.init(events: events)
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST:
            .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_CODE_BLOCK:
            .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK:
            .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        default: nil  // the document itself, custom nodes
        }
    }

    private static func isLeaf(_ kind: MarkdownNode.Kind) -> Bool {
        switch kind {
        case .codeBlock, .htmlBlock, .thematicBreak, .text, .softBreak, .lineBreak, .code, .htmlInline: true
        default: false
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

/// Maps cmark's byte columns to character columns, which is what an editor counts.
///
/// Walk order visits columns of one line left to right, so the count resumes from the
/// previous call: linear even for 10,000 nodes on one line.
private struct LineIndex {
    private let utf8: [UInt8]
    private var lineStarts: [Int]
    private var cache = (line: 0, byte: 0, characters: 0)

    init(_ text: String) {
        utf8 = Array(text.utf8)
        lineStarts = [0]
        for (offset, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") {
            lineStarts.append(offset + 1)
        }
    }

    mutating func point(line: Int, byteColumn: Int) -> SourcePoint {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else {
            return SourcePoint(line: max(line, 1), column: max(byteColumn, 1))
        }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, utf8.count)
        var (offset, characters) = (start, 0)
        if cache.line == line, cache.byte <= end {
            (offset, characters) = (cache.byte, cache.characters)
        }
        // Count the characters that start before the byte column (UTF-8 continuation bytes are 10xxxxxx).
        while offset < end {
            if utf8[offset] & 0xC0 != 0x80 { characters += 1 }
            offset += 1
        }
        cache = (line, end, characters)
        return SourcePoint(line: line, column: characters + 1)
    }
}
