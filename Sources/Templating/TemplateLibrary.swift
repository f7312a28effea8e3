// Templating: a compiled Mustache engine. Templates are parsed once into flat programs, and
// typed `TemplateValue`s are rendered straight into a byte buffer.

/// One template source to compile.
public struct TemplateSource: Sendable {
    /// What `{{>…}}` and `{{<…}}` call it: `layout`, `article`, `partials/table`.
    public var name: String
    /// Where it came from, for errors: `Templates/partials/table.mustache`.
    public var path: String
    /// The Mustache text.
    public var text: String

    /// A source named `name`, read from `path`.
    public init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }
}

/// Compiled templates, shared read-only by every render task (Sendable, no locks).
public struct TemplateLibrary: Sendable {
    private let programs: [Program]
    private let indices: [String: Int]

    /// Compiles every source; a template with a syntax error is left out and its first error is returned.
    /// Of two sources with the same name, the later one is used.
    public static func compile(_ sources: [TemplateSource]) -> (library: TemplateLibrary, errors: [TemplateError]) {
        var compiled: [String: Template] = [:]
        var order: [String] = []
        var errors: [TemplateError] = []
        for source in sources {
            switch Template.compile(source) {
            case .success(let template):
                if compiled.updateValue(template, forKey: source.name) == nil {
                    order.append(source.name)
                }
            case .failure(let error):
                errors.append(error)
            }
        }
        let templates = order.compactMap { compiled[$0] }
        var indices: [String: Int] = [:]
        for (index, template) in templates.enumerated() {
            indices[template.name] = index
        }
        let programs = templates.map { template in Program(template, targets: template.calls.map { indices[$0] }) }
        return (TemplateLibrary(programs: programs, indices: indices), errors)
    }

    /// The names of the compiled templates, sorted.
    public var templateNames: [String] { indices.keys.sorted() }

    /// Whether a template named `name` compiled.
    public func contains(_ name: String) -> Bool {
        indices[name] != nil
    }

    /// Renders template `name` with `context` as the root, appending UTF-8 bytes to `output`; an unknown name writes nothing.
    public func render(_ name: String, _ context: TemplateValue, into output: inout [UInt8]) {
        guard let index = indices[name] else { return }
        var renderer = Renderer(programs: programs, root: context, output: [])
        swap(&renderer.output, &output)
        renderer.run(index)
        swap(&renderer.output, &output)
    }

    /// Renders template `name` with `context` as the root; an unknown name gives "".
    public func render(_ name: String, _ context: TemplateValue) -> String {
        var output: [UInt8] = []
        render(name, context, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Every template `name` pulls in through partials and parents, transitively, itself included; missing ones are left out.
    public func dependencies(of name: String) -> Set<String> {
        guard let root = indices[name] else { return [] }
        var seen: Set<Int> = [root]
        var queue = [root]
        while let index = queue.popLast() {
            for case let target? in programs[index].targets where seen.insert(target).inserted {
                queue.append(target)
            }
        }
        return Set(seen.map { programs[$0].template.name })
    }

    /// Partials and parents that `name` or what it pulls in refers to, but that the library does not
    /// have: Mustache renders them as nothing, which a theme author wants to hear about.
    public func missingReferences(of name: String) -> Set<String> {
        var missing: Set<String> = []
        for index in orderedDependencies(of: name) {
            for (called, target) in zip(programs[index].template.calls, programs[index].targets) where target == nil {
                missing.insert(called)
            }
        }
        return missing
    }

    /// The literal text of `name` and of everything it pulls in, one string per run of text between
    /// tags (as rendered, without standalone tag lines): `name`'s first, then its dependencies' by name.
    public func staticText(of name: String) -> [String] {
        orderedDependencies(of: name).flatMap { index -> [String] in
            let template = programs[index].template
            return template.instructions.compactMap { instruction in
                guard case .text(let start, let end) = instruction else { return nil }
                return String(decoding: template.text[start..<end], as: UTF8.self)
            }
        }
    }

    /// The names `name` and its dependencies look up (`{{x}}`, `{{#a.b}}` give "x", "a.b"); `{{.}}` is not a name.
    public func variableNames(of name: String) -> Set<String> {
        var names: Set<String> = []
        for index in orderedDependencies(of: name) {
            for path in programs[index].template.paths where !path.keys.isEmpty {
                names.insert(path.name)
            }
        }
        return names
    }

    /// `name` first, then its other dependencies sorted by name.
    private func orderedDependencies(of name: String) -> [Int] {
        guard let root = indices[name] else { return [] }
        let others = dependencies(of: name).subtracting([name]).sorted().compactMap { indices[$0] }
        return [root] + others
    }
}
