import ArgumentParser
import Foundation
import Loading
import Model
import Scaffold
import Serve
import SitegenKit

@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds a static briefing site from Markdown articles with typed fact blocks.",
        subcommands: [Build.self, Check.self, Serve.self, FactsCommand.self, New.self, Init.self],
        defaultSubcommand: nil)

    /// Exit codes: 0 ok, 1 content or template errors, 2 usage errors.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder, holding Content/ and Templates/.")
    var site: String = "."

    var layout: SiteLayout { SiteLayout(root: URL(fileURLWithPath: site, isDirectory: true)) }
}

struct BuildFlags: ParsableArguments {
    @Flag(name: .long, help: "Include articles and pages marked draft: true.")
    var drafts = false

    @Option(name: .long, help: "Use this base URL instead of base_url from site.yaml.")
    var baseURL: String?

    @Option(name: .long, help: "How many files to work on at once (default: all cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every warning in full, with its source line.")
    var verbose = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let baseURL, let problem = SiteConfig.baseURLProblem(baseURL) {
            throw ValidationError("--base-url: \(problem)")
        }
    }

    func options(for layout: SiteLayout) -> BuildOptions {
        var options = BuildOptions(layout: layout)
        if !quiet, isatty(STDERR_FILENO) != 0 { options.progress = Console.showProgress }
        options.includeDrafts = drafts
        options.baseURL = baseURL
        if let jobs { options.jobs = jobs }
        options.strict = strict
        return options
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build Content and Templates into Output.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var flags: BuildFlags

    @Option(name: .long, help: "Write the site here instead of SITE/Output.")
    var output: String?

    @Flag(name: .long, help: "Build everything even when nothing changed since the last build (and forget what it was made from).")
    var noCache = false

    func run() throws {
        var layout = site.layout
        if let output { layout = SiteLayout(root: layout.root, output: URL(fileURLWithPath: output, isDirectory: true)) }
        let console = Console(quiet: flags.quiet, verbose: flags.verbose)
        let clock = ContinuousClock()
        let start = clock.now
        let (report, note) = SiteBuilder(options: flags.options(for: layout)).buildUsingCache(!noCache)
        if let note { console.note(note) }
        console.print(report.diagnostics)
        guard report.published else {
            console.failure(report, strict: flags.strict)
            throw ExitCode(1)
        }
        console.summary(report, verb: "built", elapsed: clock.now - start, output: layout.relativePath(of: layout.output))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate everything build would, and write nothing.")

    @OptionGroup var site: SiteOptions
    @OptionGroup var flags: BuildFlags

    func run() throws {
        let console = Console(quiet: flags.quiet, verbose: flags.verbose)
        let clock = ContinuousClock()
        let start = clock.now
        let report = SiteBuilder(options: flags.options(for: site.layout)).build(publish: false)
        console.print(report.diagnostics)
        if report.errorCount > 0 || (flags.strict && report.warningCount > 0) {
            console.failure(report, strict: flags.strict)
            throw ExitCode(1)
        }
        console.summary(report, verb: "checked", elapsed: clock.now - start, output: nil)
    }
}

struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts", abstract: "Print the aggregated fact database as JSON or CSV.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "json or csv.")
    var format: Format = .json

    @Option(name: .long, help: "Only facts of this kind: funding, salary, distribution or figure.")
    var kind: String?

    @Option(name: .long, help: "Only facts about this company (name, alias or slug).")
    var entity: String?

    @Flag(name: .long, help: "Include drafts.")
    var drafts = false

    func validate() throws {
        if let kind, Fact.Kind(rawValue: kind) == nil, !Fact.Kind.allCases.contains(where: { $0.block == kind }) {
            throw ValidationError("--kind must be one of: \(Fact.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let kindFilter = kind.flatMap { name in Fact.Kind(rawValue: name) ?? Fact.Kind.allCases.first { $0.block == name } }
        let result = FactQuery(layout: site.layout, includeDrafts: drafts).run(kind: kindFilter, entity: entity)
        Console(quiet: false, verbose: false).print(result.diagnostics)
        if let unknownEntity = result.unknownEntity {
            FileHandle.standardError.write(Data("Error: --entity: \(unknownEntity)\n".utf8))
            throw ExitCode(2)
        }
        guard let output = result.output(format == .json ? .json : .csv) else { throw ExitCode(1) }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create Content/articles/YYYY-MM-DD-slug.md with a commented front-matter skeleton.")

    @OptionGroup var site: SiteOptions

    @Argument(help: "The article's title.")
    var title: String

    func run() throws {
        let today = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        let date = CalendarDate(year: today.year ?? 2000, month: today.month ?? 1, day: today.day ?? 1)
        do {
            print(try Scaffold.createArticle(title: title, date: date, in: site.layout.root))
        } catch {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site in DIR: settings, a sample article and the default theme.")

    @Argument(help: "A new or empty folder.")
    var directory: String

    func run() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try Scaffold.createSite(at: folder)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        print("created a site in \(directory); build it with: sitegen build --site \(directory)")
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve Output on 127.0.0.1, rebuild when Content/ or Templates/ change, and reload open pages.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Flag(name: .long, help: "Include articles and pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Also print how long each stage of each build took.")
    var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        var options = BuildOptions(layout: site.layout)
        options.includeDrafts = drafts
        let console = Console(quiet: false, verbose: verbose)
        let told = ToldWarnings()
        let server = PreviewServer(
            options: options, port: port,
            onBuild: { report in
                // Each warning is printed once, not again after every edit; errors always are.
                console.print(told.new(in: report.diagnostics))
                let milliseconds = Console.milliseconds(report.stages.reduce(.zero) { $0 + $1.duration })
                if report.published, let updated = report.updatedFiles {
                    Swift.print("sitegen: updated \(updated) file\(updated == 1 ? "" : "s") in \(milliseconds) ms")
                    console.stages(report)
                } else if report.published {
                    Swift.print("sitegen: built \(report.pages) pages, \(report.charts) charts, \(report.facts) facts in \(milliseconds) ms")
                    console.stages(report)
                } else {
                    console.failure(report, strict: false)
                }
            },
            onListening: { port in Swift.print("sitegen: serving http://127.0.0.1:\(port)/ — Ctrl-C to stop") })
        try await server.run()
    }
}
