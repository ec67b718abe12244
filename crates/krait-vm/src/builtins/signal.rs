//! The `_signal` module (CPython's `Modules/signalmodule.c`), under
//! CPython's own `signal.py`: Python signal handlers, the wake-up fd,
//! `alarm`, `pthread_kill`, masks.
//!
//! Invariants:
//! - The C-level handler (`trip`) only does what is async-signal-safe: it
//!   marks the signal in `TRIPPED`, sets `IS_TRIPPED`, raises the
//!   finalizer queue's pending flag (`finalize::wake`) so the evaluation
//!   loop looks at its next checking instruction, and writes the signal
//!   number to the wake-up fd. The loop's fast path is the same one flag
//!   test as before signals existed.
//! - Python handlers run in the main interpreter between instructions
//!   (`check_signals`, called by the loop and by system calls that failed
//!   with EINTR); an exception a handler raises propagates from there, and
//!   signals still tripped are handled at the next check.
//! - `HANDLERS[sig]` is what `getsignal` answers: the Python handler,
//!   SIG_DFL (0) or SIG_IGN (1) as ints, or None for a handler not
//!   installed from Python. SIGINT starts with `default_int_handler`,
//!   which raises KeyboardInterrupt.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use crate::builtins::dict::as_dict;
use crate::builtins::function::new_module;
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::new_str;
use crate::types::CallFn;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Signal numbers are below this (glibc's `_NSIG`).
const NSIG: usize = 65;

#[allow(clippy::declare_interior_mutable_const)]
const UNTRIPPED: AtomicBool = AtomicBool::new(false);
static TRIPPED: [AtomicBool; NSIG] = [UNTRIPPED; NSIG];
static IS_TRIPPED: AtomicBool = AtomicBool::new(false);
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

thread_local! {
    /// What `getsignal` returns for each signal (NULL: not looked up yet).
    static HANDLERS: RefCell<Vec<Value>> = RefCell::new(vec![Value::NULL; NSIG]);
    /// `default_int_handler`, made with the module.
    static DEFAULT_INT_HANDLER: RefCell<Value> = const { RefCell::new(Value::NULL) };
}

/// The C-level handler of every signal with a Python handler.
extern "C" fn trip(sig: libc::c_int) {
    let saved = errno();
    if let Some(t) = TRIPPED.get(sig as usize) {
        t.store(true, Ordering::SeqCst);
    }
    IS_TRIPPED.store(true, Ordering::SeqCst);
    crate::finalize::wake();
    let fd = WAKEUP_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let byte = sig as u8;
        // SAFETY: write(2) is async-signal-safe; one byte from the stack.
        unsafe { libc::write(fd, (&byte as *const u8).cast(), 1) };
    }
    set_errno(saved);
}

fn errno() -> i32 {
    // SAFETY: __errno_location returns this thread's errno.
    unsafe { *libc::__errno_location() }
}

fn set_errno(e: i32) {
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = e };
}

/// Block the asynchronous signals in the calling thread, so that those
/// sent to the process reach the interpreter's thread (started before
/// this call, it keeps its own mask), where their handlers run, as
/// CPython's main thread. Faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL,
/// SIGTRAP, SIGSYS) stay with the thread that causes them.
pub fn leave_signals_to_other_threads() {
    // SAFETY: a zeroed sigset filled and trimmed before use; the mask
    // applies to this thread only.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for sig in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL, libc::SIGTRAP, libc::SIGSYS] {
            libc::sigdelset(&mut set, sig);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Is a signal waiting for its Python handler?
#[inline]
pub fn tripped() -> bool {
    IS_TRIPPED.load(Ordering::Relaxed)
}

/// Make system call `call`, again while it fails with EINTR, running the
/// signal handlers in between (PEP 475): an exception a handler raises
/// ends the retrying. Other errors are returned as their errno.
pub fn retry_eintr<T>(vm: &mut Vm, mut call: impl FnMut() -> Result<T, i32>) -> PyResult<Result<T, i32>> {
    loop {
        match call() {
            Err(libc::EINTR) => check_signals(vm)?,
            r => return Ok(r),
        }
    }
}

/// `_thread.interrupt_main(signum=SIGINT)` (CPython's
/// `PyErr_SetInterruptEx`): act as if `signum` arrived, unless its handler
/// is SIG_DFL or SIG_IGN; the Python handler runs at the next check.
pub fn interrupt_main(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "interrupt_main", kwnames)?;
    let sig = match args {
        [] => libc::SIGINT as usize,
        [v] => signum_arg(vm, v)?,
        _ => return Err(vm.type_error(format!("signum() takes at most 1 argument ({} given)", args.len()))),
    };
    if int_of(&handler_of(sig)).is_none() {
        trip(sig as libc::c_int);
    }
    Ok(none())
}

