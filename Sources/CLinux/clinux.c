#define _GNU_SOURCE
#include "clinux.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_openat2
#define SYS_openat2 437  // the same number on every architecture (asm-generic and x86_64 alike)
#endif

#include <fcntl.h>

const int nvdla_o_path = O_PATH;

struct nvdla_open_how {
    uint64_t flags;
    uint64_t mode;
    uint64_t resolve;
};

int nvdla_openat2(int dirfd, const char *path, uint64_t flags, uint64_t mode, uint64_t resolve) {
    struct nvdla_open_how how;
    memset(&how, 0, sizeof how);
    how.flags = flags;
    how.mode = mode;
    how.resolve = resolve;
    return (int)syscall(SYS_openat2, dirfd, path, &how, sizeof how);
}

static volatile sig_atomic_t notify_descriptor = -1;
static volatile sig_atomic_t signals_seen = 0;

static void on_termination(int number) {
    if (signals_seen++ > 0) _exit(128 + number);
    int saved = errno;
    unsigned char byte = (unsigned char)number;
    if (notify_descriptor < 0 || write(notify_descriptor, &byte, 1) != 1) _exit(128 + number);
    errno = saved;
}

int nvdla_install_termination_handler(int notify_fd) {
    notify_descriptor = notify_fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_termination;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    const int numbers[] = {SIGINT, SIGTERM, SIGHUP};
    sigset_t unblock;
    sigemptyset(&unblock);
    for (unsigned i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        struct sigaction old;
        // nohup leaves SIGHUP ignored: keep it so.
        if (numbers[i] == SIGHUP && sigaction(SIGHUP, NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        if (sigaction(numbers[i], &action, NULL) != 0) return -1;
        sigaddset(&unblock, numbers[i]);
    }
    // A launcher may have left them blocked (a mask is inherited across exec): unblock them.
    return sigprocmask(SIG_UNBLOCK, &unblock, NULL);
}

int nvdla_termination_requested(void) { return signals_seen > 0; }
