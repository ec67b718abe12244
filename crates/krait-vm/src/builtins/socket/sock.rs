//! `_socket.socket`: one descriptor with its family, type, protocol and
//! timeout (CPython's `PySocketSockObject`), the base of `socket.socket`.
//!
//! Invariants:
//! - `fd` is -1 once closed or detached; calls on a closed socket reach the
//!   C library with -1 and fail with EBADF, as in CPython.
//! - `timeout` is in nanoseconds: -1 blocking (None), 0 non-blocking, more
//!   a timeout. The descriptor is `O_NONBLOCK` whenever it is not -1, and
//!   a call with a timeout polls before each attempt (`sock_call`), raising
//!   `TimeoutError('timed out')` when the time is up.
//! - An interrupted call (EINTR) runs the pending signal handlers and is
//!   retried unless one raised (PEP 475).
//! - A socket still open when freed is closed.

use std::cell::Cell;

use crate::builtins::bytes::{as_buffer, as_bytearray, new_bytes};
use crate::builtins::classes::BuiltinBase;
use crate::builtins::int::new_int;
use crate::builtins::itertools::{alloc_for, bind, payload, Payload};
use crate::builtins::singletons::{bool_value, is_none, none};
use crate::builtins::str::new_str;
use crate::builtins::tuple::new_tuple;
use crate::object::ObjPtr;
use crate::types::{GetSetDef, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

use super::addr::{sockaddr_arg, sockaddr_value};
use super::ffi::{self, SysResult};

/// A socket object's payload.
pub struct SocketData {
    pub fd: Cell<i32>,
    pub family: Cell<i32>,
    pub ty: Cell<i32>,
    pub proto: Cell<i32>,
    pub timeout: Cell<i64>,
}

impl Payload for SocketData {
    fn ty() -> &'static TypeObject {
        &SOCKET_TYPE
    }

    fn trace(&self, _: Visit) {}
}

impl SocketData {
    fn closed() -> SocketData {
        SocketData { fd: Cell::new(-1), family: Cell::new(libc::AF_INET), ty: Cell::new(libc::SOCK_STREAM), proto: Cell::new(0), timeout: Cell::new(-1) }
    }

    fn close_on_free(&self) {
        let fd = self.fd.replace(-1);
        if fd >= 0 {
            let _ = ffi::close(fd);
        }
    }
}

unsafe fn dealloc_socket(p: ObjPtr) {
    // SAFETY: objects of SOCKET_TYPE are Obj<SocketData>.
    unsafe { p.data::<SocketData>() }.close_on_free();
    // SAFETY: as above.
    unsafe { crate::builtins::itertools::dealloc_payload::<SocketData>(p) }
}

unsafe fn dealloc_socket_subclassed(p: ObjPtr) {
    // SAFETY: a class's instances are Obj<Subclassed<SocketData>>, payload first.
    unsafe { p.data::<SocketData>() }.close_on_free();
    // SAFETY: as above.
    unsafe { crate::builtins::classes::dealloc_subclassed::<SocketData>(p) }
}

/// The base that lets `socket.socket` derive from `_socket.socket`.
pub fn builtin_base(ty: &'static TypeObject) -> Option<BuiltinBase> {
    std::ptr::eq(ty, &SOCKET_TYPE).then(|| BuiltinBase::allocated_by_new_with::<SocketData>(ty, dealloc_socket_subclassed))
}

fn sock(v: &Value) -> &SocketData {
    payload::<SocketData>(v)
}

macro_rules! method {
    ($name:literal, $f:expr) => {
        MethodDef { name: $name, func: $f }
    };
}

