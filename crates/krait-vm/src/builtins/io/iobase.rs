//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and
//! `_TextIOBase` (CPython's `iobase.c`, `bufferedio.c`'s and
//! `textio.c`'s base classes): methods written in terms of other methods,
//! looked up on the object, so that classes defined in Python (io.py's,
//! socket's, the user's) get them by implementing a few primitives.
//!
//! Invariants: the closed test of these generic methods is the object's
//! `closed` attribute (a property of the concrete types), except `flush`
//! and `close` of `_IOBase` itself, which read the `_IOBase` flag, as
//! CPython's `iobase_is_closed`.

use super::{call_method, closed_error, io, io_type, positional, size_arg, unsupported, DEFAULT_BUFFER_SIZE};
use crate::builtins::bytes::{as_buffer, as_bytes, new_bytes};
use crate::builtins::list::new_list;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str_data, intern};
use crate::ops;
use crate::types::{GetSetDef, MethodDef, TypeObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub static IOBASE_TYPE: TypeObject = TypeObject {
    methods: &[
        MethodDef { name: "seek", func: |vm, _, _, _| Err(unsupported(vm, "seek")) },
        MethodDef { name: "tell", func: |vm, this, a, k| {
            positional(vm, "tell", a, k, 0, 0)?;
            call_method(vm, this, "seek", &[crate::builtins::int::new_int(0), crate::builtins::int::new_int(1)])
        } },
        MethodDef { name: "truncate", func: |vm, _, _, _| Err(unsupported(vm, "truncate")) },
        MethodDef { name: "flush", func: |vm, this, a, k| {
            positional(vm, "flush", a, k, 0, 0)?;
            if io(this).base_closed.get() {
                return Err(closed_error(vm));
            }
            Ok(none())
        } },
        MethodDef { name: "close", func: iobase_close },
        MethodDef { name: "seekable", func: |vm, _, _, _| Ok(vm.bool(false)) },
        MethodDef { name: "readable", func: |vm, _, _, _| Ok(vm.bool(false)) },
        MethodDef { name: "writable", func: |vm, _, _, _| Ok(vm.bool(false)) },
        MethodDef { name: "_checkClosed", func: |vm, this, _, _| {
            check_closed(vm, this)?;
            Ok(none())
        } },
        MethodDef { name: "_checkSeekable", func: |vm, this, _, _| {
            check_capability(vm, this, "seekable", "File or stream is not seekable.")?;
            Ok(vm.bool(true))
        } },
        MethodDef { name: "_checkReadable", func: |vm, this, _, _| {
            check_capability(vm, this, "readable", "File or stream is not readable.")?;
            Ok(vm.bool(true))
        } },
        MethodDef { name: "_checkWritable", func: |vm, this, _, _| {
            check_capability(vm, this, "writable", "File or stream is not writable.")?;
            Ok(vm.bool(true))
        } },
        MethodDef { name: "fileno", func: |vm, _, _, _| Err(unsupported(vm, "fileno")) },
        MethodDef { name: "isatty", func: |vm, this, a, k| {
            positional(vm, "isatty", a, k, 0, 0)?;
            check_closed(vm, this)?;
            Ok(vm.bool(false))
        } },
        MethodDef { name: "__enter__", func: |vm, this, a, k| {
            positional(vm, "__enter__", a, k, 0, 0)?;
            check_closed(vm, this)?;
            Ok(this.clone())
        } },
        MethodDef { name: "__exit__", func: |vm, this, _, _| call_method(vm, this, "close", &[]) },
        MethodDef { name: "__del__", func: iobase_del },
        MethodDef { name: "readline", func: iobase_readline },
        MethodDef { name: "readlines", func: iobase_readlines },
        MethodDef { name: "writelines", func: iobase_writelines },
    ],
    getsets: &[GetSetDef { name: "closed", get: |vm, this| Ok(vm.bool(io(this).base_closed.get())), set: None, member: false }],
    ..io_type("_io._IOBase", &crate::types::OBJECT_TYPE)
};

pub static RAW_IOBASE_TYPE: TypeObject = TypeObject {
    methods: &[
        MethodDef { name: "read", func: rawiobase_read },
        MethodDef { name: "readall", func: |vm, this, a, k| {
            positional(vm, "readall", a, k, 0, 0)?;
            rawiobase_readall(vm, this)
        } },
        MethodDef { name: "readinto", func: |vm, _, _, _| Err(vm.error(&crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR, "")) },
        MethodDef { name: "write", func: |vm, _, _, _| Err(vm.error(&crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR, "")) },
    ],
    ..io_type("_io._RawIOBase", &IOBASE_TYPE)
};

pub static BUFFERED_IOBASE_TYPE: TypeObject = TypeObject {
    methods: &[
        MethodDef { name: "detach", func: |vm, _, _, _| Err(unsupported(vm, "detach")) },
        MethodDef { name: "read", func: |vm, _, _, _| Err(unsupported(vm, "read")) },
        MethodDef { name: "read1", func: |vm, _, _, _| Err(unsupported(vm, "read1")) },
        MethodDef { name: "write", func: |vm, _, _, _| Err(unsupported(vm, "write")) },
        MethodDef { name: "readinto", func: |vm, this, a, k| {
            let a = positional(vm, "readinto", a, k, 1, 1)?;
            generic_readinto(vm, this, &a[0], "read")
        } },
        MethodDef { name: "readinto1", func: |vm, this, a, k| {
            let a = positional(vm, "readinto1", a, k, 1, 1)?;
            generic_readinto(vm, this, &a[0], "read1")
        } },
    ],
    ..io_type("_io._BufferedIOBase", &IOBASE_TYPE)
};

pub static TEXT_IOBASE_TYPE: TypeObject = TypeObject {
    methods: &[
        MethodDef { name: "detach", func: |vm, _, _, _| Err(unsupported(vm, "detach")) },
        MethodDef { name: "read", func: |vm, _, _, _| Err(unsupported(vm, "read")) },
        MethodDef { name: "readline", func: |vm, _, _, _| Err(unsupported(vm, "readline")) },
        MethodDef { name: "write", func: |vm, _, _, _| Err(unsupported(vm, "write")) },
    ],
    getsets: &[
        GetSetDef { name: "encoding", get: |_, _| Ok(none()), set: None, member: false },
        GetSetDef { name: "newlines", get: |_, _| Ok(none()), set: None, member: false },
        GetSetDef { name: "errors", get: |_, _| Ok(none()), set: None, member: false },
    ],
    ..io_type("_io._TextIOBase", &IOBASE_TYPE)
};

/// `_IOBase.close()`: flush, then set the flag (even if flush failed).
fn iobase_close(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    positional(vm, "close", args, kwnames, 0, 0)?;
    if io(this).base_closed.get() {
        return Ok(none());
    }
    let r = call_method(vm, this, "flush", &[]);
    io(this).base_closed.set(true);
    r.map(|_| none())
}

/// `__del__` (CPython's `iobase_finalize`): close an open object, its
/// errors silenced (as CPython outside development mode).
fn iobase_del(vm: &mut Vm, this: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    let closed = match ops::getattr(vm, this, &intern("closed")) {
        Ok(c) => ops::truthy(vm, &c).unwrap_or(true),
        Err(_) => true,
    };
    if !closed {
        let _ = call_method(vm, this, "close", &[]);
    }
    Ok(none())
}

/// ValueError if `this.closed` is true (CPython's `_PyIOBase_check_closed`).
pub(super) fn check_closed(vm: &mut Vm, this: &Value) -> PyResult<()> {
    let closed = ops::getattr(vm, this, &intern("closed"))?;
    if ops::truthy(vm, &closed)? {
        return Err(closed_error(vm));
    }
    Ok(())
}

/// UnsupportedOperation(msg) unless `this.<method>()` is True.
fn check_capability(vm: &mut Vm, this: &Value, method: &str, msg: &str) -> PyResult<()> {
    let r = call_method(vm, this, method, &[])?;
    if !r.is(&vm.bool(true)) {
        return Err(unsupported(vm, msg));
    }
    Ok(())
}

/// `iter(f)`: the object itself, if it is open.
pub(super) fn iobase_iter(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    check_closed(vm, this)?;
    Ok(this.clone())
}

/// `next(f)`: `f.readline()`, ending at an empty line.
pub(super) fn iobase_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    let line = call_method(vm, this, "readline", &[])?;
    Ok((ops::len(vm, &line)? > 0).then_some(line))
}