/// `PyErr_CheckSignals`: run the Python handlers of the signals that
/// arrived; the first exception one raises.
pub fn check_signals(vm: &mut Vm) -> PyResult<()> {
    if !IS_TRIPPED.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    for (sig, t) in TRIPPED.iter().enumerate().skip(1) {
        if !t.swap(false, Ordering::SeqCst) {
            continue;
        }
        let handler = HANDLERS.with(|h| h.borrow()[sig].clone());
        if handler.is_null() || int_of(&handler).is_some() || is_none(&handler) {
            continue;
        }
        let frame = match vm.frames.len() {
            0 => none(),
            n => crate::builtins::frame::frame_object(vm, n - 1),
        };
        if let Err(e) = crate::eval::call(vm, &handler, &[new_int(sig as i64), frame], &[]) {
            // The others wait for the next check.
            if TRIPPED.iter().any(|t| t.load(Ordering::SeqCst)) {
                IS_TRIPPED.store(true, Ordering::SeqCst);
                crate::finalize::wake();
            }
            return Err(e);
        }
    }
    Ok(())
}

/// The handler `getsignal` reports for `sig`, looked up from the
/// process's disposition the first time.
fn handler_of(sig: usize) -> Value {
    let known = HANDLERS.with(|h| h.borrow()[sig].clone());
    if !known.is_null() {
        return known;
    }
    let v = match current_disposition(sig as i32) {
        Some(libc::SIG_DFL) => new_int(0),
        Some(libc::SIG_IGN) => new_int(1),
        _ => none(),
    };
    HANDLERS.with(|h| h.borrow_mut()[sig] = v.clone());
    v
}

fn current_disposition(sig: i32) -> Option<libc::sighandler_t> {
    // SAFETY: a zeroed sigaction is a valid out-structure; a NULL new
    // action only reads the current one.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    let r = unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) };
    (r == 0).then_some(old.sa_sigaction)
}

/// Install `handler` (SIG_DFL, SIG_IGN or `trip`) for `sig`.
fn install(sig: i32, handler: libc::sighandler_t) -> Result<(), i32> {
    // SAFETY: a zeroed sigaction with an empty mask is valid; `trip` is
    // an `extern "C" fn(c_int)`.
    let mut act: libc::sigaction = unsafe { std::mem::zeroed() };
    act.sa_sigaction = handler;
    // No SA_RESTART: system calls fail with EINTR and handlers run (as
    // CPython's siginterrupt(sig, 1)).
    act.sa_flags = libc::SA_ONSTACK;
    // SAFETY: `act.sa_mask` is a sigset_t to initialise.
    unsafe { libc::sigemptyset(&mut act.sa_mask) };
    // SAFETY: valid action, NULL old action.
    if unsafe { libc::sigaction(sig, &act, std::ptr::null_mut()) } == 0 {
        Ok(())
    } else {
        Err(errno())
    }
}

fn trip_handler() -> libc::sighandler_t {
    trip as extern "C" fn(libc::c_int) as libc::sighandler_t
}

// ----- the module ---------------------------------------------------------------------

const FUNCTIONS: &[(&str, CallFn)] = &[
    ("alarm", alarm),
    ("default_int_handler", default_int_handler),
    ("getsignal", getsignal),
    ("pause", pause),
    ("pthread_kill", pthread_kill),
    ("pthread_sigmask", pthread_sigmask),
    ("raise_signal", raise_signal),
    ("set_wakeup_fd", set_wakeup_fd),
    ("siginterrupt", siginterrupt),
    ("signal", signal),
    ("strsignal", strsignal),
    ("valid_signals", valid_signals),
];

