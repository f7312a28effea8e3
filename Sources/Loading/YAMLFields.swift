import Diagnostics
import Model
import Yams

/// A YAML mapping whose keys have been checked against the fields a block allows.
struct YAMLObject {
    /// One accepted field: its name and its value.
    struct Entry {
        var name: String
        var value: YAMLNode
    }

    /// The field path of the mapping itself (`""` at the top, `funding[0]` inside a block).
    let field: String
    let node: YAMLNode
    /// In document order; a block has a handful of fields, so a scan beats hashing.
    private let entries: [Entry]

    init(field: String, node: YAMLNode, entries: [Entry]) {
        self.field = field
        self.node = node
        self.entries = entries
    }

    /// Fields whose values already have an error of their own; they read as missing, silently.
    var reported: Set<String> = []

    /// The value of `key`, unless it is missing or explicitly empty (`key:` or `key: null`).
    subscript(key: String) -> YAMLNode? {
        guard !reported.contains(key), let value = entries.first(where: { $0.name == key })?.value else { return nil }
        if case .scalar(let text, .plain) = value.content, Self.isNull(text) {
            return nil
        }
        return value
    }

    /// The plain scalars YAML reads as null.
    private static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": true
        default: false
        }
    }

    func path(_ key: String) -> String { field.isEmpty ? key : "\(field).\(key)" }
}

/// Reads typed values out of front-matter YAML and reports every problem at its place in the file.
///
/// Field paths (`funding[0].amount`) are only needed for diagnostics, so the readers take them as
/// autoclosures and build them when something is wrong.
struct FieldReader {
    let source: SourceText
    /// Added to YAML line numbers: the file line of the YAML's first line, minus one.
    let lineOffset: Int
    /// Literals already read, shared by the readers of one load.
    let literals: LiteralReadings
    private(set) var diagnostics: [Diagnostic] = []

    /// The most nodes one front matter may hold; guards against alias bombs.
    static let nodeBudget = 50_000
    /// The deepest nesting one front matter may have.
    static let depthLimit = 32

    init(source: SourceText, lineOffset: Int, literals: LiteralReadings = LiteralReadings()) {
        self.source = source
        self.lineOffset = lineOffset
        self.literals = literals
    }

    // MARK: Parsing

    /// Parses YAML text into a node tree, or reports why it cannot be read.
    ///
    /// The common subset of YAML is read by `YAMLSubsetParser`; everything else, errors included, by Yams.
    mutating func parse(_ yaml: String) -> YAMLNode? {
        if let root = YAMLSubsetParser.compose(yaml, nodeLimit: Self.nodeBudget, depthLimit: Self.depthLimit) {
            return root
        }
        do {
            // No implicit typing: every scalar is read as text by the typed readers below, and the
            // default resolver runs several regular expressions on each plain scalar.
            guard let root = try Yams.compose(yaml: yaml, .basic) else { return nil }
            var budget = Self.nodeBudget
            guard checkSize(of: root, depth: 0, budget: &budget) else {
                append(.error(at: location(ofComposed: root), "front matter is too large or nested too deeply (more than \(Self.nodeBudget) values or \(Self.depthLimit) levels); anchors and aliases that multiply values are not supported"))
                return nil
            }
            let node = YAMLNode(root)
            // The fast parser refuses comments, so only text read by Yams can hold one.
            if yaml.contains(" #") { reportValuesCutByComments(in: node, field: "", lines: yaml.split(separator: "\n", omittingEmptySubsequences: false)) }
            return node
        } catch let yamlError as YamlError {
            report(yamlError)
        } catch {
            diagnostics.append(.error(at: SourceLocation(path: source.path, line: lineOffset + 1), "cannot read the YAML: \(error)"))
        }
        return nil
    }

