import Diagnostics
import Model
import Yams

/// A YAML mapping whose keys have been checked against the fields a block allows.
struct YAMLObject {
    /// The field path of the mapping itself (`""` at the top, `funding[0]` inside a block).
    let field: String
    let node: Node
    private let entries: [String: (key: Node, value: Node)]

    init(field: String, node: Node, entries: [String: (key: Node, value: Node)]) {
        self.field = field
        self.node = node
        self.entries = entries
    }

    /// The value of `key`, unless it is missing or explicitly empty (`key:` or `key: null`).
    subscript(key: String) -> Node? {
        guard let value = entries[key]?.value else { return nil }
        if case .scalar(let scalar) = value, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return nil
        }
        return value
    }

    func path(_ key: String) -> String { field.isEmpty ? key : "\(field).\(key)" }
}

/// Reads typed values out of front-matter YAML and reports every problem at its place in the file.
struct FieldReader {
    let source: SourceText
    /// Added to YAML line numbers: the file line of the YAML's first line, minus one.
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    /// The most nodes one front matter may hold; guards against alias bombs.
    static let nodeBudget = 50_000
    /// The deepest nesting one front matter may have.
    static let depthLimit = 32

    init(source: SourceText, lineOffset: Int) {
        self.source = source
        self.lineOffset = lineOffset
    }

    // MARK: Parsing

    /// Parses YAML text into a node tree, or reports why it cannot be read.
    mutating func parse(_ yaml: String) -> Node? {
        do {
            // No implicit typing: every scalar is read as text by the typed readers below, and the
            // default resolver runs several regular expressions on each plain scalar.
            guard let root = try Yams.compose(yaml: yaml, .basic) else { return nil }
            var budget = Self.nodeBudget
            guard checkSize(of: root, depth: 0, budget: &budget) else {
                error(at: root, field: "", "front matter is too large or nested too deeply (more than \(Self.nodeBudget) values or \(Self.depthLimit) levels); anchors and aliases that multiply values are not supported")
                return nil
            }
            return root
        } catch let yamlError as YamlError {
            report(yamlError)
        } catch {
            diagnostics.append(.error(at: SourceLocation(path: source.path, line: lineOffset + 1), "cannot read the YAML: \(error)"))
        }
        return nil
    }

    private func checkSize(of node: Node, depth: Int, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0, depth <= Self.depthLimit else { return false }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard checkSize(of: key, depth: depth + 1, budget: &budget),
                    checkSize(of: value, depth: depth + 1, budget: &budget)
                else { return false }
            }
        case .sequence(let sequence):
            for item in sequence where !checkSize(of: item, depth: depth + 1, budget: &budget) { return false }
        case .scalar, .alias:
            break
        }
        return true
    }

    private mutating func report(_ yamlError: YamlError) {
        let (problem, mark, context): (String, Mark?, String?) =
            switch yamlError {
            case .scanner(let context, let problem, let mark, _): (problem, mark, context?.text)
            case .parser(let context, let problem, let mark, _): (problem, mark, context?.text)
            case .composer(let context, let problem, let mark, _): (problem, mark, context?.text)
            case .reader(let problem, _, _, _): (problem, nil, nil)
            case .duplicatedKeysInMapping(let duplicates, let context):
                ("duplicate keys \(duplicates.joined(separator: ", "))", context.mark, nil)
            default: ("\(yamlError)", nil, nil)
            }
        let location = mark.map { self.location(line: $0.line, column: $0.column) }
            ?? SourceLocation(path: source.path, line: lineOffset + 1)
        let detail = context.map { "\(problem) \($0)" } ?? problem
        append(.error(at: location, "invalid YAML: \(detail)"))
    }

    // MARK: Locations and reports

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: source.path, line: line + lineOffset, column: column)
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: source.path, line: lineOffset + 1) }
        return location(line: mark.line, column: mark.column)
    }

    mutating func error(at node: Node, field: String, _ message: String) {
        append(.error(at: location(of: node), field: field, message))
    }

    mutating func warning(at node: Node, field: String, _ message: String) {
        append(Diagnostic(.warning, at: location(of: node), field: field, message))
    }

    mutating func append(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        if diagnostic.sourceLine.isEmpty { diagnostic.sourceLine = source.line(diagnostic.location.line) }
        diagnostics.append(diagnostic)
    }

    // MARK: Typed values

    /// A mapping whose keys must all be in `allowed`; unknown and repeated keys are errors.
    mutating func object(_ node: Node, field: String, allowed: [String]) -> YAMLObject? {
        guard case .mapping(let mapping) = node else {
            error(at: node, field: field, "expected a mapping of fields (key: value), found \(describe(node))")
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error(at: key, field: field, "a field name must be plain text")
                continue
            }
            let path = field.isEmpty ? name : "\(field).\(name)"
            guard allowed.contains(name) else {
                let hint = Suggestion.hint(for: name, in: allowed)
                let list = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
                error(at: key, field: path, "unknown field \"\(name)\"\(hint); allowed here: \(list)")
                continue
            }
            if entries[name] != nil {
                error(at: key, field: path, "\"\(name)\" is given twice; keep one")
                continue
            }
            entries[name] = (key, value)
        }
        return YAMLObject(field: field, node: node, entries: entries)
    }

    /// A required value; a missing one is an error at the mapping.
    mutating func require(_ object: YAMLObject, _ key: String) -> Node? {
        guard let value = object[key] else {
            error(at: object.node, field: object.path(key), "missing required field \"\(key)\"")
            return nil
        }
        return value
    }

    /// Text from a scalar; lists and mappings are errors.
    mutating func string(_ node: Node, field: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(at: node, field: field, "expected text, found \(describe(node))")
            return nil
        }
        let text = scalar.string.trimmingSpaces()
        guard !text.isEmpty else {
            error(at: node, field: field, "expected text, found nothing")
            return nil
        }
        return text
    }

    mutating func bool(_ node: Node, field: String) -> Bool? {
        guard case .scalar(let scalar) = node else {
            error(at: node, field: field, "expected true or false, found \(describe(node))")
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(at: node, field: field, "expected true or false, found \"\(scalar.string)\"")
            return nil
        }
    }

    mutating func date(_ node: Node, field: String) -> CalendarDate? {
        guard let text = string(node, field: field) else { return nil }
        switch CalendarDate.parse(text) {
        case .success(let date): return date
        case .failure(let reason):
            error(at: node, field: field, reason.description)
            return nil
        }
    }

    /// A list of texts; a single text is accepted as a list of one.
    mutating func strings(_ node: Node, field: String) -> [String] {
        switch node {
        case .scalar:
            return string(node, field: field).map { [$0] } ?? []
        case .sequence(let sequence):
            return sequence.enumerated().compactMap { index, item in string(item, field: "\(field)[\(index)]") }
        default:
            error(at: node, field: field, "expected a list such as [a, b], found \(describe(node))")
            return []
        }
    }

    /// An absolute http(s) URL that is safe to link.
    mutating func url(_ node: Node, field: String) -> String? {
        guard let text = string(node, field: field) else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !text.contains(where: \.isWhitespace) else {
            error(at: node, field: field, "expected an absolute http:// or https:// URL, found \"\(text)\"")
            return nil
        }
        return text
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "\"\(scalar.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
