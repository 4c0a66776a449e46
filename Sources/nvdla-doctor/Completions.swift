import ArgumentParser
import NvdlaProbe

/// Shell completions for values the shell cannot guess: rule IDs (shipped and site rules) for `explain`.
enum Completions {
    /// The rule IDs in force that start with what was typed (any case), for `explain ID`.
    static let ruleIDs = CompletionKind.custom { _, _, prefix in
        let ids = (try? RuleSet.load(directories: [], includeSite: true))?.rules.map(\.id) ?? []
        return ids.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }.sorted()
    }

    /// A root: a directory or a bundle (`.tar.gz`).
    static let root = CompletionKind.file()
}
