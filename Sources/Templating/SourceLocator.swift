/// Turns byte offsets of a template into lines and columns.
struct SourceLocator {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// A `TemplateError` for the byte at `offset`, with its 1-based line and column (in characters).
    func error(_ message: String, at offset: Int, path: String) -> TemplateError {
        let offset = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == .lineFeed {
            line += 1
            lineStart = index + 1
        }
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != .lineFeed {
            lineEnd += 1
        }
        if lineEnd > lineStart, bytes[lineEnd - 1] == .carriageReturn {
            lineEnd -= 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        let sourceLine = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        return TemplateError(path: path, line: line, column: column, message: message, sourceLine: sourceLine)
    }
}
