/// Reading a template's bytes: whitespace, text, names and delimiters.
extension TemplateParser {
    // MARK: Whitespace and text

    /// Reads the spaces and tabs that start a line, to be written before the line's text or dropped
    /// with a standalone tag. Inside a parent, an override's lines lose its first line's indentation.
    mutating func readLineStartWhitespace() {
        let start = position
        while position < bytes.count, bytes[position] == .space || bytes[position] == .tab {
            position += 1
        }
        if current.state.insideParent, !current.state.parentTopLevel {
            if let indentation = current.state.overrideIndentation {
                current.whitespace = min(start + indentation, position)..<position
            } else {
                current.state.overrideIndentation = position - start
            }
        } else {
            current.whitespace = start..<position
        }
        if current.measuresIntrinsicIndentation {
            current.measuresIntrinsicIndentation = false
            current.intrinsicIndentation = current.whitespace
            current.intrinsicIndentationEnd = position
        }
    }

    /// Where `scanText` stopped.
    enum TextStop {
        case newline(length: Int)
        case tag(start: Int)
        case end
    }

    /// Advances over text up to a line break (left unread), the next tag (whose opening delimiter is
    /// read), or the end.
    mutating func scanText() -> TextStop {
        let open = current.state.openDelimiter
        let first = open[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == .lineFeed {
                return .newline(length: 1)
            }
            if byte == .carriageReturn, position + 1 < bytes.count, bytes[position + 1] == .lineFeed {
                return .newline(length: 2)
            }
            if byte == first, matches(open, at: position) {
                let start = position
                position += open.count
                return .tag(start: start)
            }
            position += 1
        }
        return .end
    }

    /// Whether the tag just read stands alone on its line; if so, the rest of the line (whitespace
    /// and the line break) is read too.
    mutating func isStandalone() -> Bool {
        guard current.state.atLineStart else { return false }
        if position == bytes.count { return true }
        var index = position
        while index < bytes.count, bytes[index] == .space || bytes[index] == .tab {
            index += 1
        }
        guard let length = lineBreakLength(at: index) else { return false }
        position = index + length
        return true
    }

    /// The length of the line break at `index`: LF, CR LF, CR, VT, FF, NEL, LS or PS.
    private func lineBreakLength(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case .lineFeed, 0x0B, 0x0C: return 1
        case .carriageReturn: return index + 1 < bytes.count && bytes[index + 1] == .lineFeed ? 2 : 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : nil
        case 0xE2:
            return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) ? 3 : nil
        default: return nil
        }
    }

    /// For a partial, parent or block tag just read: whether it stands alone, and the whitespace
    /// before it. Before a standalone tag that whitespace is not written: it becomes the indentation
    /// of each line the tag renders, so that a tag rendering nothing leaves no trace. Before any
    /// other tag it is written.
    mutating func readIndentation() -> (standalone: Bool, whitespace: [UInt8]) {
        let whitespace = Array(bytes[current.whitespace])
        let standalone = isStandalone()
        if standalone {
            current.whitespace = position..<position
        } else {
            emitWhitespace()
        }
        return (standalone, whitespace)
    }

    mutating func emitWhitespace() {
        if !current.whitespace.isEmpty {
            emitText(current.whitespace)
            current.whitespace = position..<position
        }
    }

    /// Appends literal bytes to the program, joining them to the text just before when there is one.
    mutating func emitText(_ ranges: Range<Int>...) {
        guard !current.state.parentTopLevel else { return }
        let start = template.text.count
        for range in ranges {
            template.text.append(contentsOf: bytes[range])
        }
        let end = template.text.count
        guard end > start else { return }
        if case .text(let previousStart, start) = template.instructions.last {
            template.instructions[template.instructions.count - 1] = .text(start: previousStart, end: end)
        } else {
            template.instructions.append(.text(start: start, end: end))
        }
    }

    // MARK: Names and delimiters

    /// Reads a variable, section or block name and the closing delimiter (after `closing`, for `{{{x}}}`).
    mutating func readName(_ tagStart: Int, closing: [UInt8] = []) throws(Problem) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) {
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        if position < bytes.count, bytes[position] == UInt8(ascii: "(") {
            throw Problem(message: TemplateError.Message.transform, offset: tagStart)
        }
        skipWhitespace()
        let close = current.state.closeDelimiter
        if matches(closing + close, at: position) {
            position += closing.count + close.count
        } else if !closing.isEmpty, matches(close + closing, at: position) {
            position += close.count + closing.count
        } else {
            throw Problem(message: TemplateError.Message.unclosedTag, offset: tagStart)
        }
        return name
    }

    /// Reads the name of a partial or parent template, which may contain `/`.
    mutating func readTemplateName(_ tagStart: Int) throws(Problem) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) || bytes[position] == UInt8(ascii: "/")
            || bytes[position] == UInt8(ascii: "(") || bytes[position] == UInt8(ascii: ")")
        {
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(current.state.closeDelimiter, at: position) else {
            throw Problem(message: TemplateError.Message.unclosedTag, offset: tagStart)
        }
        position += current.state.closeDelimiter.count
        return name
    }

    /// Reads `{{=open close=}}` after its `=`: two runs of non-whitespace, the second without `=`.
    mutating func readDelimiters(_ tagStart: Int) throws(Problem) {
        let problem = Problem(message: TemplateError.Message.badDelimiters, offset: tagStart)
        skipWhitespace()
        let openStart = position
        while position < bytes.count, whitespaceLength(at: position) == 0 {
            position += 1
        }
        guard position < bytes.count else { throw problem }
        let open = Array(bytes[openStart..<position])
        skipWhitespace()
        let closeStart = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "="), whitespaceLength(at: position) == 0 {
            position += 1
        }
        guard position < bytes.count else { throw problem }
        let close = Array(bytes[closeStart..<position])
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw problem }
        position += 1
        guard matches(current.state.closeDelimiter, at: position) else { throw problem }
        position += current.state.closeDelimiter.count
        guard !open.isEmpty, !close.isEmpty else { throw problem }
        current.state.openDelimiter = open
        current.state.closeDelimiter = close
    }

    /// Letters, digits and `. - _ ? *`: the bytes a name may contain.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"): true
        default: false
        }
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            let length = whitespaceLength(at: position)
            guard length > 0 else { return }
            position += length
        }
    }

    /// The UTF-8 length of the Unicode whitespace character at `index`, or 0.
    private func whitespaceLength(at index: Int) -> Int {
        let byte = bytes[index]
        switch byte {
        case 0x09...0x0D, .space: return 1
        case 0xC2:
            guard index + 1 < bytes.count else { return 0 }
            return bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE1:
            guard index + 2 < bytes.count else { return 0 }
            return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard index + 2 < bytes.count else { return 0 }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            if second == 0x80, third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:
            guard index + 2 < bytes.count else { return 0 }
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] {
            return false
        }
        return true
    }

    func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }
}

extension UInt8 {
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
}
