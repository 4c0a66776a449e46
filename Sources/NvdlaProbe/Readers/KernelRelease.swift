/// Splits a kernel release string (`uname -r`, `/proc/sys/kernel/osrelease`) such as `5.15.148-tegra`.
///
/// The numeric part is the leading `major.minor[.patch]`; everything after it (`-tegra`, `-1012-nvidia`, `+`)
/// is the local suffix.
public struct KernelRelease: Sendable, Equatable {
    /// The release as given, trimmed.
    public let release: String
    /// The leading dotted numbers, e.g. `5.15.148`.
    public let numeric: String
    /// What follows the numbers, e.g. `-tegra`; empty when nothing does.
    public let localSuffix: String
    /// The major version, e.g. `5`.
    public let major: Int
    /// The minor version, e.g. `15`.
    public let minor: Int
    /// The patch level (sublevel), e.g. `148`; `nil` for `6.8`-style releases.
    public let patch: Int?

    /// `major.minor` of the kernel release, e.g. `5.15`.
    public var majorMinor: String { "\(major).\(minor)" }

    /// Parses a `uname -r` release string; `nil` unless it starts with `<major>.<minor>`.
    public static func parse(_ text: String) -> KernelRelease? {
        let release = ReaderLex.trimmed(ReaderLex.lines(text).first ?? "")
        var numbers: [Int] = []
        var index = release.utf8.startIndex
        var numericEnd = index
        while numbers.count < 3 {
            var digitsEnd = index
            while digitsEnd != release.utf8.endIndex, ReaderLex.isDigit(release.utf8[digitsEnd]) {
                digitsEnd = release.utf8.index(after: digitsEnd)
            }
            guard digitsEnd != index, let number = ReaderLex.int(release[index..<digitsEnd]),
                number <= 1_000_000
            else { break }
            numbers.append(number)
            numericEnd = digitsEnd
            guard digitsEnd != release.utf8.endIndex, release.utf8[digitsEnd] == 0x2E else { break }
            index = release.utf8.index(after: digitsEnd)
        }
        guard numbers.count >= 2 else { return nil }
        return KernelRelease(
            release: String(release), numeric: String(release[release.startIndex..<numericEnd]),
            localSuffix: String(release[numericEnd...]), major: numbers[0], minor: numbers[1],
            patch: numbers.count > 2 ? numbers[2] : nil)
    }
}
