/// Composes the plain subset of YAML that front matter is written in, many times faster than Yams.
///
/// Accepted: block mappings whose keys are plain identifiers; block sequences, indented or not; and,
/// each on one line, plain scalars, quoted scalars without escapes, and flow lists and mappings of
/// such scalars. Anything else (comments, tabs, anchors, aliases, tags, block and multi-line scalars,
/// empty values, repeated keys, control or line-separator characters, documents too large or deep)
/// makes `compose` return `nil`, and the caller asks Yams. Whatever this parser accepts, libyaml
/// reads the same way: the tree, scalar styles and marks are exactly those Yams would give.
struct YAMLSubsetParser {
    /// Why parsing stopped: the text is outside the subset (it may still be valid YAML).
    private struct Unsupported: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The most nodes and the deepest nesting accepted; larger documents are left to Yams.
    private let nodeLimit: Int
    private let depthLimit: Int

    /// The byte being read.
    private var position = 0
    /// The 0-based line of `position`, and the offset where that line starts.
    private var line = 0
    private var lineStart = 0
    private var nodeCount = 0

    private init(bytes: UnsafeBufferPointer<UInt8>, nodeLimit: Int, depthLimit: Int) {
        self.bytes = bytes
        self.nodeLimit = nodeLimit
        self.depthLimit = depthLimit
    }

