//! The `_csv` module (CPython's `Modules/_csv.c`), under CPython's own
//! `Lib/csv.py`: the `Dialect` type and its validation, the dialect
//! registry, `field_size_limit`, and the `reader` (`reader.rs`) and
//! `writer` (`writer.rs`) types.
//!
//! Invariants:
//! - A `Dialect` is immutable once made and always valid: `dialect_new`
//!   converts and checks every parameter (in CPython's order, with its
//!   messages) before the object exists. Readers and writers hold one.
//! - Characters are code points; an unset quote or escape character is
//!   `None` (CPython's `NOT_SET`), so any code point (NUL included) can be
//!   one.
//! - The registry (`_dialects`), `Error` and the field limit are per
//!   thread, made with the module.

mod reader;
mod writer;

use std::cell::{Cell, RefCell};

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::TYPE_ERROR;
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::itertools::{alloc_for, dealloc_payload, payload, trace_payload, Payload};
use crate::builtins::list::new_list;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str_data, intern, new_str, new_str_from_pystring};
use crate::types::{type_value, CallFn, GetSetDef, TypeObject, Visit, OBJECT_TYPE, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub const QUOTE_MINIMAL: i32 = 0;
pub const QUOTE_ALL: i32 = 1;
pub const QUOTE_NONNUMERIC: i32 = 2;
pub const QUOTE_NONE: i32 = 3;

thread_local! {
    /// `_csv.Error`, made with the module.
    static ERROR: RefCell<Value> = const { RefCell::new(Value::NULL) };
    /// `_csv._dialects`: name -> Dialect.
    static DIALECTS: RefCell<Value> = const { RefCell::new(Value::NULL) };
    /// The largest field a reader accepts (`field_size_limit`).
    static FIELD_LIMIT: Cell<i64> = const { Cell::new(128 * 1024) };
}

/// A `_csv.Error` with `msg`.
fn csv_error(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = ERROR.with(|e| e.borrow().clone());
    match crate::eval::call(vm, &cls, &[new_str(msg)], &[]) {
        Ok(exc) => PyErr { exception: exc },
        Err(e) => e,
    }
}

fn field_limit() -> i64 {
    FIELD_LIMIT.with(Cell::get)
}

/// A string of one code point.
fn char_str(c: u32) -> Value {
    let mut s = krait_syntax::pystr::PyString::new();
    s.push_code_point(c);
    new_str_from_pystring(&s)
}

// ----- Dialect --------------------------------------------------------------

/// The payload of a `_csv.Dialect`.
pub struct Dialect {
    pub doublequote: bool,
    pub delimiter: u32,
    pub quotechar: Option<u32>,
    pub escapechar: Option<u32>,
    pub skipinitialspace: bool,
    /// A `str`.
    pub lineterminator: Value,
    pub quoting: i32,
    pub strict: bool,
}

impl Payload for Dialect {
    fn ty() -> &'static TypeObject {
        &DIALECT_TYPE
    }

    fn trace(&self, visit: Visit) {
        visit(&self.lineterminator);
    }
}

pub static DIALECT_TYPE: TypeObject = TypeObject {
    new: Some(dialect_new),
    getsets: &[
        GetSetDef { name: "delimiter", get: |_, v| Ok(char_str(payload::<Dialect>(v).delimiter)), set: None, member: false },
        GetSetDef { name: "escapechar", get: |_, v| Ok(opt_char(payload::<Dialect>(v).escapechar)), set: None, member: false },
        GetSetDef {
            name: "lineterminator",
            get: |_, v| Ok(payload::<Dialect>(v).lineterminator.clone()),
            set: None,
            member: false,
        },
        GetSetDef { name: "quotechar", get: |_, v| Ok(opt_char(payload::<Dialect>(v).quotechar)), set: None, member: false },
        GetSetDef { name: "quoting", get: |_, v| Ok(new_int(payload::<Dialect>(v).quoting.into())), set: None, member: false },
        GetSetDef { name: "skipinitialspace", get: |vm, v| Ok(vm.bool(payload::<Dialect>(v).skipinitialspace)), set: None, member: true },
        GetSetDef { name: "doublequote", get: |vm, v| Ok(vm.bool(payload::<Dialect>(v).doublequote)), set: None, member: true },
        GetSetDef { name: "strict", get: |vm, v| Ok(vm.bool(payload::<Dialect>(v).strict)), set: None, member: true },
    ],
    ..TypeObject::builtin("_csv.Dialect", Some(&OBJECT_TYPE), dealloc_payload::<Dialect>, trace_payload::<Dialect>)
};

