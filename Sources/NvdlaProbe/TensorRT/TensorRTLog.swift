/// Reads a TensorRT build or run log a line at a time and keeps what it says about DLA placement.
///
/// Reads (TensorRT 7.x–10.x, trtexec and the C++/Python APIs): the trtexec command echo and `=== Build Options ===`;
/// the placement lists (`Layers Running on DLA/GPU` with `[DlaLayer]`/`[GpuLayer]` entries, TensorRT 7's
/// `Layers running on DLA:` followed by `{a,b}, {c}` groups); per-layer fallback warnings and the validation details
/// before them; the subgraph limit; `Engine Layer Information` (`Layer(DLA)`, `Layer(Reformat)`); `--dumpProfile`
/// tables; `Original: N layers`; DLA memory pools. Memory is bounded: names are kept in capped sets, groups keep
/// counts and three examples.
public final class TensorRTLog {
    /// Most distinct layer names remembered per set; more are counted, not stored.
    static let nameCap = 100_000
    /// Most validation details waiting for the fallback line that names their layer.
    static let pendingCap = 1_000
    /// Longest layer name kept in sets and maps, and longest detail kept.
    static let nameKeyCap = 256
    static let detailCap = 512
    /// Most distinct operators or modules counted; later ones are counted under `(other)`.
    static let groupCap = 256

    /// Layers of one fallback group (a reason and an operator): how many and a few names.
    public struct Group: Sendable, Equatable {
        public var count = 0
        public var examples: [String] = []

        mutating func add(_ name: Substring) {
            count += 1
            if examples.count < 3 { examples.append(LayerNames.short(name)) }
        }
    }

    enum Section {
        case none, dla, gpu, engineInfo
        case profile(ProfileRow.Layout?)
    }

    public private(set) var lines: Int64 = 0
    var firstInput: String?
    var firstLine: Int64 = 0
    var lastLine: Int64 = 0
    var otherInputs = false
    public private(set) var version: String?
    public private(set) var command: TrtexecCommand?
    public private(set) var builds = 0
    var buildOptionBlocks = 0
    var optionPrecision: String?
    var optionDLACore: Int?
    var optionInputFormat: String?
    var optionOutputFormat: String?
    var optionFallback: Bool?
    /// The build finished: trtexec's `Engine built in …` / `Created engine with size …`, the builder's `Engine
    /// generation completed …`, or `&&&& PASSED`; `&&&& FAILED` undoes it.
    public private(set) var engineBuilt = false
    var runFailed = false
    /// `DLACore:` with nothing after it: a build without DLA.
    var optionDLACoreEmpty = false
    /// Whether the program around the log asked for a DLA in its own output (`Current use DLA core: 0`, a cuDLA call;
    /// `Data/fields.yaml`, `dla-request`, rank 2 and up): counts where the log itself does not say.
    public var requestedAround = false
    var optionStandalone: Bool?
    public private(set) var networkLayers: Int?
    // Placement lists.
    public private(set) var placementListsSeen = 0
    public private(set) var gpuListsSeen = 0
    var gpuListClosed = false
    public private(set) var dlaListNodes = Set<String>()
    public private(set) var trt7DlaLayers = 0
    public private(set) var gpuListLayers = 0
    public private(set) var gpuListCopies = 0
    public private(set) var gpuOps: [String: Group] = [:]
    public private(set) var noLayerOnGPU = false
    public private(set) var noLayerOnDLA = false
    public private(set) var offloaded = Set<String>()
    // Fallback.
    var fallbackNames = Set<String>()
    public private(set) var fallbackCount = 0
    public private(set) var fallbacks: [FallbackReason: [String: Group]] = [:]
    public private(set) var firstFallback: String?
    public private(set) var regions: [String: Int] = [:]
    var pendingDetail: [String: String] = [:]
    var pendingAnonymous: Substring?
    public private(set) var splits = 0
    public private(set) var subgraphLimit: Int?
    public private(set) var subgraphLimitLayers = 0
    public private(set) var subgraphLimitFirst: String?
    public private(set) var noLayerCanRunOnDLA = false
    public private(set) var dynamicShapesFallback = false
    public private(set) var memoryPools: String?
    // Engine layer information.
    public private(set) var engineDLA = 0
    public private(set) var engineReformats = 0
    public private(set) var engineGPU = 0
    // Profile.
    public private(set) var profileRows = 0
    public private(set) var profileDLAPercent = 0.0
    public private(set) var profileReformatPercent = 0.0
    public private(set) var profileGPUPercent = 0.0
    public private(set) var profileReformatRows = 0
    public private(set) var profileSubgraphRows = 0
    /// Rows of NVM (DLA memory) copies: `to nvm`, `from nvm`, `copy finish` — only a DLA engine has them.
    public private(set) var profileNVMRows = 0
    public private(set) var profileGPURows = 0
    @exclusivity(unchecked) var section = Section.none
    /// The TensorRT 7 list under the open header, joined across wrapped lines.
    var listText = ""
    var wrappedLines = 0

