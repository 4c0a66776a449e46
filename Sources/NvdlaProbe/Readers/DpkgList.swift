/// Parses the output of `dpkg -l`: the `ii  name  version  arch  description` table and its header.
///
/// The header (`Desired=…`, `| Status=…`, `||/ Name Version Architecture Description`, `+++-===…`) is
/// skipped; it also tells whether the Architecture column exists (dpkg before 1.16.2 has none). Without a
/// header (e.g. `dpkg -l | grep nvidia`) a fourth column that names a Debian architecture is taken as one.
public enum DpkgList: Sendable, Equatable {
    /// One `dpkg -l` table row.
    public struct Package: Sendable, Equatable {
        /// The package name, without a `:arch` qualifier.
        public let name: String
        /// The version column.
        public let version: String
        /// The Architecture column, or the `:arch` qualifier of the name; `nil` when neither is present.
        public let architecture: String?
        /// The two or three state letters, e.g. `ii`, `rc`, `hi`, `iHR`.
        public let state: String
        /// Whether the package is installed (second state letter `i`).
        public let isInstalled: Bool
    }

    /// Parses `dpkg -l` output; rows that do not start with state letters, or whose version does not start
    /// with a digit, are ignored.
    public static func parse(_ text: String) -> [Package] {
        var hasArchitectureColumn: Bool?
        var packages: [Package] = []
        for line in ReaderLex.lines(text) {
            let columns = ReaderLex.fields(line)
            guard let first = columns.first else { continue }
            if first.utf8.first == 0x7C || first.utf8.first == 0x2B {  // "|" or "+++" header lines
                if columns.contains("Name") { hasArchitectureColumn = columns.contains("Architecture") }
                continue
            }
            guard columns.count >= 3, isState(first), let lead = columns[2].utf8.first,
                ReaderLex.isDigit(lead)
            else { continue }
            var name = columns[1]
            var qualifier: Substring?
            if let (base, arch) = ReaderLex.splitOnce(name, 0x3A), !base.isEmpty, !arch.isEmpty {
                name = base
                qualifier = arch
            }
            var architecture = qualifier
            let useColumn =
                hasArchitectureColumn ?? (columns.count >= 4 && knownArchitectures.contains(columns[3]))
            if useColumn, columns.count >= 4 { architecture = columns[3] }
            let letters = Array(first.utf8)
            packages.append(
                Package(
                    name: String(name), version: String(columns[2]),
                    architecture: architecture.map { String($0) },
                    state: String(first), isInstalled: letters.count >= 2 && letters[1] == 0x69))
        }
        return packages
    }

    /// Debian architecture names used to spot the Architecture column of header-less `dpkg -l` rows.
    private static let knownArchitectures: Set<Substring> = [
        "all", "any", "arm64", "amd64", "armhf", "armel", "i386", "riscv64", "ppc64el", "s390x", "mips64el",
    ]

    /// Desired (`u i h r p`) + status (`n c H U F W t i`) + optional error (`R`) letters.
    private static func isState(_ token: Substring) -> Bool {
        let letters = Array(token.utf8)
        guard letters.count == 2 || letters.count == 3 else { return false }
        let desired: Set<UInt8> = Set("uihrp?".utf8)
        let status: Set<UInt8> = Set("ncHUFWti?".utf8)
        guard desired.contains(letters[0]), status.contains(letters[1]) else { return false }
        return letters.count == 2 || letters[2] == 0x52 || letters[2] == 0x20
    }
}
