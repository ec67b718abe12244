//! `BufferedReader`, `BufferedWriter`, `BufferedRandom` and
//! `BufferedRWPair` (CPython's `bufferedio.c`).
//!
//! Invariants:
//! - The logical position is the raw position, less the read-ahead not
//!   yet consumed (`read_buf[read_pos..]`), plus the pending writes
//!   (`write_buf`). A BufferedRandom holds at most one of the two: it
//!   flushes writes before reading and gives back read-ahead (a raw seek)
//!   before writing.
//! - A raw stream that is exactly `_io.FileIO` is driven by system calls
//!   here; any other raw stream through its methods (`readinto`, `write`,
//!   `seek`, `tell`), with the state not borrowed during the call.
//! - Freeing a writer over a native FileIO writes its buffer out.

use super::fileio::{fd_of, read_some, write_all, write_all_quietly, FILEIO_TYPE};
use super::iobase::{check_closed, copy_into};
use super::{call_method, errno_error, int_result, io, io_type, positional, size_arg, unsupported, State, BUFFERED_IOBASE_TYPE, DEFAULT_BUFFER_SIZE};
use crate::builtins::bytes::{as_buffer, buffer_arg, new_bytearray, new_bytes};
use crate::builtins::int::new_int;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{intern, new_str};
use crate::ops;
use crate::types::{GetSetDef, MethodDef, Slot, TypeObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Reader,
    Writer,
    Random,
}

pub struct BufferedState {
    pub raw: Value,
    kind: Kind,
    buffer_size: usize,
    read_buf: Vec<u8>,
    read_pos: usize,
    write_buf: Vec<u8>,
    /// The raw stream is exactly FileIO (see the invariants).
    native: bool,
    detached: bool,
}

impl BufferedState {
    fn readahead(&self) -> usize {
        self.read_buf.len() - self.read_pos
    }

    fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.readahead());
        let out = self.read_buf[self.read_pos..self.read_pos + n].to_vec();
        self.read_pos += n;
        if self.read_pos == self.read_buf.len() {
            self.read_buf.clear();
            self.read_pos = 0;
        }
        out
    }
}

const BUFFERED_METHODS: &[MethodDef] = &[
    MethodDef { name: "read", func: buffered_read },
    MethodDef { name: "read1", func: buffered_read1 },
    MethodDef { name: "peek", func: buffered_peek },
    MethodDef { name: "readinto", func: |vm, this, a, k| readinto(vm, this, a, k, false) },
    MethodDef { name: "readinto1", func: |vm, this, a, k| readinto(vm, this, a, k, true) },
    MethodDef { name: "readline", func: |vm, this, a, k| {
        let a = positional(vm, "readline", a, k, 0, 1)?;
        let limit = size_arg(vm, a.first())?;
        readline(vm, this, limit)
    } },
    MethodDef { name: "write", func: buffered_write },
    MethodDef { name: "flush", func: |vm, this, a, k| {
        positional(vm, "flush", a, k, 0, 0)?;
        check_open(vm, this, "flush of closed file")?;
        flush_writes(vm, this)?;
        Ok(none())
    } },
    MethodDef { name: "seek", func: buffered_seek },
    MethodDef { name: "tell", func: |vm, this, a, k| {
        positional(vm, "tell", a, k, 0, 0)?;
        tell(vm, this).map(new_int)
    } },
    MethodDef { name: "truncate", func: buffered_truncate },
    MethodDef { name: "close", func: buffered_close },
    MethodDef { name: "detach", func: |vm, this, a, k| {
        positional(vm, "detach", a, k, 0, 0)?;
        let raw = raw_of(vm, this)?;
        flush_writes(vm, this)?;
        if let State::Buffered(b) = &mut *io(this).state.borrow_mut() {
            b.detached = true;
        }
        Ok(raw)
    } },
    MethodDef { name: "fileno", func: |vm, this, _, _| delegate(vm, this, "fileno") },
    MethodDef { name: "isatty", func: |vm, this, _, _| delegate(vm, this, "isatty") },
    MethodDef { name: "seekable", func: |vm, this, _, _| delegate(vm, this, "seekable") },
    // A reader has no `writable` of its own (nor a writer `readable`):
    // `_IOBase`'s False.
    MethodDef { name: "readable", func: |vm, this, _, _| {
        if with(vm, this, |b| b.kind == Kind::Writer)? {
            return Ok(vm.bool(false));
        }
        delegate(vm, this, "readable")
    } },
    MethodDef { name: "writable", func: |vm, this, _, _| {
        if with(vm, this, |b| b.kind == Kind::Reader)? {
            return Ok(vm.bool(false));
        }
        delegate(vm, this, "writable")
    } },
    MethodDef { name: "_dealloc_warn", func: |_, _, _, _| Ok(none()) },
    MethodDef { name: "__sizeof__", func: |_, this, _, _| {
        let n = match &*io(this).state.borrow() {
            State::Buffered(b) => b.buffer_size,
            _ => 0,
        };
        Ok(new_int((n + 136) as i64))
    } },
];

