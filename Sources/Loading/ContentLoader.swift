import Diagnostics
import Foundation
import Markup
import Model
import Parallel

/// Where a site's folders are. Every path the build reads or writes derives from `root`.
public struct SiteLayout: Sendable, Equatable {
    public var root: URL
    public var output: URL

    public init(root: URL, output: URL? = nil) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("Output")).standardizedFileURL
    }

    public var content: URL { root.appendingPathComponent("Content") }
    public var templates: URL { root.appendingPathComponent("Templates") }

    /// `path` relative to the site root, as diagnostics print it.
    public func relativePath(of url: URL) -> String {
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : path
    }
}

/// Reads `Content/` into a `SiteContent`, collecting every diagnostic from every file.
public struct ContentLoader: Sendable {
    public let layout: SiteLayout
    public var includeDrafts: Bool
    /// How many files are read at once.
    public var jobs: Int
    /// Results of earlier loads, for a process that loads the site again after each edit.
    public var cache: LoadCache?

    /// The site root with symlinks resolved and a trailing slash, worked out once for every file check.
    private let realRoot: String

    public init(layout: SiteLayout, includeDrafts: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.layout = layout
        let root = layout.root.resolvingSymlinksInPath().path
        self.realRoot = root.hasSuffix("/") ? root : root + "/"
        self.includeDrafts = includeDrafts
        self.jobs = jobs
    }

