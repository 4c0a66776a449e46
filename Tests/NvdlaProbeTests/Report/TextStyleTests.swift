import Testing

@testable import NvdlaProbe

/// Colour and symbols follow the environment: NO_COLOR (no-color.org), TERM=dumb, the locale's codeset.
@Suite("Text style")
struct TextStyleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let environment: [String: String]
        let terminal: Bool
        let color: Bool
        let unicode: Bool
        var testDescription: String {
            environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                + (terminal ? " (tty)" : " (pipe)")
        }
    }

    @Test(
        "colour on a terminal unless NO_COLOR is non-empty or TERM is dumb; UTF-8 symbols only in a UTF-8 locale",
        arguments: [
            Case(environment: ["TERM": "xterm", "LANG": "C.UTF-8"], terminal: true, color: true, unicode: true),
            Case(environment: ["TERM": "xterm", "LANG": "C.UTF-8"], terminal: false, color: false, unicode: true),
            Case(environment: ["TERM": "xterm", "NO_COLOR": "1"], terminal: true, color: false, unicode: false),
            Case(environment: ["TERM": "xterm", "NO_COLOR": "0"], terminal: true, color: false, unicode: false),
            // An empty NO_COLOR counts as unset.
            Case(
                environment: ["TERM": "xterm-256color", "NO_COLOR": "", "LC_ALL": "en_US.utf8"], terminal: true,
                color: true, unicode: true),
            Case(environment: ["TERM": "dumb", "LANG": "en_US.UTF-8"], terminal: true, color: false, unicode: true),
            Case(environment: ["LANG": "en_US.UTF-8"], terminal: true, color: false, unicode: true),
            // LC_ALL wins over LANG; an empty LC_ALL does not.
            Case(
                environment: ["TERM": "xterm", "LC_ALL": "C", "LANG": "C.UTF-8"], terminal: true, color: true,
                unicode: false),
            Case(
                environment: ["TERM": "xterm", "LC_ALL": "", "LC_CTYPE": "de_DE.UTF-8@euro"], terminal: true,
                color: true, unicode: true),
            Case(
                environment: ["TERM": "xterm", "LANG": "en_US.ISO-8859-1"], terminal: true, color: true,
                unicode: false),
            Case(environment: ["TERM": "xterm", "LANG": "POSIX"], terminal: true, color: true, unicode: false),
            Case(environment: ["TERM": "xterm"], terminal: true, color: true, unicode: false),
        ])
    func resolve(_ item: Case) {
        let style = TextStyle.resolve(environment: item.environment, isTerminal: item.terminal)
        #expect(style == TextStyle(color: item.color, unicode: item.unicode))
    }

    @Test("ASCII spells the report's symbols and leaves other text alone")
    func ascii() {
        #expect(
            TextStyle.ascii("dt okay → bound · 92% ≈ 3 × 4 ≥ 1 — ✓ ✗ …")
                == "dt okay -> bound - 92% ~ 3 x 4 >= 1 -- ok X ...")
        #expect(TextStyle.ascii("plain ASCII stays") == "plain ASCII stays")
        #expect(TextStyle.ascii("Größe 名前") == "Größe 名前", "quoted text is not rewritten")
        #expect(TextStyle(color: false, unicode: false).draw("a → b") == "a -> b")
        #expect(TextStyle(color: false, unicode: true).draw("a → b") == "a → b")
    }
}
