//! The `select` module (CPython's `Modules/selectmodule.c`) for Linux:
//! `select()`, `poll` objects and `epoll` objects, under `selectors` and
//! asyncio's event loop.
//!
//! Invariants:
//! - Descriptors are taken as `PyObject_AsFileDescriptor` does: an int, or
//!   an object whose `fileno()` returns one; never negative.
//! - `select()` is implemented with `poll(2)` (readable: POLLIN and
//!   POLLHUP/POLLERR, writable: POLLOUT and POLLERR, exceptional: POLLPRI),
//!   so descriptors above FD_SETSIZE work; it returns the objects it was
//!   given, in their order.
//! - A wait interrupted by a signal runs the handlers (an exception
//!   propagates) and is retried with the time left (PEP 475).
//! - An `epoll` object owns its descriptor: `close()` or freeing closes
//!   it; a closed one raises ValueError for everything but `close` and
//!   `closed`.

use std::cell::{Cell, RefCell};

use crate::builtins::dict::as_dict;
use crate::builtins::function::new_module;
use crate::builtins::int::{int_of, new_int};
use crate::builtins::itertools::{alloc_for, bind, payload, Payload};
use crate::builtins::list::new_list;
use crate::builtins::singletons::{bool_value, is_none, none};
use crate::builtins::socket::ffi;
use crate::builtins::str::new_str;
use crate::builtins::tuple::new_tuple;
use crate::object::ObjPtr;
use crate::types::{type_value, CallFn, GetSetDef, MethodDef, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `PyObject_AsFileDescriptor`.
pub fn fd_of(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let fd = if int_of(v).is_some() {
        crate::builtins::posix::c_int(vm, v)?
    } else {
        let Some(method) = crate::ops::getattr_opt(vm, v, &new_str("fileno"))? else {
            return Err(vm.type_error("argument must be an int, or have a fileno() method."));
        };
        let r = crate::eval::call(vm, &method, &[], &[])?;
        if int_of(&r).is_none() {
            return Err(vm.type_error("fileno() returned a non-integer"));
        }
        crate::builtins::posix::c_int(vm, &r)?
    };
    if fd < 0 {
        return Err(vm.value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

/// A deadline-bound wait: `wait(ms)` is retried after EINTR (handlers
/// run first) with the time left; `timeout_ns` < 0 waits forever.
fn wait_retrying<T>(vm: &mut Vm, timeout_ns: i64, mut wait: impl FnMut(i32) -> ffi::SysResult<T>) -> PyResult<T> {
    let deadline = crate::builtins::socket::monotonic_ns() + timeout_ns.max(0);
    let mut ms = to_ms(timeout_ns);
    loop {
        match wait(ms) {
            Ok(r) => return Ok(r),
            Err(libc::EINTR) => {
                crate::builtins::signal::check_signals(vm)?;
                if timeout_ns >= 0 {
                    let left = deadline - crate::builtins::socket::monotonic_ns();
                    ms = to_ms(left.max(0));
                }
            }
            Err(e) => return Err(crate::builtins::posix::errno_error(e, None, None)),
        }
    }
}

/// Nanoseconds to poll's milliseconds, rounded up; negative: -1.
fn to_ms(ns: i64) -> i32 {
    if ns < 0 {
        -1
    } else {
        ((ns + 999_999) / 1_000_000).min(i64::from(i32::MAX)) as i32
    }
}

/// A timeout in seconds (float or int) as nanoseconds, rounded up.
fn seconds_ns(vm: &mut Vm, v: &Value, type_msg: &str) -> PyResult<i64> {
    if let Some(x) = crate::builtins::float::float_of(v) {
        if x.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let ns = (x * 1e9).ceil();
        if !(-9.2e18..9.2e18).contains(&ns) {
            return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
        }
        return Ok(ns as i64);
    }
    if int_of(v).is_none() {
        return Err(vm.type_error(type_msg.to_string()));
    }
    let s = crate::builtins::posix::int_in(vm, v, i64::MIN, i64::MAX, "timestamp too large to convert to C _PyTime_t")?;
    s.checked_mul(1_000_000_000).ok_or_else(|| vm.overflow_error("timestamp too large to convert to C _PyTime_t"))
}

// ----- select() ---------------------------------------------------------------------

/// `select(rlist, wlist, xlist[, timeout])`.
fn select(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::posix::positional(vm, "select", args, kwnames, 3, 4)?;
    let timeout = match a.get(3) {
        None => -1,
        Some(t) if is_none(t) => -1,
        Some(t) => {
            let ns = seconds_ns(vm, t, "timeout must be a float or None")?;
            if ns < 0 {
                return Err(vm.value_error("timeout must be non-negative"));
            }
            ns
        }
    };
    let mut lists: Vec<Vec<(Value, i32)>> = Vec::with_capacity(3);
    for l in &a[..3] {
        let mut out = Vec::new();
        if let Some(list) = crate::builtins::list::as_list(l) {
            // seq2set walks a list by index: a fileno() that shrinks it
            // shortens the walk.
            let mut i = 0;
            while let Some(item) = list.get(i) {
                let fd = fd_of(vm, &item)?;
                out.push((item, fd));
                i += 1;
            }
        } else {
            let items = match crate::ops::collect(vm, l) {
                Ok(items) => items,
                Err(_) => return Err(vm.type_error("arguments 1-3 must be sequences")),
            };
            for item in items {
                let fd = fd_of(vm, &item)?;
                out.push((item, fd));
            }
        }
        lists.push(out);
    }
    let wanted = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut fds: Vec<libc::pollfd> = Vec::new();
    for (list, events) in lists.iter().zip(wanted) {
        for &(_, fd) in list {
            match fds.iter_mut().find(|p| p.fd == fd) {
                Some(p) => p.events |= events,
                None => fds.push(libc::pollfd { fd, events, revents: 0 }),
            }
        }
    }
    wait_retrying(vm, timeout, |ms| ffi::poll(&mut fds, ms))?;
    if fds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
        return Err(crate::builtins::posix::errno_error(libc::EBADF, None, None));
    }
    let ready = [libc::POLLIN | libc::POLLHUP | libc::POLLERR, libc::POLLOUT | libc::POLLERR, libc::POLLPRI];
    let mut results = Vec::with_capacity(3);
    for (list, mask) in lists.iter().zip(ready) {
        let hit: Vec<Value> = list
            .iter()
            .filter(|(_, fd)| fds.iter().any(|p| p.fd == *fd && p.revents & mask != 0))
            .map(|(v, _)| v.clone())
            .collect();
        results.push(new_list(hit));
    }
    Ok(new_tuple(results))
}

// ----- poll objects ---------------------------------------------------------------------

pub struct PollData {
    fds: RefCell<Vec<(i32, i16)>>,
}

impl Payload for PollData {
    fn ty() -> &'static TypeObject {
        &POLL_TYPE
    }

    fn trace(&self, _: Visit) {}
}

pub static POLL_TYPE: TypeObject = TypeObject {
    methods: &[
        MethodDef { name: "register", func: poll_register },
        MethodDef { name: "modify", func: poll_modify },
        MethodDef { name: "unregister", func: poll_unregister },
        MethodDef { name: "poll", func: poll_poll },
    ],
    ..TypeObject::builtin(
        "select.poll",
        Some(&OBJECT_TYPE),
        crate::builtins::itertools::dealloc_payload::<PollData>,
        crate::builtins::itertools::trace_payload::<PollData>,
    )
};

fn poll_new(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::posix::no_args(vm, "poll", args, kwnames)?;
    Ok(alloc_for(&POLL_TYPE, PollData { fds: RefCell::new(Vec::new()) }))
}

/// An event mask ("H" format: unsigned short).
fn event_mask(vm: &mut Vm, v: &Value) -> PyResult<i16> {
    let n = crate::builtins::posix::int_in(vm, v, i64::MIN, i64::MAX, "Python int too large for C unsigned short")?;
    if !(0..=0xffff).contains(&n) {
        return Err(vm.overflow_error("Python int too large for C unsigned short"));
    }
    Ok(n as u16 as i16)
}

fn poll_register(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::posix::positional(vm, "register", args, kwnames, 1, 2)?;
    let fd = fd_of(vm, &a[0])?;
    let mask = match a.get(1) {
        Some(m) => event_mask(vm, m)?,
        None => libc::POLLIN | libc::POLLPRI | libc::POLLOUT,
    };
    let mut fds = payload::<PollData>(this).fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask,
        None => fds.push((fd, mask)),
    }
    Ok(none())
}

fn poll_modify(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::posix::positional(vm, "modify", args, kwnames, 2, 2)?;
    let fd = fd_of(vm, &a[0])?;
    let mask = event_mask(vm, &a[1])?;
    let mut fds = payload::<PollData>(this).fds.borrow_mut();
    match fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(entry) => entry.1 = mask,
        None => return Err(crate::builtins::posix::errno_error(libc::ENOENT, None, None)),
    }
    Ok(none())
}

