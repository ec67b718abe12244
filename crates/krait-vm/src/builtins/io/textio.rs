//! `_io.TextIOWrapper` (CPython's `textio.c`): its construction, writing,
//! the attributes and closing, and `IncrementalNewlineDecoder`. Reading,
//! `tell` and `seek` are in `textio_read`.
//!
//! Invariants:
//! - Text is handled as generalized UTF-8 bytes (what `str` holds), in
//!   which `\r` and `\n` are single bytes: lines are found by byte search
//!   and only counted in code points where positions are visible.
//! - Encoded text waits in `pending` until it passes `chunk_size`, a
//!   flush, a newline with `line_buffering`, `write_through`, or a read,
//!   seek or tell: only then does the buffer's `write` see it (as CPython's
//!   `pending_bytes`).
//! - A method takes the state out of the object while it runs (so Python
//!   code it calls, a buffer's `write` or a codec, never meets a borrow)
//!   and puts it back after; a re-entrant call meanwhile finds it
//!   detached.
//! - utf-8, ascii and latin-1 are encoded and decoded here; other codecs
//!   through `codecs.getincrementalencoder/decoder`.

use super::stringio::{newline_arg, newlines_value, NewlineState};
use super::{call_method, io, io_type, positional, State, TEXT_IOBASE_TYPE};
use crate::builtins::bytes::{as_buffer, new_bytes};
use crate::builtins::codecs::{self, Codec};
use crate::builtins::int::new_int;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str_data, intern, new_str};
use crate::ops;
use crate::types::{GetSetDef, MethodDef, Slot, TypeObject, Visit};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// How text becomes bytes and back.
pub enum Coder {
    Native(Codec),
    /// Incremental encoder and decoder objects (NULL when the buffer is
    /// not writable / readable).
    Python { encoder: Value, decoder: Value },
}

pub struct TextState {
    pub(super) buffer: Value,
    pub(super) encoding: String,
    pub(super) errors: String,
    pub(super) coder: Coder,
    /// The `newline` argument.
    pub(super) newline: Option<String>,
    pub(super) line_buffering: bool,
    pub(super) write_through: bool,
    pub(super) nl: NewlineState,
    /// Bytes of an incomplete UTF-8 sequence at the end of the last chunk.
    pub(super) utf8_pending: Vec<u8>,
    /// Decoded text not yet returned, from `decoded_pos` (a byte offset).
    pub(super) decoded: Vec<u8>,
    pub(super) decoded_pos: usize,
    /// The bytes the decoder was fed, from a position where its state was
    /// clean, up to the buffer's position (CPython's `snapshot`).
    pub(super) snapshot: Option<Vec<u8>>,
    pub(super) pending: Vec<u8>,
    pub(super) chunk_size: usize,
    pub(super) seekable: bool,
    pub(super) telling: bool,
    pub(super) has_read1: bool,
    pub(super) readable: bool,
    pub(super) writable: bool,
}

impl TextState {
    pub(super) fn trace(&self, visit: Visit) {
        visit(&self.buffer);
        if let Coder::Python { encoder, decoder } = &self.coder {
            for v in [encoder, decoder] {
                if !v.is_null() {
                    visit(v);
                }
            }
        }
    }

    pub(super) fn readuniversal(&self) -> bool {
        matches!(self.newline.as_deref(), None | Some(""))
    }

    pub(super) fn readtranslate(&self) -> bool {
        self.newline.is_none()
    }

    /// The newline written for `\n`, when it is not `\n` itself.
    fn writenl(&self) -> Option<&str> {
        match self.newline.as_deref() {
            Some(nl @ ("\r" | "\r\n")) => Some(nl),
            _ => None,
        }
    }

    pub(super) fn reset_decoder(&mut self) {
        self.nl = NewlineState::default();
        self.utf8_pending.clear();
    }
}

