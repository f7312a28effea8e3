import Templating

/// A view model: plain, pre-formatted values that become one template context.
/// Templates/README.md lists what each template receives.
protocol ViewModel: Sendable {
    var templateValue: TemplateValue { get }
}

extension Optional where Wrapped: ViewModel {
    /// An absent value is `false`, so `{{#key}}` stays closed and Mustache does not fall back to a
    /// same-named key of an enclosing context.
    var templateValue: TemplateValue { self?.templateValue ?? .absent }
}

extension Array where Element: ViewModel {
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

/// A page ready to render: where it goes, its template, and the view model that fills it.
public struct PageContext: Sendable {
    public var path: String
    public var template: String
    public var model: TemplateValue
}

// MARK: The layout

/// The variables every page gets from the layout: the site, this page, navigation, labels.
struct LayoutModel: ViewModel {
    var lang: String
    /// `site.*`, the same object on every page of a depth.
    var site: TemplateValue
    var page: PageHead
    var root: String
    var nav: [NavigationLink]
    var breadcrumbs: [Link]
    var jsonLD: String?
    /// `strings.*`, built once per site.
    var strings: TemplateValue
    /// The page kind's own variables, beside the layout's.
    var content: [(String, TemplateValue)] = []

    var templateValue: TemplateValue {
        var fields: [(String, TemplateValue)] = [
            ("lang", .text(lang)),
            ("site", site),
            ("page", page.templateValue),
            ("root", .text(root)),
            ("assets", .text(root + "assets/")),
            ("nav", nav.templateValue),
            ("breadcrumbs", breadcrumbs.templateValue),
            ("hasBreadcrumbs", .bool(!breadcrumbs.isEmpty)),
            ("jsonLD", jsonLD.map(TemplateValue.html) ?? .absent),
            ("strings", strings),
        ]
        fields += content
        return .object(TemplateObject(fields))
    }
}

/// `page.*`: what the layout's `<head>` says about the page.
struct PageHead: ViewModel {
    var title: String
    var fullTitle: String
    var description: String
    var canonical: String
    var kind: String
    var ogType: String
    var published: String?
    var isDraft = false
    /// What a page kind adds here: plain pages their summary and body (`{{#page}}…{{/page}}`).
    var extra: [(String, TemplateValue)] = []

    var templateValue: TemplateValue {
        let fields: [(String, TemplateValue)] = [
            ("title", .text(title)), ("fullTitle", .text(fullTitle)), ("description", .text(description)),
            ("canonical", .text(canonical)), ("kind", .text(kind)), ("ogType", .text(ogType)),
            ("published", TemplateValue(published)), ("draft", .bool(isDraft)),
        ] + extra
        return .object(TemplateObject(fields))
    }
}

/// A link in the site's navigation; `current` on the page itself, `section` anywhere under it.
struct NavigationLink: ViewModel {
    var title: String
    var href: String
    var current: Bool
    var section: Bool

    var templateValue: TemplateValue {
        ["title": .text(title), "href": .text(href), "current": .bool(current), "section": .bool(section)]
    }
}

/// A titled link: breadcrumbs, previous and next.
struct Link: ViewModel, Equatable {
    var title: String
    var href: String

    var templateValue: TemplateValue { ["title": .text(title), "href": .text(href)] }
}

// MARK: Lists of briefings

/// An article as lists show it (`partials/article-card`), and the head of its own page.
struct ArticleCard: ViewModel, Equatable {
    var title: String
    var href: String
    var date: String
    var dateISO: String
    var summary: String
    var readingTime: String
    var tags: [Tag]

    struct Tag: ViewModel, Equatable {
        var name: String
        var href: String
        var templateValue: TemplateValue { ["name": .text(name), "href": .text(href)] }
    }

    var fields: [(String, TemplateValue)] {
        [
            ("title", .text(title)), ("href", .text(href)), ("date", .text(date)), ("dateISO", .text(dateISO)),
            ("summary", .text(summary)), ("readingTime", .text(readingTime)), ("tags", tags.templateValue),
            ("hasTags", .bool(!tags.isEmpty)),
        ]
    }

    var templateValue: TemplateValue { .object(TemplateObject(fields)) }
}

/// Newer and older pages of a paginated list.
struct Pagination: ViewModel {
    var previous: String?
    var next: String?
    var label: String

    var templateValue: TemplateValue {
        ["previous": TemplateValue(previous), "next": TemplateValue(next), "label": .text(label)]
    }
}

/// A chart's figure, drawn already.
struct ChartFigure: ViewModel {
    var html: String
    var templateValue: TemplateValue { ["html": .html(html)] }
}

/// A source as fact tables and article heads cite it.
struct SourceModel: ViewModel {
    var name: String
    var url: String?
    var date: String?

    var templateValue: TemplateValue {
        ["name": .text(name), "url": TemplateValue(url), "date": TemplateValue(date)]
    }
}

// MARK: Tables

/// A table for `partials/table`: caption, column headers, rows of cells.
struct TableModel: ViewModel {
    struct Cell: ViewModel {
        var text: String
        var href: String?
        var numeric = false
        var note: String?

        var templateValue: TemplateValue {
            ["text": .text(text), "numeric": .bool(numeric), "href": TemplateValue(href), "note": TemplateValue(note)]
        }
    }

    struct Row {
        var id: String?
        /// Marks a disputed row, with what the reports say.
        var flag: String?
        /// The first is the row's header (`<th scope="row">`).
        var cells: [Cell]
    }

    var caption: String
    var headers: [(text: String, numeric: Bool)]
    var rows: [Row]

    var templateValue: TemplateValue {
        [
            "caption": .text(caption),
            "headers": .list(headers.map { ["text": .text($0.text), "numeric": .bool($0.numeric)] }),
            "rows": .list(rows.map { row in
                [
                    "first": row.cells.first?.templateValue ?? [:], "cells": Array(row.cells.dropFirst()).templateValue,
                    "id": TemplateValue(row.id), "flag": TemplateValue(row.flag),
                ]
            }),
        ]
    }
}