const BUFFERED_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "raw", get: raw_of, set: None, member: true },
    GetSetDef { name: "closed", get: |vm, this| {
        let raw = raw_of(vm, this)?;
        ops::getattr(vm, &raw, &intern("closed"))
    }, set: None, member: false },
    GetSetDef { name: "name", get: |vm, this| {
        let raw = raw_of(vm, this)?;
        ops::getattr(vm, &raw, &intern("name"))
    }, set: None, member: false },
    GetSetDef { name: "mode", get: |vm, this| {
        let raw = raw_of(vm, this)?;
        ops::getattr(vm, &raw, &intern("mode"))
    }, set: None, member: false },
    GetSetDef { name: "_finalizing", get: |vm, _| Ok(vm.bool(false)), set: None, member: true },
];

const fn buffered_type(name: &'static str, init: crate::types::CallFn) -> TypeObject {
    TypeObject {
        repr: Slot::new(buffered_repr),
        next: Slot::new(buffered_next),
        init: Some(init),
        methods: BUFFERED_METHODS,
        getsets: BUFFERED_GETSETS,
        ..io_type(name, &BUFFERED_IOBASE_TYPE)
    }
}

pub static BUFFERED_READER_TYPE: TypeObject = buffered_type("_io.BufferedReader", |vm, this, a, k| init(vm, this, a, k, Kind::Reader));
pub static BUFFERED_WRITER_TYPE: TypeObject = buffered_type("_io.BufferedWriter", |vm, this, a, k| init(vm, this, a, k, Kind::Writer));
pub static BUFFERED_RANDOM_TYPE: TypeObject = buffered_type("_io.BufferedRandom", |vm, this, a, k| init(vm, this, a, k, Kind::Random));

/// `BufferedReader(raw, buffer_size=DEFAULT_BUFFER_SIZE)` and the others.
fn init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], kind: Kind) -> PyResult<Value> {
    let fname = match kind {
        Kind::Reader => "BufferedReader",
        Kind::Writer => "BufferedWriter",
        Kind::Random => "BufferedRandom",
    };
    let [raw, size] = crate::builtins::itertools::bind(vm, fname, args, kwnames, ["raw", "buffer_size"], 2, 1)?;
    let raw = raw.expect("required");
    if kind == Kind::Random {
        check_capability(vm, &raw, "seekable", "File or stream is not seekable.")?;
    }
    if kind != Kind::Writer {
        check_capability(vm, &raw, "readable", "File or stream is not readable.")?;
    }
    if kind != Kind::Reader {
        check_capability(vm, &raw, "writable", "File or stream is not writable.")?;
    }
    let buffer_size = match &size {
        Some(s) => super::index_arg(vm, s)?,
        None => DEFAULT_BUFFER_SIZE as i64,
    };
    if buffer_size <= 0 {
        return Err(vm.value_error("buffer size must be strictly positive"));
    }
    let native = std::ptr::eq(vm.type_of(&raw), &FILEIO_TYPE);
    *io(this).state.borrow_mut() = State::Buffered(BufferedState {
        raw,
        kind,
        buffer_size: buffer_size as usize,
        read_buf: Vec::new(),
        read_pos: 0,
        write_buf: Vec::new(),
        native,
        detached: false,
    });
    Ok(none())
}

