/// Parses `apt show` / `apt-cache show` output: one or more RFC-822 stanzas (`Package:`, `Version:`, …).
///
/// Stanzas without both `Package:` and `Version:` (notes such as `N: There are 2 additional records`,
/// the `WARNING: apt does not have a stable CLI interface` banner) are skipped.
public enum AptShow: Sendable, Equatable {
    /// One `apt show` record.
    public struct Package: Sendable, Equatable {
        /// `Package:` name, e.g. `nvidia-jetpack`.
        public let name: String
        /// `Version:`, e.g. `6.2+b77`.
        public let version: String
        /// `Architecture:` (`arm64`, `all`).
        public let architecture: String?
        /// `Source:` package name, its `(version)` part dropped.
        public let source: String?
        /// `APT-Sources:` (apt show only), e.g.
        /// `https://repo.download.nvidia.com/jetson/common r36.4/main arm64 Packages`.
        public let aptSources: String?
    }

    /// Parses `apt show` output; records appear in output order.
    public static func parse(_ text: String) -> [Package] {
        ReaderLex.stanzas(ReaderLex.stripANSI(text)).compactMap { stanza in
            guard let name = stanza.value("Package"), !name.isEmpty,
                let version = stanza.value("Version"), !version.isEmpty
            else { return nil }
            return Package(
                name: String(name), version: String(version),
                architecture: stanza.value("Architecture").map { String($0) },
                source: stanza.value("Source").flatMap { ReaderLex.fields($0).first }.map { String($0) },
                aptSources: stanza.value("APT-Sources").map { String($0) })
        }
    }
}
