#ifndef SITEGEN_CEXCHANGE_H
#define SITEGEN_CEXCHANGE_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS where unsupported).
int sitegen_exchange_paths(const char *first, const char *second);

/// Makes `target` share `source`'s data, copy-on-write (Linux FICLONE, on Btrfs, XFS and the like).
/// Returns 0 on success, -1 with errno set otherwise (EOPNOTSUPP where the file system cannot).
int sitegen_clone_file(int source, int target);

#endif
