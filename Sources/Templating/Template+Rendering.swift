import Markup

/// Runs compiled templates against a value, appending UTF-8 to an output buffer.
///
/// There is no recursion: sections, partials, parents and blocks push frames on explicit
/// stacks, so deeply nested data and recursive partials cost memory, not call depth.
struct Renderer {
    /// How deep partials, parents and overrides may call one another. Deeper means a template that
    /// includes itself without end: rendering stops there, rather than running out of time or memory.
    static let maximumCallDepth = 1_000

    let programs: [Program]
    var output: [UInt8]
    /// Where this render started writing: the start of `output` counts as a line start.
    let outputStart: Int

    /// The context stack: the root value, then each section's value; lookups start at the end.
    private var context: [TemplateValue]
    private var frames: [Frame] = []
    /// The lists that sections are repeating over, innermost last.
    private var iterations: [Iteration] = []
    private var callDepth = 0
    /// The full indentation of each enclosing indented partial, parent or block; the last applies.
    private var indentations: [[UInt8]] = []
    /// The whitespace of a standalone tag whose output has not started yet: written before its first
    /// bytes unless those start a line (where the full indentation, which includes it, is written).
    private var pendingIndentation: [UInt8] = []
    /// Whether lines need indenting at all: false in the common case, where writing is a plain append.
    private var indenting = false
    /// The overrides of the parents being rendered, outermost first: the first of a name wins.
    private var overrides: [ActiveOverride] = []

    private enum Frame {
        /// A section repeating over the last of `iterations`, whose current element is on the context stack.
        case list
        /// A section that runs once, with or without a value pushed on the context stack.
        case once(pushed: Bool)
        /// A partial or parent call, to return from at the end of the called template.
        case call(program: Int, returnTo: Int, indentation: IndentationMark, overrides: Int)
        /// An override's body, to return from at its `.blockEnd`.
        case override(program: Int, returnTo: Int, indentation: IndentationMark)
        /// A block's default, which ends at its `.blockEnd`.
        case blockDefault(indentation: IndentationMark)
    }

    private struct Iteration {
        let elements: [TemplateValue]
        var index: Int
        /// The first instruction of the section's body.
        let body: Int
    }

    /// The indentation to go back to when a call or block ends.
    private struct IndentationMark {
        let depth: Int
        let pending: [UInt8]
    }

    private struct ActiveOverride {
        let name: String
        let program: Int
        let start: Int
    }

    init(programs: [Program], root: TemplateValue, output: [UInt8]) {
        self.programs = programs
        self.output = output
        outputStart = output.count
        context = [root]
    }