pub static SOCKET_TYPE: TypeObject = TypeObject {
    new: Some(socket_new),
    init: Some(socket_init),
    repr: Slot::new(socket_repr),
    methods: &[
        method!("_accept", accept),
        method!("bind", bind_method),
        method!("close", close),
        method!("connect", connect),
        method!("connect_ex", connect_ex),
        method!("detach", detach),
        method!("fileno", fileno),
        method!("getblocking", getblocking),
        method!("getpeername", getpeername),
        method!("getsockname", getsockname),
        method!("getsockopt", getsockopt),
        method!("gettimeout", gettimeout),
        method!("listen", listen),
        method!("recv", recv),
        method!("recv_into", recv_into),
        method!("recvfrom", recvfrom),
        method!("recvfrom_into", recvfrom_into),
        method!("send", send),
        method!("sendall", sendall),
        method!("sendto", sendto),
        method!("setblocking", setblocking),
        method!("setsockopt", setsockopt),
        method!("settimeout", settimeout),
        method!("shutdown", shutdown),
    ],
    getsets: &[
        GetSetDef { name: "family", get: |_, v| Ok(new_int(i64::from(sock(v).family.get()))), set: None, member: true },
        GetSetDef { name: "type", get: |_, v| Ok(new_int(i64::from(sock(v).ty.get()))), set: None, member: true },
        GetSetDef { name: "proto", get: |_, v| Ok(new_int(i64::from(sock(v).proto.get()))), set: None, member: true },
        GetSetDef { name: "timeout", get: |_, v| Ok(timeout_value(sock(v).timeout.get())), set: None, member: false },
    ],
    ..TypeObject::builtin("_socket.socket", Some(&OBJECT_TYPE), dealloc_socket, crate::builtins::itertools::trace_payload::<SocketData>)
};

/// `socket.__new__`: a closed socket (`sock_new`), which `__init__` opens;
/// for `_socket.socket` itself, both at once.
fn socket_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = alloc_for(cls, SocketData::closed());
    if std::ptr::eq(cls, &SOCKET_TYPE) {
        socket_init(vm, &s, args, kwnames)?;
    }
    Ok(s)
}

/// `socket.__init__(family=-1, type=-1, proto=-1, fileno=None)`.
fn socket_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [family, ty, proto, fileno] = bind(vm, "socket", args, kwnames, ["family", "type", "proto", "fileno"], 4, 0)?;
    let int = |vm: &mut Vm, v: Option<Value>| -> PyResult<i32> {
        match v {
            Some(v) => Ok(crate::builtins::posix::format_i(vm, &v)? as i32),
            None => Ok(-1),
        }
    };
    let (mut family, mut ty, mut proto) = (int(vm, family)?, int(vm, ty)?, int(vm, proto)?);
    let fd = match fileno.filter(|f| !is_none(f)) {
        Some(f) => {
            if crate::builtins::float::float_of(&f).is_some() {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            let fd = crate::builtins::posix::int_in(vm, &f, i64::MIN, i64::MAX, "Python int too large to convert to C long")?;
            if fd < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            let fd = fd as i32;
            let opt = |name| ffi::getsockopt(fd, libc::SOL_SOCKET, name, 4).map(|b| i32::from_ne_bytes(b[..4].try_into().unwrap_or([0; 4])));
            if family == -1 {
                family = match opt(libc::SO_DOMAIN) {
                    Ok(f) => f,
                    Err(e) => return Err(super::errno_error(e)),
                };
            }
            if ty == -1 {
                ty = opt(libc::SO_TYPE).map_err(super::errno_error)?;
            }
            if proto == -1 {
                proto = opt(libc::SO_PROTOCOL).map_err(super::errno_error)?;
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if ty == -1 {
                ty = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            ffi::socket(family, ty, proto).map_err(super::errno_error)?
        }
    };
    let s = sock(this);
    s.fd.set(fd);
    s.family.set(family);
    s.ty.set(ty & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
    s.proto.set(proto);
    // init_sockobject: SOCK_NONBLOCK means non-blocking, else the default.
    let timeout = if ty & libc::SOCK_NONBLOCK != 0 { 0 } else { super::default_timeout() };
    s.timeout.set(timeout);
    if timeout >= 0 {
        set_blocking_fd(s, false)?;
    }
    Ok(none())
}

/// A new `_socket.socket` for descriptor `fd` (as `socketpair` makes).
pub fn new_socket(_vm: &mut Vm, fd: i32, family: i32, ty: i32, proto: i32) -> PyResult<Value> {
    let s = alloc_for(&SOCKET_TYPE, SocketData::closed());
    let d = sock(&s);
    d.fd.set(fd);
    d.family.set(family);
    d.ty.set(ty);
    d.proto.set(proto);
    d.timeout.set(super::default_timeout());
    if d.timeout.get() >= 0 {
        set_blocking_fd(d, false)?;
    }
    Ok(s)
}

fn socket_repr(_: &mut Vm, this: &Value) -> PyResult<Value> {
    let s = sock(this);
    let text = format!("<socket object, fd={}, family={}, type={}, proto={}>", s.fd.get(), s.family.get(), s.ty.get(), s.proto.get());
    Ok(new_str(&text))
}

fn set_blocking_fd(s: &SocketData, blocking: bool) -> PyResult<()> {
    ffi::set_nonblocking(s.fd.get(), !blocking).map_err(super::errno_error)
}

fn timeout_value(ns: i64) -> Value {
    if ns < 0 {
        none()
    } else {
        Value::float(ns as f64 / 1e9)
    }
}

// ----- argument conventions -------------------------------------------------------

/// The arguments of a METH_VARARGS method parsed by `PyArg_ParseTuple`
/// with `min..=max` of them.
fn varargs<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value], min: usize, max: usize) -> PyResult<&'a [Value]> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("socket.{name}() takes no keyword arguments")));
    }
    let n = args.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min || n > max {
        let (how, k) = match (n < min, min == max) {
            (_, true) => ("exactly", min),
            (true, false) => ("at least", min),
            (false, false) => ("at most", max),
        };
        return Err(vm.type_error(format!("{name}() takes {how} {k} argument{} ({n} given)", plural(k))));
    }
    Ok(args)
}

