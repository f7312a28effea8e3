extension Template {
    /// Compiles `source` into a program, or returns its first syntax error.
    static func compile(_ source: TemplateSource) -> Result<Template, TemplateError> {
        var parser = TemplateParser(source)
        do throws(TemplateParser.Problem) {
            return .success(try parser.parse())
        } catch {
            return .failure(SourceLocator(parser.bytes).error(error.message, at: error.offset, path: source.path))
        }
    }
}

/// Reads a template's UTF-8 bytes tag by tag and writes its program.
///
/// The whitespace rules:
/// - A section, comment, delimiter, partial, parent or block tag with nothing but spaces and tabs
///   around it on its line (or at the end of the template) stands alone, and its line leaves no trace.
///   Once a section, parent or block closes, the rest of the line counts as a line start exactly when
///   its opening tag stood alone, so that `{{/a}}{{/b}}` on a line of their own both stand alone.
/// - The whitespace before a standalone partial, parent or block is not written: it indents every
///   line the tag renders. Before a parent or block that does not stand alone it is written, and it
///   still indents the lines after the first.
/// - Inside a parent tag, text outside the overrides is ignored, and an override's lines lose the
///   indentation of its first line. A standalone block takes the indentation of its default's first
///   line with it, so that an override is indented where the default was.
/// - Spaces and tabs after the last line break of a template are dropped.
struct TemplateParser {
    /// A syntax error at a byte offset.
    struct Problem: Error {
        let message: String
        let offset: Int
    }

    /// What applies to the tags of one section level; a nested section starts with a copy.
    struct State {
        /// The name a `{{/…}}` must give to close this level; nil at the top.
        var sectionName: String?
        /// Whether nothing but whitespace came before the current position on its line, so that
        /// the next tag may stand alone.
        var atLineStart = true
        /// Inside a `{{<parent}}` tag, where overrides lose their first line's indentation.
        var insideParent = false
        /// Directly inside a `{{<parent}}` tag, where only `{{$block}}` overrides are allowed.
        var parentTopLevel = false
        /// The indentation that lines of an override lose: that of its first line.
        var overrideIndentation: Int?
        var openDelimiter: [UInt8] = Array("{{".utf8)
        var closeDelimiter: [UInt8] = Array("}}".utf8)
    }

    /// What an open level becomes when it closes.
    enum Kind {
        case root
        case section(instruction: Int)
        case parent(Int)
        case override(parent: Int)
        case block(Int)
    }

    /// An open section, parent or block, or the template itself.
    struct Level {
        var state: State
        let kind: Kind
        /// Where its opening tag starts, for "never closed".
        let tagStart: Int
        /// Whether its opening tag stood alone; the level around it continues at a line start if so.
        let openedStandalone: Bool
        /// The whitespace that started the current line, not yet written.
        var whitespace: Range<Int> = 0..<0
        /// For a standalone block: whether its first line's whitespace is still to be read.
        var measuresIntrinsicIndentation = false
        /// For a standalone block: its first line's whitespace (less an override's indentation)…
        var intrinsicIndentation: Range<Int>?
        /// …and where that line's whitespace ends.
        var intrinsicIndentationEnd = 0
    }

    let bytes: [UInt8]
    var position = 0
    var template: Template
    var current: Level
    var enclosing: [Level] = []
    var pathIndices: [String: Int] = [:]
    var callIndices: [String: Int] = [:]

    init(_ source: TemplateSource) {
        bytes = Array(source.text.utf8)
        template = Template(name: source.name)
        current = Level(state: State(), kind: .root, tagStart: 0, openedStandalone: false)
    }

    mutating func parse() throws(Problem) -> Template {
        while position < bytes.count {
            if current.state.atLineStart {
                readLineStartWhitespace()
            }
            let textStart = position
            let stop = scanText()
            let text: Range<Int>
            if case .tag(let tagStart) = stop {
                text = textStart..<tagStart
            } else {
                text = textStart..<position
            }
            if case .newline(let length) = stop {
                emitText(current.whitespace, text, position..<position + length)
                position += length
                current.state.atLineStart = true
                continue
            }
            if !text.isEmpty {
                emitText(current.whitespace, text)
                current.whitespace = position..<position
                current.state.atLineStart = false
            }
            guard case .tag(let tagStart) = stop else { break }
            try parseTag(at: tagStart)
        }
        if !enclosing.isEmpty {
            throw Problem(message: TemplateError.Message.unclosedSection, offset: current.tagStart)
        }
        return template
    }

    // MARK: Tags

