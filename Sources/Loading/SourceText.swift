import Diagnostics
import Foundation

/// The text of one content file, normalised: no BOM, `\n` line endings.
public struct SourceText: Sendable, Equatable {
    /// Path relative to the site root, as diagnostics print it.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Decodes file bytes; rejects binary and non-UTF-8 files with a located error.
    public init(path: String, bytes: [UInt8]) throws(Diagnostic) {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let (nul, hasCarriageReturn) = Self.scanForNULAndCarriageReturn(bytes)
        if let nul {
            throw .error(at: Self.location(ofByte: nul, in: bytes, path: path), "this looks like a binary file, not Markdown text")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = Self.firstInvalidUTF8Byte(in: bytes) ?? bytes.startIndex
            throw .error(at: Self.location(ofByte: bad, in: bytes, path: path), "the file is not valid UTF-8 text; save it as UTF-8")
        }
        self.init(path: path, text: hasCarriageReturn ? Self.normalizingLineEndings(text) : text)
    }

    /// The index of the first NUL byte, and whether there is a carriage return.
    private static func scanForNULAndCarriageReturn(_ bytes: ArraySlice<UInt8>) -> (nul: Int?, hasCarriageReturn: Bool) {
        bytes.withUnsafeBufferPointer { buffer in
            let nul = buffer.firstIndex(ofByte: 0).map { bytes.startIndex + $0 }
            return (nul, buffer.firstIndex(ofByte: UInt8(ascii: "\r")) != nil)
        }
    }

    /// `\r\n` and lone `\r` become `\n`.
    static func normalizingLineEndings(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The text of 1-based `line`, for caret displays.
    public func line(_ number: Int) -> String {
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(line) }
            current += 1
        }
        return ""
    }

    private static func location(ofByte index: ArraySlice<UInt8>.Index, in bytes: ArraySlice<UInt8>, path: String) -> SourceLocation {
        let before = bytes[bytes.startIndex..<index]
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.startIndex
        let column = bytes[lineStart..<index].count { $0 & 0xC0 != 0x80 } + 1
        return SourceLocation(path: path, line: line, column: column)
    }

    private static func firstInvalidUTF8Byte(in bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>.Index? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            let end = index + length
            guard end <= bytes.endIndex,
                String(validating: bytes[index..<end], as: UTF8.self) != nil
            else { return index }
            index = end
        }
        return nil
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The index of the first `byte` at or after `start`, found with `memchr`.
    func firstIndex(ofByte byte: UInt8, from start: Int = 0) -> Int? {
        guard let base = baseAddress, start < count, let found = memchr(base + start, Int32(byte), count - start) else {
            return nil
        }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }
}
