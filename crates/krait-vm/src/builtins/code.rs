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
use krait_compiler::tables;

use crate::builtins::bytes::{as_bytes, new_bytes};
use crate::builtins::function::{as_code, CodeData};
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
    new_bytes(tables::encode_exception_table(&co.exception_table))
}

/// The location table: as given to `replace()`, else encoded from the
/// code's positions.
fn linetable(c: &CodeData) -> Vec<u8> {
    match &c.linetable {
        Some(table) => table.to_vec(),
        None => tables::encode_linetable(&c.co.co_code, &c.co.positions, c.co.co_firstlineno),
    }
}

/// `co_linetable`, in CPython 3.11's location-table format.
pub fn co_linetable(c: &CodeData) -> Value {
    new_bytes(linetable(c))
}

/// `co_lnotab`, CPython's deprecated (byte delta, line delta) format.
pub fn co_lnotab(c: &CodeData) -> Value {
    new_bytes(tables::lnotab(&linetable(c), c.co.co_firstlineno))
}

fn opt(v: Option<u32>) -> Value {
    v.map_or_else(none, |x| new_int(i64::from(x)))
}

/// `co_positions()`: one (lineno, end_lineno, col, end_col) per code unit
/// the location table covers.
pub fn co_positions(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "co_positions", args, kwnames)?;
    let c = as_code(this).expect("a code object");
    let mut items = Vec::new();
    for e in tables::decode_linetable(&linetable(c), c.co.co_firstlineno) {
        let p = e.position;
        let item = new_tuple(vec![opt(p.lineno), opt(p.end_lineno), opt(p.col_offset), opt(p.end_col_offset)]);
        items.resize(items.len() + e.units as usize, item);
    }
    crate::ops::iter(vm, &new_tuple(items))
}

/// `co_lines()`: one (start, end, line) byte range per location-table
/// entry (at most 8 code units of one instruction), as CPython 3.11 gives
/// them: not merged.
pub fn co_lines(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "co_lines", args, kwnames)?;
    let c = as_code(this).expect("a code object");
    let mut items = Vec::new();
    let mut start = 0i64;
    for e in tables::decode_linetable(&linetable(c), c.co.co_firstlineno) {
        let end = start + 2 * i64::from(e.units);
        items.push(new_tuple(vec![new_int(start), new_int(end), opt(e.position.lineno)]));
        start = end;
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

/// `code.replace(**changes)`: a copy with the named fields changed,
/// checked as CPython's `_PyCode_Validate` checks it. The location table
/// (given, or the old one) is kept as bytes and decoded into the new
/// code's positions, so lines follow a new `co_firstlineno` as in CPython.
pub fn replace(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > kwnames.len() {
        return Err(vm.type_error("replace() takes no positional arguments"));
    }
    let old = as_code(this).expect("a code object");
    let mut co = old.co.clone();
    let mut consts = old.consts.clone();
    let mut names = old.names.clone();
    let mut nlocals = co.co_varnames.len();
    let mut table = linetable(old);
    // Names are checked to be strings after the counts, as CPython does.
    let (mut varnames, mut cellvars, mut freevars) = (None, None, None);
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
            | "co_stacksize" | "co_nlocals" => {
                let n = int_arg(vm, field, value)?;
                match field {
                    "co_argcount" => co.co_argcount = n,
                    "co_posonlyargcount" => co.co_posonlyargcount = n,
                    "co_kwonlyargcount" => co.co_kwonlyargcount = n,
                    "co_firstlineno" => co.co_firstlineno = n,
                    "co_flags" => co.co_flags = n,
                    "co_nlocals" => nlocals = n as usize,
                    _ => co.co_stacksize = n,
                }
            }
            "co_consts" => consts = tuple_arg(vm, field, value)?,
            "co_names" => {
                names = tuple_arg(vm, field, value)?;
                co.co_names = strings(vm, &names)?;
            }
            "co_varnames" => varnames = Some(tuple_arg(vm, field, value)?),
            "co_cellvars" => cellvars = Some(tuple_arg(vm, field, value)?),
            "co_freevars" => freevars = Some(tuple_arg(vm, field, value)?),
            "co_code" => {
                let bytes = bytes_arg(vm, field, value)?;
                co.co_code = bytes.chunks(2).map(|p| u16::from(p[0]) | u16::from(*p.get(1).unwrap_or(&0)) << 8).collect();
                if bytes.len() % 2 != 0 {
                    return Err(vm.value_error("code: co_code is malformed"));
                }
            }
            "co_linetable" => table = bytes_arg(vm, field, value)?,
            "co_exceptiontable" => {
                let bytes = bytes_arg(vm, field, value)?;
                // CPython keeps any bytes; Krait must read them to run.
                co.exception_table = tables::decode_exception_table(&bytes)
                    .ok_or_else(|| vm.value_error("code: co_exceptiontable is malformed"))?;
            }
            _ => return Err(vm.type_error(format!("replace() got an unexpected keyword argument '{field}'"))),
        }
    }
    let args = co.co_argcount as usize
        + co.co_kwonlyargcount as usize
        + usize::from(co.co_flags & krait_compiler::code::flags::VARARGS != 0)
        + usize::from(co.co_flags & krait_compiler::code::flags::VARKEYWORDS != 0);
    let nvarnames = varnames.as_ref().map_or(co.co_varnames.len(), Vec::len);
    if nvarnames < args {
        return Err(vm.value_error("code: co_varnames is too small"));
    }
    if nlocals != nvarnames {
        return Err(vm.value_error("code: co_nlocals != len(co_varnames)"));
    }
    for (given, field) in [(varnames, &mut co.co_varnames), (cellvars, &mut co.co_cellvars), (freevars, &mut co.co_freevars)] {
        if let Some(items) = given {
            *field = strings(vm, &items)?;
        }
    }
    co.positions = tables::positions_from_linetable(&table, co.co_firstlineno, co.co_code.len());
    Ok(crate::builtins::function::new_code_replaced(co, consts, names, table))
}

