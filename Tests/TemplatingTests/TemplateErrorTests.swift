import Templating
import Testing

/// Syntax errors point at the offending tag, as a theme author sees it in an editor.
@Suite("Template errors")
struct TemplateErrorTests {
    private func errors(_ text: String, path: String = "Templates/article.mustache") -> [TemplateError] {
        TemplateLibrary.compile([TemplateSource(name: "article", path: path, text: text)]).errors
    }

    @Test func closingTagThatDoesNotMatch() {
        let text = "<h1>{{title}}</h1>\n<ul>\n{{#items}}\n  <li>{{name}}</li>\n{{/item}}\n</ul>\n"
        #expect(
            errors(text) == [
                TemplateError(
                    path: "Templates/article.mustache", line: 5, column: 1,
                    message: "a closing tag {{/…}} does not match the section it closes", sourceLine: "{{/item}}")
            ])
    }

    @Test func closingTagWithoutSection() {
        #expect(
            errors("<p>{{name}}</p> {{/name}}") == [
                TemplateError(
                    path: "Templates/article.mustache", line: 1, column: 17,
                    message: "a closing tag {{/…}} does not match the section it closes", sourceLine: "<p>{{name}}</p> {{/name}}")
            ])
    }

    @Test func tagNotClosed() {
        let text = "<p>\n  <a href=\"{{url}\">{{label}}</a>\n</p>\n"
        #expect(
            errors(text) == [
                TemplateError(
                    path: "Templates/article.mustache", line: 2, column: 12,
                    message: "a tag is not closed with }}", sourceLine: "  <a href=\"{{url}\">{{label}}</a>")
            ])
    }

    @Test func tagNotClosedAtTheEnd() {
        #expect(errors("a\nb {{name") == [TemplateError(path: "Templates/article.mustache", line: 2, column: 3, message: "a tag is not closed with }}", sourceLine: "b {{name")])
        #expect(errors("{{! a comment that never ends }") .map(\.message) == ["a tag is not closed with }}"])
    }

    @Test func sectionNeverClosed() {
        let text = "<main>\n<p>été {{#open}}</p>\n{{#inner}}x{{/inner}}\n</main>\n"
        #expect(
            errors(text) == [
                TemplateError(
                    path: "Templates/article.mustache", line: 2, column: 8,
                    message: "a section {{#…}} or {{^…}} is never closed with {{/…}}", sourceLine: "<p>été {{#open}}</p>")
            ])
    }

    @Test func malformedDelimiterChange() {
        #expect(
            errors("a\nb {{=<% =}}\nc") == [
                TemplateError(
                    path: "Templates/article.mustache", line: 2, column: 3,
                    message: "the delimiter change {{=… …=}} is malformed", sourceLine: "b {{=<% =}}")
            ])
    }

    @Test func contentInsideParentOutsideBlocks() {
        let text = "{{<layout}}\n{{$main}}<p>x</p>{{/main}}\n  {{title}}\n{{/layout}}\n"
        #expect(
            errors(text) == [
                TemplateError(
                    path: "Templates/article.mustache", line: 3, column: 3,
                    message: "only {{$block}} overrides may appear inside {{<parent}}", sourceLine: "  {{title}}")
            ])
    }

    @Test func pragmasAreRejected() {
        #expect(
            errors("{{% CONTENT_TYPE: HTML }}\n<p>\n") == [
                TemplateError(
                    path: "Templates/article.mustache", line: 1, column: 1,
                    message: "pragmas {{%…}} are not supported", sourceLine: "{{% CONTENT_TYPE: HTML }}")
            ])
    }

    @Test func sourceLineHasNoCarriageReturn() {
        let error = errors("ok\r\n{{/x}}\r\nmore\r\n").first
        #expect(error?.line == 2)
        #expect(error?.sourceLine == "{{/x}}")
    }

    @Test func descriptionReadsLikeACompilerMessage() {
        let error = errors("\n\n  {{#a}}").first
        #expect(error?.description == "Templates/article.mustache:3:3: error: a section {{#…}} or {{^…}} is never closed with {{/…}}")
    }

    @Test func everyBrokenTemplateReportsAndTheOthersStillCompile() {
        let (library, errors) = TemplateLibrary.compile([
            TemplateSource(name: "good", path: "Templates/good.mustache", text: "<p>{{x}}</p>"),
            TemplateSource(name: "bad1", path: "Templates/bad1.mustache", text: "{{#a}}"),
            TemplateSource(name: "bad2", path: "Templates/bad2.mustache", text: "{{/b}}"),
        ])
        #expect(errors.map(\.path) == ["Templates/bad1.mustache", "Templates/bad2.mustache"])
        #expect(library.templateNames == ["good"])
        #expect(!library.contains("bad1"))
    }

    @Test func hostileInputNeverCrashesTheCompiler() {
        let pieces = ["{{", "}}", "{", "}", "#", "^", "/", "!", ">", "<", "$", "=", "&", "%", "a", " ", "\n", "\r\n", "é", "{{=| |=}}", "|", "{{#a}}", "{{/a}}"]
        var state: UInt64 = 7
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<20 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let (library, errors) = TemplateLibrary.compile([TemplateSource(name: "a", path: "a.mustache", text: text)])
            for error in errors {
                #expect(error.line >= 1 && error.column >= 1)
            }
            _ = library.render("a", ["a": true])
        }
    }
}
