//! The `_socket` module (CPython's `Modules/socketmodule.c`), under
//! CPython's own `socket.py`: the socket type (`sock.rs`), addresses
//! (`addr.rs`), the resolver and the byte-order and address-text helpers.
//!
//! Invariants:
//! - Every C library call is in `ffi.rs`, the module's one file with
//!   `unsafe`; a failure becomes the OSError subclass its errno picks
//!   (`posix::errno_error`), a resolver failure `socket.gaierror(code,
//!   gai_strerror(code))`.
//! - `error` is OSError and `timeout` TimeoutError (3.10+); `gaierror` and
//!   `herror` are OSError subclasses made with the module (`__module__`
//!   'socket'), kept per thread for raising.
//! - The default timeout (`setdefaulttimeout`) is per interpreter
//!   (thread-local), in nanoseconds, -1 for None.
//!
//! PROVISIONAL: no sendmsg/recvmsg, sendfile, if_nameindex, sethostname,
//! CAN/TIPC/ALG/VSOCK families; IDNA host names go through the `idna`
//! codec.

mod addr;
mod constants;
pub(crate) mod ffi;
mod sock;

use std::cell::{Cell, RefCell};

use crate::builtins::bytes::{as_buffer, as_bytes, new_bytes};
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::function::new_module;
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::itertools::bind;
use crate::builtins::list::new_list;
use crate::builtins::singletons::{bool_value, is_none, none};
use crate::builtins::str::{as_str_data, intern, new_str};
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::types::{type_value, CallFn, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub use sock::builtin_base;
use sock::SOCKET_TYPE;

thread_local! {
    /// `socket.gaierror` and `socket.herror`, made with the module.
    static GAIERROR: RefCell<Value> = const { RefCell::new(Value::NULL) };
    static HERROR: RefCell<Value> = const { RefCell::new(Value::NULL) };
    /// `setdefaulttimeout`'s value in nanoseconds, -1 for None.
    static DEFAULT_TIMEOUT: Cell<i64> = const { Cell::new(-1) };
}

pub(crate) fn default_timeout() -> i64 {
    DEFAULT_TIMEOUT.with(Cell::get)
}

/// The OSError for `errno`.
pub(crate) fn errno_error(errno: i32) -> PyErr {
    crate::builtins::posix::errno_error(errno, None, None)
}

/// An instance of the class in `cell` made with `args`.
fn raise_class(vm: &mut Vm, cell: &'static std::thread::LocalKey<RefCell<Value>>, args: &[Value]) -> PyErr {
    let cls = cell.with(|c| c.borrow().clone());
    match crate::eval::call(vm, &cls, args, &[]) {
        Ok(exc) => PyErr { exception: exc },
        Err(e) => e,
    }
}

/// `socket.gaierror(code, message)` for a resolver failure.
pub(crate) fn gai_error(vm: &mut Vm, e: ffi::GaiError) -> PyErr {
    match e {
        ffi::GaiError::System(errno) => errno_error(errno),
        ffi::GaiError::Gai(code) => {
            let msg = ffi::gai_strerror(code);
            raise_class(vm, &GAIERROR, &[new_int(i64::from(code)), new_str(&msg)])
        }
    }
}

/// A clock for timeouts, in nanoseconds.
pub(crate) fn monotonic_ns() -> i64 {
    static ORIGIN: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    ORIGIN.get_or_init(std::time::Instant::now).elapsed().as_nanos() as i64
}

/// A timeout argument (`socket_parse_timeout`): None is -1, else
/// non-negative seconds as nanoseconds, rounded up.
pub(crate) fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if is_none(v) {
        return Ok(-1);
    }
    let too_large = "timestamp too large to convert to C _PyTime_t";
    let ns = if let Some(x) = crate::builtins::float::float_of(v) {
        if x.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let ns = (x * 1e9).ceil();
        if !(-9.2e18..9.2e18).contains(&ns) {
            return Err(vm.overflow_error(too_large));
        }
        ns as i64
    } else {
        let s = crate::builtins::posix::int_in(vm, v, i64::MIN, i64::MAX, too_large)?;
        s.checked_mul(1_000_000_000).ok_or_else(|| vm.overflow_error(too_large))?
    };
    if ns < 0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    Ok(ns)
}

