//! The `_signal` module, as far as Krait has it: the Linux signal numbers,
//! `SIG_DFL`/`SIG_IGN`, and a handler table that `signal`/`getsignal` read
//! and write, so CPython's `signal.py` (and `unittest`, which asks for
//! SIGINT's handler) load.
//!
//! Invariants:
//! - The table starts as CPython's does after start-up: SIGINT has
//!   `default_int_handler`, SIGPIPE and SIGXFSZ are ignored, the others
//!   have their default action.
//! - Only the dispositions Krait can honour are accepted: `SIG_DFL`,
//!   `SIG_IGN` and `default_int_handler` are recorded; installing any other
//!   Python callable raises NotImplementedError, since Krait delivers no
//!   signal to Python code yet. The operating system's own dispositions
//!   are left alone.

use std::cell::RefCell;

use crate::builtins::exceptions::{KEYBOARD_INTERRUPT, NOT_IMPLEMENTED_ERROR};
use crate::builtins::function::{new_builtin, new_module, no_keywords};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::str::new_str;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const NSIG: i64 = 65;
const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;
const SIGINT: i64 = 2;

/// The Linux signal numbers (x86-64 and AArch64 share them).
const SIGNALS: &[(&str, i64)] = &[
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGABRT", 6),
    ("SIGIOT", 6),
    ("SIGBUS", 7),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGUSR1", 10),
    ("SIGSEGV", 11),
    ("SIGUSR2", 12),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGSTKFLT", 16),
    ("SIGCHLD", 17),
    ("SIGCLD", 17),
    ("SIGCONT", 18),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGURG", 23),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
    ("SIGVTALRM", 26),
    ("SIGPROF", 27),
    ("SIGWINCH", 28),
    ("SIGIO", 29),
    ("SIGPOLL", 29),
    ("SIGPWR", 30),
    ("SIGSYS", 31),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
];

thread_local! {
    /// The handler of each signal number (NULL before the module is made).
    static HANDLERS: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    static DEFAULT_INT_HANDLER: RefCell<Value> = const { RefCell::new(Value::NULL) };
}

/// `default_int_handler(signalnum, frame)`: raises KeyboardInterrupt.
fn default_int_handler(vm: &mut Vm, _: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    Err(vm.error(&KEYBOARD_INTERRUPT, ""))
}

/// A signal number argument, checked against `NSIG`.
fn signal_number(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = crate::builtins::str_methods::ssize_arg(vm, v)?;
    if !(1..NSIG).contains(&n) {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as usize)
}

fn handlers_ready() {
    HANDLERS.with(|h| {
        let mut h = h.borrow_mut();
        if h.is_empty() {
            *h = (0..NSIG)
                .map(|n| match n {
                    SIGINT => DEFAULT_INT_HANDLER.with(|d| d.borrow().clone()),
                    13 | 25 => new_int(SIG_IGN),
                    _ => new_int(SIG_DFL),
                })
                .collect();
        }
    });
}

fn getsignal(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "getsignal", kwnames)?;
    let [n] = args else {
        return Err(vm.type_error(format!("getsignal() takes exactly one argument ({} given)", args.len())));
    };
    let n = signal_number(vm, n)?;
    handlers_ready();
    Ok(HANDLERS.with(|h| h.borrow()[n].clone()))
}

fn signal(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "signal", kwnames)?;
    let [n, handler] = args else {
        return Err(vm.type_error(format!("signal expected 2 arguments, got {}", args.len())));
    };
    let n = signal_number(vm, n)?;
    let is_disposition = matches!(int_of(handler), Some(Int::Small(SIG_DFL | SIG_IGN)));
    let is_default_int = DEFAULT_INT_HANDLER.with(|d| d.borrow().is(handler));
    if !is_disposition && !is_default_int {
        if !crate::ops::is_callable(vm, handler) {
            return Err(vm.type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"));
        }
        return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "Krait cannot run Python signal handlers yet"));
    }
    handlers_ready();
    Ok(HANDLERS.with(|h| std::mem::replace(&mut h.borrow_mut()[n], handler.clone())))
}

