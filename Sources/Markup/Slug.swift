import Foundation

/// Lowercase ASCII slugs for URLs and anchors: `智谱` → `zhi-pu`, `MiniMax & Zhipu` → `minimax-zhipu`.
public enum Slug {
    /// The longest slug we produce; long titles are cut at a word boundary.
    public static let maximumLength = 80

    /// The slug of `text`, or an empty string when nothing ASCII is left of it.
    public static func make(from text: String) -> String {
        // Transliteration is only needed for letters and digits outside ASCII; other symbols
        // (dashes, quotes, ¥) only separate words, as any ASCII punctuation does.
        let needsTransliteration = !text.utf8.allSatisfy { $0 < 0x80 }
            && text.unicodeScalars.contains { !$0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }
        let latin = needsTransliteration ? transliterated(text) : text.lowercased()
        var slug = ""
        slug.reserveCapacity(latin.utf8.count)
        var pendingDash = false
        for byte in latin.utf8 {
            let isWordByte = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            if isWordByte {
                if pendingDash && !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                continue  // "Meta's" → "metas"
            } else {
                pendingDash = true
            }
        }
        return truncated(slug)
    }

    /// ICU transliteration builds its transliterator on every call, which costs more than the
    /// rest of a page; names repeat across a site, so results are kept.
    private static let transliterations = TransliterationCache()

    private static func transliterated(_ text: String) -> String {
        if let known = transliterations[text] { return known }
        let latin = text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII; Lower"), reverse: false) ?? text.lowercased()
        transliterations[text] = latin
        return latin
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