/// A METH_O method's argument.
fn one<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("socket.{name}() takes no keyword arguments")));
    }
    match args {
        [a] => Ok(a),
        _ => Err(vm.type_error(format!("socket.{name}() takes exactly one argument ({} given)", args.len()))),
    }
}

/// A METH_NOARGS method.
fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("socket.{name}() takes no keyword arguments")));
    }
    if !args.is_empty() {
        return Err(vm.type_error(format!("socket.{name}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    Ok(crate::builtins::posix::format_i(vm, v)? as i32)
}

// ----- calls with timeouts ----------------------------------------------------------

/// CPython's `sock_call_ex`: call `f` with the descriptor until it
/// succeeds; with a timeout, first wait (`poll`) until the socket is
/// readable (or writable), raising `TimeoutError` when the time is up.
fn sock_call<T>(vm: &mut Vm, s: &SocketData, writing: bool, mut f: impl FnMut(i32) -> SysResult<T>) -> PyResult<T> {
    match sock_call_err(vm, s, writing, &mut f)? {
        Ok(v) => Ok(v),
        Err(e) => Err(super::errno_error(e)),
    }
}

/// `sock_call`, handing back a failing call's errno instead of raising
/// it; a timeout and a signal handler's exception still raise.
fn sock_call_err<T>(vm: &mut Vm, s: &SocketData, writing: bool, f: &mut impl FnMut(i32) -> SysResult<T>) -> PyResult<SysResult<T>> {
    let timeout = s.timeout.get();
    let deadline = if timeout > 0 { super::monotonic_ns() + timeout } else { 0 };
    loop {
        if timeout > 0 {
            let left = deadline - super::monotonic_ns();
            if left < 0 || !wait_for(vm, s, writing, left)? {
                return Err(timed_out(vm));
            }
        }
        let r = loop {
            match f(s.fd.get()) {
                Err(libc::EINTR) => crate::builtins::signal::check_signals(vm)?,
                r => break r,
            }
        };
        match r {
            Err(e) if timeout > 0 && (e == libc::EAGAIN || e == libc::EWOULDBLOCK) => continue,
            r => return Ok(r),
        }
    }
}

/// Wait until the socket is readable or writable, at most `left_ns`;
/// false when the time ran out.
fn wait_for(vm: &mut Vm, s: &SocketData, writing: bool, left_ns: i64) -> PyResult<bool> {
    let events = if writing { libc::POLLOUT } else { libc::POLLIN | libc::POLLERR | libc::POLLHUP };
    // _PyTime_ROUND_CEILING to milliseconds.
    let ms = ((left_ns + 999_999) / 1_000_000).min(i64::from(i32::MAX)) as i32;
    match ffi::poll_one(s.fd.get(), events, ms) {
        Ok(ready) => Ok(ready),
        // The handlers ran; the caller's next attempt (and poll) follows.
        Err(libc::EINTR) => {
            crate::builtins::signal::check_signals(vm)?;
            Ok(true)
        }
        Err(e) => Err(super::errno_error(e)),
    }
}

fn timed_out(vm: &mut Vm) -> PyErr {
    vm.error(&crate::builtins::exceptions::TIMEOUT_ERROR, "timed out")
}

// ----- the methods ------------------------------------------------------------------

/// `_accept()`: `(fd, address)` of a new connection.
fn accept(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "_accept", args, kwnames)?;
    let s = sock(this);
    let (fd, a) = sock_call(vm, s, false, ffi::accept)?;
    let addr = sockaddr_value(vm, &a)?;
    Ok(new_tuple(vec![new_int(i64::from(fd)), addr]))
}

fn bind_method(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = one(vm, "bind", args, kwnames)?;
    let s = sock(this);
    let addr = sockaddr_arg(vm, s.family.get(), a, "bind")?;
    ffi::bind(s.fd.get(), &addr).map_err(super::errno_error)?;
    Ok(none())
}

fn close(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "close", args, kwnames)?;
    let fd = sock(this).fd.replace(-1);
    if fd >= 0 {
        // Linux closes the descriptor even when close() fails; ECONNRESET
        // is not an error for a socket (bpo-30319).
        match ffi::close(fd) {
            Ok(()) | Err(libc::ECONNRESET) => {}
            Err(e) => return Err(super::errno_error(e)),
        }
    }
    Ok(none())
}

/// `internal_connect`: connect, waiting for completion when the socket
/// has a timeout or the call was interrupted; the errno, or 0.
fn internal_connect(vm: &mut Vm, s: &SocketData, addr: &ffi::SockAddr) -> PyResult<i32> {
    let err = match ffi::connect(s.fd.get(), addr) {
        Ok(()) => return Ok(0),
        Err(e) => e,
    };
    let wait = if err == libc::EINTR {
        crate::builtins::signal::check_signals(vm)?;
        s.timeout.get() != 0
    } else {
        s.timeout.get() > 0 && err == libc::EINPROGRESS
    };
    if !wait {
        return Ok(err);
    }
    // Wait until writable, then read the result with SO_ERROR.
    let mut check = |fd: i32| -> SysResult<()> {
        let b = ffi::getsockopt(fd, libc::SOL_SOCKET, libc::SO_ERROR, 4)?;
        match i32::from_ne_bytes(b[..4].try_into().unwrap_or([0; 4])) {
            0 => Ok(()),
            e if e == libc::EINPROGRESS => Err(libc::EAGAIN),
            e => Err(e),
        }
    };
    if s.timeout.get() < 0 {
        loop {
            match ffi::poll_one(s.fd.get(), libc::POLLOUT, -1) {
                Err(libc::EINTR) => crate::builtins::signal::check_signals(vm)?,
                Err(e) => return Ok(e),
                Ok(_) => break,
            }
        }
    }
    Ok(match sock_call_err(vm, s, true, &mut check)? {
        Ok(()) => 0,
        Err(e) => e,
    })
}

fn connect(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = one(vm, "connect", args, kwnames)?;
    let s = sock(this);
    let addr = sockaddr_arg(vm, s.family.get(), a, "connect")?;
    match internal_connect(vm, s, &addr)? {
        0 => Ok(none()),
        e => Err(super::errno_error(e)),
    }
}

fn connect_ex(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = one(vm, "connect_ex", args, kwnames)?;
    let s = sock(this);
    let addr = sockaddr_arg(vm, s.family.get(), a, "connect_ex")?;
    let e = internal_connect(vm, s, &addr)?;
    Ok(new_int(i64::from(e)))
}

fn detach(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "detach", args, kwnames)?;
    Ok(new_int(i64::from(sock(this).fd.replace(-1))))
}

