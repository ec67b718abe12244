//! `_io.StringIO` (CPython's `stringio.c`) and the newline translation
//! it shares with TextIOWrapper (`NewlineState`, CPython's
//! `IncrementalNewlineDecoder` logic).
//!
//! Invariants:
//! - The text is a vector of code points, so positions are code points
//!   as in CPython; `pos` may lie beyond the end (a write there pads with
//!   NUL characters).
//! - Newlines are translated when written, as CPython's StringIO does:
//!   with `newline=None` every `\r\n` and `\r` becomes `\n`; with a `\r`
//!   or `\r\n` newline, `\n` becomes it; `''` and `'\n'` keep the text.

use super::{io, io_type, positional, size_arg, State, TEXT_IOBASE_TYPE};
use crate::builtins::int::new_int;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str_data, new_str};
use crate::types::{GetSetDef, MethodDef, TypeObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub const SEEN_LF: u8 = 1;
pub const SEEN_CR: u8 = 2;
pub const SEEN_CRLF: u8 = 4;

/// What an incremental newline decoder remembers between calls.
#[derive(Clone, Copy, Default)]
pub struct NewlineState {
    pub pendingcr: bool,
    pub seennl: u8,
}

impl NewlineState {
    /// CPython's `_PyIncrementalNewlineDecoder_decode` over decoded text
    /// (generalized UTF-8: `\r` and `\n` are single bytes in it).
    pub fn decode(&mut self, input: &[u8], translate: bool, final_: bool) -> Vec<u8> {
        let mut out = Vec::with_capacity(input.len() + 1);
        if self.pendingcr && (final_ || !input.is_empty()) {
            out.push(b'\r');
            self.pendingcr = false;
        }
        out.extend_from_slice(input);
        if !final_ && out.last() == Some(&b'\r') {
            out.pop();
            self.pendingcr = true;
        }
        if !out.contains(&b'\r') {
            if out.contains(&b'\n') {
                self.seennl |= SEEN_LF;
            }
            return out;
        }
        let mut res = Vec::with_capacity(out.len());
        let mut i = 0;
        while i < out.len() {
            match out[i] {
                b'\r' if out.get(i + 1) == Some(&b'\n') => {
                    self.seennl |= SEEN_CRLF;
                    if translate {
                        res.push(b'\n');
                    } else {
                        res.extend_from_slice(b"\r\n");
                    }
                    i += 2;
                    continue;
                }
                b'\r' => {
                    self.seennl |= SEEN_CR;
                    res.push(if translate { b'\n' } else { b'\r' });
                }
                b'\n' => {
                    self.seennl |= SEEN_LF;
                    res.push(b'\n');
                }
                b => res.push(b),
            }
            i += 1;
        }
        res
    }
}

/// The `newlines` attribute for the kinds of newline seen.
pub fn newlines_value(seennl: u8) -> Value {
    let names: Vec<&str> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")]
        .iter()
        .filter(|(bit, _)| seennl & bit != 0)
        .map(|&(_, s)| s)
        .collect();
    match names.as_slice() {
        [] => none(),
        [one] => new_str(one),
        _ => crate::builtins::tuple::new_tuple(names.iter().map(|s| new_str(s)).collect()),
    }
}

/// Check a `newline` argument: None or one of CPython's five strings.
/// (StringIO's message shows the repr of a bad value, TextIOWrapper's the
/// text: `quoted`).
pub fn newline_arg(vm: &mut Vm, v: Option<&Value>, default: Option<&'static str>, quoted: bool) -> PyResult<Option<String>> {
    let Some(v) = v else {
        return Ok(default.map(str::to_string));
    };
    if is_none(v) {
        return Ok(None);
    }
    let Some(s) = as_str_data(v) else {
        let msg = format!("newline must be str or None, not {}", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    let s = String::from_utf8_lossy(s.bytes()).into_owned();
    if !["", "\n", "\r", "\r\n"].contains(&s.as_str()) {
        let r = if quoted { crate::ops::repr_string(vm, v)? } else { s };
        return Err(vm.value_error(format!("illegal newline value: {r}")));
    }
    Ok(Some(s))
}

pub struct StringState {
    buf: Vec<u32>,
    pos: usize,
    closed: bool,
    /// The `newline` argument (None: universal newlines, translated).
    newline: Option<String>,
    nl: NewlineState,
}

impl StringState {
    fn readuniversal(&self) -> bool {
        matches!(self.newline.as_deref(), None | Some(""))
    }

    fn write(&mut self, text: &[u8]) -> usize {
        let n = crate::builtins::io::textio::count_code_points(text);
        let translated: Vec<u8>;
        let mut text = text;
        if self.readuniversal() {
            translated = self.nl.decode(text, self.newline.is_none(), true);
            text = &translated;
        }
        let cps: Vec<u32> = match self.newline.as_deref() {
            Some(nl @ ("\r" | "\r\n")) => {
                let mut out = Vec::with_capacity(text.len());
                for cp in krait_syntax::pystr::decode_code_points(text) {
                    if cp == u32::from(b'\n') {
                        out.extend(nl.chars().map(u32::from));
                    } else {
                        out.push(cp);
                    }
                }
                out
            }
            _ => krait_syntax::pystr::decode_code_points(text).collect(),
        };
        if cps.is_empty() {
            return n;
        }
        if self.pos > self.buf.len() {
            self.buf.resize(self.pos, 0);
        }
        let end = self.pos + cps.len();
        if end > self.buf.len() {
            self.buf.resize(end, 0);
        }
        self.buf[self.pos..end].copy_from_slice(&cps);
        self.pos = end;
        n
    }

    fn read(&mut self, size: Option<i64>) -> Value {
        if self.pos >= self.buf.len() {
            return new_str("");
        }
        let start = self.pos;
        let avail = self.buf.len() - start;
        let n = size.map_or(avail, |s| (s as usize).min(avail));
        self.pos = start + n;
        str_of(&self.buf[start..start + n])
    }

    fn readline(&mut self, limit: Option<i64>) -> Value {
        if self.pos >= self.buf.len() {
            return new_str("");
        }
        let start = self.pos;
        let rest = &self.buf[start..];
        let mut n = line_end(rest, self.readuniversal(), self.newline.as_deref());
        if let Some(l) = limit {
            n = n.min(l as usize);
        }
        self.pos = start + n;
        str_of(&rest[..n])
    }
}

/// The length of the first line of `text`, its terminator included.
fn line_end(text: &[u32], universal: bool, newline: Option<&str>) -> usize {
    const CR: u32 = b'\r' as u32;
    const LF: u32 = b'\n' as u32;
    if universal {
        for (i, &c) in text.iter().enumerate() {
            if c == LF {
                return i + 1;
            }
            if c == CR {
                return if text.get(i + 1) == Some(&LF) { i + 2 } else { i + 1 };
            }
        }
        return text.len();
    }
    let nl: Vec<u32> = newline.unwrap_or("\n").chars().map(u32::from).collect();
    text.windows(nl.len()).position(|w| w == nl.as_slice()).map_or(text.len(), |i| i + nl.len())
}

/// A `str` of code points.
pub(super) fn str_of(cps: &[u32]) -> Value {
    let mut s = krait_syntax::pystr::PyString::new();
    for &c in cps {
        s.push_code_point(c);
    }
    crate::builtins::str::new_str_from_pystring(&s)
}

pub static STRINGIO_TYPE: TypeObject = TypeObject {
    init: Some(stringio_init),
    // As CPython's `stringio_new`: an empty, usable object before `__init__`.
    new: Some(|vm, cls, args, kwnames| {
        let obj = super::alloc_io(cls);
        let state = StringState { buf: Vec::new(), pos: 0, closed: false, newline: Some("\n".into()), nl: NewlineState::default() };
        *io(&obj).state.borrow_mut() = State::Str(state);
        if cls.heap.is_none() {
            stringio_init(vm, &obj, args, kwnames)?;
        }
        Ok(obj)
    }),
    next: crate::types::Slot::new(|vm, this| {
        // The generic `readline` look-up when a class overrides it.
        if vm.type_of(this).heap.is_some() {
            return super::iobase::iobase_next(vm, this);
        }
        let line = with(vm, this, |_, s| Ok(s.readline(None)))?;
        Ok((!as_str_data(&line).is_some_and(|d| d.is_empty())).then_some(line))
    }),
    methods: &[
        MethodDef { name: "getvalue", func: |vm, this, a, k| {
            positional(vm, "getvalue", a, k, 0, 0)?;
            with(vm, this, |_, s| Ok(str_of(&s.buf)))
        } },
        MethodDef { name: "read", func: |vm, this, a, k| {
            let a = positional(vm, "read", a, k, 0, 1)?;
            let size = size_arg(vm, a.first())?;
            with(vm, this, |_, s| Ok(s.read(size)))
        } },
        MethodDef { name: "readline", func: |vm, this, a, k| {
            let a = positional(vm, "readline", a, k, 0, 1)?;
            let limit = size_arg(vm, a.first())?;
            with(vm, this, |_, s| Ok(s.readline(limit)))
        } },
        MethodDef { name: "write", func: |vm, this, a, k| {
            let a = positional(vm, "write", a, k, 1, 1)?;
            let Some(text) = as_str_data(&a[0]) else {
                let msg = format!("string argument expected, got '{}'", vm.type_of(&a[0]).name());
                return Err(vm.type_error(msg));
            };
            let bytes = text.bytes().to_vec();
            with(vm, this, |_, s| Ok(new_int(s.write(&bytes) as i64)))
        } },
        MethodDef { name: "seek", func: stringio_seek },
        MethodDef { name: "tell", func: |vm, this, a, k| {
            positional(vm, "tell", a, k, 0, 0)?;
            with(vm, this, |_, s| Ok(new_int(s.pos as i64)))
        } },
        MethodDef { name: "truncate", func: |vm, this, a, k| {
            let a = positional(vm, "truncate", a, k, 0, 1)?;
            let size = match a.first().filter(|v| !is_none(v)) {
                Some(v) => Some(super::index_arg(vm, v)?),
                None => None,
            };
            with(vm, this, |vm, s| {
                let size = size.unwrap_or(s.pos as i64);
                if size < 0 {
                    return Err(vm.value_error(format!("Negative size value {size}")));
                }
                if (size as usize) < s.buf.len() {
                    s.buf.truncate(size as usize);
                }
                Ok(new_int(size))
            })
        } },
        MethodDef { name: "close", func: |vm, this, a, k| {
            positional(vm, "close", a, k, 0, 0)?;
            if let State::Str(s) = &mut *io(this).state.borrow_mut() {
                s.closed = true;
                s.buf = Vec::new();
            }
            Ok(none())
        } },
        MethodDef { name: "__getstate__", func: |vm, this, a, k| {
            positional(vm, "__getstate__", a, k, 0, 0)?;
            let (value, newline, pos) = with(vm, this, |_, s| Ok((str_of(&s.buf), s.newline.as_deref().map_or_else(none, new_str), s.pos)))?;
            let dict = super::state_dict(vm, this)?;
            Ok(crate::builtins::tuple::new_tuple(vec![value, newline, new_int(pos as i64), dict]))
        } },
        MethodDef { name: "__setstate__", func: stringio_setstate },
        MethodDef { name: "readable", func: true_if_open },
        MethodDef { name: "writable", func: true_if_open },
        MethodDef { name: "seekable", func: true_if_open },
    ],
    getsets: &[
        GetSetDef {
            name: "closed",
            get: |vm, this| match &*io(this).state.borrow() {
                State::Str(s) => Ok(vm.bool(s.closed)),
                _ => Ok(vm.bool(false)),
            },
            set: None,
            member: false,
        },
        GetSetDef { name: "line_buffering", get: |vm, this| with(vm, this, |vm, _| Ok(vm.bool(false))), set: None, member: false },
        GetSetDef {
            name: "newlines",
            get: |vm, this| {
                with(vm, this, |_, s| Ok(if s.readuniversal() { newlines_value(s.nl.seennl) } else { none() }))
            },
            set: None,
            member: false,
        },
    ],
    ..io_type("_io.StringIO", &TEXT_IOBASE_TYPE)
};

/// `StringIO(initial_value='', newline='\n')`.
fn stringio_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [initial, newline] = crate::builtins::itertools::bind(vm, "StringIO", args, kwnames, ["initial_value", "newline"], 2, 0)?;
    let newline = newline_arg(vm, newline.as_ref(), Some("\n"), true)?;
    let initial = match initial.filter(|v| !is_none(v)) {
        None => Vec::new(),
        Some(v) => match as_str_data(&v) {
            Some(d) => d.bytes().to_vec(),
            None => {
                let msg = format!("initial_value must be str or None, not {}", vm.type_of(&v).name());
                return Err(vm.type_error(msg));
            }
        },
    };
    let mut state = StringState { buf: Vec::new(), pos: 0, closed: false, newline, nl: NewlineState::default() };
    state.write(&initial);
    state.pos = 0;
    *io(this).state.borrow_mut() = State::Str(state);
    Ok(none())
}

/// `__setstate__((value, newline, pos, dict))` (CPython's checks).
fn stringio_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "__setstate__", args, kwnames, 1, 1)?;
    with(vm, this, |_, _| Ok(()))?;
    let items = match crate::builtins::tuple::as_tuple(&a[0]) {
        Some(t) if t.items.len() == 4 => t.items.clone(),
        _ => {
            let msg = format!("{}.__setstate__ argument should be 4-tuple, got {}", vm.type_of(this).name(), vm.type_of(&a[0]).name());
            return Err(vm.type_error(msg));
        }
    };
    let newline = newline_arg(vm, Some(&items[1]), None, true)?;
    let Some(text) = as_str_data(&items[0]).map(|d| d.bytes().to_vec()) else {
        let msg = format!("initial_value must be str or None, not {}", vm.type_of(&items[0]).name());
        return Err(vm.type_error(msg));
    };
    let pos = super::state_position(vm, &items[2])?;
    super::set_state_dict(vm, this, &items[3], "fourth")?;
    with(vm, this, |_, s| {
        s.newline = newline;
        s.nl = NewlineState::default();
        s.buf = krait_syntax::pystr::decode_code_points(&text).collect();
        s.pos = pos;
        Ok(none())
    })
}

