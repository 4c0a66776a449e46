import Foundation

/// How text for people is drawn: ANSI colour or none, UTF-8 symbols (`✓ → · ≈`) or ASCII ones.
///
/// Decided from the environment the way terminal tools do: colour only on a terminal, never when `NO_COLOR` is set
/// to a non-empty value (an empty `NO_COLOR` counts as unset, as no-color.org says) or when `TERM` is `dumb` or
/// unset; UTF-8 symbols only when the character-type locale (`LC_ALL`, else `LC_CTYPE`, else `LANG`, the first
/// that is set and not empty; `C` when none is) names the UTF-8 codeset. JSON and Prometheus output are not
/// affected: they are UTF-8 by definition.
public struct TextStyle: Sendable, Equatable {
    /// Wrap severities and headings in ANSI colour codes.
    public var color: Bool
    /// Use UTF-8 symbols; when false, `ascii(_:)` transliterates them.
    public var unicode: Bool

    public init(color: Bool, unicode: Bool) {
        self.color = color
        self.unicode = unicode
    }

    /// No colour, UTF-8 symbols: what the library renders when nobody asked (tests, embedding).
    public static let plain = TextStyle(color: false, unicode: true)

    /// The style for a process with `environment` whose standard output is (or is not) a terminal.
    public static func resolve(environment: [String: String], isTerminal: Bool) -> TextStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let term = environment["TERM"] ?? ""
        let color = isTerminal && !noColor && !term.isEmpty && term != "dumb"
        return TextStyle(color: color, unicode: isUTF8Locale(environment))
    }

    /// The style of this process (standard output).
    public static var standard: TextStyle {
        resolve(environment: ProcessInfo.processInfo.environment, isTerminal: isatty(1) == 1)
    }

    /// Whether the locale that governs character encoding uses UTF-8: `C.UTF-8`, `en_US.utf8`, `de_DE.UTF-8@euro`.
    static func isUTF8Locale(_ environment: [String: String]) -> Bool {
        let locale =
            ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "C"
        guard let dot = locale.firstIndex(of: ".") else { return false }
        var codeset = locale[locale.index(after: dot)...]
        if let at = codeset.firstIndex(of: "@") { codeset = codeset[..<at] }
        let normalized = codeset.lowercased().replacingOccurrences(of: "-", with: "")
        return normalized == "utf8"
    }

    /// `text` as this style draws it: unchanged with UTF-8, else with the report's symbols spelled in ASCII.
    public func draw(_ text: String) -> String { unicode ? text : Self.ascii(text) }

    /// The symbols reports use, spelled in ASCII (`→` as `->`, `·` as `-`, `≈` as `~`…); other characters, such as
    /// text quoted from a log, are left as they are.
    public static func ascii(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replacement = asciiSymbols[scalar] {
                out += replacement
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let asciiSymbols: [Unicode.Scalar: String] = [
        "→": "->", "←": "<-", "↔": "<->", "⇄": "<->", "·": "-", "…": "...", "—": "--", "–": "-", "−": "-", "×": "x",
        "≈": "~",
        "≥": ">=", "≤": "<=", "‘": "'", "’": "'", "“": "\"", "”": "\"", "§": "S", "°": " deg", "✓": "ok", "✗": "X",
    ]
}