pub static TEXTIOWRAPPER_TYPE: TypeObject = TypeObject {
    init: Some(textio_init),
    repr: Slot::new(textio_repr),
    next: Slot::new(super::textio_read::textio_next),
    methods: &[
        MethodDef { name: "detach", func: |vm, this, a, k| {
            positional(vm, "detach", a, k, 0, 0)?;
            call_method(vm, this, "flush", &[])?;
            let t = take(vm, this)?;
            Ok(t.buffer)
        } },
        MethodDef { name: "write", func: textio_write },
        MethodDef { name: "read", func: super::textio_read::textio_read },
        MethodDef { name: "readline", func: super::textio_read::textio_readline },
        MethodDef { name: "flush", func: |vm, this, a, k| {
            positional(vm, "flush", a, k, 0, 0)?;
            with(vm, this, |vm, t| {
                check_closed(vm, t)?;
                t.telling = t.seekable;
                write_flush(vm, t)?;
                call_method(vm, &t.buffer, "flush", &[])
            })
        } },
        MethodDef { name: "close", func: textio_close },
        MethodDef { name: "fileno", func: |vm, this, _, _| delegate(vm, this, "fileno") },
        MethodDef { name: "seekable", func: |vm, this, _, _| delegate(vm, this, "seekable") },
        MethodDef { name: "readable", func: |vm, this, _, _| delegate(vm, this, "readable") },
        MethodDef { name: "writable", func: |vm, this, _, _| delegate(vm, this, "writable") },
        MethodDef { name: "isatty", func: |vm, this, _, _| delegate(vm, this, "isatty") },
        MethodDef { name: "seek", func: super::textio_read::textio_seek },
        MethodDef { name: "tell", func: super::textio_read::textio_tell },
        MethodDef { name: "truncate", func: |vm, this, a, k| {
            let a = positional(vm, "truncate", a, k, 0, 1)?;
            call_method(vm, this, "flush", &[])?;
            let buffer = with(vm, this, |_, t| Ok(t.buffer.clone()))?;
            let pos = a.first().cloned().unwrap_or_else(none);
            call_method(vm, &buffer, "truncate", &[pos])
        } },
        MethodDef { name: "reconfigure", func: textio_reconfigure },
    ],
    getsets: &[
        GetSetDef { name: "encoding", get: |vm, this| with(vm, this, |_, t| Ok(new_str(&t.encoding))), set: None, member: true },
        GetSetDef { name: "errors", get: |vm, this| with(vm, this, |_, t| Ok(new_str(&t.errors))), set: None, member: false },
        GetSetDef { name: "buffer", get: |vm, this| with(vm, this, |_, t| Ok(t.buffer.clone())), set: None, member: true },
        GetSetDef { name: "line_buffering", get: |vm, this| with(vm, this, |vm, t| Ok(vm.bool(t.line_buffering))), set: None, member: true },
        GetSetDef { name: "write_through", get: |vm, this| with(vm, this, |vm, t| Ok(vm.bool(t.write_through))), set: None, member: true },
        GetSetDef { name: "_finalizing", get: |vm, _| Ok(vm.bool(false)), set: None, member: true },
        GetSetDef { name: "name", get: |vm, this| {
            let b = with(vm, this, |_, t| Ok(t.buffer.clone()))?;
            ops::getattr(vm, &b, &intern("name"))
        }, set: None, member: false },
        GetSetDef { name: "closed", get: |vm, this| {
            let b = with(vm, this, |_, t| Ok(t.buffer.clone()))?;
            ops::getattr(vm, &b, &intern("closed"))
        }, set: None, member: false },
        GetSetDef { name: "newlines", get: |vm, this| {
            with(vm, this, |_, t| Ok(if t.readuniversal() && t.readable { newlines_value(t.nl.seennl) } else { none() }))
        }, set: None, member: false },
        GetSetDef { name: "_CHUNK_SIZE", get: |vm, this| with(vm, this, |_, t| Ok(new_int(t.chunk_size as i64))), set: Some(|vm, this, v| {
            let Some(v) = v else {
                return Err(vm.error(&crate::builtins::exceptions::ATTRIBUTE_ERROR, "cannot delete attribute"));
            };
            let n = super::index_arg(vm, &v)?;
            if n <= 0 {
                return Err(vm.value_error("a strictly positive integer is required"));
            }
            with(vm, this, |_, t| {
                t.chunk_size = n as usize;
                Ok(())
            })
        }), member: false },
    ],
    ..io_type("_io.TextIOWrapper", &TEXT_IOBASE_TYPE)
};

/// Take the state out (see the invariants), or ValueError when detached.
fn take(vm: &mut Vm, this: &Value) -> PyResult<Box<TextState>> {
    let state = std::mem::replace(&mut *io(this).state.borrow_mut(), State::None);
    match state {
        State::Text(t) => Ok(t),
        other => {
            *io(this).state.borrow_mut() = other;
            Err(vm.value_error("underlying buffer has been detached"))
        }
    }
}