/// UnsupportedOperation(msg) unless `raw.<method>()` is True.
pub(super) fn check_capability(vm: &mut Vm, raw: &Value, method: &str, msg: &str) -> PyResult<()> {
    let r = call_method(vm, raw, method, &[])?;
    if !r.is(&vm.bool(true)) {
        return Err(unsupported(vm, msg));
    }
    Ok(())
}

/// The raw stream, or ValueError for a detached or uninitialised object.
fn raw_of(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    match &*io(this).state.borrow() {
        State::Buffered(b) if !b.detached => return Ok(b.raw.clone()),
        State::Buffered(_) => {}
        _ => return Err(vm.value_error("I/O operation on uninitialized object")),
    }
    Err(vm.value_error("raw stream has been detached"))
}

fn delegate(vm: &mut Vm, this: &Value, method: &str) -> PyResult<Value> {
    let raw = raw_of(vm, this)?;
    call_method(vm, &raw, method, &[])
}

/// Run `f` on the state (the raw stream checked to be there).
fn with<T>(vm: &mut Vm, this: &Value, f: impl FnOnce(&mut BufferedState) -> T) -> PyResult<T> {
    raw_of(vm, this)?;
    match &mut *io(this).state.borrow_mut() {
        State::Buffered(b) => Ok(f(b)),
        _ => unreachable!("raw_of checked the state"),
    }
}

/// Is the raw stream closed? (A native FileIO is asked directly.)
fn raw_closed(vm: &mut Vm, this: &Value) -> PyResult<bool> {
    let (raw, native) = with(vm, this, |b| (b.raw.clone(), b.native))?;
    if native {
        return Ok(fd_of(&raw) < 0);
    }
    let c = ops::getattr(vm, &raw, &intern("closed"))?;
    ops::truthy(vm, &c)
}

/// ValueError(msg) if the raw stream is closed and nothing is buffered
/// (CPython's `CHECK_CLOSED`).
fn check_open(vm: &mut Vm, this: &Value, msg: &str) -> PyResult<()> {
    if raw_closed(vm, this)? && with(vm, this, |b| b.readahead() == 0)? {
        return Err(vm.value_error(msg));
    }
    Ok(())
}

fn check_kind(vm: &mut Vm, this: &Value, reading: bool) -> PyResult<()> {
    let kind = with(vm, this, |b| b.kind)?;
    if reading && kind == Kind::Writer {
        return Err(unsupported(vm, "read"));
    }
    if !reading && kind == Kind::Reader {
        return Err(unsupported(vm, "write"));
    }
    Ok(())
}

// ----- the raw stream ---------------------------------------------------------

/// One raw read of at most `n` bytes: `None` when it would block.
fn raw_read(vm: &mut Vm, this: &Value, n: usize) -> PyResult<Option<Vec<u8>>> {
    let (raw, native) = with(vm, this, |b| (b.raw.clone(), b.native))?;
    if native {
        let fd = fd_of(&raw);
        if fd < 0 {
            return Err(vm.value_error("I/O operation on closed file"));
        }
        return read_some(vm, fd, n);
    }
    let buf = new_bytearray(vec![0; n]);
    let r = call_method(vm, &raw, "readinto", std::slice::from_ref(&buf))?;
    if is_none(&r) {
        return Ok(None);
    }
    let got = int_result(vm, &r)?;
    if got < 0 || got as usize > n {
        let msg = format!("raw readinto() returned invalid length {got} (should have been between 0 and {n})");
        return Err(vm.error(&crate::builtins::exceptions::OS_ERROR, msg));
    }
    let bytes = as_buffer(&buf).map(|b| b[..got as usize].to_vec()).unwrap_or_default();
    Ok(Some(bytes))
}

