/// The service-name prefix `docker compose logs` and `docker-compose up` put in front of every line of a container's
/// output (`frigate  | [02/14/2025-10:33:45] [TRT] [W] …`, `app-1  | [  12.3] …`).
///
/// The prefix is a name (letters, digits, `_ . -`, at most 63 bytes), one or more spaces, `|` and a space. It is
/// dropped only where a bracketed stamp or tag follows (`[`), so that a two-column table (`CUDA | 12.2`) keeps its
/// first column; the rest of `analyze` then reads the line as the container printed it.
enum ComposePrefix {
    static func strip(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let first = line.first, isName(first), first != 45, first != 46 else { return line }
        var i = 1
        while i < line.count, i < 64, isName(line[i]) { i += 1 }
        let nameEnd = i
        while i < line.count, line[i] == 32 { i += 1 }
        guard i > nameEnd, i + 2 < line.count, line[i] == 124, line[i + 1] == 32 else { return line }
        var start = i + 2
        while start < line.count, line[start] == 32 { start += 1 }
        guard start < line.count, line[start] == 91 else { return line }  // [
        return UnsafeBufferPointer(rebasing: line[start...])
    }

    /// `A-Z a-z 0-9 _ . -`
    static func isName(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 95 || b == 46 || b == 45
    }
}
