import Foundation
import Money

/// Readings of money and number literals, kept for one load of a site: a site repeats a few thousand
/// literals (`20%`, `$5M`, `800k–1,100k CNY/year`) across tens of thousands of fields, and a reading
/// depends on nothing but the literal's text. Shared by the threads that load articles.
final class LiteralReadings: @unchecked Sendable {
    private var readings: [ExactText: Result<Quantity, LiteralError>] = [:]
    private let lock = NSLock()

    /// `Quantity(parsing:)` of `text`, read once per distinct text.
    func reading(of text: String) -> Result<Quantity, LiteralError> {
        let key = ExactText(text)
        if let known = lock.withLock({ readings[key] }) { return known }
        let reading = Result { () throws(LiteralError) -> Quantity in try Quantity(parsing: text) }
        lock.withLock { readings[key] = reading }
        return reading
    }
}

/// Text compared byte for byte. `String` equality treats canonically equivalent texts as equal, but
/// their readings differ (a reading keeps the literal as written).
private struct ExactText: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (a: ExactText, b: ExactText) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }
}
