import Charts
import Facts
import Foundation
import Markup
import Model
import Money
import Templating

extension SiteRenderer {
    // MARK: Companies

    func companiesContext() -> PageContext {
        let route = Route.companies
        let info = PageInfo(route: route, title: strings.companies, description: strings.companiesIntro, kind: .companies, breadcrumbs: [(strings.latest, .home)])
        let items: [TemplateValue] = site.map.companies.map { entity in
            let records = site.index.byEntity[entity.slug] ?? []
            let articles = Set(records.map(\.article.slug)).count
            return [
                "title": .text(entity.name), "href": .text(route.link(to: .company(entity.slug))), "note": TemplateValue(entity.about),
                "count": .text(strings.factCount(records.count, articles: articles)),
            ]
        }
        return file(info, [("list", ["title": .text(strings.companies), "intro": .text(strings.companiesIntro), "items": .list(items), "hasItems": .bool(!items.isEmpty)])])
    }

    func companyContext(_ entity: Entity) -> PageContext {
        let route = Route.company(entity.slug)
        let records = site.index.byEntity[entity.slug] ?? []
        let info = PageInfo(
            route: route, title: entity.name, description: entity.about ?? strings.companyDescription(entity.name), kind: .company,
            breadcrumbs: [(strings.latest, .home), (strings.companies, .companies)])
        let table = TableModel(
            caption: strings.companyTableCaption(entity.name),
            headers: [(strings.fact, false), (strings.asWritten, false), (strings.exact, false), (strings.article, false)],
            rows: records.map { record in
                TableModel.Row(id: nil, flag: record.conflictNote, cells: [
                    .init(text: record.fact.label, note: strings.kindName(record.fact.kind)),
                    .init(text: record.fact.written),
                    .init(text: normalized(record.fact)),
                    .init(text: record.article.title, href: route.link(to: .article(record.article.slug), fragment: "fact-\(record.fact.id)")),
                ])
            })
        let charts = [chart(.funding, facts: records.map(\.fact), title: strings.companyFundingTitle(entity.name))].compactMap { $0 }.map(ChartFigure.init)
        let articleIndices = Set(records.compactMap { site.articlePositions[$0.article.slug] }).sorted()
        return file(info, [("entity", [
            "name": .text(entity.name), "about": TemplateValue(entity.about), "url": TemplateValue(entity.url),
            "aliases": TemplateValue(entity.aliases.isEmpty ? nil : entity.aliases.joined(separator: ", ")),
            "charts": charts.templateValue, "hasCharts": .bool(!charts.isEmpty),
            "table": table.templateValue, "hasConflicts": .bool(records.contains { $0.conflictNote != nil }),
            "articles": articleIndices.map { summary(of: site.articles[$0], from: route) }.templateValue,
        ])])
    }

    // MARK: Funding and salaries

    func fundingContext(page: Int) -> PageContext {
        factTableContext(
            section: .funding, name: strings.funding, intro: strings.fundingIntro, kind: .funding,
            records: site.index.fundingByDate, page: page, chart: (.funding, strings.fundingChartTitle), footnote: conversionNote
        ) { records, route in
            TableModel(
                caption: strings.fundingTableCaption,
                headers: [(strings.company, false), (strings.round, false), (strings.date, false), (strings.amount, true), (strings.valuationHeader, true), (strings.article, false)],
                rows: records.compactMap { record -> TableModel.Row? in
                    guard case .funding(let round) = record.fact.detail else { return nil }
                    return TableModel.Row(id: nil, flag: record.conflictNote, cells: [
                        .init(text: record.entity?.name ?? round.company, href: record.entity.map { route.link(to: .company($0.slug)) }),
                        .init(text: round.round),
                        .init(text: round.date.map(displayDate) ?? "—"),
                        .init(text: round.amount.written, numeric: true, note: converted(round.amount)),
                        .init(text: round.valuation?.written ?? "—", numeric: true, note: round.valuation.flatMap { converted($0) }),
                        .init(text: record.article.title, href: route.link(to: .article(record.article.slug), fragment: "fact-\(record.fact.id)")),
                    ])
                })
        }
    }

    func salariesContext(page: Int) -> PageContext {
        factTableContext(
            section: .salaries, name: strings.salaries, intro: strings.salariesIntro, kind: .salaries,
            records: site.index.salaries, page: page, chart: (.salaries, strings.salaryChartTitle),
            footnote: AnnualizationConvention.standard.summary + (conversionNote.map { " " + $0 } ?? "")
        ) { records, route in
            TableModel(
                caption: strings.salariesTableCaption,
                headers: [(strings.role, false), (strings.employer, false), (strings.asWritten, true), (strings.annualised, true), (strings.article, false)],
                rows: records.compactMap { record -> TableModel.Row? in
                    guard case .salary(let salary) = record.fact.detail else { return nil }
                    return TableModel.Row(id: nil, flag: nil, cells: [
                        .init(text: salary.role),
                        .init(text: record.entity?.name ?? salary.employer ?? "—", href: record.entity.map { route.link(to: .company($0.slug)) }),
                        .init(text: salary.pay.written, numeric: true),
                        .init(text: annualised(salary.pay), numeric: true, note: converted(salary.pay, annual: true)),
                        .init(text: record.article.title, href: route.link(to: .article(record.article.slug), fragment: "fact-\(record.fact.id)")),
                    ])
                })
        }
    }

