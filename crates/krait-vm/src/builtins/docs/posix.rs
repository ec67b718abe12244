//! Docs of the functions of the `posix` module (those Krait has).

pub fn doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "WEXITSTATUS" => "WEXITSTATUS($module, /, status)\n--\n\nThe exit code of a process that exited, from its wait status.",
        "WIFEXITED" => "WIFEXITED($module, /, status)\n--\n\nTrue when the wait status says the process exited normally.",
        "WIFSIGNALED" => "WIFSIGNALED($module, /, status)\n--\n\nTrue when the wait status says a signal ended the process.",
        "WIFSTOPPED" => "WIFSTOPPED($module, /, status)\n--\n\nTrue when the wait status says the process is stopped.",
        "WSTOPSIG" => "WSTOPSIG($module, /, status)\n--\n\nThe signal that stopped the process, from its wait status.",
        "WTERMSIG" => "WTERMSIG($module, /, status)\n--\n\nThe signal that ended the process, from its wait status.",
        "_exit" => "_exit($module, /, status)\n--\n\n\
            End the process at once with the exit status, without cleanup\n\
            (no finally blocks, atexit functions or buffer flushes).",
        "access" => "access($module, /, path, mode, *, dir_fd=None, effective_ids=False,\n       follow_symlinks=True)\n--\n\n\
            True when the process may access path in mode (F_OK, or R_OK,\n\
            W_OK and X_OK or-ed together), by the real ids unless effective_ids.",
        "chdir" => "chdir($module, /, path)\n--\n\nMake path the current working directory.",
        "chmod" => "chmod($module, /, path, mode, *, dir_fd=None, follow_symlinks=True)\n--\n\n\
            Set the permission bits of path to mode.",
        "close" => "close($module, /, fd)\n--\n\nClose file descriptor fd.",
        "closerange" => "closerange($module, fd_low, fd_high, /)\n--\n\n\
            Close the file descriptors from fd_low up to but not including\n\
            fd_high, ignoring errors.",
        "cpu_count" => "cpu_count($module, /)\n--\n\nThe number of CPUs in the system, or None when unknown.",
        "device_encoding" => "device_encoding($module, /, fd)\n--\n\n\
            The encoding of the terminal fd is connected to, or None when it is not a terminal.",
        "dup" => "dup($module, fd, /)\n--\n\nA new, non-inheritable file descriptor for the same file as fd.",
        "dup2" => "dup2($module, /, fd, fd2, inheritable=True)\n--\n\n\
            Make fd2 a duplicate of fd (closing fd2 first) and return fd2.",
        "fchdir" => "fchdir($module, /, fd)\n--\n\nMake the directory open as fd the current working directory.",
        "fchmod" => "fchmod($module, /, fd, mode)\n--\n\nSet the permission bits of the file open as fd to mode.",
        "fspath" => "fspath($module, /, path)\n--\n\n\
            The file system path of path: a str or bytes as it is, else its\n\
            __fspath__(), which must give str or bytes.",
        "fstat" => "fstat($module, /, fd)\n--\n\nThe status (a stat_result) of the file open as fd.",
        "fsync" => "fsync($module, /, fd)\n--\n\nWrite the file open as fd (or with a fileno()) to disk.",
        "ftruncate" => "ftruncate($module, fd, length, /)\n--\n\nCut or extend the file open as fd to length bytes.",
        "get_blocking" => "get_blocking($module, fd, /)\n--\n\nFalse when fd is in non-blocking mode (O_NONBLOCK).",
        "get_inheritable" => "get_inheritable($module, fd, /)\n--\n\nTrue when child processes inherit fd.",
        "get_terminal_size" => "get_terminal_size($module, fd=<unrepresentable>, /)\n--\n\n\
            The size of the terminal fd is connected to (standard output by\n\
            default), as terminal_size(columns, lines).",
        "getcwd" => "getcwd($module, /)\n--\n\nThe current working directory, as a str.",
        "getcwdb" => "getcwdb($module, /)\n--\n\nThe current working directory, as bytes.",
        "getegid" => "getegid($module, /)\n--\n\nThe effective group id of the process.",
        "geteuid" => "geteuid($module, /)\n--\n\nThe effective user id of the process.",
        "getgid" => "getgid($module, /)\n--\n\nThe real group id of the process.",
        "getloadavg" => "getloadavg($module, /)\n--\n\n\
            The average number of runnable processes over the last 1, 5 and 15 minutes.",
        "getpgrp" => "getpgrp($module, /)\n--\n\nThe process group id of the process.",
        "getpid" => "getpid($module, /)\n--\n\nThe id of the process.",
        "getppid" => "getppid($module, /)\n--\n\nThe id of the parent process.",
        "getuid" => "getuid($module, /)\n--\n\nThe real user id of the process.",
        "isatty" => "isatty($module, fd, /)\n--\n\nTrue when fd is open and connected to a terminal.",
        "kill" => "kill($module, pid, signal, /)\n--\n\nSend signal to process pid.",
        "link" => "link($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None,\n     follow_symlinks=True)\n--\n\n\
            Make dst a hard link to src.",
        "listdir" => "listdir($module, /, path=None)\n--\n\n\
            The names of the entries of directory path (the current one by\n\
            default), in arbitrary order, without '.' and '..'. Bytes give\n\
            bytes names; path may be an open directory descriptor.",
        "lseek" => "lseek($module, fd, position, whence, /)\n--\n\n\
            Move the position of fd to position, from the start (SEEK_SET),\n\
            the current position (SEEK_CUR) or the end (SEEK_END); return it.",
        "lstat" => "lstat($module, /, path, *, dir_fd=None)\n--\n\n\
            The status of path, without following a final symbolic link.",
        "mkdir" => "mkdir($module, /, path, mode=511, *, dir_fd=None)\n--\n\n\
            Make directory path with permission bits mode (less the umask).",
        "open" => "open($module, /, path, flags, mode=511, *, dir_fd=None)\n--\n\n\
            Open path with the O_* flags (mode sets the permission bits of a\n\
            new file) and return a non-inheritable file descriptor.",
        "pipe" => "pipe($module, /)\n--\n\n\
            A new pipe as the file descriptors (read end, write end), both non-inheritable.",
        "pread" => "pread($module, fd, length, offset, /)\n--\n\n\
            Up to length bytes read from fd at offset, leaving its position alone.",
        "putenv" => "putenv($module, name, value, /)\n--\n\nSet environment variable name to value.",
        "pwrite" => "pwrite($module, fd, buffer, offset, /)\n--\n\n\
            Write buffer to fd at offset, leaving its position alone; return\n\
            the number of bytes written.",
        "read" => "read($module, fd, length, /)\n--\n\n\
            Up to length bytes read from fd; empty bytes at end of file.",
        "readlink" => "readlink($module, /, path, *, dir_fd=None)\n--\n\nThe path symbolic link path points to.",
        "remove" => "remove($module, /, path, *, dir_fd=None)\n--\n\nDelete file path (the same as unlink()).",
        "rename" => "rename($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None)\n--\n\n\
            Rename file or directory src to dst.",
        "replace" => "replace($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None)\n--\n\n\
            Rename src to dst, replacing dst if it exists.",
        "rmdir" => "rmdir($module, /, path, *, dir_fd=None)\n--\n\nRemove empty directory path.",
        "scandir" => "scandir($module, /, path=None)\n--\n\n\
            An iterator of DirEntry objects for the entries of directory\n\
            path (the current one by default).",
        "set_blocking" => "set_blocking($module, fd, blocking, /)\n--\n\n\
            Put fd in blocking mode, or non-blocking (O_NONBLOCK) when blocking is false.",
        "set_inheritable" => "set_inheritable($module, fd, inheritable, /)\n--\n\nSet whether child processes inherit fd.",
        "stat" => "stat($module, /, path, *, dir_fd=None, follow_symlinks=True)\n--\n\n\
            The status of path (a stat_result): its mode, size, times, ...\n\n\
            path may be an open file descriptor; follow_symlinks=False reads\n\
            a final symbolic link itself.",
        "strerror" => "strerror($module, code, /)\n--\n\nThe message of error number code.",
        "symlink" => "symlink($module, /, src, dst, target_is_directory=False, *, dir_fd=None)\n--\n\n\
            Make dst a symbolic link to src.",
        "sysconf" => "sysconf($module, name, /)\n--\n\nThe value of a system configuration variable.",
        "times" => "times($module, /)\n--\n\n\
            The process's CPU times: user, system, children's user, children's\n\
            system, and the elapsed real time, in seconds.",
        "truncate" => "truncate($module, /, path, length)\n--\n\nCut or extend file path to length bytes.",
        "umask" => "umask($module, mask, /)\n--\n\nSet the file mode creation mask and return the previous one.",
        "uname" => "uname($module, /)\n--\n\n\
            The system's identity: sysname, nodename, release, version and machine.",
        "unlink" => "unlink($module, /, path, *, dir_fd=None)\n--\n\nDelete file path (the same as remove()).",
        "unsetenv" => "unsetenv($module, name, /)\n--\n\nRemove environment variable name.",
        "urandom" => "urandom($module, size, /)\n--\n\nsize random bytes, fit for cryptographic use.",
        "utime" => "utime($module, /, path, times=None, *, ns=<unrepresentable>,\n      dir_fd=None, follow_symlinks=True)\n--\n\n\
            Set the access and modification times of path: times as\n\
            (atime, mtime) in seconds, or ns in nanoseconds, or now.",
        "waitpid" => "waitpid($module, pid, options, /)\n--\n\n\
            Wait for child process pid to finish; return (pid, wait status).",
        "waitstatus_to_exitcode" => "waitstatus_to_exitcode($module, /, status)\n--\n\n\
            The exit code of a wait status: the exit code, or -signal when a\n\
            signal ended the process.",
        "write" => "write($module, fd, data, /)\n--\n\nWrite bytes to fd; return the number written.",
        _ => return None,
    })
}