/// Run `f` on the open StringIO, or raise ValueError.
fn with<T>(vm: &mut Vm, this: &Value, f: impl FnOnce(&mut Vm, &mut StringState) -> PyResult<T>) -> PyResult<T> {
    let data = io(this);
    let mut state = data.state.borrow_mut();
    match &mut *state {
        State::Str(s) if !s.closed => f(vm, s),
        State::Str(_) => {
            drop(state);
            Err(vm.value_error("I/O operation on closed file"))
        }
        _ => {
            drop(state);
            Err(super::uninitialized(vm, this))
        }
    }
}

fn true_if_open(vm: &mut Vm, this: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    with(vm, this, |vm, _| Ok(vm.bool(true)))
}

/// `seek(pos, whence=0)`: only zero offsets from the current position or
/// the end (CPython's messages).
fn stringio_seek(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "seek", args, kwnames, 1, 2)?;
    let pos = super::index_arg(vm, &a[0])?;
    let whence = match a.get(1) {
        Some(w) => super::index_arg(vm, w)?,
        None => 0,
    };
    with(vm, this, |vm, s| {
        if !(0..=2).contains(&whence) {
            return Err(vm.value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
        }
        if pos < 0 && whence == 0 {
            return Err(vm.value_error(format!("Negative seek position {pos}")));
        }
        // CPython says "cur" for both.
        if whence != 0 && pos != 0 {
            return Err(vm.error(&crate::builtins::exceptions::OS_ERROR, "Can't do nonzero cur-relative seeks"));
        }
        s.pos = match whence {
            0 => pos as usize,
            1 => s.pos,
            _ => s.buf.len(),
        };
        Ok(new_int(s.pos as i64))
    })
}
