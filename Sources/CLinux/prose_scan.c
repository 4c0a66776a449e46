// The byte pass of analyze's prose test, 16 bytes a step (prose_scan.h). Each 16 bytes of UTF-8 text are classified
// with compares into bit masks (space, letter, digit, ...); the tokens' forms are then checked on the masks of 64
// bytes at once with shifts and ANDs, so no token costs work of its own.
#include "prose_scan.h"

#include <string.h>

#if defined(__x86_64__)
#include <emmintrin.h>  // SSE2: part of the x86-64 baseline, no run-time check needed
#define NVDLA_PROSE_SSE2 1
#elif defined(__aarch64__)
#include <arm_neon.h>  // NEON (Advanced SIMD): part of every AArch64 core
#define NVDLA_PROSE_NEON 1
#endif

/// Byte classes of 16 bytes (bit k for byte k), or of 64 (one block).
typedef struct {
    uint64_t space;    // space or tab
    uint64_t letter;   // ASCII letter
    uint64_t inner;    // `'` `-` (inside a word)
    uint64_t digit;    // 0-9
    uint64_t punct;    // `, . ; : ! ?` (may follow a word)
    uint64_t colon;    // `:`
    uint64_t tick;     // backtick
    uint64_t allowed;  // every byte the prose test lets through; the rest are machine bytes
} masks;

/// The classes of one byte (portable; the reference for the vector versions).
static inline void classify_byte(uint8_t b, uint64_t bit, masks *m) {
    const int letter = (uint8_t)((b | 0x20) - 'a') <= 25;
    // Let through: letters, digits, `: ;`, non-ASCII bytes, space and tab, backtick, `' -`, `( )`,
    // `. , + % & ! ? " * ~` — that is 32…34, 37…46, 48…59, `?`, `~`, backtick, tab, 128…255.
    const int allowed = letter || b >= 0x80 || (b >= 32 && b <= 34) || (b >= 37 && b <= 46) ||
                        (b >= 48 && b <= 59) || b == 63 || b == 126 || b == 96 || b == 9;
    if (b == 32 || b == 9) m->space |= bit;
    if (letter) m->letter |= bit;
    if (b == 39 || b == 45) m->inner |= bit;
    if (b >= 48 && b <= 57) m->digit |= bit;
    if (b == 44 || b == 46 || b == 59 || b == 58 || b == 33 || b == 63) m->punct |= bit;
    if (b == 58) m->colon |= bit;
    if (b == 96) m->tick |= bit;
    if (allowed) m->allowed |= bit;
}

/// 16 bytes (`n` of them real, the rest read as spaces) into `m` at bit `shift`, one byte at a time.
static inline void classify_portable(const uint8_t *p, size_t n, unsigned shift, masks *m) {
    for (unsigned k = 0; k < 16; k++) classify_byte(k < n ? p[k] : ' ', 1ULL << (shift + k), m);
}

#if NVDLA_PROSE_SSE2
/// Lanes holding lo…lo+width (unsigned), as 0xFF.
static inline __m128i sse2_range(__m128i v, uint8_t lo, uint8_t width) {
    const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((char)width)), d);
}

static inline __m128i sse2_eq(__m128i v, uint8_t b) { return _mm_cmpeq_epi8(v, _mm_set1_epi8((char)b)); }

static inline uint64_t sse2_bits(__m128i lanes) { return (uint64_t)(uint32_t)_mm_movemask_epi8(lanes); }

