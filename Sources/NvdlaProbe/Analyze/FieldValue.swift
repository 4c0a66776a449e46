/// The kinds of value `Data/fields.yaml` reads, with the pattern each must match and how it is normalised.
///
/// Patterns are PCRE2, matched case-insensitively right after a field's name and separator; `normalise` turns the
/// matched text into the fact's value (or nil when it is a placeholder such as `**MISSING**`).
public enum FieldValue {
    public enum Kind: String, Decodable, Sendable {
        /// Dotted digits: `8.5.2.2`, `12.2` (a Debian suffix such as `-1+cuda11.4` or `-b17` is not part of it).
        case version
        /// A JetPack release: `4.6.1`, `5.1.2`, `6.0` (majors 1–7, so an L4T package version is never one).
        case jetpack
        /// An L4T release: `32.5.1`, `R35.4.1`, `36.4` (majors 2x and 3x).
        case l4t
        /// A module P-number: `p3701-0005`, `P2888-0001`, `3767-0000`.
        case pnumber
        /// A Tegra SoC: `tegra194`, `tegra23x`, `t210`.
        case soc
        /// A kernel release: `5.10.120-tegra`.
        case kernel
        /// A Jetson board name: `NVIDIA Jetson AGX Orin Developer Kit`, `AGX Xavier [16GB]`.
        case board
        /// Anything to the end of the line.
        case text

        /// A measurement's unit after the number: `TensorRT + CUDA: 125.9 ms/image` is a timing, not a version.
        /// (Patterns are compiled without case, so no unit is a single letter: `5.1 w/ DeepStream`, `8.5.2 S/N` stay.)
        var unit: String { #"(?!\s?(?:%|°C|it/s|(?:ms|fps|sec|[KMG]i?B|[MG]Hz)(?![A-Za-z])))"# }

        var pattern: String {
            switch self {
            // A Debian revision whose dash was lost (`8.5.2.2.1+cuda11.4` for `8.5.2.2-1+cuda11.4`) is not a part.
            case .version: return #"(?:\d+(?:\.\d+){1,3}(?=\.\d+\+cuda)|\d+(?:\.\d+){1,3}(?!\.?\d)"# + unit + ")"
            case .jetpack: return #"[1-7](?:\.\d+){1,2}(?!\.?\d)"# + unit
            case .l4t: return #"(?:2\d|3\d)(?:\.\d+){1,2}(?!\.?\d)"# + unit
            case .pnumber: return #"p?\d{4}[-:]\d{4}(?!\d)"#
            case .soc: return #"tegra\d{2}x|tegra\d{2,3}|t(?:210|186|194|234|264)(?!\d)"#
            case .kernel: return #"[2-7]\.\d+\.\d+[-\w.+~]*"#
            case .board:
                return #"[^\n]*?(?:"# + FieldValue.boardWords.joined(separator: "|") + #")[^\n]*"#
            case .text: return #"[^\n]+"#
            }
        }
    }

    /// The fact value for `raw` of `kind`, or nil when it is no value (a placeholder, a malformed string).
    public static func normalise(_ raw: String, as kind: Kind) -> String? {
        let text = raw.trimmingSpaces
        switch kind {
        case .version, .jetpack:
            return dotted(text, stripR: false)
        case .l4t:
            // A kernel package version carries the L4T release after the kernel's: 5.10.120-tegra-35.4.1-2023….
            let release = text.range(of: "-tegra-").map { String(text[$0.upperBound...]) } ?? text
            guard let value = dotted(release, stripR: true), let major = value.split(separator: ".").first,
                major.count == 2, major.first == "2" || major.first == "3"
            else { return nil }
            return value
        case .pnumber:
            let digits = text.lowercased().drop { $0 == "p" }
            let parts = digits.split(whereSeparator: { $0 == "-" || $0 == ":" })
            guard parts.count >= 2, parts[0].count == 4, parts[1].count == 4,
                parts[0].allSatisfy(\.isASCIIDigit), parts[1].prefix(4).allSatisfy(\.isASCIIDigit)
            else { return nil }
            return "p\(parts[0])-\(parts[1].prefix(4))"
        case .soc:
            return soc(text)
        case .kernel:
            var cut = String(text.prefix { !$0.isWhitespace && $0 != "," && $0 != ")" && $0 != "(" && $0 != "`" })
            // A kernel package version (5.15.136-tegra-36.3.0-2024…) names the release before the L4T part.
            if let tegra = cut.range(of: "-tegra-") { cut = String(cut[..<tegra.lowerBound]) + "-tegra" }
            return cut.isEmpty ? nil : cut
        case .board:
            return board(text)
        case .text:
            return text.isEmpty ? nil : text
        }
    }

