//! `_io.BytesIO` (CPython's `bytesio.c`): a binary stream over an
//! in-memory buffer.
//!
//! Invariants:
//! - The object is open while its state is `State::Bytes` with `closed ==
//!   false`; `pos` may lie beyond the end (a write there fills the gap
//!   with zero bytes, a read there returns nothing).
//! - The bytes live in a bytearray the object owns, so `getbuffer()` is a
//!   live, writable memoryview of it; while one is alive, anything that
//!   would change the buffer raises BufferError, as in CPython.

use super::iobase::copy_into;
use super::{io, io_type, positional, size_arg, State, BUFFERED_IOBASE_TYPE};
use crate::builtins::bytes::{buffer_arg, new_bytes};
use crate::builtins::int::new_int;
use crate::builtins::list::new_list;
use crate::builtins::singletons::{is_none, none};
use crate::ops;
use crate::types::{GetSetDef, MethodDef, TypeObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct BytesState {
    /// A bytearray, never seen by Python code but through `getbuffer()`.
    buf: Value,
    pos: usize,
    closed: bool,
}

pub static BYTESIO_TYPE: TypeObject = TypeObject {
    init: Some(bytesio_init),
    // As CPython's `bytesio_new`: an empty, usable object before `__init__`.
    new: Some(|vm, cls, args, kwnames| {
        let obj = super::alloc_io(cls);
        let buf = crate::builtins::bytes::new_bytearray(Vec::new());
        *io(&obj).state.borrow_mut() = State::Bytes(BytesState { buf, pos: 0, closed: false });
        if cls.heap.is_none() {
            bytesio_init(vm, &obj, args, kwnames)?;
        }
        Ok(obj)
    }),
    methods: &[
        MethodDef { name: "getvalue", func: |vm, this, a, k| {
            positional(vm, "getvalue", a, k, 0, 0)?;
            with(vm, this, |_, s| Ok(new_bytes(s.bytes().to_vec())))
        } },
        MethodDef { name: "getbuffer", func: |vm, this, a, k| {
            positional(vm, "getbuffer", a, k, 0, 0)?;
            let buf = with(vm, this, |_, s| Ok(s.buf.clone()))?;
            crate::eval::call(vm, &crate::types::type_value(&crate::builtins::memoryview::MEMORYVIEW_TYPE), &[buf], &[])
        } },
        MethodDef { name: "read", func: |vm, this, a, k| bytesio_read(vm, this, a, k, "read") },
        MethodDef { name: "read1", func: |vm, this, a, k| bytesio_read(vm, this, a, k, "read1") },
        MethodDef { name: "readline", func: |vm, this, a, k| {
            let a = positional(vm, "readline", a, k, 0, 1)?;
            let limit = size_arg(vm, a.first())?;
            with(vm, this, |_, s| Ok(new_bytes(s.readline(limit))))
        } },
        MethodDef { name: "readlines", func: |vm, this, a, k| {
            let a = positional(vm, "readlines", a, k, 0, 1)?;
            let hint = size_arg(vm, a.first())?.filter(|&h| h > 0);
            with(vm, this, |_, s| {
                let mut lines = Vec::new();
                let mut total = 0;
                loop {
                    let line = s.readline(None);
                    if line.is_empty() {
                        break;
                    }
                    total += line.len() as i64;
                    lines.push(new_bytes(line));
                    if hint.is_some_and(|h| total >= h) {
                        break;
                    }
                }
                Ok(new_list(lines))
            })
        } },
        MethodDef { name: "readinto", func: |vm, this, a, k| {
            let a = positional(vm, "readinto", a, k, 1, 1)?;
            let n = ops::len(vm, &a[0])?;
            let data = with(vm, this, |_, s| Ok(s.read(Some(n as i64))))?;
            copy_into(vm, &a[0], &data)?;
            Ok(new_int(data.len() as i64))
        } },
        MethodDef { name: "write", func: |vm, this, a, k| {
            let a = positional(vm, "write", a, k, 1, 1)?;
            check_open(vm, this)?;
            let data = buffer_arg(vm, &a[0])?.to_vec();
            with(vm, this, |vm, s| {
                s.write(vm, &data)?;
                Ok(new_int(data.len() as i64))
            })
        } },
        MethodDef { name: "writelines", func: |vm, this, a, k| {
            let a = positional(vm, "writelines", a, k, 1, 1)?;
            check_open(vm, this)?;
            let it = ops::iter(vm, &a[0])?;
            while let Some(item) = ops::next(vm, &it)? {
                let data = buffer_arg(vm, &item)?.to_vec();
                with(vm, this, |vm, s| s.write(vm, &data))?;
            }
            Ok(none())
        } },
        MethodDef { name: "seek", func: bytesio_seek },
        MethodDef { name: "tell", func: |vm, this, a, k| {
            positional(vm, "tell", a, k, 0, 0)?;
            with(vm, this, |_, s| Ok(new_int(s.pos as i64)))
        } },
        MethodDef { name: "truncate", func: |vm, this, a, k| {
            let a = positional(vm, "truncate", a, k, 0, 1)?;
            check_open(vm, this)?;
            let size = match a.first().filter(|v| !is_none(v)) {
                Some(v) => Some(super::index_arg(vm, v)?),
                None => None,
            };
            with(vm, this, |vm, s| {
                let size = size.unwrap_or(s.pos as i64);
                if size < 0 {
                    return Err(vm.value_error(format!("negative size value {size}")));
                }
                let mut b = s.resizable(vm)?;
                if (size as usize) < b.len() {
                    b.truncate(size as usize);
                }
                Ok(new_int(size))
            })
        } },
        MethodDef { name: "close", func: |vm, this, a, k| {
            positional(vm, "close", a, k, 0, 0)?;
            let exported = match &*io(this).state.borrow() {
                State::Bytes(s) => s.exported(),
                _ => false,
            };
            if exported {
                return Err(vm.error(&crate::builtins::exceptions::BUFFER_ERROR, "Existing exports of data: object cannot be re-sized"));
            }
            if let State::Bytes(s) = &mut *io(this).state.borrow_mut() {
                s.closed = true;
                s.buf = crate::builtins::bytes::new_bytearray(Vec::new());
            }
            Ok(none())
        } },
        MethodDef { name: "flush", func: |vm, this, a, k| {
            positional(vm, "flush", a, k, 0, 0)?;
            check_open(vm, this)?;
            Ok(none())
        } },
        MethodDef { name: "isatty", func: |vm, this, a, k| {
            positional(vm, "isatty", a, k, 0, 0)?;
            check_open(vm, this)?;
            Ok(vm.bool(false))
        } },
        MethodDef { name: "__getstate__", func: |vm, this, a, k| {
            positional(vm, "__getstate__", a, k, 0, 0)?;
            let (value, pos) = with(vm, this, |_, s| Ok((new_bytes(s.bytes().to_vec()), s.pos)))?;
            let dict = super::state_dict(vm, this)?;
            Ok(crate::builtins::tuple::new_tuple(vec![value, new_int(pos as i64), dict]))
        } },
        MethodDef { name: "__setstate__", func: bytesio_setstate },
        MethodDef { name: "readable", func: true_if_open },
        MethodDef { name: "writable", func: true_if_open },
        MethodDef { name: "seekable", func: true_if_open },
    ],
    getsets: &[GetSetDef {
        name: "closed",
        get: |vm, this| Ok(vm.bool(!matches!(&*io(this).state.borrow(), State::Bytes(s) if !s.closed))),
        set: None,
        member: false,
    }],
    ..io_type("_io.BytesIO", &BUFFERED_IOBASE_TYPE)
};

/// `BytesIO(initial_bytes=b'')`.
fn bytesio_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [initial] = crate::builtins::itertools::bind(vm, "BytesIO", args, kwnames, ["initial_bytes"], 1, 0)?;
    let buf = match initial.filter(|v| !is_none(v)) {
        Some(v) => buffer_arg(vm, &v)?.to_vec(),
        None => Vec::new(),
    };
    if let State::Bytes(s) = &*io(this).state.borrow() {
        if s.exported() {
            return Err(vm.error(&crate::builtins::exceptions::BUFFER_ERROR, "Existing exports of data: object cannot be re-sized"));
        }
    }
    let buf = crate::builtins::bytes::new_bytearray(buf);
    *io(this).state.borrow_mut() = State::Bytes(BytesState { buf, pos: 0, closed: false });
    Ok(none())
}