fn poll_unregister(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::posix::one_arg(vm, "unregister", args, kwnames)?;
    let fd = fd_of(vm, a)?;
    let mut fds = payload::<PollData>(this).fds.borrow_mut();
    match fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => {
            fds.remove(i);
            Ok(none())
        }
        None => Err(crate::builtins::exceptions::key_error(new_int(i64::from(fd)))),
    }
}

/// A poll timeout in milliseconds as nanoseconds; None or negative: -1.
fn ms_timeout(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    let Some(v) = v.filter(|v| !is_none(v)) else { return Ok(-1) };
    let ns = if let Some(x) = crate::builtins::float::float_of(v) {
        if x.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        (x * 1e6).ceil() as i64
    } else if int_of(v).is_some() {
        let ms = crate::builtins::posix::int_in(vm, v, i64::MIN, i64::MAX, "timeout is too large")?;
        ms.saturating_mul(1_000_000)
    } else {
        return Err(vm.type_error("timeout must be an integer or None"));
    };
    Ok(if ns < 0 { -1 } else { ns })
}

fn poll_poll(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::posix::positional(vm, "poll", args, kwnames, 0, 1)?;
    let timeout = ms_timeout(vm, a.first())?;
    let mut fds: Vec<libc::pollfd> =
        payload::<PollData>(this).fds.borrow().iter().map(|&(fd, events)| libc::pollfd { fd, events, revents: 0 }).collect();
    wait_retrying(vm, timeout, |ms| ffi::poll(&mut fds, ms))?;
    let out = fds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| new_tuple(vec![new_int(i64::from(p.fd)), new_int(i64::from(p.revents as u16))]))
        .collect();
    Ok(new_list(out))
}

