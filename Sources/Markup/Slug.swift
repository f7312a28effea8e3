import Foundation

/// Lowercase ASCII slugs for URLs and anchors: `智谱` → `zhi-pu`, `MiniMax & Zhipu` → `minimax-zhipu`.
public enum Slug {
    /// The longest slug we produce; long titles are cut at a word boundary.
    public static let maximumLength = 80

    /// The slug of `text`, or an empty string when nothing ASCII is left of it.
    public static func make(from text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return truncated(slug(fromLatin: text.utf8, lowercasing: true))
        }
        // Transliteration is only needed for letters and digits outside ASCII; other symbols
        // (dashes, quotes, ¥) only separate words, as any ASCII punctuation does.
        let needsTransliteration = text.unicodeScalars.contains {
            !$0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)
        }
        let latin = needsTransliteration ? transliterated(text) : text.lowercased()
        return truncated(slug(fromLatin: latin.utf8, lowercasing: false))
    }

    /// Lowercase ASCII letters and digits of `latin`, with one hyphen for each run of anything else.
    /// `lowercasing` lowers ASCII capitals first, as `lowercased()` does for ASCII text.
    private static func slug(fromLatin latin: String.UTF8View, lowercasing: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(latin.count)
        var pendingDash = false
        for var byte in latin {
            if lowercasing, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            let isWordByte = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            if isWordByte {
                if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(byte)
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                continue  // "Meta's" → "metas"
            } else {
                pendingDash = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ICU transliteration builds its transliterator on every call, which costs more than the
    /// rest of a page; names repeat across a site, so results are kept.
    private static let transliterations = TransliterationCache()

    private static func transliterated(_ text: String) -> String {
        transliteratedByWords(text) ?? transliteratedWhole(text)
    }

    private static func transliteratedWhole(_ text: String) -> String {
        if let known = transliterations[text] { return known }
        let latin = text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII; Lower"), reverse: false) ?? text.lowercased()
        transliterations[text] = latin
        return latin
    }

    /// The transliteration of text made only of printable ASCII and Han ideographs, one word at a time,
    /// or `nil` for other text. A word is a run of ASCII letters and digits and Han ideographs; the
    /// punctuation and spaces between words pass through ICU unchanged, and ICU reads a Han ideograph
    /// by itself and its neighbours (a space goes before it after a letter, none after a digit), so the
    /// words can be transliterated apart. Their Han parts, mostly company names, repeat across a site.
    private static func transliteratedByWords(_ text: String) -> String? {
        let scalars = text.unicodeScalars
        var latin = ""
        latin.reserveCapacity(text.utf8.count)
        var wordStart = scalars.startIndex
        var wordHasHan = false
        func endWord(at end: String.Index) {
            guard wordStart < end else { return }
            let word = text[wordStart..<end]
            latin += wordHasHan ? transliteratedWhole(String(word)) : word.lowercased()
        }
        for index in scalars.indices {
            let scalar = scalars[index]
            if isHanIdeograph(scalar) {
                wordHasHan = true
            } else if !(0x20...0x7E).contains(scalar.value) {
                return nil
            } else if !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                endWord(at: index)
                latin.unicodeScalars.append(scalar)
                wordStart = scalars.index(after: index)
                wordHasHan = false
            }
        }
        endWord(at: scalars.endIndex)
        return latin
    }

    /// CJK unified ideographs and extension A.
    private static func isHanIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// Whether `text` is already a valid slug: `[a-z0-9]+(-[a-z0-9]+)*`, at most `maximumLength` long.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maximumLength, text.first != "-", text.last != "-" else { return false }
        var previousDash = false
        for byte in text.utf8 {
            let isDash = byte == UInt8(ascii: "-")
            let isWordByte = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            guard isWordByte || (isDash && !previousDash) else { return false }
            previousDash = isDash
        }
        return true
    }

    private static func truncated(_ slug: String) -> String {
        guard slug.utf8.count > maximumLength else { return slug }
        let cut = String(slug.prefix(maximumLength))
        if let dash = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: dash) > maximumLength / 2 {
            return String(cut[..<dash])
        }
        return cut.hasSuffix("-") ? String(cut.dropLast()) : cut
    }
}

/// Hands out unique slugs within one scope (headings on one page): `intro`, `intro-1`, `intro-2`.
public struct SlugRegistry: Sendable {
    private var used: Set<String> = []

    public init(reserved: Set<String> = []) { used = reserved }

    public mutating func claim(_ base: String, fallback: String = "section") -> String {
        let root = base.isEmpty ? fallback : base
        var candidate = root
        var counter = 1
        while used.contains(candidate) {
            candidate = "\(root)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}

/// Transliterations already made; shared by the build's worker threads.
private final class TransliterationCache: @unchecked Sendable {
    private var values: [String: String] = [:]
    private let lock = NSLock()

    subscript(text: String) -> String? {
        get { lock.withLock { values[text] } }
        set { lock.withLock { values[text] = newValue } }
    }
}