    public init() {}

    /// Where the TensorRT lines were: `TensorRT log (build.log lines 12–3400)`.
    public var location: String {
        guard let input = firstInput else { return "TensorRT log" }
        let range = firstLine == lastLine ? "line \(firstLine)" : "lines \(firstLine)–\(lastLine)"
        return "TensorRT log (\(input) \(range)\(otherInputs ? " and other inputs" : ""))"
    }

    /// Whether any line was taken as TensorRT output.
    public var seen: Bool { lines > 0 }

    /// Openings of the messages the reader acts on (after the prefixes).
    static let openings = LiteralSet([
        "[DlaLayer]", "[GpuLayer]", "---------- Layers", "--------------- Layers", "No layer", "{", "Original: ", "DLA",
        "Layer", "Default DLA",
        "Validation failed", "Splitting DLA", "This version", "setDefaultDeviceType", "=== ", "Precision", "Allow GPU",
        "Build DLA", "Input", "Output", "TensorRT", "&&&&", "Engine Layer", "Loaded TensorRT", "Time(ms)",
        "Engine built in ", "Created engine with size", "Engine generation completed",
    ])

    /// Words anywhere in a line that make it worth reading whatever it opens with: validation details after a layer
    /// name and fallback lines (`DLA`, `GPU`), and, in lines without a TensorRT tag, command lines, parser errors and
    /// version banners.
    static let anywhereTagged = LiteralIndex(groups: [["DLA", "GPU"]])
    static let anywhereWords = ["DLA", "GPU", "trtexec", "onnx", "TensorRT", "nvinfer1::", "ModelImporter"]
    static let anywhere = LiteralIndex(groups: [anywhereWords])

