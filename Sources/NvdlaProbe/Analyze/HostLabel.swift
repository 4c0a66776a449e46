/// Whether a pasted line describes the host PC rather than the board, from a label at its start.
///
/// People describe a cross-compiling or flashing set-up as two lines, host first: `Host: Ubuntu 22.04 x86_64, CUDA
/// 12.4` / `Target: Jetson AGX Orin, CUDA 11.4`, `- Host PC (x86_64): …`, `**Host machine** - …`, `主机环境：x86_64架构，…`,
/// `ホストPC: …`, `호스트: …`. The CUDA, cuDNN, TensorRT and kernel on such a line are the host's, and so is its
/// architecture: none of them is kept for the board. A line that also names the Jetson (`Host: NVIDIA Jetson AGX
/// Orin`, neofetch's board line) is not the host's; its JetPack or L4T (what SDK Manager installs) is kept.
enum HostLabel {
    /// Facts a host line gives for the host only: dropped.
    static let hostOnly: Set<String> = [
        "versions.cuda", "versions.cudnn", "versions.tensorrt", "versions.kernel_release", "identity.arch",
    ]

    /// Labels of the host, in lower case (ASCII ones end at a byte that is no letter).
    static let labels: [[UInt8]] = ["host", "主机", "宿主机", "ホスト", "호스트", "development pc", "development machine"]
        .map { Array($0.utf8) }
    /// Words that name the board: a line holding one is about the Jetson.
    static let jetsonWords = FoldedLiterals(["jetson", "tegra", "orin", "xavier", "l4t", "jetpack", "aarch64", "arm64"])

    /// Whether `content` starts (after list marks, emphasis and a number) with a host label followed, within 40 bytes,
    /// by a separator (`:`, `：`, `|`, `=`, ` - `, `–`, `—`), and names no Jetson.
    static func test(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        // List marks, emphasis, quote marks and a list number (`- `, `* `, `• `, `**`, `> `, `2. `, `1) `).
        while i < content.count {
            let b = content[i]
            if b == 32 || b == 9 || b == 45 || b == 42 || b == 43 || b == 62 || b == 35 || (b >= 48 && b <= 57)
                || ((b == 46 || b == 41) && i > 0 && content[i - 1] >= 48 && content[i - 1] <= 57)
            {
                i += 1
            } else if b == 0xE2, i + 2 < content.count, content[i + 1] == 0x80, content[i + 2] == 0xA2 {  // •
                i += 3
            } else {
                break
            }
        }
        guard let label = labels.first(where: { LineShape.hasFoldedPrefix(content, at: i, $0) }) else { return false }
        var j = i + label.count
        // An ASCII label is a word: `Hostname:` and `hosted` are no host labels.
        if label[0] < 0x80, j < content.count, isLetter(content[j]) { return false }
        let end = min(content.count, j + 40)
        var separated = false
        while j < end {
            let b = content[j]
            if b == 58 || b == 124 || b == 61 { separated = true }  // : | =
            if b == 32, j + 2 < content.count, content[j + 1] == 45, content[j + 2] == 32 { separated = true }  // " - "
            // The full-width colon `：`.
            if b == 0xEF, j + 2 < content.count, content[j + 1] == 0xBC, content[j + 2] == 0x9A { separated = true }
            if b == 0xE2, j + 2 < content.count, content[j + 1] == 0x80,
                content[j + 2] == 0x93 || content[j + 2] == 0x94
            {
                separated = true  // – —
            }
            if separated { break }
            j += 1
        }
        return separated && !jetsonWords.containsAny(in: content)
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
}