/// Run `f` with the state taken out, putting it back after.
pub(super) fn with<T>(vm: &mut Vm, this: &Value, f: impl FnOnce(&mut Vm, &mut TextState) -> PyResult<T>) -> PyResult<T> {
    let mut t = take(vm, this)?;
    let r = f(vm, &mut t);
    *io(this).state.borrow_mut() = State::Text(t);
    r
}

fn delegate(vm: &mut Vm, this: &Value, method: &str) -> PyResult<Value> {
    let buffer = with(vm, this, |_, t| Ok(t.buffer.clone()))?;
    call_method(vm, &buffer, method, &[])
}

/// ValueError "I/O operation on closed file." if the buffer is closed.
pub(super) fn check_closed(vm: &mut Vm, t: &TextState) -> PyResult<()> {
    if buffer_closed(vm, &t.buffer)? {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn buffer_closed(vm: &mut Vm, buffer: &Value) -> PyResult<bool> {
    if let Some(fd) = native_fd(buffer) {
        return Ok(fd < 0);
    }
    let c = ops::getattr(vm, buffer, &intern("closed"))?;
    ops::truthy(vm, &c)
}

/// The descriptor under an exact Buffered* over an exact FileIO.
fn native_fd(buffer: &Value) -> Option<i32> {
    let p = buffer.as_object()?;
    let ty = p.ty();
    if !(std::ptr::eq(ty, &super::buffered::BUFFERED_WRITER_TYPE)
        || std::ptr::eq(ty, &super::buffered::BUFFERED_READER_TYPE)
        || std::ptr::eq(ty, &super::buffered::BUFFERED_RANDOM_TYPE))
    {
        return None;
    }
    match &*io(buffer).state.borrow() {
        State::Buffered(b) if std::ptr::eq(b.raw.as_object()?.ty(), &super::fileio::FILEIO_TYPE) => {
            Some(super::fileio::fd_of(&b.raw))
        }
        _ => None,
    }
}

/// The code points in generalized UTF-8 text.
pub fn count_code_points(text: &[u8]) -> usize {
    text.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// The locale's encoding, as CPython's `locale.getpreferredencoding(False)`
/// gives it: `utf-8` in UTF-8 mode (the C and POSIX locales), else the
/// locale's codeset (`UTF-8` here).
pub fn locale_encoding() -> &'static str {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"].iter().find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    match locale.as_deref() {
        None | Some("C") | Some("POSIX") => "utf-8",
        _ => "UTF-8",
    }
}

// ----- construction ------------------------------------------------------------

/// `TextIOWrapper(buffer, encoding=None, errors=None, newline=None,
/// line_buffering=False, write_through=False)`.
fn textio_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [buffer, encoding, errors, newline, line_buffering, write_through] = crate::builtins::itertools::bind(
        vm,
        "TextIOWrapper",
        args,
        kwnames,
        ["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"],
        6,
        1,
    )?;
    let buffer = buffer.expect("required");
    let str_or_none = |vm: &mut Vm, v: Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(v) if is_none(&v) => Ok(None),
            Some(v) => match crate::builtins::str::as_str(&v) {
                Some(s) => Ok(Some(s.to_string())),
                None => {
                    let msg = format!("TextIOWrapper() argument '{what}' must be str or None, not {}", vm.type_of(&v).name());
                    Err(vm.type_error(msg))
                }
            },
        }
    };
    let encoding = str_or_none(vm, encoding, "encoding")?;
    let errors = str_or_none(vm, errors, "errors")?.unwrap_or_else(|| "strict".into());
    let newline = newline_arg(vm, newline.as_ref(), None, false)?;
    let line_buffering = match line_buffering {
        Some(v) => ops::truthy(vm, &v)?,
        None => false,
    };
    let write_through = match write_through {
        Some(v) => ops::truthy(vm, &v)?,
        None => false,
    };
    let encoding = match encoding {
        Some(e) if e == "locale" => locale_encoding().to_string(),
        Some(e) => e,
        None => locale_encoding().to_string(),
    };
    let state = new_state(vm, buffer, encoding, errors, newline, line_buffering, write_through)?;
    *io(this).state.borrow_mut() = State::Text(Box::new(state));
    Ok(none())
}