const FUNCTIONS: &[(&str, CallFn)] = &[
    ("close", close),
    ("dup", dup),
    ("getaddrinfo", getaddrinfo),
    ("getdefaulttimeout", getdefaulttimeout),
    ("gethostbyaddr", gethostbyaddr),
    ("gethostbyname", gethostbyname),
    ("gethostbyname_ex", gethostbyname_ex),
    ("gethostname", gethostname),
    ("getnameinfo", getnameinfo),
    ("getprotobyname", getprotobyname),
    ("getservbyname", getservbyname),
    ("getservbyport", getservbyport),
    ("htonl", htonl),
    ("htons", htons),
    ("inet_aton", inet_aton),
    ("inet_ntoa", inet_ntoa),
    ("inet_ntop", inet_ntop),
    ("inet_pton", inet_pton),
    ("ntohl", htonl),
    ("ntohs", ntohs),
    ("setdefaulttimeout", setdefaulttimeout),
    ("socketpair", socketpair),
];

/// The `_socket` module.
pub fn new_socket_module(vm: &mut Vm) -> PyResult<Value> {
    let d = crate::builtins::function::native_module_dict(vm, "_socket", DOC, FUNCTIONS)?;
    let dd = as_dict(&d).expect("a dict");
    for (name, value) in constants::CONSTANTS {
        dd.set(vm, new_str(name), new_int(*value))?;
    }
    dd.set(vm, new_str("socket"), type_value(&SOCKET_TYPE))?;
    dd.set(vm, new_str("SocketType"), type_value(&SOCKET_TYPE))?;
    dd.set(vm, new_str("has_ipv6"), bool_value(true))?;
    let os_error = type_value(&crate::builtins::exceptions::OS_ERROR);
    dd.set(vm, new_str("error"), os_error.clone())?;
    dd.set(vm, new_str("timeout"), type_value(&crate::builtins::exceptions::TIMEOUT_ERROR))?;
    for (name, cell) in [("herror", &HERROR), ("gaierror", &GAIERROR)] {
        let ns = new_dict();
        as_dict(&ns).expect("a dict").set(vm, intern("__module__"), new_str("socket"))?;
        let cls = crate::builtins::classes::new_class(vm, &TYPE_TYPE, name, std::slice::from_ref(&os_error), &ns, &[])?;
        cell.with(|c| *c.borrow_mut() = cls.clone());
        dd.set(vm, new_str(name), cls)?;
    }
    Ok(new_module("_socket", d))
}

const DOC: &str = "Implementation module for socket operations.\n\nSee the socket module for documentation.";

// ----- argument conventions -------------------------------------------------------

fn noargs(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    crate::builtins::posix::no_args(vm, name, args, kwnames)
}

fn one<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    crate::builtins::posix::one_arg(vm, name, args, kwnames)
}

/// `PyArg_ParseTuple`'s count check for a function `name` taking
/// `min..=max` arguments.
fn varargs<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value], min: usize, max: usize) -> PyResult<&'a [Value]> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
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

fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    Ok(crate::builtins::posix::format_i(vm, v)? as i32)
}

/// A `str` argument ("s" format), as bytes.
fn str_arg(vm: &mut Vm, fname: &str, pos: usize, v: &Value) -> PyResult<Vec<u8>> {
    match as_str_data(v) {
        Some(s) => Ok(s.bytes().to_vec()),
        None => Err(vm.type_error(format!("{fname}() argument {pos} must be str, not {}", vm.type_of(v).name()))),
    }
}

fn c_str(vm: &mut Vm, bytes: &[u8]) -> PyResult<std::ffi::CString> {
    ffi::c_string(bytes).ok_or_else(|| vm.value_error("embedded null character"))
}