fn str_arg(vm: &mut Vm, field: &str, v: &Value) -> PyResult<String> {
    match as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!("replace() argument '{field}' must be str, not {}", vm.type_of(v).name()))),
    }
}

fn bytes_arg(vm: &mut Vm, field: &str, v: &Value) -> PyResult<Vec<u8>> {
    match as_bytes(v) {
        Some(b) => Ok(b.to_vec()),
        None => Err(vm.type_error(format!("replace() argument '{field}' must be bytes, not {}", vm.type_of(v).name()))),
    }
}

fn int_arg(vm: &mut Vm, field: &str, v: &Value) -> PyResult<u32> {
    match int_of(v) {
        Some(Int::Small(n)) if n > i64::from(i32::MAX) => Err(vm.overflow_error("Python int too large to convert to C int")),
        Some(Int::Small(n)) => u32::try_from(n).map_err(|_| vm.value_error(format!("{field} must be a positive integer"))),
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

fn strings(vm: &mut Vm, items: &[Value]) -> PyResult<Vec<String>> {
    items
        .iter()
        .map(|x| match as_str(x) {
            Some(s) => Ok(s.to_string()),
            None => Err(vm.error(&crate::builtins::exceptions::SYSTEM_ERROR, "non-string found in code slot")),
        })
        .collect()
}

/// `==` on code objects: the same fields, tables and constants, constants
/// compared by type and value as CPython's `_PyCode_ConstantKey` does (so
/// `0`, `0.0` and `False` differ).
pub fn code_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: crate::types::CompareOp) -> PyResult<Value> {
    use crate::types::CompareOp;
    let (Some(x), Some(y), true) = (as_code(a), as_code(b), matches!(op, CompareOp::Eq | CompareOp::Ne)) else {
        return Ok(vm.not_implemented());
    };
    let equal = code_equal(vm, x, y)?;
    Ok(crate::builtins::singletons::bool_value(equal == (op == CompareOp::Eq)))
}

fn code_equal(vm: &mut Vm, x: &CodeData, y: &CodeData) -> PyResult<bool> {
    let (a, b) = (&x.co, &y.co);
    let same = a.co_name == b.co_name
        && a.co_argcount == b.co_argcount
        && a.co_posonlyargcount == b.co_posonlyargcount
        && a.co_kwonlyargcount == b.co_kwonlyargcount
        && a.co_flags == b.co_flags
        && a.co_firstlineno == b.co_firstlineno
        && a.co_code == b.co_code
        && a.co_names == b.co_names
        && a.co_varnames == b.co_varnames
        && a.co_cellvars == b.co_cellvars
        && a.co_freevars == b.co_freevars
        && a.exception_table == b.exception_table
        && x.consts.len() == y.consts.len()
        && linetable(x) == linetable(y);
    if !same {
        return Ok(false);
    }
    for (p, q) in x.consts.iter().zip(&y.consts) {
        if !constants_equal(vm, p, q)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn constants_equal(vm: &mut Vm, p: &Value, q: &Value) -> PyResult<bool> {
    if p.is(q) {
        return Ok(true);
    }
    if !std::ptr::eq(vm.type_of(p), vm.type_of(q)) {
        return Ok(false);
    }
    if let (Some(s), Some(t)) = (as_tuple(p), as_tuple(q)) {
        if s.items.len() != t.items.len() {
            return Ok(false);
        }
        for (a, b) in s.items.clone().iter().zip(t.items.clone().iter()) {
            if !constants_equal(vm, a, b)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    // Floats and complex numbers by their bits, so 0.0 and -0.0 differ.
    if let (Some(a), Some(b)) = (p.as_float(), q.as_float()) {
        return Ok(a.to_bits() == b.to_bits());
    }
    let r = crate::ops::richcompare(vm, p, q, crate::types::CompareOp::Eq)?;
    crate::ops::truthy(vm, &r)
}

/// `hash(code)`: from the fields `==` compares that are cheap to hash.
pub fn code_hash(_: &mut Vm, v: &Value) -> PyResult<i64> {
    use std::hash::{Hash, Hasher};
    let co = &as_code(v).expect("code slot on code").co;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (&co.co_name, &co.co_code, co.co_argcount, co.co_flags, co.co_firstlineno, &co.co_names).hash(&mut h);
    let h = h.finish() as i64;
    Ok(if h == -1 { -2 } else { h })
}

/// `code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize,
/// flags, codestring, constants, names, varnames, filename, name, qualname,
/// firstlineno, linetable, exceptiontable, freevars=(), cellvars=(), /)`:
/// `replace()` of every field on an empty code object.
pub fn code_new(vm: &mut Vm, _: &'static crate::types::TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    const FIELDS: [&str; 18] = [
        "co_argcount",
        "co_posonlyargcount",
        "co_kwonlyargcount",
        "co_nlocals",
        "co_stacksize",
        "co_flags",
        "co_code",
        "co_consts",
        "co_names",
        "co_varnames",
        "co_filename",
        "co_name",
        "co_qualname",
        "co_firstlineno",
        "co_linetable",
        "co_exceptiontable",
        "co_freevars",
        "co_cellvars",
    ];
    if !kwnames.is_empty() {
        return Err(vm.type_error("code() takes no keyword arguments"));
    }
    if args.len() < 16 {
        return Err(vm.type_error(format!("code expected at least 16 arguments, got {}", args.len())));
    }
    if args.len() > 18 {
        return Err(vm.type_error(format!("code expected at most 18 arguments, got {}", args.len())));
    }
    let empty = crate::builtins::function::new_code_with(CodeObject::default(), Vec::new(), Vec::new());
    let names: Vec<Value> = FIELDS[..args.len()].iter().map(|f| crate::builtins::str::intern(f)).collect();
    replace(vm, &empty, args, &names)
}