impl BytesState {
    pub(super) fn trace(&self, visit: crate::types::Visit) {
        visit(&self.buf);
    }

    fn array(&self) -> &crate::builtins::bytes::ByteArrayData {
        crate::builtins::bytes::as_bytearray(&self.buf).expect("a bytearray")
    }

    fn bytes(&self) -> crate::builtins::bytes::Buffer<'_> {
        crate::builtins::bytes::as_buffer(&self.buf).expect("a bytearray")
    }

    fn len(&self) -> usize {
        self.array().len()
    }

    fn exported(&self) -> bool {
        self.array().exports.get() > 0
    }

    /// The bytes for a change: BufferError while `getbuffer()` views live.
    fn resizable(&self, vm: &mut Vm) -> PyResult<std::cell::RefMut<'_, Vec<u8>>> {
        crate::builtins::bytes::bytes_resize(vm, self.array())
    }

    fn read(&mut self, size: Option<i64>) -> Vec<u8> {
        let bytes = self.bytes();
        if self.pos >= bytes.len() {
            return Vec::new();
        }
        let avail = bytes.len() - self.pos;
        let n = size.map_or(avail, |s| (s as usize).min(avail));
        let out = bytes[self.pos..self.pos + n].to_vec();
        drop(bytes);
        self.pos += n;
        out
    }

    fn readline(&mut self, limit: Option<i64>) -> Vec<u8> {
        let bytes = self.bytes();
        if self.pos >= bytes.len() {
            return Vec::new();
        }
        let rest = &bytes[self.pos..];
        let mut n = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1);
        if let Some(l) = limit {
            n = n.min(l as usize);
        }
        let out = rest[..n].to_vec();
        drop(bytes);
        self.pos += n;
        out
    }

    fn write(&mut self, vm: &mut Vm, data: &[u8]) -> PyResult<()> {
        let mut buf = self.resizable(vm)?;
        if data.is_empty() {
            return Ok(());
        }
        let end = self.pos + data.len();
        if end > buf.len() {
            buf.resize(end, 0);
        }
        buf[self.pos..end].copy_from_slice(data);
        drop(buf);
        self.pos = end;
        Ok(())
    }
}

