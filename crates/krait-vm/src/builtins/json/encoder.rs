//! `_json.make_encoder(markers, default, encoder, indent, key_separator,
//! item_separator, sort_keys, skipkeys, allow_nan)` (`_json.Encoder`):
//! a callable `_iterencode(obj, _current_indent_level)` returning the
//! JSON text of `obj` as a one-item list, as 3.11's C encoder does.
//!
//! Invariants:
//! - Types are tested in CPython's order: None/True/False, str, int,
//!   float, list or tuple, dict, else `default(obj)`; subclasses count,
//!   and an int or float subclass is written with the base type's repr.
//! - `markers` (a dict or None) maps `id(container)` to the container
//!   while it is being written: meeting it again is "Circular reference
//!   detected". `indent` is kept but unused (`json` calls this encoder
//!   only without one).
//! - Each nested container and each `default` result takes a native
//!   recursion level (" while encoding a JSON object").

use krait_syntax::pystr::PyString;

use super::{escape, escape_ascii};
use crate::builtins::dict::{as_dict, DictData};
use crate::builtins::float::float_of;
use crate::builtins::function::as_builtin;
use crate::builtins::int::{decimal_string, int_of, new_big};
use crate::builtins::itertools::{alloc_for, bind, dealloc_payload, payload, trace_payload, Payload};
use crate::builtins::list::{as_list, new_list};
use crate::builtins::singletons::{as_bool, bool_value, is_none};
use crate::builtins::str::{as_str_data, intern, new_str_from_pystring};
use crate::builtins::tuple::as_tuple;
use crate::eval::call;
use crate::ops;
use crate::types::{GetSetDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Which escaping function `encoder` is, when it is one of `_json`'s.
#[derive(Clone, Copy)]
enum Fast {
    Ascii,
    Unicode,
}

pub struct Encoder {
    markers: Value,
    default: Value,
    encoder: Value,
    indent: Value,
    key_separator: Value,
    item_separator: Value,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    fast: Option<Fast>,
}

impl Payload for Encoder {
    fn ty() -> &'static TypeObject {
        &ENCODER_TYPE
    }

    fn trace(&self, visit: Visit) {
        for v in [&self.markers, &self.default, &self.encoder, &self.indent, &self.key_separator, &self.item_separator] {
            visit(v);
        }
    }
}

macro_rules! member {
    ($name:literal, $field:ident) => {
        GetSetDef { name: $name, get: |_, v| Ok(payload::<Encoder>(v).$field.clone()), set: None, member: true }
    };
}

pub static ENCODER_TYPE: TypeObject = TypeObject {
    call: Slot::new(encoder_call),
    new: Some(encoder_new),
    getsets: &[
        member!("markers", markers),
        member!("default", default),
        member!("encoder", encoder),
        member!("indent", indent),
        member!("key_separator", key_separator),
        member!("item_separator", item_separator),
        GetSetDef { name: "sort_keys", get: |_, v| Ok(bool_value(payload::<Encoder>(v).sort_keys)), set: None, member: true },
        GetSetDef { name: "skipkeys", get: |_, v| Ok(bool_value(payload::<Encoder>(v).skipkeys)), set: None, member: true },
    ],
    ..TypeObject::builtin("_json.Encoder", Some(&OBJECT_TYPE), dealloc_payload::<Encoder>, trace_payload::<Encoder>)
};

fn encoder_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = [
        "markers",
        "default",
        "encoder",
        "indent",
        "key_separator",
        "item_separator",
        "sort_keys",
        "skipkeys",
        "allow_nan",
    ];
    let bound = bind(vm, "make_encoder", args, kwnames, names, 9, 9)?;
    let [markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan] =
        bound.map(|v| v.expect("required"));
    for (n, sep) in [(5, &key_separator), (6, &item_separator)] {
        if as_str_data(sep).is_none() {
            let msg = format!("make_encoder() argument {n} must be str, not {:.50}", vm.type_of(sep).name());
            return Err(vm.type_error(msg));
        }
    }
    let sort_keys = ops::truthy(vm, &sort_keys)?;
    let skipkeys = ops::truthy(vm, &skipkeys)?;
    let allow_nan = ops::truthy(vm, &allow_nan)?;
    if !is_none(&markers) && as_dict(&markers).is_none() {
        let msg = format!("make_encoder() argument 1 must be dict or None, not {:.200}", vm.type_of(&markers).name());
        return Err(vm.type_error(msg));
    }
    let fast = as_builtin(&encoder).and_then(|b| {
        let f = b.func as usize;
        if f == super::encode_basestring_ascii as crate::types::CallFn as usize {
            Some(Fast::Ascii)
        } else if f == super::encode_basestring as crate::types::CallFn as usize {
            Some(Fast::Unicode)
        } else {
            None
        }
    });
    let data = Encoder { markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan, fast };
    Ok(alloc_for(cls, data))
}

