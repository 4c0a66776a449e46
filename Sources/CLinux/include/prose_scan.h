// The byte pass of analyze's prose test (LineClassifier.proseTest), 16 bytes a step: SSE2 on x86_64, NEON on
// aarch64, portable C elsewhere (chosen when compiled; no run-time dispatch).
#ifndef NVDLA_PROSE_SCAN_H
#define NVDLA_PROSE_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// Longest line (bytes) the scan takes; longer ones are left to the Swift test.
#define NVDLA_PROSE_MAX_BYTES 1024

/// The answers of nvdla_prose_scan.
enum {
    /// A machine byte (`_ / = [ ] { } < > \ @ $ | # ^`, a control byte) with no backtick before it: not prose.
    NVDLA_PROSE_MACHINE = 0,
    /// Counted: every token is a word or a number (`counts`).
    NVDLA_PROSE_COUNTED = 1,
    /// Not decided here: a backtick, a token of another form, an empty line or one longer than
    /// NVDLA_PROSE_MAX_BYTES. The Swift test reads the line.
    NVDLA_PROSE_UNDECIDED = 2,
};

/// Reads the UTF-8 text `bytes[0..<count]` (a line's content after any bullet) as the prose test does: tokens split
/// at spaces and tabs. It counts a line whose every token is of one of three forms, and leaves any other undecided:
/// a word (ASCII letters and inner `'`/`-`, a letter at each end), a word followed by `, . ; ! ?` or `:` (not `:`
/// in the first three tokens: a `Key:`), and a number (ASCII digits only). Returns the NVDLA_PROSE_* answer in bits
/// 0…7 and, when it is NVDLA_PROSE_COUNTED, the number of tokens in bits 8…31 and of numbers in bits 32…63 (the
/// other tokens are words).
uint64_t nvdla_prose_scan(const uint8_t *bytes, size_t count);

/// nvdla_prose_scan with the portable byte classifier instead of the vector one (tests compare the two).
uint64_t nvdla_prose_scan_portable(const uint8_t *bytes, size_t count);

#endif
