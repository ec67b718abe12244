//! The fork and the child's side of `_posixsubprocess.fork_exec`: what runs
//! between `fork()` and `exec()`.
//!
//! Invariants:
//! - This is the one module of `_posixsubprocess` with `unsafe` code; each
//!   block has a `SAFETY:` line.
//! - Everything the child needs (C strings, pointer arrays, the descriptors
//!   to keep) is built by the parent before the fork: the child allocates
//!   nothing and calls only async-signal-safe functions (close, dup, dup2,
//!   fcntl, chdir, umask, sigaction, setsid, setpgid, setgroups, setregid,
//!   setreuid, execv/execve, write, _exit), as CPython's `child_exec`,
//!   except for the preexec hook, which runs Python code and is the
//!   caller's risk (as in CPython).
//! - The child never returns into the interpreter: it execs or reports
//!   the failure on `errpipe_write` in the format `subprocess.py` parses
//!   (`OSError:<hex errno>:` plus `noexec` when the failure came before the
//!   exec step; `SubprocessError:0:<message>` when no errno applies) and
//!   ends with `_exit(255)`.
//! - Nothing here knows Python: no `Value`, no `Vm`.

use std::ffi::{c_char, CString};

/// A NUL-terminated array of C string pointers (`argv`, `envp`), owning
/// the strings it points into.
pub struct CStrArray {
    _strings: Vec<CString>,
    pointers: Vec<*const c_char>,
}

impl CStrArray {
    pub fn new(strings: Vec<CString>) -> CStrArray {
        let mut pointers: Vec<*const c_char> = strings.iter().map(|s| s.as_ptr()).collect();
        pointers.push(std::ptr::null());
        CStrArray { _strings: strings, pointers }
    }

    fn as_ptr(&self) -> *const *const c_char {
        self.pointers.as_ptr()
    }

    fn executables(&self) -> &[*const c_char] {
        &self.pointers[..self.pointers.len() - 1]
    }
}

/// Everything `fork_exec` does in the child, decided by the parent.
pub struct Plan {
    pub executables: CStrArray,
    /// `None`: exec with a NULL argv (`args` was None).
    pub argv: Option<CStrArray>,
    /// `None`: exec with the parent's environment (`execv`).
    pub envp: Option<CStrArray>,
    pub cwd: Option<CString>,
    pub p2cread: i32,
    pub p2cwrite: i32,
    pub c2pread: i32,
    pub c2pwrite: i32,
    pub errread: i32,
    pub errwrite: i32,
    pub errpipe_read: i32,
    pub errpipe_write: i32,
    pub close_fds: bool,
    pub restore_signals: bool,
    pub call_setsid: bool,
    /// `setpgid(0, pgid)` when non-negative.
    pub pgid_to_set: i32,
    pub gid: Option<libc::gid_t>,
    pub extra_groups: Option<Vec<libc::gid_t>>,
    pub uid: Option<libc::uid_t>,
    /// `umask(child_umask)` when non-negative.
    pub child_umask: i32,
    /// Sorted, distinct, non-negative: kept open (and made inheritable)
    /// in the child.
    pub fds_to_keep: Vec<i32>,
}

/// What the preexec hook reports: did it succeed?
pub type Preexec<'a> = &'a mut dyn FnMut() -> bool;

/// Fork; the child runs `plan` and never returns. The parent gets the
/// child's pid, or the fork's errno.
pub fn fork_exec(plan: &Plan, preexec: Option<Preexec>) -> Result<i32, i32> {
    // SAFETY: the child runs only `child_exec`, which ends in exec or
    // `_exit` and touches only memory built before the fork.
    let pid = unsafe { libc::fork() };
    if pid == -1 {
        return Err(errno());
    }
    if pid == 0 {
        child_exec(plan, preexec);
    }
    Ok(pid)
}

fn errno() -> i32 {
    // SAFETY: `__errno_location` returns the calling thread's errno slot.
    unsafe { *libc::__errno_location() }
}

fn set_errno(e: i32) {
    // SAFETY: as in `errno`.
    unsafe { *libc::__errno_location() = e }
}

/// `Err(errno)` for a call that returned -1.
fn check(r: libc::c_int) -> Result<libc::c_int, i32> {
    if r == -1 {
        Err(errno())
    } else {
        Ok(r)
    }
}

