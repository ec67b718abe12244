//! `_json.make_scanner(context)` (`_json.Scanner`): a callable
//! `scan_once(string, idx) -> (value, end)` reading one JSON value.
//!
//! Invariants:
//! - The context's `strict`, hooks and parsers are read once, when the
//!   scanner is made (`strict` through its truth value), and are the
//!   scanner's read-only members.
//! - Object keys are shared through a memo dict that lives for one call.
//! - Nested arrays and objects each take a native recursion level, with
//!   CPython's RecursionError messages.

use super::{decode_error, need_str, scan_string, stop_iteration};
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::{exception_with_args, STOP_ITERATION};
use crate::builtins::float::FLOAT_TYPE;
use crate::builtins::int::{new_int, INT_TYPE};
use crate::builtins::itertools::{alloc_for, bind, dealloc_payload, payload, trace_payload, Payload};
use crate::builtins::list::{as_list, new_list};
use crate::builtins::singletons::{bool_value, is_none, none};
use crate::builtins::str::{as_str_data, intern, new_str};
use crate::builtins::tuple::new_tuple;
use crate::eval::call;
use crate::ops;
use crate::types::{type_value, GetSetDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct Scanner {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
}

impl Payload for Scanner {
    fn ty() -> &'static TypeObject {
        &SCANNER_TYPE
    }

    fn trace(&self, visit: Visit) {
        for v in [&self.object_hook, &self.object_pairs_hook, &self.parse_float, &self.parse_int, &self.parse_constant] {
            visit(v);
        }
    }
}

macro_rules! member {
    ($name:literal, $field:ident) => {
        GetSetDef { name: $name, get: |_, v| Ok(payload::<Scanner>(v).$field.clone()), set: None, member: true }
    };
}

pub static SCANNER_TYPE: TypeObject = TypeObject {
    call: Slot::new(scanner_call),
    new: Some(scanner_new),
    getsets: &[
        GetSetDef { name: "strict", get: |_, v| Ok(bool_value(payload::<Scanner>(v).strict)), set: None, member: true },
        member!("object_hook", object_hook),
        member!("object_pairs_hook", object_pairs_hook),
        member!("parse_float", parse_float),
        member!("parse_int", parse_int),
        member!("parse_constant", parse_constant),
    ],
    ..TypeObject::builtin("_json.Scanner", Some(&OBJECT_TYPE), dealloc_payload::<Scanner>, trace_payload::<Scanner>)
};

/// `make_scanner(context)`.
fn scanner_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [ctx] = bind(vm, "make_scanner", args, kwnames, ["context"], 1, 1)?;
    let ctx = ctx.expect("required");
    let strict = ops::getattr(vm, &ctx, &intern("strict"))?;
    let strict = ops::truthy(vm, &strict)?;
    let mut attr = |name| ops::getattr(vm, &ctx, &intern(name));
    let object_hook = attr("object_hook")?;
    let object_pairs_hook = attr("object_pairs_hook")?;
    let parse_float = attr("parse_float")?;
    let parse_int = attr("parse_int")?;
    let parse_constant = attr("parse_constant")?;
    Ok(alloc_for(cls, Scanner { strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant }))
}

/// `scanner(string, idx)`.
fn scanner_call(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [string, idx] = bind(vm, "scan_once", args, kwnames, ["string", "idx"], 2, 2)?;
    let (string, idx) = (string.expect("required"), idx.expect("required"));
    let idx = crate::builtins::str_methods::ssize_arg(vm, &idx)?;
    let text = need_str(vm, &string)?;
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    if idx as usize >= text.len() {
        let exc = exception_with_args(&STOP_ITERATION, vec![new_int(idx as i64)]);
        return Err(crate::vm::PyErr { exception: exc });
    }
    let pos = text.offset_of(idx as usize);
    let mut scan = Scan { s: payload::<Scanner>(this), doc: &string, memo: new_dict() };
    let (value, end) = scan.value(vm, pos)?;
    let end = as_str_data(&string).expect("a str").index_of(end);
    Ok(new_tuple(vec![value, new_int(end as i64)]))
}