/// `encoder(obj, _current_indent_level)`.
fn encoder_call(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [obj, level] = bind(vm, "_iterencode", args, kwnames, ["obj", "_current_indent_level"], 2, 2)?;
    let obj = obj.expect("required");
    crate::builtins::str_methods::ssize_arg(vm, &level.expect("required"))?;
    let mut out = PyString::new();
    write_obj(vm, payload::<Encoder>(this), &mut out, &obj)?;
    Ok(new_list(vec![new_str_from_pystring(&out)]))
}

/// Append the text of str `v`.
fn push_value(out: &mut PyString, v: &Value) {
    if let Some(d) = as_str_data(v) {
        out.push_pystr(&PyString::from_bytes(d.bytes().to_vec()));
    }
}

/// The JSON string for str `s`: the fast escaper, or `encoder(s)`,
/// which must give a str.
fn encode_string(vm: &mut Vm, e: &Encoder, s: &Value) -> PyResult<Value> {
    let text = as_str_data(s).expect("a str");
    match e.fast {
        Some(Fast::Ascii) => return Ok(escape_ascii(text)),
        Some(Fast::Unicode) => return Ok(escape(text)),
        None => {}
    }
    let encoded = call(vm, &e.encoder, std::slice::from_ref(s), &[])?;
    if as_str_data(&encoded).is_none() {
        let msg = format!("encoder() must return a string, not {:.80}", vm.type_of(&encoded).name());
        return Err(vm.type_error(msg));
    }
    Ok(encoded)
}

/// A float's JSON text: `float.__repr__`, or the constants for
/// infinities and NaN when `allow_nan`.
fn encode_float(vm: &mut Vm, e: &Encoder, f: f64) -> PyResult<String> {
    if f.is_finite() {
        return Ok(krait_syntax::repr::float_repr(f));
    }
    if !e.allow_nan {
        return Err(vm.value_error("Out of range float values are not JSON compliant"));
    }
    Ok(if f > 0.0 {
        "Infinity"
    } else if f < 0.0 {
        "-Infinity"
    } else {
        "NaN"
    }
    .to_string())
}

fn identity(v: &Value) -> Value {
    new_big(v.as_object().map_or(v.bits() | 1, |p| p.addr() as u64).into())
}

/// Record container `v` in the markers; its key, to remove when done.
fn mark(vm: &mut Vm, e: &Encoder, v: &Value) -> PyResult<Option<Value>> {
    let Some(markers) = as_dict(&e.markers) else { return Ok(None) };
    let ident = identity(v);
    if markers.get(vm, &ident)?.is_some() {
        return Err(vm.value_error("Circular reference detected"));
    }
    markers.set(vm, ident.clone(), v.clone())?;
    Ok(Some(ident))
}

fn unmark(vm: &mut Vm, e: &Encoder, ident: Option<Value>) -> PyResult<()> {
    match (ident, as_dict(&e.markers)) {
        (Some(ident), Some(markers)) => markers.del_item(vm, &ident),
        _ => Ok(()),
    }
}

