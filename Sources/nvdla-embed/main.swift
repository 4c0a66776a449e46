import Foundation
import NvdlaRules

// nvdla-embed --root DIR --output FILE [--rule PATH]… [--page PATH]… [--data PATH]…
//
// Run by the EmbedResources build plugin. Reads the files (paths relative to DIR), decodes and lints the rules
// (schema, IDs, catalogued facts, templates, a complete remedy page per rule and a rule per page) and writes
// FILE: the texts, the decoded rules and the decoded field table (Data/fields.yaml) as Swift. Any problem is printed
// as `PATH:LINE: error: …` and exits 1, which fails the build.

/// The command line, split by flag.
struct Arguments {
    var root = ""
    var output = ""
    var rules: [String] = []
    var pages: [String] = []
    var data: [String] = []

    init(_ list: [String]) throws(EmbedError) {
        var rest = list[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw EmbedError.usage("\(flag) needs a value") }
            switch flag {
            case "--root": root = value
            case "--output": output = value
            case "--rule": rules.append(value)
            case "--page": pages.append(value)
            case "--data": data.append(value)
            default: throw EmbedError.usage("unknown argument \(flag)")
            }
        }
        guard !root.isEmpty, !output.isEmpty else { throw EmbedError.usage("--root and --output are required") }
    }
}

let arguments: Arguments
do {
    arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("nvdla-embed: \(error)\n".utf8))
    exit(64)
}
let problems: [EmbedError]
do {
    let source = try Embedder(root: arguments.root).source(
        rules: arguments.rules, pages: arguments.pages, data: arguments.data)
    let current = try? String(contentsOfFile: arguments.output, encoding: .utf8)
    if current != source {
        try Data(source.utf8).write(to: URL(fileURLWithPath: arguments.output), options: .atomic)
    }
    problems = []
} catch let failure as Embedder.Failure {
    problems = failure.problems
} catch {
    problems = [.io(arguments.output, "cannot write: \(error.localizedDescription)")]
}
for problem in problems {
    FileHandle.standardError.write(Data("\(problem.diagnostic(root: arguments.root))\n".utf8))
}
exit(problems.isEmpty ? 0 : 1)
