//! The C library calls behind `posix` and `time`, each wrapped in a safe
//! function.
//!
//! Invariants:
//! - This is the one module of `posix`/`time` with `unsafe` code: every
//!   call hands libc only NUL-terminated paths (`CStr`), buffers with their
//!   true lengths and zeroed out-structures, each under a `SAFETY:` line.
//! - A failure is `Err(errno)`, the raw C `errno` read right after the
//!   call, which `posix::errno_error` turns into CPython's OSError.
//! - Nothing here knows Python: no `Value`, no `Vm`.

use std::ffi::{CStr, CString};

/// A failed call's `errno`.
pub type SysResult<T> = Result<T, i32>;

/// `AT_FDCWD`: a `dir_fd` meaning "relative to the current directory".
pub const AT_FDCWD: i32 = libc::AT_FDCWD;

/// The `errno` the last failed call left.
fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `Err(errno)` when a call returned -1.
fn check(r: libc::c_int) -> SysResult<libc::c_int> {
    if r == -1 {
        Err(errno())
    } else {
        Ok(r)
    }
}

/// `strerror(code)`: the C library's message ("Unknown error N" for codes
/// it does not know).
pub fn strerror(code: i32) -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer's length is passed; the XSI `strerror_r` (which
    // the libc crate links) writes a NUL-terminated message into it.
    let r = unsafe { libc::strerror_r(code, buf.as_mut_ptr().cast(), buf.len()) };
    if r != 0 {
        return format!("Unknown error {code}");
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

// ----- file status ------------------------------------------------------------

/// `fstatat(dir_fd, path)`, following a final symbolic link or not.
pub fn stat_at(dir_fd: i32, path: &CStr, follow_symlinks: bool) -> SysResult<libc::stat> {
    // SAFETY: an all-zero `struct stat` is a valid value to overwrite.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let flags = if follow_symlinks { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: `path` is NUL-terminated and `st` a writable `struct stat`.
    check(unsafe { libc::fstatat(dir_fd, path.as_ptr(), &mut st, flags) })?;
    Ok(st)
}

/// `fstat(fd)`.
pub fn fstat(fd: i32) -> SysResult<libc::stat> {
    // SAFETY: an all-zero `struct stat` is a valid value to overwrite.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is a writable `struct stat`.
    check(unsafe { libc::fstat(fd, &mut st) })?;
    Ok(st)
}

/// `faccessat(dir_fd, path, mode, flags)`: `Ok(false)` when access is
/// refused, as `os.access` reports it.
pub fn access_at(dir_fd: i32, path: &CStr, mode: i32, effective_ids: bool, follow_symlinks: bool) -> bool {
    let mut flags = 0;
    if effective_ids {
        flags |= libc::AT_EACCESS;
    }
    if !follow_symlinks {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    // SAFETY: `path` is NUL-terminated.
    unsafe { libc::faccessat(dir_fd, path.as_ptr(), mode, flags) == 0 }
}

// ----- directories and names ------------------------------------------------

/// `mkdirat(dir_fd, path, mode)`.
pub fn mkdir_at(dir_fd: i32, path: &CStr, mode: u32) -> SysResult<()> {
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::mkdirat(dir_fd, path.as_ptr(), mode as libc::mode_t) }).map(drop)
}

/// `unlinkat(dir_fd, path)`, of a directory (`rmdir`) or not (`unlink`).
pub fn unlink_at(dir_fd: i32, path: &CStr, directory: bool) -> SysResult<()> {
    let flags = if directory { libc::AT_REMOVEDIR } else { 0 };
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::unlinkat(dir_fd, path.as_ptr(), flags) }).map(drop)
}

/// `renameat(src_dir_fd, src, dst_dir_fd, dst)`.
pub fn rename_at(src_dir_fd: i32, src: &CStr, dst_dir_fd: i32, dst: &CStr) -> SysResult<()> {
    // SAFETY: both paths are NUL-terminated.
    check(unsafe { libc::renameat(src_dir_fd, src.as_ptr(), dst_dir_fd, dst.as_ptr()) }).map(drop)
}