/// Write all of `data` to the raw stream.
fn raw_write_all(vm: &mut Vm, raw: &Value, native: bool, data: &[u8]) -> PyResult<()> {
    if native {
        let fd = fd_of(raw);
        if fd < 0 {
            return Err(vm.value_error("I/O operation on closed file"));
        }
        return write_all(vm, fd, data);
    }
    let mut rest = data;
    while !rest.is_empty() {
        let r = call_method(vm, raw, "write", &[new_bytes(rest.to_vec())])?;
        if is_none(&r) {
            let msg = "write could not complete without blocking";
            return Err(vm.error(&crate::builtins::exceptions::BLOCKING_IO_ERROR, msg));
        }
        let n = int_result(vm, &r)?;
        if n < 0 || n as usize > rest.len() {
            let msg = format!("raw write() returned invalid length {n} (should have been between 0 and {})", rest.len());
            return Err(vm.error(&crate::builtins::exceptions::OS_ERROR, msg));
        }
        rest = &rest[n as usize..];
    }
    Ok(())
}

fn raw_seek(vm: &mut Vm, this: &Value, pos: i64, whence: i32) -> PyResult<i64> {
    let (raw, native) = with(vm, this, |b| (b.raw.clone(), b.native))?;
    let r = if native {
        let fd = fd_of(&raw);
        if fd < 0 {
            return Err(vm.value_error("I/O operation on closed file"));
        }
        crate::builtins::posix::sys_calls::lseek(fd, pos, whence).map_err(|e| errno_error(e, None))?
    } else {
        let r = call_method(vm, &raw, "seek", &[new_int(pos), new_int(i64::from(whence))])?;
        int_result(vm, &r)?
    };
    if r < 0 {
        return Err(vm.error(&crate::builtins::exceptions::OS_ERROR, format!("Raw stream returned invalid position {r}")));
    }
    Ok(r)
}

/// Write out the pending writes (CPython's `_bufferedwriter_flush_unlocked`).
pub(super) fn flush_writes(vm: &mut Vm, this: &Value) -> PyResult<()> {
    let (raw, native, data) = with(vm, this, |b| (b.raw.clone(), b.native, std::mem::take(&mut b.write_buf)))?;
    if data.is_empty() {
        return Ok(());
    }
    raw_write_all(vm, &raw, native, &data)
}

/// Drop the read-ahead, moving the raw position back to the logical one.
fn rewind_reads(vm: &mut Vm, this: &Value) -> PyResult<()> {
    let ahead = with(vm, this, |b| {
        let n = b.readahead();
        b.read_buf.clear();
        b.read_pos = 0;
        n
    })?;
    if ahead > 0 {
        raw_seek(vm, this, -(ahead as i64), 1)?;
    }
    Ok(())
}