    /// Renders the program at `index` in `programs`.
    mutating func run(_ index: Int) {
        var current = index
        var program = programs[index]
        var pc = 0
        while true {
            guard pc < program.instructions.count else {
                // The end of a partial or parent: return to its caller, or finish.
                guard case .call(let caller, let returnTo, let mark, let overrideCount)? = frames.popLast() else { return }
                callDepth -= 1
                restoreIndentation(mark)
                overrides.removeLast(overrides.count - overrideCount)
                current = caller
                program = programs[caller]
                pc = returnTo
                continue
            }
            switch program.instructions[pc] {
            case .text(let start, let end):
                program.text.withUnsafeBufferPointer { text in
                    writeText(UnsafeBufferPointer(rebasing: text[start..<end]))
                }
                pc += 1

            case .variable(let path, let escaped):
                if let value = lookup(path, in: program) {
                    write(value, escaped: escaped)
                }
                pc += 1

            case .section(let path, let end):
                switch lookup(path, in: program) {
                case .list(let elements)? where !elements.isEmpty:
                    context.append(elements[0])
                    iterations.append(Iteration(elements: elements, index: 0, body: pc + 1))
                    frames.append(.list)
                    pc += 1
                case .bool(true)?:
                    frames.append(.once(pushed: false))
                    pc += 1
                case let value? where value.isTruthy:
                    context.append(value)
                    frames.append(.once(pushed: true))
                    pc += 1
                default:
                    pc = end + 1
                }

            case .invertedSection(let path, let end):
                if lookup(path, in: program)?.isTruthy ?? false {
                    pc = end + 1
                } else {
                    frames.append(.once(pushed: false))
                    pc += 1
                }

            case .sectionEnd:
                switch frames.last {
                case .list?:
                    let last = iterations.count - 1
                    iterations[last].index += 1
                    let index = iterations[last].index
                    if index < iterations[last].elements.count {
                        context[context.count - 1] = iterations[last].elements[index]
                        pc = iterations[last].body
                    } else {
                        iterations.removeLast()
                        frames.removeLast()
                        context.removeLast()
                        pc += 1
                    }
                case .once(pushed: true)?:
                    frames.removeLast()
                    context.removeLast()
                    pc += 1
                default:
                    frames.removeLast()
                    pc += 1
                }

            case .partial(let call, let indentation):
                guard let target = program.targets[call] else {
                    pc += 1
                    continue
                }
                guard callDepth < Self.maximumCallDepth else { return }
                let whitespace = indentation.map { program.indentations[$0] } ?? []
                let mark = indent(by: whitespace, pending: whitespace)
                frames.append(.call(program: current, returnTo: pc + 1, indentation: mark, overrides: overrides.count))
                callDepth += 1
                current = target
                program = programs[target]
                pc = 0

            case .parent(let index):
                let parent = program.parents[index]
                guard let target = program.targets[parent.call] else {
                    pc = parent.end
                    continue
                }
                guard callDepth < Self.maximumCallDepth else { return }
                let mark = indent(by: parent.indentation, pending: parent.standalone ? parent.indentation : [])
                frames.append(.call(program: current, returnTo: parent.end, indentation: mark, overrides: overrides.count))
                callDepth += 1
                for override in parent.overrides {
                    overrides.append(ActiveOverride(name: override.name, program: current, start: override.start))
                }
                current = target
                program = programs[target]
                pc = 0

            case .block(let index):
                let block = program.blocks[index]
                if let override = overrides.first(where: { $0.name == block.name }) {
                    guard callDepth < Self.maximumCallDepth else { return }
                    // An override takes the place of the default, and the default's indentation with it.
                    let whitespace = block.intrinsicIndentation ?? block.indentation
                    let mark = indent(by: whitespace, pending: block.standalone ? whitespace : [])
                    frames.append(.override(program: current, returnTo: block.end + 1, indentation: mark))
                    callDepth += 1
                    current = override.program
                    program = programs[override.program]
                    pc = override.start
                } else {
                    // A standalone block's default is indented as written; the whitespace before an
                    // inline block's tag was written, and indents the default's later lines.
                    let mark = indent(by: block.standalone ? [] : block.indentation, pending: [])
                    frames.append(.blockDefault(indentation: mark))
                    pc += 1
                }

            case .blockEnd:
                switch frames.removeLast() {
                case .override(let caller, let returnTo, let mark):
                    callDepth -= 1
                    restoreIndentation(mark)
                    current = caller
                    program = programs[caller]
                    pc = returnTo
                case .blockDefault(let mark):
                    restoreIndentation(mark)
                    pc += 1
                default:
                    pc += 1
                }
            }
        }
    }

    // MARK: Lookup

    /// The value a name stands for: its first key is looked up from the innermost context outwards
    /// (or in the current context only, for `.x`), the other keys strictly inside the value found.
    @inline(__always)
    private func lookup(_ path: Int, in program: Program) -> TemplateValue? {
        let range = program.paths[path].keys
        guard !range.isEmpty else { return context.last }
        return program.keys.withUnsafeBufferPointer { keys in
            let first = keys[range.lowerBound]
            var value: TemplateValue
            if program.paths[path].currentContextOnly {
                guard case .object(let object)? = context.last, let found = object.value(for: first.name, hash: first.hash) else { return nil }
                value = found
            } else {
                var index = context.count - 1
                while true {
                    guard index >= 0 else { return nil }
                    if case .object(let object) = context[index], let found = object.value(for: first.name, hash: first.hash) {
                        value = found
                        break
                    }
                    index -= 1
                }
            }
            for position in range.dropFirst() {
                guard case .object(let object) = value, let found = object.value(for: keys[position].name, hash: keys[position].hash) else { return nil }
                value = found
            }
            return value
        }
    }

