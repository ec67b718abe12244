//! Socket addresses between Python and the C library: CPython's
//! `getsockaddrarg` (a Python address to a `SockAddr`, with its messages)
//! and `makesockaddr` (back to a tuple, str or bytes).
//!
//! Invariants:
//! - AF_INET is `(host, port)`, AF_INET6 `(host, port[, flowinfo[,
//!   scope_id]])` (four items when made), AF_UNIX a str (file-system
//!   encoded) or bytes (Linux's abstract names, leading NUL).
//! - A host name is resolved as `setipaddr` does: `''` is the wildcard,
//!   `'<broadcast>'` the broadcast address, numeric addresses are parsed
//!   without the resolver, anything else goes through `getaddrinfo`
//!   (failing with `socket.gaierror`).

use crate::builtins::bytes::{as_buffer, as_bytearray, as_bytes, new_bytes};
use crate::builtins::int::new_int;
use crate::builtins::str::{as_str_data, new_str};
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::ffi::{self, Decoded, SockAddr};

/// A host argument as bytes (`idna_converter`): ASCII str as is, other
/// str through the `idna` codec, bytes and bytearray as they are.
pub fn host_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = as_str_data(v) {
        if s.bytes().is_ascii() {
            return Ok(s.bytes().to_vec());
        }
        let encode = crate::ops::getattr(vm, v, &new_str("encode"))?;
        let encoded = crate::eval::call(vm, &encode, &[new_str("idna")], &[])?;
        return Ok(as_bytes(&encoded).map(<[u8]>::to_vec).unwrap_or_default());
    }
    if let Some(b) = as_bytes(v) {
        return Ok(b.to_vec());
    }
    if as_bytearray(v).is_some() {
        if let Some(b) = as_buffer(v) {
            return Ok(b.to_vec());
        }
    }
    let msg = format!("str, bytes or bytearray expected, not {}", vm.type_of(v).name());
    Err(vm.type_error(msg))
}

/// `getsockaddrarg`: the address `v` for a socket of `family`, for the
/// method `caller` (named in some messages).
pub fn sockaddr_arg(vm: &mut Vm, family: i32, v: &Value, caller: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_UNIX => {
            let path = if as_str_data(v).is_some() {
                crate::builtins::posix::path::fs_encode(vm, v)?
            } else {
                match as_buffer(v) {
                    Some(b) => b.to_vec(),
                    None => {
                        let msg = format!("a bytes-like object is required, not '{}'", vm.type_of(v).name());
                        return Err(vm.type_error(msg));
                    }
                }
            };
            if path.len() > SockAddr::UNIX_PATH_MAX {
                return Err(plain_os_error(vm, "AF_UNIX path too long"));
            }
            Ok(SockAddr::unix(&path))
        }
        libc::AF_INET | libc::AF_INET6 => {
            let name = if family == libc::AF_INET { "AF_INET" } else { "AF_INET6" };
            let Some(t) = as_tuple(v) else {
                let msg = format!("{caller}(): {name} address must be tuple, not {}", vm.type_of(v).name());
                return Err(vm.type_error(msg));
            };
            let items = t.items.clone();
            let ok = if family == libc::AF_INET { items.len() == 2 } else { (2..=4).contains(&items.len()) };
            if !ok {
                let msg = if family == libc::AF_INET {
                    "AF_INET address must be a pair (host, port)"
                } else {
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
                };
                return Err(vm.type_error(msg));
            }
            let host = host_bytes(vm, &items[0])?;
            let port = crate::builtins::posix::format_i(vm, &items[1])?;
            if !(0..=0xffff).contains(&port) {
                return Err(vm.overflow_error(format!("{caller}(): port must be 0-65535.")));
            }
            let ip = resolve(vm, &host, family)?;
            if family == libc::AF_INET {
                let Decoded::Inet(ip, _) = ip.decode() else { return Err(plain_os_error(vm, "address family mismatched")) };
                return Ok(SockAddr::inet(ip, port as u16));
            }
            let flowinfo = match items.get(2) {
                Some(f) => unsigned_int(vm, f)?,
                None => 0,
            };
            if flowinfo > 0xfffff {
                return Err(vm.overflow_error(format!("{caller}(): flowinfo must be 0-1048575.")));
            }
            let scope_id = match items.get(3) {
                Some(s) => unsigned_int(vm, s)?,
                None => 0,
            };
            let Decoded::Inet6(ip, _, _, resolved_scope) = ip.decode() else {
                return Err(plain_os_error(vm, "address family mismatched"));
            };
            let scope_id = if items.len() < 4 { resolved_scope } else { scope_id };
            Ok(SockAddr::inet6(ip, port as u16, flowinfo, scope_id))
        }
        _ => Err(plain_os_error(vm, &format!("{caller}(): bad family"))),
    }
}

