//! The parts of code objects that present Krait's bytecode as CPython 3.11
//! lays its own out: `co_code` and `co_exceptiontable` as bytes,
//! `co_lines()`, `co_positions()` and `replace()`.
//!
//! Invariants:
//! - `co_code` is two bytes per code unit, the opcode then its argument,
//!   inline caches included (zeros), as CPython's `co_code` is.
//! - `co_positions()` gives one (lineno, end_lineno, col, end_col) per code
//!   unit; `co_lines()` merges consecutive units of the same line into
//!   (start, end, line) byte ranges.
//! - `co_exceptiontable` uses CPython's encoding (6-bit big-endian varints,
//!   0x40 continuing, 0x80 marking an entry's first byte), so `dis` can
//!   read it.
//! - `replace()` makes a new code object; its instructions' inline caches
//!   start empty.

use krait_compiler::code::CodeObject;

use crate::builtins::bytes::{as_bytes, new_bytes};
use crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR;
use crate::builtins::function::as_code;
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::singletons::none;
use crate::builtins::str::as_str;
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `co_code`: the code units as bytes.
pub fn co_code(co: &CodeObject) -> Value {
    new_bytes(co.co_code.iter().flat_map(|u| [(u & 0xff) as u8, (u >> 8) as u8]).collect())
}

/// `co_exceptiontable`, in CPython's encoding.
pub fn co_exceptiontable(co: &CodeObject) -> Value {
    let mut out = Vec::new();
    for e in &co.exception_table {
        let depth_lasti = (e.depth << 1) | u32::from(e.lasti);
        push_varint(&mut out, e.start, 0x80);
        push_varint(&mut out, e.end - e.start, 0);
        push_varint(&mut out, e.target, 0);
        push_varint(&mut out, depth_lasti, 0);
    }
    new_bytes(out)
}

/// One item of the exception table: 6-bit groups, most significant first,
/// each but the last flagged 0x40; `first` (0x80) marks an entry's start.
fn push_varint(out: &mut Vec<u8>, value: u32, first: u8) {
    let mut flag = first;
    for shift in [24, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | 0x40 | flag);
            flag = 0;
        }
    }
    out.push((value & 0x3f) as u8 | flag);
}

fn opt(v: Option<u32>) -> Value {
    v.map_or_else(none, |x| new_int(i64::from(x)))
}

/// `co_positions()`.
pub fn co_positions(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "co_positions", args, kwnames)?;
    let co = &as_code(this).expect("a code object").co;
    let items = (0..co.co_code.len())
        .map(|i| {
            let p = co.positions.get(i).copied().unwrap_or_default();
            new_tuple(vec![opt(p.lineno), opt(p.end_lineno), opt(p.col_offset), opt(p.end_col_offset)])
        })
        .collect();
    crate::ops::iter(vm, &new_tuple(items))
}

/// `co_lines()`: one (start, end, line) byte range per instruction with
/// its inline caches, at most 8 code units each, as CPython 3.11's
/// location table has its entries (it does not merge them).
pub fn co_lines(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "co_lines", args, kwnames)?;
    let c = as_code(this).expect("a code object");
    let co = &c.co;
    let mut items = Vec::new();
    let mut i = 0;
    while i < co.co_code.len() {
        let op = krait_compiler::opcode::Opcode::from_byte((co.co_code[i] & 0xff) as u8);
        let units = 1 + op.map_or(0, |op| op.cache_entries());
        let line = co.positions.get(i).and_then(|p| p.lineno);
        let end = (i + units).min(co.co_code.len());
        let mut start = i;
        while start < end {
            let stop = (start + 8).min(end);
            items.push(new_tuple(vec![new_int(2 * start as i64), new_int(2 * stop as i64), opt(line)]));
            start = stop;
        }
        i = end;
    }
    crate::ops::iter(vm, &new_tuple(items))
}

/// `code._varname_from_oparg(oparg)`: the name of a local, cell or free
/// variable slot, as `dis` asks for it.
pub fn varname_from_oparg(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "_varname_from_oparg", kwnames)?;
    let [oparg] = args else {
        return Err(vm.type_error(format!("_varname_from_oparg() takes exactly one argument ({} given)", args.len())));
    };
    let co = &as_code(this).expect("a code object").co;
    let index = match int_of(oparg) {
        Some(Int::Small(i)) => usize::try_from(i).ok(),
        Some(_) => None,
        None => {
            let name = vm.type_of(oparg).name();
            return Err(vm.type_error(format!("'{name}' object cannot be interpreted as an integer")));
        }
    };
    match index.and_then(|i| crate::eval::localsplus_name_of(co, i)) {
        Some(name) => Ok(crate::builtins::str::intern(&name)),
        None => Err(vm.error(&crate::builtins::exceptions::INDEX_ERROR, "tuple index out of range")),
    }
}

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    if args.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{name}() takes no arguments ({} given)", args.len())))
    }
}