/// `_IOBase.readline(size=-1)`: bytes up to a newline, through `peek`
/// (when there is one) and `read`.
fn iobase_readline(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "readline", args, kwnames, 0, 1)?;
    let limit = size_arg(vm, a.first())?;
    let peek = ops::getattr_opt(vm, this, &intern("peek"))?;
    let mut res: Vec<u8> = Vec::new();
    while below(limit, res.len()) {
        let mut nreadahead = 1;
        if let Some(peek) = &peek {
            let ahead = crate::eval::call(vm, peek, &[crate::builtins::int::new_int(1)], &[])?;
            let Some(ahead) = as_bytes(&ahead).map(<[u8]>::to_vec) else {
                let msg = format!("peek() should have returned a bytes object, not '{}'", vm.type_of(&ahead).name());
                return Err(vm.error(&crate::builtins::exceptions::OS_ERROR, msg));
            };
            if !ahead.is_empty() {
                let mut n = 0;
                while n < ahead.len() && below(limit, n + res.len()) {
                    n += 1;
                    if ahead[n - 1] == b'\n' {
                        break;
                    }
                }
                nreadahead = n;
            }
        }
        let b = call_method(vm, this, "read", &[crate::builtins::int::new_int(nreadahead as i64)])?;
        let Some(b) = as_buffer(&b).map(|b| b.to_vec()) else {
            let msg = format!("read() should have returned a bytes object, not '{}'", vm.type_of(&b).name());
            return Err(vm.error(&crate::builtins::exceptions::OS_ERROR, msg));
        };
        if b.is_empty() {
            break;
        }
        res.extend_from_slice(&b);
        if res.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(new_bytes(res))
}

