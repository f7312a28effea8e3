/// A compiled template as the renderer reads it: its tables as immutable properties of one object,
/// so that switching to a partial is one reference, and the library's index of each template it calls.
final class Program: Sendable {
    let template: Template
    let instructions: [Template.Instruction]
    let text: [UInt8]
    let paths: [Template.Path]
    let keys: [Template.Key]
    let indentations: [[UInt8]]
    let parents: [Template.Parent]
    let blocks: [Template.Block]
    /// For each name in `template.calls`, the index of that template in the library, or nil when there is none.
    let targets: [Int?]

    init(_ template: Template, targets: [Int?]) {
        self.template = template
        instructions = template.instructions
        text = template.text
        paths = template.paths
        keys = template.keys
        indentations = template.indentations
        parents = template.parents
        blocks = template.blocks
        self.targets = targets
    }
}

/// One template compiled to a flat program: instructions that index into tables of
/// literal bytes, names and calls, so that rendering never parses or looks up a name's parts again.
struct Template: Sendable {
    /// The name partials and parents use for it.
    var name: String
    /// The program; sections and blocks hold the index of the instruction that ends them.
    var instructions: [Instruction] = []
    /// Every literal byte of the template, stored once; `.text` instructions are ranges of it.
    var text: [UInt8] = []
    /// The names that `.variable` and `.section` instructions look up.
    var paths: [Path] = []
    /// The keys of every path, each path's keys in a row.
    var keys: [Key] = []
    /// The names of the templates that `.partial` and `.parent` instructions call.
    var calls: [String] = []
    /// Indentations of standalone partials (the whitespace before the tag).
    var indentations: [[UInt8]] = []
    /// The `{{<parent}}` tags.
    var parents: [Parent] = []
    /// The `{{$block}}` tags outside a parent tag: places a parent's override may fill.
    var blocks: [Block] = []
}

extension Template {
    /// One step of a program. Indices point into the template's tables and instructions.
    enum Instruction: Sendable, Equatable {
        /// Writes `text[start..<end]`.
        case text(start: Int, end: Int)
        /// Writes the value of `paths[path]`, escaped when `escaped` (`{{x}}`) or as is (`{{{x}}}`, `{{&x}}`).
        case variable(path: Int, escaped: Bool)
        /// `{{#x}}`: runs the instructions up to `end` (a `.sectionEnd`) once per value, or skips past `end`.
        case section(path: Int, end: Int)
        /// `{{^x}}`: runs the instructions up to `end` once when the value is falsey, else skips past `end`.
        case invertedSection(path: Int, end: Int)
        /// Closes a section: repeats it for the next element of a list, or leaves it.
        case sectionEnd
        /// `{{>name}}`: runs `calls[call]`; with the whitespace before it as indentation when the tag
        /// stood alone on its line.
        case partial(call: Int, indentation: Int?)
        /// `{{<name}}…{{/name}}`: runs `parents[parent]`, then continues after its overrides.
        case parent(Int)
        /// `{{$name}}…{{/name}}`: runs the innermost override of `blocks[block].name`, or the default
        /// that follows, up to `blocks[block].end`.
        case block(Int)
        /// Ends a block's default or an override's body.
        case blockEnd
    }

    /// A name as written in a tag (`x`, `a.b.c`, `.`), split into keys once.
    struct Path: Sendable, Equatable {
        /// The name as written.
        let name: String
        /// Where its keys are in `keys`: the parts between dots, without empty ones; none for `.`,
        /// the current context.
        let keys: Range<Int>
        /// Whether the name starts with `.`, so that its first key is looked up in the current context only.
        let currentContextOnly: Bool
    }

    /// One key of a path, with the hash that `TemplateObject` compares first.
    struct Key: Sendable, Equatable {
        let name: String
        let hash: UInt64

        init(_ name: String) {
            self.name = name
            hash = KeyHash.of(name)
        }
    }

    /// A `{{<name}}` tag: the template it calls, and the blocks it overrides.
    struct Parent: Sendable, Equatable {
        /// Index into `calls`.
        let call: Int
        /// The whitespace before the tag on its line, which every line of the parent gets.
        let indentation: [UInt8]
        /// Whether the tag stood alone on its line, so that its whitespace was not written as text.
        let standalone: Bool
        /// Overrides in the order written, each named once (a later one of the same name wins).
        var overrides: [Override]
        /// The instruction after the parent's overrides.
        var end: Int
    }

    /// The body of one `{{$name}}` inside a parent tag: the instructions from `start` to a `.blockEnd`.
    struct Override: Sendable, Equatable {
        let name: String
        let start: Int
    }

    /// A `{{$name}}` outside a parent tag.
    ///
    /// A block whose tag stands alone on its line renders its default as written, and indents an
    /// override as its default's first line is indented (or as the tag is, when the default is
    /// empty). A block inside a line is indented like a parent: by the whitespace before its tag,
    /// from its second line on.
    struct Block: Sendable, Equatable {
        let name: String
        /// The whitespace before the tag on its line.
        let indentation: [UInt8]
        /// Whether the tag stood alone on its line, so that its whitespace was not written as text.
        let standalone: Bool
        /// For a standalone tag with a default, the whitespace before the default's first line.
        var intrinsicIndentation: [UInt8]?
        /// The `.blockEnd` that closes the default.
        var end: Int
    }
}