// ----- sockets and descriptors -----------------------------------------------------

/// `socketpair([family[, type[, proto]]])`.
fn socketpair(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = varargs(vm, "socketpair", args, kwnames, 0, 3)?;
    let family = match a.first() {
        Some(v) => c_int(vm, v)?,
        None => libc::AF_UNIX,
    };
    let ty = match a.get(1) {
        Some(v) => c_int(vm, v)?,
        None => libc::SOCK_STREAM,
    };
    let proto = match a.get(2) {
        Some(v) => c_int(vm, v)?,
        None => 0,
    };
    let (x, y) = ffi::socketpair(family, ty, proto).map_err(errno_error)?;
    let clean = ty & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    let first = sock::new_socket(vm, x, family, clean, proto);
    let second = sock::new_socket(vm, y, family, clean, proto);
    Ok(new_tuple(vec![first?, second?]))
}

fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    crate::builtins::posix::c_int(vm, v)
}

/// `dup(fd)`: a non-inheritable duplicate.
fn dup(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let fd = one(vm, "dup", args, kwnames)?;
    let fd = fd_arg(vm, fd)?;
    Ok(new_int(i64::from(ffi::dup_cloexec(fd).map_err(errno_error)?)))
}

/// `close(fd)`: ECONNRESET is not an error.
fn close(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let fd = one(vm, "close", args, kwnames)?;
    let fd = fd_arg(vm, fd)?;
    match ffi::close(fd) {
        Ok(()) | Err(libc::ECONNRESET) => Ok(none()),
        Err(e) => Err(errno_error(e)),
    }
}

fn getdefaulttimeout(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    noargs(vm, "getdefaulttimeout", args, kwnames)?;
    let t = default_timeout();
    Ok(if t < 0 { none() } else { Value::float(t as f64 / 1e9) })
}

fn setdefaulttimeout(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, "setdefaulttimeout", args, kwnames)?;
    let t = timeout_arg(vm, v)?;
    DEFAULT_TIMEOUT.with(|d| d.set(t));
    Ok(none())
}

// ----- names and addresses ------------------------------------------------------------

fn gethostname(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    noargs(vm, "gethostname", args, kwnames)?;
    let name = ffi::gethostname().map_err(errno_error)?;
    crate::builtins::posix::path::fs_decode(vm, &name)
}

/// A host-name argument ("et" with the idna encoding).
fn host_arg(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<Vec<u8>> {
    if as_str_data(v).is_none() && as_buffer(v).is_none() {
        let msg = format!("{fname}() argument 1 must be str, bytes or bytearray, not {}", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    }
    addr::host_bytes(vm, v)
}

/// The numeric text of an address the resolver gave.
fn address_text(a: &ffi::SockAddr) -> String {
    match a.decode() {
        ffi::Decoded::Inet(ip, _) => addr::ipv4_text(ip),
        ffi::Decoded::Inet6(ip, ..) => addr::ipv6_text(ip),
        _ => String::new(),
    }
}

fn gethostbyname(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, "gethostbyname", args, kwnames)?;
    let name = host_arg(vm, "gethostbyname", v)?;
    let a = addr::resolve(vm, &name, libc::AF_INET)?;
    Ok(new_str(&address_text(&a)))
}

/// `gethostbyname_ex(name)`: `(name, aliases, addresses)` for IPv4.
fn gethostbyname_ex(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, "gethostbyname_ex", args, kwnames)?;
    let name = host_arg(vm, "gethostbyname_ex", v)?;
    let c = c_str(vm, &name)?;
    let infos = ffi::getaddrinfo(Some(&c), None, libc::AF_INET, libc::SOCK_STREAM, 0, libc::AI_CANONNAME)
        .map_err(|e| gai_error(vm, e))?;
    let canon = infos.iter().find_map(|i| i.canonname.clone()).unwrap_or(name);
    let mut addresses: Vec<String> = Vec::new();
    for info in &infos {
        let text = address_text(&info.addr);
        if !addresses.contains(&text) {
            addresses.push(text);
        }
    }
    let canon = crate::builtins::posix::path::fs_decode(vm, &canon)?;
    let addresses = addresses.iter().map(|a| new_str(a)).collect();
    Ok(new_tuple(vec![canon, new_list(Vec::new()), new_list(addresses)]))
}

