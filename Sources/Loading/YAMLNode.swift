import Yams

/// A composed YAML node as the field readers see it: text, a list or a mapping, and where it starts.
///
/// Front matter is read by `YAMLSubsetParser` when it can and by Yams otherwise; both give this type,
/// so the readers never know which one did the work.
struct YAMLNode: Sendable {
    /// How a scalar was written; only plain and quoted styles change how the readers treat the text.
    enum ScalarStyle: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded, any
    }

    /// One `key: value` entry of a mapping, in document order.
    typealias Pair = (key: YAMLNode, value: YAMLNode)

    enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([Pair])
        case alias
    }

    /// Where a node starts in its YAML text: 1-based line, and 1-based column in Unicode scalars.
    struct Mark: Sendable, Equatable {
        var line: Int
        var column: Int
    }

    var content: Content
    /// `nil` only for nodes Yams made without a position.
    var mark: Mark?

    init(_ content: Content, mark: Mark?) {
        self.content = content
        self.mark = mark
    }

    /// The text of a scalar; `nil` for lists, mappings and aliases.
    var scalarText: String? {
        if case .scalar(let text, _) = content { text } else { nil }
    }

    /// The items of a list; `nil` for anything else.
    var sequenceItems: [YAMLNode]? {
        if case .sequence(let items) = content { items } else { nil }
    }
}

extension YAMLNode {
    /// The same tree as Yams composed it.
    init(_ node: Node) {
        let mark = node.mark.map { Mark(line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let scalar):
            self.init(.scalar(scalar.string, ScalarStyle(scalar.style)), mark: mark)
        case .sequence(let sequence):
            self.init(.sequence(sequence.map(YAMLNode.init)), mark: mark)
        case .mapping(let mapping):
            self.init(.mapping(mapping.map { (key: YAMLNode($0.key), value: YAMLNode($0.value)) }), mark: mark)
        case .alias:
            self.init(.alias, mark: mark)
        }
    }
}

extension YAMLNode.ScalarStyle {
    init(_ style: Node.Scalar.Style) {
        switch style {
        case .any: self = .any
        case .plain: self = .plain
        case .singleQuoted: self = .singleQuoted
        case .doubleQuoted: self = .doubleQuoted
        case .literal: self = .literal
        case .folded: self = .folded
        }
    }
}
