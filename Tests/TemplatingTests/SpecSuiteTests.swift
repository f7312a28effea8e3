import Foundation
import Templating
import Testing

/// The official Mustache spec suite, read from `../shared/mustache-spec/` beside the repository
/// (or from `MUSTACHE_SPEC_DIR`). Lambdas and dynamic names are optional modules this engine leaves out.
@Suite("Mustache spec suite")
struct SpecSuiteTests {
    @Test(.enabled(if: SpecSuite.isAvailable, SpecSuite.missingMessage), arguments: SpecSuite.cases(in: "comments"))
    func comments(_ test: SpecCase) { test.check() }

    @Test(.enabled(if: SpecSuite.isAvailable, SpecSuite.missingMessage), arguments: SpecSuite.cases(in: "delimiters"))
    func delimiters(_ test: SpecCase) { test.check() }

    @Test(.enabled(if: SpecSuite.isAvailable, SpecSuite.missingMessage), arguments: SpecSuite.cases(in: "interpolation"))
    func interpolation(_ test: SpecCase) { test.check() }

    @Test(.enabled(if: SpecSuite.isAvailable, SpecSuite.missingMessage), arguments: SpecSuite.cases(in: "inverted"))
    func inverted(_ test: SpecCase) { test.check() }

    @Test(.enabled(if: SpecSuite.isAvailable, SpecSuite.missingMessage), arguments: SpecSuite.cases(in: "partials"))
    func partials(_ test: SpecCase) { test.check() }

    @Test(.enabled(if: SpecSuite.isAvailable, SpecSuite.missingMessage), arguments: SpecSuite.cases(in: "sections"))
    func sections(_ test: SpecCase) { test.check() }

    @Test(.enabled(if: SpecSuite.isAvailable, SpecSuite.missingMessage), arguments: SpecSuite.cases(in: "~inheritance"))
    func inheritance(_ test: SpecCase) { test.check() }
}

/// Where the spec files are, and their test cases.
enum SpecSuite {
    static let missingMessage: Comment =
        "the Mustache spec suite lives in ../shared/mustache-spec (beside the repository) and was not found; set MUSTACHE_SPEC_DIR to run it"

    /// `MUSTACHE_SPEC_DIR`, or `../shared/mustache-spec` from the repository root (…/Tests/TemplatingTests/this file → root).
    static let folder: URL = {
        if let override = ProcessInfo.processInfo.environment["MUSTACHE_SPEC_DIR"], !override.isEmpty {
            return URL(filePath: override, directoryHint: .isDirectory)
        }
        let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appending(path: "../shared/mustache-spec", directoryHint: .isDirectory).standardized
    }()

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: folder.appending(path: "sections.json").path)
    }

    /// The tests of `<file>.json`, or none when the suite is absent.
    static func cases(in file: String) -> [SpecCase] {
        guard let data = try? Data(contentsOf: folder.appending(path: "\(file).json")),
            let spec = try? JSONDecoder().decode(SpecFile.self, from: data)
        else { return [] }
        return spec.tests.map { test in
            SpecCase(
                file: file, name: test.name, description: test.desc, template: test.template,
                partials: test.partials ?? [:], data: test.data.templateValue, expected: test.expected)
        }
    }

    private struct SpecFile: Decodable {
        struct Test: Decodable {
            let name: String
            let desc: String
            let data: JSONValue
            let template: String
            let partials: [String: String]?
            let expected: String
        }
        let tests: [Test]
    }
}

/// One spec test: a template, its partials and data, and the output it must give.
struct SpecCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let description: String
    let template: String
    let partials: [String: String]
    let data: TemplateValue
    let expected: String

    var testDescription: String { "\(file): \(name)" }

    func check() {
        let sources =
            [TemplateSource(name: "__test__", path: "\(file)/\(name).mustache", text: template)]
            + partials.sorted { $0.key < $1.key }.map { TemplateSource(name: $0.key, path: "\(file)/\($0.key).mustache", text: $0.value) }
        let (library, errors) = TemplateLibrary.compile(sources)
        #expect(errors.isEmpty, "\(description)")
        #expect(library.render("__test__", data) == expected, "\(description)")
    }
}

/// JSON as the spec files hold it, turned into template values the way a view model would hold them.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? container.decode(Int.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Strings are text, null is `false`, numbers are text in their shortest form (85, 1.21).
    var templateValue: TemplateValue {
        switch self {
        case .null: .absent
        case .bool(let flag): .bool(flag)
        case .integer(let integer): .text(String(integer))
        case .number(let number):
            .text(number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number))
        case .string(let string): .text(string)
        case .array(let array): .list(array.map(\.templateValue))
        case .object(let object): .object(TemplateObject(object.sorted { $0.key < $1.key }.map { ($0.key, $0.value.templateValue) }))
        }
    }
}