/// A wrapper's state over `buffer`, asking it what it can do.
pub(super) fn new_state(
    vm: &mut Vm,
    buffer: Value,
    encoding: String,
    errors: String,
    newline: Option<String>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult<TextState> {
    let readable = {
        let r = call_method(vm, &buffer, "readable", &[])?;
        ops::truthy(vm, &r)?
    };
    let writable = {
        let r = call_method(vm, &buffer, "writable", &[])?;
        ops::truthy(vm, &r)?
    };
    let coder = make_coder(vm, &encoding, &errors, readable, writable)?;
    let seekable = {
        let r = call_method(vm, &buffer, "seekable", &[])?;
        ops::truthy(vm, &r)?
    };
    let has_read1 = ops::getattr_opt(vm, &buffer, &intern("read1"))?.is_some();
    Ok(TextState {
        buffer,
        encoding,
        errors,
        coder,
        newline,
        line_buffering,
        write_through,
        nl: NewlineState::default(),
        utf8_pending: Vec::new(),
        decoded: Vec::new(),
        decoded_pos: 0,
        snapshot: None,
        pending: Vec::new(),
        chunk_size: 8192,
        seekable,
        telling: seekable,
        has_read1,
        readable,
        writable,
    })
}

/// The native codec, else the registry's incremental encoder and
/// decoder (CPython's `_PyCodec_LookupTextEncoding(encoding,
/// "codecs.open()")` and its `incrementalencoder`/`incrementaldecoder`).
fn make_coder(vm: &mut Vm, encoding: &str, errors: &str, readable: bool, writable: bool) -> PyResult<Coder> {
    if let Some(c) = codecs::native(encoding) {
        return Ok(Coder::Native(c));
    }
    let info = codecs::registry::lookup(vm, encoding)?;
    if let Some(flag) = ops::getattr_opt(vm, &info, &intern("_is_text_encoding"))? {
        if !ops::truthy(vm, &flag)? {
            let msg = format!("'{encoding}' is not a text encoding; use codecs.open() to handle arbitrary codecs");
            return Err(vm.error(&crate::builtins::exceptions::LOOKUP_ERROR, msg));
        }
    }
    let make = |vm: &mut Vm, attr: &str| -> PyResult<Value> {
        let cls = ops::getattr(vm, &info, &intern(attr))?;
        crate::eval::call(vm, &cls, &[new_str(errors)], &[])
    };
    let encoder = if writable { make(vm, "incrementalencoder")? } else { Value::NULL };
    let decoder = if readable { make(vm, "incrementaldecoder")? } else { Value::NULL };
    Ok(Coder::Python { encoder, decoder })
}

// ----- writing ------------------------------------------------------------------

/// `write(text)`: the number of code points written.
fn textio_write(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "write", args, kwnames, 1, 1)?;
    let text = a[0].clone();
    with(vm, this, |vm, t| {
        check_closed(vm, t)?;
        let Some(data) = as_str_data(&text) else {
            let msg = format!("write() argument must be str, not {}", vm.type_of(&text).name());
            return Err(vm.type_error(msg));
        };
        let n = data.len();
        write_text(vm, t, data.bytes(), Some(&text))?;
        Ok(new_int(n as i64))
    })
}

/// Encode and queue `text` (generalized UTF-8; `as_str` the same text as
/// a `str`, when the caller has one), flushing as the mode asks.
pub(super) fn write_text(vm: &mut Vm, t: &mut TextState, text: &[u8], as_str: Option<&Value>) -> PyResult<()> {
    if !t.writable {
        return Err(super::unsupported(vm, "not writable"));
    }
    let haslf = text.contains(&b'\n');
    let needflush = t.line_buffering && (haslf || text.contains(&b'\r'));
    let translated;
    let mut text = text;
    let mut as_str = as_str;
    if haslf {
        if let Some(nl) = t.writenl() {
            let mut out = Vec::with_capacity(text.len() + 8);
            for &b in text {
                if b == b'\n' {
                    out.extend_from_slice(nl.as_bytes());
                } else {
                    out.push(b);
                }
            }
            translated = out;
            text = &translated;
            as_str = None;
        }
    }
    match &t.coder {
        Coder::Native(Codec::Utf8) if std::str::from_utf8(text).is_ok() => t.pending.extend_from_slice(text),
        Coder::Native(codec) => {
            let codec = *codec;
            let s = match as_str {
                Some(s) => s.clone(),
                None => super::str_from_wtf8(text),
            };
            let encoded = codecs::encode(vm, as_str_data(&s).expect("a str"), codec, &t.errors)?;
            t.pending.extend_from_slice(&encoded);
        }
        Coder::Python { encoder, .. } => {
            let encoder = encoder.clone();
            let s = match as_str {
                Some(s) => s.clone(),
                None => super::str_from_wtf8(text),
            };
            let b = call_method(vm, &encoder, "encode", &[s])?;
            let Some(b) = as_buffer(&b).map(|b| b.to_vec()) else {
                let msg = format!("encoder should return a bytes object, not '{}'", vm.type_of(&b).name());
                return Err(vm.type_error(msg));
            };
            t.pending.extend_from_slice(&b);
        }
    }
    if t.pending.len() > t.chunk_size || needflush || t.write_through {
        write_flush(vm, t)?;
    }
    if needflush {
        buffer_flush(vm, t)?;
    }
    t.decoded.clear();
    t.decoded_pos = 0;
    t.snapshot = None;
    if t.readable {
        t.reset_decoder();
    }
    Ok(())
}