fn fileno(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "fileno", args, kwnames)?;
    Ok(new_int(i64::from(sock(this).fd.get())))
}

fn getblocking(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "getblocking", args, kwnames)?;
    Ok(bool_value(sock(this).timeout.get() != 0))
}

fn getpeername(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "getpeername", args, kwnames)?;
    let a = ffi::getpeername(sock(this).fd.get()).map_err(super::errno_error)?;
    sockaddr_value(vm, &a)
}

fn getsockname(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "getsockname", args, kwnames)?;
    let a = ffi::getsockname(sock(this).fd.get()).map_err(super::errno_error)?;
    sockaddr_value(vm, &a)
}

/// `getsockopt(level, option[, buflen])`: an int, or `buflen` bytes.
fn getsockopt(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = varargs(vm, "getsockopt", args, kwnames, 2, 3)?;
    let level = c_int(vm, &a[0])?;
    let name = c_int(vm, &a[1])?;
    let buflen = match a.get(2) {
        Some(b) => c_int(vm, b)?,
        None => 0,
    };
    let fd = sock(this).fd.get();
    if buflen == 0 {
        let b = ffi::getsockopt(fd, level, name, 4).map_err(super::errno_error)?;
        let mut w = [0u8; 4];
        w[..b.len().min(4)].copy_from_slice(&b[..b.len().min(4)]);
        return Ok(new_int(i64::from(i32::from_ne_bytes(w))));
    }
    if !(1..=1024).contains(&buflen) {
        return Err(super::addr::plain_os_error(vm, "getsockopt buflen out of range"));
    }
    let b = ffi::getsockopt(fd, level, name, buflen as usize).map_err(super::errno_error)?;
    Ok(new_bytes(b))
}

