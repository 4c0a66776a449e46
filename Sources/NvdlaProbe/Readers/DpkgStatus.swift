/// Parses `/var/lib/dpkg/status`: RFC-822 stanzas (one per package) separated by blank lines.
///
/// Continuation lines (leading space or tab) belong to the previous field and are skipped; field names are
/// matched case-insensitively. A stanza lacking `Package:` or `Version:` (for example a truncated last
/// stanza) is not returned and is counted in `malformedStanzas`.
public struct DpkgStatus: Sendable, Equatable {
    /// One `/var/lib/dpkg/status` stanza.
    public struct Package: Sendable, Equatable {
        /// `Package:` name, e.g. `nvidia-l4t-core`.
        public let name: String
        /// `Version:`, e.g. `36.4.3-20250107174145`.
        public let version: String
        /// `Architecture:` (`arm64`, `all`).
        public let architecture: String?
        /// The `Status:` triple as written, e.g. `install ok installed`.
        public let status: String?
        /// The source package name from `Source:` (its `(version)` part dropped).
        public let source: String?
        /// Whether the status state word (third of the triple) is `installed`, as in `install ok installed`
        /// (a held package, `hold ok installed`, is installed too).
        public let isInstalled: Bool
    }

    /// Packages in file order (a name can repeat for several architectures).
    public let packages: [Package]
    /// How many non-empty stanzas lacked `Package:` or `Version:` or held a line without a colon.
    public let malformedStanzas: Int

    /// The first installed `/var/lib/dpkg/status` package with that name, if any.
    public func installed(_ name: String) -> Package? {
        packages.first { $0.name == name && $0.isInstalled }
    }

    /// Parses `/var/lib/dpkg/status` text; never fails (garbage yields no packages and a malformed count).
    public static func parse(_ text: String) -> DpkgStatus {
        var packages: [Package] = []
        var malformed = 0
        for stanza in ReaderLex.stanzas(text) {
            guard let name = stanza.value("Package"), !name.isEmpty,
                let version = stanza.value("Version"), !version.isEmpty
            else {
                malformed += 1
                continue
            }
            if stanza.hasMalformedLine { malformed += 1 }
            let status = stanza.value("Status").map { String($0) }
            let words = status.map { ReaderLex.fields($0[...]) } ?? []
            let source = stanza.value("Source").flatMap { ReaderLex.fields($0).first }.map { String($0) }
            packages.append(
                Package(
                    name: String(name), version: String(version),
                    architecture: stanza.value("Architecture").map { String($0) }, status: status,
                    source: source, isInstalled: words.count == 3 && words[2] == "installed"))
        }
        return DpkgStatus(packages: packages, malformedStanzas: malformed)
    }
}