fn buffer_flush(vm: &mut Vm, t: &TextState) -> PyResult<()> {
    if let Some(fd) = native_fd(&t.buffer).filter(|&fd| fd >= 0) {
        let _ = fd;
        return super::buffered::flush_writes(vm, &t.buffer);
    }
    call_method(vm, &t.buffer, "flush", &[]).map(drop)
}

/// Hand the pending bytes to the buffer (CPython's `_textiowrapper_writeflush`).
pub(super) fn write_flush(vm: &mut Vm, t: &mut TextState) -> PyResult<()> {
    if t.pending.is_empty() {
        return Ok(());
    }
    let data = std::mem::take(&mut t.pending);
    if let Some(full) = super::buffered::append_native(&t.buffer, &data) {
        if full {
            super::buffered::flush_writes(vm, &t.buffer)?;
        }
        return Ok(());
    }
    call_method(vm, &t.buffer, "write", &[new_bytes(data)]).map(drop)
}

/// `print`'s fast path: `text` written to an exact TextIOWrapper with
/// the utf-8 codec and no newline translation, over an open native
/// buffer, without a `str` for it and without leaving Rust; false when
/// `file` is anything else (the caller then calls `file.write`).
pub(super) fn write_fast(vm: &mut Vm, file: &Value, text: &[u8], flush: bool) -> PyResult<bool> {
    let Some(p) = file.as_object() else { return Ok(false) };
    if !std::ptr::eq(p.ty(), &TEXTIOWRAPPER_TYPE) {
        return Ok(false);
    }
    let data = io(file);
    let Ok(mut state) = data.state.try_borrow_mut() else { return Ok(false) };
    let State::Text(t) = &mut *state else { return Ok(false) };
    if !matches!(t.coder, Coder::Native(Codec::Utf8)) || !t.writable || t.writenl().is_some() {
        return Ok(false);
    }
    let open = matches!(native_fd(&t.buffer), Some(fd) if fd >= 0);
    if !open || std::str::from_utf8(text).is_err() {
        return Ok(false);
    }
    let needflush = t.line_buffering && text.iter().any(|&b| b == b'\n' || b == b'\r');
    t.pending.extend_from_slice(text);
    if !t.decoded.is_empty() || t.snapshot.is_some() {
        t.decoded.clear();
        t.decoded_pos = 0;
        t.snapshot = None;
        t.reset_decoder();
    }
    // Only Rust runs below: the buffer and its raw stream are native.
    if t.pending.len() > t.chunk_size || needflush || t.write_through || flush {
        write_flush(vm, t)?;
    }
    if needflush || flush {
        super::buffered::flush_writes(vm, &t.buffer)?;
    }
    Ok(true)
}

/// `close()`: flush, then close the buffer.
fn textio_close(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    positional(vm, "close", args, kwnames, 0, 0)?;
    let buffer = with(vm, this, |_, t| Ok(t.buffer.clone()))?;
    if buffer_closed(vm, &buffer)? {
        return Ok(none());
    }
    let flushed = call_method(vm, this, "flush", &[]);
    let closed = call_method(vm, &buffer, "close", &[]);
    match (flushed, closed) {
        (Err(e), Ok(_)) => Err(e),
        (_, Err(e)) => Err(e),
        (Ok(_), Ok(_)) => Ok(none()),
    }
}

/// Freeing a wrapper hands its pending bytes to a native buffer.
pub(super) fn finalize(t: &mut TextState) {
    if !t.pending.is_empty() {
        let data = std::mem::take(&mut t.pending);
        let _ = super::buffered::append_native(&t.buffer, &data);
    }
}