fn opt_char(c: Option<u32>) -> Value {
    c.map_or_else(none, char_str)
}

/// The parameters of `Dialect()`, in CPython's keyword order.
const DIALECT_KWS: [&str; 9] =
    ["dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];

/// Bind `Dialect(...)`'s arguments as CPython's `PyArg_ParseTupleAndKeywords`
/// with format "|OOOOOOOOO" (no function name in its messages).
fn bind_dialect_args(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<[Option<Value>; 9]> {
    let npos = args.len() - kwnames.len();
    if args.len() > 9 {
        return Err(vm.type_error(format!("function takes at most 9 arguments ({} given)", args.len())));
    }
    let mut out: [Option<Value>; 9] = std::array::from_fn(|i| (i < npos).then(|| args[i].clone()));
    for (k, name) in kwnames.iter().enumerate() {
        let name = crate::builtins::str::as_str(name).unwrap_or("");
        match DIALECT_KWS.iter().position(|n| *n == name) {
            Some(i) if i < npos => {
                let msg = format!("argument for function given by name ('{name}') and position ({})", i + 1);
                return Err(vm.type_error(msg));
            }
            Some(i) => out[i] = Some(args[npos + k].clone()),
            None => return Err(vm.type_error(format!("'{name}' is an invalid keyword argument for this function"))),
        }
    }
    Ok(out)
}

/// The dialect registered as `name`, or `Error("unknown dialect")`.
fn registered(vm: &mut Vm, name: &Value) -> PyResult<Value> {
    let reg = DIALECTS.with(|d| d.borrow().clone());
    match as_dict(&reg).expect("a dict").get(vm, name)? {
        Some(d) => Ok(d),
        None => Err(csv_error(vm, "unknown dialect")),
    }
}

/// A one-character parameter (CPython's `_set_char` and, with
/// `or_none`, `_set_char_or_none`).
fn char_param(vm: &mut Vm, name: &str, src: Option<&Value>, default: Option<u32>, or_none: bool) -> PyResult<Option<u32>> {
    let Some(src) = src else { return Ok(default) };
    if or_none && is_none(src) {
        return Ok(None);
    }
    let Some(s) = as_str_data(src) else {
        let tn = vm.type_of(src).name();
        let msg = if or_none {
            format!("\"{name}\" must be string or None, not {tn}")
        } else {
            format!("\"{name}\" must be string, not {tn}")
        };
        return Err(vm.type_error(msg));
    };
    if s.len() != 1 {
        return Err(vm.type_error(format!("\"{name}\" must be a 1-character string")));
    }
    Ok(s.code_points().next())
}

fn bool_param(vm: &mut Vm, src: Option<&Value>, default: bool) -> PyResult<bool> {
    match src {
        None => Ok(default),
        Some(v) => crate::ops::truthy(vm, v),
    }
}

/// `Dialect(dialect=None, **fmtparams)` (CPython's `dialect_new`).
fn dialect_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [dialect, mut params @ ..] = bind_dialect_args(vm, args, kwnames)?;
    let mut dialect = dialect;
    if let Some(d) = &dialect {
        if as_str_data(d).is_some() {
            dialect = Some(registered(vm, d)?);
        }
    }
    if let Some(d) = &dialect {
        // A Dialect with nothing to change is shared.
        if vm.type_of(d).is_subtype(&DIALECT_TYPE) && params.iter().all(Option::is_none) {
            return Ok(d.clone());
        }
        // Each missing parameter comes from the dialect's attribute; any
        // error in getting one leaves the default (CPython clears it).
        for (i, slot) in params.iter_mut().enumerate() {
            if slot.is_none() {
                *slot = crate::ops::getattr(vm, d, &intern(DIALECT_KWS[i + 1])).ok();
            }
        }
    }
    let [delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] = params;
    let explicit_quoting = quoting.is_some();
    let quotechar_is_none = quotechar.as_ref().is_some_and(is_none);

    let delimiter = char_param(vm, "delimiter", delimiter.as_ref(), Some(b',' as u32), false)?;
    let doublequote = bool_param(vm, doublequote.as_ref(), true)?;
    let escapechar = char_param(vm, "escapechar", escapechar.as_ref(), None, true)?;
    let lineterminator = match lineterminator {
        None => Some(new_str("\r\n")),
        Some(v) if is_none(&v) => None,
        Some(v) if as_str_data(&v).is_some() => Some(v),
        Some(_) => return Err(vm.type_error("\"lineterminator\" must be a string")),
    };
    let quotechar = char_param(vm, "quotechar", quotechar.as_ref(), Some(b'"' as u32), true)?;
    let mut quoting = match quoting {
        None => QUOTE_MINIMAL,
        Some(q) => {
            if !std::ptr::eq(vm.type_of(&q), &crate::builtins::int::INT_TYPE) {
                return Err(vm.type_error("\"quoting\" must be an integer"));
            }
            match int_of(&q).and_then(|i| int_to_i64(&i)).and_then(|n| i32::try_from(n).ok()) {
                Some(n) => n,
                None => return Err(vm.overflow_error("Python int too large to convert to C int")),
            }
        }
    };
    let skipinitialspace = bool_param(vm, skipinitialspace.as_ref(), false)?;
    let strict = bool_param(vm, strict.as_ref(), false)?;

    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting) {
        return Err(vm.type_error("bad \"quoting\" value"));
    }
    let Some(delimiter) = delimiter else {
        return Err(vm.type_error("\"delimiter\" must be a 1-character string"));
    };
    if quotechar_is_none && !explicit_quoting {
        quoting = QUOTE_NONE;
    }
    if quoting != QUOTE_NONE && quotechar.is_none() {
        return Err(vm.type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lineterminator) = lineterminator else {
        return Err(vm.type_error("lineterminator must be set"));
    };
    let d = Dialect { doublequote, delimiter, quotechar, escapechar, skipinitialspace, lineterminator, quoting, strict };
    Ok(alloc_for(cls, d))
}

/// The dialect of a reader or writer: `Dialect(dialect, **kwargs)`.
fn make_dialect(vm: &mut Vm, dialect: Option<&Value>, kw_values: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut args: Vec<Value> = dialect.into_iter().cloned().collect();
    args.extend(kw_values.iter().cloned());
    dialect_new(vm, &DIALECT_TYPE, &args, kwnames)
}

/// Split a `(positional..., keyword values...)` call of `name(a[, b], **kw)`
/// as `PyArg_UnpackTuple(args, "", 1, 2, ...)` does (with its nameless
/// messages).
fn unpack_one_or_two<'a>(vm: &mut Vm, args: &'a [Value], kwnames: &[Value]) -> PyResult<(&'a Value, Option<&'a Value>, &'a [Value])> {
    let npos = args.len() - kwnames.len();
    match npos {
        0 => Err(vm.type_error(" expected at least 1 argument, got 0")),
        1 => Ok((&args[0], None, &args[1..])),
        2 => Ok((&args[0], Some(&args[1]), &args[2..])),
        n => Err(vm.type_error(format!(" expected at most 2 arguments, got {n}"))),
    }
}

