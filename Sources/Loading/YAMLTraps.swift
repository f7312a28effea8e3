/// A YAML error an editor meets by writing a value the way prose is written, reworded to say what to do.
///
/// libyaml reports where it stopped, in its own terms ("mapping values are not allowed in this
/// context"); the line it stopped on usually shows the cause: a `: ` inside a title, a tab used to
/// indent, a value that starts with a character YAML reserves.
struct YAMLTrap {
    /// The field, when the line is a top-level `key: value`.
    var field: String
    var message: String
    /// Where to point instead of libyaml's mark, as a 1-based column.
    var column: Int?

    /// The trap behind `problem` on `line` at `column` (1-based, in Unicode scalars); `nil` when the
    /// error is not one an editor typically makes.
    init?(problem: String, line: String, column: Int) {
        let scalars = Array(line.unicodeScalars)
        let index = column - 1
        let found = scalars.indices.contains(index) ? scalars[index] : nil
        let entry = Entry(line)
        field = entry.map { $0.isTopLevel ? $0.key : "" } ?? ""
        if problem.contains("tab character") || found == "\t" || (problem.contains("cannot start any token") && line.unicodeScalars.first == "\t") {
            message = "this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces"
            self.column = (scalars.firstIndex { $0 != " " } ?? 0) + 1
            return
        }
        guard let entry else { return nil }
        if problem == "mapping values are not allowed in this context", !entry.value.hasPrefix("{"), !entry.value.hasPrefix("[") {
            message = "a \": \" inside a value starts a new field in YAML; put the whole value in quotes: \(entry.key): \(entry.quotedValue)"
            self.column = nil
            return
        }
        if problem == "did not find expected key", let quote = entry.value.first, quote == "\"" || quote == "'" {
            message = "the value starts with a quote, so YAML ends it at the next \(quote); put the whole value in quotes: \(entry.key): \(entry.quotedValue)"
            self.column = entry.valueColumn
            return
        }
        let reserved: Set<Unicode.Scalar> = ["@", "`", "*", "&", "!", "%", "|", ">"]
        if let first = entry.value.unicodeScalars.first, reserved.contains(first),
            problem.contains("cannot start any token") || problem.contains("alphabetic or numeric character")
                || problem.contains("did not find expected")
        {
            message = "a value cannot start with \"\(first)\" in YAML; put it in quotes: \(entry.key): \(entry.quotedValue)"
            self.column = entry.valueColumn
            return
        }
        return nil
    }

    /// A `key: value` line, possibly a list item (`- key: value`), read without YAML.
    struct Entry {
        var key: String
        /// The rest of the line after `key: `, without a trailing comment.
        var value: String
        /// 1-based column of the value's first character.
        var valueColumn: Int
        var isTopLevel: Bool

        init?(_ line: String) {
            var rest = Substring(line)
            let indent = rest.prefix { $0 == " " }.count
            rest = rest.dropFirst(indent)
            var column = indent + 1
            if rest.hasPrefix("- ") {
                let dash = 2 + rest.dropFirst(2).prefix { $0 == " " }.count
                rest = rest.dropFirst(dash)
                column += dash
            }
            guard let colon = rest.range(of: ": ") else { return nil }
            let key = rest[..<colon.lowerBound]
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
            var value = rest[colon.upperBound...]
            let spaces = value.prefix { $0 == " " }.count
            value = value.dropFirst(spaces)
            if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
            while value.last == " " { value = value.dropLast() }
            self.key = String(key)
            self.value = String(value)
            self.valueColumn = column + rest.distance(from: rest.startIndex, to: colon.upperBound) + spaces
            self.isTopLevel = indent == 0 && column == 1
        }

        /// The value in single quotes when it holds double quotes only, otherwise in double quotes with
        /// `\` and `"` escaped.
        var quotedValue: String {
            if value.contains("\""), !value.contains("'") { return "'" + value + "'" }
            return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
    }
}
