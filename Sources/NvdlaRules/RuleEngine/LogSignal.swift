/// A named kernel-log signal declared in a rule file (`signals:`): which lines count, and to whom.
///
/// A line counts when it contains one of `literals` (a cheap prefilter) and matches `regex`. `attribute`
/// renders a key from the named captures and maps it to a DLA instance (`dla0`/`dla1` patterns); a line of
/// an attributed signal that maps to neither belongs to another client (`log.<name>.other.*`). `unless`
/// makes a match benign when a line matching its pattern follows within `within` lines.
public struct LogSignal: Sendable, Equatable {
    /// How a match is attributed to a DLA instance.
    public struct Attribution: Sendable, Equatable {
        /// Template over the captures, e.g. `{smmu}:{sid}`.
        public let key: String
        /// Per instance index, the pattern a rendered key must match to belong to it.
        public let instances: [(index: String, pattern: Regex2)]

        package init(key: String, instances: [(index: String, pattern: Regex2)]) {
            self.key = key
            self.instances = instances
        }

        public static func == (lhs: Attribution, rhs: Attribution) -> Bool {
            lhs.key == rhs.key && lhs.instances.count == rhs.instances.count
                && zip(lhs.instances, rhs.instances).allSatisfy { $0.index == $1.index && $0.pattern == $1.pattern }
        }
    }

    /// A follow-up line that makes the match benign.
    public struct Cancel: Sendable, Equatable {
        public let pattern: Regex2
        public let literals: [String]
        public let within: Int

        package init(pattern: Regex2, literals: [String], within: Int) {
            self.pattern = pattern
            self.literals = literals
            self.within = within
        }
    }

    public let name: String
    public let literals: [String]
    public let regex: Regex2
    public let caseless: Bool
    public let attribute: Attribution?
    public let unless: Cancel?
    /// A message made of words only (`Target GPU SM 87 is not supported by this TensorRT release`), which `analyze`
    /// also looks for on lines it takes for a person's sentence, where other signals are not scanned.
    public let sentence: Bool
    /// File and line it was read from.
    public let origin: String

    package init(
        name: String, literals: [String], regex: Regex2, caseless: Bool, attribute: Attribution?, unless: Cancel?,
        sentence: Bool = false, origin: String
    ) {
        self.sentence = sentence
        self.name = name
        self.literals = literals
        self.regex = regex
        self.caseless = caseless
        self.attribute = attribute
        self.unless = unless
        self.origin = origin
    }

    /// The DLA instance `captures` belong to: an index, `other`, or nil for a signal without attribution.
    public func target(_ captures: [String: String]) -> String? {
        guard let attribute else { return nil }
        let key = Template.render(attribute.key) { captures[$0] ?? "" }.lowercased()
        for (index, pattern) in attribute.instances where pattern.matches(key) { return index }
        return "other"
    }
}
