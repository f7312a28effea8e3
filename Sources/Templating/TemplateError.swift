/// A located template problem.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template's path as given to the library, such as `Templates/article.mustache`.
    public var path: String
    /// The 1-based line of the offending tag.
    public var line: Int
    /// The 1-based column of the offending tag, in characters of its line.
    public var column: Int
    /// What is wrong, such as "a tag is not closed with }}".
    public var message: String
    /// The text of that line, for a caret display.
    public var sourceLine: String

    /// A problem at `line`:`column` of `path`.
    public init(path: String, line: Int, column: Int, message: String, sourceLine: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// `path:line:column: error: message`, as compilers print problems.
    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}

extension TemplateError {
    /// The messages of the syntax errors the parser reports.
    enum Message {
        static let unmatchedClose = "a closing tag {{/…}} does not match the section it closes"
        static let unclosedTag = "a tag is not closed with }}"
        static let unclosedSection = "a section {{#…}} or {{^…}} is never closed with {{/…}}"
        static let badDelimiters = "the delimiter change {{=… …=}} is malformed"
        static let contentInParent = "only {{$block}} overrides may appear inside {{<parent}}"
        static let pragma = "pragmas {{%…}} are not supported"
        static let transform = "transforms {{name(…)}} are not supported"
    }
}
