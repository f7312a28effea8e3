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