    /// `R32.5.1` → `32.5.1`; `36.3.0-20240719161631` → `36.3.0`; `8.5.2-1+cuda11.4` → `8.5.2`; `4.6.3-b17` → `4.6.3`.
    static func dotted(_ text: String, stripR: Bool) -> String? {
        var rest = Substring(text)
        if stripR, let first = rest.first, first == "R" || first == "r" { rest = rest.dropFirst() }
        var out = ""
        var lastWasDot = true
        for c in rest {
            if c.isASCIIDigit {
                out.append(c)
                lastWasDot = false
            } else if c == ".", !lastWasDot {
                out.append(c)
                lastWasDot = true
            } else {
                break
            }
        }
        while out.hasSuffix(".") { out.removeLast() }
        guard out.contains(".") else { return nil }
        return out
    }

    /// `tegra23x` → `tegra234`, `t210` → `tegra210`, `Tegra194` → `tegra194`.
    static func soc(_ text: String) -> String? {
        let lower = text.lowercased()
        let families = [
            "tegra21x": "tegra210", "tegra18x": "tegra186", "tegra19x": "tegra194",
            "tegra23x": "tegra234", "tegra26x": "tegra264",
        ]
        if let named = families[lower] { return named }
        if lower.hasPrefix("tegra"), lower.count >= 7, lower.count <= 8, lower.dropFirst(5).allSatisfy(\.isASCIIDigit) {
            return lower
        }
        if lower.hasPrefix("t"), lower.count == 4, lower.dropFirst().allSatisfy(\.isASCIIDigit) {
            return "tegra" + lower.dropFirst()
        }
        return nil
    }

    /// Words that stand in for a missing value in jetson-stats and issue templates.
    static let placeholders = ["missing", "unknown", "not available", "n/a", "not_installed", "not installed"]

    /// A board name as printed, cut before what follows it on the line (` - Jetpack …`, ` [L4T …`, `, JetPack …`).
    static func board(_ text: String) -> String? {
        var name = Substring(text)
        // A value after an index is one item of an enumeration: CUDA's `Device 0: "Orin"` (deviceQuery, trtexec) names
        // a GPU, which the GPU-name shapes read, not the board's model.
        if let colon = name.firstIndex(of: ":"), name[..<colon].allSatisfy(\.isASCIIDigit) {
            guard name[..<colon].isEmpty else { return nil }
            name = name[name.index(after: colon)...]
        }
        name = Substring(String(name).trimmingSpaces)
        // A form's hint before the answer is no part of it (`Hardware Platform (Jetson / GPU) Jetson AGX Orin`).
        if name.first == "(", let close = name.firstIndex(of: ")") {
            name = Substring(String(name[name.index(after: close)...]).trimmingSpaces)
        }
        // A quoted name ends at its closing quote (trtexec's `Device 0: "Orin" UUID: GPU-…`).
        if let quote = name.first, quote == "\"" || quote == "'",
            let close = name.dropFirst().firstIndex(of: quote)
        {
            name = name[name.index(after: name.startIndex)..<close]
        }
        name = Substring(String(name).trimming(charactersIn: "\"'"))
        // A name followed by punctuation is no label (`os.environ["JETSON_TYPE"], …`, "in the device, we …").
        if let first = name.first, ",;)]}".contains(first) { return nil }
        // The value is a link, or runs into one (" - https://…/jetson/…"): it names a page, not a board.
        if name.contains("://") { return nil }
        name = Self.withoutGluedPrompt(name)
        for stop in [
            " - ", " [L4T", " [ JetPack", " [Jetpack", " [JetPack", ", JetPack", ", Jetpack", " with JetPack",
            " with Jetpack", " running ", " | ", "`", "**", " (JetPack", " (Jetpack", " (L4T",
            // What else the poster lists beside the board ("Jetson AGX Orin 64GB + Samsung 990 NVMe").
            " + ", " & ", " w/ ",
        ] {
            if let range = name.range(of: stop) { name = name[..<range.lowerBound] }
        }
        name = Self.beforeSoftware(name)
        let trimmed = String(name).trimmingSpaces.trimming(charactersIn: ".,;:")
        let lower = trimmed.lowercased()
        // What is left after the cuts must still name a board.
        guard Self.boardWords.contains(where: { lower.contains($0) }) else { return nil }
        guard !trimmed.isEmpty, trimmed.count <= 120, !placeholders.contains(where: { lower.contains($0) }) else {
            return nil
        }
        // A path or file name ("recipe for target 'CMakeFiles/jetson-inference.dir/segNet.cpp.o' failed") names a
        // file; a board name may hold a slash only between names (`Jetson TX2/TX1`).
        if trimmed.split(separator: " ").contains(where: { $0.contains("/") && $0.contains(".") }) { return nil }
        // A sentence that goes on after the name ("convert the model to Orin: https://…") names no board.
        let firstWord = lower.prefix { $0.isLetter }
        guard !Self.sentenceWords.contains(String(firstWord)) else { return nil }
        return trimmed
    }