fn textio_repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let tyname = vm.type_of(this).name();
    let mut out = format!("<{tyname}");
    if !vm.repr_enter(this) {
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, format!("reentrant call inside {tyname}.__repr__")));
    }
    let r = (|| -> PyResult<()> {
        for attr in ["name", "mode"] {
            match ops::getattr(vm, this, &intern(attr)) {
                Ok(v) => {
                    let r = ops::repr(vm, &v)?;
                    out.push_str(&format!(" {attr}={}", crate::builtins::str::as_str(&r).unwrap_or("")));
                }
                Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::EXCEPTION) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    })();
    vm.repr_leave(this);
    r?;
    let encoding = with(vm, this, |_, t| Ok(t.encoding.clone()))?;
    let r = ops::repr(vm, &new_str(&encoding))?;
    out.push_str(&format!(" encoding={}>", crate::builtins::str::as_str(&r).unwrap_or("")));
    Ok(new_str(&out))
}

/// `reconfigure(*, encoding=None, errors=None, newline=..., line_buffering=None, write_through=None)`.
fn textio_reconfigure(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > kwnames.len() {
        return Err(vm.type_error(format!("reconfigure() takes 0 positional arguments but {} were given", args.len() - kwnames.len())));
    }
    let [encoding, errors, newline, line_buffering, write_through] = crate::builtins::itertools::bind(
        vm,
        "reconfigure",
        args,
        kwnames,
        ["encoding", "errors", "newline", "line_buffering", "write_through"],
        0,
        0,
    )?;
    let newline = match newline {
        Some(v) if !v.is(&crate::builtins::singletons::ellipsis()) => Some(newline_arg(vm, Some(&v), None, false)?),
        _ => None,
    };
    let text_arg = |vm: &mut Vm, v: Option<Value>| -> PyResult<Option<String>> {
        match v.filter(|v| !is_none(v)) {
            None => Ok(None),
            Some(v) => match crate::builtins::str::as_str(&v) {
                Some(s) => Ok(Some(s.to_string())),
                None => Err(vm.type_error(format!("reconfigure() argument must be str or None, not {}", vm.type_of(&v).name()))),
            },
        }
    };
    let encoding = text_arg(vm, encoding)?;
    let errors = text_arg(vm, errors)?;
    let line_buffering = match line_buffering.filter(|v| !is_none(v)) {
        Some(v) => Some(ops::truthy(vm, &v)?),
        None => None,
    };
    let write_through = match write_through.filter(|v| !is_none(v)) {
        Some(v) => Some(ops::truthy(vm, &v)?),
        None => None,
    };
    call_method(vm, this, "flush", &[])?;
    with(vm, this, |vm, t| {
        if encoding.is_some() || errors.is_some() {
            if !t.decoded.is_empty() && t.decoded_pos < t.decoded.len() {
                return Err(super::unsupported(vm, "It is not possible to set the encoding or newline of stream after the first read"));
            }
            let encoding = match &encoding {
                Some(e) if e == "locale" => locale_encoding().to_string(),
                Some(e) => e.clone(),
                None => t.encoding.clone(),
            };
            let errors = errors.clone().unwrap_or_else(|| if encoding_given(&encoding, t) { t.errors.clone() } else { "strict".into() });
            t.coder = make_coder(vm, &encoding, &errors, t.readable, t.writable)?;
            t.encoding = encoding;
            t.errors = errors;
        }
        if let Some(nl) = newline {
            t.newline = nl;
        }
        if let Some(lb) = line_buffering {
            t.line_buffering = lb;
        }
        if let Some(wt) = write_through {
            t.write_through = wt;
        }
        Ok(none())
    })
}

fn encoding_given(encoding: &str, t: &TextState) -> bool {
    encoding == t.encoding
}

// ----- IncrementalNewlineDecoder -------------------------------------------------

/// The state of an `IncrementalNewlineDecoder` object.
pub struct NewlineDecoder {
    pub(super) decoder: Value,
    translate: bool,
    nl: NewlineState,
}

