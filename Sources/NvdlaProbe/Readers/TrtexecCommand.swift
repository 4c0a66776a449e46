/// The DLA-relevant options of a trtexec command line, as echoed in `&&&& RUNNING TensorRT.trtexec [TensorRT v8502] #
/// trtexec …` or pasted after a shell prompt.
///
/// Options read (trtexec `--help` of TensorRT 7.x–10.x): `--useDLACore=N`, `--allowGPUFallback`, `--fp16`, `--int8`,
/// `--best`, `--inputIOFormats=`, `--outputIOFormats=`, `--buildDLAStandalone`, `--minShapes=`/`--optShapes=`/
/// `--maxShapes=` (dynamic shapes), `--onnx=`/`--uff=`/`--deploy=`/`--loadEngine=`.
public struct TrtexecCommand: Sendable, Equatable {
    public var dlaCore: Int?
    public var allowGPUFallback = false
    public var fp16 = false
    public var int8 = false
    public var best = false
    public var inputFormats: String?
    public var outputFormats: String?
    public var standalone = false
    public var dynamicShapes = false
    public var model: String?
    public var loadEngine: String?

    /// Reads the options of `text` when it names trtexec (or, with `requireTrtexec` false, of any command line: the
    /// TensorRT samples take the same DLA options); nil otherwise.
    public static func parse(_ text: Substring, requireTrtexec: Bool = true) -> TrtexecCommand? {
        let start: Substring.Index
        if let at = text.range(of: "trtexec"), isCommandStart(text[..<at.lowerBound]) {
            start = at.upperBound
        } else if !requireTrtexec {
            start = text.startIndex
        } else {
            return nil
        }
        let words = text[start...].split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.contains(where: { $0.hasPrefix("--") }) else { return nil }
        var command = TrtexecCommand()
        for word in words where word.hasPrefix("--") {
            let parts = word.dropFirst(2).split(separator: "=", maxSplits: 1)
            let name = parts.first.map(String.init) ?? ""
            let value = parts.count > 1 ? String(parts[1]).trimmingQuotes : nil
            command.apply(name, value)
        }
        return command
    }

    /// Whether the text before `trtexec` is what a command line has there: nothing, a path (`/usr/src/tensorrt/bin/`),
    /// a shell prompt (`$ `, `user@host:~$ `, `# `), `sudo`/`time`, or `&&&& … # ` — not prose that mentions trtexec.
    static func isCommandStart(_ before: Substring) -> Bool {
        var words = before.split(separator: " ")
        if let last = words.last, !before.hasSuffix(" ") {
            guard last.hasSuffix("/") else { return false }
            words.removeLast()
        }
        while let last = words.last, ["sudo", "time", "exec"].contains(last) { words.removeLast() }
        guard let prompt = words.last else { return true }
        return words.count <= 3 && (prompt.hasSuffix("$") || prompt.hasSuffix("#") || prompt.hasSuffix(">"))
            || before.hasPrefix("&&&& ")
    }

    mutating func apply(_ name: String, _ value: String?) {
        switch name {
        case "useDLACore": dlaCore = value.flatMap { Int($0) }
        case "allowGPUFallback": allowGPUFallback = true
        case "fp16": fp16 = true
        case "int8": int8 = true
        case "best": best = true
        case "inputIOFormats": inputFormats = value
        case "outputIOFormats": outputFormats = value
        case "buildDLAStandalone": standalone = true
        case "minShapes", "optShapes", "maxShapes": dynamicShapes = true
        case "onnx", "uff", "deploy", "model": model = value
        case "loadEngine": loadEngine = value
        default: break
        }
    }

    /// `fp16`, `int8`, `int8+fp16`, `best` or `fp32` (no reduced precision asked for). trtexec turns FP16 on by itself
    /// for a `--useDLACore` build without `--int8` (NVIDIA/TensorRT samples/common/sampleOptions.cpp, 7.1–10.x), so
    /// such a command reads as `fp16`.
    public var precision: String {
        if best { return "best" }
        if dlaCore != nil, !int8, !fp16 { return "fp16" }
        switch (int8, fp16) {
        case (true, true): return "int8+fp16"
        case (true, false): return "int8"
        case (false, true): return "fp16"
        case (false, false): return "fp32"
        }
    }
}

extension String {
    /// The string without one pair of surrounding quotes.
    var trimmingQuotes: String {
        guard count >= 2, let first, let last, first == last, first == "'" || first == "\"" else { return self }
        return String(dropFirst().dropLast())
    }
}