/// Is `n` below the limit (None: no limit)?
fn below(limit: Option<i64>, n: usize) -> bool {
    match limit {
        Some(l) => (n as i64) < l,
        None => true,
    }
}

/// `readlines(hint=-1)`: the lines of `iter(self)`, stopping once their
/// total length passes a positive hint.
pub(super) fn iobase_readlines(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "readlines", args, kwnames, 0, 1)?;
    let hint = size_arg(vm, a.first())?.filter(|&h| h > 0);
    let it = ops::iter(vm, this)?;
    let mut lines = Vec::new();
    let mut total = 0i64;
    while let Some(line) = ops::next(vm, &it)? {
        total += ops::len(vm, &line)? as i64;
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(new_list(lines))
}

/// `writelines(lines)`: `self.write(line)` for each.
fn iobase_writelines(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "writelines", args, kwnames, 1, 1)?;
    check_closed(vm, this)?;
    let it = ops::iter(vm, &a[0])?;
    let write = ops::getattr(vm, this, &intern("write"))?;
    while let Some(line) = ops::next(vm, &it)? {
        crate::eval::call(vm, &write, &[line], &[])?;
    }
    Ok(none())
}

/// `_RawIOBase.read(size=-1)`: `readinto` a fresh buffer.
fn rawiobase_read(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "read", args, kwnames, 0, 1)?;
    let Some(n) = size_arg(vm, a.first())? else {
        return call_method(vm, this, "readall", &[]);
    };
    let b = crate::builtins::bytes::new_bytearray(vec![0; n as usize]);
    let got = call_method(vm, this, "readinto", std::slice::from_ref(&b))?;
    if is_none(&got) {
        return Ok(got);
    }
    let got = super::int_result(vm, &got)?;
    let bytes = as_buffer(&b).map(|b| b.to_vec()).unwrap_or_default();
    if got < 0 || got as usize > bytes.len() {
        return Err(vm.value_error(format!("readinto returned {got} outside buffer size {}", bytes.len())));
    }
    Ok(new_bytes(bytes[..got as usize].to_vec()))
}

/// `_RawIOBase.readall()`: `read(DEFAULT_BUFFER_SIZE)` until it is empty.
fn rawiobase_readall(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let mut out: Vec<u8> = Vec::new();
    loop {
        let data = call_method(vm, this, "read", &[crate::builtins::int::new_int(DEFAULT_BUFFER_SIZE as i64)])?;
        if is_none(&data) {
            if out.is_empty() {
                return Ok(data);
            }
            break;
        }
        let Some(bytes) = as_bytes(&data) else {
            return Err(vm.type_error("read() should return bytes"));
        };
        if bytes.is_empty() {
            break;
        }
        out.extend_from_slice(bytes);
    }
    Ok(new_bytes(out))
}

/// `_BufferedIOBase.readinto(b)`: `self.read(len(b))` copied into `b`.
fn generic_readinto(vm: &mut Vm, this: &Value, b: &Value, method: &str) -> PyResult<Value> {
    let n = ops::len(vm, b)?;
    let data = call_method(vm, this, method, &[crate::builtins::int::new_int(n as i64)])?;
    let Some(data) = as_bytes(&data).map(<[u8]>::to_vec) else {
        return Err(vm.type_error("read() should return bytes"));
    };
    if data.len() > n {
        let msg = format!("read() returned too much data: {n} bytes requested, {} returned", data.len());
        return Err(vm.value_error(msg));
    }
    copy_into(vm, b, &data)?;
    Ok(crate::builtins::int::new_int(data.len() as i64))
}

/// Copy `data` to the start of the writable buffer `b` (a bytearray or a
/// memoryview of one).
pub(super) fn copy_into(vm: &mut Vm, b: &Value, data: &[u8]) -> PyResult<()> {
    if let Some(a) = crate::builtins::bytes::as_bytearray(b) {
        let mut bytes = crate::builtins::bytes::bytes_mut(vm, a)?;
        let n = data.len().min(bytes.len());
        bytes[..n].copy_from_slice(&data[..n]);
        return Ok(());
    }
    if crate::builtins::memoryview::as_view(b).is_some() || crate::builtins::array::as_array(b).is_some() {
        return crate::builtins::memoryview::write_buffer(vm, b, 0, data);
    }
    if as_str_data(b).is_some() || as_buffer(b).is_some() {
        let msg = format!("readinto() argument must be read-write bytes-like object, not {}", vm.type_of(b).name());
        return Err(vm.type_error(msg));
    }
    let msg = format!("readinto() argument must be read-write bytes-like object, not {}", vm.type_of(b).name());
    Err(vm.type_error(msg))
}