/// An unsigned C int argument (`PyArg_ParseTuple`'s "I").
fn unsigned_int(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let n = crate::builtins::posix::int_in(vm, v, i64::MIN, i64::MAX, "Python int too large to convert to C long")?;
    Ok(n as u32)
}

/// An OSError with only a message (`PyErr_SetString(PyExc_OSError, ...)`).
pub fn plain_os_error(vm: &mut Vm, msg: &str) -> crate::vm::PyErr {
    vm.error(&crate::builtins::exceptions::OS_ERROR, msg)
}

/// `setipaddr`: the address of host `name` for `family` (port 0).
pub fn resolve(vm: &mut Vm, name: &[u8], family: i32) -> PyResult<SockAddr> {
    if name.is_empty() {
        return Ok(if family == libc::AF_INET6 { SockAddr::inet6([0; 16], 0, 0, 0) } else { SockAddr::inet([0; 4], 0) });
    }
    if name == b"<broadcast>" || name == b"255.255.255.255" {
        if family != libc::AF_INET && family != libc::AF_UNSPEC {
            return Err(plain_os_error(vm, "address family mismatched"));
        }
        return Ok(SockAddr::inet([255; 4], 0));
    }
    let Some(c) = ffi::c_string(name) else {
        return Err(vm.type_error("host name must not contain null character"));
    };
    if family == libc::AF_INET || family == libc::AF_UNSPEC {
        if let Ok(Some(ip)) = ffi::inet_pton(libc::AF_INET, &c) {
            return Ok(SockAddr::inet([ip[0], ip[1], ip[2], ip[3]], 0));
        }
    }
    if family == libc::AF_INET6 || family == libc::AF_UNSPEC {
        if let Ok(Some(ip)) = ffi::inet_pton(libc::AF_INET6, &c) {
            let mut a = [0u8; 16];
            a.copy_from_slice(&ip);
            return Ok(SockAddr::inet6(a, 0, 0, 0));
        }
    }
    match ffi::getaddrinfo(Some(&c), None, family, 0, 0, 0) {
        Ok(infos) => match infos.into_iter().next() {
            Some(info) => Ok(info.addr),
            None => Err(plain_os_error(vm, "address family mismatched")),
        },
        Err(e) => Err(super::gai_error(vm, e)),
    }
}

/// The text of an IPv4 address.
pub fn ipv4_text(ip: [u8; 4]) -> String {
    std::net::Ipv4Addr::from(ip).to_string()
}

/// The text of an IPv6 address (RFC 5952's form, as glibc's `inet_ntop`).
pub fn ipv6_text(ip: [u8; 16]) -> String {
    std::net::Ipv6Addr::from(ip).to_string()
}

/// `makesockaddr`: the Python form of `a`.
pub fn sockaddr_value(vm: &mut Vm, a: &SockAddr) -> PyResult<Value> {
    Ok(match a.decode() {
        Decoded::Inet(ip, port) => new_tuple(vec![new_str(&ipv4_text(ip)), new_int(i64::from(port))]),
        Decoded::Inet6(ip, port, flow, scope) => {
            let mut host = ipv6_text(ip);
            // getnameinfo(NI_NUMERICHOST) names the scope of link-local addresses.
            if scope != 0 && ip[0] == 0xfe && ip[1] & 0xc0 == 0x80 {
                host = format!("{host}%{scope}");
            }
            new_tuple(vec![new_str(&host), new_int(i64::from(port)), new_int(i64::from(flow)), new_int(i64::from(scope))])
        }
        Decoded::Unix(path) => {
            if path.first() == Some(&0) {
                new_bytes(path)
            } else {
                let end = path.iter().position(|&b| b == 0).unwrap_or(path.len());
                crate::builtins::posix::path::fs_decode(vm, &path[..end])?
            }
        }
        Decoded::Other(family) => new_tuple(vec![new_int(i64::from(family)), new_bytes(Vec::new())]),
    })
}