    /// The document's root mapping, or `nil` when the text is outside the subset.
    static func compose(_ yaml: String, nodeLimit: Int, depthLimit: Int) -> YAMLNode? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            guard hasOnlySimpleCharacters(bytes) else { return nil }
            var parser = YAMLSubsetParser(bytes: bytes, nodeLimit: nodeLimit, depthLimit: depthLimit)
            return try? parser.composeDocument()
        }
    }

    /// False for bytes libyaml rejects or reads as something other than text: control characters
    /// (tabs too), DEL, C1 controls, NEL, the line and paragraph separators, BOMs and non-characters.
    private static func hasOnlySimpleCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 {
                guard byte == ASCII.newline else { return false }
            } else if byte == 0x7F {
                return false
            } else if byte >= 0xC2, byte <= 0xEF, index + 1 < bytes.count {
                let next = bytes[index + 1]
                let third = index + 2 < bytes.count ? bytes[index + 2] : 0
                switch (byte, next) {
                case (0xC2, 0x80...0x9F): return false  // U+0080–U+009F
                case (0xE2, 0x80) where third == 0xA8 || third == 0xA9: return false  // U+2028, U+2029
                case (0xEF, 0xBB) where third == 0xBF: return false  // U+FEFF
                case (0xEF, 0xBF) where third == 0xBE || third == 0xBF: return false  // U+FFFE, U+FFFF
                default: break
                }
            }
            index += 1
        }
        return true
    }

    // MARK: Block structure

    private mutating func composeDocument() throws(Unsupported) -> YAMLNode {
        guard skipToContent() else { throw Unsupported() }
        let root = try blockMapping(indent: currentIndent, depth: 0)
        guard isAtEnd else { throw Unsupported() }
        return root
    }

    /// `key: value` lines at exactly `indent`; stops at the first line indented less.
    private mutating func blockMapping(indent: Int, depth: Int) throws(Unsupported) -> YAMLNode {
        let mark = currentMark
        var pairs: [YAMLNode.Pair] = []
        while true {
            let key = try mappingKey(depth: depth + 1)
            guard !pairs.contains(where: { $0.key.scalarText == key.scalarText }) else { throw Unsupported() }
            let value = try blockMappingValue(indent: indent, depth: depth + 1)
            pairs.append((key: key, value: value))
            guard !isAtEnd, currentIndent >= indent else { break }
            guard currentIndent == indent else { throw Unsupported() }
        }
        return try node(.mapping(pairs), mark: mark, depth: depth)
    }

    /// The value after `key:`: on the same line, or a block on the lines below.
    private mutating func blockMappingValue(indent: Int, depth: Int) throws(Unsupported) -> YAMLNode {
        skipSpaces()
        guard isAtLineEnd else {
            let value = try inlineValue(depth: depth)
            try finishLine(blockIndent: indent)
            return value
        }
        guard skipToContent() else { throw Unsupported() }
        if isAtBlockEntry {
            // `key:` then `- item` lines, indented or at the key's own indent.
            guard currentIndent >= indent else { throw Unsupported() }
            return try blockSequence(indent: currentIndent, isIndentless: currentIndent == indent, depth: depth)
        }
        guard currentIndent > indent else { throw Unsupported() }
        return try blockMapping(indent: currentIndent, depth: depth)
    }

    /// `- item` lines at exactly `indent`. An indentless sequence (at its key's indent) ends at the first
    /// line there without `-`; any other ends at the first line indented less.
    private mutating func blockSequence(indent: Int, isIndentless: Bool, depth: Int) throws(Unsupported) -> YAMLNode {
        let mark = currentMark
        var items: [YAMLNode] = []
        while true {
            guard isAtBlockEntry, position + 1 < bytes.count, bytes[position + 1] == ASCII.space else { throw Unsupported() }
            position += 1
            skipSpaces()
            guard !isAtLineEnd else { throw Unsupported() }
            if isAtMappingKey {
                items.append(try blockMapping(indent: position - lineStart, depth: depth + 1))
            } else {
                let item = try inlineValue(depth: depth + 1)
                try finishLine(blockIndent: indent)
                items.append(item)
            }
            guard !isAtEnd, currentIndent >= indent else { break }
            guard currentIndent == indent else { throw Unsupported() }
            guard isAtBlockEntry else {
                if isIndentless { break }
                throw Unsupported()
            }
        }
        return try node(.sequence(items), mark: mark, depth: depth)
    }

    /// A plain identifier followed by `:` and a space or the end of the line.
    private mutating func mappingKey(depth: Int) throws(Unsupported) -> YAMLNode {
        guard isAtMappingKey else { throw Unsupported() }
        let mark = currentMark
        let start = position
        while bytes[position] != ASCII.colon { position += 1 }
        let key = text(start..<position)
        position += 1
        return try node(.scalar(key, .plain), mark: mark, depth: depth)
    }

    /// Whether the line continues with `identifier:` and then a space or the end of the line.
    private var isAtMappingKey: Bool {
        guard position < bytes.count, ASCII.isIdentifierStart(bytes[position]) else { return false }
        var index = position + 1
        while index < bytes.count, index - position < 100, ASCII.isIdentifierPart(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == ASCII.colon else { return false }
        return index + 1 == bytes.count || bytes[index + 1] == ASCII.space || bytes[index + 1] == ASCII.newline
    }

    /// Whether the line continues with `-` and then a space or the end of the line.
    private var isAtBlockEntry: Bool {
        guard position < bytes.count, bytes[position] == ASCII.dash else { return false }
        return position + 1 == bytes.count || bytes[position + 1] == ASCII.space || bytes[position + 1] == ASCII.newline
    }

    // MARK: Values on one line

    /// A scalar, flow list or flow mapping that starts here and ends on this line.
    private mutating func inlineValue(depth: Int) throws(Unsupported) -> YAMLNode {
        switch bytes[position] {
        case ASCII.openBracket: try flowSequence(depth: depth)
        case ASCII.openBrace: try flowMapping(depth: depth)
        case ASCII.singleQuote, ASCII.doubleQuote: try quotedScalar(depth: depth)
        default: try plainScalar(inFlow: false, depth: depth)
        }
    }

    /// `[a, b, 'c']`: scalars only, closed on the same line, no trailing comma.
    private mutating func flowSequence(depth: Int) throws(Unsupported) -> YAMLNode {
        let mark = currentMark
        position += 1
        var items: [YAMLNode] = []
        skipSpaces()
        if isAt(ASCII.closeBracket) {
            position += 1
        } else {
            while true {
                items.append(try flowScalar(depth: depth + 1))
                skipSpaces()
                if isAt(ASCII.closeBracket) {
                    position += 1
                    break
                }
                guard isAt(ASCII.comma) else { throw Unsupported() }
                position += 1
                skipSpaces()
                guard !isAt(ASCII.closeBracket) else { throw Unsupported() }
            }
        }
        return try node(.sequence(items), mark: mark, depth: depth)
    }

    /// `{ key: value, key: value }`: identifier keys and scalar values, closed on the same line.
    private mutating func flowMapping(depth: Int) throws(Unsupported) -> YAMLNode {
        let mark = currentMark
        position += 1
        var pairs: [YAMLNode.Pair] = []
        skipSpaces()
        if isAt(ASCII.closeBrace) {
            position += 1
        } else {
            while true {
                let key = try mappingKey(depth: depth + 1)
                guard isAt(ASCII.space), !pairs.contains(where: { $0.key.scalarText == key.scalarText }) else {
                    throw Unsupported()
                }
                skipSpaces()
                let value = try flowScalar(depth: depth + 1)
                pairs.append((key: key, value: value))
                skipSpaces()
                if isAt(ASCII.closeBrace) {
                    position += 1
                    break
                }
                guard isAt(ASCII.comma) else { throw Unsupported() }
                position += 1
                skipSpaces()
                guard !isAt(ASCII.closeBrace) else { throw Unsupported() }
            }
        }
        return try node(.mapping(pairs), mark: mark, depth: depth)
    }

    /// A plain or quoted scalar inside a flow collection.
    private mutating func flowScalar(depth: Int) throws(Unsupported) -> YAMLNode {
        guard position < bytes.count else { throw Unsupported() }
        switch bytes[position] {
        case ASCII.singleQuote, ASCII.doubleQuote: return try quotedScalar(depth: depth)
        default: return try plainScalar(inFlow: true, depth: depth)
        }
    }

    /// A plain scalar up to the end of the line, or in a flow collection up to `,`, `[`, `]`, `{` or `}`;
    /// spaces after it are not part of it. Gives up where libyaml would see a comment, a `key:`
    /// indicator or an error.
    private mutating func plainScalar(inFlow: Bool, depth: Int) throws(Unsupported) -> YAMLNode {
        guard canStartPlainScalar else { throw Unsupported() }
        let mark = currentMark
        let start = position
        var end = position
        scan: while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case ASCII.newline:
                break scan
            case ASCII.space:
                position += 1
                if isAt(ASCII.hash) { throw Unsupported() }
                continue scan
            case ASCII.colon:
                let next = position + 1 < bytes.count ? bytes[position + 1] : ASCII.newline
                if next == ASCII.space || next == ASCII.newline { throw Unsupported() }
                if inFlow, ASCII.isFlowIndicator(next) || next == ASCII.question { throw Unsupported() }
            case ASCII.comma, ASCII.openBracket, ASCII.closeBracket, ASCII.openBrace, ASCII.closeBrace:
                if inFlow { break scan }
            default:
                break
            }
            position += 1
            end = position
        }
        if inFlow, isAtLineEnd { throw Unsupported() }
        return try node(.scalar(text(start..<end), .plain), mark: mark, depth: depth)
    }

    /// Whether libyaml would start a plain scalar here. Stricter than libyaml: a leading `-` must be
    /// followed by text, and a leading `?` or `:` is left to Yams.
    private var canStartPlainScalar: Bool {
        guard position < bytes.count else { return false }
        let byte = bytes[position]
        if byte == ASCII.dash {
            guard position + 1 < bytes.count else { return false }
            let next = bytes[position + 1]
            return !(next == ASCII.space || next == ASCII.newline || next == ASCII.colon || next == ASCII.hash
                || ASCII.isFlowIndicator(next))
        }
        return !(byte == ASCII.space || byte == ASCII.newline || ASCII.isIndicator(byte))
    }

    /// `'…'` (with `''` for a quote) or `"…"` without escapes, closed on the same line.
    private mutating func quotedScalar(depth: Int) throws(Unsupported) -> YAMLNode {
        let mark = currentMark
        let quote = bytes[position]
        let style: YAMLNode.ScalarStyle = quote == ASCII.singleQuote ? .singleQuoted : .doubleQuoted
        position += 1
        let start = position
        var hasDoubledQuote = false
        while true {
            guard position < bytes.count else { throw Unsupported() }
            let byte = bytes[position]
            if byte == ASCII.newline || (byte == ASCII.backslash && quote == ASCII.doubleQuote) { throw Unsupported() }
            if byte == quote {
                if quote == ASCII.singleQuote, position + 1 < bytes.count, bytes[position + 1] == ASCII.singleQuote {
                    hasDoubledQuote = true
                    position += 2
                    continue
                }
                break
            }
            position += 1
        }
        var value = text(start..<position)
        if hasDoubledQuote { value = value.replacing("''", with: "'") }
        position += 1
        return try node(.scalar(value, style), mark: mark, depth: depth)
    }

    // MARK: Lines and positions

    /// Ends a line after a value: only spaces may follow. Then moves to the next line with content,
    /// which must not be indented more than `blockIndent` (libyaml would continue the value there).
    private mutating func finishLine(blockIndent: Int) throws(Unsupported) {
        skipSpaces()
        guard isAtLineEnd else { throw Unsupported() }
        if skipToContent(), currentIndent > blockIndent { throw Unsupported() }
    }

    /// Moves to the first character of the next line that is not blank; false at the end of the text.
    private mutating func skipToContent() -> Bool {
        while position < bytes.count {
            switch bytes[position] {
            case ASCII.space:
                position += 1
            case ASCII.newline:
                position += 1
                line += 1
                lineStart = position
            default:
                return true
            }
        }
        return false
    }

    private mutating func skipSpaces() {
        while isAt(ASCII.space) { position += 1 }
    }

    private func isAt(_ byte: UInt8) -> Bool {
        position < bytes.count && bytes[position] == byte
    }

    private var isAtEnd: Bool { position >= bytes.count }

    private var isAtLineEnd: Bool { position >= bytes.count || bytes[position] == ASCII.newline }

    /// The indentation of the current line, when `position` is at its first character.
    private var currentIndent: Int { position - lineStart }

    /// Where `position` is, as libyaml counts: lines and Unicode scalars, 1-based.
    private var currentMark: YAMLNode.Mark {
        var column = 1
        for index in lineStart..<position where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return YAMLNode.Mark(line: line + 1, column: column)
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A new node, counted against the limits.
    private mutating func node(_ content: YAMLNode.Content, mark: YAMLNode.Mark, depth: Int) throws(Unsupported) -> YAMLNode {
        nodeCount += 1
        guard nodeCount <= nodeLimit, depth <= depthLimit else { throw Unsupported() }
        return YAMLNode(content, mark: mark)
    }
}

/// The bytes the parser looks for.
private enum ASCII {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let colon = UInt8(ascii: ":")
    static let dash = UInt8(ascii: "-")
    static let hash = UInt8(ascii: "#")
    static let comma = UInt8(ascii: ",")
    static let question = UInt8(ascii: "?")
    static let backslash = UInt8(ascii: "\\")
    static let singleQuote = UInt8(ascii: "'")
    static let doubleQuote = UInt8(ascii: "\"")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")

    /// `,[]{}`
    static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == comma || byte == openBracket || byte == closeBracket || byte == openBrace || byte == closeBrace
    }

    /// Characters that cannot start a plain scalar: `-?:,[]{}#&*!|>'"%@` and the backquote.
    static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            true
        default:
            false
        }
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        let lowercased = byte | 0x20
        return (lowercased >= UInt8(ascii: "a") && lowercased <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }

    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == dash
    }
}
