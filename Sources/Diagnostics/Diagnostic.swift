/// A place in a source file: a path relative to the site, and 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    /// The same file, `lines` lines further down (used to add a front-matter offset).
    public func shifted(lines: Int, columns: Int = 0) -> SourceLocation {
        SourceLocation(path: path, line: line + lines, column: column + columns)
    }

    /// The same line, at `column`.
    public func withColumn(_ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// How serious a problem is: errors fail the build, warnings only with `--strict`.
public enum Severity: String, Sendable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem in content or templates that an editor can act on.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    public var location: SourceLocation
    public var severity: Severity
    /// The field path inside the file, such as `funding[0].amount`; empty when none applies.
    public var field: String
    public var message: String
    /// The offending source line, for the caret display; empty when unknown.
    public var sourceLine: String

    public init(
        _ severity: Severity, at location: SourceLocation, field: String = "", _ message: String, sourceLine: String = ""
    ) {
        self.severity = severity
        self.location = location
        self.field = field
        self.message = message
        self.sourceLine = sourceLine
    }

    public static func error(at location: SourceLocation, field: String = "", _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, field: field, message)
    }

    public static func warning(at location: SourceLocation, field: String = "", _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, field: field, message)
    }

    /// `path:line:col: error: field: message`
    public var description: String {
        let prefix = "\(location.path):\(location.line):\(location.column): \(severity.rawValue): "
        return field.isEmpty ? prefix + message : prefix + field + ": " + message
    }

    /// The one-line description followed by the source line and a caret under the column.
    public var rendered: String {
        guard !sourceLine.isEmpty else { return description }
        var line = sourceLine.replacingTabs()
        var caretColumn = min(location.column - 1, line.count)
        // Very long lines are shown as a window around the column.
        if line.count > 120 {
            let start = max(0, caretColumn - 40)
            let window = line.dropFirst(start).prefix(100)
            line = (start > 0 ? "…" : "") + window + (start + 100 < line.count ? "…" : "")
            caretColumn = caretColumn - start + (start > 0 ? 1 : 0)
        }
        let padding = String(line.prefix(caretColumn).map { $0.isWide ? "  " : " " }.joined())
        return description + "\n    " + line + "\n    " + padding + "^"
    }
}

extension Diagnostic: Comparable {
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity < b.severity }
        return (a.field, a.message) < (b.field, b.message)
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}

extension Character {
    /// East Asian wide characters take two terminal cells.
    fileprivate var isWide: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