pub static NEWLINE_DECODER_TYPE: TypeObject = TypeObject {
    init: Some(decoder_init),
    methods: &[
        MethodDef { name: "decode", func: decoder_decode },
        MethodDef { name: "getstate", func: |vm, this, a, k| {
            positional(vm, "getstate", a, k, 0, 0)?;
            let (inner, pendingcr) = with_decoder(vm, this, |d| (d.decoder.clone(), d.nl.pendingcr))?;
            let (buffer, flag) = if is_none(&inner) {
                (new_bytes(Vec::new()), 0)
            } else {
                let st = call_method(vm, &inner, "getstate", &[])?;
                let items = crate::builtins::tuple::as_tuple(&st).map(|t| t.items.clone()).unwrap_or_default();
                let [b, f] = items.as_slice() else {
                    return Err(vm.type_error("illegal decoder state"));
                };
                (b.clone(), super::int_result(vm, f)?)
            };
            let flag = (flag << 1) | i64::from(pendingcr);
            Ok(crate::builtins::tuple::new_tuple(vec![buffer, new_int(flag)]))
        } },
        MethodDef { name: "setstate", func: |vm, this, a, k| {
            let a = positional(vm, "setstate", a, k, 1, 1)?;
            let items = crate::builtins::tuple::as_tuple(&a[0]).map(|t| t.items.clone()).unwrap_or_default();
            let [b, f] = items.as_slice() else {
                return Err(vm.type_error("state argument must be a tuple"));
            };
            let flag = super::int_result(vm, f)?;
            let inner = with_decoder(vm, this, |d| {
                d.nl.pendingcr = flag & 1 != 0;
                d.decoder.clone()
            })?;
            if !is_none(&inner) {
                let st = crate::builtins::tuple::new_tuple(vec![b.clone(), new_int(flag >> 1)]);
                call_method(vm, &inner, "setstate", &[st])?;
            }
            Ok(none())
        } },
        MethodDef { name: "reset", func: |vm, this, a, k| {
            positional(vm, "reset", a, k, 0, 0)?;
            let inner = with_decoder(vm, this, |d| {
                d.nl = NewlineState::default();
                d.decoder.clone()
            })?;
            if !is_none(&inner) {
                call_method(vm, &inner, "reset", &[])?;
            }
            Ok(none())
        } },
    ],
    getsets: &[GetSetDef {
        name: "newlines",
        get: |vm, this| with_decoder(vm, this, |d| newlines_value(d.nl.seennl)),
        set: None,
        member: false,
    }],
    new: Some(super::io_new),
    ..TypeObject::builtin("_io.IncrementalNewlineDecoder", Some(&crate::types::OBJECT_TYPE), super::dealloc_io, super::trace_io)
};

fn with_decoder<T>(vm: &mut Vm, this: &Value, f: impl FnOnce(&mut NewlineDecoder) -> T) -> PyResult<T> {
    if let State::Decoder(d) = &mut *io(this).state.borrow_mut() {
        return Ok(f(d));
    }
    Err(vm.value_error("IncrementalNewlineDecoder.__init__() not called"))
}

/// `IncrementalNewlineDecoder(decoder, translate, errors='strict')`.
fn decoder_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [decoder, translate, _errors] =
        crate::builtins::itertools::bind(vm, "IncrementalNewlineDecoder", args, kwnames, ["decoder", "translate", "errors"], 3, 2)?;
    let translate = ops::truthy(vm, translate.as_ref().expect("required"))?;
    *io(this).state.borrow_mut() =
        State::Decoder(NewlineDecoder { decoder: decoder.expect("required"), translate, nl: NewlineState::default() });
    Ok(none())
}

/// `decode(input, final=False)`.
fn decoder_decode(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [input, final_] = crate::builtins::itertools::bind(vm, "decode", args, kwnames, ["input", "final"], 2, 1)?;
    let input = input.expect("required");
    let final_ = match final_ {
        Some(f) => ops::truthy(vm, &f)?,
        None => false,
    };
    let inner = with_decoder(vm, this, |d| d.decoder.clone())?;
    let output = if is_none(&inner) {
        input
    } else {
        let f = ops::getattr(vm, &inner, &intern("decode"))?;
        crate::eval::call(vm, &f, &[input, vm.bool(final_)], &[])?
    };
    let Some(text) = as_str_data(&output).map(|d| d.bytes().to_vec()) else {
        let msg = format!("decoder should return a string result, not '{}'", vm.type_of(&output).name());
        return Err(vm.type_error(msg));
    };
    let out = with_decoder(vm, this, |d| {
        let translate = d.translate;
        d.nl.decode(&text, translate, final_)
    })?;
    Ok(super::str_from_wtf8(&out))
}
