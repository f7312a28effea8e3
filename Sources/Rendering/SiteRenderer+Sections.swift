import Charts
import Facts
import Foundation
import Markup
import Model
import Money

/// A table for `list.mustache` and `entity.mustache`: caption, column headers, rows of cells.
struct TableModel {
    struct Cell {
        var text: String
        var href: String?
        var numeric = false
        var note: String?
    }

    var caption: String
    var headers: [(text: String, numeric: Bool)]
    var rows: [(id: String?, flag: String?, cells: [Cell])]

    /// The first cell of a row is its header (`<th scope="row">`); a flag marks a disputed row.
    var context: [String: Any] {
        [
            "caption": caption,
            "headers": headers.map { ["text": $0.text, "numeric": $0.numeric] },
            "rows": rows.map { row in
                [
                    "first": row.cells.first.map(Self.cell) ?? [:], "cells": row.cells.dropFirst().map(Self.cell),
                    "id": row.id ?? false, "flag": row.flag ?? false,
                ] as [String: Any]
            },
        ]
    }

    private static func cell(_ cell: Cell) -> [String: Any] {
        ["text": cell.text, "numeric": cell.numeric, "href": cell.href ?? false, "note": cell.note ?? false]
    }
}

extension SiteRenderer {
    // MARK: Companies

    func renderCompanies() -> OutputFile {
        let route = Route.companies
        let info = PageInfo(route: route, title: strings.companies, description: strings.companiesIntro, kind: "companies", breadcrumbs: [(strings.latest, .home)])
        let items: [[String: Any]] = site.map.companies.map { entity in
            let records = site.index.byEntity[entity.slug] ?? []
            let articles = Set(records.map(\.article.slug)).count
            return viewModel(["title": entity.name, "href": route.link(to: .company(entity.slug)), "note": entity.about, "count": strings.factCount(records.count, articles: articles)])
        }
        return file(info, template: "list", ["list": viewModel(["title": strings.companies, "intro": strings.companiesIntro, "items": items, "hasItems": !items.isEmpty])])
    }

    func renderCompany(_ entity: Entity) -> OutputFile {
        let route = Route.company(entity.slug)
        let records = site.index.byEntity[entity.slug] ?? []
        let info = PageInfo(
            route: route, title: entity.name, description: entity.about ?? strings.companyDescription(entity.name), kind: "entity",
            breadcrumbs: [(strings.latest, .home), (strings.companies, .companies)])
        let conflicts = site.database.conflictNotes
        let table = TableModel(
            caption: strings.companyTableCaption(entity.name),
            headers: [(strings.fact, false), (strings.asWritten, false), (strings.exact, false), (strings.article, false)],
            rows: records.map { record -> (id: String?, flag: String?, cells: [TableModel.Cell]) in
                let key = FactDatabase.key(record)
                return (nil, conflicts[key], [
                    .init(text: record.fact.label, note: strings.kindName(record.fact.kind)),
                    .init(text: record.fact.written),
                    .init(text: normalized(record.fact)),
                    .init(text: record.article.title, href: route.link(to: .article(record.article.slug), fragment: "fact-\(record.fact.id)")),
                ])
            })
        let charts = [chart(.funding, facts: records.map(\.fact), title: strings.companyFundingTitle(entity.name))].compactMap { $0 }
        let articleIndices = Set(records.compactMap { site.index.articlePositions[$0.article.slug] }).sorted()
        return file(info, template: "entity", ["entity": viewModel([
            "name": entity.name, "about": entity.about, "url": entity.url,
            "aliases": entity.aliases.isEmpty ? nil : entity.aliases.joined(separator: ", "),
            "charts": charts.map { ["html": $0] }, "hasCharts": !charts.isEmpty,
            "table": table.context, "hasConflicts": records.contains { conflicts[FactDatabase.key($0)] != nil },
            "articles": articleIndices.map { summary(of: site.articles[$0], from: route) },
        ])])
    }

    // MARK: Funding and salaries

