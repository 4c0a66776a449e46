/// Byte-level tests that tell a kernel-log line from other pasted text without building a String.
///
/// Kernel-log forms (see `DmesgLine`): `[   12.345678] …`, `[  +0.000462] …`, `[Mon Jan  6 10:12:01 2025] …`,
/// `<3>[ …`, `/dev/kmsg` records `6,1234,5678,-;…`, syslog `Jan  6 10:12:01 host kernel: …`, ISO
/// `2025-01-06T10:12:01… host kernel: …`, `dmesg -x` `kern  :err   : …`, and unstamped lines that start with a
/// device prefix (`falcon 154c0000.nvenc: …`, `15880000.nvdla0:nvdla_send_cmd: …`).
enum LineShape {
    static let months: [[UInt8]] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .map { Array($0.utf8) }
    static let weekdays: [[UInt8]] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map { Array($0.utf8) }
    /// `driver unit.name: ` or `unit.name:func: ` at the start of an unstamped line.
    static let devicePrefix = try? Regex2(
        #"^(?:[a-z][\w-]* [0-9a-f]{4,}\.[\w@.-]+: |[0-9a-f]{6,}\.[a-z][\w-]*:\w*:? |(?:cma|mc-err|nvmap|host1x|nvgpu|arm-smmu|tegra[\w-]*|OF|Unable to handle kernel|Internal error|Call trace|WARNING: CPU): )"#
    )

    /// What every match of `devicePrefix` holds, read from the pattern; nil when nothing can be read.
    static let devicePrefixNeeds: LiteralIndex? = devicePrefix.flatMap { regex in
        RequiredLiterals.best(regex.pattern, caseless: false).map { LiteralIndex(groups: [$0]) }
    }
    /// The bytes a `devicePrefix` match can start with, read from the pattern.
    static let devicePrefixFirst: [Bool]? = devicePrefix.flatMap {
        RequiredLiterals.firstBytes($0.pattern, caseless: false)
    }
    static let kern = Array("kern ".utf8)

    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// The offset after leading spaces and markdown quote marks (`> `).
    static func contentStart(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        while i < line.count, line[i] == 32 || line[i] == 9 || line[i] == 62 { i += 1 }
        return i
    }

    static func hasPrefix(_ line: UnsafeBufferPointer<UInt8>, at i: Int, _ word: [UInt8]) -> Bool {
        guard line.count - i >= word.count else { return false }
        for k in 0..<word.count where line[i + k] != word[k] { return false }
        return true
    }

    /// Whether `line` holds `word` (lower case) at `i`, ASCII letters compared without case.
    static func hasFoldedPrefix(_ line: UnsafeBufferPointer<UInt8>, at i: Int, _ word: [UInt8]) -> Bool {
        guard line.count - i >= word.count else { return false }
        for k in 0..<word.count where FoldedLiterals.fold(line[i + k]) != word[k] { return false }
        return true
    }

    /// Whether the line has a kernel-log timestamp or record prefix (cheap; no regex).
    static func isStampedLog(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let i = contentStart(line)
        guard i < line.count else { return false }
        let c = line[i]
        if c == 91 {  // [
            var j = i + 1
            while j < line.count, line[j] == 32 { j += 1 }
            guard j < line.count else { return false }
            if weekdays.contains(where: { hasPrefix(line, at: j, $0) }) { return true }
            guard isDigit(line[j]) || line[j] == 43 else { return false }
            // Seconds with a fraction (`[    6.123456]`, `[+0.000462]`): a bare `[6]` is a list marker, a shell's job
            // notice (`[2]+  Done`) or an error code (`[6] Invalid Node`), not a kernel stamp.
            var dot = false
            while j < line.count, j - i < 40 {
                let b = line[j]
                if b == 93 { return dot }  // ]
                guard isDigit(b) || b == 46 || b == 32 || b == 43 || b == 60 || b == 62 || b == 44 else { return false }
                if b == 46 { dot = true }
                j += 1
            }
            return false
        }
        if c == 60, i + 2 < line.count, isDigit(line[i + 1]) {  // <N>
            return line[i + 2] == 62 || (i + 3 < line.count && isDigit(line[i + 2]) && line[i + 3] == 62)
        }
        if isDigit(c) {
            // kmsg record `P,S,U,` or ISO `YYYY-MM-DDT`
            var j = i
            var commas = 0
            while j < line.count, isDigit(line[j]) || line[j] == 44 {
                if line[j] == 44 { commas += 1 }
                j += 1
            }
            if commas >= 3 { return true }
            if line.count - i >= 11, line[i + 4] == 45, line[i + 7] == 45, line[i + 10] == 84 { return true }
            return false
        }
        // The cheap byte tests first: most lines are not syslog lines.
        if line.count - i > 15, line[i + 3] == 32, line[i + 9] == 58 || line[i + 8] == 58,
            months.contains(where: { hasPrefix(line, at: i, $0) })
        {
            return true
        }
        if hasPrefix(line, at: i, kern) { return true }
        return false
    }

    /// The device-prefix test with the tables read from `devicePrefix` held by its user (a classifier), so a line
    /// costs no lookup of a static or copy of a table.
    final class UnstampedTest {
        let matcher: Regex2.Matcher?
        let first: [Bool]?
        let needs: LiteralIndex?

        init(matcher: Regex2.Matcher? = LineShape.devicePrefix?.matcher()) {
            self.matcher = matcher
            first = LineShape.devicePrefixFirst
            needs = LineShape.devicePrefixNeeds
        }

        /// Whether a line the prose test takes (`LineClassifier.proseTest`) may still match `devicePrefix`: its
        /// content opens with six lower-case hex digits (`0a1b2c.name:func …`, a soft first token) or with `U`
        /// (`Unable to handle kernel: `, whose colon ends the fourth token).
        ///
        /// Every other form of the pattern ends its first or second token with `:`, and the prose test rejects a
        /// line with a `Key:` among its first three tokens, so on prose lines the regex work (its first-byte table,
        /// its literal pass, PCRE2) is skipped unless this holds. `LineScanTests` checks it on every corpus line.
        @inline(__always)
        static func mayMatchProse(_ line: UnsafeBufferPointer<UInt8>, contentStart start: Int) -> Bool {
            guard start < line.count else { return false }
            if line[start] == 85 { return true }  // U
            guard line.count - start >= 6 else { return false }
            for k in start..<start + 6 {
                let b = line[k]
                guard (b >= 48 && b <= 57) || (b >= 97 && b <= 102) else { return false }
            }
            return true
        }

        /// Whether `line` starts like a kernel message (device prefix).
        func matches(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            let i = contentStart(line)
            guard i < line.count, let matcher else { return false }
            // What the pattern allows first and needs (`RequiredLiterals`: a lower-case letter or digit or one of its
            // capitalised words; a `.` or `: `), checked before PCRE2 is called.
            if let first, !first[Int(line[i])] { return false }
            if let needs, !needs.containsAny(in: line) { return false }
            return matcher.matches(UnsafeBufferPointer(rebasing: line[i...]))
        }
    }
}
