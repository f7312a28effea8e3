import Diagnostics
import Loading
import Model
import Testing

@Suite("Front matter and article fields")
struct FrontMatterTests {
    let path = "Content/articles/a.md"

    func load(_ text: String) -> (Article?, [String]) {
        let (article, diagnostics) = Article.load(from: SourceText(path: path, text: text))
        return (article, diagnostics.map(\.description))
    }

    @Test func splitsAtTheFirstLineOnly() throws {
        let source = SourceText(path: path, text: "---\ntitle: A\n---\nBody\n\n---\n\nMore\n")
        let split = try FrontMatter(splitting: source)
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "Body\n\n---\n\nMore\n")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func aFileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatter(splitting: SourceText(path: path, text: "# Just Markdown\n\n---\n"))
        #expect(!split.isPresent && split.body == "# Just Markdown\n\n---\n")
        let (_, problems) = load("# Just Markdown\n")
        #expect(problems == ["Content/articles/a.md:1:1: error: an article starts with front matter: a line \"---\", then at least \"title:\" and \"date:\", then \"---\""])
    }

    @Test func anUnclosedFenceIsAnError() {
        #expect(load("---\ntitle: A\ndate: 2025-07-22\nBody\n").1 == [
            "Content/articles/a.md:1:1: error: front matter opens with \"---\" on line 1 but never closes; add a line with \"---\" after the last field"
        ])
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: Pay bands\r\ndate: 2025-07-22\r\n---\r\nBody line\r\n".utf8)
        let source = try SourceText(path: path, bytes: bytes)
        let (article, problems) = Article.load(from: source)
        #expect(problems.isEmpty)
        #expect(article?.title == "Pay bands")
        #expect(article?.body.markdown == "Body line\n")
        #expect(article?.body.origin.line == 5)
    }

    @Test func binaryAndInvalidUTF8FilesAreRejectedWithALocation() {
        #expect(throws: Diagnostic.error(at: SourceLocation(path: path, line: 2, column: 3), "this looks like a binary file, not Markdown text")) {
            try SourceText(path: path, bytes: Array("---\nti".utf8) + [0, 1, 2])
        }
        #expect(throws: Diagnostic.error(at: SourceLocation(path: path, line: 1, column: 7), "the file is not valid UTF-8 text; save it as UTF-8")) {
            try SourceText(path: path, bytes: Array("title ".utf8) + [0xC3, 0x28])
        }
    }

    @Test func yamlSyntaxErrorsPointIntoTheFile() {
        let (article, problems) = load("---\ntitle: A\ndate: 2025-07-22\ntags: [a, b\n---\nBody\n")
        #expect(article == nil)
        #expect(problems == [
            "Content/articles/a.md:4:7: error: tags: a [ … ] list must close on its line, with commas between items: check this line for a missing \"]\" or comma"
        ])
    }

    @Test func unknownFieldsAreErrorsWithSuggestions() {
        let (_, problems) = load("---\ntitle: A\ndate: 2025-07-22\nsumary: Typo here\n---\nBody\n")
        #expect(problems == [
            "Content/articles/a.md:4:1: error: sumary: unknown field \"sumary\" (did you mean \"summary\"?); allowed here: \"title\", \"date\", \"summary\", \"tags\", \"source\", \"draft\", \"slug\", \"funding\", \"salaries\", \"distributions\", \"figures\""
        ])
    }

    @Test func missingAndMalformedFieldsAreLocated() {
        let (_, problems) = load("---\ntitle: A\ndate: 22/07/2025\ndraft: maybe\nsource: { url: https://example.org }\n---\n")
        #expect(problems.count == 3)
        #expect(problems.contains("Content/articles/a.md:3:7: error: date: cannot read \"22/07/2025\" as a date: expected YYYY-MM-DD, YYYY-MM or YYYY"))
        #expect(problems.contains("Content/articles/a.md:4:8: error: draft: expected true or false, found \"maybe\""))
        #expect(problems.contains("Content/articles/a.md:5:9: error: source.name: missing required field \"name\""))
        #expect(load("---\ndate: 2025-07-22\n---\n").1 == ["Content/articles/a.md:2:1: error: title: missing required field \"title\""])
    }

    @Test func duplicateKeysAreErrors() {
        let problems = load("---\ntitle: A\ntitle: B\ndate: 2025-07-22\n---\n").1
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("Content/articles/a.md:") == true)
    }

    @Test func aliasBombsAreRefused() {
        var yaml = "---\ntitle: A\ndate: 2025-07-22\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let items = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(items)]\n"
        }
        let problems = load(yaml + "---\n").1
        #expect(problems.contains { $0.contains("too large or nested too deeply") })
    }

    @Test func slugsComeFromTitlesInAnyScript() {
        #expect(load("---\ntitle: 智谱 IPO\ndate: 2025-07-22\n---\n").0?.slug == "zhi-pu-ipo")
        #expect(load("---\ntitle: \"MiniMax & Zhipu: the race\"\ndate: 2025-07-22\n---\n").0?.slug == "minimax-zhipu-the-race")
        #expect(load("---\ntitle: A\ndate: 2025-07-22\nslug: ../../etc\n---\n").1 == [
            "Content/articles/a.md:4:7: error: slug: \"../../etc\" is not a valid slug: use lowercase letters, digits and single hyphens, at most 80 characters (did you mean \"etc\"?)"
        ])
        #expect(load("---\ntitle: \"!!!\"\ndate: 2025-07-22\n---\n").1 == [
            "Content/articles/a.md:2:8: error: slug: cannot make a URL slug from the title \"!!!\"; add \"slug: …\" with lowercase letters, digits and hyphens"
        ])
    }
}