/// Read more into the buffer: false at end of file (or when it would block).
fn fill(vm: &mut Vm, this: &Value) -> PyResult<bool> {
    let size = with(vm, this, |b| b.buffer_size)?;
    match raw_read(vm, this, size)? {
        Some(d) if !d.is_empty() => {
            with(vm, this, |b| {
                if b.read_pos > 0 {
                    b.read_buf.drain(..b.read_pos);
                    b.read_pos = 0;
                }
                b.read_buf.extend_from_slice(&d);
            })?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// Prepare a reader: flush pending writes of a BufferedRandom.
fn start_read(vm: &mut Vm, this: &Value, msg: &str) -> PyResult<()> {
    check_kind(vm, this, true)?;
    check_open(vm, this, msg)?;
    if with(vm, this, |b| !b.write_buf.is_empty())? {
        flush_writes(vm, this)?;
    }
    Ok(())
}

// ----- reading ----------------------------------------------------------------

/// `read(size=-1)`.
fn buffered_read(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "read", args, kwnames, 0, 1)?;
    let size = match a.first().filter(|v| !is_none(v)) {
        Some(v) => super::index_arg(vm, v)?,
        None => -1,
    };
    if size < -1 {
        return Err(vm.value_error("read length must be non-negative or -1"));
    }
    start_read(vm, this, "read of closed file")?;
    if size == -1 {
        return read_all(vm, this);
    }
    let n = size as usize;
    let mut out = with(vm, this, |b| b.take(n))?;
    while out.len() < n {
        let want = n - out.len();
        let big = with(vm, this, |b| want >= b.buffer_size)?;
        if big {
            match raw_read(vm, this, want)? {
                Some(d) if !d.is_empty() => out.extend_from_slice(&d),
                Some(_) => break,
                None if out.is_empty() => return Ok(none()),
                None => break,
            }
        } else {
            if !fill(vm, this)? {
                break;
            }
            out.extend(with(vm, this, |b| b.take(want))?);
        }
    }
    Ok(new_bytes(out))
}

/// Everything to the end: the read-ahead, then the raw stream's rest.
fn read_all(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let mut out = with(vm, this, |b| b.take(usize::MAX))?;
    let (raw, native) = with(vm, this, |b| (b.raw.clone(), b.native))?;
    if native {
        let fd = fd_of(&raw);
        match super::fileio::read_all(vm, fd)? {
            Some(d) => out.extend(d),
            None if out.is_empty() => return Ok(none()),
            None => {}
        }
        return Ok(new_bytes(out));
    }
    if let Some(readall) = ops::getattr_opt(vm, &raw, &intern("readall"))? {
        let d = crate::eval::call(vm, &readall, &[], &[])?;
        if is_none(&d) {
            return Ok(if out.is_empty() { d } else { new_bytes(out) });
        }
        let Some(d) = as_buffer(&d).map(|b| b.to_vec()) else {
            return Err(vm.type_error("readall() should return bytes"));
        };
        out.extend(d);
        return Ok(new_bytes(out));
    }
    loop {
        let size = with(vm, this, |b| b.buffer_size)?;
        match raw_read(vm, this, size)? {
            Some(d) if !d.is_empty() => out.extend(d),
            _ => break,
        }
    }
    Ok(new_bytes(out))
}

/// `read1(size=-1)`: at most one raw read.
fn buffered_read1(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "read1", args, kwnames, 0, 1)?;
    let size = size_arg(vm, a.first())?;
    start_read(vm, this, "read of closed file")?;
    let n = match size {
        Some(n) => n as usize,
        None => with(vm, this, |b| b.buffer_size)?,
    };
    if n == 0 {
        return Ok(new_bytes(Vec::new()));
    }
    if with(vm, this, |b| b.readahead() > 0)? {
        return Ok(new_bytes(with(vm, this, |b| b.take(n))?));
    }
    if n > with(vm, this, |b| b.buffer_size)? {
        return Ok(raw_read(vm, this, n)?.map_or_else(none, new_bytes));
    }
    fill(vm, this)?;
    Ok(new_bytes(with(vm, this, |b| b.take(n))?))
}

/// `peek(size=0)`: the read-ahead, filled by one raw read when empty.
fn buffered_peek(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    positional(vm, "peek", args, kwnames, 0, 1)?;
    start_read(vm, this, "peek of closed file")?;
    if with(vm, this, |b| b.readahead() == 0)? {
        fill(vm, this)?;
    }
    with(vm, this, |b| new_bytes(b.read_buf[b.read_pos..].to_vec()))
}

fn readinto(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], one: bool) -> PyResult<Value> {
    let a = positional(vm, if one { "readinto1" } else { "readinto" }, args, kwnames, 1, 1)?;
    let n = ops::len(vm, &a[0])?;
    let n = new_int(n as i64);
    let data = if one { buffered_read1(vm, this, &[n], &[])? } else { buffered_read(vm, this, &[n], &[])? };
    let data = as_buffer(&data).map(|b| b.to_vec()).unwrap_or_default();
    copy_into(vm, &a[0], &data)?;
    Ok(new_int(data.len() as i64))
}