/// `gethostbyaddr(ip)`: `(name, aliases, addresses)`.
fn gethostbyaddr(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, "gethostbyaddr", args, kwnames)?;
    let name = host_arg(vm, "gethostbyaddr", v)?;
    let a = addr::resolve(vm, &name, libc::AF_UNSPEC)?;
    let (host, _) = match ffi::getnameinfo(&a, libc::NI_NAMEREQD) {
        Ok(r) => r,
        Err(_) => return Err(raise_class(vm, &HERROR, &[new_int(1), new_str("Unknown host")])),
    };
    let host = crate::builtins::posix::path::fs_decode(vm, &host)?;
    Ok(new_tuple(vec![host, new_list(Vec::new()), new_list(vec![new_str(&address_text(&a))])]))
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`: a list
/// of `(family, type, proto, canonname, sockaddr)`.
fn getaddrinfo(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["host", "port", "family", "type", "proto", "flags"];
    let [host, port, family, ty, proto, flags] = bind(vm, "getaddrinfo", args, kwnames, names, 6, 0)?;
    let Some(host) = host else {
        return Err(vm.type_error("getaddrinfo() missing required argument 'host' (pos 1)"));
    };
    let Some(port) = port else {
        return Err(vm.type_error("getaddrinfo() missing required argument 'port' (pos 2)"));
    };
    let host = if is_none(&host) {
        None
    } else if as_str_data(&host).is_some() || as_bytes(&host).is_some() {
        Some(addr::host_bytes(vm, &host)?)
    } else {
        return Err(vm.type_error("getaddrinfo() argument 1 must be string or None"));
    };
    let port = if is_none(&port) {
        None
    } else if let Some(i) = int_of(&port) {
        Some(match i {
            Int::Small(n) => n.to_string(),
            Int::Big(b) => b.to_string(),
        }
        .into_bytes())
    } else if let Some(s) = as_str_data(&port) {
        Some(s.bytes().to_vec())
    } else if let Some(b) = as_bytes(&port) {
        Some(b.to_vec())
    } else {
        return Err(addr::plain_os_error(vm, "Int or String expected"));
    };
    let mut ints = [0i32; 4];
    for (slot, v) in ints.iter_mut().zip([family, ty, proto, flags]) {
        if let Some(v) = v {
            *slot = c_int(vm, &v)?;
        }
    }
    let host = match host {
        Some(h) => Some(c_str(vm, &h)?),
        None => None,
    };
    let port = match port {
        Some(p) => Some(c_str(vm, &p)?),
        None => None,
    };
    let infos = ffi::getaddrinfo(host.as_deref(), port.as_deref(), ints[0], ints[1], ints[2], ints[3]).map_err(|e| gai_error(vm, e))?;
    let mut out = Vec::with_capacity(infos.len());
    for info in infos {
        let canon = match info.canonname {
            Some(c) => crate::builtins::posix::path::fs_decode(vm, &c)?,
            None => new_str(""),
        };
        let sockaddr = addr::sockaddr_value(vm, &info.addr)?;
        out.push(new_tuple(vec![
            new_int(i64::from(info.family)),
            new_int(i64::from(info.socktype)),
            new_int(i64::from(info.protocol)),
            canon,
            sockaddr,
        ]));
    }
    Ok(new_list(out))
}

/// `getnameinfo(sockaddr, flags)`: `(host, port)`.
fn getnameinfo(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = varargs(vm, "getnameinfo", args, kwnames, 2, 2)?;
    let Some(t) = as_tuple(&a[0]) else {
        return Err(vm.type_error("getnameinfo() argument 1 must be a tuple"));
    };
    let items = t.items.clone();
    if !(2..=4).contains(&items.len()) || as_str_data(&items[0]).is_none() {
        return Err(vm.type_error("getnameinfo(): illegal sockaddr argument"));
    }
    let flags = c_int(vm, &a[1])?;
    let host = as_str_data(&items[0]).map(|s| s.bytes().to_vec()).unwrap_or_default();
    let port = c_int(vm, &items[1])?;
    let flowinfo = match items.get(2) {
        Some(v) => c_int(vm, v)? as u32,
        None => 0,
    };
    if flowinfo > 0xfffff {
        return Err(vm.overflow_error("getnameinfo(): flowinfo must be 0-1048575."));
    }
    let scope_id = match items.get(3) {
        Some(v) => c_int(vm, v)? as u32,
        None => 0,
    };
    let c_host = c_str(vm, &host)?;
    let c_port = c_str(vm, port.to_string().as_bytes())?;
    let infos = ffi::getaddrinfo(Some(&c_host), Some(&c_port), libc::AF_UNSPEC, libc::SOCK_DGRAM, 0, libc::AI_NUMERICHOST)
        .map_err(|e| gai_error(vm, e))?;
    if infos.len() > 1 {
        return Err(addr::plain_os_error(vm, "sockaddr resolved to multiple addresses"));
    }
    let Some(info) = infos.into_iter().next() else {
        return Err(addr::plain_os_error(vm, "sockaddr resolved to multiple addresses"));
    };
    let sa = match info.addr.decode() {
        ffi::Decoded::Inet(..) if items.len() != 2 => return Err(addr::plain_os_error(vm, "IPv4 sockaddr must be 2 tuple")),
        ffi::Decoded::Inet6(ip, p, _, _) => ffi::SockAddr::inet6(ip, p, flowinfo, scope_id),
        _ => info.addr,
    };
    let (h, s) = ffi::getnameinfo(&sa, flags).map_err(|e| gai_error(vm, e))?;
    let h = crate::builtins::posix::path::fs_decode(vm, &h)?;
    let s = crate::builtins::posix::path::fs_decode(vm, &s)?;
    Ok(new_tuple(vec![h, s]))
}

/// An optional protocol-name argument.
fn proto_arg(vm: &mut Vm, fname: &str, v: Option<&Value>) -> PyResult<Option<std::ffi::CString>> {
    match v {
        Some(p) => {
            let b = str_arg(vm, fname, 2, p)?;
            Ok(Some(c_str(vm, &b)?))
        }
        None => Ok(None),
    }
}

fn getservbyname(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = varargs(vm, "getservbyname", args, kwnames, 1, 2)?;
    let name = str_arg(vm, "getservbyname", 1, &a[0])?;
    let name = c_str(vm, &name)?;
    let proto = proto_arg(vm, "getservbyname", a.get(1))?;
    match ffi::getservbyname(&name, proto.as_deref()) {
        Some(port) => Ok(new_int(i64::from(port))),
        None => Err(addr::plain_os_error(vm, "service/proto not found")),
    }
}

fn getservbyport(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = varargs(vm, "getservbyport", args, kwnames, 1, 2)?;
    let port = c_int(vm, &a[0])?;
    if !(0..=0xffff).contains(&port) {
        return Err(vm.overflow_error("getservbyport: port must be 0-65535."));
    }
    let proto = proto_arg(vm, "getservbyport", a.get(1))?;
    match ffi::getservbyport(port as u16, proto.as_deref()) {
        Some(name) => crate::builtins::posix::path::fs_decode(vm, &name),
        None => Err(addr::plain_os_error(vm, "port/proto not found")),
    }
}

fn getprotobyname(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, "getprotobyname", args, kwnames)?;
    let name = str_arg(vm, "getprotobyname", 1, v)?;
    let name = c_str(vm, &name)?;
    match ffi::getprotobyname(&name) {
        Some(p) => Ok(new_int(i64::from(p))),
        None => Err(addr::plain_os_error(vm, "protocol not found")),
    }
}

// ----- byte order and address text ----------------------------------------------------

/// The 16-bit argument of `htons`/`ntohs`.
fn u16_arg(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<u16> {
    let v = one(vm, name, args, kwnames)?;
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    match int_of(&i) {
        Some(Int::Small(n)) if (0..=0xffff).contains(&n) => Ok(n as u16),
        Some(i) if i.is_negative() => Err(vm.overflow_error(format!("{name}: can't convert negative Python int to C 16-bit unsigned integer"))),
        _ => Err(vm.overflow_error(format!("{name}: Python int too large to convert to C 16-bit unsigned integer"))),
    }
}

fn htons(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    Ok(new_int(i64::from(u16_arg(vm, "htons", args, kwnames)?.swap_bytes())))
}

fn ntohs(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    Ok(new_int(i64::from(u16_arg(vm, "ntohs", args, kwnames)?.swap_bytes())))
}

/// `htonl(x)` and `ntohl(x)`: the same swap on a little-endian machine.
fn htonl(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, "htonl", args, kwnames)?;
    let n = match int_of(v) {
        Some(Int::Small(n)) if n < 0 => return Err(vm.overflow_error("can't convert negative value to unsigned int")),
        Some(Int::Small(n)) => n as u64,
        Some(i @ Int::Big(_)) if i.is_negative() => return Err(vm.overflow_error("can't convert negative value to unsigned int")),
        Some(Int::Big(_)) => return Err(vm.overflow_error("Python int too large to convert to C unsigned long")),
        None => return Err(vm.type_error(format!("expected int, {} found", vm.type_of(v).name()))),
    };
    if n > u64::from(u32::MAX) {
        return Err(vm.overflow_error("int larger than 32 bits"));
    }
    Ok(new_int(i64::from((n as u32).swap_bytes())))
}

fn inet_aton(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, "inet_aton", args, kwnames)?;
    let text = str_arg(vm, "inet_aton", 1, v)?;
    let c = c_str(vm, &text)?;
    match ffi::inet_aton(&c) {
        Some(b) => Ok(new_bytes(b.to_vec())),
        None => Err(addr::plain_os_error(vm, "illegal IP address string passed to inet_aton")),
    }
}

fn inet_ntoa(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let v = one(vm, "inet_ntoa", args, kwnames)?;
    let b = crate::builtins::bytes::buffer_arg(vm, v)?.to_vec();
    let Ok(ip) = <[u8; 4]>::try_from(b.as_slice()) else {
        return Err(addr::plain_os_error(vm, "packed IP wrong length for inet_ntoa"));
    };
    Ok(new_str(&addr::ipv4_text(ip)))
}

fn inet_pton(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = varargs(vm, "inet_pton", args, kwnames, 2, 2)?;
    let family = c_int(vm, &a[0])?;
    let text = str_arg(vm, "inet_pton", 2, &a[1])?;
    let c = c_str(vm, &text)?;
    match ffi::inet_pton(family, &c) {
        Ok(Some(b)) => Ok(new_bytes(b)),
        Ok(None) => Err(addr::plain_os_error(vm, "illegal IP address string passed to inet_pton")),
        Err(e) => Err(errno_error(e)),
    }
}

fn inet_ntop(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = varargs(vm, "inet_ntop", args, kwnames, 2, 2)?;
    let family = c_int(vm, &a[0])?;
    let b = crate::builtins::bytes::buffer_arg(vm, &a[1])?.to_vec();
    let text = match family {
        libc::AF_INET => match <[u8; 4]>::try_from(b.as_slice()) {
            Ok(ip) => addr::ipv4_text(ip),
            Err(_) => return Err(vm.value_error("invalid length of packed IP address string")),
        },
        libc::AF_INET6 => match <[u8; 16]>::try_from(b.as_slice()) {
            Ok(ip) => addr::ipv6_text(ip),
            Err(_) => return Err(vm.value_error("invalid length of packed IP address string")),
        },
        _ => return Err(vm.value_error(format!("unknown address family {family}"))),
    };
    Ok(new_str(&text))
}