    /// Parses the tag whose opening delimiter starts at `tagStart`; `position` is just after that delimiter.
    private mutating func parseTag(at tagStart: Int) throws(Problem) {
        let sigil = position < bytes.count ? bytes[position] : 0
        if current.state.parentTopLevel, !"$/!=%".utf8.contains(sigil) {
            throw Problem(message: TemplateError.Message.contentInParent, offset: tagStart)
        }
        var standalone = false
        switch sigil {
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            position += 1
            let name = try readName(tagStart)
            standalone = isStandalone()
            if !standalone { emitWhitespace() }
            let path = pathIndex(name)
            let instruction = template.instructions.count
            template.instructions.append(sigil == UInt8(ascii: "#") ? .section(path: path, end: -1) : .invertedSection(path: path, end: -1))
            open(.section(instruction: instruction), name: name, at: tagStart, standalone: standalone)
            return

        case UInt8(ascii: "/"):
            position += 1
            let name = try readName(tagStart)
            guard name == current.state.sectionName else {
                throw Problem(message: TemplateError.Message.unmatchedClose, offset: tagStart)
            }
            if !isStandalone() { emitWhitespace() }
            close(at: tagStart)
            return

        case UInt8(ascii: "!"):
            guard let end = find(current.state.closeDelimiter, from: position + 1) else {
                throw Problem(message: TemplateError.Message.unclosedTag, offset: tagStart)
            }
            position = end + current.state.closeDelimiter.count
            standalone = isStandalone()

        case UInt8(ascii: "{"):
            position += 1
            let name = try readName(tagStart, closing: [UInt8(ascii: "}")])
            emitWhitespace()
            template.instructions.append(.variable(path: pathIndex(name), escaped: false))

        case UInt8(ascii: "&"):
            position += 1
            let name = try readName(tagStart)
            emitWhitespace()
            template.instructions.append(.variable(path: pathIndex(name), escaped: false))

        case UInt8(ascii: ">"):
            position += 1
            let name = try readTemplateName(tagStart)
            let whitespace: [UInt8]
            (standalone, whitespace) = readIndentation()
            let indentation = standalone && !whitespace.isEmpty ? indentationIndex(whitespace) : nil
            template.instructions.append(.partial(call: callIndex(name), indentation: indentation))

        case UInt8(ascii: "<"):
            position += 1
            let name = try readTemplateName(tagStart)
            let whitespace: [UInt8]
            (standalone, whitespace) = readIndentation()
            let parent = template.parents.count
            template.parents.append(Template.Parent(call: callIndex(name), indentation: whitespace, standalone: standalone, overrides: [], end: -1))
            template.instructions.append(.parent(parent))
            open(.parent(parent), name: name, at: tagStart, standalone: standalone)
            return

        case UInt8(ascii: "$"):
            position += 1
            let name = try readName(tagStart)
            if current.state.parentTopLevel, case .parent(let parent) = current.kind {
                standalone = isStandalone()
                open(.override(parent: parent), name: name, at: tagStart, standalone: standalone)
            } else {
                let whitespace: [UInt8]
                (standalone, whitespace) = readIndentation()
                let block = template.blocks.count
                template.blocks.append(Template.Block(name: name, indentation: whitespace, standalone: standalone, intrinsicIndentation: nil, end: -1))
                template.instructions.append(.block(block))
                open(.block(block), name: name, at: tagStart, standalone: standalone)
            }
            return

        case UInt8(ascii: "="):
            position += 1
            try readDelimiters(tagStart)
            standalone = isStandalone()

        case UInt8(ascii: "%"):
            throw Problem(message: TemplateError.Message.pragma, offset: tagStart)

        default:
            let name = try readName(tagStart)
            emitWhitespace()
            template.instructions.append(.variable(path: pathIndex(name), escaped: true))
        }
        current.state.atLineStart = standalone
    }

    /// Starts a nested level for a section, parent, override or block whose tag was just read.
    private mutating func open(_ kind: Kind, name: String, at tagStart: Int, standalone: Bool) {
        var state = current.state
        state.sectionName = name
        switch kind {
        case .parent:
            state.atLineStart = true
            state.insideParent = true
            state.parentTopLevel = true
        default:
            state.parentTopLevel = false
            if !standalone { state.atLineStart = false }
        }
        var level = Level(state: state, kind: kind, tagStart: tagStart, openedStandalone: standalone)
        if case .block = kind, standalone {
            level.measuresIntrinsicIndentation = true
        }
        if case .override(let parent) = kind {
            let start = template.instructions.count
            if let index = template.parents[parent].overrides.firstIndex(where: { $0.name == name }) {
                template.parents[parent].overrides[index] = Template.Override(name: name, start: start)
            } else {
                template.parents[parent].overrides.append(Template.Override(name: name, start: start))
            }
        }
        enclosing.append(current)
        current = level
    }

    /// Ends the current level at its closing tag, which starts at `tagStart`.
    private mutating func close(at tagStart: Int) {
        let closed = current
        current = enclosing.removeLast()
        current.state.atLineStart = closed.openedStandalone
        let end = template.instructions.count
        switch closed.kind {
        case .root:
            break
        case .section(let instruction):
            template.instructions.append(.sectionEnd)
            switch template.instructions[instruction] {
            case .section(let path, _): template.instructions[instruction] = .section(path: path, end: end)
            case .invertedSection(let path, _): template.instructions[instruction] = .invertedSection(path: path, end: end)
            default: break
            }
        case .parent(let parent):
            template.parents[parent].end = end
        case .override:
            template.instructions.append(.blockEnd)
        case .block(let block):
            template.instructions.append(.blockEnd)
            template.blocks[block].end = end
            // A block closed right after its first line's whitespace is empty: that says nothing about indentation.
            if let intrinsic = closed.intrinsicIndentation, closed.intrinsicIndentationEnd != tagStart {
                template.blocks[block].intrinsicIndentation = Array(bytes[intrinsic])
            }
        }
    }

    // MARK: Tables

    private mutating func pathIndex(_ name: String) -> Int {
        if let index = pathIndices[name] { return index }
        let keys = name.split(separator: ".").map { Template.Key(String($0)) }
        template.keys += keys
        template.paths.append(Template.Path(name: name, keys: template.keys.count - keys.count..<template.keys.count, currentContextOnly: name.first == "."))
        pathIndices[name] = template.paths.count - 1
        return template.paths.count - 1
    }

    private mutating func callIndex(_ name: String) -> Int {
        if let index = callIndices[name] { return index }
        template.calls.append(name)
        callIndices[name] = template.calls.count - 1
        return template.calls.count - 1
    }

    private mutating func indentationIndex(_ whitespace: [UInt8]) -> Int {
        template.indentations.append(whitespace)
        return template.indentations.count - 1
    }
}