    /// `label: Rank #1 lab` reads as `Rank`: YAML starts a comment at ` #`. In fields of prose, a
    /// comment that starts with a letter or digit right after the `#` is taken for part of the value.
    private mutating func reportValuesCutByComments(in node: YAMLNode, field: String, lines: [Substring]) {
        switch node.content {
        case .mapping(let pairs):
            for (key, value) in pairs {
                let path = field.isEmpty ? key.scalarText ?? "" : "\(field).\(key.scalarText ?? "")"
                if case .scalar(let text, .plain) = value.content, let mark = value.mark, let name = key.scalarText,
                    Self.proseFields.contains(name), !text.contains("\n"), lines.indices.contains(mark.line - 1)
                {
                    let line = Array(lines[mark.line - 1].unicodeScalars)
                    var index = mark.column - 1 + text.unicodeScalars.count
                    while index < line.count, line[index] == " " { index += 1 }
                    if index + 1 < line.count, line[index] == "#", line[index + 1].properties.isAlphabetic || ("0"..."9").contains(line[index + 1]) {
                        let whole = String(String.UnicodeScalarView(line[(mark.column - 1)...])).trimmingSpaces()
                        let quoted = "\"" + whole.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
                        append(.error(
                            at: location(line: mark.line, column: index + 1), field: path,
                            "\" #\" starts a comment in YAML, so the value ends before it; put the whole value in quotes: \(name): \(quoted)"))
                    }
                }
                reportValuesCutByComments(in: value, field: path, lines: lines)
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() { reportValuesCutByComments(in: item, field: "\(field)[\(index)]", lines: lines) }
        case .scalar, .alias:
            break
        }
    }

    /// Fields that hold words rather than values, where a `#` is likely part of the text.
    private static let proseFields: Set<String> = [
        "title", "summary", "description", "author", "label", "note", "role", "employer", "company", "round", "name", "about", "basis",
    ]

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
        let previousLine = location.line > lineOffset + 1 ? source.line(location.line - 1) : ""
        if let trap = YAMLTrap(problem: problem, line: source.line(location.line), column: location.column, previousLine: previousLine) {
            let line = trap.column.map(location.withColumn) ?? location
            append(.error(at: line.shifted(lines: trap.lineDelta), field: trap.field, trap.message))
            return
        }
        let detail = context.map { "\(problem) \($0)" } ?? problem
        append(.error(at: location, "invalid YAML: \(detail)"))
    }

