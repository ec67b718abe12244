//! The scanning methods of `re.Pattern`: `findall`, `split`, `sub` and
//! `subn` (CPython's `pattern_findall`, `pattern_split`, `pattern_subx`).
//!
//! Invariants:
//! - Each scans left to right; after an empty match the next match may not
//!   be empty at the same place (`must_advance`), as in 3.7+.
//! - `sub` takes a callable, a literal (a str or bytes-like without a
//!   backslash), or hands the template to `re._subx` (3.11 has no
//!   `_sre.template`), whose result is a literal or a callable.
//! - The pieces are joined at the end, as CPython's `PyUnicode_Join` /
//!   `PyBytes_Join` of its list: every callable has run before a piece of
//!   the wrong type is reported, with its index in that list.

use super::engine::State;
use super::pattern::{pattern_of, run_search, state_init};
use super::subject::{str_slice, Chars, Subject};
use super::{clinic, match_obj, ssize_or};
use crate::builtins::bytes::{as_buffer, as_bytes, new_bytes, BYTES_TYPE};
use crate::builtins::list::new_list;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str_data, new_str, new_str_bytes, STR_TYPE};
use crate::builtins::tuple::new_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `findall(string, pos=0, endpos=sys.maxsize)`: the matches' texts, or
/// their group (one group) or groups (several), "" for a group that did
/// not take part.
pub fn findall(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [string, pos, endpos] = clinic(vm, "findall", args, kwnames, ["string", "pos", "endpos"], 1)?;
    let pos = ssize_or(vm, &pos, 0)?;
    let endpos = ssize_or(vm, &endpos, i64::MAX)?;
    let p = pattern_of(this);
    let (subject, mut state) = state_init(vm, p, &string.unwrap_or_else(none), pos, endpos)?;
    let mut out = Vec::new();
    while state.start <= state.end {
        state.reset();
        state.ptr = state.start;
        if !run_search(vm, p, &subject, &mut state)? {
            break;
        }
        out.push(match p.groups {
            0 => subject.slice(state.start, state.ptr),
            1 => group_text(vm, &subject, &state, 1, true)?,
            n => {
                let mut items = Vec::with_capacity(n);
                for g in 1..=n {
                    items.push(group_text(vm, &subject, &state, g, true)?);
                }
                new_tuple(items)
            }
        });
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
    }
    Ok(new_list(out))
}

/// `split(string, maxsplit=0)`: the text between matches, with each
/// match's groups (None for a group that did not take part) between.
pub fn split(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [string, maxsplit] = clinic(vm, "split", args, kwnames, ["string", "maxsplit"], 1)?;
    let maxsplit = ssize_or(vm, &maxsplit, 0)?;
    let p = pattern_of(this);
    let (subject, mut state) = state_init(vm, p, &string.unwrap_or_else(none), 0, i64::MAX)?;
    let mut out = Vec::new();
    let mut n = 0;
    let mut last = state.start;
    while maxsplit == 0 || n < maxsplit {
        state.reset();
        state.ptr = state.start;
        if !run_search(vm, p, &subject, &mut state)? {
            break;
        }
        out.push(subject.slice(last, state.start));
        for g in 1..=p.groups {
            out.push(group_text(vm, &subject, &state, g, false)?);
        }
        n += 1;
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
        last = state.start;
    }
    out.push(subject.slice(last, state.endpos));
    Ok(new_list(out))
}

/// Group `g`'s text, or "" (`empty`) or None if it did not take part
/// (CPython's `state_getslice`, with its check of the span).
fn group_text(vm: &mut Vm, subject: &Subject, state: &State, g: usize, empty: bool) -> PyResult<Value> {
    match state.group_span(g) {
        Some((a, b)) if a > b => Err(match_obj::wrong_span(vm)),
        Some((a, b)) => Ok(subject.slice(a, b)),
        None if empty => Ok(subject.empty()),
        None => Ok(none()),
    }
}

/// What replaces each match.
enum Filter {
    Literal(Value),
    Callable(Value),
}

/// A piece of the result: subject characters `i..j`, or a value.
enum Piece {
    Slice(usize, usize),
    Item(Value),
}

/// Does the str or bytes-like `v` hold no backslash? (None if it is
/// neither: then it goes to `re._subx`.)
fn is_literal(v: &Value) -> Option<bool> {
    if let Some(d) = as_str_data(v) {
        // In (generalized) UTF-8 the byte 0x5C is only ever a backslash.
        return Some(!d.bytes().contains(&b'\\'));
    }
    as_buffer(v).map(|b| !b.contains(&b'\\'))
}

