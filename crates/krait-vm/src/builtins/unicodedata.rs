//! The `unicodedata` module: CPython 3.11's Unicode 14.0 database, and its
//! `ucd_3_2_0` object (type `unicodedata.UCD`) for IDNA.
//!
//! Invariants:
//! - The data and every algorithm are `krait_syntax::ucd`'s; this file only
//!   binds arguments and builds results, with CPython's messages.
//! - A function is the same Rust function whether reached as a module
//!   function (Unicode 14.0) or as a method of a `UCD` object (that
//!   object's version); only the prefix of "takes exactly one argument"
//!   messages differs (`unicodedata.` or `UCD.`), as in CPython.
//! - `UCD` objects are made only by this module (`UCD()` raises).

use krait_syntax::pystr::PyString;
use krait_syntax::ucd::{self, Form, Found, Version};

use crate::builtins::bytes::{as_bytearray, as_bytes};
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::function::{new_builtin, new_module};
use crate::builtins::int::new_int;
use crate::builtins::itertools::{alloc_for, dealloc_payload, payload, trace_payload, Payload};
use crate::builtins::singletons::none;
use crate::builtins::str::{as_str_data, new_str, new_str_from_pystring};
use crate::types::{type_value, CallFn, GetSetDef, MethodDef, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A `UCD` object's payload: which database it answers from.
pub struct UcdData {
    version: Version,
}

impl Payload for UcdData {
    fn ty() -> &'static TypeObject {
        &UCD_TYPE
    }

    fn trace(&self, _: Visit) {}
}

const FUNCTIONS: [(&str, CallFn); 13] = [
    ("decimal", decimal),
    ("digit", digit),
    ("numeric", numeric),
    ("category", category),
    ("bidirectional", bidirectional),
    ("combining", combining),
    ("mirrored", mirrored),
    ("east_asian_width", east_asian_width),
    ("decomposition", decomposition),
    ("name", name),
    ("lookup", lookup),
    ("is_normalized", is_normalized),
    ("normalize", normalize),
];

pub static UCD_TYPE: TypeObject = TypeObject {
    methods: &[
        MethodDef { name: "decimal", func: decimal },
        MethodDef { name: "digit", func: digit },
        MethodDef { name: "numeric", func: numeric },
        MethodDef { name: "category", func: category },
        MethodDef { name: "bidirectional", func: bidirectional },
        MethodDef { name: "combining", func: combining },
        MethodDef { name: "mirrored", func: mirrored },
        MethodDef { name: "east_asian_width", func: east_asian_width },
        MethodDef { name: "decomposition", func: decomposition },
        MethodDef { name: "name", func: name },
        MethodDef { name: "lookup", func: lookup },
        MethodDef { name: "is_normalized", func: is_normalized },
        MethodDef { name: "normalize", func: normalize },
    ],
    getsets: &[GetSetDef {
        name: "unidata_version",
        get: |_, v| Ok(new_str(version_of(v).unidata_version())),
        set: None,
        member: true,
    }],
    ..TypeObject::builtin("unicodedata.UCD", Some(&OBJECT_TYPE), dealloc_payload::<UcdData>, trace_payload::<UcdData>)
};

/// The database `this` answers from: a `UCD` object's, else 14.0 (a
/// module function).
fn version_of(this: &Value) -> Version {
    match this.as_object() {
        Some(p) if std::ptr::eq(p.ty(), &UCD_TYPE) => payload::<UcdData>(this).version,
        _ => Version::V14,
    }
}

/// `unicodedata.` for a module function, `UCD.` for a method.
fn prefix(this: &Value) -> &'static str {
    match this.as_object() {
        Some(p) if std::ptr::eq(p.ty(), &UCD_TYPE) => "UCD.",
        _ => "unicodedata.",
    }
}

fn no_keywords(vm: &mut Vm, this: &Value, name: &str, kwnames: &[Value]) -> PyResult<()> {
    if kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{}{name}() takes no keyword arguments", prefix(this))))
    }
}