/// One call's state: the scanner, the document and the key memo.
struct Scan<'a> {
    s: &'a Scanner,
    doc: &'a Value,
    memo: Value,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl Scan<'_> {
    fn bytes(&self) -> &[u8] {
        as_str_data(self.doc).expect("a str").bytes()
    }

    fn skip_ws(&self, mut pos: usize) -> usize {
        let b = self.bytes();
        while pos < b.len() && is_ws(b[pos]) {
            pos += 1;
        }
        pos
    }

    fn at(&self, pos: usize) -> Option<u8> {
        self.bytes().get(pos).copied()
    }

    /// The JSON value at byte offset `pos` and the offset after it
    /// (CPython's `scan_once_unicode`).
    fn value(&mut self, vm: &mut Vm, pos: usize) -> PyResult<(Value, usize)> {
        let b = self.bytes();
        let Some(&c) = b.get(pos) else {
            return Err(stop_iteration(as_str_data(self.doc).expect("a str"), pos));
        };
        let rest = &b[pos..];
        match c {
            b'"' => return scan_string(vm, self.doc, pos + 1, self.s.strict),
            b'{' => {
                vm.enter_recursion(" while decoding a JSON object from a unicode string")?;
                let r = self.object(vm, pos + 1);
                vm.leave_recursion();
                return r;
            }
            b'[' => {
                vm.enter_recursion(" while decoding a JSON array from a unicode string")?;
                let r = self.array(vm, pos + 1);
                vm.leave_recursion();
                return r;
            }
            b'n' if rest.starts_with(b"null") => return Ok((none(), pos + 4)),
            b't' if rest.starts_with(b"true") => return Ok((bool_value(true), pos + 4)),
            b'f' if rest.starts_with(b"false") => return Ok((bool_value(false), pos + 5)),
            _ => {}
        }
        for constant in ["NaN", "Infinity", "-Infinity"] {
            if rest.starts_with(constant.as_bytes()) {
                let v = call(vm, &self.s.parse_constant, &[intern(constant)], &[])?;
                return Ok((v, pos + constant.len()));
            }
        }
        self.number(vm, pos)
    }

    /// `{...}` from just after the brace.
    fn object(&mut self, vm: &mut Vm, mut pos: usize) -> PyResult<(Value, usize)> {
        let pairs_hook = !is_none(&self.s.object_pairs_hook);
        let result = if pairs_hook { new_list(Vec::new()) } else { new_dict() };
        pos = self.skip_ws(pos);
        if self.at(pos) != Some(b'}') {
            loop {
                if self.at(pos) != Some(b'"') {
                    return Err(decode_error(vm, "Expecting property name enclosed in double quotes", self.doc, pos));
                }
                let (key, next) = scan_string(vm, self.doc, pos + 1, self.s.strict)?;
                let key = as_dict(&self.memo).expect("a dict").setdefault(vm, key.clone(), key)?;
                pos = self.skip_ws(next);
                if self.at(pos) != Some(b':') {
                    return Err(decode_error(vm, "Expecting ':' delimiter", self.doc, pos));
                }
                pos = self.skip_ws(pos + 1);
                let (value, next) = self.value(vm, pos)?;
                if pairs_hook {
                    as_list(&result).expect("a list").append(new_tuple(vec![key, value]));
                } else {
                    as_dict(&result).expect("a dict").set(vm, key, value)?;
                }
                pos = self.skip_ws(next);
                match self.at(pos) {
                    Some(b'}') => break,
                    Some(b',') => pos = self.skip_ws(pos + 1),
                    _ => return Err(decode_error(vm, "Expecting ',' delimiter", self.doc, pos)),
                }
            }
        }
        let end = pos + 1;
        let hook = if pairs_hook { &self.s.object_pairs_hook } else { &self.s.object_hook };
        if is_none(hook) {
            return Ok((result, end));
        }
        Ok((call(vm, hook, &[result], &[])?, end))
    }

    /// `[...]` from just after the bracket.
    fn array(&mut self, vm: &mut Vm, mut pos: usize) -> PyResult<(Value, usize)> {
        let result = new_list(Vec::new());
        pos = self.skip_ws(pos);
        if self.at(pos) != Some(b']') {
            loop {
                let (value, next) = self.value(vm, pos)?;
                as_list(&result).expect("a list").append(value);
                pos = self.skip_ws(next);
                match self.at(pos) {
                    Some(b']') => break,
                    Some(b',') => pos = self.skip_ws(pos + 1),
                    _ => return Err(decode_error(vm, "Expecting ',' delimiter", self.doc, pos)),
                }
            }
        }
        Ok((result, pos + 1))
    }

    /// A number at `start` (CPython's `_match_number_unicode`): an int, or
    /// a float with a fraction or an exponent; `parse_int`/`parse_float`
    /// get its text unless they are `int`/`float` themselves.
    fn number(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let b = self.bytes();
        let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
        let no_value = || stop_iteration(as_str_data(self.doc).expect("a str"), start);
        let mut idx = start;
        if b[idx] == b'-' {
            idx += 1;
            if idx >= b.len() {
                return Err(no_value());
            }
        }
        match b[idx] {
            b'1'..=b'9' => {
                idx += 1;
                while digit(idx) {
                    idx += 1;
                }
            }
            b'0' => idx += 1,
            _ => return Err(no_value()),
        }
        let mut is_float = false;
        if idx + 1 < b.len() && b[idx] == b'.' && digit(idx + 1) {
            is_float = true;
            idx += 2;
            while digit(idx) {
                idx += 1;
            }
        }
        if idx + 1 < b.len() && matches!(b[idx], b'e' | b'E') {
            let e_start = idx;
            idx += 1;
            if idx + 1 < b.len() && matches!(b[idx], b'-' | b'+') {
                idx += 1;
            }
            while digit(idx) {
                idx += 1;
            }
            if digit(idx - 1) {
                is_float = true;
            } else {
                idx = e_start;
            }
        }
        // Only ASCII was consumed, so this is a valid &str.
        let text = std::str::from_utf8(&b[start..idx]).unwrap_or_default().to_string();
        let (custom, native) = if is_float {
            (&self.s.parse_float, &FLOAT_TYPE)
        } else {
            (&self.s.parse_int, &INT_TYPE)
        };
        if custom.bits() != type_value(native).bits() {
            let v = call(vm, custom, &[new_str(&text)], &[])?;
            return Ok((v, idx));
        }
        let v = if is_float {
            match crate::builtins::float_parse::parse_float_ascii(text.as_bytes()) {
                Some(f) => Value::float(f),
                None => return Err(vm.value_error(format!("could not convert string to float: '{text}'"))),
            }
        } else {
            match text.parse::<i64>() {
                Ok(i) => new_int(i),
                Err(_) => call(vm, &type_value(&INT_TYPE), &[new_str(&text)], &[])?,
            }
        };
        Ok((v, idx))
    }
}