// ----- epoll objects ---------------------------------------------------------------------

pub struct EpollData {
    fd: Cell<i32>,
}

impl Payload for EpollData {
    fn ty() -> &'static TypeObject {
        &EPOLL_TYPE
    }

    fn trace(&self, _: Visit) {}
}

unsafe fn dealloc_epoll(p: ObjPtr) {
    // SAFETY: objects of EPOLL_TYPE are Obj<EpollData>.
    let fd = unsafe { p.data::<EpollData>() }.fd.replace(-1);
    if fd >= 0 {
        let _ = ffi::close(fd);
    }
    // SAFETY: as above.
    unsafe { crate::builtins::itertools::dealloc_payload::<EpollData>(p) }
}

pub static EPOLL_TYPE: TypeObject = TypeObject {
    new: Some(epoll_new),
    methods: &[
        MethodDef { name: "close", func: epoll_close },
        MethodDef { name: "fileno", func: epoll_fileno },
        MethodDef { name: "register", func: epoll_register },
        MethodDef { name: "modify", func: epoll_modify },
        MethodDef { name: "unregister", func: epoll_unregister },
        MethodDef { name: "poll", func: epoll_poll },
        MethodDef { name: "__enter__", func: epoll_enter },
        MethodDef { name: "__exit__", func: |vm, this, _, _| epoll_close(vm, this, &[], &[]) },
    ],
    class_methods: &[MethodDef { name: "fromfd", func: epoll_fromfd }],
    getsets: &[GetSetDef { name: "closed", get: |_, v| Ok(bool_value(payload::<EpollData>(v).fd.get() < 0)), set: None, member: false }],
    ..TypeObject::builtin("select.epoll", Some(&OBJECT_TYPE), dealloc_epoll, crate::builtins::itertools::trace_payload::<EpollData>)
};

/// `epoll(sizehint=-1, flags=0)`.
fn epoll_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [sizehint, flags] = bind(vm, "epoll", args, kwnames, ["sizehint", "flags"], 2, 0)?;
    if let Some(s) = sizehint {
        let n = crate::builtins::posix::format_i(vm, &s)?;
        if n == 0 || n < -1 {
            return Err(vm.value_error("negative sizehint"));
        }
    }
    if let Some(f) = flags {
        let f = crate::builtins::posix::format_i(vm, &f)?;
        if f != 0 && f != i64::from(libc::EPOLL_CLOEXEC) {
            return Err(crate::builtins::posix::errno_error(libc::EINVAL, None, None));
        }
    }
    let fd = ffi::epoll_create().map_err(|e| crate::builtins::posix::errno_error(e, None, None))?;
    Ok(alloc_for(cls, EpollData { fd: Cell::new(fd) }))
}

fn epoll_fromfd(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::posix::one_arg(vm, "fromfd", args, kwnames)?;
    let fd = crate::builtins::posix::c_int(vm, a)?;
    let _ = cls;
    Ok(alloc_for(&EPOLL_TYPE, EpollData { fd: Cell::new(fd) }))
}

/// The descriptor of an open epoll object.
fn epfd(vm: &mut Vm, this: &Value) -> PyResult<i32> {
    match payload::<EpollData>(this).fd.get() {
        fd if fd >= 0 => Ok(fd),
        _ => Err(vm.value_error("I/O operation on closed epoll object")),
    }
}

fn epoll_close(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::posix::no_args(vm, "close", args, kwnames)?;
    let fd = payload::<EpollData>(this).fd.replace(-1);
    if fd >= 0 {
        ffi::close(fd).map_err(|e| crate::builtins::posix::errno_error(e, None, None))?;
    }
    Ok(none())
}