/// Set or clear FD_CLOEXEC (CPython's `_Py_set_inheritable_async_safe`).
fn set_inheritable(fd: i32, inheritable: bool) -> Result<(), i32> {
    // SAFETY: fcntl on an integer descriptor with integer arguments.
    let flags = check(unsafe { libc::fcntl(fd, libc::F_GETFD) })?;
    let new = if inheritable { flags & !libc::FD_CLOEXEC } else { flags | libc::FD_CLOEXEC };
    if new != flags {
        // SAFETY: as above.
        check(unsafe { libc::fcntl(fd, libc::F_SETFD, new) })?;
    }
    Ok(())
}

fn close(fd: i32) -> Result<(), i32> {
    // SAFETY: closing an integer descriptor.
    check(unsafe { libc::close(fd) }).map(drop)
}

fn dup(fd: i32) -> Result<i32, i32> {
    // SAFETY: duplicating an integer descriptor.
    check(unsafe { libc::dup(fd) })
}

fn dup2(fd: i32, to: i32) -> Result<(), i32> {
    // SAFETY: integer descriptors.
    check(unsafe { libc::dup2(fd, to) }).map(drop)
}

/// The child: set up, exec, or report why not. Never returns.
fn child_exec(plan: &Plan, preexec: Option<Preexec>) -> ! {
    let mut reached_preexec = false;
    let err = match prepare(plan, preexec, &mut reached_preexec) {
        Err(f) => f,
        Ok(()) => exec_all(plan),
    };
    report(plan.errpipe_write, err, reached_preexec);
    // SAFETY: `_exit` ends the child without running anything of the
    // parent's (no atexit handlers, no buffered output flushed twice).
    unsafe { libc::_exit(255) }
}

/// Why the child did not exec.
enum Failure {
    Errno(i32),
    /// `SubprocessError` with this message.
    Message(&'static [u8]),
}

impl From<i32> for Failure {
    fn from(e: i32) -> Failure {
        Failure::Errno(e)
    }
}

/// Every step before the exec, in CPython's order.
fn prepare(plan: &Plan, preexec: Option<Preexec>, reached_preexec: &mut bool) -> Result<(), Failure> {
    for &fd in &plan.fds_to_keep {
        // errpipe_write stays close-on-exec: the parent reads EOF on exec.
        if fd != plan.errpipe_write {
            set_inheritable(fd, true)?;
        }
    }
    for fd in [plan.p2cwrite, plan.c2pread, plan.errread] {
        if fd != -1 {
            close(fd)?;
        }
    }
    close(plan.errpipe_read)?;
    // A descriptor about to be overwritten by an earlier dup2 is moved
    // out of the way first (CPython's #12607).
    let mut c2pwrite = plan.c2pwrite;
    if c2pwrite == 0 {
        c2pwrite = dup(c2pwrite)?;
        set_inheritable(c2pwrite, false)?;
    }
    let mut errwrite = plan.errwrite;
    while errwrite == 0 || errwrite == 1 {
        errwrite = dup(errwrite)?;
        set_inheritable(errwrite, false)?;
    }
    // dup2 clears close-on-exec, except when it would be a no-op.
    for (fd, target) in [(plan.p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
        if fd == target {
            set_inheritable(fd, true)?;
        } else if fd != -1 {
            dup2(fd, target)?;
        }
    }
    if let Some(cwd) = &plan.cwd {
        // SAFETY: a NUL-terminated path built by the parent.
        check(unsafe { libc::chdir(cwd.as_ptr()) })?;
    }
    if plan.child_umask >= 0 {
        // SAFETY: an integer mask; umask always succeeds.
        unsafe { libc::umask(plan.child_umask as libc::mode_t) };
    }
    if plan.restore_signals {
        restore_signals();
    }
    if plan.call_setsid {
        // SAFETY: no arguments.
        check(unsafe { libc::setsid() })?;
    }
    if plan.pgid_to_set >= 0 {
        // SAFETY: integer arguments.
        check(unsafe { libc::setpgid(0, plan.pgid_to_set) })?;
    }
    if let Some(groups) = plan.extra_groups.as_ref().filter(|g| !g.is_empty()) {
        // SAFETY: the pointer and length of a live array of gid_t.
        check(unsafe { libc::setgroups(groups.len(), groups.as_ptr()) })?;
    }
    if let Some(gid) = plan.gid {
        // SAFETY: integer arguments.
        check(unsafe { libc::setregid(gid, gid) })?;
    }
    if let Some(uid) = plan.uid {
        // SAFETY: integer arguments.
        check(unsafe { libc::setreuid(uid, uid) })?;
    }
    *reached_preexec = true;
    if let Some(hook) = preexec {
        if !hook() {
            return Err(Failure::Message(b"Exception occurred in preexec_fn."));
        }
    }
    // After the hook, which may open descriptors.
    if plan.close_fds {
        close_open_fds(3, &plan.fds_to_keep);
    }
    Ok(())
}

/// Signals the interpreter ignores go back to their default action for
/// the new program (CPython's `_Py_RestoreSignals`: SIGPIPE, SIGXFSZ).
fn restore_signals() {
    for sig in [libc::SIGPIPE, libc::SIGXFSZ] {
        // SAFETY: setting a standard signal's disposition to SIG_DFL.
        unsafe { libc::signal(sig, libc::SIG_DFL) };
    }
}

/// Close every descriptor from `start` up, except those in the sorted
/// `keep`: `close_range(2)` between the kept ones, else one by one up to
/// the descriptor limit.
fn close_open_fds(start: i32, keep: &[i32]) {
    let mut first = start;
    for &k in keep.iter().filter(|&&k| k >= start) {
        if k > first {
            close_range(first, k - 1);
        }
        first = k + 1;
    }
    close_range(first, i32::MAX);
}

fn close_range(first: i32, last: i32) {
    // SAFETY: the close_range system call with integer arguments.
    let r = unsafe { libc::syscall(libc::SYS_close_range, first as libc::c_uint, last as libc::c_uint, 0 as libc::c_uint) };
    if r == 0 {
        return;
    }
    // SAFETY: sysconf with a constant name.
    let max = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) };
    let max = if max < 0 { 256 } else { max.min(i64::from(i32::MAX)) as i32 };
    for fd in first..=last.min(max) {
        // SAFETY: closing an integer descriptor; errors are ignored.
        unsafe { libc::close(fd) };
    }
}

