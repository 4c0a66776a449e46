/// The distinct libraries a run of loader or linker errors names, in the order first seen.
///
/// Reads the lines a `*_lib_missing` signal matched (`libnvinfer.so.5: cannot open shared object file`, ldd's
/// `libcudla.so.1 => not found`, ld's `cannot find -lnvinfer`, an `ls -l` row of an empty `libcudnn.so.8.0.0`) and
/// takes the first library name on each: `lib…​.so…` or ld's `-lNAME` (as `libNAME.so`). A finding then names every
/// library, not only those on its first and last lines. At most `cap` names are kept per signal.
struct LoaderLibraries {
    static let signals = ["dla_lib_missing", "stack_lib_missing", "other_lib_missing"]
    static let cap = 16
    private(set) var names: [String: [String]] = [:]

    /// Notes the library on a line that `signal` matched.
    mutating func note(_ signal: String, _ line: UnsafeBufferPointer<UInt8>) {
        guard Self.signals.contains(signal), let name = Self.library(in: line) else { return }
        var list = names[signal, default: []]
        guard list.count < Self.cap, !list.contains(name) else { return }
        list.append(name)
        names[signal] = list
    }

    /// The first `lib….so…` token of the line (its directory dropped), or `-lNAME` as `libNAME.so`.
    static func library(in line: UnsafeBufferPointer<UInt8>) -> String? {
        let bytes = Array(line)
        var i = 0
        while i + 3 < bytes.count {
            let startsWord = i == 0 || !isNameByte(bytes[i - 1]) || bytes[i - 1] == 47  // after a non-name byte or /
            if startsWord, bytes[i] == 108, bytes[i + 1] == 105, bytes[i + 2] == 98 {  // lib
                var end = i
                while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
                let token = String(decoding: bytes[i..<end], as: UTF8.self).trimmingTrailingDots
                if token.contains(".so") { return token }
                i = end
                continue
            }
            if bytes[i] == 45, bytes[i + 1] == 108, i > 0, bytes[i - 1] == 32 {  // " -l"
                var end = i + 2
                while end < bytes.count, isNameByte(bytes[end]), bytes[end] != 46 { end += 1 }
                if end > i + 2 { return "lib" + String(decoding: bytes[(i + 2)..<end], as: UTF8.self) + ".so" }
            }
            i += 1
        }
        return nil
    }

    /// `A-Z a-z 0-9 _ . + -`
    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 95 || b == 46 || b == 43
            || b == 45
    }
}

extension String {
    fileprivate var trimmingTrailingDots: String {
        var copy = self
        while copy.hasSuffix(".") || copy.hasSuffix(",") { copy.removeLast() }
        return copy
    }
}