/// `sub(repl, string, count=0)` and `subn`.
pub fn sub(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value], fname: &str, subn: bool) -> PyResult<Value> {
    let [repl, string, count] = clinic(vm, fname, args, kwnames, ["repl", "string", "count"], 2)?;
    let count = ssize_or(vm, &count, 0)?;
    let (repl, string) = (repl.unwrap_or_else(none), string.unwrap_or_else(none));
    let filter = if crate::ops::is_callable(vm, &repl) {
        Filter::Callable(repl)
    } else if is_literal(&repl) == Some(true) {
        Filter::Literal(repl)
    } else {
        // Not a literal: `re._subx(pattern, template)` compiles it.
        let re = crate::import::import_module(vm, "re")?;
        let subx = crate::ops::getattr(vm, &re, &new_str("_subx"))?;
        let f = crate::eval::call(vm, &subx, &[this.clone(), repl], &[])?;
        if crate::ops::is_callable(vm, &f) {
            Filter::Callable(f)
        } else {
            Filter::Literal(f)
        }
    };
    let p = pattern_of(this);
    let (subject, mut state) = state_init(vm, p, &string, 0, i64::MAX)?;
    let mut pieces = Vec::new();
    let (mut n, mut i) = (0i64, 0usize);
    while count == 0 || n < count {
        state.reset();
        state.ptr = state.start;
        if !run_search(vm, p, &subject, &mut state)? {
            break;
        }
        let (b, e) = (state.start, state.ptr);
        if i < b {
            pieces.push(Piece::Slice(i, b));
        }
        let item = match &filter {
            Filter::Literal(v) => v.clone(),
            Filter::Callable(f) => {
                let m = match_obj::new_match(vm, this, &subject.value, &state)?;
                crate::eval::call(vm, f, &[m], &[])?
            }
        };
        if !is_none(&item) {
            pieces.push(Piece::Item(item));
        }
        i = e;
        n += 1;
        state.must_advance = state.ptr == state.start;
        state.start = state.ptr;
    }
    if i < state.endpos {
        pieces.push(Piece::Slice(i, state.endpos));
    }
    let joined = if subject.is_bytes() { join_bytes(vm, &subject, pieces)? } else { join_str(vm, &subject, pieces)? };
    Ok(if subn { new_tuple(vec![joined, crate::builtins::int::new_int(n)]) } else { joined })
}

fn is_exact(v: &Value, ty: &crate::types::TypeObject) -> bool {
    v.as_object().is_some_and(|p| std::ptr::eq(p.ty(), ty))
}

/// `"".join(pieces)` (`PyUnicode_Join`: one exact str is the result itself).
fn join_str(vm: &mut Vm, subject: &Subject, pieces: Vec<Piece>) -> PyResult<Value> {
    let d = as_str_data(&subject.value).expect("a str subject");
    if let [only] = &pieces[..] {
        let v = match only {
            Piece::Slice(i, j) => str_slice(&subject.value, d, *i, *j),
            Piece::Item(v) => v.clone(),
        };
        if is_exact(&v, &STR_TYPE) {
            return Ok(v);
        }
    }
    let mut bytes = Vec::new();
    let mut len = 0;
    for (k, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Slice(i, j) => {
                let (a, b) = match subject.chars() {
                    Chars::Narrow(_) => (*i, *j),
                    Chars::Wide(_) => (d.offset_of(*i), d.offset_of(*j)),
                };
                bytes.extend_from_slice(&d.bytes()[a..b]);
                len += j - i;
            }
            Piece::Item(v) => match as_str_data(v) {
                Some(s) => {
                    bytes.extend_from_slice(s.bytes());
                    len += s.len();
                }
                None => {
                    let msg = format!("sequence item {k}: expected str instance, {} found", vm.type_of(v).name());
                    return Err(vm.type_error(msg));
                }
            },
        }
    }
    Ok(new_str_bytes(bytes.into(), len))
}

/// `b"".join(pieces)` (`PyBytes_Join`: one exact bytes is the result itself).
fn join_bytes(vm: &mut Vm, subject: &Subject, pieces: Vec<Piece>) -> PyResult<Value> {
    if let [only] = &pieces[..] {
        let v = match only {
            Piece::Slice(i, j) => subject.slice(*i, *j),
            Piece::Item(v) => v.clone(),
        };
        if is_exact(&v, &BYTES_TYPE) {
            return Ok(v);
        }
    }
    let mut out = Vec::new();
    let text = match subject.chars() {
        Chars::Narrow(b) => b,
        Chars::Wide(_) => &[],
    };
    for (k, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Slice(i, j) => out.extend_from_slice(&text[*i..*j]),
            Piece::Item(v) => {
                if let Some(b) = as_bytes(v) {
                    out.extend_from_slice(b);
                } else if let Some(b) = as_buffer(v) {
                    out.extend_from_slice(&b);
                } else {
                    let msg = format!("sequence item {k}: expected a bytes-like object, {} found", vm.type_of(v).name());
                    return Err(vm.type_error(msg));
                }
            }
        }
    }
    if out.is_empty() && pieces.is_empty() {
        return Ok(subject.empty());
    }
    Ok(new_bytes(out))
}