/// `linkat(src_dir_fd, src, dst_dir_fd, dst, flags)`.
pub fn link_at(src_dir_fd: i32, src: &CStr, dst_dir_fd: i32, dst: &CStr, follow_symlinks: bool) -> SysResult<()> {
    let flags = if follow_symlinks { libc::AT_SYMLINK_FOLLOW } else { 0 };
    // SAFETY: both paths are NUL-terminated.
    check(unsafe { libc::linkat(src_dir_fd, src.as_ptr(), dst_dir_fd, dst.as_ptr(), flags) }).map(drop)
}

/// `symlinkat(target, dir_fd, path)`.
pub fn symlink_at(target: &CStr, dir_fd: i32, path: &CStr) -> SysResult<()> {
    // SAFETY: both paths are NUL-terminated.
    check(unsafe { libc::symlinkat(target.as_ptr(), dir_fd, path.as_ptr()) }).map(drop)
}

/// `readlinkat(dir_fd, path)`: the link's target, however long.
pub fn readlink_at(dir_fd: i32, path: &CStr) -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; 256];
    loop {
        // SAFETY: `path` is NUL-terminated and `buf` writable for its length.
        let n = unsafe { libc::readlinkat(dir_fd, path.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
        if n < 0 {
            return Err(errno());
        }
        let n = n as usize;
        if n < buf.len() {
            buf.truncate(n);
            return Ok(buf);
        }
        buf.resize(buf.len() * 2, 0);
    }
}

/// `chdir(path)`.
pub fn chdir(path: &CStr) -> SysResult<()> {
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::chdir(path.as_ptr()) }).map(drop)
}

/// `fchdir(fd)`.
pub fn fchdir(fd: i32) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fchdir(fd) }).map(drop)
}

/// `getcwd()`, however long.
pub fn getcwd() -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; 1024];
    loop {
        // SAFETY: `buf` is writable for its length.
        let p = unsafe { libc::getcwd(buf.as_mut_ptr().cast(), buf.len()) };
        if !p.is_null() {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            buf.truncate(end);
            return Ok(buf);
        }
        let e = errno();
        if e != libc::ERANGE {
            return Err(e);
        }
        buf.resize(buf.len() * 2, 0);
    }
}

/// `fchmodat(dir_fd, path, mode, flags)`.
pub fn chmod_at(dir_fd: i32, path: &CStr, mode: u32, follow_symlinks: bool) -> SysResult<()> {
    let flags = if follow_symlinks { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::fchmodat(dir_fd, path.as_ptr(), mode as libc::mode_t, flags) }).map(drop)
}

/// `fchmod(fd, mode)`.
pub fn fchmod(fd: i32, mode: u32) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fchmod(fd, mode as libc::mode_t) }).map(drop)
}

/// Access and modification times for `utimensat`: `None` is "now".
pub type Times = Option<[(i64, i64); 2]>;

fn timespecs(times: Times) -> [libc::timespec; 2] {
    match times {
        Some(t) => t.map(|(sec, nsec)| libc::timespec { tv_sec: sec as libc::time_t, tv_nsec: nsec as _ }),
        None => [libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW }; 2],
    }
}

/// `utimensat(dir_fd, path, times, flags)`.
pub fn utime_at(dir_fd: i32, path: &CStr, times: Times, follow_symlinks: bool) -> SysResult<()> {
    let ts = timespecs(times);
    let flags = if follow_symlinks { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: `path` is NUL-terminated and `ts` two timespecs.
    check(unsafe { libc::utimensat(dir_fd, path.as_ptr(), ts.as_ptr(), flags) }).map(drop)
}

/// `futimens(fd, times)`.
pub fn futimens(fd: i32, times: Times) -> SysResult<()> {
    let ts = timespecs(times);
    // SAFETY: `ts` is two timespecs.
    check(unsafe { libc::futimens(fd, ts.as_ptr()) }).map(drop)
}

/// `truncate(path, length)`.
pub fn truncate(path: &CStr, length: i64) -> SysResult<()> {
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::truncate(path.as_ptr(), length as libc::off_t) }).map(drop)
}

