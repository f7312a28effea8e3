import Foundation
import Markup
import Model

/// Why a scaffold could not be written.
public struct ScaffoldError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}

/// `sitegen init` and `sitegen new`: files a site starts from.
public enum Scaffold {
    /// Every file of a new site: the default theme and the starter content.
    public static var siteFiles: [(path: String, text: String)] {
        EmbeddedTheme.files.map { ("Templates/" + $0.path, $0.text) } + StarterSite.files
    }

    /// The theme embedded in the binary, keyed by path under Templates/.
    public static var themeFiles: [(path: String, text: String)] { EmbeddedTheme.files }

    /// Writes a new site into `folder`, which must be missing or empty.
    public static func createSite(at folder: URL) throws(ScaffoldError) {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: folder.path), !existing.filter({ !$0.hasPrefix(".") }).isEmpty {
            throw ScaffoldError(message: "\(folder.path) is not empty; choose a new folder")
        }
        for (path, text) in siteFiles {
            let url = folder.appendingPathComponent(path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw ScaffoldError(message: "cannot write \(url.path): \(error.localizedDescription)")
            }
        }
    }

    /// Writes a new article for `title` under `root`, which must be a site (it has Content/site.yaml);
    /// refuses to overwrite. Returns its path.
    public static func createArticle(title: String, date: CalendarDate, in root: URL) throws(ScaffoldError) -> String {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("Content/site.yaml").path) else {
            throw ScaffoldError(
                message: "\(root.standardizedFileURL.path) is not a site: it has no Content/site.yaml; run this in a site's folder or pass --site DIR (sitegen init DIR creates a site)")
        }
        let path = try articlePath(title: title, date: date)
        let url = root.appendingPathComponent(path)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw ScaffoldError(message: "\(path) already exists; it was left as it was")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(article(title: title, date: date).utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw ScaffoldError(message: "cannot write \(path): \(error.localizedDescription)")
        }
        return path
    }

    /// The path of a new article: `Content/articles/2025-07-22-minimax-raises.md`.
    public static func articlePath(title: String, date: CalendarDate) throws(ScaffoldError) -> String {
        let slug = Slug.make(from: title)
        guard !slug.isEmpty else {
            throw ScaffoldError(message: "cannot make a file name from \"\(title)\"; use a title with letters or digits")
        }
        return "Content/articles/\(date)-\(slug).md"
    }

    /// A new article: a draft with the title and date, and every fact block commented out.
    public static func article(title: String, date: CalendarDate) -> String {
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return """
            ---
            title: \(quoted)
            date: \(date)
            summary: One or two sentences for lists, the feed and search results.
            tags: []
            draft: true                        # built only with --drafts; set to false to publish
            # source: { name: GMT Eight, url: https://…, date: \(date) }
            # slug: short-url-name             # made from the title otherwise
            #
            # Fact blocks: uncomment what the article reports. Values are written the way the news writes
            # them ($600M, 30M–40M CNY/year, ¥5,000/day, 32.45%, about 5 million) and kept exact.
            #
            # funding:
            #   - id: minimax-series-a         # optional; link it from the body as [text](fact:minimax-series-a)
            #     company: MiniMax
            #     round: Series A
            #     date: 2024-03
            #     amount: $600M
            #     valuation: $2.5B
            #     investors: [Alibaba (lead), Tencent]
            # salaries:
            #   - { role: Senior technical leader, employer: ByteDance, pay: 30M–40M CNY/year }
            #   - { role: Core AI intern, employer: Major tech firms, pay: "¥5,000/day" }   # quote values with commas inside { … }
            # distributions:
            #   - id: campus-monthly
            #     title: Campus-recruitment monthly salaries
            #     buckets:
            #       - { label: below ¥20k, share: 32.45% }
            #       - { label: ¥20k–50k, share: rest }
            #       - { label: above ¥50k, share: 18.17% }
            # figures:
            #   - { group: m1-vs-r1, label: 80K-token reasoning, value: 30%, of: DeepSeek R1 compute }
            #   - { label: Valuation at the end of 2024, value: $3 billion, company: MiniMax }   # listed on MiniMax's page
            #
            # Blocks are charted under "Key figures"; to place a chart in the text, write a fence:
            #   ```chart
            #   of: funding                    # funding | salaries | distribution:ID | figures:GROUP
            #   ```
            ---
            Write the briefing here, in Markdown. For pictures and files, make the article a folder,
            NAME/index.md, put them beside it and link them by name: `![What the picture shows](chart.png)`.

            """
    }
}
