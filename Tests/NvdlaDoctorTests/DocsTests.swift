import Foundation
import Testing

/// The documentation stands alone: every link and file name it gives is in the repository, and the README's
/// synopsis and exit statuses are those of `--help`.
@Suite("Docs stand alone")
struct DocsTests {
    static let root = Binary.packageRoot

    /// Every Markdown file of the repository (not the build directory, not inside fixture trees).
    static var markdownFiles: [URL] {
        let fm = FileManager.default
        var files: [URL] = []
        let enumerator = fm.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.path.dropFirst(root.path.count + 1))
            if relative.hasPrefix(".")
                || relative.hasPrefix("Tests/FakeSysfs/") && relative.split(separator: "/").count > 3
            {
                enumerator?.skipDescendants()
                continue
            }
            if url.pathExtension == "md" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    static func relative(_ url: URL) -> String { String(url.standardizedFileURL.path.dropFirst(root.path.count + 1)) }

    static func matches(_ pattern: String, in text: String, group: Int = 0) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: group), in: text).map { String(text[$0]) }
        }
    }

    /// GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes.
    static func anchor(_ heading: String) -> String {
        heading.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }
            .replacingOccurrences(of: " ", with: "-")
    }

    @Test("every relative link points at a file inside the repository (and at a heading that exists)")
    func links() throws {
        let files = Self.markdownFiles
        #expect(files.count > 80)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for target in Self.matches(#"\]\(([^)\s]+)\)"#, in: text, group: 1) {
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") {
                    continue
                }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = String(parts[0])
                let resolved =
                    path.isEmpty
                    ? file : file.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
                let name = "\(Self.relative(file)): (\(target))"
                #expect(resolved.path.hasPrefix(Self.root.path + "/"), "\(name) leaves the repository")
                #expect(FileManager.default.fileExists(atPath: resolved.path), "\(name) does not exist")
                if parts.count == 2, resolved.pathExtension == "md",
                    let body = try? String(contentsOf: resolved, encoding: .utf8)
                {
                    let anchors = Self.matches(#"(?m)^#+ (.+)$"#, in: body, group: 1).map(Self.anchor)
                    #expect(anchors.contains(String(parts[1])), "\(name): no heading #\(parts[1])")
                }
            }
        }
    }

    @Test("every file a document names by path or as NAME.md is in the repository")
    func namedFiles() throws {
        let files = Self.markdownFiles
        let names = Set(files.map(\.lastPathComponent))
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            // Web addresses are not the repository's (a source URL may hold a `.md` path, with any characters).
            let local = text.replacingOccurrences(of: #"https?://\S+"#, with: " ", options: .regularExpression)
            // `DESIGN.md`, `jetson-dla-facts.md`: a bare name, not part of a path or a URL.
            for name in Self.matches(#"(?<![\w/.<>-])([A-Za-z0-9_-]+\.md)\b"#, in: local, group: 1) {
                #expect(names.contains(name), "\(Self.relative(file)) names \(name), which is not in the repository")
            }
            // Paths into the repository's own top-level directories (scripts/ one level deep only: the kernel has
            // a scripts/ too); an example after "e.g." may name a file still to come.
            let pattern =
                #"(?<![\w/.-])(?<!e\.g\. )(?<!e\.g\. `)((?:Docs|Rules|Sources|Tests|Benchmarks|Packaging|Data)/[A-Za-z0-9_./-]*[A-Za-z0-9_]|scripts/[A-Za-z0-9_.-]*[A-Za-z0-9_](?![/\w.-]))"#
            for path in Self.matches(pattern, in: text, group: 1) {
                let exists = FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path)
                #expect(exists, "\(Self.relative(file)) names \(path), which is not in the repository")
            }
        }
        // The checks see what they must refuse.
        #expect(
            Self.matches(#"(?<![\w/.<>-])([A-Za-z0-9_-]+\.md)\b"#, in: "see DESIGN.md and a/b.md", group: 1) == [
                "DESIGN.md"
            ])
    }

    /// The fenced block under `## Commands` in README.md.
    static func readmeSynopsis() throws -> [String] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Commands\n").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```").dropFirst().first)
        return block.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// `nvdla-doctor SUB … --help`'s USAGE line, without `USAGE: `.
    static func usage(_ command: [String]) throws -> String {
        let help = try Binary.run(command + ["--help"]).stdout
        let line = try #require(help.split(separator: "\n").first { $0.hasPrefix("USAGE: ") })
        return String(line.dropFirst("USAGE: ".count))
    }

    @Test("the README synopsis is the USAGE line of each command's --help")
    func synopsis() throws {
        let commands: [[String]] = [
            ["check"], ["analyze"], ["model"], ["bundle"], ["diff"], ["unpack"], ["explain"], ["rules", "list"],
            ["rules", "lint"],
            ["rules", "catalogue"], ["rules", "facts"], ["watch"],
        ]
        let expected = try commands.map { try Self.usage($0) }
        let readme = try Self.readmeSynopsis()
        #expect(
            readme == expected,
            "README.md ## Commands should be exactly:\n\(expected.joined(separator: "\n"))")
        // Every subcommand --help lists (hidden ones aside) is in the synopsis.
        let help = try Binary.run(["--help"]).stdout
        let subcommands = try #require(help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first)
        let listed = Self.matches(#"(?m)^  ([a-z-]+)(?: \(default\))? {2,}"#, in: subcommands, group: 1)
        #expect(Set(listed) == Set(commands.map { $0[0] }), "subcommands: \(listed)")
    }

    @Test("README's exit-status table, --help and the man pages' EXIT STATUS say the same")
    func exitStatus() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = Self.matches(#"(?m)^\| (\d+) \| ([^|]+) \|$"#, in: readme, group: 0).map { row in
            row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let table = rows.map { "\($0[0]) \($0[1])" }
        let help = try Binary.run(["--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(table.count == 9)
        for entry in table { #expect(help.contains(entry), "--help lacks exit status \(entry)") }
        // The man pages get the same list (scripts/man-exit-status.py replaces argument-parser's `.Ex -std`).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("man-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("nvdla-doctor.check.1")
        try Data(".Sh DESCRIPTION\ntext\n.Sh \"EXIT STATUS\"\n.Ex -std\n.Sh \"SEE ALSO\"\n".utf8).write(to: page)
        let script = Self.root.appendingPathComponent("scripts/man-exit-status.py").path
        let result = try ChildProcess.run("/usr/bin/env", ["python3", script, dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        let man = try String(contentsOf: page, encoding: .utf8)
        #expect(!man.contains(".Ex -std"))
        for row in rows { #expect(man.contains(".It \(row[0])\n\(row[1])"), "man page lacks \(row[0])") }
        #expect(man.contains(".Sh \"SEE ALSO\""))
    }
}