fn gettimeout(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "gettimeout", args, kwnames)?;
    Ok(timeout_value(sock(this).timeout.get()))
}

/// `listen([backlog])`: the default is min(SOMAXCONN, 128).
fn listen(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = varargs(vm, "listen", args, kwnames, 0, 1)?;
    let backlog = match a.first() {
        Some(b) => c_int(vm, b)?.max(0),
        None => libc::SOMAXCONN.min(128),
    };
    ffi::listen(sock(this).fd.get(), backlog).map_err(super::errno_error)?;
    Ok(none())
}

fn recv_size(vm: &mut Vm, v: &Value, name: &str) -> PyResult<usize> {
    let n = crate::builtins::posix::ssize(vm, v)?;
    if n < 0 {
        return Err(vm.value_error(format!("negative buffersize in {name}")));
    }
    Ok(n as usize)
}

fn recv(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = varargs(vm, "recv", args, kwnames, 1, 2)?;
    let n = recv_size(vm, &a[0], "recv")?;
    let flags = match a.get(1) {
        Some(f) => c_int(vm, f)?,
        None => 0,
    };
    let mut buf = vec![0u8; n];
    let got = sock_call(vm, sock(this), false, |fd| ffi::recv(fd, &mut buf, flags))?;
    buf.truncate(got);
    Ok(new_bytes(buf))
}

/// The length of a writable buffer argument (`recv_into`'s "w*").
fn writable_len(vm: &mut Vm, b: &Value, name: &str) -> PyResult<usize> {
    let writable = crate::builtins::memoryview::is_writable_buffer(b);
    if !writable {
        let msg = format!("{name}() argument 1 must be read-write bytes-like object, not {}", vm.type_of(b).name());
        return Err(vm.type_error(msg));
    }
    crate::ops::len(vm, b)
}