/// `readline(size=-1)`.
pub(super) fn readline(vm: &mut Vm, this: &Value, limit: Option<i64>) -> PyResult<Value> {
    start_read(vm, this, "readline of closed file")?;
    let limit = limit.map_or(usize::MAX, |l| l as usize);
    let mut out = Vec::new();
    loop {
        let done = with(vm, this, |b| {
            let ahead = &b.read_buf[b.read_pos..];
            let room = limit - out.len();
            let (n, found) = match ahead.iter().position(|&c| c == b'\n') {
                Some(i) if i < room => (i + 1, true),
                _ => (ahead.len().min(room), false),
            };
            out.extend(b.take(n));
            found || out.len() >= limit
        })?;
        if done || !fill(vm, this)? {
            break;
        }
    }
    Ok(new_bytes(out))
}

fn buffered_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    if vm.type_of(this).heap.is_some() {
        return super::iobase::iobase_next(vm, this);
    }
    let line = readline(vm, this, None)?;
    Ok((ops::len(vm, &line)? > 0).then_some(line))
}

// ----- writing ----------------------------------------------------------------

/// `write(b)`: buffered; the buffer goes to the raw stream once full.
fn buffered_write(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "write", args, kwnames, 1, 1)?;
    check_kind(vm, this, false)?;
    let data = buffer_arg(vm, &a[0])?.to_vec();
    if raw_closed(vm, this)? {
        return Err(vm.value_error("write to closed file"));
    }
    write_bytes(vm, this, &data)?;
    Ok(new_int(data.len() as i64))
}

/// Append `data` to the write buffer, flushing it when full.
pub(super) fn write_bytes(vm: &mut Vm, this: &Value, data: &[u8]) -> PyResult<()> {
    if with(vm, this, |b| b.readahead() > 0)? {
        rewind_reads(vm, this)?;
    }
    // As CPython: what fits joins the buffer; otherwise the buffer is
    // written out, then data longer than a buffer goes straight to the
    // raw stream.
    let fits = with(vm, this, |b| {
        let fits = b.write_buf.len() + data.len() <= b.buffer_size;
        if fits {
            b.write_buf.extend_from_slice(data);
        }
        fits
    })?;
    if fits {
        return Ok(());
    }
    flush_writes(vm, this)?;
    let (raw, native, size) = with(vm, this, |b| (b.raw.clone(), b.native, b.buffer_size))?;
    if data.len() > size {
        return raw_write_all(vm, &raw, native, data);
    }
    with(vm, this, |b| b.write_buf.extend_from_slice(data))
}

// ----- positioning and closing --------------------------------------------------

fn tell(vm: &mut Vm, this: &Value) -> PyResult<i64> {
    let raw = raw_of(vm, this)?;
    let native = with(vm, this, |b| b.native)?;
    let pos = if native {
        let fd = fd_of(&raw);
        if fd < 0 {
            return Err(vm.value_error("I/O operation on closed file"));
        }
        crate::builtins::posix::sys_calls::lseek(fd, 0, 1).map_err(|e| errno_error(e, None))?
    } else {
        let r = call_method(vm, &raw, "tell", &[])?;
        int_result(vm, &r)?
    };
    if pos < 0 {
        return Err(vm.error(&crate::builtins::exceptions::OS_ERROR, format!("Raw stream returned invalid position {pos}")));
    }
    let (ahead, pending) = with(vm, this, |b| (b.readahead() as i64, b.write_buf.len() as i64))?;
    Ok((pos - ahead + pending).max(0))
}