/// The `_signal` module; SIGINT gets `default_int_handler` if its
/// disposition is the default.
pub fn new_signal_module(vm: &mut Vm) -> PyResult<Value> {
    let d = crate::builtins::function::native_module_dict(vm, "_signal", DOC, FUNCTIONS)?;
    let dd = as_dict(&d).expect("a dict");
    let mut constants: Vec<(&str, i64)> = vec![
        ("NSIG", NSIG as i64),
        ("SIG_DFL", 0),
        ("SIG_IGN", 1),
        ("SIG_BLOCK", i64::from(libc::SIG_BLOCK)),
        ("SIG_UNBLOCK", i64::from(libc::SIG_UNBLOCK)),
        ("SIG_SETMASK", i64::from(libc::SIG_SETMASK)),
        ("ITIMER_REAL", 0),
        ("ITIMER_VIRTUAL", 1),
        ("ITIMER_PROF", 2),
    ];
    constants.extend(SIGNALS.iter().map(|(n, v)| (*n, i64::from(*v))));
    for (name, value) in constants {
        dd.set(vm, new_str(name), new_int(value))?;
    }
    let dih = dd.get(vm, &new_str("default_int_handler"))?.expect("defined above");
    DEFAULT_INT_HANDLER.with(|h| *h.borrow_mut() = dih.clone());
    if matches!(int_of(&handler_of(libc::SIGINT as usize)), Some(Int::Small(0))) && install(libc::SIGINT, trip_handler()).is_ok() {
        HANDLERS.with(|h| h.borrow_mut()[libc::SIGINT as usize] = dih);
    }
    Ok(new_module("_signal", d))
}

const DOC: &str = "This module provides mechanisms to use signal handlers in Python.\n\nFunctions:\n\nalarm() -- cause SIGALRM after a specified time [Unix only]\nsetitimer() -- cause a signal (described below) after a specified\n               float time and the timer may restart then [Unix only]\ngetitimer() -- get current value of timer [Unix only]\nsignal() -- set the action for a given signal\ngetsignal() -- get the signal action for a given signal\npause() -- wait until a signal arrives [Unix only]\ndefault_int_handler() -- default SIGINT handler\n\nsignal constants:\nSIG_DFL -- used to refer to the system default handler\nSIG_IGN -- used to ignore the signal\nNSIG -- number of defined signals\nSIGINT, SIGTERM, etc. -- signal numbers\n\nitimer constants:\nITIMER_REAL -- decrements in real time, and delivers SIGALRM upon\n               expiration\nITIMER_VIRTUAL -- decrements only when the process is executing,\n               and delivers SIGVTALRM upon expiration\nITIMER_PROF -- decrements both when the process is executing and\n               when the system is executing on behalf of the process.\n               Coupled with ITIMER_VIRTUAL, this timer is usually\n               used to profile the time spent by the application\n               in user and kernel space. SIGPROF is delivered upon\n               expiration.\n\n\n*** IMPORTANT NOTICE ***\nA signal handler function is called with two arguments:\nthe first is the signal number, the second is the interrupted stack frame.";

/// Linux's signal numbers.
const SIGNALS: &[(&str, i32)] = &[
    ("SIGABRT", libc::SIGABRT),
    ("SIGALRM", libc::SIGALRM),
    ("SIGBUS", libc::SIGBUS),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGFPE", libc::SIGFPE),
    ("SIGHUP", libc::SIGHUP),
    ("SIGILL", libc::SIGILL),
    ("SIGINT", libc::SIGINT),
    ("SIGIO", libc::SIGIO),
    ("SIGIOT", libc::SIGIOT),
    ("SIGKILL", libc::SIGKILL),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPROF", libc::SIGPROF),
    ("SIGPWR", libc::SIGPWR),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGRTMAX", 64),
    ("SIGRTMIN", 34),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGSYS", libc::SIGSYS),
    ("SIGTERM", libc::SIGTERM),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
];