    /// One page of a site-wide fact table (`funding/`, `salaries/page/2/`), with the section's chart on page 1.
    private func factTableContext(
        section: Route, name: String, intro: String, kind: PageKind, records all: [FactRecord], page: Int,
        chart subject: (ChartRequest.Subject, String), footnote: String?, table: ([FactRecord], Route) -> TableModel
    ) -> PageContext {
        let route = section.page(page)
        let records = Array(all.dropFirst((page - 1) * SiteMap.tablePageSize).prefix(SiteMap.tablePageSize))
        let title = page == 1 ? name : "\(name) · \(strings.pageOf(page, nil))"
        let info = PageInfo(
            route: route, title: title, description: intro, kind: kind,
            breadcrumbs: [(strings.latest, .home)] + (page > 1 ? [(name, section)] : []))
        let charts = page == 1 ? [chart(subject.0, facts: all.map(\.fact), title: subject.1)].compactMap { $0 }.map(ChartFigure.init) : []
        return file(info, [("list", [
            "title": .text(title), "intro": .text(intro), "charts": charts.templateValue, "hasCharts": .bool(!charts.isEmpty),
            "table": records.isEmpty ? .absent : table(records, route).templateValue, "footnote": TemplateValue(footnote),
            "pagination": pagination(of: section, page: page, count: all.count, from: route, size: SiteMap.tablePageSize).templateValue,
        ])])
    }

    // MARK: Tags

    func tagsContext() -> PageContext {
        let route = Route.tags
        let info = PageInfo(route: route, title: strings.tags, description: strings.tagsIntro, kind: .tags, breadcrumbs: [(strings.latest, .home)])
        let items: [TemplateValue] = site.map.tags.map { tag in
            ["title": .text(tag.name), "href": .text(route.link(to: .tag(tag.slug))), "count": .text(strings.articleCount(tag.articles.count))]
        }
        return file(info, [("list", ["title": .text(strings.tags), "intro": .text(strings.tagsIntro), "items": .list(items), "hasItems": .bool(!items.isEmpty)])])
    }

    func tagContext(_ tag: TagIndex, page: Int) -> PageContext {
        let route = Route.tag(tag.slug).page(page)
        let title = page == 1 ? tag.name : "\(tag.name) · \(strings.pageOf(page, nil))"
        let info = PageInfo(
            route: route, title: title, description: strings.tagDescription(tag.name), kind: .tag,
            breadcrumbs: [(strings.latest, .home), (strings.tags, .tags)] + (page > 1 ? [(tag.name, .tag(tag.slug))] : []))
        let slice = tag.articles.dropFirst((page - 1) * SiteMap.pageSize).prefix(SiteMap.pageSize)
        return file(info, [("list", [
            "title": .text(title), "intro": .text(strings.articleCount(tag.articles.count)),
            "articles": slice.map { summary(of: site.articles[$0], from: route) }.templateValue,
            "pagination": pagination(of: .tag(tag.slug), page: page, count: tag.articles.count, from: route).templateValue,
        ])])
    }

    // MARK: Values

    /// `≈ $83.6M` in the display currency, when the amount is in another currency and a rate is known.
    func converted(_ quantity: Quantity, annual: Bool = false) -> String? {
        guard let code = quantity.currency?.code, code != config.currency.display, let rate = config.currency.rates[code] else { return nil }
        let values = annual ? quantity.annualized() : (quantity.low, quantity.high ?? quantity.low)
        guard let (low, high) = values else { return nil }
        let text = low == high
            ? compact.format(low * rate, currency: config.currency.display)
            : compact.formatRange(low * rate, high * rate, currency: config.currency.display)
        return "≈ \(text)\(annual ? strings.perYear : "")"
    }

    private func annualised(_ pay: Quantity) -> String {
        guard let annual = pay.annualized(), let code = pay.currency?.code else { return pay.normalized }
        let text = annual.low == annual.high ? compact.format(annual.low, currency: code) : compact.formatRange(annual.low, annual.high, currency: code)
        return text + strings.perYear
    }

    var compact: CompactFormat { CompactFormat(language: config.language == .zh ? .zh : .en) }

    var conversionNote: String? {
        let pairs = config.currency.rates.keys.sorted().compactMap { code in
            config.currency.rates[code].map { "1 \(code) = \(DecimalText.plain($0)) \(config.currency.display)" }
        }
        guard !pairs.isEmpty else { return nil }
        let date = config.currency.asOf.map { " (\(displayDate($0)))" } ?? ""
        return strings.conversionNote(pairs.joined(separator: ", "), date: date, display: config.currency.display)
    }
}