fn epoll_enter(vm: &mut Vm, this: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    epfd(vm, this)?;
    Ok(this.clone())
}

fn epoll_fileno(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::posix::no_args(vm, "fileno", args, kwnames)?;
    Ok(new_int(i64::from(epfd(vm, this)?)))
}

fn epoll_ctl(vm: &mut Vm, this: &Value, op: i32, fd: &Value, mask: Option<&Value>) -> PyResult<Value> {
    let ep = epfd(vm, this)?;
    let fd = fd_of(vm, fd)?;
    let events = match mask {
        Some(m) => {
            let n = crate::builtins::posix::int_in(vm, m, i64::MIN, i64::MAX, "Python int too large to convert to C unsigned long")?;
            n as u32
        }
        None => (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32,
    };
    ffi::epoll_ctl(ep, op, fd, events).map_err(|e| crate::builtins::posix::errno_error(e, None, None))?;
    Ok(none())
}

fn epoll_register(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fd, mask] = bind(vm, "register", args, kwnames, ["fd", "eventmask"], 2, 1)?;
    epoll_ctl(vm, this, libc::EPOLL_CTL_ADD, &fd.expect("required"), mask.as_ref())
}

fn epoll_modify(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fd, mask] = bind(vm, "modify", args, kwnames, ["fd", "eventmask"], 2, 2)?;
    epoll_ctl(vm, this, libc::EPOLL_CTL_MOD, &fd.expect("required"), mask.as_ref())
}

fn epoll_unregister(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fd] = bind(vm, "unregister", args, kwnames, ["fd"], 1, 1)?;
    let ep = epfd(vm, this)?;
    let fd = fd_of(vm, &fd.expect("required"))?;
    ffi::epoll_ctl(ep, libc::EPOLL_CTL_DEL, fd, 0).map_err(|e| crate::builtins::posix::errno_error(e, None, None))?;
    Ok(none())
}

/// `poll(timeout=None, maxevents=-1)`: a list of `(fd, events)`.
fn epoll_poll(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [timeout, maxevents] = bind(vm, "poll", args, kwnames, ["timeout", "maxevents"], 2, 0)?;
    let ep = epfd(vm, this)?;
    let timeout = match timeout.filter(|t| !is_none(t)) {
        Some(t) => seconds_ns(vm, &t, "timeout must be an integer or None")?,
        None => -1,
    };
    let max = match maxevents {
        Some(m) => crate::builtins::posix::format_i(vm, &m)?,
        None => -1,
    };
    let max = match max {
        -1 => 1023,
        m if m <= 0 => return Err(vm.value_error(format!("maxevents must be greater than 0, got {m}"))),
        m => m as usize,
    };
    let events = wait_retrying(vm, timeout.max(-1), |ms| ffi::epoll_wait(ep, max, ms))?;
    let out = events.into_iter().map(|(fd, ev)| new_tuple(vec![new_int(i64::from(fd)), new_int(i64::from(ev))])).collect();
    Ok(new_list(out))
}

// ----- the module ---------------------------------------------------------------------

const FUNCTIONS: &[(&str, CallFn)] = &[("poll", poll_new), ("select", select)];

const CONSTANTS: &[(&str, i64)] = &[
    ("EPOLLERR", libc::EPOLLERR as i64),
    ("EPOLLET", libc::EPOLLET as u32 as i64),
    ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
    ("EPOLLHUP", libc::EPOLLHUP as i64),
    ("EPOLLIN", libc::EPOLLIN as i64),
    ("EPOLLMSG", libc::EPOLLMSG as i64),
    ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
    ("EPOLLOUT", libc::EPOLLOUT as i64),
    ("EPOLLPRI", libc::EPOLLPRI as i64),
    ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
    ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
    ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
    ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
    ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
    ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
    ("PIPE_BUF", libc::PIPE_BUF as i64),
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLIN", libc::POLLIN as i64),
    ("POLLMSG", 1024),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLRDHUP", libc::POLLRDHUP as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
];

/// The `select` module.
pub fn new_select_module(vm: &mut Vm) -> PyResult<Value> {
    let doc = "This module supports asynchronous I/O on multiple file descriptors.\n\n*** IMPORTANT NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file descriptors.";
    let d = crate::builtins::function::native_module_dict(vm, "select", doc, FUNCTIONS)?;
    let dd = as_dict(&d).expect("a dict");
    for (name, value) in CONSTANTS {
        dd.set(vm, new_str(name), new_int(*value))?;
    }
    dd.set(vm, new_str("error"), type_value(&crate::builtins::exceptions::OS_ERROR))?;
    dd.set(vm, new_str("epoll"), type_value(&EPOLL_TYPE))?;
    Ok(new_module("select", d))
}
