#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

/* glibc's memmem (declared only under _GNU_SOURCE): the literal prefilter of log signals. */
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);

static inline int nvdla_contains(const unsigned char *haystack, size_t haystacklen, const unsigned char *needle,
                                 size_t needlelen) {
    return memmem(haystack, haystacklen, needle, needlelen) != NULL;
}