// ----- module functions -----------------------------------------------------

/// `register_dialect(name[, dialect[, **fmtparams]])`.
fn register_dialect(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (name, dialect, kw) = unpack_one_or_two(vm, args, kwnames)?;
    if as_str_data(name).is_none() {
        return Err(vm.type_error("dialect name must be a string"));
    }
    let d = make_dialect(vm, dialect, kw, kwnames)?;
    let reg = DIALECTS.with(|r| r.borrow().clone());
    as_dict(&reg).expect("a dict").set(vm, name.clone(), d)?;
    Ok(none())
}

/// One required argument `name` (Argument Clinic's messages).
fn name_arg(vm: &mut Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [name] = crate::builtins::itertools::bind(vm, fname, args, kwnames, ["name"], 1, 1)?;
    Ok(name.expect("required"))
}

/// `unregister_dialect(name)`.
fn unregister_dialect(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let name = name_arg(vm, "unregister_dialect", args, kwnames)?;
    let reg = DIALECTS.with(|r| r.borrow().clone());
    let removed = as_dict(&reg).expect("a dict").remove(vm, &name)?;
    if !removed {
        return Err(csv_error(vm, "unknown dialect"));
    }
    Ok(none())
}

/// `get_dialect(name)`.
fn get_dialect(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let name = name_arg(vm, "get_dialect", args, kwnames)?;
    registered(vm, &name)
}