/// `seek(target, whence=0)`.
fn buffered_seek(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "seek", args, kwnames, 1, 2)?;
    let whence = match a.get(1) {
        Some(w) => super::index_arg(vm, w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(vm.value_error(format!("whence value {whence} unsupported")));
    }
    check_open(vm, this, "seek of closed file")?;
    let raw = raw_of(vm, this)?;
    check_capability(vm, &raw, "seekable", "File or stream is not seekable.")?;
    if vm.type_of(&a[0]).is_subtype(&crate::builtins::float::FLOAT_TYPE) {
        return Err(vm.type_error("an integer is required"));
    }
    let mut target = super::index_arg(vm, &a[0])?;
    flush_writes(vm, this)?;
    if whence == 1 {
        target -= with(vm, this, |b| b.readahead() as i64)?;
    }
    with(vm, this, |b| {
        b.read_buf.clear();
        b.read_pos = 0;
    })?;
    raw_seek(vm, this, target, whence as i32).map(new_int)
}

/// `truncate(pos=None)`.
fn buffered_truncate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "truncate", args, kwnames, 0, 1)?;
    check_open(vm, this, "truncate of closed file")?;
    if with(vm, this, |b| b.kind == Kind::Reader)? {
        return Err(unsupported(vm, "truncate"));
    }
    let pos = match a.first().filter(|v| !is_none(v)) {
        Some(v) => v.clone(),
        None => new_int(tell(vm, this)?),
    };
    flush_writes(vm, this)?;
    rewind_reads(vm, this)?;
    let raw = raw_of(vm, this)?;
    call_method(vm, &raw, "truncate", &[pos])
}

/// `close()`: flush, then close the raw stream (a flush error is raised
/// after the raw stream is closed).
fn buffered_close(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    positional(vm, "close", args, kwnames, 0, 0)?;
    let raw = raw_of(vm, this)?;
    if raw_closed(vm, this)? {
        return Ok(none());
    }
    let flushed = call_method(vm, this, "flush", &[]);
    let closed = call_method(vm, &raw, "close", &[]);
    with(vm, this, |b| {
        b.read_buf = Vec::new();
        b.read_pos = 0;
    })?;
    match (flushed, closed) {
        (Err(e), Ok(_)) => Err(e),
        (Err(_), Err(e)) => Err(e),
        (Ok(_), r) => r.map(|_| none()),
    }
}

fn buffered_repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let tyname = vm.type_of(this).name();
    let name = match raw_of(vm, this) {
        Ok(raw) => match ops::getattr(vm, &raw, &intern("name")) {
            Ok(n) => Some(n),
            Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::EXCEPTION) => None,
            Err(e) => return Err(e),
        },
        Err(_) => None,
    };
    match name {
        None => Ok(new_str(&format!("<{tyname}>"))),
        Some(n) => {
            if !vm.repr_enter(this) {
                return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, format!("reentrant call inside {tyname}.__repr__")));
            }
            let r = ops::repr(vm, &n);
            vm.repr_leave(this);
            let r = r?;
            Ok(new_str(&format!("<{tyname} name={}>", crate::builtins::str::as_str(&r).unwrap_or(""))))
        }
    }
}

/// Freeing a buffered writer over a native FileIO writes its buffer out.
pub(super) fn finalize(b: &mut BufferedState) {
    if b.native && !b.detached && !b.write_buf.is_empty() {
        let fd = fd_of(&b.raw);
        if fd >= 0 {
            let _ = write_all_quietly(fd, &b.write_buf);
        }
    }
}

/// A native buffered writer's write buffer, for TextIOWrapper's fast path:
/// `Some` only for an exact BufferedWriter/BufferedRandom with nothing
/// read ahead.
pub(super) fn append_native(this: &Value, data: &[u8]) -> Option<bool> {
    let p = this.as_object()?;
    if !std::ptr::eq(p.ty(), &BUFFERED_WRITER_TYPE) {
        return None;
    }
    match &mut *io(this).state.borrow_mut() {
        State::Buffered(b) if b.native && !b.detached && b.read_buf.is_empty() && fd_of(&b.raw) >= 0 => {
            b.write_buf.extend_from_slice(data);
            Some(b.write_buf.len() >= b.buffer_size)
        }
        _ => None,
    }
}

// ----- BufferedRWPair ---------------------------------------------------------------

