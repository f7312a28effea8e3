#define _GNU_SOURCE
#include "cexchange.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#endif

int sitegen_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

int sitegen_clone_file(int source, int target) {
#if defined(__linux__) && defined(FICLONE)
    return ioctl(target, FICLONE, source);
#else
    (void)source;
    (void)target;
    errno = EOPNOTSUPP;
    return -1;
#endif
}