/// The one code point of a one-character str, else CPython's TypeError
/// (`argument` is "argument" or "argument 1").
fn one_char(vm: &mut Vm, fname: &str, argument: &str, v: &Value) -> PyResult<u32> {
    if let Some(s) = as_str_data(v) {
        if s.len() == 1 {
            return Ok(s.code_points().next().unwrap_or(0));
        }
    }
    let tn = vm.type_of(v).name();
    Err(vm.type_error(format!("{fname}() {argument} must be a unicode character, not {tn}")))
}

/// A METH_O function of one character.
fn one_arg(vm: &mut Vm, this: &Value, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<u32> {
    no_keywords(vm, this, fname, kwnames)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("{}{fname}() takes exactly one argument ({} given)", prefix(this), args.len())));
    }
    one_char(vm, fname, "argument", &args[0])
}

/// A function of a character and an optional default.
fn char_and_default<'a>(
    vm: &mut Vm,
    this: &Value,
    fname: &str,
    args: &'a [Value],
    kwnames: &[Value],
) -> PyResult<(u32, Option<&'a Value>)> {
    no_keywords(vm, this, fname, kwnames)?;
    match args.len() {
        0 => return Err(vm.type_error(format!("{fname} expected at least 1 argument, got 0"))),
        1 | 2 => {}
        n => return Err(vm.type_error(format!("{fname} expected at most 2 arguments, got {n}"))),
    }
    let cp = one_char(vm, fname, "argument 1", &args[0])?;
    Ok((cp, args.get(1)))
}

/// The result, else the default, else ValueError(`msg`).
fn or_default(vm: &mut Vm, found: Option<Value>, default: Option<&Value>, msg: &str) -> PyResult<Value> {
    match (found, default) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d.clone()),
        (None, None) => Err(vm.value_error(msg)),
    }
}

fn decimal(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (cp, default) = char_and_default(vm, this, "decimal", args, kwnames)?;
    let found = ucd::decimal(cp, version_of(this)).map(|d| new_int(i64::from(d)));
    or_default(vm, found, default, "not a decimal")
}

fn digit(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (cp, default) = char_and_default(vm, this, "digit", args, kwnames)?;
    let found = ucd::digit(cp, version_of(this)).map(|d| new_int(i64::from(d)));
    or_default(vm, found, default, "not a digit")
}

fn numeric(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (cp, default) = char_and_default(vm, this, "numeric", args, kwnames)?;
    let found = ucd::numeric(cp, version_of(this)).map(Value::float);
    or_default(vm, found, default, "not a numeric character")
}

fn name(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (cp, default) = char_and_default(vm, this, "name", args, kwnames)?;
    let found = ucd::name(cp, version_of(this)).map(|n| new_str(&n));
    or_default(vm, found, default, "no such name")
}

fn category(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cp = one_arg(vm, this, "category", args, kwnames)?;
    Ok(new_str(ucd::category(cp, version_of(this))))
}

fn bidirectional(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cp = one_arg(vm, this, "bidirectional", args, kwnames)?;
    Ok(new_str(ucd::bidirectional(cp, version_of(this))))
}

fn combining(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cp = one_arg(vm, this, "combining", args, kwnames)?;
    Ok(new_int(i64::from(ucd::combining(cp, version_of(this)))))
}

fn mirrored(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cp = one_arg(vm, this, "mirrored", args, kwnames)?;
    Ok(new_int(i64::from(ucd::mirrored(cp, version_of(this)))))
}

fn east_asian_width(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cp = one_arg(vm, this, "east_asian_width", args, kwnames)?;
    Ok(new_str(ucd::east_asian_width(cp, version_of(this))))
}

fn decomposition(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let cp = one_arg(vm, this, "decomposition", args, kwnames)?;
    Ok(new_str(&ucd::decomposition(cp, version_of(this))))
}

