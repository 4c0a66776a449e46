/// Parses `apt list --installed` (and plain `apt list`) output lines.
///
/// Each line reads `name/suite[,suite…][,now] version arch [flags]`, e.g.
/// `libnvinfer10/stable,now 10.3.0.30-1+cuda12.5 arm64 [installed]`; flags include `installed`,
/// `automatic`, `local`, `residual-config`, `upgradable from: X` and `upgradable to: X`. The `Listing...`
/// and `WARNING: apt does not have a stable CLI interface` lines and ANSI colours are ignored, as are lines
/// whose version does not start with a digit (Debian versions always do).
public enum AptList: Sendable, Equatable {
    /// One `apt list` line.
    public struct Package: Sendable, Equatable {
        /// The package name.
        public let name: String
        /// The candidate or installed version shown.
        public let version: String
        /// The architecture column (`arm64`, `all`).
        public let architecture: String?
        /// The suites after the slash, e.g. `["stable", "now"]`.
        public let suites: [String]
        /// The bracketed flags split on commas, e.g. `["installed", "automatic"]`.
        public let flags: [String]
        /// Whether a flag says `installed` (also `installed,automatic`, `installed,local`, `upgradable to`).
        public let isInstalled: Bool
        /// The installed version named by `[upgradable from: X]`.
        public let upgradableFrom: String?
    }

    /// Parses `apt list` output; lines that are not `name/suite version …` are ignored.
    public static func parse(_ text: String) -> [Package] {
        var packages: [Package] = []
        for rawLine in ReaderLex.lines(ReaderLex.stripANSI(text)) {
            let line = ReaderLex.trimmed(rawLine)
            guard let slash = line.utf8.firstIndex(of: 0x2F), line.utf8.first != 0x2F else { continue }
            let name = line[line.startIndex..<slash]
            guard !name.utf8.contains(where: { ReaderLex.isSpace($0) || $0 == 0x3A }) else { continue }
            let rest = line[line.utf8.index(after: slash)..<line.endIndex]
            var bracket: Substring = ""
            var head = rest
            if let open = rest.utf8.firstIndex(of: 0x5B) {
                head = rest[rest.startIndex..<open]
                var inside = rest[rest.utf8.index(after: open)..<rest.endIndex]
                if let close = inside.utf8.lastIndex(of: 0x5D) { inside = inside[inside.startIndex..<close] }
                bracket = inside
            }
            let columns = ReaderLex.fields(head)
            guard columns.count >= 2, let first = columns[1].utf8.first, ReaderLex.isDigit(first) else {
                continue
            }
            let flags = bracket.split(separator: ",").map { String(ReaderLex.trimmed($0)) }.filter {
                !$0.isEmpty
            }
            var upgradableFrom: String?
            for flag in flags where flag.hasPrefix("upgradable from:") {
                upgradableFrom = String(ReaderLex.trimmed(flag.dropFirst("upgradable from:".count)))
            }
            let installed = flags.contains { $0 == "installed" || $0.hasPrefix("upgradable to") }
            packages.append(
                Package(
                    name: String(name), version: String(columns[1]),
                    architecture: columns.count >= 3 ? String(columns[2]) : nil,
                    suites: columns[0].split(separator: ",").map { String($0) }, flags: flags,
                    isInstalled: installed, upgradableFrom: upgradableFrom))
        }
        return packages
    }
}