/// Run `f` on the open BytesIO, or raise ValueError.
fn with<T>(vm: &mut Vm, this: &Value, f: impl FnOnce(&mut Vm, &mut BytesState) -> PyResult<T>) -> PyResult<T> {
    let data = io(this);
    let mut state = data.state.borrow_mut();
    match &mut *state {
        State::Bytes(s) if !s.closed => f(vm, s),
        State::Bytes(_) => {
            drop(state);
            Err(super::closed_error(vm))
        }
        _ => {
            drop(state);
            Err(super::uninitialized(vm, this))
        }
    }
}

fn check_open(vm: &mut Vm, this: &Value) -> PyResult<()> {
    with(vm, this, |_, _| Ok(()))
}

fn true_if_open(vm: &mut Vm, this: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    check_open(vm, this)?;
    Ok(vm.bool(true))
}

/// `read(size=-1)` and `read1(size=-1)`.
fn bytesio_read(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], name: &str) -> PyResult<Value> {
    let a = positional(vm, name, args, kwnames, 0, 1)?;
    let size = size_arg(vm, a.first())?;
    with(vm, this, |_, s| Ok(new_bytes(s.read(size))))
}

/// `__setstate__((value, pos, dict))` (CPython's checks and messages).
fn bytesio_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "__setstate__", args, kwnames, 1, 1)?;
    check_open(vm, this)?;
    let items = match crate::builtins::tuple::as_tuple(&a[0]) {
        Some(t) if t.items.len() == 3 => t.items.clone(),
        _ => {
            let msg = format!("{}.__setstate__ argument should be 3-tuple, got {}", vm.type_of(this).name(), vm.type_of(&a[0]).name());
            return Err(vm.type_error(msg));
        }
    };
    let buf = buffer_arg(vm, &items[0])?.to_vec();
    let pos = super::state_position(vm, &items[1])?;
    super::set_state_dict(vm, this, &items[2], "third")?;
    with(vm, this, |vm, s| {
        *s.resizable(vm)? = buf;
        s.pos = pos;
        Ok(none())
    })
}

/// `seek(pos, whence=0)`.
fn bytesio_seek(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "seek", args, kwnames, 1, 2)?;
    let pos = super::index_arg(vm, &a[0])?;
    let whence = match a.get(1) {
        Some(w) => super::index_arg(vm, w)?,
        None => 0,
    };
    with(vm, this, |vm, s| {
        if pos < 0 && whence == 0 {
            return Err(vm.value_error(format!("negative seek value {pos}")));
        }
        let new = match whence {
            0 => pos,
            1 => (s.pos as i64).saturating_add(pos),
            2 => (s.len() as i64).saturating_add(pos),
            _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
        };
        s.pos = new.max(0) as usize;
        Ok(new_int(s.pos as i64))
    })
}
