/// Decides what each pasted line is (`LineKind`), once, from its bytes and the line before it.
///
/// Order: binary, blank, fence, `# [trimmed]`, kernel log (`LineShape`: every dmesg/journal/syslog/kmsg form and
/// unstamped device-prefixed lines), shell prompt (`user@host:~$ cmd`, `[user@host dir]$ cmd`, `(venv) …$ cmd`,
/// `$ cmd`, `# cmd` for a known command, `>>> ` Python, `❯ cmd`, or a known command alone on its line), comment,
/// prose, and output for the rest. Prose is strict — words only, no machine tokens — so a pasted error message is
/// never mistaken for a sentence; a sentence taken for output costs nothing but a look at it.
struct LineClassifier {
    let unstamped = LineShape.UnstampedTest()
    /// The static tables `classify` reads on every line, held here: a line costs no lookup of a static (`swift_once`)
    /// or retain of a table.
    let proseClasses = ProseByte.table
    let openerBytes = LineClassifier.openers
    let firstWords = LineClassifier.commandWords
    let promptMatcher = LineClassifier.prompt?.matcher()
    let bareMatcher = LineClassifier.bareCommand?.matcher()
    var lastWasLog = false
    /// A prompt line was seen and no blank line or fence since: what follows is the command's output, not prose.
    var afterPrompt = false
    /// Inside a markdown fence (```` ``` ````, `~~~`) or an HTML `<pre>` block: pasted output or code, never prose.
    var inBlock = false
    /// Whether the content of the line last classified holds a backtick (`LineCensus`).
    private(set) var contentHasBacktick = false