/// One directory entry: its name, `d_type` and `d_ino`.
pub struct RawEntry {
    pub name: Vec<u8>,
    pub d_type: u8,
    pub ino: u64,
}

pub const DT_UNKNOWN: u8 = libc::DT_UNKNOWN;
pub const DT_DIR: u8 = libc::DT_DIR;
pub const DT_REG: u8 = libc::DT_REG;
pub const DT_LNK: u8 = libc::DT_LNK;

/// Every entry of a directory but `.` and `..`, read at once: of `path`,
/// or of open directory `fd` (read from a duplicate, rewound, as
/// CPython's `listdir(fd)` does).
pub fn read_dir(path: Option<&CStr>, fd: i32) -> SysResult<Vec<RawEntry>> {
    let dir = match path {
        // SAFETY: `path` is NUL-terminated.
        Some(p) => unsafe { libc::opendir(p.as_ptr()) },
        None => {
            // SAFETY: plain integer arguments.
            let copy = check(unsafe { libc::dup(fd) })?;
            // SAFETY: `copy` is an open descriptor we own; fdopendir takes it.
            let d = unsafe { libc::fdopendir(copy) };
            if d.is_null() {
                let e = errno();
                // SAFETY: `copy` is still ours when fdopendir failed.
                unsafe { libc::close(copy) };
                return Err(e);
            }
            // SAFETY: `d` is an open directory stream.
            unsafe { libc::rewinddir(d) };
            d
        }
    };
    if dir.is_null() {
        return Err(errno());
    }
    let mut out = Vec::new();
    let result = loop {
        // readdir reports an error only through errno, so clear it first.
        // SAFETY: `__errno_location` points at this thread's errno.
        unsafe { *libc::__errno_location() = 0 };
        // SAFETY: `dir` is an open directory stream.
        let ent = unsafe { libc::readdir(dir) };
        if ent.is_null() {
            let e = errno();
            break if e == 0 { Ok(()) } else { Err(e) };
        }
        // SAFETY: readdir returned a valid entry, whose d_name is
        // NUL-terminated; it stays valid until the next readdir.
        let (name, d_type, ino) = unsafe {
            let e = &*ent;
            (CStr::from_ptr(e.d_name.as_ptr()).to_bytes().to_vec(), e.d_type, e.d_ino)
        };
        if name != b"." && name != b".." {
            out.push(RawEntry { name, d_type, ino });
        }
    };
    // SAFETY: `dir` is an open directory stream, closed once.
    unsafe { libc::closedir(dir) };
    result.map(|()| out)
}

// ----- file descriptors -------------------------------------------------------

/// `openat(dir_fd, path, flags, mode)`.
pub fn open_at(dir_fd: i32, path: &CStr, flags: i32, mode: u32) -> SysResult<i32> {
    // SAFETY: `path` is NUL-terminated.
    check(unsafe { libc::openat(dir_fd, path.as_ptr(), flags, mode as libc::c_uint) })
}

/// `close(fd)`.
pub fn close(fd: i32) -> SysResult<()> {
    // SAFETY: plain integer arguments; closing a descriptor Rust does not
    // own is the program's choice, as in C.
    check(unsafe { libc::close(fd) }).map(drop)
}

/// `read(fd, buf)`: the number of bytes read.
pub fn read(fd: i32, buf: &mut [u8]) -> SysResult<usize> {
    // SAFETY: `buf` is writable for its length.
    let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        Err(errno())
    } else {
        Ok(n as usize)
    }
}

