/// The file name `grep` puts in front of each line when it searches several files, or with `-H`/`-n`
/// (`logs/build.log:[08/25/2026-12:42:40] [I] DLACore: 0`, `run.log:118:&&&& PASSED TensorRT.trtexec …`).
///
/// The prefix is a path without spaces (letters, digits, `_ . - / ~ +`, at most 255 bytes) holding a `.` or a `/`,
/// a colon, optionally a line number and a colon, then at once a bracketed stamp or tag (`[`) or trtexec's `&&&&`.
/// A kernel device name (`15880000.nvdla0: [`) has a space after its colon and is left as it is.
enum GrepPrefix {
    static func strip(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let first = line.first, isPath(first) else { return line }
        var i = 0
        var dotOrSlash = false
        while i < line.count, i < 256, isPath(line[i]) {
            if line[i] == 46 || line[i] == 47 { dotOrSlash = true }
            i += 1
        }
        guard dotOrSlash, i < line.count, line[i] == 58 else { return line }  // :
        var start = i + 1
        var digits = start
        while digits < line.count, line[digits] >= 48, line[digits] <= 57 { digits += 1 }
        if digits > start, digits < line.count, line[digits] == 58 { start = digits + 1 }
        guard start < line.count else { return line }
        if line[start] == 91 { return UnsafeBufferPointer(rebasing: line[start...]) }  // [
        if line.count - start >= 4, line[start] == 38, line[start + 1] == 38, line[start + 2] == 38,
            line[start + 3] == 38
        {
            return UnsafeBufferPointer(rebasing: line[start...])
        }
        return line
    }

    /// `A-Z a-z 0-9 _ . - / ~ +`
    static func isPath(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 95 || b == 46 || b == 45
            || b == 47 || b == 126 || b == 43
    }
}
