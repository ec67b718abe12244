//! The string a pattern is matched against (CPython's `getstring` and
//! `getslice` in `Modules/_sre/sre.c`): a `str`, or any bytes-like object
//! (bytes, bytearray, memoryview).
//!
//! Invariants:
//! - The engine sees characters by index: an ASCII `str` and a `bytes` as
//!   their own bytes (no copy); a non-ASCII `str` as its code points,
//!   decoded once per call (or once per scanner); a bytearray or
//!   memoryview as a copy of its bytes taken when the call starts.
//! - The code points of the last long non-ASCII exact `str` decoded are
//!   kept (with a reference to it) and reused while the next subject is
//!   that same object: the idiom `pattern.match(text, pos)` in a loop over
//!   one long text costs one decoding, not one per call.
//! - While a Subject of a bytearray lives (one call, or a scanner's life)
//!   it counts as an export of the bytearray, which then refuses to change
//!   size (BufferError), as CPython's buffer view makes it.
//! - A slice of a `str` subject is a `str` (the subject itself when it is
//!   an exact `str` and the slice is all of it); a slice of any bytes-like
//!   subject is a `bytes`, as in CPython.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::bytes::{as_buffer, as_bytearray, as_bytes, new_bytes, BYTES_TYPE};
use crate::builtins::str::{as_str_data, new_str_bytes, StrData, STR_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A subject, ready for the engine.
pub struct Subject {
    /// The object given.
    pub value: Value,
    text: Text,
}

enum Text {
    /// An ASCII `str` or a `bytes`: read from `value` itself.
    Own,
    /// A non-ASCII `str`'s code points.
    Wide(Rc<[u32]>),
    /// A bytearray's or memoryview's bytes.
    Copied(Box<[u8]>),
}

/// The characters of a subject, borrowed for a match.
pub enum Chars<'a> {
    Narrow(&'a [u8]),
    Wide(&'a [u32]),
}

impl Drop for Subject {
    fn drop(&mut self) {
        if let Some(a) = as_bytearray(&self.value) {
            a.exports.set(a.exports.get().saturating_sub(1));
        }
    }
}

impl Subject {
    /// The subject `v`, or CPython's TypeError for anything else.
    pub fn new(vm: &mut Vm, v: &Value) -> PyResult<Subject> {
        match Subject::try_new(v) {
            Some(s) => Ok(s),
            None => {
                let msg = format!("expected string or bytes-like object, got '{}'", vm.type_of(v).name());
                Err(vm.type_error(msg))
            }
        }
    }

    /// The subject `v`, if it is a string or bytes-like.
    pub fn try_new(v: &Value) -> Option<Subject> {
        if let Some(d) = as_str_data(v) {
            let text = if d.len() == d.bytes().len() { Text::Own } else { Text::Wide(code_points(v, d)) };
            return Some(Subject { value: v.clone(), text });
        }
        if as_bytes(v).is_some() {
            return Some(Subject { value: v.clone(), text: Text::Own });
        }
        let copy: Box<[u8]> = (*as_buffer(v)?).into();
        if let Some(a) = as_bytearray(v) {
            a.exports.set(a.exports.get() + 1);
        }
        Some(Subject { value: v.clone(), text: Text::Copied(copy) })
    }

    pub fn is_bytes(&self) -> bool {
        as_str_data(&self.value).is_none()
    }

    pub fn chars(&self) -> Chars<'_> {
        match &self.text {
            Text::Own => match as_str_data(&self.value) {
                Some(d) => Chars::Narrow(d.bytes()),
                None => Chars::Narrow(as_bytes(&self.value).unwrap_or(&[])),
            },
            Text::Wide(w) => Chars::Wide(w),
            Text::Copied(b) => Chars::Narrow(b),
        }
    }

    /// The number of characters.
    pub fn len(&self) -> usize {
        match self.chars() {
            Chars::Narrow(b) => b.len(),
            Chars::Wide(w) => w.len(),
        }
    }

    /// Characters `i..j` as a `str` or `bytes` (CPython's `getslice`).
    pub fn slice(&self, i: usize, j: usize) -> Value {
        match (as_str_data(&self.value), self.chars()) {
            (Some(d), _) => str_slice(&self.value, d, i, j),
            (None, Chars::Narrow(b)) => {
                if i == 0 && j == b.len() && is_exact(&self.value, &BYTES_TYPE) {
                    return self.value.clone();
                }
                new_bytes(b[i.min(j)..j].to_vec())
            }
            (None, Chars::Wide(_)) => unreachable!("bytes subjects are narrow"),
        }
    }

    /// The empty string of the subject's kind (the joiner of `sub`).
    pub fn empty(&self) -> Value {
        self.slice(0, 0)
    }
}

/// Strings shorter than this are decoded afresh each time.
const CACHED_LENGTH: usize = 256;

/// A `str` and its code points.
type Decoded = Option<(Value, Rc<[u32]>)>;

thread_local! {
    /// The last long exact `str` decoded, and its code points. Leaked, as
    /// `str::INTERNED` is: dropping it at thread exit would free an object
    /// after the allocator's own thread-locals are gone.
    static DECODED: &'static RefCell<Decoded> = Box::leak(Box::new(RefCell::new(None)));
}

/// The code points of the non-ASCII string `v` (payload `d`).
fn code_points(v: &Value, d: &StrData) -> Rc<[u32]> {
    if d.len() < CACHED_LENGTH || !is_exact(v, &STR_TYPE) {
        return d.code_points().collect();
    }
    DECODED.with(|cache| {
        if let Some((s, cps)) = &*cache.borrow() {
            if s.is(v) {
                return cps.clone();
            }
        }
        let cps: Rc<[u32]> = d.code_points().collect();
        // The string replaced is an exact str: freeing it runs no Python code.
        let old = cache.borrow_mut().replace((v.clone(), cps.clone()));
        drop(old);
        cps
    })
}

fn is_exact(v: &Value, ty: &crate::types::TypeObject) -> bool {
    v.as_object().is_some_and(|p| std::ptr::eq(p.ty(), ty))
}

/// Code points `i..j` of the string `v` (whose payload is `d`).
pub fn str_slice(v: &Value, d: &StrData, i: usize, j: usize) -> Value {
    if i == 0 && j == d.len() && is_exact(v, &STR_TYPE) {
        return v.clone();
    }
    let (a, b) = (d.offset_of(i), d.offset_of(j.max(i)));
    new_str_bytes(d.bytes()[a..b].into(), j.saturating_sub(i))
}

/// Characters `i..j` of the object `v` a match was made on, read again as
/// CPython's `match_getslice_by_index` does (a bytearray may have changed
/// since: the bounds are clamped to its length).
pub fn slice_of(vm: &mut Vm, v: &Value, i: usize, j: usize) -> PyResult<Value> {
    if let Some(d) = as_str_data(v) {
        let (i, j) = (i.min(d.len()), j.min(d.len()));
        return Ok(str_slice(v, d, i, j));
    }
    if let Some(b) = as_bytes(v) {
        let (i, j) = (i.min(b.len()), j.min(b.len()));
        if i == 0 && j == b.len() && is_exact(v, &BYTES_TYPE) {
            return Ok(v.clone());
        }
        return Ok(new_bytes(b[i.min(j)..j].to_vec()));
    }
    match as_buffer(v) {
        Some(b) => {
            let (i, j) = (i.min(b.len()), j.min(b.len()));
            Ok(new_bytes(b[i.min(j)..j].to_vec()))
        }
        None => {
            let msg = format!("expected string or bytes-like object, got '{}'", vm.type_of(v).name());
            Err(vm.type_error(msg))
        }
    }
}
