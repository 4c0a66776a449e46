/// Parses `/usr/local/cuda/version.txt` (CUDA ≤ 10.2): `CUDA Version 10.2.300`.
public enum CudaVersionTxt: Sendable, Equatable {
    /// Parses `version.txt` text into the version after `CUDA Version`, e.g. `10.2.300`; `nil` if absent.
    public static func parse(_ text: String) -> String? {
        for line in ReaderLex.lines(text) {
            let words = ReaderLex.fields(line)
            guard words.count >= 3, words[0] == "CUDA", words[1] == "Version" else { continue }
            if ReaderLex.isDottedNumber(words[2]) { return String(words[2]) }
        }
        return nil
    }
}