    /// Loads the site; `nil` content means it cannot be built (the diagnostics say why).
    public func load() -> (SiteContent?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let configURL = layout.content.appendingPathComponent("site.yaml")
        var config: SiteConfig?
        switch read(configURL) {
        case .success(let source):
            let (loaded, problems) = SiteConfig.load(from: source)
            config = loaded
            diagnostics += problems
        case .failure(let problem):
            diagnostics.append(problem)
        }

        let (articleFiles, articleProblems) = markdownFiles(in: layout.content.appendingPathComponent("articles"))
        let (pageFiles, pageProblems) = markdownFiles(in: layout.content.appendingPathComponent("pages"))
        diagnostics += articleProblems + pageProblems

        let literals = LiteralReadings()
        cache?.articles.beginLoad()
        cache?.pages.beginLoad()
        var articleResults = loadInParallel(articleFiles, cache: cache?.articles) { Article.load(from: $0, literals: literals) }
        var pageResults = loadInParallel(pageFiles, cache: cache?.pages, with: Page.load(from:))
        // A folder's files are listed on every load: the cache knows only its index.md.
        for (index, file) in articleFiles.enumerated() where file.isBundle && articleResults[index].0 != nil {
            let (files, problems) = bundleFiles(in: file.folder)
            articleResults[index].0?.files = files
            articleResults[index].1 += problems
        }
        for (index, file) in pageFiles.enumerated() where file.isBundle && pageResults[index].0 != nil {
            let (files, problems) = bundleFiles(in: file.folder)
            pageResults[index].0?.files = files
            pageResults[index].1 += problems
        }
        diagnostics += articleResults.flatMap(\.1) + pageResults.flatMap(\.1)
        let unreadableArticles = articleResults.indices.filter { articleResults[$0].0 == nil }.map { articleFiles[$0] }

        // Articles are large values: they are ordered by position and moved, never copied, into place.
        let kept = articleResults.indices.filter { index in articleResults[index].0.map { includeDrafts || !$0.isDraft } ?? false }
        let keys = kept.map { (date: articleResults[$0].0!.date, slug: articleResults[$0].0!.slug) }
        let articles = keys.indices
            .sorted { a, b in keys[a].date != keys[b].date ? keys[a].date > keys[b].date : keys[a].slug < keys[b].slug }
            .map { articleResults[kept[$0]].0.take()! }
        var pages = pageResults.compactMap(\.0).filter { includeDrafts || !$0.isDraft }
        if articleFiles.isEmpty, articleProblems.isEmpty {
            diagnostics.append(.warning(at: SourceLocation(path: "Content/articles"), "there are no articles yet; add Markdown files to Content/articles/"))
        }
        diagnostics += collisions(articles.map { ($0.slug, $0.slugLocation) }, kind: "article")
        diagnostics += collisions(pages.map { ($0.slug, $0.slugLocation) }, kind: "page")
        pages.sort { $0.slug < $1.slug }

        var entities: [Entity] = []
        let entitiesURL = layout.content.appendingPathComponent("entities.yaml")
        if FileManager.default.fileExists(atPath: entitiesURL.path) {
            switch read(entitiesURL) {
            case .success(let source):
                let (loaded, problems) = Entity.loadAll(from: source)
                entities = loaded
                diagnostics += problems
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }

        let (staticFiles, staticProblems) = self.staticFiles()
        diagnostics += staticProblems

        guard let config else { return (nil, diagnostics) }
        diagnostics += Self.missingRates(in: articles, config: config)
        var content = SiteContent(config: config, articles: articles, pages: pages, entities: entities)
        content.staticFiles = staticFiles
        content.unreadableArticleSlugs = likelySlugs(of: unreadableArticles)
        content.unreadablePageSlugs = likelySlugs(of: zip(pageFiles, pageResults).filter { $0.1.0 == nil }.map(\.0))
        return (content, diagnostics)
    }

    /// Amounts in a currency that site.yaml has no rate for, where a chart would have to convert them:
    /// the site-wide funding and pay charts mix every article's amounts, and a figures chart its group's.
    static func missingRates(in articles: [Article], config: SiteConfig) -> [Diagnostic] {
        let display = config.currency.display
        /// The amounts one chart would draw: whether they mix currencies, and those without a rate.
        struct Group {
            var first: String?
            var mixed = false
            var lacking: [Fact.WrittenAmount] = []
        }
        func add(_ fact: Fact, to group: inout Group) {
            for amount in fact.amounts {
                guard let code = amount.quantity.currency?.code else { continue }
                if let first = group.first { group.mixed = group.mixed || first != code } else { group.first = code }
                if code != display, config.currency.rates[code] == nil { group.lacking.append(amount) }
            }
        }
        var funding = Group()
        var salaries = Group()
        var lacking: [Fact.WrittenAmount] = []
        for article in articles {
            var figureGroups: [String: Group] = [:]
            for fact in article.facts {
                switch fact.detail {
                case .funding: add(fact, to: &funding)
                case .salary: add(fact, to: &salaries)
                case .figure(let figure): if let group = figure.group { add(fact, to: &figureGroups[group, default: Group()]) }
                case .distribution: break
                }
            }
            for group in figureGroups.values where group.mixed { lacking += group.lacking }
        }
        for group in [funding, salaries] where group.mixed { lacking += group.lacking }
        return lacking.map { amount in
            let code = amount.quantity.currency?.code ?? ""
            return .error(
                at: amount.location, field: amount.field,
                "charts convert \"\(amount.quantity.written)\" to \(display), but site.yaml has no rate for \(code): add \(code) to currency.rates in site.yaml")
        }
    }

    /// The slugs files that could not be loaded would likely have had: from a `slug:` or `title:`
    /// line of their front matter, and from their file names without a leading date.
    private func likelySlugs(of files: [ContentFile]) -> Set<String> {
        var slugs: Set<String> = []
        for file in files {
            var name = Substring(file.isBundle ? file.folder.lastPathComponent : String(file.name.dropLast(".md".count)))
            if name.count > 11, name.prefix(10).allSatisfy({ $0.isNumber || $0 == "-" }), name.dropFirst(10).first == "-" {
                name = name.dropFirst(11)
            }
            slugs.insert(Slug.make(from: String(name)))
            guard case .success(let source) = read(file) else { continue }
            for line in source.text.split(separator: "\n", maxSplits: 200).prefix(200) {
                for key in ["slug: ", "title: "] where line.hasPrefix(key) {
                    var value = line.dropFirst(key.count).trimmingSpaces()
                    if let quote = value.first, quote == "\"" || quote == "'", value.count >= 2, value.last == quote {
                        value = String(value.dropFirst().dropLast())
                    }
                    slugs.insert(key == "slug: " ? value : Slug.make(from: value))
                }
            }
        }
        slugs.remove("")
        return slugs
    }

    // MARK: Files

    /// The largest content file read. A 50 MB article builds in seconds with about 20× its size in
    /// memory at peak; past this, a file is refused rather than risk the machine.
    public static let maximumFileSize = 64 << 20

    /// Reads a file under the site root; refuses files whose real path leaves the site, and huge files.
    func read(_ url: URL) -> Result<SourceText, Diagnostic> {
        let path = layout.relativePath(of: url)
        guard isInsideSite(url) else {
            return .failure(.error(at: SourceLocation(path: path), "this is a link to a file outside the site; it is not read"))
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > Self.maximumFileSize {
            return .failure(.error(
                at: SourceLocation(path: path),
                "this file is \(size >> 20) MB; content files are limited to \(Self.maximumFileSize >> 20) MB (split it into several articles)"))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            return .failure(.error(at: SourceLocation(path: path), exists ? "cannot read this file" : "missing file: create \(path)"))
        }
        do {
            return .success(try SourceText(path: path, bytes: [UInt8](data)))
        } catch {
            return .failure(error)
        }
    }

    /// A Markdown file found in a content folder.
    struct ContentFile: Sendable {
        let folder: URL
        let name: String
        /// The path to open, and the path relative to the site root, as diagnostics print it.
        let path: String
        let relativePath: String
        /// Whether the listing saw a regular file, not a link, so its real path is its folder's plus its name.
        let isPlainFile: Bool
        /// Whether this is the `index.md` of a folder whose other files are published beside its page.
        var isBundle = false

        var url: URL { folder.appendingPathComponent(name) }
    }

    private func markdownFiles(in folder: URL) -> ([ContentFile], [Diagnostic]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return ([], []) }
        let folderPath = folder.path
        let folderRelativePath = layout.relativePath(of: folder)
        let realFolder = folder.resolvingSymlinksInPath().path
        var files: [ContentFile] = []
        var problems: [Diagnostic] = []
        // A name has no "/" and is not "." or "..", so a file's path, relative path and (when it is not a
        // link) real path are its folder's followed by "/" and its name. Very long paths, where the
        // real path of the folder could be found and the file's not, are left to `resolvingSymlinksInPath`.
        let hasShortPaths = max(folderPath.utf8.count, realFolder.utf8.count) < 1024 && !realFolder.hasSuffix("/")
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where name.hasSuffix(".md") && !name.hasPrefix(".") {
            let path = folderPath + "/" + name
            let file = ContentFile(
                folder: folder, name: name, path: path, relativePath: folderRelativePath + "/" + name,
                isPlainFile: hasShortPaths && name.utf8.count < 1024 && Self.isRegularFile(atPath: path))
            if file.isPlainFile {
                guard (realFolder + "/" + name).hasPrefix(realRoot) else {
                    problems.append(.error(at: SourceLocation(path: file.relativePath), "this is a link to a file outside the site; it is not read"))
                    continue
                }
            } else {
                let url = file.url
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                guard isInsideSite(url) else {
                    problems.append(.error(at: SourceLocation(path: layout.relativePath(of: url)), "this is a link to a file outside the site; it is not read"))
                    continue
                }
            }
            files.append(file)
        }
        // An article or page may be a folder, NAME/index.md, with its images and files beside it.
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasSuffix(".md") && !name.hasPrefix(".") {
            let subfolder = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: subfolder.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            let index = subfolder.appendingPathComponent("index.md")
            guard FileManager.default.fileExists(atPath: index.path) else {
                problems.append(.warning(
                    at: SourceLocation(path: folderRelativePath + "/" + name),
                    "this folder has no index.md, so it is not published; an article or page in a folder is written in NAME/index.md, with its images and files beside it"))
                continue
            }
            guard isInsideSite(subfolder), isInsideSite(index) else {
                problems.append(.error(at: SourceLocation(path: folderRelativePath + "/" + name), "this is a link to a folder outside the site; it is not read"))
                continue
            }
            var file = ContentFile(
                folder: subfolder, name: "index.md", path: index.path, relativePath: folderRelativePath + "/" + name + "/index.md",
                isPlainFile: Self.isRegularFile(atPath: index.path) && !Self.isLink(atPath: subfolder.path))
            file.isBundle = true
            files.append(file)
        }
        return (files, problems)
    }

    /// Whether `path` is a symbolic link.
    private static func isLink(atPath path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Whether `path` is a regular file itself, not a link to one.
    private static func isRegularFile(atPath path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    func isInsideSite(_ url: URL) -> Bool {
        url.resolvingSymlinksInPath().path.hasPrefix(realRoot)
    }

    private func loadInParallel<T: Sendable>(
        _ files: [ContentFile], cache: FileResults<(T?, [Diagnostic])>?, with load: @escaping @Sendable (SourceText) -> (T?, [Diagnostic])
    ) -> [(T?, [Diagnostic])] {
        files.parallelMap(jobs: jobs) { file in
            let read = { () -> (T?, [Diagnostic]) in
                switch self.read(file) {
                case .success(let source): load(source)
                case .failure(let problem): (nil, [problem])
                }
            }
            guard let cache else { return read() }
            return cache.result(forPath: file.path, load: read)
        }
    }

    /// Reads a listed file: directly when it is still a plain file of a sensible size, and otherwise
    /// through `read(_: URL)`, which checks everything again and words the problem.
    private func read(_ file: ContentFile) -> Result<SourceText, Diagnostic> {
        guard file.isPlainFile, let bytes = Self.contentsOfPlainFile(atPath: file.path) else { return read(file.url) }
        do {
            return .success(try SourceText(path: file.relativePath, bytes: bytes))
        } catch {
            return .failure(error)
        }
    }

    /// The bytes of a regular file no larger than `maximumFileSize`; `nil` for links, other kinds of
    /// file, large files and any error.
    private static func contentsOfPlainFile(atPath path: String) -> [UInt8]? {
        // Not following a link, nor waiting on a pipe that replaced the file since it was listed.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= maximumFileSize else { return nil }
        // One byte more than the size: a file that grew since `fstat` is then read on to its end.
        let capacity = Int(info.st_size) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < capacity {
                let read = readBytes(descriptor, buffer.baseAddress! + count, capacity - count)
                if read > 0 {
                    count += read
                } else if read == 0 {
                    break
                } else if errno != EINTR {
                    failed = true
                    break
                }
            }
        }
        guard !failed else { return nil }
        while bytes.count >= capacity {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let read = readBytes(descriptor, &chunk, chunk.count)
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes.append(contentsOf: chunk[..<read])
        }
        return bytes
    }

    private func collisions(_ slugs: [(String, SourceLocation)], kind: String) -> [Diagnostic] {
        // Sorted by place only when two share a slug, so that "already used by" names the first.
        var seen = Set<String>()
        guard slugs.contains(where: { !seen.insert($0.0).inserted }) else { return [] }
        var first: [String: SourceLocation] = [:]
        var problems: [Diagnostic] = []
        for (slug, location) in slugs.sorted(by: { $0.1 < $1.1 }) {
            if let earlier = first[slug] {
                problems.append(.error(at: location, field: "slug", "the \(kind) slug \"\(slug)\" is already used by \(earlier.path):\(earlier.line); give one of them another \"slug:\""))
            } else {
                first[slug] = location
            }
        }
        return problems
    }
}


/// `read(2)`, named apart from `ContentLoader.read`.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

extension ContentLoader {
    /// Every file under `Templates/assets/`, to be copied to `Output/assets/` as is.
    public func assets() -> ([OutputFile], [Diagnostic]) {
        let folder = layout.templates.appendingPathComponent("assets")
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return ([], []) }
        var assets: [OutputFile] = []
        var problems: [Diagnostic] = []
        for case let relative as String in enumerator {
            let name = (relative as NSString).lastPathComponent
            guard !name.hasPrefix(".") else { continue }
            let url = folder.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            guard isInsideSite(url) else {
                problems.append(.error(at: SourceLocation(path: layout.relativePath(of: url)), "this is a link to a file outside the site; it is not copied"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                problems.append(.error(at: SourceLocation(path: layout.relativePath(of: url)), "cannot read this file"))
                continue
            }
            assets.append(OutputFile(path: "assets/" + relative, contents: [UInt8](data)))
        }
        return (assets.sorted { $0.path < $1.path }, problems)
    }
}
