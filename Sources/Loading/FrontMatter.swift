import Diagnostics

/// A content file split into its YAML front matter and its Markdown body.
///
/// Front matter exists only when the file's very first line is `---`; it ends at the
/// next line that is `---` or `...`. A `---` anywhere else is Markdown (a thematic break).
public struct FrontMatter: Sendable, Equatable {
    /// The YAML between the fences; empty when the file has none.
    public var yaml: String
    /// The file line that holds the YAML's first line (2 when there is front matter).
    public var yamlFirstLine: Int
    public var body: String
    /// The file line that holds the body's first line.
    public var bodyFirstLine: Int
    /// Whether the file started with a front-matter fence.
    public var isPresent: Bool

    /// Splits `source`; a fence that opens but never closes is an error at line 1.
    public init(splitting source: SourceText) throws(Diagnostic) {
        let text = source.text
        guard let split = text.utf8.withContiguousStorageIfAvailable(Self.split) ?? nil else {
            try self.init(splittingCharactersOf: source)
            return
        }
        switch split {
        case .absent:
            self.init(yaml: "", yamlFirstLine: 1, body: text, bodyFirstLine: 1, isPresent: false)
        case .unclosed:
            throw .error(
                at: SourceLocation(path: source.path, line: 1, column: 1),
                "front matter opens with \"---\" on line 1 but never closes; add a line with \"---\" after the last field")
        case .present(let yaml, let body, let bodyFirstLine):
            self.init(
                yaml: Self.text(text, yaml), yamlFirstLine: 2, body: Self.text(text, body), bodyFirstLine: bodyFirstLine,
                isPresent: true)
        }
    }

    /// Where the parts of a file are, as UTF-8 offsets.
    private enum Split {
        case absent
        case unclosed
        case present(yaml: Range<Int>, body: Range<Int>, bodyFirstLine: Int)
    }

    /// Finds the fences in UTF-8 bytes; `nil` for text with carriage returns, which is split by Characters
    /// (a `\r\n` is one Character). Otherwise a line break is a Character of its own and a fence is ASCII.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> Split? {
        guard bytes.firstIndex(ofByte: UInt8(ascii: "\r")) == nil else { return nil }
        let firstLine = Line(in: bytes, from: 0)
        guard firstLine.isMarker(UInt8(ascii: "-"), in: bytes) else { return .absent }
        var lineStart = firstLine.next
        var lineNumber = 2
        while lineStart < bytes.count {
            let line = Line(in: bytes, from: lineStart)
            if line.isMarker(UInt8(ascii: "-"), in: bytes) || line.isMarker(UInt8(ascii: "."), in: bytes) {
                return .present(yaml: firstLine.next..<lineStart, body: line.next..<bytes.count, bodyFirstLine: lineNumber + 1)
            }
            lineStart = line.next
            lineNumber += 1
        }
        return .unclosed
    }

    /// One line of UTF-8 bytes, without its line break.
    private struct Line {
        var start: Int
        var end: Int
        /// Where the next line starts (the end of the text after the last line).
        var next: Int

        init(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
            self.start = start
            end = bytes.firstIndex(ofByte: UInt8(ascii: "\n"), from: start) ?? bytes.count
            next = min(end + 1, bytes.count)
        }

        /// `---` or `...` (three `mark`s) followed by nothing but spaces and tabs.
        func isMarker(_ mark: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard end - start >= 3, bytes[start] == mark, bytes[start + 1] == mark, bytes[start + 2] == mark else { return false }
            return bytes[(start + 3)..<end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        }
    }

    /// The text between two UTF-8 offsets that lie just after line breaks or at the ends.
    private static func text(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(text[start..<end])
    }

    /// The same split, Character by Character, for text with carriage returns (a `\r\n` is one Character).
    private init(splittingCharactersOf source: SourceText) throws(Diagnostic) {
        let text = source.text
        guard let firstLineEnd = text.firstIndex(of: "\n") ?? (Self.isFence(text[...]) ? text.endIndex : nil),
            Self.isFence(text[text.startIndex..<firstLineEnd])
        else {
            self.init(yaml: "", yamlFirstLine: 1, body: text, bodyFirstLine: 1, isPresent: false)
            return
        }
        var lineStart = firstLineEnd < text.endIndex ? text.index(after: firstLineEnd) : text.endIndex
        let yamlStart = lineStart
        var lineNumber = 2
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            if Self.isFence(line) || Self.isDocumentEnd(line) {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
                self.init(
                    yaml: String(text[yamlStart..<lineStart]), yamlFirstLine: 2,
                    body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1, isPresent: true)
                return
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            lineNumber += 1
        }
        throw .error(
            at: SourceLocation(path: source.path, line: 1, column: 1),
            "front matter opens with \"---\" on line 1 but never closes; add a line with \"---\" after the last field")
    }

    init(yaml: String, yamlFirstLine: Int, body: String, bodyFirstLine: Int, isPresent: Bool) {
        self.yaml = yaml
        self.yamlFirstLine = yamlFirstLine
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.isPresent = isPresent
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func isDocumentEnd(_ line: Substring) -> Bool {
        line.hasPrefix("...") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
