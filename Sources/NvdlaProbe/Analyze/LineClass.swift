/// What one pasted line is, decided once from its bytes and the lines before it (`LineClassifier`).
///
/// `analyze` reads mixed tickets: prose, shell prompts with the command that produced the lines below them,
/// markdown fences and `> ` quotes, comments, kernel logs of every timestamp form, tool output. Recognisers see
/// classified lines: kernel-log signals run only on log and output lines, never on prose or comments; version and
/// identity fields are read from output, prompts and commented-out output (`# ==> # R32 (release)…`).
public enum LineKind: String, Sendable, CaseIterable {
    /// Empty or only spaces and quote marks.
    case blank
    /// NUL or mostly control bytes.
    case binary
    /// A markdown code fence (```` ``` ````, `~~~`), with or without a language.
    case fence
    /// A `# [trimmed]` mark left where lines were cut.
    case trimMark
    /// A shell prompt followed by a command (`user@host:~$ cmd`, `$ cmd`, `# dmesg`, `>>> import tensorrt`).
    case prompt
    /// A `#` or `//` comment that is not machine output (`# expected: …`, `# check the driver`).
    case comment
    /// A kernel-log line of any form (`LineShape`).
    case kernelLog
    /// Human sentences: words, no machine structure (`I don't see nvdla in dmesg after flashing`).
    case prose
    /// Anything else: machine output, or text that may be.
    case output
}

/// One classified line: its kind and where its content starts — after quote marks; for a prompt, where the command
/// starts; for a comment, after the comment marker (`#`, `# ==>`) in front of commented-out output.
public struct LineClass: Sendable, Equatable {
    public let kind: LineKind
    /// Offset of the content in the line's bytes.
    public let contentStart: Int
    /// For a comment line: whether its content looks like machine output (`# # R32 (release), REVISION: 5.1`).
    public let commentedOutput: Bool

    public init(kind: LineKind, contentStart: Int, commentedOutput: Bool = false) {
        self.kind = kind
        self.contentStart = contentStart
        self.commentedOutput = commentedOutput
    }
}