/// 16 bytes from `p`, of which `n` (1…16) are the line's; the others read as spaces.
static inline __m128i sse2_load(const uint8_t *p, size_t n) {
    if (n >= 16) return _mm_loadu_si128((const __m128i *)p);
    __m128i v;
    if (((uintptr_t)p & 4095) <= 4096 - 16) {
        // The 16 bytes lie in one page, so the load cannot fault; the bytes past the line are replaced below.
        v = _mm_loadu_si128((const __m128i *)p);
    } else {
        uint8_t tail[16];
        memcpy(tail, p, n);
        v = _mm_loadu_si128((const __m128i *)tail);
    }
    const __m128i lanes = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    const __m128i keep = _mm_cmpgt_epi8(_mm_set1_epi8((char)n), lanes);
    return _mm_or_si128(_mm_and_si128(keep, v), _mm_andnot_si128(keep, _mm_set1_epi8(' ')));
}

static inline void classify_vector(const uint8_t *p, size_t n, unsigned shift, masks *m) {
    const __m128i v = sse2_load(p, n);
    const __m128i letter = sse2_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 25);
    const __m128i blank = sse2_eq(v, 32);
    const __m128i colon = sse2_eq(v, 58);
    __m128i punct = _mm_or_si128(_mm_or_si128(sse2_eq(v, 44), sse2_eq(v, 46)), _mm_or_si128(sse2_eq(v, 59), colon));
    punct = _mm_or_si128(punct, _mm_or_si128(sse2_eq(v, 33), sse2_eq(v, 63)));
    const uint64_t letters = sse2_bits(letter), blanks = sse2_bits(blank), puncts = sse2_bits(punct);
    m->letter |= letters << shift;
    m->punct |= puncts << shift;
    if (puncts) m->colon |= sse2_bits(colon) << shift;
    // Most chunks of prose are letters, spaces and punctuation only: no other class to find.
    if ((letters | blanks | puncts) == 0xFFFF) {
        m->space |= blanks << shift;
        m->allowed |= 0xFFFFULL << shift;
        return;
    }
    const __m128i space = _mm_or_si128(blank, sse2_eq(v, 9));
    const __m128i tick = sse2_eq(v, 96);
    __m128i allowed = _mm_or_si128(sse2_range(v, 32, 2), sse2_range(v, 37, 9));
    allowed = _mm_or_si128(allowed, _mm_or_si128(sse2_range(v, 48, 11), sse2_eq(v, 126)));
    allowed = _mm_or_si128(allowed, _mm_or_si128(_mm_or_si128(space, tick), _mm_or_si128(letter, punct)));
    m->space |= sse2_bits(space) << shift;
    m->inner |= sse2_bits(_mm_or_si128(sse2_eq(v, 39), sse2_eq(v, 45))) << shift;
    m->digit |= sse2_bits(sse2_range(v, 48, 9)) << shift;
    m->tick |= sse2_bits(tick) << shift;
    // Non-ASCII bytes have their top bit set: the movemask of the bytes themselves.
    m->allowed |= (sse2_bits(allowed) | sse2_bits(v)) << shift;
}
#elif NVDLA_PROSE_NEON
/// One bit per 0xFF lane (NEON has no movemask: weigh the lanes and add each half).
static inline uint64_t neon_bits(uint8x16_t lanes) {
    static const uint8_t weights[16] = {1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
    const uint8x16_t t = vandq_u8(lanes, vld1q_u8(weights));
    return (uint64_t)vaddv_u8(vget_low_u8(t)) | ((uint64_t)vaddv_u8(vget_high_u8(t)) << 8);
}

static inline uint8x16_t neon_range(uint8x16_t v, uint8_t lo, uint8_t width) {
    return vcleq_u8(vsubq_u8(v, vdupq_n_u8(lo)), vdupq_n_u8(width));
}

static inline uint8x16_t neon_eq(uint8x16_t v, uint8_t b) { return vceqq_u8(v, vdupq_n_u8(b)); }

static inline void classify_vector(const uint8_t *p, size_t n, unsigned shift, masks *m) {
    uint8_t tail[16];
    if (n < 16) {
        // The last, short chunk: copied and padded with spaces (never read past the line).
        memset(tail, ' ', sizeof tail);
        memcpy(tail, p, n);
        p = tail;
    }
    const uint8x16_t v = vld1q_u8(p);
    const uint8x16_t letter = neon_range(vorrq_u8(v, vdupq_n_u8(0x20)), 'a', 25);
    const uint8x16_t blank = neon_eq(v, 32);
    const uint8x16_t colon = neon_eq(v, 58);
    uint8x16_t punct = vorrq_u8(vorrq_u8(neon_eq(v, 44), neon_eq(v, 46)), vorrq_u8(neon_eq(v, 59), colon));
    punct = vorrq_u8(punct, vorrq_u8(neon_eq(v, 33), neon_eq(v, 63)));
    const uint64_t letters = neon_bits(letter), blanks = neon_bits(blank), puncts = neon_bits(punct);
    m->letter |= letters << shift;
    m->punct |= puncts << shift;
    if (puncts) m->colon |= neon_bits(colon) << shift;
    // Most chunks of prose are letters, spaces and punctuation only: no other class to find.
    if ((letters | blanks | puncts) == 0xFFFF) {
        m->space |= blanks << shift;
        m->allowed |= 0xFFFFULL << shift;
        return;
    }
    const uint8x16_t space = vorrq_u8(blank, neon_eq(v, 9));
    const uint8x16_t tick = neon_eq(v, 96);
    uint8x16_t allowed = vorrq_u8(neon_range(v, 32, 2), neon_range(v, 37, 9));
    allowed = vorrq_u8(allowed, vorrq_u8(neon_range(v, 48, 11), neon_eq(v, 126)));
    allowed = vorrq_u8(allowed, vorrq_u8(vorrq_u8(space, tick), vorrq_u8(letter, punct)));
    allowed = vorrq_u8(allowed, vcgeq_u8(v, vdupq_n_u8(0x80)));
    m->space |= neon_bits(space) << shift;
    m->inner |= neon_bits(vorrq_u8(neon_eq(v, 39), neon_eq(v, 45))) << shift;
    m->digit |= neon_bits(neon_range(v, 48, 9)) << shift;
    m->tick |= neon_bits(tick) << shift;
    m->allowed |= neon_bits(allowed) << shift;
}
#else
static inline void classify_vector(const uint8_t *p, size_t n, unsigned shift, masks *m) {
    classify_portable(p, n, shift, m);
}
#endif

/// The masks of block `b` (bytes 64b…64b+63; bytes past `count` read as spaces).
static inline __attribute__((always_inline)) masks load_block(
    const uint8_t *bytes, size_t count, size_t b, int portable) {
    masks m = {0, 0, 0, 0, 0, 0, 0, 0};
    for (unsigned k = 0; k < 4; k++) {
        const size_t at = 64 * b + 16 * k;
        if (at >= count) {
            const uint64_t rest = ~0ULL << (16 * k);
            m.space |= rest;
            m.allowed |= rest;
            break;
        }
        if (portable) {
            classify_portable(bytes + at, count - at, 16 * k, &m);
        } else {
            classify_vector(bytes + at, count - at, 16 * k, &m);
        }
    }
    return m;
}

/// The scan, with the vector or the portable classifier (a constant: each caller gets its own copy).
static inline __attribute__((always_inline)) uint64_t scan(const uint8_t *bytes, size_t count, int portable) {
    if (count == 0 || count > NVDLA_PROSE_MAX_BYTES) return NVDLA_PROSE_UNDECIDED;
    const size_t blocks = (count + 63) / 64;
    uint32_t tokens = 0, numbers = 0;
    // The last byte of the block before: space (the line starts after one), digit, punctuation, letter.
    uint64_t was_space = 1, was_digit = 0, was_punct = 0, was_letter = 0;
    for (size_t b = 0; b < blocks; b++) {
        const masks m = load_block(bytes, count, b, portable);
        // A backtick opens a code span, whose bytes the test does not read: left to it, unless a machine byte comes
        // first, which ends the test whatever follows.
        const uint64_t machine = ~m.allowed;
        if (m.tick) return machine & ((m.tick & -m.tick) - 1) ? NVDLA_PROSE_MACHINE : NVDLA_PROSE_UNDECIDED;
        if (machine) return NVDLA_PROSE_MACHINE;
        // Whether the byte after the block is a space (past the line: yes) tells whether its last token ends here.
        const size_t after = 64 * (b + 1);
        const uint64_t next_space = after >= count || bytes[after] == 32 || bytes[after] == 9;
        const uint64_t in = ~m.space;
        const uint64_t starts = in & ((m.space << 1) | was_space);
        const uint64_t ends = in & ((m.space >> 1) | (next_space << 63));
        const uint64_t after_digit = (m.digit << 1) | was_digit;
        const uint64_t after_punct = (m.punct << 1) | was_punct;
        const uint64_t after_letter = (m.letter << 1) | was_letter;
        // Every token byte is a letter, `'`/`-`, a digit or punctuation (no `" % & ( ) * + ~` or non-ASCII byte);
        uint64_t bad = in & ~(m.letter | m.inner | m.digit | m.punct);
        // a token starts with a letter or a digit;
        bad |= starts & ~(m.letter | m.digit);
        // a token is digits throughout or has none (a number, or a word);
        bad |= (m.digit ^ after_digit) & in & ~starts;
        // punctuation only at a word's end: nothing but punctuation after it, and a letter before the first;
        bad |= after_punct & in & ~m.punct;
        bad |= m.punct & ~after_punct & ~after_letter;
        // and a word ends with a letter or punctuation.
        bad |= ends & ~(m.letter | m.punct | m.digit);
        if (bad) return NVDLA_PROSE_UNDECIDED;
        // A `:` after one of the first three tokens makes a `Key:` (a field, not a sentence): left to the test.
        for (uint64_t c = m.colon; c && tokens < 3; c &= c - 1) {
            const unsigned at = (unsigned)__builtin_ctzll(c);
            const uint64_t upto = at == 63 ? ~0ULL : (2ULL << at) - 1;
            if (tokens + (uint32_t)__builtin_popcountll(starts & upto) <= 3) return NVDLA_PROSE_UNDECIDED;
        }
        // Every token starts with a letter (a word) or a digit (a number).
        tokens += (uint32_t)__builtin_popcountll(starts);
        if (m.digit) numbers += (uint32_t)__builtin_popcountll(starts & m.digit);
        was_space = m.space >> 63;
        was_digit = m.digit >> 63;
        was_punct = m.punct >> 63;
        was_letter = m.letter >> 63;
    }
    return NVDLA_PROSE_COUNTED | (uint64_t)tokens << 8 | (uint64_t)numbers << 32;
}

#if NVDLA_PROSE_SSE2 || NVDLA_PROSE_NEON
/// Spaces, letters and `, . ; : ! ?` of 16 bytes (`n` of them real, the rest read as spaces), into bit `shift` of
/// each mask; false when a byte of another class is among them.
static inline int classify_common(
    const uint8_t *p, size_t n, unsigned shift, uint64_t *space, uint64_t *letter, uint64_t *punct, uint64_t *colon) {
#if NVDLA_PROSE_SSE2
    const __m128i v = sse2_load(p, n);
    const __m128i letters = sse2_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 25);
    const __m128i blanks = sse2_eq(v, 32);
    const __m128i colons = sse2_eq(v, 58);
    __m128i puncts = _mm_or_si128(_mm_or_si128(sse2_eq(v, 44), sse2_eq(v, 46)), _mm_or_si128(sse2_eq(v, 59), colons));
    puncts = _mm_or_si128(puncts, _mm_or_si128(sse2_eq(v, 33), sse2_eq(v, 63)));
    if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letters, blanks), puncts)) != 0xFFFF) return 0;
    const uint64_t l = sse2_bits(letters), b = sse2_bits(blanks);
    *letter |= l << shift;
    *space |= b << shift;
    if ((l | b) != 0xFFFF) {
        *punct |= sse2_bits(puncts) << shift;
        *colon |= sse2_bits(colons) << shift;
    }
    return 1;