/// `lookup(name)`: a str (as UTF-8) or read-only bytes-like name.
fn lookup(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, this, "lookup", kwnames)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("{}lookup() takes exactly one argument ({} given)", prefix(this), args.len())));
    }
    let arg = &args[0];
    let name: Vec<u8> = if let Some(s) = as_str_data(arg) {
        crate::builtins::codecs::unicode::encode_utf8(vm, s, "strict")?
    } else if let Some(b) = as_bytes(arg) {
        b.to_vec()
    } else {
        let tn = vm.type_of(arg).name();
        if as_bytearray(arg).is_some() || crate::builtins::memoryview::as_view(arg).is_some() {
            return Err(vm.type_error(format!("lookup() argument must be read-only bytes-like object, not {tn}")));
        }
        return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
    };
    if name.len() > ucd::NAME_MAXLEN {
        return Err(crate::builtins::exceptions::key_error(new_str("name too long")));
    }
    match ucd::lookup(&name, version_of(this), true) {
        Some(Found::Char(cp)) => {
            let mut s = PyString::new();
            s.push_code_point(cp);
            Ok(new_str_from_pystring(&s))
        }
        Some(Found::Sequence(seq)) => Ok(new_str(seq)),
        None => {
            let shown = String::from_utf8_lossy(&name);
            Err(crate::builtins::exceptions::key_error(new_str(&format!("undefined character name '{shown}'"))))
        }
    }
}

/// The form and the string of `normalize`/`is_normalized`.
fn form_and_str(vm: &mut Vm, this: &Value, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<(Form, Vec<u32>)> {
    no_keywords(vm, this, fname, kwnames)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("{fname} expected 2 arguments, got {}", args.len())));
    }
    let mut strs = Vec::with_capacity(2);
    for (i, a) in args.iter().enumerate() {
        let Some(s) = as_str_data(a) else {
            let tn = vm.type_of(a).name();
            return Err(vm.type_error(format!("{fname}() argument {} must be str, not {tn}", i + 1)));
        };
        strs.push(s);
    }
    let form_name: String = strs[0].code_points().filter_map(char::from_u32).collect();
    let s: Vec<u32> = strs[1].code_points().collect();
    match Form::from_name(&form_name) {
        Some(f) if strs[0].code_points().count() == form_name.chars().count() => Ok((f, s)),
        _ => Err(vm.value_error("invalid normalization form")),
    }
}

fn normalize(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (form, s) = form_and_str(vm, this, "normalize", args, kwnames)?;
    let out = ucd::normalize(form, &s, version_of(this));
    if out == s {
        // CPython returns the string itself when it is already normal
        // (`PyUnicode_FromObject`: the same object for an exact str).
        return Ok(args[1].clone());
    }
    let mut p = PyString::new();
    for c in out {
        p.push_code_point(c);
    }
    Ok(new_str_from_pystring(&p))
}

fn is_normalized(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let (form, s) = form_and_str(vm, this, "is_normalized", args, kwnames)?;
    Ok(vm.bool(ucd::is_normalized(form, &s, version_of(this))))
}

/// The `unicodedata` module.
pub fn new_unicodedata_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str("unicodedata"))?;
    dd.set(
        vm,
        new_str("__doc__"),
        new_str(
            "This module provides access to the Unicode Character Database which\n\
             defines character properties for all Unicode characters. The data in\n\
             this database is based on the UnicodeData.txt file version\n\
             14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\n\
             The module uses the same names and symbols as defined by the\n\
             UnicodeData File Format 14.0.0.",
        ),
    )?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    dd.set(vm, new_str("__loader__"), none())?;
    dd.set(vm, new_str("__spec__"), none())?;
    dd.set(vm, new_str("unidata_version"), new_str(Version::V14.unidata_version()))?;
    dd.set(vm, new_str("UCD"), type_value(&UCD_TYPE))?;
    dd.set(vm, new_str("ucd_3_2_0"), alloc_for(&UCD_TYPE, UcdData { version: Version::V3_2 }))?;
    for (fname, f) in FUNCTIONS {
        dd.set(vm, new_str(fname), new_builtin(fname, f))?;
    }
    Ok(new_module("unicodedata", d))
}