    /// Commands whose output people paste (the first word, after `sudo`), for `# cmd` root prompts and commands
    /// written alone on a line.
    static let commands =
        "cat|head|tail|less|more|dpkg|dpkg-query|apt|apt-get|apt-cache|jetson_release|jtop|python|python3|python2|"
        + #"python3\.\d+|nvcc|uname|ls|ll|ldd|lsmod|modinfo|modprobe|insmod|dmesg|journalctl|tegrastats|jetson_clocks|"#
        + "nvpmodel|docker|podman|grep|egrep|nvidia-smi|nvidia-container-cli|lsb_release|hostnamectl|systemctl|find|"
        + "file|pip|pip3|trtexec|deviceQuery|lspci|lsusb|free|df|top|echo|export|cd|ldconfig|strings|readelf|objdump|"
        + "nm|cmake|make|gcc|g\\+\\+|sudo|env|which|whereis|locate|stat|dkms|udevadm|tr|xxd|hexdump|sha256sum"
    /// `user@host:~$ cmd`, `[user@host dir]$ cmd`, `(env) …`, `dir$ cmd`, `$ cmd`, `% cmd`, `❯ cmd`, `➜ dir cmd`,
    /// `# known-command …`, `PS C:\\> cmd`.
    static let prompt = try? Regex2(
        #"^(?:\([\w.-]+\)\s*)?(?:[\w.-]+@[\w.-]+(?::[^\s$#]*)?\s?[$#%]|\[[\w.-]+@[\w.-]+[^\]]*\][$#]|[\w.~/-]*\$|%|❯|➜\s+\S+|PS [^>]*>|#(?=\s*(?:sudo\s+)?(?:"#
            + commands + #")\b))\s*(?=\S)"#)
    /// The names of `commands`, looked up by a line's first word before `bareCommand` runs.
    static let commandWords = CommandWords(alternation: commands)
    /// A known command alone on its line, followed by an option, a path, a pipe, a subcommand or nothing.
    static let bareCommand = try? Regex2(
        #"^(?:sudo\s+)?(?:\S*/)?(?:"# + commands
            + #")(?:\s*$|\s+(?:-|/|\||~|\$|'|"|\.|[\w.-]+\.(?:py|sh|txt|onnx|engine|log)\b|list\b|show\b|policy\b|info\b|status\b|run\b|images\b|ps\b|logs\b|exec\b|pull\b|-l\b|-a\b|\w+\s*\|))"#
    )

    /// Classifies one line; `proseTest`: the prose test of its content, when it was run ahead (`LinePipeline`).
    mutating func classify(
        _ line: UnsafeBufferPointer<UInt8>, proseTest given: (prose: Bool, spans: Bool, census: Bool)? = nil
    ) -> LineClass {
        let start = LineShape.contentStart(line)
        // The prose test comes last, but is run first where it may decide (it stops at the first machine byte): a
        // sentence without code spans, `%` or `❯`/`➜` answers the census too (`LineCensus.ofProse`).
        var prose: Bool?
        var census = LineCensus.none
        if !afterPrompt, !inBlock, start < line.count {
            let test =
                given
                ?? proseClasses.withUnsafeBufferPointer {
                    Self.proseTest(UnsafeBufferPointer(rebasing: line[start...]), classes: $0)
                }
            prose = test.prose
            // The test read every byte of a sentence it took without spans: `test.census` is `!LineCensus.ofProse`.
            if !test.prose || test.spans || test.census {
                census = LineCensus(line, contentStart: start)
            }
        } else {
            census = LineCensus(line, contentStart: start)
        }
        contentHasBacktick = census.backtick
        if census.binary {
            lastWasLog = false
            return LineClass(kind: .binary, contentStart: 0)
        }
        // `/dev/kmsg` dictionary lines (` SUBSYSTEM=platform`, ` DEVICE=+platform:…`) continue the record above.
        let continuation = lastWasLog && line.count > 2 && line[0] == 32 && line[1] >= 65 && line[1] <= 90
        // A line the prose test took can match the device prefix only in two ways (`UnstampedTest.mayMatchProse`).
        if continuation || LineShape.isStampedLog(line)
            || ((prose != true || LineShape.UnstampedTest.mayMatchProse(line, contentStart: start))
                && unstamped.matches(line))
        {
            lastWasLog = true
            return LineClass(kind: .kernelLog, contentStart: start)
        }
        lastWasLog = false
        // `>>> ` before quote marks are stripped: a Python prompt, not a quote.
        if let first = line.first, openerBytes[Int(first)], LineShape.hasPrefix(line, at: 0, Self.python) {
            afterPrompt = true
            return LineClass(kind: .prompt, contentStart: 4)
        }
        let content = UnsafeBufferPointer(rebasing: line[start...])
        if content.isEmpty {
            afterPrompt = false
            return LineClass(kind: .blank, contentStart: start)
        }
        // Most lines start with none of the marks' first bytes: one table lookup instead of four comparisons.
        let mayOpen = openerBytes[Int(content[0])]
        if mayOpen,
            LineShape.hasPrefix(content, at: 0, Self.fence) || LineShape.hasPrefix(content, at: 0, Self.tildeFence)
        {
            afterPrompt = false
            inBlock.toggle()
            return LineClass(kind: .fence, contentStart: start)
        }
        // `<pre>` / `<pre><code>` opens a block of pasted output (the content may follow on the same line).
        if mayOpen, LineShape.hasPrefix(content, at: 0, Self.preOpen) { inBlock = true }
        defer { if inBlock, Self.preClose.containsAny(in: content) { inBlock = false } }
        if mayOpen, LineShape.hasPrefix(content, at: 0, Self.trimmed) {
            return LineClass(kind: .trimMark, contentStart: start)
        }
        if let command = promptCommand(content, promptByte: census.promptByte) {
            afterPrompt = true
            return LineClass(kind: .prompt, contentStart: start + command)
        }
        if content[0] == 35 {  // #
            if Self.isReleaseLine(content) { return LineClass(kind: .output, contentStart: start) }
            let inner = Self.commentContent(content)
            let rest = UnsafeBufferPointer(rebasing: content[inner...])
            let output = !rest.isEmpty && !Self.isProse(rest) && !Self.isHeading(content)
            return LineClass(kind: .comment, contentStart: start + inner, commentedOutput: output)
        }
        // A command's output (`NVIDIA Orin NX Developer Kit` under `$ cat /proc/device-tree/model`) is not prose.
        if !afterPrompt, !inBlock, prose ?? Self.isProse(content) {
            return LineClass(kind: .prose, contentStart: start)
        }
        return LineClass(kind: .output, contentStart: start)
    }

    static let python = Array(">>> ".utf8)
    static let fence = Array("```".utf8)
    static let tildeFence = Array("~~~".utf8)
    static let trimmed = Array("# [trimmed]".utf8)
    static let preOpen = Array("<pre".utf8)
    static let preClose = LiteralSet(["</pre>"])
    /// The first bytes of `python`, `fence`, `tildeFence`, `preOpen` and `trimmed`.
    static let openers: [Bool] = (0...255).map { b in
        [python, fence, tildeFence, preOpen, trimmed].contains { $0.first == UInt8(b) }
    }

    /// The offset of the command in a prompt line, or nil; `promptByte`: one of `$ # % > ❯ ➜` is in the first 200
    /// bytes of `content` (`LineCensus`), which every prompt the regex takes has.
    func promptCommand(_ content: UnsafeBufferPointer<UInt8>, promptByte: Bool) -> Int? {
        if promptByte, let whole = promptMatcher?.captures(content)?["0"] { return whole.utf8.count }
        // The regex is tried only when the first word is a command it names (`CommandWords`, read from `commands`).
        if content.count <= 300, firstWords.matchesFirstWord(content), bareMatcher?.matches(content) == true {
            return 0
        }
        return nil
    }

    /// `# R35 (release), REVISION: 4.1, …` is the content of /etc/nv_tegra_release, not a comment.
    static func isReleaseLine(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        guard content.count > 4, content[0] == 35, content[1] == 32, content[2] == 82 else { return false }
        return LineShape.isDigit(content[3])
    }

    /// Markdown headings (`## Environment`) are not commented-out output.
    static func isHeading(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < content.count, content[i] == 35 { i += 1 }
        guard i >= 2, i < content.count, content[i] == 32 else { return false }
        // A heading has few words and no digits-and-dots version or path in it.
        return !content[i...].contains(47) && !content[i...].contains(61)
    }

    /// After `#`, `##`, `# ==>`, `# =>`, `# ->`, `//` and spaces.
    static func commentContent(_ content: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        while i < content.count, content[i] == 35 || content[i] == 32 || content[i] == 9 { i += 1 }
        var j = i
        while j < content.count, content[j] == 61 || content[j] == 45 || content[j] == 62 { j += 1 }  // = - >
        if j > i, j < content.count, content[j] == 32 {
            i = j
            while i < content.count, content[i] == 32 { i += 1 }
        }
        // A second `# ` (output of nv_tegra_release commented out: `# # R32 (release)`) stays: it is the content.
        if i > 0, i < content.count, content[i] == 35 { return i }
        return i
    }

    /// Whether the token ends in `.so` or `.so.N` (a library name).
    static func soSuffix(_ content: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool? {
        var k = s
        while k + 2 < e {
            if content[k] == 46, content[k + 1] == 115, content[k + 2] == 111 { return true }
            k += 1
        }
        return nil
    }
}
