/// A value a template can show. Everything is pre-formatted text; there are no numbers.
public enum TemplateValue: Sendable, Equatable {
    /// Text: `{{x}}` escapes it, `{{{x}}}` and `{{&x}}` write it as is. Truthy in sections, even when empty.
    case text(String)
    /// Trusted markup, written as is by `{{x}}`, `{{{x}}}` and `{{&x}}`. Truthy.
    case html(String)
    /// A flag: `false` skips a section and shows an inverted one; shows as `""` or `"true"`.
    case bool(Bool)
    /// Repeats a section once per element, with the element as the context; empty is falsey.
    case list([TemplateValue])
    /// Renders a section once with the object as the context.
    case object(TemplateObject)

    /// No value: falsey, and shows as nothing.
    public static let absent: TemplateValue = .bool(false)

    /// `.text(text)`, or `.absent` when `text` is nil.
    public init(_ text: String?) {
        self = text.map(TemplateValue.text) ?? .absent
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    /// `.text` of the literal.
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// `.bool` of the literal.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// `.list` of the elements.
    public init(arrayLiteral elements: TemplateValue...) {
        self = .list(elements)
    }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// `.object` of the pairs, in the order written.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}

/// Keys in the order given, looked up by key; meant for small objects (usually fewer than 20 keys).
///
/// Two objects are equal when they hold the same keys in the same order with equal values.
public struct TemplateObject: Sendable, Equatable {
    /// One key and its value; `hash` lets a lookup skip most keys without comparing strings.
    struct Entry: Sendable, Equatable {
        let key: String
        let hash: UInt64
        var value: TemplateValue
    }

    private(set) var entries: [Entry]

    /// An object of `pairs` in their order; a later duplicate key replaces the earlier value in place.
    public init(_ pairs: [(String, TemplateValue)]) {
        entries = []
        entries.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            self[key] = value
        }
    }

    /// The keys, in the order first given.
    public var keys: [String] { entries.map(\.key) }

    /// The number of keys.
    public var count: Int { entries.count }

    /// The value of `key`; setting `nil` removes the key, setting a new key appends it.
    public subscript(key: String) -> TemplateValue? {
        get { value(for: key, hash: KeyHash.of(key)) }
        set {
            let hash = KeyHash.of(key)
            let index = entries.firstIndex { $0.hash == hash && $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(Entry(key: key, hash: hash, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The value of a key whose `KeyHash` is already known. Compares hashes first, and reads the
    /// entries in place so that scanning past other keys copies nothing.
    @inline(__always)
    func value(for key: String, hash: UInt64) -> TemplateValue? {
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices where entries[index].hash == hash && entries[index].key == key {
                return entries[index].value
            }
            return nil
        }
    }
}

extension TemplateObject: ExpressibleByDictionaryLiteral {
    /// An object of the pairs, in the order written.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }
}

/// A cheap, stable hash of a key's UTF-8 bytes (64-bit FNV-1a), computed once per key of an
/// object and once per name in a template, so that lookups compare integers first.
enum KeyHash {
    static func of(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
