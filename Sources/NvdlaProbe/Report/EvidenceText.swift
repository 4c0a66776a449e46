/// One `seen:` line of a finding in the text report, in words a person reads without the fact catalogue.
///
/// A number is named and shown in its unit (`/proc/meminfo: CMA size (CmaTotal) = 64 MiB`); a kernel-log line, a
/// string or a yes/no is shown as read (`…/status: okay`), since its source path already says what it is.
enum EvidenceText {
    /// The text after `seen: `.
    static func line(_ evidence: Evidence) -> String {
        let expected = evidence.expected.map { " (expected \($0))" } ?? ""
        return "\(evidence.source): \(value(evidence))\(expected)"
    }

    static func value(_ evidence: Evidence) -> String {
        guard let spec = FactCatalogue.spec(for: evidence.fact) else { return evidence.observed }
        if spec.type == .int, let number = Int64(evidence.observed) {
            return "\(label(spec.meaning)) = \(FactUnit.of(evidence.fact).format(number))"
        }
        // Facts derived from a pasted log share one source; name them so the value reads on its own.
        if evidence.fact.hasPrefix("trt.") { return "\(label(spec.meaning)) = \(evidence.observed)" }
        return evidence.observed
    }

    /// The catalogue meaning without its unit, notes and examples: `CMA size (CmaTotal), bytes` → `CMA size
    /// (CmaTotal)`, ``Switched layers by operator (`Shuffle ×6`)`` → `switched layers by operator`; a capital that only
    /// starts the sentence is lowered (`Largest free run` → `largest free run`).
    static func label(_ meaning: String) -> String {
        var cleaned = meaning
        while let example = cleaned.range(of: #" \(`[^`]*`\)"#, options: .regularExpression) {
            cleaned.removeSubrange(example)
        }
        var text = Substring(cleaned)
        for cut in [", Hz", ", bytes", " in bytes", ", percent", "; "] {
            if let range = text.range(of: cut) { text = text[..<range.lowerBound] }
        }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if let first = words.first, first.count > 1, first.dropFirst().filter(\.isLetter).allSatisfy(\.isLowercase) {
            words[0] = first.lowercased()
        }
        return words.joined(separator: " ")
    }

    /// The evidence of a finding without lines that would read the same twice (the first and last line of a log
    /// signal that matched once, one file cited for two facts with the same value).
    static func unique(_ evidence: [Evidence]) -> [Evidence] {
        var seen = Set<String>()
        return evidence.filter { seen.insert(line($0)).inserted }
    }
}
