import Diagnostics

/// A point in a Markdown body: 1-based line and column, counted in characters.
public struct SourcePoint: Hashable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

extension SourceLocation {
    /// Where `point` of a body that starts at this location lies in the file.
    public func at(_ point: SourcePoint) -> SourceLocation {
        shifted(lines: point.line - 1).withColumn(point.column)
    }
}

/// One node of a parsed Markdown document, with what the renderer needs of it.
public struct MarkdownNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        // Blocks
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case paragraph
        case heading(level: Int)
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case thematicBreak
        // Inlines
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case link(destination: String, title: String)
        case image(source: String, title: String)
    }

    public var kind: Kind
    public var position: SourcePoint

    public init(_ kind: Kind, at position: SourcePoint) {
        self.kind = kind
        self.position = position
    }
}

/// A step of a depth-first walk: containers are entered and exited, leaves visited once.
public enum MarkdownEvent: Sendable, Equatable {
    case enter(MarkdownNode)
    case exit(MarkdownNode)
    case leaf(MarkdownNode)
}

/// A parsed Markdown body as a flat sequence of walk events.
///
/// Flat rather than a recursive tree so that a 10,000-level nested list
/// is walked, rendered and freed without deep recursion.
public struct MarkdownDocument: Sendable, Equatable {
    public var events: [MarkdownEvent]

    public init(events: [MarkdownEvent]) {
        self.events = events
    }

    /// The plain text inside the container entered at `events[index]`, up to its exit.
    public func plainText(ofContainerAt index: Int) -> String {
        var text = ""
        var depth = 0
        var cursor = index
        while cursor < events.count {
            switch events[cursor] {
            case .enter:
                depth += 1
            case .exit:
                depth -= 1
                if depth == 0 { return text }
            case .leaf(let node):
                switch node.kind {
                case .text(let literal), .code(let literal): text += literal
                case .softBreak, .lineBreak: text += " "
                default: break
                }
            }
            cursor += 1
        }
        return text
    }
}
