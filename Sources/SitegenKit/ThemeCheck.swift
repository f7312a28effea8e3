import Charts
import Diagnostics
import Foundation
import Loading

/// Build-time checks of the theme that no validator makes: chart colour contrast in both schemes.
enum ThemeCheck {
    static func diagnostics(layout: SiteLayout) -> [Diagnostic] {
        let url = layout.templates.appendingPathComponent("assets/style.css")
        guard let data = FileManager.default.contents(atPath: url.path), let css = String(data: data, encoding: .utf8) else { return [] }
        let path = layout.relativePath(of: url)
        let (light, dark) = Palette.themes(fromCSS: css)
        let problems = light.contrastProblems(theme: "light theme") + dark.contrastProblems(theme: "dark theme")
        return problems.map { problem in
            // Point at the declaration of the colour named in the problem.
            let name = problem.split(separator: " ").first { $0.hasPrefix("--") }.map(String.init) ?? ""
            let lines = css.split(separator: "\n", omittingEmptySubsequences: false)
            let isDark = problem.hasPrefix("dark")
            let darkStart = lines.firstIndex { $0.contains("prefers-color-scheme: dark") } ?? lines.count
            let range = isDark ? darkStart..<lines.count : 0..<darkStart
            let index = range.first { lines[$0].contains(name + ":") } ?? 0
            let column = (lines.indices.contains(index) ? lines[index].range(of: name).map { lines[index].distance(from: lines[index].startIndex, to: $0.lowerBound) } : nil) ?? 0
            return Diagnostic(.warning, at: SourceLocation(path: path, line: index + 1, column: column + 1), problem)
        }
    }
}