    /// One bit per two bytes one of `openings` starts with (the two read as `first | second << 8`; 65 536 bits); the
    /// one-byte opening `{` sets every pair it starts.
    static let openingPairs: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for span in openings.spans {
            let word = openings.flat[span]
            guard let first = word.first else { continue }
            let seconds = word.count >= 2 ? [word[word.startIndex + 1]] : Array(0...255)
            for second in seconds {
                let two = Int(first) | Int(second) << 8
                bits[two >> 6] |= 1 << UInt64(two & 63)
            }
        }
        return bits
    }()

    /// The static tables `consume` reads on every line, held by the reader: a line costs no lookup of a static
    /// (`swift_once`) or retain of a table.
    let openingSet = TensorRTLog.openings
    let openingPairBits = TensorRTLog.openingPairs
    let anywhereIndex = TensorRTLog.anywhere
    let anywhereTaggedIndex = TensorRTLog.anywhereTagged

    /// Whether one of `openings` may start at `start` of `bytes`, by the two bytes there (`openingPairs`); true when
    /// fewer than two are left (`anyPrefix` decides).
    @inline(__always)
    func mayOpen(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard bytes.count - start >= 2 else { return true }
        let two = Int(bytes[start]) | Int(bytes[start + 1]) << 8
        return openingPairBits[two >> 6] & (1 << UInt64(two & 63)) != 0
    }

    /// `Layer`, the one opening that is also an English word (a sentence starting "Layer norm …").
    static let layerOpening = Array("Layer".utf8)
    static let layerNeeds = FoldedLiterals(["(", "running on"])

    /// Whether an untagged line that opens with one of `openings` and holds none of the `anywhere` words can be taken
    /// by `take`. Of the openings only `Layer` needs more: without a TensorRT tag or an `anywhere` word, `take` reads a
    /// line opening with it only as an engine-information entry (`Layer(DLA): …`), a profile header (`Layer … Time
    /// (ms) … %`) or a placement header (`Layers running on …`, any case). Lines with non-ASCII bytes are always read:
    /// `take` compares Characters.
    static func untaggedOpeningReadable(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard LineShape.hasPrefix(bytes, at: start, layerOpening) else { return true }
        if layerNeeds.containsAny(in: bytes) { return true }
        for b in bytes where b >= 0x80 { return true }
        return false
    }

    /// Takes `bytes` if it is TensorRT output and returns whether it was. `mayHoldWords` false: the caller's
    /// caseless pass found none of `anywhereWords` in the line (so none of the `anywhere` words is there). `input`
    /// is read only for a line taken.
    @discardableResult
    public func consume(
        _ bytes: UnsafeBufferPointer<UInt8>, input: @autoclosure () -> String, line number: Int64,
        mayHoldWords: Bool = true
    ) -> Bool {
        let prefix = TensorRTLine.prefix(bytes)
        if case .none = section {
            // `if` rather than a conditional expression: picking one of two indexes copies it (a dozen retains).
            let anywhere: Bool
            if !mayHoldWords {
                anywhere = false
            } else if prefix.tagged {
                anywhere = anywhereTaggedIndex.containsAny(in: bytes)
            } else {
                anywhere = anywhereIndex.containsAny(in: bytes)
            }
            let interesting =
                anywhere
                || (mayOpen(bytes, at: prefix.start) && openingSet.anyPrefix(of: bytes, at: prefix.start)
                    && (prefix.tagged || Self.untaggedOpeningReadable(bytes, at: prefix.start)))
            if !interesting {
                // Most of a verbose log: tagged lines the reader has nothing to take from (tactic timings).
                if prefix.tagged { count(input(), number) }
                return prefix.tagged
            }
        }
        let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[prefix.start...]), as: UTF8.self)
        let taken = take(TensorRTLine(prefix: prefix, rest: rest[...]))
        if taken { count(input(), number) }
        return taken
    }

    func count(_ input: String, _ number: Int64) {
        lines += 1
        if firstInput == nil {
            firstInput = input
            firstLine = number
        } else if firstInput != input {
            otherInputs = true
        }
        if !otherInputs { lastLine = number }
    }

    /// Reads one line; returns whether it belongs to a TensorRT log.
    func take(_ line: TensorRTLine) -> Bool {
        let message = line.message
        if continueSection(line) { return true }
        if message.hasPrefix("&&&& ") {
            if message.hasPrefix("&&&& RUNNING") { builds += 1 }
            if message.hasPrefix("&&&& PASSED") { engineBuilt = true }
            if message.hasPrefix("&&&& FAILED") { runFailed = true }
            readCommand(message)
            return true
        }
        if let command = TrtexecCommand.parse(message), message.contains("--") {
            if self.command == nil || self.command != command { self.command = command }
            if version == nil { version = TensorRTVersion.find(in: message) }
            return true
        }
        if let found = TensorRTVersion.find(in: message), version == nil { version = found }
        if message.hasPrefix("Engine built in ") || message.hasPrefix("Created engine with size")
            || message.hasPrefix("Engine generation completed")
        {
            engineBuilt = true
            return true
        }
        if readPlacement(message) || readFallback(message) || readOptions(message) || readEngineInfo(message) {
            return true
        }
        if message.hasPrefix("=== Profile") {
            startProfile(nil)
            return true
        }
        // A profile pasted without its `=== Profile` line starts at the column header.
        if let layout = ProfileRow.layout(ofHeader: message) {
            startProfile(layout)
            return true
        }
        return line.tagged || isTensorRTError(message)
    }

    /// Lines that belong to TensorRT without a tag: ONNX parser and protobuf errors about the model file.
    func isTensorRTError(_ message: Substring) -> Bool {
        message.contains("onnx2trt") || message.contains("ModelImporter") || message.contains("nvinfer1::")
    }

    // MARK: - Sections

    /// Lines inside a placement list, engine information or profile; false when the section ended.
    func continueSection(_ line: TensorRTLine) -> Bool {
        let message = line.message
        let tagged = line.tagged
        switch section {
        case .none:
            return false
        case .dla, .gpu:
            let listy =
                !message.isEmpty && !message.contains(": ") && !message.hasPrefix("[") && !message.hasPrefix("-")
                && !message.hasPrefix("#")
            if line.tagged || line.severity != nil {
                // A list line starts a group or ends with a comma; a first line the terminal wrapped is long.
                let wrappedStart = listText.isEmpty && message.count >= 60 && message.contains(",")
                if listy && (message.hasPrefix("{") || message.hasSuffix(",") || wrappedStart) {
                    wrappedLines = 0
                    if appendList(message) { return true }
                }
                // TensorRT 7 prints an empty line for an empty list.
                if message.isEmpty && listText.isEmpty { return true }
            } else if listy && !listText.isEmpty && !listText.hasSuffix(",") && wrappedLines < Self.wrapCap
                && !message.hasPrefix("$") && !message.hasPrefix("`")
            {
                // A list hard-wrapped by the terminal: the continuation has no prefix, and the list so far stops
                // mid-name (a complete TensorRT 7 list line ends with a comma).
                wrappedLines += 1
                if appendList(message) { return true }
            }
            // A TensorRT line after the GPU header closes its list; a cut (`# [trimmed]`, the end) leaves it open.
            if case .gpu = section, line.tagged || line.severity != nil { gpuListClosed = true }
            flushList()
            section = .none
            return false
        case .engineInfo:
            if readEngineInfo(message) { return true }
            section = .none
            return false
        case .profile(let layout):
            if let found = ProfileRow.layout(ofHeader: message) {
                section = .profile(found)
                return true
            }
            if let layout, let row = ProfileRow.parse(message, layout: layout) {
                addProfileRow(row)
                if row.kind == .total { section = .none }
                return true
            }
            if message.isEmpty && tagged { return true }
            section = .none
            return false
        }
    }

    /// Most bytes of one TensorRT 7 list kept before it is read (a network of thousands of layers fits).
    static let listCap = 1024 * 1024
    /// Most prefix-less continuation lines of one wrapped list line.
    static let wrapCap = 200

    /// Adds a piece of a list; false once the list is over `listCap` (the section then ends).
    func appendList(_ text: Substring) -> Bool {
        guard listText.utf8.count + text.utf8.count <= Self.listCap else { return false }
        listText += text
        return true
    }

    /// Reads the TensorRT 7 list gathered under a header: `{conv1,pool1}, {conv3}, ` under the DLA header (each group
    /// one DLA subgraph), `prob, fc1 + relu1, ` under the GPU header.
    func flushList() {
        defer { listText = "" }
        guard !listText.isEmpty else { return }
        if case .dla = section {
            var depth = 0
            var current = ""
            // One group: its names counted once (linear in the list's length).
            func close() {
                trt7DlaLayers += current.split(separator: ",").count { !$0.allSatisfy { $0 == " " } }
                insert(current, into: &dlaListNodes)
            }
            for c in listText {
                switch c {
                case "{":
                    depth += 1
                    current = ""
                case "}":
                    guard depth > 0 else { continue }
                    depth -= 1
                    guard depth == 0 else { continue }
                    close()
                    current = ""
                default:
                    if depth > 0 { current.append(c) }
                }
            }
            // A group the paste cut off before its `}` (an excerpt, a line trimmed by a forum) still ran on the DLA.
            if depth > 0, current.contains(where: { $0 != " " && $0 != "," }) { close() }
            return
        }
        for name in listText.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            addGPULayer(name: trimmed[...], type: nil)
        }
    }

    /// Ends the input: reads a list the log ended inside.
    public func finish() {
        switch section {
        case .dla, .gpu: flushList()
        default: break
        }
        section = .none
    }

    // MARK: - Placement

    func readPlacement(_ message: Substring) -> Bool {
        if message.hasPrefix("[DlaLayer]") {
            let node = message.dropFirst("[DlaLayer]".count).drop { $0 == " " }
            insert(String(node), into: &dlaListNodes)
            return true
        }
        if message.hasPrefix("[GpuLayer]") {
            let entry = message.dropFirst("[GpuLayer]".count).drop { $0 == " " }
            if let colon = entry.range(of: ": "),
                entry[..<colon.lowerBound].allSatisfy({ $0.isUppercase || $0 == "_" }),
                !entry[..<colon.lowerBound].isEmpty
            {
                addGPULayer(name: entry[colon.upperBound...], type: entry[..<colon.lowerBound])
            } else {
                addGPULayer(name: entry, type: nil)
            }
            return true
        }
        if Self.mayRunOn(message) {
            let lower = message.lowercased()
            if lower.contains("layers running on dla") {
                finish()
                pendingAnonymous = nil
                placementListsSeen += 1
                section = .dla
                return true
            }
            if lower.contains("layers running on gpu") {
                finish()
                gpuListsSeen += 1
                section = .gpu
                return true
            }
        }
        if message.hasPrefix("No layer is running on GPU") {
            noLayerOnGPU = true
            return true
        }
        if message.hasPrefix("No layer is running on DLA") {
            noLayerOnDLA = true
            return true
        }
        if message.hasSuffix("successfully offloaded to DLA.") {
            var node = message.dropLast("successfully offloaded to DLA.".count)
            while node.last == " " { node = node.dropLast() }
            insert(String(node), into: &offloaded)
            return true
        }
        if message.hasPrefix("Original: "), message.hasSuffix(" layers"), networkLayers == nil {
            networkLayers = Int(message.dropFirst("Original: ".count).dropLast(" layers".count))
            return true
        }
        if message.hasPrefix("DLA Memory Pool Sizes: ") {
            memoryPools = String(message.dropFirst("DLA Memory Pool Sizes: ".count))
            return true
        }
        return false
    }

    static let layersRunningOn = FoldedLiterals(["layers running on"])

    /// Whether the lower-cased `message` may hold `layers running on`: it holds those bytes in any ASCII case, or
    /// non-ASCII text (which lower-cases by rules of its own). Tested on the bytes, before the lower-cased copy.
    static func mayRunOn(_ message: Substring) -> Bool {
        message.withUTF8Bytes { bytes in bytes.contains { $0 >= 0x80 } || layersRunningOn.containsAny(in: bytes) }
    }

    func addGPULayer(name: Substring, type: Substring?) {
        let upper = type.map { $0.uppercased() }
        if upper == "COPY" || upper == "REFORMAT" || name.hasSuffix("_copy_output") {
            gpuListCopies += 1
            return
        }
        gpuListLayers += 1
        gpuOps[Self.capped(LayerNames.op(name: name, type: type) ?? "(type not shown)", in: gpuOps), default: Group()]
            .add(name)
    }

    // MARK: - Fallback

    func readFallback(_ message: Substring) -> Bool {
        // 8.4+: Layer 'NAME' (TYPE): Unsupported on DLA. Switching this layer's device type to GPU.
        if message.hasPrefix("Layer '"), let end = message.range(of: "): Unsupported on DLA") {
            let head = message[message.index(message.startIndex, offsetBy: 7)..<end.lowerBound]
            if let split = head.range(of: "' (", options: .backwards) {
                let name = head[..<split.lowerBound]
                let type = head[split.upperBound...]
                fallback(name: name, type: type, detail: takeDetail(name))
                return true
            }
        }
        // 8.0–8.2: Layer 'NAME': Unsupported on DLA. Switching this layer's device type to GPU. (no type)
        if message.hasPrefix("Layer '"), let end = message.range(of: "': Unsupported on DLA") {
            let name = message[message.index(message.startIndex, offsetBy: 7)..<end.lowerBound]
            fallback(name: name, type: nil, detail: takeDetail(name))
            return true
        }
        // 6.x–8.4: Default DLA is enabled but layer NAME is not supported on DLA, falling back to GPU.
        // 5.x: … but layer NAME is not running on DLA, falling back to GPU.
        if message.hasPrefix("Default DLA is enabled but layer ") {
            let rest = message.dropFirst("Default DLA is enabled but layer ".count)
            if let end = rest.range(of: " is not supported on DLA", options: .backwards)
                ?? rest.range(of: " is not running on DLA", options: .backwards)
            {
                let name = rest[..<end.lowerBound]
                fallback(name: name, type: nil, detail: takeDetail(name))
                return true
            }
        }
        // 7.x: DLA only supports FP16 and Int8 precision type. Switching NAME device type to GPU.
        if message.hasPrefix("DLA only supports FP16 and Int8 precision type. Switching "),
            message.hasSuffix(" device type to GPU.")
        {
            let name = message.dropFirst(58).dropLast(" device type to GPU.".count)
            fallback(name: name, type: nil, detail: "FP16 and Int8 precision")
            return true
        }
        if message.hasPrefix("Validation failed for DLA layer: ") {
            var name = message.dropFirst("Validation failed for DLA layer: ".count)
            if let end = name.range(of: ". Switching to GPU fallback") { name = name[..<end.lowerBound] }
            fallback(
                name: name, type: nil,
                detail: takeDetail(name) ?? pendingAnonymous ?? "validation failed")
            return true
        }
        if message.hasPrefix("Splitting DLA subgraph at: ") {
            splits += 1
            return true
        }
        if let range = message.range(of: " subgraphs per DLA core. Switching to GPU for layer ") {
            let before = message[..<range.lowerBound]
            let limit = before.split(separator: " ").last.flatMap { Int($0) }
            subgraphLimit = subgraphLimit ?? limit
            let name = message[range.upperBound...]
            subgraphLimitLayers += 1
            if subgraphLimitFirst == nil { subgraphLimitFirst = LayerNames.short(name) }
            fallback(name: name, type: nil, detail: "subgraphs per DLA core")
            return true
        }
        if message.contains("no layer in the network can run on DLA") {
            noLayerCanRunOnDLA = true
            return true
        }
        if message.contains("DLA requests all profiles have same min, max, and opt value") {
            dynamicShapesFallback = true
            return true
        }
        guard message.contains("DLA") else { return false }
        // 7.x: DLA Layer NAME does not support dynamic shapes in any dimension.
        if message.hasPrefix("DLA Layer ") {
            let rest = message.dropFirst("DLA Layer ".count)
            if let verb = rest.range(of: " does not support ") {
                rememberDetail(rest[..<verb.lowerBound], rest[verb.lowerBound...])
                return true
            }
        }
        // 8.0–8.4: DLA LAYER: Batch size (…) N for layer NAME exceeds max batch size allowed of 32.
        if message.hasPrefix("DLA LAYER: "), let layer = message.range(of: " for layer "),
            let verb = message.range(of: " exceeds ", range: layer.upperBound..<message.endIndex)
        {
            rememberDetail(message[layer.upperBound..<verb.lowerBound], message[..<layer.lowerBound])
            return true
        }
        // A validation detail: `NAME: DLA only supports …` for the next fallback line naming NAME, or an unnamed one.
        if let colon = message.range(of: ": "), !message[..<colon.lowerBound].contains("DLA"),
            Self.isValidationDetail(message[colon.upperBound...])
        {
            rememberDetail(message[..<colon.lowerBound], message[colon.upperBound...])
            return true
        }
        if message.hasPrefix("This version of DLA") || message.hasPrefix("DLA only")
            || message.hasPrefix("DLA does not")
            || message.hasPrefix("DLA cores")
        {
            pendingAnonymous = message
            return true
        }
        return false
    }

    /// `DLA only supports …`, `DLA cores do not support …`, `Concatenation on DLA requires …`: the text after a layer
    /// name that explains why the DLA refused it.
    static func isValidationDetail(_ text: Substring) -> Bool {
        text.hasPrefix("DLA ") || text.hasPrefix("This version of DLA") || text.prefix(40).contains(" on DLA ")
    }

    /// Keeps a validation detail for the fallback line that will name `name`.
    func rememberDetail(_ name: Substring, _ detail: Substring) {
        if pendingDetail.count >= Self.pendingCap { pendingDetail.removeAll() }
        pendingDetail[Self.key(name)] = String(detail.prefix(Self.detailCap))
    }

    /// The detail remembered for `name`, forgotten once taken.
    func takeDetail(_ name: Substring) -> Substring? {
        pendingDetail.removeValue(forKey: Self.key(name)).map { $0[...] }
    }

    /// A layer name as kept in sets and maps: at most `nameKeyCap` characters, so hostile 64 KiB names cost little.
    static func key(_ name: Substring) -> String { String(name.prefix(nameKeyCap)) }

    func fallback(name: Substring, type: Substring?, detail: Substring?) {
        let detail = detail ?? pendingAnonymous
        pendingAnonymous = nil
        let key = Self.key(name)
        if fallbackNames.contains(key) { return }
        if fallbackNames.count < Self.nameCap { fallbackNames.insert(key) }
        fallbackCount += 1
        if firstFallback == nil { firstFallback = LayerNames.short(name) }
        let reason = FallbackReason.classify(detail)
        let op = Self.capped(LayerNames.op(name: name, type: type) ?? "(type not shown)", in: fallbacks[reason] ?? [:])
        fallbacks[reason, default: [:]][op, default: Group()].add(name)
        if let region = LayerNames.region(of: name) {
            let bounded = regions[region] != nil || regions.count < Self.groupCap ? region : "(other)"
            regions[bounded, default: 0] += 1
        }
    }

    /// `key` while `groups` has room for another distinct key, else `(other)`.
    static func capped<Value>(_ key: String, in groups: [String: Value]) -> String {
        groups[key] != nil || groups.count < groupCap ? String(key.prefix(nameKeyCap)) : "(other)"
    }

    func insert(_ name: String, into set: inout Set<String>) {
        if set.count < Self.nameCap { set.insert(String(name.prefix(Self.nameKeyCap))) }
    }

    // MARK: - Options, engine information, profile

    func readCommand(_ message: Substring) {
        if let found = TensorRTVersion.find(in: message) { version = found }
        // `&&&& RUNNING TensorRT.sample_dynamic_reshape # ./sample … --useDLACore=0`: samples take the same options.
        if let hash = message.range(of: " # "),
            let command = TrtexecCommand.parse(message[hash.upperBound...], requireTrtexec: false)
        {
            self.command = command
        }
    }

    /// trtexec's option echo: `Precision: FP32+INT8`, `DLACore: 0`, `Input(s)s format: fp16:chw16`.
    func readOptions(_ message: Substring) -> Bool {
        if message == "=== Build Options ===" {
            buildOptionBlocks += 1
            return true
        }
        if message == "DLACore:" {
            optionDLACoreEmpty = true
            return true
        }
        if message.hasPrefix("=== ") && message.hasSuffix(" ===") && !message.hasPrefix("=== Profile") {
            // trtexec's section titles; any other `=== X ===` is someone else's banner.
            return Self.trtexecSections.contains(String(message.dropFirst(4).dropLast(4)))
        }
        for (prefix, apply) in [
            ("Precision: ", { (v: Substring) in self.optionPrecision = v.lowercased() }),
            ("DLACore: ", { (v: Substring) in self.readDLACore(v) }),
            ("Allow GPU fallback for DLA: ", { (v: Substring) in self.optionFallback = v == "Enabled" }),
            ("Build DLA standalone loadable: ", { (v: Substring) in self.optionStandalone = v == "Enabled" }),
            ("Input(s)s format: ", { (v: Substring) in self.optionInputFormat = Self.ioFormat(v) }),
            ("Output(s)s format: ", { (v: Substring) in self.optionOutputFormat = Self.ioFormat(v) }),
            ("Inputs format: ", { (v: Substring) in self.optionInputFormat = Self.ioFormat(v) }),
            ("Outputs format: ", { (v: Substring) in self.optionOutputFormat = Self.ioFormat(v) }),
            ("Input(s): ", { (v: Substring) in self.optionInputFormat = Self.ioFormat(v) }),
            ("Output(s): ", { (v: Substring) in self.optionOutputFormat = Self.ioFormat(v) }),
            ("Input: ", { (v: Substring) in self.optionInputFormat = Self.ioFormat(v) }),
            ("Output: ", { (v: Substring) in self.optionOutputFormat = Self.ioFormat(v) }),
        ] where message.hasPrefix(prefix) {
            let value = message.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { return true }
            if prefix.hasPrefix("Input") || prefix.hasPrefix("Output"), Self.ioFormat(value[...]) == nil {
                return false
            }
            apply(value[...])
            return true
        }
        return false
    }

    static let trtexecSections: Set<String> = [
        "Model Options", "Build Options", "System Options", "Inference Options", "Reporting Options",
        "Device Information", "Performance summary", "Explanations", "Trace details",
    ]

    /// `fp16:chw16`, `int8:dla_linear` (trtexec's IOFormat text); nil for anything else. The default `fp32:CHW`
    /// reads as `default`.
    static func ioFormat(_ value: Substring) -> String? {
        let parts = value.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, ["fp32", "fp16", "int8", "int32", "bool", "uint8", "bf16", "fp8"].contains(parts[0])
        else { return nil }
        return value == "fp32:CHW" ? "default" : String(value)
    }

    /// `DLACore: 0` (8.6, 10.x), `DLACore: 0(With GPU fallback)` (7.x–8.5); empty means no DLA.
    func readDLACore(_ value: Substring) {
        if let core = Int(value.prefix { $0.isNumber }) { optionDLACore = core }
        if value.contains("With GPU fallback") { optionFallback = true }
    }

    /// `Engine Layer Information:` then `Layer(DLA): {ForeignNode[…]}, Tactic: …`, `Layer(Reformat): …`.
    func readEngineInfo(_ message: Substring) -> Bool {
        if message.hasPrefix("Engine Layer Information") {
            section = .engineInfo
            return true
        }
        guard message.hasPrefix("Layer("), let close = message.firstIndex(of: ")") else { return false }
        let type = message[message.index(message.startIndex, offsetBy: 6)..<close]
        if type == "DLA" {
            engineDLA += 1
        } else if type == "Reformat" || message.contains("Reformatting CopyNode") {
            engineReformats += 1
        } else if !["FinishNvmRegion", "StartNvmRegion", "NoOp"].contains(type) {
            engineGPU += 1
        }
        return true
    }

    /// A new profile table replaces the one before (a run may print several; the last is the one to read).
    func startProfile(_ layout: ProfileRow.Layout?) {
        section = .profile(layout)
        guard layout == nil || profileRows > 0 else { return }
        profileRows = 0
        profileDLAPercent = 0
        profileReformatPercent = 0
        profileGPUPercent = 0
        profileReformatRows = 0
        profileSubgraphRows = 0
        profileGPURows = 0
        profileNVMRows = 0
    }

    func addProfileRow(_ row: ProfileRow) {
        switch row.kind {
        case .total:
            return
        case .dla:
            profileDLAPercent += row.percent
            if row.name.hasPrefix("{") { profileSubgraphRows += 1 } else { profileNVMRows += 1 }
        case .reformat:
            profileReformatPercent += row.percent
            profileReformatRows += 1
            if row.name.hasSuffix(" to nvm") || row.name.hasSuffix(" copy finish") { profileNVMRows += 1 }
        case .gpu:
            profileGPUPercent += row.percent
            profileGPURows += 1
        }
        profileRows += 1
    }

    // MARK: - Derived

    /// DLA subgraphs: the largest count any part of the log shows (lists, offload lines, engine info, profile).
    /// `{ForeignNode[…]}` profile rows count only with other DLA evidence: TensorRT 8.6 and 10 name GPU Myelin
    /// subgraphs the same way.
    public var dlaSubgraphs: Int? {
        let profile = dlaEvidence == true ? profileSubgraphRows : 0
        let counts = [dlaListNodes.count, offloaded.count, engineDLA, profile]
        let best = counts.max() ?? 0
        // An empty DLA list counts as none only when the GPU list followed it (the log is not cut inside the list).
        let listedNone = placementListsSeen > 0 && gpuListsSeen > 0
        return best > 0 ? best : (noLayerOnDLA || noLayerCanRunOnDLA || listedNone ? 0 : nil)
    }

    /// Engine layers on the GPU (without reformats/copies): from the placement list, else engine info, else profile.
    public var gpuLayers: Int? {
        if gpuListLayers > 0 || noLayerOnGPU || gpuListClosed { return gpuListLayers }
        if engineDLA + engineGPU > 0 { return engineGPU }
        if profileRows > 0 { return profileGPURows }
        return nil
    }

    /// Reformat and copy layers at DLA boundaries: engine info, else profile, else the GPU list's copies.
    public var reformats: Int? {
        if engineDLA + engineGPU + engineReformats > 0 { return engineReformats }
        if profileRows > 0 { return profileReformatRows }
        if gpuListsSeen > 0 || gpuListLayers + gpuListCopies > 0 { return gpuListCopies }
        return nil
    }

    /// Layers of the network on the DLA: exact from TensorRT 7 lists, else the network's layers less those switched
    /// to GPU when the log shows both.
    public var dlaLayers: (count: Int, exact: Bool)? {
        if trt7DlaLayers > 0 { return (trt7DlaLayers, true) }
        if let network = networkLayers, network >= fallbackCount, fallbackCount > 0 || noLayerOnGPU {
            return (network - fallbackCount, false)
        }
        return nil
    }

    /// Whether the log shows the network was meant for DLA: true on DLA-only evidence (fallback warnings, DLA layers,
    /// offload lines, NVM copies in a profile) or a DLA core option; false when the build command or the option
    /// echo shows none; nil when it says neither. Not the placement headers, the dynamic-profile warning or
    /// `{ForeignNode}` rows: TensorRT prints those for GPU-only builds too.
    public var dlaRequested: Bool? { dlaEvidence }

    var dlaEvidence: Bool? {
        if fallbackCount > 0 || noLayerCanRunOnDLA || !dlaListNodes.isEmpty || !offloaded.isEmpty || engineDLA > 0
            || profileNVMRows > 0 || trt7DlaLayers > 0
        {
            return true
        }
        if let core = command?.dlaCore ?? optionDLACore { return core >= 0 }
        if optionDLACoreEmpty { return false }
        if let command, command.model != nil { return false }
        if optionPrecision != nil { return false }
        return requestedAround ? true : nil
    }

    /// Where the layers went: `all_dla`, `mostly_dla` (≤ 10% on the GPU), `split`, `mostly_gpu` (≥ 50%), `all_gpu`, or
    /// `some_gpu` (layers were switched but the log shows neither lists nor the network's size); nil when it does not
    /// say.
    public var placement: String? {
        // Without a DLA request the lists still say where the layers went: a GPU list and an empty or absent DLA
        // list is a network on the GPU (no rule speaks of that; it is what the user asked for, or did not know).
        guard dlaRequested == true else {
            // A build whose command or option echo asks for no DLA core runs every layer on the GPU.
            if dlaRequested == false { return "all_gpu" }
            let onGPU = (gpuLayers ?? 0) > 0 || gpuListLayers > 0
            return onGPU && (dlaSubgraphs ?? 0) == 0 && (dlaLayers?.count ?? 0) == 0 ? "all_gpu" : nil
        }
        if noLayerCanRunOnDLA || noLayerOnDLA { return "all_gpu" }
        let subgraphs = dlaSubgraphs ?? 0
        let gpu = max(gpuLayers ?? 0, fallbackCount)
        if noLayerOnGPU || (subgraphs > 0 && gpu == 0 && gpuLayers != nil) { return "all_dla" }
        if let share = gpuShare {
            if share >= 50 { return subgraphs == 0 && (dlaLayers?.count ?? 0) == 0 ? "all_gpu" : "mostly_gpu" }
            return share <= 10 ? "mostly_dla" : "split"
        }
        if subgraphs > 0 && gpu > 0 { return "split" }
        // An empty DLA list means something only for a build that targeted the DLA.
        if dlaSubgraphs == 0 && (gpu > 0 || gpuListsSeen > 0) { return dlaRequested == true ? "all_gpu" : nil }
        if fallbackCount > 0 { return "some_gpu" }
        // Without GPU fallback TensorRT builds a DLA engine only when every layer runs on the DLA: a finished build
        // with fallback off and no layer sent to the GPU is all on the DLA.
        if engineBuilt, !runFailed, (optionFallback ?? command?.allowGPUFallback) == false, gpu == 0,
            gpuListLayers == 0
        {
            return "all_dla"
        }
        return nil
    }

    /// The share of the network's layers on the GPU, in percent, when the log shows the network's size.
    /// Counts network layers on both sides: TensorRT 7's DLA groups against its GPU list, or the layers switched to
    /// GPU against `Original: N layers` (never fused engine layers against network layers).
    public var gpuShare: Int? {
        guard dlaRequested == true else { return nil }
        if let dla = dlaLayers, dla.exact {
            guard let gpu = gpuLayers, dla.count + gpu > 0 else { return nil }
            return Int((Double(gpu) * 100 / Double(dla.count + gpu)).rounded())
        }
        guard let network = networkLayers, network > 0, fallbackCount > 0 else { return nil }
        return min(100, Int((Double(fallbackCount) * 100 / Double(network)).rounded()))
    }
}
