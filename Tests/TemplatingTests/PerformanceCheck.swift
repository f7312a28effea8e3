import Foundation
import Templating
import Testing

/// A speed check to run by hand, not a timed test: it prints microseconds per page and asserts
/// only the output. Run it with
/// `TEMPLATING_PERF=1 swift test -c release --filter PerformanceCheck`.
@Suite("Performance check")
struct PerformanceCheck {
    static let isRequested = ProcessInfo.processInfo.environment["TEMPLATING_PERF"] != nil

    @Test(.enabled(if: isRequested, "set TEMPLATING_PERF=1 (and build with -c release) to measure"))
    func pageRenders() {
        let (library, errors) = TemplateLibrary.compile(PageFixture.sources)
        #expect(errors.isEmpty)
        let model = PageFixture.model(cards: 20)
        var output: [UInt8] = []
        library.render("index", model, into: &output)
        let pageSize = output.count
        #expect(pageSize > 8_000)

        let renders = 10_000
        var bytes = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<renders {
                output.removeAll(keepingCapacity: true)
                library.render("index", model, into: &output)
                bytes &+= output.count
            }
        }
        let microseconds = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
        print("Templating: \(renders) renders of a \(pageSize)-byte page: \((microseconds / Double(renders)).formatted(.number.precision(.fractionLength(2)))) µs per render")
        #expect(bytes == renders * pageSize)
    }
}

/// A page-sized theme: a layout of about forty tags, a page that fills its block, and a card
/// partial repeated over a list of objects of eight keys.
enum PageFixture {
    static let sources = [
        TemplateSource(name: "layout", path: "Templates/layout.mustache", text: layout),
        TemplateSource(name: "index", path: "Templates/index.mustache", text: index),
        TemplateSource(name: "partials/card", path: "Templates/partials/card.mustache", text: card),
    ]

    static let layout = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <title>{{page.fullTitle}}</title>
        {{#page.description}}<meta name="description" content="{{page.description}}">
        {{/page.description}}
        <link rel="canonical" href="{{page.canonical}}">
        <link rel="alternate" type="application/atom+xml" title="{{site.title}}" href="{{site.feed}}">
        <meta property="og:title" content="{{page.title}}">
        <meta property="og:url" content="{{page.canonical}}">
        <meta property="og:site_name" content="{{site.title}}">
        <link rel="stylesheet" href="{{assets}}style.css">
        {{#jsonLD}}<script type="application/ld+json">{{{jsonLD}}}</script>
        {{/jsonLD}}
        </head>
        <body class="kind-{{page.kind}}">
        <a class="skip" href="#main">{{strings.skip}}</a>
        <header class="site-header" id="site-header">
        <a class="site-title" href="{{site.home}}">{{site.title}}</a>
        <nav aria-label="{{strings.navigation}}">
        <ul>
        {{#nav}}
        <li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a></li>
        {{/nav}}
        </ul>
        </nav>
        </header>
        <main id="main" class="wrap">
        {{$main}}{{/main}}
        </main>
        <footer class="site-footer" id="site-footer">
        <p>{{site.title}}{{#site.description}} — {{site.description}}{{/site.description}}</p>
        <p><a href="{{site.feed}}">{{strings.feed}}</a> · <a href="{{root}}facts.json">facts.json</a></p>
        </footer>
        </body>
        </html>

        """

    static let index = """
        {{<layout}}
        {{$main}}
        <h1>{{page.title}}</h1>
        <section class="latest">
        {{#articles}}
        {{>partials/card}}
        {{/articles}}
        {{^articles}}<p>{{strings.noArticles}}</p>{{/articles}}
        </section>
        {{/main}}
        {{/layout}}

        """

    static let card = """
        <article class="card">
        <h2><a href="{{href}}">{{title}}</a></h2>
        <p class="meta"><time datetime="{{dateISO}}">{{date}}</time> · {{readingTime}}</p>
        {{#summary}}<p class="summary">{{summary}}</p>{{/summary}}
        {{#hasTags}}<ul class="tags">{{#tags}}<li><a href="{{href}}">{{name}}</a></li>{{/tags}}</ul>{{/hasTags}}
        </article>

        """

    static func model(cards: Int) -> TemplateValue {
        let articles: [TemplateValue] = (0..<cards).map { number in
            [
                "title": .text("Funding round number \(number) closes at €\(number * 3) million & more"),
                "href": .text("articles/2025-07-\(number)/funding-round-\(number)/"),
                "date": "22 July 2025",
                "dateISO": "2025-07-22",
                "readingTime": "3 min read",
                "summary": .text("A \"summary\" of article \(number), with <em>markup-looking</em> text that must be escaped."),
                "hasTags": true,
                "tags": [["name": "funding", "href": "tags/funding/"], ["name": "europe", "href": "tags/europe/"]],
            ]
        }
        return [
            "lang": "en",
            "root": "../",
            "assets": "../assets/",
            "jsonLD": .html(#"{"@context":"https://schema.org","@type":"Dataset","name":"Briefing"}"#),
            "site": ["title": "The Briefing", "description": "Money & people", "home": "../", "feed": "../feed.xml"],
            "page": [
                "title": "Latest", "fullTitle": "Latest · The Briefing", "canonical": "https://example.org/",
                "kind": "home", "description": "What happened this week",
            ],
            "strings": ["skip": "Skip to content", "navigation": "Sections", "feed": "Feed", "noArticles": "Nothing yet"],
            "nav": [
                ["title": "Home", "href": "../", "current": true],
                ["title": "Companies", "href": "../companies/", "current": false],
                ["title": "Funding", "href": "../funding/", "current": false],
            ],
            "articles": .list(articles),
        ]
    }
}