    // MARK: Writing

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text) where escaped:
            writeEscaped(text)
        case .text(var text), .html(var text):
            text.withUTF8 { writeLine(UnsafeRawBufferPointer($0)) }
        case .bool(true):
            Self.trueBytes.withUTF8Buffer { writeLine(UnsafeRawBufferPointer($0)) }
        case .bool(false), .list, .object:
            break
        }
    }

    private static let trueBytes: StaticString = "true"

    private mutating func writeEscaped(_ text: String) {
        guard indenting else {
            escape(text, into: &output)
            return
        }
        guard !text.isEmpty else { return }
        let mark = output.count
        let pending = pendingIndentation
        writeIndentation()
        let contentStart = output.count
        escape(text, into: &output)
        if output.count == contentStart {
            // Escaping dropped every character: as if nothing had been written.
            output.removeSubrange(mark...)
            pendingIndentation = pending
            indenting = !indentations.isEmpty || !pendingIndentation.isEmpty
        }
    }

    /// Writes literal text, indenting each line it starts when lines are being indented.
    private mutating func writeText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard indenting else {
            output.append(contentsOf: bytes)
            return
        }
        var start = bytes.startIndex
        while start < bytes.endIndex {
            var end = start
            while end < bytes.endIndex, bytes[end] != .lineFeed {
                end += 1
            }
            if end < bytes.endIndex { end += 1 }
            writeIndentation()
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            start = end
        }
    }

    /// Writes a value's bytes as a whole: lines inside a value are not indented.
    private mutating func writeLine(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        if indenting { writeIndentation() }
        output.append(contentsOf: bytes)
    }

    /// Before bytes that are about to be written: the indentation when they start a line, or else
    /// the pending whitespace of the standalone tags whose output they begin.
    private mutating func writeIndentation() {
        if output.count == outputStart || output.last == .lineFeed {
            if let indentation = indentations.last {
                output.append(contentsOf: indentation)
            }
        } else if !pendingIndentation.isEmpty {
            output.append(contentsOf: pendingIndentation)
        }
        if !pendingIndentation.isEmpty {
            pendingIndentation = []
            indenting = !indentations.isEmpty
        }
    }

    /// Indents every line from here on by `whitespace` more, and writes `pending` before the next
    /// bytes if they do not start a line; returns what `restoreIndentation` goes back to.
    private mutating func indent(by whitespace: [UInt8], pending: [UInt8]) -> IndentationMark {
        let mark = IndentationMark(depth: indentations.count, pending: pendingIndentation)
        if !whitespace.isEmpty {
            indentations.append((indentations.last ?? []) + whitespace)
            indenting = true
        }
        if !pending.isEmpty {
            pendingIndentation += pending
            indenting = true
        }
        return mark
    }

    private mutating func restoreIndentation(_ mark: IndentationMark) {
        if indentations.count > mark.depth {
            indentations.removeLast(indentations.count - mark.depth)
        }
        if !pendingIndentation.isEmpty {
            // Nothing was written since: what was waiting before still is.
            pendingIndentation = mark.pending
        }
        indenting = !indentations.isEmpty || !pendingIndentation.isEmpty
    }
}

extension TemplateValue {
    /// Whether a section shows: everything but `false` and the empty list.
    var isTruthy: Bool {
        switch self {
        case .bool(let flag): flag
        case .list(let elements): !elements.isEmpty
        case .text, .html, .object: true
        }
    }
}
