import Foundation
import PackagePlugin

/// Compiles `Rules/*.yaml`, `Docs/remedies/*.md` and every file under `Data/` into the target as generated Swift.
///
/// SwiftPM runs this plugin whenever it plans a build, which it does again when the directory structure under a
/// target changes: `Sources/NvdlaProbe/Embedded/` links to the three directories for that reason, so a file added or
/// removed there is picked up by the next `swift build`; an edit to a listed file reruns the command through its
/// inputs. No manual step either way. The `nvdla-embed` tool decodes and
/// lints the rules (a broken shipped rule fails the build, naming its file and line) and writes them pre-decoded,
/// so the binary does no YAML decoding of its own rules at start-up.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let rules = Self.files(in: root, "Rules", recursive: false) { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        let pages = Self.files(in: root, "Docs/remedies", recursive: false) { $0.hasSuffix(".md") }
        let data = Self.files(in: root, "Data", recursive: true) { $0 != "README.md" }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        var arguments = ["--root", root.path, "--output", output.path]
        for (flag, list) in [("--rule", rules), ("--page", pages), ("--data", data)] {
            for path in list { arguments += [flag, path] }
        }
        return [
            .buildCommand(
                displayName: "Compiling rules, remedy pages and data tables into \(target.name)",
                executable: try context.tool(named: "nvdla-embed").url,
                arguments: arguments,
                inputFiles: (rules + pages + data).map { root.appending(path: $0) },
                outputFiles: [output])
        ]
    }

    /// Repository-relative paths of the regular files under `directory` whose name passes `include`, sorted;
    /// hidden files and directories are skipped.
    static func files(in root: URL, _ directory: String, recursive: Bool, include: (String) -> Bool) -> [String] {
        let manager = FileManager.default
        var found: [String] = []
        var pending = [directory]
        while let current = pending.popLast() {
            guard let names = try? manager.contentsOfDirectory(atPath: root.appending(path: current).path) else {
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let relative = current + "/" + name
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: root.appending(path: relative).path, isDirectory: &isDirectory)
                else { continue }
                if isDirectory.boolValue {
                    if recursive { pending.append(relative) }
                } else if include(name) {
                    found.append(relative)
                }
            }
        }
        return found.sorted()
    }
}
