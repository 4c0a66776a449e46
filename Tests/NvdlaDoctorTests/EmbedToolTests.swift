import Foundation
import Testing

/// The build step that compiles `Rules/`, `Docs/remedies/` and `Data/` into the binary (`nvdla-embed`, run by the
/// EmbedResources plugin): a broken shipped rule fails the build with its file and line.
@Suite("Build-time rule compiler")
struct EmbedToolTests {
    /// The tool beside the test binary (built with the package), else under `.build/debug`.
    static let tool = Binary.url.deletingLastPathComponent().appendingPathComponent("nvdla-embed").path

    /// A copy of the shipped rules and remedy pages to break.
    final class Tree {
        let root: URL

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("nvdla-embed-\(UUID().uuidString)")
            for directory in ["Rules", "Docs/remedies"] {
                let target = root.appendingPathComponent(directory)
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: Binary.packageRoot.appendingPathComponent(directory), to: target)
            }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func text(_ path: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }

        func write(_ text: String, _ path: String) throws {
            try write(Data(text.utf8), path)
        }

        func write(_ data: Data, _ path: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }

        func files(_ directory: String) -> [String] {
            let names =
                FileManager.default.enumerator(atPath: root.appendingPathComponent(directory).path)?
                .allObjects as? [String] ?? []
            return names.map { directory + "/" + $0 }.filter {
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(
                    atPath: root.appendingPathComponent($0).path, isDirectory: &isDirectory) && !isDirectory.boolValue
            }.sorted()
        }

        /// Runs the tool as the plugin does; returns its status, stderr and the file it wrote (nil if none).
        func embed() throws -> (status: Int32, stderr: String, output: String?) {
            let output = root.appendingPathComponent("out/EmbeddedFiles.swift")
            try FileManager.default.createDirectory(
                at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            var arguments = ["--root", root.path, "--output", output.path]
            for path in files("Rules") { arguments += ["--rule", path] }
            for path in files("Docs/remedies") { arguments += ["--page", path] }
            for path in files("Data") { arguments += ["--data", path] }
            let result = try ChildProcess.run(EmbedToolTests.tool, arguments, timeout: 60)
            return (result.status, result.stderr, try? String(contentsOf: output, encoding: .utf8))
        }

        /// Replaces the first `old` in `path`; returns the 1-based line of the rule (`- id:`) holding it.
        func replace(_ old: String, with new: String, in path: String) throws -> Int {
            let text = try self.text(path)
            guard let range = text.range(of: old) else { throw Missing(text: old) }
            try write(text.replacingCharacters(in: range, with: new), path)
            let lines = text[..<range.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            let ruleLine = lines.lastIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- id:") } ?? 0
            return ruleLine + 1
        }

        struct Missing: Error { let text: String }
    }

    @Test("the shipped files compile: every rule and signal is in the generated source, pre-decoded")
    func shippedTreeCompiles() throws {
        let tree = try Tree()
        try tree.write("name: sample\n", "Data/dla/sample.yaml")
        let result = try tree.embed()
        #expect(result.status == 0, "\(result.stderr)")
        let output = try #require(result.output)
        let ids = try tree.files("Rules").flatMap { path in
            try tree.text(path).split(separator: "\n").filter { $0.hasPrefix("  - id: ") }.map {
                String($0.dropFirst("  - id: ".count))
            }
        }
        #expect(ids.count >= 20)
        for id in ids { #expect(output.contains("Rule(id: \"\(id)\""), "\(id) is not compiled") }
        #expect(output.contains("\"Data/dla/sample.yaml\": \"name: sample\\n\""))
        #expect(!output.contains("Yams"))
    }

    @Test("a rule using a fact outside the catalogue fails with the rule's file and line")
    func uncataloguedFact() throws {
        let tree = try Tree()
        let line = try tree.replace(
            "fact: dla.driver.bound", with: "fact: dla.driver.bogus", in: "Rules/30-driver.yaml")
        let result = try tree.embed()
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "\(tree.root.path)/Rules/30-driver.yaml:\(line): error: NVDLA-DRV-"),
            "\(result.stderr)")
        #expect(result.stderr.contains("fact `dla.driver.bogus` is not in the catalogue"))
        #expect(result.output == nil)
    }