    /// Words that start the software a poster lists after the board, behind a comma ("Jetson AGX Orin 32GB, Ubuntu
    /// 20.04, CUDA 11.4"), in lower case.
    static let softwareWords = [
        "ubuntu", "jetpack", "jp", "l4t", "cuda", "cudnn", "tensorrt", "trt", "kernel", "linux", "debian", "python",
        "deepstream", "opencv", "docker", "r3",
    ]

    /// `name` cut at the first comma (ASCII or full-width) that a software word follows.
    static func beforeSoftware(_ name: Substring) -> Substring {
        var rest = name[...]
        while let comma = rest.firstIndex(where: { $0 == "," || $0 == "，" }) {
            let after = name[name.index(after: comma)...].drop { $0 == " " }.lowercased()
            if softwareWords.contains(where: { word in
                after.hasPrefix(word) && !(after.dropFirst(word.count).first?.isLetter ?? false)
            }) {
                return name[..<comma]
            }
            rest = name[name.index(after: comma)...]
        }
        return name
    }

    /// Words one of which every board value holds (the `board` kind's pattern, matched caselessly), in lower case.
    static let boardWords = ["jetson", "orin", "xavier", "nano", "tx1", "tx2", "thor", "tegra x1"]

    /// Words a model string may end with: `cat /proc/device-tree/model` prints no newline, so the next prompt is glued
    /// to it (`NVIDIA Jetson Xavier NX Developer Kitnvidia@ubuntu:~$`).
    /// The closing words come first: a user name may hold a board word (`…Developer Kitnx@ubuntu:~$`).
    static let modelEndings = [
        ["kit", "module", ")", "]"], ["nx", "agx", "super", "nano", "orin", "xavier", "tx1", "tx2"],
    ]

    /// Whether `rest` (after a user name's `@`) is the rest of a shell prompt: a host, `:`, a path, then `$` or `#`
    /// at the end or before a space (`ubuntu:~$`, `agx:/# cat …`).
    static func isPrompt(_ rest: Substring) -> Bool {
        guard let colon = rest.firstIndex(of: ":"), colon > rest.startIndex,
            rest[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" })
        else { return false }
        let path = rest[rest.index(after: colon)...].prefix { $0 != " " }
        guard let mark = path.last, mark == "$" || mark == "#" else { return false }
        return !path.dropLast().contains("$") && !path.dropLast().contains("#")
    }

    /// `name` without a shell prompt glued to its end (`…Developer Kitnvidia@ubuntu:~$`): cut after the last word a
    /// model string ends with, before the `@` (the prompt and any command after it dropped); unchanged when no prompt is
    /// glued on.
    static func withoutGluedPrompt(_ name: Substring) -> Substring {
        guard let at = name.firstIndex(of: "@"), Self.isPrompt(name[name.index(after: at)...]) else { return name }
        let before = name[..<at]
        for group in modelEndings {
            let ends = group.compactMap { before.range(of: $0, options: [.backwards, .caseInsensitive])?.upperBound }
            if let cut = ends.max() { return name[..<cut] }
        }
        return name
    }

    /// Words a board name never starts with, but a sentence after a field's name does (`model to Orin`).
    static let sentenceWords: Set<String> = [
        "to", "on", "for", "with", "in", "into", "from", "and", "of", "at", "is", "was", "which", "that", "runs",
    ]
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) ?? first
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The text without leading and trailing characters of `set`.
    func trimming(charactersIn set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