/// `code.replace(**changes)`: a copy with the named fields changed.
pub fn replace(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > kwnames.len() {
        return Err(vm.type_error("replace() takes no positional arguments"));
    }
    let old = as_code(this).expect("a code object");
    let mut co = old.co.clone();
    let mut consts = old.consts.clone();
    let mut names = old.names.clone();
    for (name, value) in kwnames.iter().zip(args) {
        let field = as_str(name).unwrap_or("");
        match field {
            "co_name" | "co_qualname" | "co_filename" => {
                let text = str_arg(vm, field, value)?;
                match field {
                    "co_name" => co.co_name = text,
                    "co_qualname" => co.co_qualname = text,
                    _ => co.co_filename = text,
                }
            }
            "co_argcount" | "co_posonlyargcount" | "co_kwonlyargcount" | "co_firstlineno" | "co_flags"
            | "co_stacksize" => {
                let n = int_arg(vm, field, value)?;
                match field {
                    "co_argcount" => co.co_argcount = n,
                    "co_posonlyargcount" => co.co_posonlyargcount = n,
                    "co_kwonlyargcount" => co.co_kwonlyargcount = n,
                    "co_firstlineno" => co.co_firstlineno = n,
                    "co_flags" => co.co_flags = n,
                    _ => co.co_stacksize = n,
                }
            }
            "co_consts" => consts = tuple_arg(vm, field, value)?,
            "co_names" => {
                names = tuple_arg(vm, field, value)?;
                co.co_names = strings(vm, field, &names)?;
            }
            "co_varnames" | "co_cellvars" | "co_freevars" => {
                let items = tuple_arg(vm, field, value)?;
                let given = strings(vm, field, &items)?;
                let current = match field {
                    "co_varnames" => &mut co.co_varnames,
                    "co_cellvars" => &mut co.co_cellvars,
                    _ => &mut co.co_freevars,
                };
                if given.len() != current.len() {
                    let msg = format!("code.replace({field}=...) of a different length");
                    return Err(vm.error(&NOT_IMPLEMENTED_ERROR, msg));
                }
                *current = given;
            }
            "co_code" => {
                let Some(bytes) = as_bytes(value) else {
                    let msg = format!("replace() argument 'co_code' must be bytes, not {}", vm.type_of(value).name());
                    return Err(vm.type_error(msg));
                };
                if bytes.len() != 2 * co.co_code.len() {
                    return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "code.replace(co_code=...) of a different length"));
                }
                co.co_code = bytes.chunks(2).map(|p| u16::from(p[0]) | u16::from(p[1]) << 8).collect();
            }
            "co_linetable" | "co_exceptiontable" | "co_nlocals" => {
                let msg = format!("code.replace({field}=...)");
                return Err(vm.error(&NOT_IMPLEMENTED_ERROR, msg));
            }
            _ => return Err(vm.type_error(format!("replace() got an unexpected keyword argument '{field}'"))),
        }
    }
    Ok(crate::builtins::function::new_code_with(co, consts, names))
}

fn str_arg(vm: &mut Vm, field: &str, v: &Value) -> PyResult<String> {
    match as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!("replace() argument '{field}' must be str, not {}", vm.type_of(v).name()))),
    }
}

fn int_arg(vm: &mut Vm, field: &str, v: &Value) -> PyResult<u32> {
    match int_of(v) {
        Some(Int::Small(n)) => u32::try_from(n).map_err(|_| vm.value_error(format!("code: {field} must not be negative"))),
        Some(Int::Big(_)) => Err(vm.overflow_error("Python int too large to convert to C int")),
        None => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name()))),
    }
}

fn tuple_arg(vm: &mut Vm, field: &str, v: &Value) -> PyResult<Vec<Value>> {
    match as_tuple(v) {
        Some(t) => Ok(t.items.clone()),
        None => Err(vm.type_error(format!("replace() argument '{field}' must be tuple, not {}", vm.type_of(v).name()))),
    }
}

fn strings(vm: &mut Vm, field: &str, items: &[Value]) -> PyResult<Vec<String>> {
    items
        .iter()
        .map(|x| match as_str(x) {
            Some(s) => Ok(s.to_string()),
            None => Err(vm.type_error(format!("code: {field} must be a tuple of strings"))),
        })
        .collect()
}