/// Try each executable in turn (`os._execvpe`'s search over the list the
/// parent made); the first error other than ENOENT/ENOTDIR is reported.
fn exec_all(plan: &Plan) -> Failure {
    let argv = plan.argv.as_ref().map_or(std::ptr::null(), |a| a.as_ptr());
    let mut saved = 0;
    set_errno(0);
    for &exe in plan.executables.executables() {
        match &plan.envp {
            // SAFETY: NUL-terminated strings in NULL-terminated arrays
            // built by the parent; exec returns only on failure.
            Some(env) => unsafe { libc::execve(exe, argv, env.as_ptr()) },
            // SAFETY: as above.
            None => unsafe { libc::execv(exe, argv) },
        };
        let e = errno();
        if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
            saved = e;
        }
    }
    Failure::Errno(if saved != 0 { saved } else { errno() })
}

fn write_all(fd: i32, mut data: &[u8]) {
    while !data.is_empty() {
        // SAFETY: the pointer and length of a live buffer.
        let n = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if n < 0 {
            if errno() == libc::EINTR {
                continue;
            }
            return;
        }
        data = &data[n as usize..];
    }
}

/// Tell the parent why the exec did not happen, without allocating.
fn report(fd: i32, failure: Failure, reached_preexec: bool) {
    match failure {
        Failure::Errno(e) if e != 0 => {
            write_all(fd, b"OSError:");
            let mut hex = [0u8; 8];
            let mut at = hex.len();
            let mut n = e as u32;
            while n != 0 && at > 0 {
                at -= 1;
                hex[at] = b"0123456789abcdef"[(n % 16) as usize];
                n /= 16;
            }
            write_all(fd, &hex[at..]);
            write_all(fd, b":");
            if !reached_preexec {
                write_all(fd, b"noexec");
            }
        }
        Failure::Errno(_) => write_all(fd, b"SubprocessError:0:"),
        Failure::Message(msg) => {
            write_all(fd, b"SubprocessError:0:");
            write_all(fd, msg);
        }
    }
}