pub static BUFFERED_RWPAIR_TYPE: TypeObject = TypeObject {
    init: Some(rwpair_init),
    methods: &[
        MethodDef { name: "read", func: |vm, this, a, _| pair_call(vm, this, true, "read", a) },
        MethodDef { name: "peek", func: |vm, this, a, _| pair_call(vm, this, true, "peek", a) },
        MethodDef { name: "read1", func: |vm, this, a, _| pair_call(vm, this, true, "read1", a) },
        MethodDef { name: "readinto", func: |vm, this, a, _| pair_call(vm, this, true, "readinto", a) },
        MethodDef { name: "readinto1", func: |vm, this, a, _| pair_call(vm, this, true, "readinto1", a) },
        MethodDef { name: "write", func: |vm, this, a, _| pair_call(vm, this, false, "write", a) },
        MethodDef { name: "flush", func: |vm, this, a, _| pair_call(vm, this, false, "flush", a) },
        MethodDef { name: "readable", func: |vm, this, a, _| pair_call(vm, this, true, "readable", a) },
        MethodDef { name: "writable", func: |vm, this, a, _| pair_call(vm, this, false, "writable", a) },
        MethodDef { name: "isatty", func: |vm, this, _, _| {
            let w = pair_call(vm, this, false, "isatty", &[])?;
            if ops::truthy(vm, &w)? {
                return Ok(w);
            }
            pair_call(vm, this, true, "isatty", &[])
        } },
        MethodDef { name: "close", func: |vm, this, _, _| {
            let w = pair_call(vm, this, false, "close", &[]);
            let r = pair_call(vm, this, true, "close", &[]);
            w?;
            r
        } },
    ],
    getsets: &[GetSetDef { name: "closed", get: |vm, this| {
        let (_, w) = pair(vm, this)?;
        ops::getattr(vm, &w, &intern("closed"))
    }, set: None, member: false }],
    ..io_type("_io.BufferedRWPair", &BUFFERED_IOBASE_TYPE)
};

/// `BufferedRWPair(reader, writer, buffer_size=DEFAULT_BUFFER_SIZE)`.
fn rwpair_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "BufferedRWPair", kwnames)?;
    if !(2..=3).contains(&args.len()) {
        let msg = format!("BufferedRWPair expected {} 2 arguments, got {}", if args.len() < 2 { "at least" } else { "at most" }, args.len());
        return Err(vm.type_error(msg.replace("2 arguments", if args.len() < 2 { "2 arguments" } else { "3 arguments" })));
    }
    check_capability(vm, &args[0], "readable", "File or stream is not readable.")?;
    check_capability(vm, &args[1], "writable", "File or stream is not writable.")?;
    let size = args.get(2).cloned().unwrap_or_else(|| new_int(DEFAULT_BUFFER_SIZE as i64));
    let reader = crate::eval::call(vm, &crate::types::type_value(&BUFFERED_READER_TYPE), &[args[0].clone(), size.clone()], &[])?;
    let writer = crate::eval::call(vm, &crate::types::type_value(&BUFFERED_WRITER_TYPE), &[args[1].clone(), size], &[])?;
    *io(this).state.borrow_mut() = State::Pair(reader, writer);
    Ok(none())
}

fn pair(vm: &mut Vm, this: &Value) -> PyResult<(Value, Value)> {
    if let State::Pair(r, w) = &*io(this).state.borrow() {
        return Ok((r.clone(), w.clone()));
    }
    Err(vm.value_error("I/O operation on uninitialized object"))
}

fn pair_call(vm: &mut Vm, this: &Value, reader: bool, method: &str, args: &[Value]) -> PyResult<Value> {
    let (r, w) = pair(vm, this)?;
    let target = if reader { r } else { w };
    let f = ops::getattr(vm, &target, &intern(method))?;
    let r = crate::eval::call(vm, &f, args, &[]);
    if method == "write" || method == "flush" {
        // CPython checks the pair is open through the writer's calls.
        let _ = check_closed;
    }
    r
}
