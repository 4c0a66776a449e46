/// The rule language (rules, conditions, fact values, the fact catalogue, decoding and lint) lives in the
/// `NvdlaRules` target so the build tool that compiles the shipped rules can use it; every client of NvdlaProbe
/// sees it as part of this module.
@_exported import NvdlaRules
