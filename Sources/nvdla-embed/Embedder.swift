import Foundation
import NvdlaRules

/// What stops the shipped rules from being embedded; each prints as a compiler-style diagnostic.
enum EmbedError: Error, CustomStringConvertible {
    case usage(String)
    /// A file that cannot be read, or is not UTF-8 text.
    case io(String, String)
    /// A rule file that does not decode (bad YAML, schema, key, value or duplicate ID).
    case rule(RuleFileError)
    /// A decoded rule or signal that fails lint, or a remedy page without a rule.
    case lint(RuleLint.Problem)

    var description: String {
        switch self {
        case .usage(let message): return message
        case .io(let path, let message): return "\(path): \(message)"
        case .rule(let error): return error.description
        case .lint(let problem): return "\(problem.location): \(problem.description)"
        }
    }

    /// `PATH[:LINE]: error: MESSAGE`, with PATH absolute so build logs and editors link to it.
    func diagnostic(root: String) -> String {
        func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : root + "/" + path }
        switch self {
        case .usage(let message): return "error: \(message)"
        case .io(let path, let message): return "\(absolute(path)): error: \(message)"
        case .rule(let error):
            let line = error.line.map { ":\($0)" } ?? ""
            return "\(absolute(error.file))\(line): error: \(error.message)"
        case .lint(let problem): return "\(absolute(problem.location)): error: \(problem.description)"
        }
    }
}

/// Reads the shipped files under `root`, checks the rules as `nvdla-doctor rules lint` would, and renders the
/// generated Swift file.
struct Embedder {
    /// Every problem found (all lint problems at once; decoding stops at the first).
    struct Failure: Error { let problems: [EmbedError] }

    /// The largest file embedded; the shipped files are a few KiB each.
    static let maximumFileSize = 4 * 1024 * 1024

    let root: String

    /// The generated source for these repository-relative paths.
    func source(rules: [String], pages: [String], data: [String]) throws(Failure) -> String {
        var unreadable: [EmbedError] = []
        func read(_ paths: [String]) -> [(name: String, text: String)] {
            var files: [(name: String, text: String)] = []
            for path in paths.sorted() {
                do throws(EmbedError) {
                    files.append((path, try text(of: path)))
                } catch {
                    unreadable.append(error)
                }
            }
            return files
        }
        let ruleFiles = read(rules)
        let pageFiles = read(pages)
        let dataFiles = read(data)
        guard unreadable.isEmpty else { throw Failure(problems: unreadable) }
        var set = RuleSet()
        do {
            try set.add(files: ruleFiles, label: "embedded")
        } catch {
            throw Failure(problems: [.rule(error)])
        }
        let pageTexts = Dictionary(pageFiles.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })
        let problems = RuleLint.lint(set.rules, pages: pageTexts) + RuleLint.lint(signals: set.signals)
        guard problems.isEmpty else { throw Failure(problems: problems.map(EmbedError.lint)) }
        return SwiftSource.file(rules: ruleFiles, pages: pageFiles, data: dataFiles, ruleSet: set)
    }

    /// The UTF-8 text of `path` (relative to `root`).
    func text(of path: String) throws(EmbedError) -> String {
        guard let data = FileManager.default.contents(atPath: root + "/" + path) else {
            throw .io(path, "cannot read")
        }
        guard data.count <= Self.maximumFileSize else { throw .io(path, "larger than 4 MiB") }
        guard let text = String(data: data, encoding: .utf8) else { throw .io(path, "not UTF-8 text") }
        return text
    }
}
