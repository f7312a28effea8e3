import Diagnostics
import Foundation
import Model
import Parallel
import Publishing
import Rendering

/// The files a build publishes as they are: those beside articles and pages in their folders, and
/// `Content/static/`. Checked against what the build generates, then copied into the staging folder.
struct PublishedFiles: Sendable {
    let files: [(path: String, file: PublishedFile)]

    init(content: SiteContent) {
        files = SiteMap.publishedFiles(of: content)
    }

    /// What an update in place cannot follow: any file added, removed, changed or moved makes the next
    /// build a whole one.
    static func stamp(of content: SiteContent) -> [String] {
        SiteMap.publishedFiles(of: content).map { "\($0.path) \($0.file.source) \($0.file.stamp)" }
    }

    /// Names Output cannot hold, files that would overwrite a generated page or file (or each other),
    /// each an error at the file. `generated` are the output paths of pages, feeds and exports;
    /// `reserved` folders belong to the build (`assets/`, and `pagefind/` with search on).
    func problems(generated: Set<String>, assets: Set<String>, reservedFolders: [String]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var taken: [String: String] = [:]
        for (path, file) in files {
            let location = SourceLocation(path: file.source)
            do throws(PublishingError) {
                try OutputWriter.validate(path)
            } catch {
                problems.append(.error(at: location, "this file's name cannot be published (\(path)); rename it with plain letters, digits, dots and hyphens"))
                continue
            }
            if generated.contains(path) || LinkCheck.knownFiles.contains(path) || assets.contains(path) {
                problems.append(.error(at: location, "this file would overwrite \(path), which sitegen generates; rename or remove \(file.source)"))
            } else if let folder = reservedFolders.first(where: { path.hasPrefix($0) }) {
                problems.append(.error(at: location, "this file would land in \(folder), which sitegen writes; move \(file.source) elsewhere"))
            } else if let other = taken[path] {
                problems.append(.error(at: location, "this file would overwrite \(other), which is published as \(path) too; rename or remove one of them"))
            } else {
                taken[path] = file.source
            }
        }
        return problems
    }

    /// Copies every file into the staging folder (linked or cloned where possible, see `StagingFolder.copy`).
    func write(into staging: StagingFolder, root: URL, jobs: Int) throws(PublishingError) {
        let failures = files.parallelMap(jobs: jobs) { entry -> PublishingError? in
            do throws(PublishingError) {
                try staging.copy(from: root.path + "/" + entry.file.source, to: entry.path)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }
}
