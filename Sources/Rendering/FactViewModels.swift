import Markup
import Model
import Money
import Templating

extension SiteRenderer {
    /// The rows of an article's facts table; see Templates/README.md.
    func factRows(_ facts: [Fact], article: Article) -> TemplateValue {
        let route = Route.article(article.slug)
        // The article's records carry each fact's company and conflict, in the order written.
        let records = site.database.records(ofArticle: article.slug)
        return .list(facts.enumerated().map { position, fact in
            let record = records.count == facts.count ? records[records.startIndex + position] : nil
            let entity = record.map(\.entity) ?? site.database.entity(of: fact)
            return [
                "id": .text(fact.id),
                "anchor": .text("fact-\(fact.id)"),
                "kind": .text(strings.kindName(fact.kind)),
                "label": .text(fact.label),
                "detail": TemplateValue(detail(of: fact)),
                "note": TemplateValue(fact.note),
                "written": .text(fact.written),
                "normalized": .text(normalized(fact)),
                "source": fact.source.map(sourceModel).templateValue,
                "entity": entity.map { Link(title: $0.name, href: route.link(to: .company($0.slug))) }.map { ["name": .text($0.title), "href": .text($0.href)] } ?? .absent,
                "conflict": TemplateValue(record?.conflictNote),
            ]
        })
    }

    /// Extra context under the label: the round's date and investors, the distribution's basis, a figure's base.
    private func detail(of fact: Fact) -> String? {
        switch fact.detail {
        case .funding(let round):
            let investors = round.investors.map { $0.isLead ? "\($0.name) (\(strings.lead))" : $0.name }
            let parts = [round.date.map(displayDate), investors.isEmpty ? nil : investors.joined(separator: ", ")]
            return parts.compactMap { $0 }.joined(separator: " · ").nilIfEmpty
        case .salary:
            return nil
        case .distribution(let distribution):
            return distribution.basis
        case .figure(let figure):
            let parts = [figure.of.map { "\(strings.of) \($0)" }, figure.date.map(displayDate)]
            return parts.compactMap { $0 }.joined(separator: " · ").nilIfEmpty
        }
    }

    /// The exact value in canonical form; pay also annualised when written per day or month.
    func normalized(_ fact: Fact) -> String {
        switch fact.detail {
        case .funding(let round):
            let valuation = round.valuation.map { "; \(strings.valuation) \($0.normalized)" } ?? ""
            return round.amount.normalized + valuation
        case .salary(let salary):
            guard salary.pay.period != .year, let annual = salary.pay.annualized(), let currency = salary.pay.currency else {
                return salary.pay.normalized
            }
            let range = annual.low == annual.high
                ? DecimalText.grouped(annual.low) : "\(DecimalText.grouped(annual.low))–\(DecimalText.grouped(annual.high))"
            return "\(salary.pay.normalized) ≈ \(range) \(currency.code)/year"
        case .distribution(let distribution):
            return distribution.buckets.map { "\($0.label): \(DecimalText.plain($0.share.low))%" }.joined(separator: "; ")
        case .figure(let figure):
            return [figure.value.normalized, figure.unit].compactMap { $0 }.joined(separator: " ")
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
