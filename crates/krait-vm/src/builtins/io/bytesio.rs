//! `_io.BytesIO` (CPython's `bytesio.c`): a binary stream over an
//! in-memory buffer.
//!
//! Invariants: the object is open while its state is `State::Bytes` with
//! `closed == false`; `pos` may lie beyond the end (a write there fills
//! the gap with zero bytes, a read there returns nothing).

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
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
}

pub static BYTESIO_TYPE: TypeObject = TypeObject {
    init: Some(bytesio_init),
    methods: &[
        MethodDef { name: "getvalue", func: |vm, this, a, k| {
            positional(vm, "getvalue", a, k, 0, 0)?;
            with(vm, this, |_, s| Ok(new_bytes(s.buf.clone())))
        } },
        MethodDef { name: "getbuffer", func: |vm, this, a, k| {
            positional(vm, "getbuffer", a, k, 0, 0)?;
            with(vm, this, |_, _| Ok(()))?;
            Err(vm.error(&crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR, "BytesIO.getbuffer() (a writable memoryview of the buffer)"))
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
            with(vm, this, |_, s| {
                s.write(&data);
                Ok(new_int(data.len() as i64))
            })
        } },
        MethodDef { name: "writelines", func: |vm, this, a, k| {
            let a = positional(vm, "writelines", a, k, 1, 1)?;
            check_open(vm, this)?;
            let it = ops::iter(vm, &a[0])?;
            while let Some(item) = ops::next(vm, &it)? {
                let data = buffer_arg(vm, &item)?.to_vec();
                with(vm, this, |_, s| {
                    s.write(&data);
                    Ok(())
                })?;
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
                if (size as usize) < s.buf.len() {
                    s.buf.truncate(size as usize);
                }
                Ok(new_int(size))
            })
        } },
        MethodDef { name: "close", func: |vm, this, a, k| {
            positional(vm, "close", a, k, 0, 0)?;
            if let State::Bytes(s) = &mut *io(this).state.borrow_mut() {
                s.closed = true;
                s.buf = Vec::new();
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
    *io(this).state.borrow_mut() = State::Bytes(BytesState { buf, pos: 0, closed: false });
    Ok(none())
}

impl BytesState {
    fn read(&mut self, size: Option<i64>) -> Vec<u8> {
        let avail = self.buf.len().saturating_sub(self.pos);
        let n = size.map_or(avail, |s| (s as usize).min(avail));
        let start = self.pos.min(self.buf.len());
        let out = self.buf[start..start + n].to_vec();
        self.pos += n;
        out
    }

    fn readline(&mut self, limit: Option<i64>) -> Vec<u8> {
        let start = self.pos.min(self.buf.len());
        let rest = &self.buf[start..];
        let mut n = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1);
        if let Some(l) = limit {
            n = n.min(l as usize);
        }
        let out = rest[..n].to_vec();
        self.pos = start + n;
        out
    }

    fn write(&mut self, data: &[u8]) {
        if data.is_empty() {
            return;
        }
        let end = self.pos + data.len();
        if self.pos > self.buf.len() {
            self.buf.resize(self.pos, 0);
        }
        if end > self.buf.len() {
            self.buf.resize(end, 0);
        }
        self.buf[self.pos..end].copy_from_slice(data);
        self.pos = end;
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
            2 => (s.buf.len() as i64).saturating_add(pos),
            _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
        };
        s.pos = new.max(0) as usize;
        Ok(new_int(s.pos as i64))
    })
}