/// `list_dialects()`: the registered names.
fn list_dialects(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::dict::check_args(vm, "list_dialects", args, kwnames, 0, 0)?;
    let reg = DIALECTS.with(|r| r.borrow().clone());
    let keys = as_dict(&reg).expect("a dict").items().into_iter().map(|(k, _)| k).collect();
    Ok(new_list(keys))
}

/// `field_size_limit([new_limit])`: the old limit, after setting a new one.
fn field_size_limit(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [new_limit] = crate::builtins::itertools::bind(vm, "field_size_limit", args, kwnames, ["new_limit"], 1, 0)?;
    let old = field_limit();
    if let Some(v) = new_limit {
        if !std::ptr::eq(vm.type_of(&v), &crate::builtins::int::INT_TYPE) {
            return Err(vm.type_error("limit must be an integer"));
        }
        let Some(n) = int_of(&v).and_then(|i| int_to_i64(&i)) else {
            return Err(vm.overflow_error("Python int too large to convert to C long"));
        };
        FIELD_LIMIT.with(|l| l.set(n));
    }
    Ok(new_int(old))
}

const FUNCTIONS: &[(&str, CallFn)] = &[
    ("reader", reader::csv_reader),
    ("writer", writer::csv_writer),
    ("list_dialects", list_dialects),
    ("register_dialect", register_dialect),
    ("unregister_dialect", unregister_dialect),
    ("get_dialect", get_dialect),
    ("field_size_limit", field_size_limit),
];

const DOC: &str = "CSV parsing and writing.\n\n\
This module provides classes that read and write tabular data in CSV\n\
(comma separated values) format, as described by PEP 305: the reader\n\
and writer functions, dialects that name a format's conventions, and\n\
the QUOTE_* constants that say which fields a writer quotes.\n";

/// The `_csv` module.
pub fn new_csv_module(vm: &mut Vm) -> PyResult<Value> {
    let d = crate::builtins::function::native_module_dict(vm, "_csv", DOC, FUNCTIONS)?;
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__version__"), new_str("1.0"))?;
    dd.set(vm, new_str("Dialect"), type_value(&DIALECT_TYPE))?;
    dd.set(vm, new_str("Reader"), type_value(&reader::READER_TYPE))?;
    dd.set(vm, new_str("Writer"), type_value(&writer::WRITER_TYPE))?;
    for (name, q) in [("QUOTE_MINIMAL", QUOTE_MINIMAL), ("QUOTE_ALL", QUOTE_ALL), ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC), ("QUOTE_NONE", QUOTE_NONE)] {
        dd.set(vm, new_str(name), new_int(q.into()))?;
    }
    let registry = new_dict();
    DIALECTS.with(|r| *r.borrow_mut() = registry.clone());
    dd.set(vm, new_str("_dialects"), registry)?;
    let ns = new_dict();
    as_dict(&ns).expect("a dict").set(vm, intern("__module__"), new_str("_csv"))?;
    let exception = type_value(&crate::builtins::exceptions::EXCEPTION);
    let error = crate::builtins::classes::new_class(vm, &TYPE_TYPE, "Error", &[exception], &ns, &[])?;
    ERROR.with(|e| *e.borrow_mut() = error.clone());
    dd.set(vm, new_str("Error"), error)?;
    Ok(crate::builtins::function::new_module("_csv", d))
}

/// An int's value as a C long, if it fits.
fn int_to_i64(i: &Int) -> Option<i64> {
    match i {
        Int::Small(n) => Some(*n),
        Int::Big(b) => i64::try_from(*b).ok(),
    }
}

/// Whether `err` is a TypeError.
fn is_type_error(vm: &Vm, err: &PyErr) -> bool {
    vm.type_of(&err.exception).is_subtype(&TYPE_ERROR)
}
