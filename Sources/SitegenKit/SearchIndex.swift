import Foundation
import Publishing

/// Full-text search with Pagefind: after every file of a whole build is in the staging folder, and
/// before it becomes Output, Pagefind indexes the articles (the elements marked `data-pagefind-body`)
/// into `pagefind/`, so Output holds the site and its index or neither.
///
/// An update of Output in place (a preview after an edit) does not index again: Pagefind reads
/// every page, which would undo the preview's speed. The index is rebuilt on the next whole build.
struct SearchIndex: Sendable {
    /// The command that runs Pagefind, arguments included.
    let command: [String]

    /// The folder the index is written into, inside Output.
    static let folder = "pagefind/"

    /// Pagefind as installed: `pagefind_extended` or `pagefind` on the PATH, else the pip packages
    /// `pagefind-bin-extended` or `pagefind-bin` under python3. The extended build splits Chinese and
    /// Japanese text into words; the plain one indexes them only where spaces or punctuation part them.
    static func locate() -> SearchIndex? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let folders = path.split(separator: ":").map(String.init)
        for name in ["pagefind_extended", "pagefind"] {
            if let folder = folders.first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/" + name) }) {
                return SearchIndex(command: [folder + "/" + name])
            }
        }
        guard let python = folders.lazy.map({ $0 + "/python3" }).first(where: FileManager.default.isExecutableFile(atPath:)) else { return nil }
        for module in ["pagefind_bin_extended", "pagefind_bin"] {
            let probe = SearchIndex(command: [python, "-c", "import \(module)"])
            if (try? probe.run(arguments: [])) != nil { return SearchIndex(command: [python, "-m", module]) }
        }
        return nil
    }

    /// What an editor is told when `search: true` and Pagefind is not installed.
    static let missingMessage =
        "Pagefind, which indexes the site for search, is not installed: run pip install pagefind-bin-extended (make site installs it when search is on), or set search: false"

    /// Indexes the staging folder into its `pagefind/`; the error carries Pagefind's own words. Index
    /// files the previous Output holds unchanged keep their inode and time.
    func index(_ staging: StagingFolder) throws(PublishingError) {
        try index(site: staging.folder)
        staging.keepUnchanged(under: String(Self.folder.dropLast()))
    }

    /// Indexes the site in `site` into `site/pagefind/`; the error carries Pagefind's own words.
    func index(site: URL) throws(PublishingError) {
        do {
            // Heading anchors (#), the table of contents and the charts' data tables repeat what the text says.
            try run(arguments: [
                "--site", site.path, "--output-subdir", "pagefind", "--silent", "--exclude-selectors", ".heading-anchor, .toc, .chart details",
            ])
        } catch {
            let reason = (error as? SearchIndexError)?.message ?? error.localizedDescription
            throw PublishingError(path: Self.folder, message: "Pagefind could not index the site for search: \(reason)")
        }
    }

    private func run(arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw SearchIndexError(message: text.isEmpty ? "Pagefind stopped with status \(process.terminationStatus)" : text)
        }
    }
}

struct SearchIndexError: Error {
    var message: String
}