    @Test(
        "broken shipped files fail the build, each naming where",
        arguments: [
            (
                "Rules/10-platform.yaml", "schema: 1\n", "schema: 1\nrules:\n  - id: [unclosed\n",
                "Rules/10-platform.yaml:", "not valid YAML"
            ),
            (
                "Rules/10-platform.yaml", "severity: info", "severity: fatal", "Rules/10-platform.yaml:",
                "unknown severity `fatal`"
            ),
            (
                "Rules/10-platform.yaml", "id: NVDLA-PLAT-001", "id: NVDLA-PLAT-1", "Rules/10-platform.yaml:",
                "is not of the form <PREFIX>-<CODE>-<NNN>"
            ),
            (
                "Rules/10-platform.yaml", "{platform.model}", "{platform.model|shout}", "Rules/10-platform.yaml:",
                "unknown template filter `|shout`"
            ),
            (
                "Rules/10-platform.yaml", "{platform.model}", "{platform.nonsense}", "Rules/10-platform.yaml:",
                "template refers to unknown `{platform.nonsense}`"
            ),
        ])
    func brokenRule(path: String, old: String, new: String, location: String, message: String) throws {
        let tree = try Tree()
        _ = try tree.replace(old, with: new, in: path)
        let result = try tree.embed()
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        let diagnostic = try #require(lines.first { $0.contains(message) }, "\(result.stderr)")
        #expect(diagnostic.hasPrefix("\(tree.root.path)/\(location)"))
        #expect(diagnostic.contains(": error: "))
        let lineNumber = diagnostic.dropFirst("\(tree.root.path)/\(location)".count).prefix { $0.isNumber }
        #expect(Int(lineNumber) ?? 0 > 0, "no line number in \(diagnostic)")
        #expect(result.output == nil)
    }

    @Test("a rule without its remedy page, and a page without its rule, fail the build")
    func remedyPages() throws {
        let tree = try Tree()
        try FileManager.default.removeItem(at: tree.root.appendingPathComponent("Docs/remedies/NVDLA-FW-001.md"))
        try tree.write(try tree.text("Docs/remedies/NVDLA-PLAT-001.md"), "Docs/remedies/NVDLA-PLAT-099.md")
        let result = try tree.embed()
        #expect(result.status == 1)
        #expect(result.stderr.contains("/Rules/80-firmware.yaml:"), "\(result.stderr)")
        #expect(result.stderr.contains("NVDLA-FW-001") && result.stderr.contains("no remedy page"))
        #expect(
            result.stderr.contains(
                "\(tree.root.path)/Docs/remedies/NVDLA-PLAT-099.md: error: Docs/remedies/NVDLA-PLAT-099.md: remedy page has no rule"
            ))
    }

    @Test("the same rule ID in two shipped files fails the build")
    func duplicateID() throws {
        let tree = try Tree()
        let platform = try tree.text("Rules/10-platform.yaml")
        try tree.write(platform, "Rules/99-copy.yaml")
        let result = try tree.embed()
        #expect(result.status == 1)
        #expect(result.stderr.contains("/Rules/99-copy.yaml:"), "\(result.stderr)")
        #expect(result.stderr.contains("duplicate rule id NVDLA-PLAT-001"))
    }

    @Test("a data file that is not UTF-8 text fails the build, naming it")
    func binaryDataFile() throws {
        let tree = try Tree()
        try tree.write(Data([0xFF, 0xFE, 0x00, 0xC3]), "Data/dla/blob.bin")
        let result = try tree.embed()
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("\(tree.root.path)/Data/dla/blob.bin: error: not UTF-8 text"), "\(result.stderr)")
    }

    @Test("bad arguments are a usage error")
    func usage() throws {
        let result = try ChildProcess.run(Self.tool, ["--root"], timeout: 30)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--root needs a value"))
    }
}
