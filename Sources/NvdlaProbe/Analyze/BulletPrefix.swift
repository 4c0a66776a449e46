/// A markdown list bullet in front of a pasted log line (`- [03/02/2023-09:19:43] [W] [TRT] …`, `* [  12.3] …`).
///
/// People paste a log as a list, and some paste sites render each line so. The bullet (`-`, `*` or `+`, then spaces)
/// is dropped only where a bracketed stamp or tag follows — a digit, a space and a digit, or a word in brackets — and
/// never before a task-list box (`- [ ]`, `- [x]`), so a checklist stays a checklist.
enum BulletPrefix {
    static func strip(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var i = 0
        while i < line.count, i < 8, line[i] == 32 || line[i] == 9 { i += 1 }
        guard i + 3 < line.count, line[i] == 45 || line[i] == 42 || line[i] == 43, line[i + 1] == 32 else {
            return line
        }
        var start = i + 1
        while start < line.count, line[start] == 32 { start += 1 }
        guard start + 2 < line.count, line[start] == 91 else { return line }  // [
        let next = line[start + 1]
        let close = line[start + 2] == 93  // ]
        if close, next == 32 || next == 120 || next == 88 { return line }  // [ ] [x] [X]
        let digit = next >= 48 && next <= 57
        let spacedDigit = next == 32 && line[start + 2] >= 48 && line[start + 2] <= 57
        let letter = (next >= 65 && next <= 90) || (next >= 97 && next <= 122)
        guard digit || spacedDigit || letter else { return line }
        return UnsafeBufferPointer(rebasing: line[start...])
    }
}