/// `write(fd, data)`: the number of bytes written.
pub fn write(fd: i32, data: &[u8]) -> SysResult<usize> {
    // SAFETY: `data` is readable for its length.
    let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
    if n < 0 {
        Err(errno())
    } else {
        Ok(n as usize)
    }
}

/// `pread(fd, buf, offset)`: the number of bytes read.
pub fn pread(fd: i32, buf: &mut [u8], offset: i64) -> SysResult<usize> {
    // SAFETY: `buf` is writable for its length.
    let n = unsafe { libc::pread(fd, buf.as_mut_ptr().cast(), buf.len(), offset as libc::off_t) };
    if n < 0 {
        Err(errno())
    } else {
        Ok(n as usize)
    }
}

/// `pwrite(fd, data, offset)`: the number of bytes written.
pub fn pwrite(fd: i32, data: &[u8], offset: i64) -> SysResult<usize> {
    // SAFETY: `data` is readable for its length.
    let n = unsafe { libc::pwrite(fd, data.as_ptr().cast(), data.len(), offset as libc::off_t) };
    if n < 0 {
        Err(errno())
    } else {
        Ok(n as usize)
    }
}

/// `lseek(fd, offset, whence)`: the new position.
pub fn lseek(fd: i32, offset: i64, whence: i32) -> SysResult<i64> {
    // SAFETY: plain integer arguments.
    let r = unsafe { libc::lseek(fd, offset as libc::off_t, whence) };
    if r < 0 {
        Err(errno())
    } else {
        Ok(r as i64)
    }
}

/// `isatty(fd)`.
pub fn isatty(fd: i32) -> bool {
    // SAFETY: plain integer arguments.
    unsafe { libc::isatty(fd) == 1 }
}

/// `dup(fd)`, not inheritable (`F_DUPFD_CLOEXEC`), as CPython's `os.dup`.
pub fn dup(fd: i32) -> SysResult<i32> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })
}

/// `dup2(fd, fd2)`, or `dup3(..., O_CLOEXEC)` when not inheritable.
pub fn dup2(fd: i32, fd2: i32, inheritable: bool) -> SysResult<i32> {
    if inheritable || fd == fd2 {
        // SAFETY: plain integer arguments.
        return check(unsafe { libc::dup2(fd, fd2) });
    }
    // SAFETY: plain integer arguments.
    check(unsafe { libc::dup3(fd, fd2, libc::O_CLOEXEC) })
}

