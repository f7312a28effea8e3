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
    /// -1 when the cause is on the line before the one libyaml stopped on.
    var lineDelta = 0

    /// The trap behind `problem` on `line` at `column` (1-based, in Unicode scalars), with the line
    /// before it; `nil` when the error is not one an editor typically makes.
    init?(problem: String, line: String, column: Int, previousLine: String = "") {
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
        if problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'") {
            let list = problem.contains("']'")
            message = list
                ? "a [ … ] list must close on its line, with commas between items: check this line for a missing \"]\" or comma"
                : "fields inside { … } are separated by commas, and the braces close on the same line: check this line for a missing comma or \"}\""
            let (opening, closing): (Character, Character) = list ? ("[", "]") : ("{", "}")
            func isOpen(_ text: String) -> Bool { text.count { $0 == opening } > text.count { $0 == closing } }
            if !isOpen(line), isOpen(previousLine) {
                field = Entry(previousLine).map { $0.isTopLevel ? $0.key : "" } ?? ""
                lineDelta = -1
                self.column = (previousLine.firstIndex(of: opening).map { previousLine.distance(from: previousLine.startIndex, to: $0) } ?? 0) + 1
            } else {
                self.column = nil
            }
            return
        }
        if problem.contains("expected '-' indicator") || (problem == "did not find expected key" && entry?.value.first != "\"" && entry?.value.first != "'") {
            message = "this line is indented differently from the lines above it; the fields of one entry start in the same column"
            self.column = nil
            return
        }
        guard let entry else { return nil }
        if problem == "mapping values are not allowed in this context", column < entry.valueColumn {
            // The colon after this line's own key: the line above did not end where it seemed to.
            let previous = Entry(previousLine)
            let trimmed = previousLine.drop { $0 == " " }
            if trimmed.hasPrefix("-"), trimmed.dropFirst().first.map({ $0 != " " }) == true {
                message = "a list item needs a space after \"-\": write \"- \(trimmed.dropFirst())\""
                (field, lineDelta, self.column) = ("", -1, previousLine.count - trimmed.count + 1)
            } else if previous == nil, let colon = trimmed.firstIndex(of: ":"), trimmed[trimmed.index(after: colon)...].first.map({ $0 != " " }) == true {
                let key = trimmed[..<colon]
                message = "a field needs a space after its \":\": write \"\(key): \(trimmed[trimmed.index(after: colon)...])\""
                (field, lineDelta, self.column) = (previousLine.count == trimmed.count ? String(key) : "", -1, previousLine.count - trimmed.count + 1)
            } else {
                message = "\"\(entry.key):\" is indented more than the line above, so YAML reads it as part of that line's value; indent it like the other fields of its entry"
                self.column = entry.valueColumn - entry.key.count - 2
            }
            return
        }
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
