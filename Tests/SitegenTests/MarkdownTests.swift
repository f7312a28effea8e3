import Diagnostics
import Markdown
import Testing

@Suite("Markdown through libcmark")
struct MarkdownTests {
    let origin = SourceLocation(path: "Content/articles/a.md", line: 5)

    func render(_ markdown: String, options: RenderOptions = RenderOptions(), smart: Bool = true) -> RenderedMarkdown {
        let document = MarkdownDocument(parsing: markdown, options: ParseOptions(smartPunctuation: smart))
        var renderer = HTMLRenderer(delegate: PlainMarkdown(), options: options, origin: origin)
        return renderer.render(document)
    }

    @Test func rendersCommonMark() {
        let html = render("# Title\n\nSome *emphasis*, **strong** and `code`.\n\n- one\n- two\n\n1. first\n\n> quoted\n").html
        #expect(html == """
            <h1 id="title">Title</h1>
            <p>Some <em>emphasis</em>, <strong>strong</strong> and <code>code</code>.</p>
            <ul>
            <li>one</li>
            <li>two</li>
            </ul>
            <ol>
            <li>first</li>
            </ol>
            <blockquote>
            <p>quoted</p>
            </blockquote>

            """)
    }

    @Test func escapesTextAndAttributes() {
        let html = render("A <b>&\"x\" [link](https://e.org/?a=1&b=\"2\" \"T'tle\")", smart: false).html
        #expect(html == "<p>A &amp;&quot;x&quot; <a href=\"https://e.org/?a=1&amp;b=%222%22\" title=\"T&#39;tle\">link</a></p>\n")
    }

    @Test func smartPunctuationFollowsTheOption() {
        #expect(render("\"Quoted\" -- yes...").html == "<p>“Quoted” – yes…</p>\n")
        #expect(render("\"Quoted\"", smart: false).html == "<p>&quot;Quoted&quot;</p>\n")
    }

    @Test func headingsGetUniqueSlugIDs() {
        let rendered = render("## Pay bands\n\n## Pay bands\n\n## 智谱\n\n## Facts\n", options: RenderOptions(reservedIDs: ["facts"]))
        #expect(rendered.headings.map(\.id) == ["pay-bands", "pay-bands-1", "zhi-pu", "facts-1"])
        #expect(rendered.html.contains("<h2 id=\"zhi-pu\">智谱</h2>"))
    }

    @Test func rawHTMLIsDroppedWithAWarningUnlessAllowed() {
        let markdown = "Text <span onclick=\"x()\">hi</span>\n\n<script>alert(1)</script>\n"
        let safe = render(markdown)
        #expect(!safe.html.contains("<span") && !safe.html.contains("<script"))
        #expect(safe.diagnostics.map(\.description) == [
            "Content/articles/a.md:5:6: warning: raw HTML is left out of the page (set markdown.unsafe_html: true in site.yaml to keep it)"
        ])
        let unsafe = render(markdown, options: RenderOptions(allowsRawHTML: true))
        #expect(unsafe.html.contains("<script>alert(1)</script>"))
        #expect(unsafe.diagnostics.isEmpty)
    }

    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", " vbscript:msgbox", "data:text/html;base64,PHNjcmlwdD4=", "DATA:image/png;base64,AAAA"])
    func dangerousLinkTargetsAreNeutralised(_ target: String) {
        let markdown = "[click](<\(target)>) and ![pic](<\(target)>)"
        let rendered = render(markdown)
        #expect(!rendered.html.lowercased().contains("script:"))
        #expect(!rendered.html.lowercased().contains("data:"))
        #expect(rendered.html.contains("click"))
        #expect(rendered.diagnostics.count == 2)
    }

    @Test func safeLinksAreKept() {
        #expect(render("[a](https://example.org/x) [b](../other/) [c](#top) [d](mailto:desk@example.org)").html
            == "<p><a href=\"https://example.org/x\">a</a> <a href=\"../other/\">b</a> <a href=\"#top\">c</a> <a href=\"mailto:desk@example.org\">d</a></p>\n")
    }

    @Test func sourcePositionsCountCharactersFromTheBodyOrigin() {
        struct Recorder: MarkdownRenderingDelegate {
            var points: [SourcePoint] = []
            var diagnostics: [Diagnostic] { [] }
            func html(forFence info: String, content: String, at point: SourcePoint) -> String? { nil }
            mutating func decide(link destination: String, text: String, at point: SourcePoint) -> LinkDecision {
                points.append(point)
                return .keep
            }
        }
        let document = MarkdownDocument(parsing: "First line\n\n智谱 raised [¥1B](fact:zhipu).\n")
        var renderer = HTMLRenderer(delegate: Recorder(), origin: origin)
        _ = renderer.render(document)
        #expect(renderer.delegate.points == [SourcePoint(line: 3, column: 11)])
        #expect(renderer.location(of: SourcePoint(line: 3, column: 11)) == SourceLocation(path: "Content/articles/a.md", line: 7, column: 11))
    }

    @Test func fencesAreOfferedToTheDelegate() {
        struct Charts: MarkdownRenderingDelegate {
            var diagnostics: [Diagnostic] { [] }
            func html(forFence info: String, content: String, at point: SourcePoint) -> String? {
                info == "chart" ? "<figure>\(content.count)</figure>\n" : nil
            }
            func decide(link destination: String, text: String, at point: SourcePoint) -> LinkDecision { .keep }
        }
        let document = MarkdownDocument(parsing: "```chart\nof: funding\n```\n\n```swift\nlet x = 1 < 2\n```\n")
        var renderer = HTMLRenderer(delegate: Charts(), origin: origin)
        #expect(renderer.render(document).html == "<figure>12</figure>\n<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>\n")
    }

    @Test func deeplyNestedListsRenderWithoutRecursion() {
        let depth = 10_000
        let markdown = String(repeating: "- ", count: depth) + "item"
        let rendered = render(markdown)
        #expect(rendered.html.hasPrefix("<ul>\n<li>\n<ul>\n<li>"))
        #expect(rendered.html.components(separatedBy: "<ul>").count == depth + 1)
        let blockquotes = String(repeating: ">", count: depth) + " deep"
        #expect(render(blockquotes).html.contains("deep"))
    }

    @Test func readingTimeCountsCJKCharacters() {
        var english = TextStatistics()
        english.count(String(repeating: "word ", count: 460))
        #expect(english.words == 460 && english.readingMinutes == 2)
        var chinese = TextStatistics()
        chinese.count(String(repeating: "人工智能人才", count: 100))
        #expect(chinese.cjkCharacters == 600 && chinese.words == 0 && chinese.readingMinutes == 2)
    }
}