/// `pipe2(O_CLOEXEC)`: (read end, write end).
pub fn pipe() -> SysResult<(i32, i32)> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` holds the two descriptors pipe2 writes.
    check(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) })?;
    Ok((fds[0], fds[1]))
}

/// `fsync(fd)`.
pub fn fsync(fd: i32) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fsync(fd) }).map(drop)
}

/// `ftruncate(fd, length)`.
pub fn ftruncate(fd: i32, length: i64) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::ftruncate(fd, length as libc::off_t) }).map(drop)
}

/// `fcntl(fd, F_GETFD/F_GETFL)`.
fn get_flags(fd: i32, cmd: i32) -> SysResult<i32> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fcntl(fd, cmd) })
}

/// Is `fd` inherited by child processes (no `FD_CLOEXEC`)?
pub fn get_inheritable(fd: i32) -> SysResult<bool> {
    Ok(get_flags(fd, libc::F_GETFD)? & libc::FD_CLOEXEC == 0)
}

pub fn set_inheritable(fd: i32, inheritable: bool) -> SysResult<()> {
    let flags = get_flags(fd, libc::F_GETFD)?;
    let new = if inheritable { flags & !libc::FD_CLOEXEC } else { flags | libc::FD_CLOEXEC };
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fcntl(fd, libc::F_SETFD, new) }).map(drop)
}

/// Is `fd` in blocking mode (no `O_NONBLOCK`)?
pub fn get_blocking(fd: i32) -> SysResult<bool> {
    Ok(get_flags(fd, libc::F_GETFL)? & libc::O_NONBLOCK == 0)
}

pub fn set_blocking(fd: i32, blocking: bool) -> SysResult<()> {
    let flags = get_flags(fd, libc::F_GETFL)?;
    let new = if blocking { flags & !libc::O_NONBLOCK } else { flags | libc::O_NONBLOCK };
    // SAFETY: plain integer arguments.
    check(unsafe { libc::fcntl(fd, libc::F_SETFL, new) }).map(drop)
}

/// The window size of terminal `fd`: (columns, lines).
pub fn terminal_size(fd: i32) -> SysResult<(u16, u16)> {
    // SAFETY: an all-zero winsize is a valid value to overwrite.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one `struct winsize`.
    check(unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) })?;
    Ok((w.ws_col, w.ws_row))
}

// ----- the process ------------------------------------------------------------

/// The ids of the process: pid, ppid, uid, euid, gid, egid, pgrp.
pub fn ids() -> [i64; 7] {
    // SAFETY: these calls take no arguments and cannot fail.
    unsafe {
        [
            libc::getpid() as i64,
            libc::getppid() as i64,
            libc::getuid() as i64,
            libc::geteuid() as i64,
            libc::getgid() as i64,
            libc::getegid() as i64,
            libc::getpgrp() as i64,
        ]
    }
}

/// `umask(mask)`: the previous mask.
pub fn umask(mask: u32) -> u32 {
    // SAFETY: plain integer arguments.
    unsafe { libc::umask(mask as libc::mode_t) as u32 }
}

/// `kill(pid, signal)`.
pub fn kill(pid: i64, signal: i32) -> SysResult<()> {
    // SAFETY: plain integer arguments.
    check(unsafe { libc::kill(pid as libc::pid_t, signal) }).map(drop)
}

/// `waitpid(pid, options)`: the child's pid (0: none changed state, with
/// WNOHANG) and its status.
pub fn waitpid(pid: i64, options: i32) -> SysResult<(i64, i32)> {
    let mut status = 0;
    // SAFETY: `status` is a writable int.
    let r = unsafe { libc::waitpid(pid as libc::pid_t, &mut status, options) };
    if r == -1 {
        Err(errno())
    } else {
        Ok((i64::from(r), status))
    }
}

/// `_exit(status)`: ends the process at once, without flushing anything.
pub fn exit_now(status: i32) -> ! {
    // SAFETY: `_exit` never returns.
    unsafe { libc::_exit(status) }
}

/// `times()`: user, system, children's user and system times, and the
/// elapsed real time, all in clock ticks, with the ticks per second.
pub fn times() -> SysResult<([i64; 5], i64)> {
    // SAFETY: an all-zero `struct tms` is a valid value to overwrite.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is a writable `struct tms`.
    let elapsed = unsafe { libc::times(&mut t) };
    if elapsed == (-1i64) as libc::clock_t {
        return Err(errno());
    }
    // SAFETY: plain integer arguments.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as i64;
    Ok(([t.tms_utime as i64, t.tms_stime as i64, t.tms_cutime as i64, t.tms_cstime as i64, elapsed as i64], ticks))
}

/// `uname()`: sysname, nodename, release, version, machine.
pub fn uname() -> SysResult<[Vec<u8>; 5]> {
    // SAFETY: an all-zero `struct utsname` is a valid value to overwrite.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a writable `struct utsname`.
    check(unsafe { libc::uname(&mut u) })?;
    let field = |f: &[libc::c_char]| {
        let end = f.iter().position(|&c| c == 0).unwrap_or(f.len());
        f[..end].iter().map(|&c| c as u8).collect::<Vec<u8>>()
    };
    Ok([field(&u.sysname), field(&u.nodename), field(&u.release), field(&u.version), field(&u.machine)])
}

/// `sysconf(name)`, `None` when indeterminate or unsupported.
pub fn sysconf(name: i32) -> Option<i64> {
    // SAFETY: plain integer arguments.
    let r = unsafe { libc::sysconf(name) };
    (r >= 0).then_some(r as i64)
}

pub const SC_NPROCESSORS_ONLN: i32 = libc::_SC_NPROCESSORS_ONLN;

/// `getloadavg()`.
pub fn getloadavg() -> Option<[f64; 3]> {
    let mut l = [0f64; 3];
    // SAFETY: `l` holds the three doubles asked for.
    let n = unsafe { libc::getloadavg(l.as_mut_ptr(), 3) };
    (n == 3).then_some(l)
}

/// `setenv(name, value, 1)`.
pub fn setenv(name: &CStr, value: &CStr) -> SysResult<()> {
    // SAFETY: both strings are NUL-terminated; Krait runs one thread, so
    // nothing reads the environment meanwhile.
    check(unsafe { libc::setenv(name.as_ptr(), value.as_ptr(), 1) }).map(drop)
}

/// `unsetenv(name)`.
pub fn unsetenv(name: &CStr) -> SysResult<()> {
    // SAFETY: as `setenv`.
    check(unsafe { libc::unsetenv(name.as_ptr()) }).map(drop)
}

/// `getrandom(n)` bytes from the kernel's generator.
pub fn urandom(n: usize) -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; n];
    let mut done = 0;
    while done < n {
        // SAFETY: the rest of `buf` is writable for the length passed.
        let r = unsafe { libc::getrandom(buf[done..].as_mut_ptr().cast(), n - done, 0) };
        if r < 0 {
            let e = errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(e);
        }
        done += r as usize;
    }
    Ok(buf)
}

/// A C string of `bytes`, or `None` if they hold a NUL.
pub fn c_string(bytes: &[u8]) -> Option<CString> {
    CString::new(bytes).ok()
}

// ----- clocks and calendar time ----------------------------------------------

pub const CLOCK_REALTIME: i32 = libc::CLOCK_REALTIME;
pub const CLOCK_MONOTONIC: i32 = libc::CLOCK_MONOTONIC;
pub const CLOCK_PROCESS_CPUTIME_ID: i32 = libc::CLOCK_PROCESS_CPUTIME_ID;
pub const CLOCK_THREAD_CPUTIME_ID: i32 = libc::CLOCK_THREAD_CPUTIME_ID;

/// `clock_gettime(clock)` in nanoseconds.
pub fn clock_ns(clock: i32) -> SysResult<i128> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a writable timespec.
    check(unsafe { libc::clock_gettime(clock, &mut ts) })?;
    Ok(ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128)
}

/// `clock_getres(clock)` in seconds.
pub fn clock_resolution(clock: i32) -> SysResult<f64> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a writable timespec.
    check(unsafe { libc::clock_getres(clock, &mut ts) })?;
    Ok(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9)
}

/// A broken-down time (`struct tm`) with its zone name.
#[derive(Clone, Debug, Default)]
pub struct Tm {
    pub year: i64,
    pub mon: i32,
    pub mday: i32,
    pub hour: i32,
    pub min: i32,
    pub sec: i32,
    pub wday: i32,
    pub yday: i32,
    pub isdst: i32,
    pub gmtoff: i64,
    /// The zone's name; `None` leaves `tm_zone` NULL (a plain tuple).
    pub zone: Option<Vec<u8>>,
}

fn tm_from_c(t: &libc::tm) -> Tm {
    let zone = if t.tm_zone.is_null() {
        None
    } else {
        // SAFETY: a non-null tm_zone from gmtime_r/localtime_r points at a
        // NUL-terminated name that lives as long as the time zone data.
        Some(unsafe { CStr::from_ptr(t.tm_zone) }.to_bytes().to_vec())
    };
    Tm {
        year: t.tm_year as i64 + 1900,
        mon: t.tm_mon + 1,
        mday: t.tm_mday,
        hour: t.tm_hour,
        min: t.tm_min,
        sec: t.tm_sec,
        wday: (t.tm_wday + 6) % 7,
        yday: t.tm_yday + 1,
        isdst: t.tm_isdst,
        gmtoff: t.tm_gmtoff,
        zone,
    }
}

/// The C `struct tm` for `t` (Python's conventions undone: years from
/// 1900, months from 0, Sunday first, days of the year from 0), with a
/// zone name that `strftime`'s `%Z` can read while `zone` lives (NULL
/// for none).
fn tm_to_c(t: &Tm, zone: Option<&CStr>) -> libc::tm {
    // SAFETY: an all-zero `struct tm` is a valid value to fill in.
    let mut c: libc::tm = unsafe { std::mem::zeroed() };
    c.tm_year = (t.year - 1900) as libc::c_int;
    c.tm_mon = t.mon - 1;
    c.tm_mday = t.mday;
    c.tm_hour = t.hour;
    c.tm_min = t.min;
    c.tm_sec = t.sec;
    c.tm_wday = (t.wday + 1) % 7;
    c.tm_yday = t.yday - 1;
    c.tm_isdst = t.isdst;
    c.tm_gmtoff = t.gmtoff as libc::c_long;
    c.tm_zone = zone.map_or(std::ptr::null(), CStr::as_ptr);
    c
}

/// `gmtime_r` (`local == false`) or `localtime_r` of `secs`; `Err(errno)`
/// for a time the C library cannot break down (EOVERFLOW).
pub fn broken_down(secs: i64, local: bool) -> SysResult<Tm> {
    let t = secs as libc::time_t;
    // SAFETY: an all-zero `struct tm` is a valid value to overwrite.
    let mut out: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: `t` and `out` are valid for reading and writing; localtime_r
    // reads the time zone (tzset) itself.
    let r = unsafe {
        if local {
            libc::localtime_r(&t, &mut out)
        } else {
            libc::gmtime_r(&t, &mut out)
        }
    };
    if r.is_null() {
        let e = errno();
        return Err(if e == 0 { libc::EOVERFLOW } else { e });
    }
    Ok(tm_from_c(&out))
}

/// `mktime(t)`: `None` when the C library answers -1 for a time that is
/// not one second before the epoch (CPython's check, by `tm_wday`).
pub fn mktime(t: &Tm) -> Option<i64> {
    let mut c = tm_to_c(t, None);
    c.tm_wday = -1;
    // SAFETY: `c` is a valid `struct tm`, updated in place.
    let r = unsafe { libc::mktime(&mut c) };
    if r == -1 && c.tm_wday == -1 {
        return None;
    }
    Some(r as i64)
}

/// `strftime(format, t)`, with a buffer grown until the result fits (an
/// empty result for a format that makes none, as CPython's loop ends).
pub fn strftime(format: &CStr, t: &Tm) -> Vec<u8> {
    let zone = t.zone.as_deref().and_then(c_string);
    let c = tm_to_c(t, zone.as_deref());
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` is writable for `size` bytes, `format` is
        // NUL-terminated and `c` a valid `struct tm` whose zone outlives it.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, format.as_ptr(), &c) };
        if n > 0 || size >= 256 * format.to_bytes().len().max(1) {
            buf.truncate(n);
            return buf;
        }
        size *= 2;
    }
}

/// `tzset()`: read the `TZ` variable again.
pub fn tzset() {
    extern "C" {
        fn tzset();
    }
    // SAFETY: tzset takes no arguments; it resets the C library's zone
    // globals, which Krait's one thread alone reads.
    unsafe { tzset() }
}

/// `nanosleep` for `ns` nanoseconds; `Err(EINTR)` if a signal ended it.
pub fn sleep_ns(ns: i128) -> SysResult<()> {
    let ts = libc::timespec { tv_sec: (ns / 1_000_000_000) as libc::time_t, tv_nsec: (ns % 1_000_000_000) as _ };
    // SAFETY: `ts` is a valid timespec; the remainder is not asked for.
    check(unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) }).map(drop)
}
