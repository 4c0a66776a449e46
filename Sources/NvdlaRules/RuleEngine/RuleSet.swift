import Foundation

/// The rules in force: the shipped `Rules/*.yaml` (decoded at build time), then `/etc/nvdla-doctor/rules.d/`, then
/// each `--rules DIR`; a later rule with the same ID replaces an earlier one.
public struct RuleSet: Sendable {
    public private(set) var rules: [Rule]
    /// Where each rule came from (`embedded`, or a directory), by ID.
    public private(set) var origins: [String: String]
    /// Kernel-log signals declared in the rule files (a later one with the same name replaces an earlier one).
    public private(set) var signals: [LogSignal] = []

    /// The site directory read on every run when it exists.
    public static let siteDirectory = "/etc/nvdla-doctor/rules.d"

    public init(rules: [Rule] = []) {
        self.rules = rules
        self.origins = Dictionary(rules.map { ($0.id, "embedded") }, uniquingKeysWith: { a, _ in a })
    }

    /// Rules and signals already decoded (the shipped ones, compiled at build time), all from `label`.
    package init(decoded rules: [Rule], signals: [LogSignal], label: String) {
        self.rules = rules.sorted { $0.id < $1.id }
        self.origins = Dictionary(rules.map { ($0.id, label) }, uniquingKeysWith: { a, _ in a })
        self.signals = signals
    }

    /// Each of `directories` added in turn (site rules: decoded now, errors name file and line).
    public mutating func add(directories: [String]) throws(RuleFileError) {
        for dir in directories {
            try add(files: try Self.readDirectory(dir), label: dir)
        }
    }

    /// Reads every `*.yaml`/`*.yml` file of `dir` (sorted by name); refuses huge files.
    public static func readDirectory(_ dir: String) throws(RuleFileError) -> [(name: String, text: String)] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw RuleFileError(file: dir, line: nil, "not a readable directory")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: dir)
        } catch {
            throw RuleFileError(file: dir, line: nil, "cannot list: \(error.localizedDescription)")
        }
        var files: [(String, String)] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = dir + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RuleFileError(file: path, line: nil, "cannot read")
            }
            guard data.count <= 4 * 1024 * 1024 else { throw RuleFileError(file: path, line: nil, "larger than 4 MiB") }
            guard let text = String(data: data, encoding: .utf8) else {
                throw RuleFileError(file: path, line: nil, "not UTF-8 text")
            }
            files.append((path, text))
        }
        return files
    }

    /// Decodes `files` and adds their rules: duplicates within one source are an error, across sources an override.
    public mutating func add(files: [(name: String, text: String)], label: String) throws(RuleFileError) {
        var seen: [String: String] = [:]
        for (name, text) in files {
            let (decoded, signals) = try RuleDecoder(file: name).decodeFile(text)
            for signal in signals {
                if let index = self.signals.firstIndex(where: { $0.name == signal.name }) {
                    self.signals[index] = signal
                } else {
                    self.signals.append(signal)
                }
            }
            for rule in decoded {
                if let first = seen[rule.id] {
                    let line = Int(rule.origin.split(separator: ":").last ?? "")
                    throw RuleFileError(
                        file: name, line: line, "duplicate rule id \(rule.id) (first defined at \(first))")
                }
                seen[rule.id] = rule.origin
                if let index = rules.firstIndex(where: { $0.id == rule.id }) {
                    rules[index] = rule
                } else {
                    rules.append(rule)
                }
                origins[rule.id] = label
            }
        }
        rules.sort { $0.id < $1.id }
    }

    /// The rule with `id`.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}