    func renderFunding(page: Int) -> OutputFile {
        let conflicts = site.database.conflictNotes
        return renderFactTable(
            section: .funding, name: strings.funding, intro: strings.fundingIntro, kind: "funding",
            records: site.index.fundingByDate, page: page, chart: (.funding, strings.fundingChartTitle), footnote: conversionNote
        ) { records, route in
            TableModel(
                caption: strings.fundingTableCaption,
                headers: [(strings.company, false), (strings.round, false), (strings.date, false), (strings.amount, true), (strings.valuationHeader, true), (strings.article, false)],
                rows: records.compactMap { record -> (id: String?, flag: String?, cells: [TableModel.Cell])? in
                    guard case .funding(let round) = record.fact.detail else { return nil }
                    return (nil, conflicts[FactDatabase.key(record)], [
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

    func renderSalaries(page: Int) -> OutputFile {
        renderFactTable(
            section: .salaries, name: strings.salaries, intro: strings.salariesIntro, kind: "salaries",
            records: site.index.salaries, page: page, chart: (.salaries, strings.salaryChartTitle),
            footnote: AnnualizationConvention.standard.summary + (conversionNote.map { " " + $0 } ?? "")
        ) { records, route in
            TableModel(
                caption: strings.salariesTableCaption,
                headers: [(strings.role, false), (strings.employer, false), (strings.asWritten, true), (strings.annualised, true), (strings.article, false)],
                rows: records.compactMap { record -> (id: String?, flag: String?, cells: [TableModel.Cell])? in
                    guard case .salary(let salary) = record.fact.detail else { return nil }
                    return (nil, nil, [
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
    private func renderFactTable(
        section: Route, name: String, intro: String, kind: String, records all: [FactRecord], page: Int,
        chart subject: (ChartRequest.Subject, String), footnote: String?, table: ([FactRecord], Route) -> TableModel
    ) -> OutputFile {
        let route = section.page(page)
        let records = Array(all.dropFirst((page - 1) * SiteMap.tablePageSize).prefix(SiteMap.tablePageSize))
        let title = page == 1 ? name : "\(name) · \(strings.pageOf(page, nil))"
        let info = PageInfo(
            route: route, title: title, description: intro, kind: kind,
            breadcrumbs: [(strings.latest, .home)] + (page > 1 ? [(name, section)] : []))
        let charts = page == 1 ? [chart(subject.0, facts: all.map(\.fact), title: subject.1)].compactMap { $0 } : []
        return file(info, template: "list", ["list": viewModel([
            "title": title, "intro": intro, "charts": charts.map { ["html": $0] }, "hasCharts": !charts.isEmpty,
            "table": records.isEmpty ? nil : table(records, route).context, "footnote": footnote,
            "pagination": pagination(of: section, page: page, count: all.count, from: route, size: SiteMap.tablePageSize),
        ])])
    }

    // MARK: Tags

    func renderTags() -> OutputFile {
        let route = Route.tags
        let info = PageInfo(route: route, title: strings.tags, description: strings.tagsIntro, kind: "tags", breadcrumbs: [(strings.latest, .home)])
        let items: [[String: Any]] = site.map.tags.map { tag in
            ["title": tag.name, "href": route.link(to: .tag(tag.slug)), "count": strings.articleCount(tag.articles.count)]
        }
        return file(info, template: "list", ["list": viewModel(["title": strings.tags, "intro": strings.tagsIntro, "items": items, "hasItems": !items.isEmpty])])
    }

    func renderTag(_ tag: TagIndex, page: Int) -> OutputFile {
        let route = Route.tag(tag.slug).page(page)
        let title = page == 1 ? tag.name : "\(tag.name) · \(strings.pageOf(page, nil))"
        let info = PageInfo(
            route: route, title: title, description: strings.tagDescription(tag.name), kind: "tag",
            breadcrumbs: [(strings.latest, .home), (strings.tags, .tags)] + (page > 1 ? [(tag.name, .tag(tag.slug))] : []))
        let slice = tag.articles.dropFirst((page - 1) * SiteMap.pageSize).prefix(SiteMap.pageSize)
        return file(info, template: "list", ["list": viewModel([
            "title": title, "intro": strings.articleCount(tag.articles.count),
            "articles": slice.map { summary(of: site.articles[$0], from: route) },
            "pagination": pagination(of: .tag(tag.slug), page: page, count: tag.articles.count, from: route),
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
