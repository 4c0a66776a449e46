/// Parses `/proc/version`: `Linux version <release> (<builder>) (<compiler>) #<n> SMP PREEMPT <date>`.
///
/// Example: `Linux version 5.15.148-tegra (buildbrain@mobile-u64-6336-d8000)
/// (aarch64-buildroot-linux-gnu-gcc.br_real (Buildroot 2022.08) 11.3.0, GNU ld (GNU Binutils) 2.38)
/// #1 SMP PREEMPT Tue Jan  7 17:19:33 PST 2025` (one line in the file).
public struct ProcVersion: Sendable, Equatable {
    /// The kernel release (`uname -r`), e.g. `5.15.148-tegra`.
    public let release: String
    /// The first parenthesised group, `user@host` of the build.
    public let builder: String?
    /// The second parenthesised group, the compiler and linker (nested parentheses kept).
    public let compiler: String?
    /// The text from `#` on, e.g. `#1 SMP PREEMPT Tue Jan  7 17:19:33 PST 2025`.
    public let build: String?

    /// Parses `/proc/version` text; `nil` unless it starts with `Linux version ` and a release that starts
    /// with a digit.
    public static func parse(_ text: String) -> ProcVersion? {
        let line = ReaderLex.trimmed(ReaderLex.lines(text).first ?? "")
        guard ReaderLex.hasPrefix(line, "Linux version ") else { return nil }
        var rest = ReaderLex.trimmed(line.dropFirst("Linux version ".count))
        let release = rest.prefix { !$0.isWhitespace }
        guard let lead = release.utf8.first, ReaderLex.isDigit(lead) else { return nil }
        rest = ReaderLex.trimmed(rest.dropFirst(release.count))
        var groups: [String] = []
        while groups.count < 2, rest.first == "(", let group = balancedGroup(rest) {
            groups.append(String(group.inner))
            rest = ReaderLex.trimmed(group.rest)
        }
        let build = rest.first == "#" ? String(rest) : nil
        return ProcVersion(
            release: String(release), builder: groups.first, compiler: groups.count > 1 ? groups[1] : nil,
            build: build)
    }

    /// Splits `(a (b) c) rest` into `a (b) c` and ` rest`; `nil` when the parentheses never close.
    private static func balancedGroup(_ text: Substring) -> (inner: Substring, rest: Substring)? {
        var depth = 0
        var index = text.startIndex
        while index != text.endIndex {
            let character = text[index]
            if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
                if depth == 0 {
                    let inner = text[text.index(after: text.startIndex)..<index]
                    return (inner, text[text.index(after: index)...])
                }
            }
            index = text.index(after: index)
        }
        return nil
    }
}