#else
    uint8_t tail[16];
    if (n < 16) {
        memset(tail, ' ', sizeof tail);
        memcpy(tail, p, n);
        p = tail;
    }
    const uint8x16_t v = vld1q_u8(p);
    const uint8x16_t letters = neon_range(vorrq_u8(v, vdupq_n_u8(0x20)), 'a', 25);
    const uint8x16_t blanks = neon_eq(v, 32);
    const uint8x16_t colons = neon_eq(v, 58);
    uint8x16_t puncts = vorrq_u8(vorrq_u8(neon_eq(v, 44), neon_eq(v, 46)), vorrq_u8(neon_eq(v, 59), colons));
    puncts = vorrq_u8(puncts, vorrq_u8(neon_eq(v, 33), neon_eq(v, 63)));
    if (vminvq_u8(vorrq_u8(vorrq_u8(letters, blanks), puncts)) != 0xFF) return 0;
    const uint64_t l = neon_bits(letters), b = neon_bits(blanks);
    *letter |= l << shift;
    *space |= b << shift;
    if ((l | b) != 0xFFFF) {
        *punct |= neon_bits(puncts) << shift;
        *colon |= neon_bits(colons) << shift;
    }
    return 1;
#endif
}

/// The scan of a line of letters, spaces and `, . ; : ! ?` only (most sentences), with four masks; any other byte
/// hands the line to the general scan.
static uint64_t scan_common(const uint8_t *bytes, size_t count) {
    if (count == 0 || count > NVDLA_PROSE_MAX_BYTES) return NVDLA_PROSE_UNDECIDED;
    const size_t blocks = (count + 63) / 64;
    uint32_t tokens = 0;
    uint64_t was_space = 1, was_punct = 0;
    for (size_t b = 0; b < blocks; b++) {
        uint64_t space = 0, letter = 0, punct = 0, colon = 0;
        for (unsigned k = 0; k < 4; k++) {
            const size_t at = 64 * b + 16 * k;
            if (at >= count) {
                space |= ~0ULL << (16 * k);
                break;
            }
            if (!classify_common(bytes + at, count - at, 16 * k, &space, &letter, &punct, &colon)) {
                return scan(bytes, count, 0);
            }
        }
        const uint64_t in = ~space;
        const uint64_t starts = in & ((space << 1) | was_space);
        // A token starts with a letter, and once punctuation comes, only punctuation follows (every token byte is a
        // letter or punctuation, and a word's punctuation has a letter before it: no token starts with one).
        if ((starts & punct) | (((punct << 1) | was_punct) & letter)) return NVDLA_PROSE_UNDECIDED;
        for (uint64_t c = colon; c && tokens < 3; c &= c - 1) {
            const unsigned at = (unsigned)__builtin_ctzll(c);
            const uint64_t upto = at == 63 ? ~0ULL : (2ULL << at) - 1;
            if (tokens + (uint32_t)__builtin_popcountll(starts & upto) <= 3) return NVDLA_PROSE_UNDECIDED;
        }
        tokens += (uint32_t)__builtin_popcountll(starts);
        was_space = space >> 63;
        was_punct = punct >> 63;
    }
    return NVDLA_PROSE_COUNTED | (uint64_t)tokens << 8;
}

uint64_t nvdla_prose_scan(const uint8_t *bytes, size_t count) { return scan_common(bytes, count); }
#else
uint64_t nvdla_prose_scan(const uint8_t *bytes, size_t count) { return scan(bytes, count, 0); }
#endif

uint64_t nvdla_prose_scan_portable(const uint8_t *bytes, size_t count) { return scan(bytes, count, 1); }
