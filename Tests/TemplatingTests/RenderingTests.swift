import Templating
import Testing

/// Rendering as a theme author sees it: what is escaped, what shows, where whitespace goes.
@Suite("Rendering")
struct RenderingTests {
    private func render(_ text: String, _ context: TemplateValue, partials: [String: String] = [:]) -> String {
        let sources =
            [TemplateSource(name: "main", path: "main.mustache", text: text)]
            + partials.map { TemplateSource(name: $0.key, path: "\($0.key).mustache", text: $0.value) }
        let (library, errors) = TemplateLibrary.compile(sources)
        #expect(errors.isEmpty)
        return library.render("main", context)
    }

    @Test func textIsEscapedUnlessTripled() {
        let context: TemplateValue = ["name": "<b>Tom & \"Jerry\"</b> 'n'"]
        #expect(render("{{name}}", context) == "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt; &#39;n&#39;")
        #expect(render("{{{name}}}|{{&name}}", context) == "<b>Tom & \"Jerry\"</b> 'n'|<b>Tom & \"Jerry\"</b> 'n'")
    }

    @Test func escapingDropsCharactersXMLForbids() {
        #expect(render("{{name}}", ["name": "a\u{1}b\u{FFFE}c\td\ne"]) == "abc\td\ne")
    }

    @Test func htmlIsNeverEscaped() {
        let context: TemplateValue = ["body": .html("<p>Tom &amp; Jerry</p>")]
        #expect(render("{{body}}", context) == "<p>Tom &amp; Jerry</p>")
        #expect(render("{{{body}}}{{&body}}", context) == "<p>Tom &amp; Jerry</p><p>Tom &amp; Jerry</p>")
    }

    @Test func flagsShowAsTrueOrNothing() {
        #expect(render("[{{yes}}][{{no}}][{{missing}}]", ["yes": true, "no": false]) == "[true][][]")
        #expect(render("[{{list}}][{{object}}]", ["list": ["a"], "object": ["a": "b"]]) == "[][]")
    }

    @Test func emptyTextIsTruthy() {
        #expect(render("{{#t}}[{{.}}]{{/t}}{{^t}}none{{/t}}", ["t": ""]) == "[]")
        #expect(render("{{#t}}shown{{/t}}{{^t}}none{{/t}}", ["t": .absent]) == "none")
        #expect(render("{{#t}}shown{{/t}}{{^t}}none{{/t}}", ["t": []]) == "none")
    }

    @Test func dottedNamesResolveTheFirstPartUpTheStack() {
        let context: TemplateValue = ["site": ["title": "Site"], "article": ["site": ["other": "x"], "title": "Article"]]
        #expect(render("{{#article}}{{title}} · {{site.title}}{{/article}}", context) == "Article · ")
        #expect(render("{{#article}}{{title}} · {{site.other}}{{/article}} {{site.title}}", context) == "Article · x Site")
    }

    @Test func missingPartialRendersNothing() {
        #expect(render("a{{>nope}}b", .absent) == "ab")
        #expect(render("<ul>\n  {{>nope}}\n</ul>\n", .absent) == "<ul>\n</ul>\n")
    }

    @Test func standalonePartialIndentsEveryLine() {
        let partials = ["items": "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n"]
        #expect(render("<ul>\n  {{>items}}\n</ul>\n", ["items": ["a", "b", "c"]], partials: partials) == "<ul>\n  <li>a</li>\n  <li>b</li>\n  <li>c</li>\n</ul>\n")
    }

    @Test func recursivePartialsRenderTrees() {
        let tree: TemplateValue = ["name": "root", "children": [["name": "a", "children": [["name": "a1", "children": []]]], ["name": "b", "children": []]]]
        let partials = ["node": "{{name}}{{#children}}({{>node}}){{/children}}"]
        #expect(render("{{>node}}", tree, partials: partials) == "root(a(a1))(b)")
    }

    @Test func runawayRecursionStops() {
        let output = render("{{>loop}}", .absent, partials: ["loop": "x{{>loop}}{{>loop}}"])
        #expect(output == String(repeating: "x", count: 1_000))
    }

    @Test func blocksFallBackToTheirDefault() {
        let partials = ["layout": "<title>{{$title}}Default{{/title}}</title><main>{{$main}}{{/main}}</main>"]
        #expect(render("{{<layout}}{{$main}}Body{{/main}}{{/layout}}", .absent, partials: partials) == "<title>Default</title><main>Body</main>")
    }

    @Test func standaloneBlocksKeepTheirIndentation() {
        let layout = "<main>\n  {{$main}}\n  <p>default</p>\n  {{/main}}\n</main>\n"
        #expect(render("{{>layout}}", .absent, partials: ["layout": layout]) == "<main>\n  <p>default</p>\n</main>\n")
        let page = "{{<layout}}\n{{$main}}\n<h1>Title</h1>\n<p>Text</p>\n{{/main}}\n{{/layout}}\n"
        #expect(render(page, .absent, partials: ["layout": layout]) == "<main>\n  <h1>Title</h1>\n  <p>Text</p>\n</main>\n")
    }

    @Test func aThousandItemListRendersEveryItem() {
        let items = (0..<1_000).map { number -> TemplateValue in ["n": .text(String(number)), "name": .text("Item <\(number)>")] }
        let sources = [TemplateSource(name: "list", path: "list.mustache", text: "<ul>\n{{#items}}\n  <li id=\"i{{n}}\">{{name}}</li>\n{{/items}}\n</ul>\n")]
        let library = TemplateLibrary.compile(sources).library
        var output = Array("<!-- before -->\n".utf8)
        library.render("list", ["items": .list(items)], into: &output)
        let expected = "<!-- before -->\n<ul>\n" + (0..<1_000).map { "  <li id=\"i\($0)\">Item &lt;\($0)&gt;</li>\n" }.joined() + "</ul>\n"
        #expect(output == Array(expected.utf8))
    }

    @Test func unknownTemplateWritesNothing() {
        let library = TemplateLibrary.compile([]).library
        var output = Array("kept".utf8)
        library.render("nope", ["a": "b"], into: &output)
        #expect(output == Array("kept".utf8))
        #expect(library.render("nope", .absent) == "")
    }

    @Test func rendersConcurrentlyFromOneLibrary() async {
        let library = TemplateLibrary.compile([TemplateSource(name: "t", path: "t.mustache", text: "{{#items}}{{.}},{{/items}}")]).library
        let outputs = await withTaskGroup(of: String.self) { group in
            for task in 0..<8 {
                group.addTask { library.render("t", ["items": .list((0..<100).map { .text(String($0 + task)) })]) }
            }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(outputs.count == 8)
    }
}