/// Copy `data` to the start of the writable buffer `b`.
fn fill(vm: &mut Vm, b: &Value, data: &[u8]) -> PyResult<()> {
    if let Some(a) = as_bytearray(b) {
        let mut bytes = crate::builtins::bytes::bytes_mut(vm, a)?;
        bytes[..data.len()].copy_from_slice(data);
        return Ok(());
    }
    crate::builtins::memoryview::write_buffer(vm, b, 0, data)
}

/// The arguments `(buffer[, nbytes[, flags]])` of the `*_into` methods.
fn into_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<(Value, usize, i32)> {
    let [buffer, nbytes, flags] = bind(vm, name, args, kwnames, ["buffer", "nbytes", "flags"], 3, 1)?;
    let buffer = buffer.expect("required");
    let len = writable_len(vm, &buffer, name)?;
    let n = match nbytes {
        Some(n) => {
            let n = crate::builtins::posix::ssize(vm, &n)?;
            if n < 0 {
                return Err(vm.value_error(format!("negative buffersize in {name}")));
            }
            n as usize
        }
        None => 0,
    };
    if n > len {
        return Err(vm.value_error("buffer too small for requested bytes"));
    }
    let n = if n == 0 { len } else { n };
    let flags = match flags {
        Some(f) => c_int(vm, &f)?,
        None => 0,
    };
    Ok((buffer, n, flags))
}

fn recv_into(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (buffer, n, flags) = into_args(vm, "recv_into", args, kwnames)?;
    let mut buf = vec![0u8; n];
    let got = sock_call(vm, sock(this), false, |fd| ffi::recv(fd, &mut buf, flags))?;
    fill(vm, &buffer, &buf[..got])?;
    Ok(new_int(got as i64))
}

/// An address the kernel filled, or None when it gave none.
fn maybe_addr(vm: &mut Vm, a: &ffi::SockAddr) -> PyResult<Value> {
    if a.len == 0 {
        Ok(none())
    } else {
        sockaddr_value(vm, a)
    }
}

fn recvfrom(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = varargs(vm, "recvfrom", args, kwnames, 1, 2)?;
    let n = recv_size(vm, &a[0], "recvfrom")?;
    let flags = match a.get(1) {
        Some(f) => c_int(vm, f)?,
        None => 0,
    };
    let mut buf = vec![0u8; n];
    let (got, addr) = sock_call(vm, sock(this), false, |fd| ffi::recvfrom(fd, &mut buf, flags))?;
    buf.truncate(got);
    let addr = maybe_addr(vm, &addr)?;
    Ok(new_tuple(vec![new_bytes(buf), addr]))
}

fn recvfrom_into(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (buffer, n, flags) = into_args(vm, "recvfrom_into", args, kwnames)?;
    let mut buf = vec![0u8; n];
    let (got, addr) = sock_call(vm, sock(this), false, |fd| ffi::recvfrom(fd, &mut buf, flags))?;
    fill(vm, &buffer, &buf[..got])?;
    let addr = maybe_addr(vm, &addr)?;
    Ok(new_tuple(vec![new_int(got as i64), addr]))
}

fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    Ok(crate::builtins::bytes::buffer_arg(vm, v)?.to_vec())
}

fn send(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = varargs(vm, "send", args, kwnames, 1, 2)?;
    let data = data_arg(vm, &a[0])?;
    let flags = match a.get(1) {
        Some(f) => c_int(vm, f)?,
        None => 0,
    };
    let n = sock_call(vm, sock(this), true, |fd| ffi::send(fd, &data, flags))?;
    Ok(new_int(n as i64))
}