fn write_obj(vm: &mut Vm, e: &Encoder, out: &mut PyString, obj: &Value) -> PyResult<()> {
    if is_none(obj) {
        out.push_str("null");
    } else if let Some(b) = as_bool(obj) {
        out.push_str(if b { "true" } else { "false" });
    } else if as_str_data(obj).is_some() {
        let s = encode_string(vm, e, obj)?;
        push_value(out, &s);
    } else if let Some(i) = int_of(obj) {
        out.push_str(&decimal_string(vm, &i)?);
    } else if let Some(f) = float_of(obj) {
        out.push_str(&encode_float(vm, e, f)?);
    } else if as_list(obj).is_some() || as_tuple(obj).is_some() {
        vm.enter_recursion(" while encoding a JSON object")?;
        let r = write_list(vm, e, out, obj);
        vm.leave_recursion();
        r?;
    } else if let Some(d) = as_dict(obj) {
        vm.enter_recursion(" while encoding a JSON object")?;
        let r = write_dict(vm, e, out, obj, d);
        vm.leave_recursion();
        r?;
    } else {
        let ident = mark(vm, e, obj)?;
        let new = call(vm, &e.default, std::slice::from_ref(obj), &[])?;
        vm.enter_recursion(" while encoding a JSON object")?;
        let r = write_obj(vm, e, out, &new);
        vm.leave_recursion();
        r?;
        unmark(vm, e, ident)?;
    }
    Ok(())
}

fn write_list(vm: &mut Vm, e: &Encoder, out: &mut PyString, seq: &Value) -> PyResult<()> {
    // A list is read by index against its live length, as CPython's
    // `PySequence_Fast` loop does: `default` may shrink it.
    let item = |i: usize| match (as_list(seq), as_tuple(seq)) {
        (Some(l), _) => l.items.borrow().get(i).cloned(),
        (None, Some(t)) => t.items.get(i).cloned(),
        (None, None) => None,
    };
    let Some(first) = item(0) else {
        out.push_str("[]");
        return Ok(());
    };
    let ident = mark(vm, e, seq)?;
    out.push_str("[");
    write_obj(vm, e, out, &first)?;
    let mut i = 1;
    while let Some(next) = item(i) {
        push_value(out, &e.item_separator);
        write_obj(vm, e, out, &next)?;
        i += 1;
    }
    unmark(vm, e, ident)?;
    out.push_str("]");
    Ok(())
}

/// A dict's items as `PyMapping_Items` gives them: the entries of an
/// exact dict, else `list(dct.items())`.
fn mapping_items(vm: &mut Vm, dct: &Value, d: &DictData) -> PyResult<Value> {
    if std::ptr::eq(vm.type_of(dct), &crate::builtins::dict::DICT_TYPE) {
        let items = d.items().into_iter().map(|(k, v)| crate::builtins::tuple::new_tuple(vec![k, v])).collect();
        return Ok(new_list(items));
    }
    let items = ops::getattr(vm, dct, &intern("items"))?;
    let items = call(vm, &items, &[], &[])?;
    Ok(new_list(ops::collect(vm, &items)?))
}

fn write_dict(vm: &mut Vm, e: &Encoder, out: &mut PyString, dct: &Value, d: &DictData) -> PyResult<()> {
    if d.is_empty() {
        out.push_str("{}");
        return Ok(());
    }
    let ident = mark(vm, e, dct)?;
    out.push_str("{");
    let items = mapping_items(vm, dct, d)?;
    if e.sort_keys {
        crate::builtins::list::sort(vm, &items, &[], &[])?;
    }
    let items = as_list(&items).expect("a list").items.borrow().clone();
    let mut first = true;
    for item in &items {
        let Some([key, value]) = as_tuple(item).and_then(|t| <&[Value; 2]>::try_from(&t.items[..]).ok()) else {
            return Err(vm.value_error("items must return 2-tuples"));
        };
        let key_text = if as_str_data(key).is_some() {
            key.clone()
        } else if let Some(f) = float_of(key) {
            crate::builtins::str::new_str(&encode_float(vm, e, f)?)
        } else if is_none(key) {
            intern("null")
        } else if let Some(b) = as_bool(key) {
            intern(if b { "true" } else { "false" })
        } else if let Some(i) = int_of(key) {
            crate::builtins::str::new_str(&decimal_string(vm, &i)?)
        } else if e.skipkeys {
            continue;
        } else {
            let msg = format!("keys must be str, int, float, bool or None, not {:.100}", vm.type_of(key).name());
            return Err(vm.type_error(msg));
        };
        if !first {
            push_value(out, &e.item_separator);
        }
        first = false;
        let encoded = encode_string(vm, e, &key_text)?;
        push_value(out, &encoded);
        push_value(out, &e.key_separator);
        write_obj(vm, e, out, value)?;
    }
    unmark(vm, e, ident)?;
    out.push_str("}");
    Ok(())
}
