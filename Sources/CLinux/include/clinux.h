// Linux system calls and a signal handler that Swift cannot express directly: openat2(2) is reached through the
// variadic syscall(2), and a handler that may only call async-signal-safe functions is best written in C.
#ifndef NVDLA_CLINUX_H
#define NVDLA_CLINUX_H

#include <stdint.h>

#include "prose_scan.h"  // analyze's prose test, 16 bytes a step

/// RESOLVE_* flags of openat2(2) (linux/openat2.h; defined here so older kernel headers build too).
#define NVDLA_RESOLVE_NO_XDEV 0x01
#define NVDLA_RESOLVE_NO_MAGICLINKS 0x02
#define NVDLA_RESOLVE_NO_SYMLINKS 0x04
#define NVDLA_RESOLVE_BENEATH 0x08

/// O_PATH (a descriptor that only names a directory, needing no read permission); glibc hides it without
/// _GNU_SOURCE, which Swift's Glibc module does not define.
extern const int nvdla_o_path;

/// openat2(2): opens `path` relative to `dirfd` with `flags` and `resolve`; -1 with errno on failure (ENOSYS on
/// kernels before 5.6).
int nvdla_openat2(int dirfd, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve);

/// Installs one handler for SIGINT, SIGTERM and SIGHUP (not SIGHUP when it is ignored, as under nohup) and
/// unblocks them (a launcher's blocked mask is inherited across exec): the first signal writes its number as one
/// byte to `notify_fd` (a pipe a cleanup thread reads); a second signal calls _exit(128 + signal) at once.
/// Call before any other thread starts. Returns 0, or -1 with errno.
int nvdla_install_termination_handler(int notify_fd);

/// Whether a terminating signal has arrived (long loops stop early instead of racing the cleanup).
int nvdla_termination_requested(void);

#endif