/// `sendall(data[, flags])`: send until all is sent; the timeout bounds
/// the whole call.
fn sendall(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = varargs(vm, "sendall", args, kwnames, 1, 2)?;
    let data = data_arg(vm, &a[0])?;
    let flags = match a.get(1) {
        Some(f) => c_int(vm, f)?,
        None => 0,
    };
    let s = sock(this);
    let timeout = s.timeout.get();
    let deadline = super::monotonic_ns() + timeout.max(0);
    let mut sent = 0;
    while sent < data.len() {
        if timeout > 0 {
            let left = deadline - super::monotonic_ns();
            if left <= 0 || !wait_for(vm, s, true, left)? {
                return Err(timed_out(vm));
            }
        }
        match ffi::send(s.fd.get(), &data[sent..], flags) {
            Ok(n) => sent += n,
            Err(libc::EINTR) => crate::builtins::signal::check_signals(vm)?,
            Err(e) if timeout > 0 && (e == libc::EAGAIN || e == libc::EWOULDBLOCK) => {}
            Err(e) => return Err(super::errno_error(e)),
        }
    }
    Ok(none())
}

/// `sendto(data[, flags], address)`.
fn sendto(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("socket.sendto() takes no keyword arguments"));
    }
    let (data, flags, address) = match args {
        [d, a] => (d, None, a),
        [d, f, a] => (d, Some(f), a),
        _ => return Err(vm.type_error(format!("sendto() takes 2 or 3 arguments ({} given)", args.len()))),
    };
    let data = data_arg(vm, data)?;
    let flags = match flags {
        Some(f) => c_int(vm, f)?,
        None => 0,
    };
    let s = sock(this);
    let addr = sockaddr_arg(vm, s.family.get(), address, "sendto")?;
    let n = sock_call(vm, s, true, |fd| ffi::sendto(fd, &data, flags, &addr))?;
    Ok(new_int(n as i64))
}

fn setblocking(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = one(vm, "setblocking", args, kwnames)?;
    let blocking = crate::ops::truthy(vm, a)?;
    let s = sock(this);
    s.timeout.set(if blocking { -1 } else { 0 });
    set_blocking_fd(s, blocking)?;
    Ok(none())
}

/// `setsockopt(level, option, value)` with an int or bytes-like value, or
/// `setsockopt(level, option, None, optlen)`.
fn setsockopt(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error("socket.setsockopt() takes no keyword arguments"));
    }
    let fd = sock(this).fd.get();
    match args {
        [level, name, value] => {
            let (level, name) = (c_int(vm, level)?, c_int(vm, name)?);
            let bytes = if crate::builtins::int::int_of(value).is_some() {
                c_int(vm, value)?.to_ne_bytes().to_vec()
            } else {
                match as_buffer(value) {
                    Some(b) => b.to_vec(),
                    None => {
                        let msg = format!("a bytes-like object is required, not '{}'", vm.type_of(value).name());
                        return Err(vm.type_error(msg));
                    }
                }
            };
            ffi::setsockopt(fd, level, name, &bytes).map_err(super::errno_error)?;
        }
        [level, name, value, optlen] if is_none(value) => {
            let (level, name) = (c_int(vm, level)?, c_int(vm, name)?);
            let len = crate::builtins::posix::int_in(vm, optlen, 0, i64::from(u32::MAX), "Python int too large to convert to C unsigned long")?;
            ffi::setsockopt_null(fd, level, name, len as u32).map_err(super::errno_error)?;
        }
        [_, _, value, _] => {
            let msg = format!("setsockopt() argument 3 must be NoneType, not {}", vm.type_of(value).name());
            return Err(vm.type_error(msg));
        }
        _ => return Err(vm.type_error(format!("setsockopt() takes exactly 3 arguments ({} given)", args.len()))),
    }
    Ok(none())
}

fn settimeout(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = one(vm, "settimeout", args, kwnames)?;
    let t = super::timeout_arg(vm, a)?;
    let s = sock(this);
    s.timeout.set(t);
    set_blocking_fd(s, t < 0)?;
    Ok(none())
}

fn shutdown(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = one(vm, "shutdown", args, kwnames)?;
    let how = c_int(vm, a)?;
    ffi::shutdown(sock(this).fd.get(), how).map_err(super::errno_error)?;
    Ok(none())
}
