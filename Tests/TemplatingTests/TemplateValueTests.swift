import Templating
import Testing

/// View models read naturally and behave like small ordered dictionaries.
@Suite("Template values")
struct TemplateValueTests {
    @Test func literalsBuildValues() {
        let value: TemplateValue = ["title": "Hi", "draft": false, "tags": ["a", "b"], "author": ["name": "Ann"]]
        guard case .object(let object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["title", "draft", "tags", "author"])
        #expect(object["title"] == .text("Hi"))
        #expect(object["draft"] == .bool(false))
        #expect(object["tags"] == .list([.text("a"), .text("b")]))
        #expect(object["author"] == .object(["name": "Ann"]))
        #expect(object["missing"] == nil)
    }

    @Test func optionalTextIsAbsentWhenNil() {
        #expect(TemplateValue("x") == .text("x"))
        #expect(TemplateValue(nil) == .absent)
        #expect(TemplateValue.absent == .bool(false))
    }

    @Test func laterDuplicateKeysWinInPlace() {
        let object = TemplateObject([("a", "1"), ("b", "2"), ("a", "3")])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == .text("3"))
    }

    @Test func subscriptSetsAppendsAndRemoves() {
        var object: TemplateObject = ["a": "1"]
        object["b"] = "2"
        object["a"] = "one"
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == .text("one"))
        object["a"] = nil
        #expect(object.keys == ["b"])
        #expect(object.count == 1)
    }

    @Test func equalityFollowsKeysInOrder() {
        #expect(TemplateObject([("a", "1"), ("b", "2")]) == ["a": "1", "b": "2"])
        #expect(TemplateObject([("a", "1"), ("b", "2")]) != ["b": "2", "a": "1"])
    }
}
