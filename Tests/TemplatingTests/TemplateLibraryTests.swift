import Templating
import Testing

/// What a theme's templates pull in, write themselves and look up.
@Suite("Template library")
struct TemplateLibraryTests {
    static let theme = [
        TemplateSource(
            name: "layout", path: "Templates/layout.mustache",
            text: """
                <html><head><title>{{page.title}}</title></head>
                <body id="top">
                {{>partials/nav}}
                {{$main}}{{/main}}
                </body></html>

                """),
        TemplateSource(
            name: "page", path: "Templates/page.mustache",
            text: """
                {{<layout}}
                {{$main}}
                <article id="article">{{{body}}}</article>
                {{#related}}{{>partials/card}}{{/related}}
                {{/main}}
                {{/layout}}

                """),
        TemplateSource(name: "partials/nav", path: "Templates/partials/nav.mustache", text: "<nav id=\"site-nav\">{{#nav}}<a href=\"{{href}}\">{{title}}</a>{{/nav}}</nav>\n"),
        TemplateSource(name: "partials/card", path: "Templates/partials/card.mustache", text: "<div class=\"card\">{{title}}</div>\n{{>partials/missing}}"),
        TemplateSource(name: "unused", path: "Templates/unused.mustache", text: "{{nothing}}"),
    ]

    let library = TemplateLibrary.compile(Self.theme).library

    @Test func namesAreSorted() {
        #expect(library.templateNames == ["layout", "page", "partials/card", "partials/nav", "unused"])
        #expect(library.contains("partials/nav"))
        #expect(!library.contains("partials/missing"))
    }

    @Test func dependenciesFollowPartialsAndParents() {
        #expect(library.dependencies(of: "page") == ["page", "layout", "partials/nav", "partials/card"])
        #expect(library.dependencies(of: "layout") == ["layout", "partials/nav"])
        #expect(library.dependencies(of: "partials/card") == ["partials/card"])
        #expect(library.dependencies(of: "missing").isEmpty)
    }

    @Test func staticTextIsTheLiteralTextOfEverythingPulledIn() {
        #expect(
            library.staticText(of: "layout") == [
                "<html><head><title>", "</title></head>\n<body id=\"top\">\n", "\n</body></html>\n",
                "<nav id=\"site-nav\">", "<a href=\"", "\">", "</a>", "</nav>\n",
            ])
        let ids = library.staticText(of: "page").flatMap { text in
            text.split(separator: "id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        }
        #expect(Set(ids) == ["top", "site-nav", "article"])
    }

    @Test func variableNamesAreTheNamesLookedUp() {
        #expect(library.variableNames(of: "page") == ["page.title", "nav", "href", "title", "body", "related"])
        #expect(library.variableNames(of: "partials/card") == ["title"])
        let implicit = TemplateLibrary.compile([TemplateSource(name: "list", path: "list.mustache", text: "{{#items}}{{.}}{{/items}}")]).library
        #expect(implicit.variableNames(of: "list") == ["items"])
    }

    @Test func pageRendersThroughItsLayout() {
        let html = library.render(
            "page",
            [
                "page": ["title": "Hello & welcome"],
                "nav": [["href": "/", "title": "Home"]],
                "body": .html("<p>Body</p>"),
                "related": [["title": "Next"]],
            ])
        #expect(
            html == """
                <html><head><title>Hello &amp; welcome</title></head>
                <body id="top">
                <nav id="site-nav"><a href="/">Home</a></nav>
                <article id="article"><p>Body</p></article>
                <div class="card">Next</div>


                </body></html>

                """)
    }

    @Test func laterSourceOfTheSameNameWins() {
        let (library, errors) = TemplateLibrary.compile([
            TemplateSource(name: "a", path: "one/a.mustache", text: "first"),
            TemplateSource(name: "a", path: "two/a.mustache", text: "second"),
        ])
        #expect(errors.isEmpty)
        #expect(library.templateNames == ["a"])
        #expect(library.render("a", .absent) == "second")
    }
}