fn args_n<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value], min: usize, max: usize) -> PyResult<&'a [Value]> {
    crate::builtins::posix::positional(vm, name, args, kwnames, min, max)
}

/// A signal number argument, checked to be in range.
fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = crate::builtins::posix::format_i(vm, v)?;
    if n < 1 || n >= NSIG as i64 {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as usize)
}

/// `signal(signalnum, handler)`: install, returning the old handler.
fn signal(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = args_n(vm, "signal", args, kwnames, 2, 2)?;
    let sig = signum_arg(vm, &a[0])?;
    let handler = a[1].clone();
    let disposition = match int_of(&handler) {
        Some(Int::Small(0)) => libc::SIG_DFL,
        Some(Int::Small(1)) => libc::SIG_IGN,
        _ if crate::ops::is_callable(vm, &handler) => trip_handler(),
        _ => {
            return Err(vm.type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"));
        }
    };
    let old = handler_of(sig);
    if let Err(e) = install(sig as i32, disposition) {
        return Err(crate::builtins::posix::errno_error(e, None, None));
    }
    HANDLERS.with(|h| h.borrow_mut()[sig] = handler);
    Ok(old)
}

fn getsignal(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = args_n(vm, "getsignal", args, kwnames, 1, 1)?;
    let sig = signum_arg(vm, &a[0])?;
    Ok(handler_of(sig))
}

/// `default_int_handler(signalnum, frame)`: raise KeyboardInterrupt.
fn default_int_handler(_: &mut Vm, _: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    let exc = crate::builtins::exceptions::exception_with_args(&crate::builtins::exceptions::KEYBOARD_INTERRUPT, Vec::new());
    Err(crate::vm::PyErr { exception: exc })
}

/// `set_wakeup_fd(fd, *, warn_on_full_buffer=True)`: the previous fd.
fn set_wakeup_fd(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fd, _warn] = crate::builtins::itertools::bind(vm, "set_wakeup_fd", args, kwnames, ["fd", "warn_on_full_buffer"], 1, 1)?;
    let fd = fd.expect("required");
    let fd = crate::builtins::posix::format_i(vm, &fd)? as i32;
    if fd != -1 {
        // SAFETY: fcntl with no pointers.
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if flags == -1 {
            return Err(crate::builtins::posix::errno_error(errno(), None, None));
        }
        if flags & libc::O_NONBLOCK == 0 {
            return Err(vm.value_error(format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    Ok(new_int(i64::from(WAKEUP_FD.swap(fd, Ordering::SeqCst))))
}

/// `alarm(seconds)`: the seconds left of the previous alarm.
fn alarm(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::posix::one_arg(vm, "alarm", args, kwnames)?;
    let secs = crate::builtins::posix::c_int(vm, a)?;
    // SAFETY: no pointers.
    Ok(new_int(i64::from(unsafe { libc::alarm(secs as u32) })))
}

/// `pause()`: wait for a signal, then run its handler.
fn pause(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::posix::no_args(vm, "pause", args, kwnames)?;
    // SAFETY: no pointers.
    unsafe { libc::pause() };
    check_signals(vm)?;
    Ok(none())
}

/// `raise_signal(signalnum)`.
fn raise_signal(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = args_n(vm, "raise_signal", args, kwnames, 1, 1)?;
    let sig = signum_arg(vm, &a[0])?;
    // SAFETY: no pointers.
    if unsafe { libc::raise(sig as i32) } != 0 {
        return Err(crate::builtins::posix::errno_error(errno(), None, None));
    }
    check_signals(vm)?;
    Ok(none())
}

/// `pthread_kill(thread_id, signalnum)`.
fn pthread_kill(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = args_n(vm, "pthread_kill", args, kwnames, 2, 2)?;
    let tid = crate::builtins::posix::int_in(vm, &a[0], 0, i64::MAX, "Python int too large to convert to C unsigned long")?;
    let sig = crate::builtins::posix::format_i(vm, &a[1])? as i32;
    // Only Krait's one thread has an id (`_thread.get_ident()`); any other
    // is no thread (a made-up pthread_t would crash the C library).
    if tid != crate::builtins::thread::ident() {
        return Err(crate::builtins::posix::errno_error(libc::ESRCH, None, None));
    }
    // SAFETY: pthread_self() is this live thread.
    let r = unsafe { libc::pthread_kill(libc::pthread_self(), sig) };
    if r != 0 {
        return Err(crate::builtins::posix::errno_error(r, None, None));
    }
    check_signals(vm)?;
    Ok(none())
}

/// The signals of `mask`, a set of ints.
fn mask_set(vm: &mut Vm, set: &libc::sigset_t) -> PyResult<Value> {
    let mut members = Vec::new();
    for sig in 1..NSIG as i32 {
        // SAFETY: `set` is an initialised sigset_t.
        if unsafe { libc::sigismember(set, sig) } == 1 {
            members.push(new_int(i64::from(sig)));
        }
    }
    crate::builtins::set::set_from(vm, &crate::builtins::set::SET_TYPE, members)
}

/// `pthread_sigmask(how, mask)`: the previous mask.
fn pthread_sigmask(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = args_n(vm, "pthread_sigmask", args, kwnames, 2, 2)?;
    let how = crate::builtins::posix::format_i(vm, &a[0])? as i32;
    // SAFETY: zeroed sigsets, emptied before use.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is a sigset_t.
    unsafe { libc::sigemptyset(&mut set) };
    let items = crate::ops::collect(vm, &a[1])?;
    for item in items {
        let sig = crate::builtins::posix::format_i(vm, &item)?;
        if sig < 1 || sig >= NSIG as i64 {
            return Err(vm.value_error(format!("signal number {sig} out of range [1; {}]", NSIG - 1)));
        }
        // SAFETY: an initialised sigset_t and a valid number.
        unsafe { libc::sigaddset(&mut set, sig as i32) };
    }
    // SAFETY: initialised sets.
    let r = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if r != 0 {
        return Err(crate::builtins::posix::errno_error(r, None, None));
    }
    check_signals(vm)?;
    mask_set(vm, &old)
}

/// `valid_signals()`: what `sigfillset` holds (glibc leaves out the two
/// signals its threads use).
fn valid_signals(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::posix::no_args(vm, "valid_signals", args, kwnames)?;
    // SAFETY: a zeroed sigset filled by sigfillset.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    unsafe { libc::sigfillset(&mut set) };
    mask_set(vm, &set)
}

/// `strsignal(signalnum)`: the description, None for an unknown number.
fn strsignal(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = args_n(vm, "strsignal", args, kwnames, 1, 1)?;
    let sig = signum_arg(vm, &a[0])?;
    // SAFETY: strsignal returns a NUL-terminated string valid until the
    // next call; it is copied at once.
    let p = unsafe { libc::strsignal(sig as i32) };
    if p.is_null() {
        return Ok(none());
    }
    // SAFETY: as above.
    let text = unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned();
    if text.starts_with("Unknown signal") || text.starts_with("Real-time signal") {
        return Ok(none());
    }
    Ok(new_str(&text))
}

/// `siginterrupt(signalnum, flag)`.
fn siginterrupt(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = args_n(vm, "siginterrupt", args, kwnames, 2, 2)?;
    let sig = signum_arg(vm, &a[0])?;
    let flag = crate::builtins::posix::format_i(vm, &a[1])?;
    // SAFETY: zeroed out-structure; reading then writing the action.
    let mut act: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::sigaction(sig as i32, std::ptr::null(), &mut act) } != 0 {
        return Err(crate::builtins::posix::errno_error(errno(), None, None));
    }
    if flag != 0 {
        act.sa_flags &= !libc::SA_RESTART;
    } else {
        act.sa_flags |= libc::SA_RESTART;
    }
    // SAFETY: the action read above, changed in its flags.
    if unsafe { libc::sigaction(sig as i32, &act, std::ptr::null_mut()) } != 0 {
        return Err(crate::builtins::posix::errno_error(errno(), None, None));
    }
    Ok(none())
}
