import Foundation

extension RuleSet {
    /// The shipped rules and log signals: `Rules/*.yaml` decoded and linted when the binary was built (the
    /// EmbedResources build plugin), so nothing is parsed at start-up.
    public static func embedded() -> RuleSet {
        RuleSet(decoded: EmbeddedFiles.compiledRules, signals: EmbeddedFiles.compiledSignals, label: "embedded")
    }

    /// Shipped rules plus the site directory (when `includeSite` and it exists) and each of `directories`.
    public static func load(directories: [String], includeSite: Bool = true) throws(RuleFileError) -> RuleSet {
        var set = embedded()
        var dirs = directories
        if includeSite, FileManager.default.fileExists(atPath: siteDirectory) { dirs.insert(siteDirectory, at: 0) }
        try set.add(directories: dirs)
        return set
    }
}