    // MARK: Locations and reports

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: source.path, line: line + lineOffset, column: column)
    }

    func location(of node: YAMLNode) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: source.path, line: lineOffset + 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// Where a node that Yams composed starts.
    private func location(ofComposed node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: source.path, line: lineOffset + 1) }
        return location(line: mark.line, column: mark.column)
    }

    mutating func error(at node: YAMLNode, field: String, _ message: String) {
        append(.error(at: location(of: node), field: field, message))
    }

    mutating func warning(at node: YAMLNode, field: String, _ message: String) {
        append(Diagnostic(.warning, at: location(of: node), field: field, message))
    }

    mutating func append(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        if diagnostic.sourceLine.isEmpty { diagnostic.sourceLine = source.line(diagnostic.location.line) }
        diagnostics.append(diagnostic)
    }

    // MARK: Typed values

    /// A mapping whose keys must all be in `allowed`; unknown and repeated keys are errors.
    mutating func object(_ node: YAMLNode, field: String, allowed: [String]) -> YAMLObject? {
        guard case .mapping(let mapping) = node.content else {
            error(at: node, field: field, "expected a mapping of fields (key: value), found \(describe(node))")
            return nil
        }
        var entries: [YAMLObject.Entry] = []
        entries.reserveCapacity(mapping.count)
        let splits = splitNumbers(in: mapping)
        var reported: Set<String> = []
        for (index, (key, value)) in mapping.enumerated() {
            if let split = splits.values[index] {
                guard let name = key.scalarText else { continue }
                let path = field.isEmpty ? name : "\(field).\(name)"
                let quoted = "\"" + split.replacingOccurrences(of: "\"", with: "\\\"") + "\""
                let isThousands = split.split(separator: ",").dropFirst().allSatisfy { group in
                    group.prefix(3).count == 3 && group.prefix(3).allSatisfy { $0.isASCII && $0.isNumber } && !(group.dropFirst(3).first?.isNumber ?? false)
                }
                let fix = isThousands
                    ? "put the value in quotes: \(name): \(quoted)"
                    : "a decimal point is written \".\": \(name): \(split.replacingOccurrences(of: ",", with: "."))"
                error(at: value, field: path, "\"\(split)\" is cut at its comma, which separates fields inside { … }; \(fix)")
                if allowed.contains(name) { reported.insert(name) }
                continue
            }
            if splits.consumed.contains(index) { continue }
            guard let name = key.scalarText else {
                error(at: key, field: field, "a field name must be plain text")
                continue
            }
            guard allowed.contains(name) else {
                // A misspelt field is one mistake: the field it was meant to be is not also "missing".
                if let meant = Suggestion.closest(to: name, in: allowed), !mapping.contains(where: { $0.key.scalarText == meant }) {
                    reported.insert(meant)
                }
                let path = field.isEmpty ? name : "\(field).\(name)"
                let hint = Suggestion.hint(for: name, in: allowed)
                let list = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
                error(at: key, field: path, "unknown field \"\(name)\"\(hint); allowed here: \(list)")
                continue
            }
            if entries.contains(where: { $0.name == name }) {
                let path = field.isEmpty ? name : "\(field).\(name)"
                error(at: key, field: path, "\"\(name)\" is given twice; keep one")
                continue
            }
            entries.append(YAMLObject.Entry(name: name, value: value))
        }
        var object = YAMLObject(field: field, node: node, entries: entries)
        object.reported = reported
        return object
    }

    /// Values that a `{ … }` entry cut at a thousands separator (`pay: ¥4,000/day` reads as `pay: ¥4`
    /// and a field `000/day`), keyed by the index of the cut pair, with the value as written; and the
    /// indices of the pairs that hold the rest of those values.
    private func splitNumbers(in mapping: [YAMLNode.Pair]) -> (values: [Int: String], consumed: Set<Int>) {
        var splits: [Int: String] = [:]
        var consumed: Set<Int> = []
        var index = 0
        while index < mapping.count {
            let (key, value) = mapping[index]
            guard key.scalarText != nil, case .scalar(let text, .plain) = value.content, text.last?.isNumber == true,
                index + 1 < mapping.count, Self.isNumberGroup(mapping[index + 1].key, mapping[index + 1].value),
                followsComma(mapping[index + 1].key)
            else {
                index += 1
                continue
            }
            var written = text
            var next = index + 1
            while next < mapping.count, Self.isNumberGroup(mapping[next].key, mapping[next].value), followsComma(mapping[next].key) {
                written += "," + (mapping[next].key.scalarText ?? "")
                consumed.insert(next)
                next += 1
            }
            splits[index] = written
            index = next
        }
        return (splits, consumed)
    }

    /// A key such as `000/day`, `500` or `45%` with no value: the digits after a thousands separator
    /// (or a decimal comma).
    private static func isNumberGroup(_ key: YAMLNode, _ value: YAMLNode) -> Bool {
        guard case .scalar(let text, .plain) = key.content, let first = text.unicodeScalars.first, ("0"..."9").contains(first) else {
            return false
        }
        if case .scalar(let valueText, .plain) = value.content { return valueText.isEmpty }
        return false
    }

    /// Whether the text just before `node` on its line is a comma (spaces aside).
    private func followsComma(_ node: YAMLNode) -> Bool {
        guard let mark = node.mark else { return false }
        let line = Array(source.line(mark.line + lineOffset).unicodeScalars)
        var index = mark.column - 2
        while index >= 0, index < line.count, line[index] == " " { index -= 1 }
        return index >= 0 && index < line.count && line[index] == ","
    }

    /// A required value; a missing one is an error at the mapping.
    mutating func require(_ object: YAMLObject, _ key: String) -> YAMLNode? {
        guard let value = object[key] else {
            if object.reported.contains(key) { return nil }
            error(at: object.node, field: object.path(key), "missing required field \"\(key)\"")
            return nil
        }
        return value
    }

    /// Text from a scalar; lists and mappings are errors.
    mutating func string(_ node: YAMLNode, field: @autoclosure () -> String) -> String? {
        guard case .scalar(let scalar, _) = node.content else {
            error(at: node, field: field(), "expected text, found \(describe(node))")
            return nil
        }
        let text = scalar.trimmingSpaces()
        guard !text.isEmpty else {
            error(at: node, field: field(), "expected text, found nothing")
            return nil
        }
        return text
    }

    mutating func bool(_ node: YAMLNode, field: @autoclosure () -> String) -> Bool? {
        guard case .scalar(let scalar, _) = node.content else {
            error(at: node, field: field(), "expected true or false, found \(describe(node))")
            return nil
        }
        switch scalar.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(at: node, field: field(), "expected true or false, found \"\(scalar)\"")
            return nil
        }
    }

    mutating func date(_ node: YAMLNode, field: @autoclosure () -> String) -> CalendarDate? {
        guard let text = string(node, field: field()) else { return nil }
        switch CalendarDate.parse(text) {
        case .success(let date): return date
        case .failure(let reason):
            error(at: node, field: field(), reason.description)
            return nil
        }
    }

    /// A list of texts; a single text is accepted as a list of one.
    mutating func strings(_ node: YAMLNode, field: @autoclosure () -> String) -> [String] {
        switch node.content {
        case .scalar(let text, .plain) where text.contains(","):
            let name = field().split(separator: ".").last.map(String.init) ?? field()
            let items = text.split(separator: ",").map { $0.trimmingSpaces() }.joined(separator: ", ")
            error(at: node, field: field(), "\"\(text.trimmingSpaces())\" reads as one item; write a list in brackets: \(name): [\(items)]")
            return []
        case .scalar:
            return string(node, field: field()).map { [$0] } ?? []
        case .sequence(let sequence):
            var texts: [String] = []
            texts.reserveCapacity(sequence.count)
            for (index, item) in sequence.enumerated() {
                if let text = string(item, field: "\(field())[\(index)]") { texts.append(text) }
            }
            return texts
        default:
            error(at: node, field: field(), "expected a list such as [a, b], found \(describe(node))")
            return []
        }
    }

    /// An absolute http(s) URL that is safe to link.
    mutating func url(_ node: YAMLNode, field: @autoclosure () -> String) -> String? {
        guard let text = string(node, field: field()) else { return nil }
        guard Self.isAbsoluteHTTPURL(text) else {
            error(at: node, field: field(), "expected an absolute http:// or https:// URL, found \"\(text)\"")
            return nil
        }
        return text
    }

    /// Whether `text` starts with `https://` or `http://` in any case and has no whitespace.
    private static func isAbsoluteHTTPURL(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            let lower = text.lowercased()
            return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !text.contains(where: \.isWhitespace)
        }
        // In ASCII text every Character is one byte, except a CR LF pair, which is whitespace either way.
        let hasScheme = text.utf8.starts(with: "https://".utf8, by: equalIgnoringASCIICase)
            || text.utf8.starts(with: "http://".utf8, by: equalIgnoringASCIICase)
        return hasScheme && !text.utf8.contains { ($0 >= 0x09 && $0 <= 0x0D) || $0 == 0x20 }
    }

    /// Compares a byte of text with a lower-case ASCII byte of a pattern.
    private static func equalIgnoringASCIICase(_ byte: UInt8, _ pattern: UInt8) -> Bool {
        byte == pattern || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && byte | 0x20 == pattern)
    }

    func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let scalar, _): "\"\(scalar)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace, judged as `Character.isWhitespace` does.
    func trimmingSpaces() -> String {
        if let trimmed = Substring(self).untrimmedFastPath() { return trimmed }
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}

extension Substring {
    /// The text itself when it certainly has no whitespace to trim; `nil` when Characters must be checked.
    ///
    /// `Character.isWhitespace` looks at a Character's first scalar. The first Character starts with the
    /// first scalar; when the last scalar is one that never extends a cluster, the last Character starts
    /// with it or with a prepended mark, and neither is whitespace.
    fileprivate func untrimmedFastPath() -> String? {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        guard last.neverExtendsACluster else { return nil }
        let firstIsWhitespace =
            first.isASCII ? (0x09...0x0D).contains(first.value) || first == " " : first.properties.isWhitespace
        return firstIsWhitespace ? nil : String(self)
    }
}

extension Unicode.Scalar {
    /// Printable ASCII and CJK ideographs: never whitespace, never a mark or joiner that extends the
    /// grapheme cluster before it.
    fileprivate var neverExtendsACluster: Bool {
        switch value {
        case 0x21...0x7E, 0x3400...0x4DBF, 0x4E00...0x9FFF: true
        default: false
        }
    }
}
