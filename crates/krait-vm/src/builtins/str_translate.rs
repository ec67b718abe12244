//! `str.maketrans` and `str.translate` (CPython's `_PyUnicode_Maketrans`
//! and `_PyUnicode_TranslateCharmap` with the "ignore" handler).
//!
//! Invariants:
//! - `translate` asks the table `table[ord(c)]` (any object with
//!   `__getitem__`; a LookupError means "keep `c`") in CPython's order and
//!   as often as CPython does, so a table with side effects sees the same
//!   calls: an ASCII string first goes through a per-call cache of the
//!   128 ASCII answers, left as soon as an answer is not a single ASCII
//!   character or a deletion; the rest asks once per character, plus once
//!   more for the character that ends a run of deletions.
//! - A mapped value is None (delete), an int in `range(0x110000)`, or a
//!   str; anything else is CPython's TypeError or ValueError.

use crate::builtins::dict::{as_dict, new_dict, DICT_TYPE};
use crate::builtins::exceptions::LOOKUP_ERROR;
use crate::builtins::function::no_keywords;
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str_data, new_str_from_pystring};
use crate::ops;
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use krait_syntax::pystr::PyString;

/// `str.maketrans(x[, y[, z]])`: a table for `translate`: from a dict
/// whose keys are ints or one-character strs, or from two equal-length
/// strs (`x[i]` -> `y[i]`) and a third whose characters are deleted.
pub fn maketrans(vm: &mut Vm, _cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "str.maketrans", kwnames)?;
    match args.len() {
        0 => return Err(vm.type_error("maketrans expected at least 1 argument, got 0")),
        1..=3 => {}
        n => return Err(vm.type_error(format!("maketrans expected at most 3 arguments, got {n}"))),
    }
    for (i, a) in args.iter().enumerate().skip(1) {
        if as_str_data(a).is_none() {
            let msg = format!("maketrans() argument {} must be str, not {}", i + 1, vm.type_of(a).name());
            return Err(vm.type_error(msg));
        }
    }
    let table = new_dict();
    let t = as_dict(&table).expect("a dict");
    let [x, rest @ ..] = args else { unreachable!("at least one argument") };
    if let [y, z @ ..] = rest {
        let Some(from) = as_str_data(x) else {
            return Err(vm.type_error("first maketrans argument must be a string if there is a second argument"));
        };
        let to = as_str_data(y).expect("checked above");
        if from.len() != to.len() {
            return Err(vm.value_error("the first two maketrans arguments must have equal length"));
        }
        for (a, b) in from.code_points().zip(to.code_points()) {
            t.set(vm, new_int(i64::from(a)), new_int(i64::from(b)))?;
        }
        if let Some(z) = z.first() {
            for c in as_str_data(z).expect("checked above").code_points() {
                t.set(vm, new_int(i64::from(c)), none())?;
            }
        }
        return Ok(table);
    }
    if !std::ptr::eq(vm.type_of(x), &DICT_TYPE) {
        return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
    }
    for (key, value) in as_dict(x).expect("a dict").items() {
        if let Some(s) = as_str_data(&key) {
            if s.len() != 1 {
                return Err(vm.value_error("string keys in translate table must be of length 1"));
            }
            let c = s.code_points().next().unwrap_or(0);
            t.set(vm, new_int(i64::from(c)), value)?;
        } else if int_of(&key).is_some() {
            t.set(vm, key, value)?;
        } else {
            return Err(vm.type_error("keys in translate table must be strings or integers"));
        }
    }
    Ok(table)
}

/// What the table says about one character.
enum Mapped {
    /// Not in the table: the character stays.
    Keep,
    Delete,
    Char(u32),
    Str(Value),
}

/// `table[c]`, classified (CPython's `charmaptranslate_lookup`).
fn lookup(vm: &mut Vm, table: &Value, c: u32) -> PyResult<Mapped> {
    let x = match ops::getitem(vm, table, &new_int(i64::from(c))) {
        Ok(x) => x,
        Err(e) if vm.type_of(&e.exception).is_subtype(&LOOKUP_ERROR) => return Ok(Mapped::Keep),
        Err(e) => return Err(e),
    };
    if is_none(&x) {
        return Ok(Mapped::Delete);
    }
    if let Some(i) = int_of(&x) {
        return match i {
            Int::Small(v) if (0..0x110000).contains(&v) => Ok(Mapped::Char(v as u32)),
            _ => Err(vm.value_error("character mapping must be in range(0x110000)")),
        };
    }
    if as_str_data(&x).is_some() {
        return Ok(Mapped::Str(x));
    }
    Err(vm.type_error("character mapping must return integer, None or str"))
}

/// The one ASCII character `m` stands for, if it is one (or a deletion):
/// what the ASCII fast path may cache.
fn ascii_answer(m: &Mapped, c: u32) -> Option<Option<u8>> {
    match m {
        Mapped::Keep => Some(Some(c as u8)),
        Mapped::Delete => Some(None),
        Mapped::Char(r) if *r < 128 => Some(Some(*r as u8)),
        Mapped::Str(s) => {
            let d = as_str_data(s)?;
            match d.bytes() {
                [b] if *b < 128 => Some(Some(*b)),
                _ => None,
            }
        }
        Mapped::Char(_) => None,
    }
}

/// `s.translate(table)`.
pub fn translate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "str.translate", kwnames)?;
    let [table] = args else {
        return Err(vm.type_error(format!("str.translate() takes exactly one argument ({} given)", args.len())));
    };
    let chars: Vec<u32> = as_str_data(this).expect("a str").code_points().collect();
    let mut out = PyString::new();
    let mut i = 0;
    if chars.iter().all(|&c| c < 128) {
        // The ASCII fast path, with its cache.
        let mut cache: [Option<Option<u8>>; 128] = [None; 128];
        while i < chars.len() {
            let c = chars[i];
            let answer = match cache[c as usize] {
                Some(a) => a,
                None => {
                    let m = lookup(vm, table, c)?;
                    match ascii_answer(&m, c) {
                        Some(a) => {
                            cache[c as usize] = Some(a);
                            a
                        }
                        None => break,
                    }
                }
            };
            if let Some(b) = answer {
                out.push_code_point(u32::from(b));
            }
            i += 1;
        }
    }
    while i < chars.len() {
        match lookup(vm, table, chars[i])? {
            Mapped::Keep => out.push_code_point(chars[i]),
            Mapped::Char(r) => out.push_code_point(r),
            Mapped::Str(s) => as_str_data(&s).expect("a str").code_points().for_each(|c| out.push_code_point(c)),
            Mapped::Delete => {
                // The run of deletions is looked up once more to find its
                // end, as CPython collects "untranslatable" characters.
                let mut end = i + 1;
                while end < chars.len() && matches!(lookup(vm, table, chars[end])?, Mapped::Delete) {
                    end += 1;
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    Ok(new_str_from_pystring(&out))
}
