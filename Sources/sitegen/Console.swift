import Diagnostics
import Foundation
import SitegenKit

/// How the command line talks: diagnostics on stderr, the summary on stdout.
struct Console {
    var quiet: Bool
    var verbose: Bool

    /// One status line on the terminal, rewritten as the build moves on.
    @Sendable static func showProgress(_ stage: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[Ksitegen: \(stage)…".utf8))
    }

    /// Clears the status line before anything else is printed.
    static func clearProgress() {
        if isatty(STDERR_FILENO) != 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    func print(_ diagnostics: [Diagnostic]) {
        Self.clearProgress()
        let shown = quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
        guard !shown.isEmpty else { return }
        let text = shown.map { $0.severity == .error || verbose ? $0.rendered : $0.description }.joined(separator: "\n")
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// One line about how the build went that is neither a diagnostic nor the summary.
    func note(_ text: String) {
        guard !quiet else { return }
        Self.clearProgress()
        FileHandle.standardError.write(Data("sitegen: \(text)\n".utf8))
    }

    func failure(_ report: BuildReport, strict: Bool) {
        let errors = report.errorCount
        let warnings = report.warningCount
        var line = "build failed: \(plural(errors, "error"))"
        if warnings > 0 { line += ", \(plural(warnings, "warning"))\(strict ? " (--strict)" : "")" }
        if report.errorCount > 0 || strict { line += "; Output was left as it was" }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func summary(_ report: BuildReport, verb: String, elapsed: Duration, output: String?) {
        guard !quiet else { return }
        let milliseconds = Self.milliseconds(elapsed)
        let written = output == nil ? plural(report.articles, "article") : plural(report.pages, "page")
        var parts = [written, plural(report.charts, "chart"), plural(report.facts, "fact")]
        if report.warningCount > 0 { parts.append(plural(report.warningCount, "warning")) }
        let target = output.map { " into \($0)/" } ?? ""
        if report.upToDate, let output {
            Swift.print("sitegen: \(output)/ is up to date; nothing changed since the last build (\(parts.joined(separator: ", "))), checked in \(milliseconds) ms")
            return
        }
        Swift.print("sitegen: \(verb) \(parts.joined(separator: ", "))\(target) in \(milliseconds) ms")
        stages(report)
    }

    /// With `--verbose`, how long each stage of the build took.
    func stages(_ report: BuildReport) {
        guard verbose else { return }
        let stages = report.stages.map { "\($0.name) \(Self.milliseconds($0.duration)) ms" }
        Swift.print("sitegen: stages: \(stages.joined(separator: ", "))")
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int((Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18) * 1000)
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

/// The warnings a preview has printed already.
final class ToldWarnings: @unchecked Sendable {
    private var told: Set<Diagnostic> = []
    private let lock = NSLock()

    /// The errors of `diagnostics`, and the warnings not printed after the previous build.
    func new(in diagnostics: [Diagnostic]) -> [Diagnostic] {
        lock.withLock {
            let fresh = diagnostics.filter { $0.severity == .error || !told.contains($0) }
            told = Set(diagnostics)
            return fresh
        }
    }
}