/// `strsignal(signalnum)`: the C library's description.
fn strsignal(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "strsignal", kwnames)?;
    let [n] = args else {
        return Err(vm.type_error(format!("strsignal() takes exactly one argument ({} given)", args.len())));
    };
    let n = signal_number(vm, n)?;
    const NAMES: [&str; 32] = [
        "", "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap", "Aborted", "Bus error",
        "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault", "User defined signal 2",
        "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited", "Continued", "Stopped (signal)",
        "Stopped", "Stopped (tty input)", "Stopped (tty output)", "Urgent I/O condition", "CPU time limit exceeded",
        "File size limit exceeded", "Virtual timer expired", "Profiling timer expired", "Window changed",
        "I/O possible", "Power failure", "Bad system call",
    ];
    Ok(match NAMES.get(n) {
        Some(s) => new_str(s),
        None if (34..=64).contains(&n) => new_str(&format!("Real-time signal {}", n - 34)),
        None => new_str(&format!("Unknown signal {n}")),
    })
}

/// `valid_signals()`: every signal number the system has.
fn valid_signals(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "valid_signals", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("valid_signals() takes no arguments ({} given)", args.len())));
    }
    let numbers = (1..NSIG).filter(|n| !(32..34).contains(n)).map(new_int).collect();
    crate::builtins::set::set_from(vm, &crate::builtins::set::SET_TYPE, numbers)
}

pub fn new_signal_module(vm: &mut Vm) -> PyResult<Value> {
    const DOC: &str = "This module provides mechanisms to use signal handlers in Python.\n\nFunctions:\n\nalarm() -- cause SIGALRM after a specified time [Unix only]\nsetitimer() -- cause a signal (described below) after a specified\n               float time and the timer may restart then [Unix only]\ngetitimer() -- get current value of timer [Unix only]\nsignal() -- set the action for a given signal\ngetsignal() -- get the signal action for a given signal\npause() -- wait until a signal arrives [Unix only]\ndefault_int_handler() -- default SIGINT handler\n\nsignal constants:\nSIG_DFL -- used to refer to the system default handler\nSIG_IGN -- used to ignore the signal\nNSIG -- number of defined signals\nSIGINT, SIGTERM, etc. -- signal numbers\n\nitimer constants:\nITIMER_REAL -- decrements in real time, and delivers SIGALRM upon\n               expiration\nITIMER_VIRTUAL -- decrements only when the process is executing,\n               and delivers SIGVTALRM upon expiration\nITIMER_PROF -- decrements both when the process is executing and\n               when the system is executing on behalf of the process.\n               Coupled with ITIMER_VIRTUAL, this timer is usually\n               used to profile the time spent by the application\n               in user and kernel space. SIGPROF is delivered upon\n               expiration.\n\n\n*** IMPORTANT NOTICE ***\nA signal handler function is called with two arguments:\nthe first is the signal number, the second is the interrupted stack frame.";
    let functions: [(&'static str, crate::types::CallFn); 4] =
        [("signal", signal), ("getsignal", getsignal), ("strsignal", strsignal), ("valid_signals", valid_signals)];
    let d = crate::builtins::function::native_module_dict(vm, "_signal", DOC, &functions)?;
    let dd = crate::builtins::dict::as_dict(&d).expect("a dict");
    let handler = DEFAULT_INT_HANDLER.with(|h| {
        let mut h = h.borrow_mut();
        if h.is_null() {
            *h = new_builtin("default_int_handler", default_int_handler);
        }
        h.clone()
    });
    dd.set(vm, new_str("default_int_handler"), handler)?;
    for (name, value) in [("SIG_DFL", SIG_DFL), ("SIG_IGN", SIG_IGN), ("NSIG", NSIG)].into_iter().chain(SIGNALS.iter().copied()) {
        dd.set(vm, new_str(name), new_int(value))?;
    }
    Ok(new_module("_signal", d))
}
