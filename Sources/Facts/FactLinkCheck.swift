import Model
import Money

/// Compares what a `fact:` link's text says with the fact it links to.
public enum FactLinkCheck {
    /// A warning message when the link text states a number the fact does not hold; `nil` when it agrees
    /// or states no number.
    public static func disagreement(linkText: String, fact: Fact) -> String? {
        let values = fact.quotableValues
        // A bare number in prose ("the 2 July round") is only compared with facts that are bare numbers.
        let factHasPlainNumber = values.contains { $0.unit == .number }
        let stated = LiteralScanner.quantities(in: linkText).filter { $0.unit != .number || factHasPlainNumber }
        guard !stated.isEmpty else { return nil }
        for quantity in stated where !values.contains(where: { agrees(quantity, with: $0) }) {
            let expected = values.map(\.written).joined(separator: " or ")
            return "the link text says \"\(quantity.written)\" but fact \"\(fact.id)\" is \(expected)"
        }
        return nil
    }

    /// Same number (or range), and no contradicting unit or currency; prose may leave those out.
    static func agrees(_ stated: Quantity, with fact: Quantity) -> Bool {
        guard stated.low == fact.low, (stated.high ?? stated.low) == (fact.high ?? fact.low) else { return false }
        switch (stated.unit, fact.unit) {
        case (.number, _): return true
        case (.percent, .percent): return true
        case (.money(let a), .money(let b)): return a == b
        default: return false
        }
    }
}
