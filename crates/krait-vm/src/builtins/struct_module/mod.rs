//! The `_struct` module (CPython's `Modules/_struct.c`) under CPython's
//! own `struct.py`: `pack`, `unpack`, `pack_into`, `unpack_from`,
//! `iter_unpack`, `calcsize`, the `Struct` class and `error`.
//!
//! Invariants:
//! - `Struct` and `error` are classes made when the module is imported
//!   (`error` once per thread, kept for the functions to reach): `Struct` keeps its
//!   format (a str) and size as instance attributes and parses the format
//!   again on each call (cheap: formats are short), so it may be derived
//!   from like any class.
//! - Buffers are read as copies; `pack_into` writes a bytearray, an array
//!   or a writable memoryview in place (`memoryview::write_buffer`).
//! - Every message is CPython's (`format.rs` for the per-item ones).

mod format;

use std::cell::{Cell, RefCell};

use crate::builtins::bytes::{as_buffer, new_bytes};
use crate::builtins::dict::{as_dict, check_args, new_dict};
use crate::builtins::function::{new_builtin, new_module};
use crate::builtins::int::new_int;
use crate::builtins::str::{as_str_data, intern, new_str};
use crate::builtins::tuple::new_tuple;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{as_type, type_value, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};
use format::{Failure, Layout};

thread_local! {
    /// `struct.error`, made with the module.
    static ERROR: RefCell<Value> = const { RefCell::new(Value::NULL) };
}

/// A `struct.error` with `msg`.
fn struct_error(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = ERROR.with(|e| e.borrow().clone());
    match crate::eval::call(vm, &cls, &[new_str(msg)], &[]) {
        Ok(exc) => PyErr { exception: exc },
        Err(e) => e,
    }
}

fn raise(vm: &mut Vm, f: Failure) -> PyErr {
    match f {
        Failure::Struct(msg) => struct_error(vm, &msg),
        Failure::Other(e) => e,
    }
}

/// A format argument: a str or bytes (as `Struct()` takes it).
fn layout_of(vm: &mut Vm, fmt: &Value) -> PyResult<Layout> {
    let bytes = if let Some(s) = as_str_data(fmt) {
        s.bytes().to_vec()
    } else if let Some(b) = crate::builtins::bytes::as_bytes(fmt) {
        b.to_vec()
    } else {
        let msg = format!("Struct() argument 1 must be a str or bytes object, not {}", vm.type_of(fmt).name());
        return Err(vm.type_error(msg));
    };
    if bytes.contains(&0) {
        return Err(struct_error(vm, "embedded null character"));
    }
    format::parse(&bytes).map_err(|f| raise(vm, f))
}

/// The format of a `Struct` instance.
fn struct_layout(vm: &mut Vm, this: &Value) -> PyResult<Layout> {
    let fmt = crate::ops::getattr(vm, this, &intern("format"))?;
    layout_of(vm, &fmt)
}

fn pack_with(vm: &mut Vm, layout: &Layout, args: &[Value]) -> PyResult<Vec<u8>> {
    if args.len() != layout.nargs {
        let msg = format!("pack expected {} items for packing (got {})", layout.nargs, args.len());
        return Err(struct_error(vm, &msg));
    }
    let mut out = vec![0u8; layout.size];
    format::pack(vm, layout, args, &mut out).map_err(|f| raise(vm, f))?;
    Ok(out)
}

fn unpack_with(vm: &mut Vm, layout: &Layout, data: &Value) -> PyResult<Value> {
    let bytes = crate::builtins::bytes::buffer_arg(vm, data)?.to_vec();
    if bytes.len() != layout.size {
        return Err(struct_error(vm, &format!("unpack requires a buffer of {} bytes", layout.size)));
    }
    Ok(new_tuple(format::unpack(vm, layout, &bytes)))
}

/// `unpack_from(buffer, offset=0)` with the arguments bound.
fn unpack_from_with(vm: &mut Vm, layout: &Layout, buffer: &Value, offset: Option<&Value>) -> PyResult<Value> {
    let bytes = crate::builtins::bytes::buffer_arg(vm, buffer)?.to_vec();
    let mut offset = match offset {
        Some(o) => crate::builtins::str_methods::ssize_arg(vm, o)?,
        None => 0,
    };
    let len = bytes.len() as i64;
    if offset < 0 {
        if offset + layout.size as i64 > 0 {
            let msg = format!("not enough data to unpack {} bytes at offset {offset}", layout.size);
            return Err(struct_error(vm, &msg));
        }
        if offset + len < 0 {
            return Err(struct_error(vm, &format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    let size = layout.size as i64;
    if len - offset < size {
        let msg = format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {len})",
            size as i128 + offset as i128
        );
        return Err(struct_error(vm, &msg));
    }
    let at = offset as usize;
    Ok(new_tuple(format::unpack(vm, layout, &bytes[at..at + layout.size])))
}

/// `pack_into(buffer, offset, *values)` with the format parsed.
fn pack_into_with(vm: &mut Vm, layout: &Layout, args: &[Value]) -> PyResult<Value> {
    let Some(buffer) = args.first() else { return Err(struct_error(vm, "pack_into expected buffer argument")) };
    let Some(offset) = args.get(1) else { return Err(struct_error(vm, "pack_into expected offset argument")) };
    let values = &args[2..];
    if values.len() != layout.nargs {
        let msg = format!("pack_into expected {} items for packing (got {})", layout.nargs, values.len());
        return Err(struct_error(vm, &msg));
    }
    if !crate::builtins::memoryview::is_writable_buffer(buffer) {
        let msg = format!("argument must be read-write bytes-like object, not {}", vm.type_of(buffer).name());
        return Err(vm.type_error(msg));
    }
    let len = as_buffer(buffer).map_or(0, |b| b.len()) as i64;
    let mut offset = crate::builtins::str_methods::ssize_arg(vm, offset)?;
    let size = layout.size as i64;
    if offset < 0 {
        if offset + size > 0 {
            return Err(struct_error(vm, &format!("no space to pack {size} bytes at offset {offset}")));
        }
        if offset + len < 0 {
            return Err(struct_error(vm, &format!("offset {offset} out of range for {len}-byte buffer")));
        }
        offset += len;
    }
    if len - offset < size {
        let msg = format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {len})",
            size as i128 + offset as i128
        );
        return Err(struct_error(vm, &msg));
    }
    let packed = pack_with(vm, layout, values)?;
    crate::builtins::memoryview::write_buffer(vm, buffer, offset as usize, &packed)?;
    Ok(vm.none())
}

// ----- iter_unpack ----------------------------------------------------------------

struct UnpackIter {
    layout: Layout,
    data: Vec<u8>,
    pos: Cell<usize>,
}

unsafe fn dealloc_iter(p: ObjPtr) {
    // SAFETY: unpack_iterator objects are Obj<UnpackIter>.
    unsafe { dealloc_boxed::<UnpackIter>(p) }
}

fn trace_iter(_: ObjPtr, _: Visit) {}

static UNPACK_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(iter_next),
    methods: &[MethodDef { name: "__length_hint__", func: length_hint }],
    ..TypeObject::builtin("_struct.unpack_iterator", Some(&OBJECT_TYPE), dealloc_iter, trace_iter)
};

fn iter_data(v: &Value) -> &UnpackIter {
    // SAFETY: the slots of UNPACK_ITERATOR_TYPE are reached only with its
    // objects, which are Obj<UnpackIter>.
    unsafe { v.as_object().expect("an unpack_iterator").data::<UnpackIter>() }
}

fn iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = iter_data(v);
    let pos = it.pos.get();
    if pos + it.layout.size > it.data.len() || it.layout.size == 0 {
        return Ok(None);
    }
    it.pos.set(pos + it.layout.size);
    let layout = it.layout.clone();
    let chunk = it.data[pos..pos + layout.size].to_vec();
    Ok(Some(new_tuple(format::unpack(vm, &layout, &chunk))))
}

/// `__length_hint__()`: how many items are left.
fn length_hint(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "__length_hint__", args, kwnames, 0, 0)?;
    let it = iter_data(this);
    let left = it.data.len().saturating_sub(it.pos.get()) / it.layout.size.max(1);
    Ok(new_int(left as i64))
}

fn iter_unpack_with(vm: &mut Vm, layout: Layout, buffer: &Value) -> PyResult<Value> {
    if layout.size == 0 {
        return Err(struct_error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    let data = crate::builtins::bytes::buffer_arg(vm, buffer)?.to_vec();
    if data.len() % layout.size != 0 {
        let msg = format!("iterative unpacking requires a buffer of a multiple of {} bytes", layout.size);
        return Err(struct_error(vm, &msg));
    }
    Ok(Value::from_owned(alloc(&UNPACK_ITERATOR_TYPE, UnpackIter { layout, data, pos: Cell::new(0) })))
}

// ----- the module functions -------------------------------------------------------

fn first_format(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], min: usize) -> PyResult<Layout> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    if args.len() < min {
        let msg = format!("{name} expected at least {min} argument{}, got {}", if min == 1 { "" } else { "s" }, args.len());
        return Err(vm.type_error(msg));
    }
    layout_of(vm, &args[0])
}

fn pack(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let layout = first_format(vm, "pack", args, kwnames, 1)?;
    Ok(new_bytes(pack_with(vm, &layout, &args[1..])?))
}

fn pack_into(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let layout = first_format(vm, "pack_into", args, kwnames, 1)?;
    pack_into_with(vm, &layout, &args[1..])
}

fn unpack(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "unpack", args, kwnames, 2, 2)?;
    let layout = layout_of(vm, &args[0])?;
    unpack_with(vm, &layout, &args[1])
}

fn unpack_from(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fmt, buffer, offset] =
        crate::builtins::str_methods::bind(vm, "unpack_from", ["format", "buffer", "offset"], args, kwnames)?;
    let (Some(fmt), Some(buffer)) = (fmt, buffer) else {
        let missing = if fmt.is_none() { "'format' (pos 1)" } else { "'buffer' (pos 2)" };
        return Err(vm.type_error(format!("unpack_from() missing required argument {missing}")));
    };
    let layout = layout_of(vm, fmt)?;
    unpack_from_with(vm, &layout, buffer, offset)
}

fn iter_unpack(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "iter_unpack", args, kwnames, 2, 2)?;
    let layout = layout_of(vm, &args[0])?;
    iter_unpack_with(vm, layout, &args[1])
}

fn calcsize(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "calcsize", args, kwnames, 1, 1)?;
    let layout = layout_of(vm, &args[0])?;
    Ok(new_int(layout.size as i64))
}

fn clearcache(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "_clearcache", args, kwnames, 0, 0)?;
    Ok(vm.none())
}

// ----- the Struct class -----------------------------------------------------------

/// `Struct.__init__(self, format)`: keep the format (as a str) and size.
fn struct_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fmt] = crate::builtins::str_methods::bind(vm, "Struct", ["format"], args, kwnames)?;
    let Some(fmt) = fmt else { return Err(vm.type_error("Struct() missing required argument 'format' (pos 1)")) };
    let layout = layout_of(vm, fmt)?;
    let text = match crate::builtins::bytes::as_bytes(fmt) {
        Some(b) => crate::builtins::codecs::charmap::decode_latin1(b),
        None => krait_syntax::pystr::PyString::from_bytes(as_str_data(fmt).map(|s| s.bytes().to_vec()).unwrap_or_default()),
    };
    let text = crate::builtins::str::new_str_from_pystring(&text);
    crate::builtins::classes::generic_setattr(vm, this, &intern("format"), Some(text))?;
    crate::builtins::classes::generic_setattr(vm, this, &intern("size"), Some(new_int(layout.size as i64)))?;
    Ok(vm.none())
}

fn struct_pack(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "pack", kwnames)?;
    let layout = struct_layout(vm, this)?;
    Ok(new_bytes(pack_with(vm, &layout, args)?))
}

fn struct_pack_into(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "pack_into", kwnames)?;
    let layout = struct_layout(vm, this)?;
    pack_into_with(vm, &layout, args)
}

fn struct_unpack(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "unpack", args, kwnames, 1, 1)?;
    let layout = struct_layout(vm, this)?;
    unpack_with(vm, &layout, &args[0])
}

fn struct_unpack_from(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [buffer, offset] = crate::builtins::str_methods::bind(vm, "unpack_from", ["buffer", "offset"], args, kwnames)?;
    let Some(buffer) = buffer else {
        return Err(vm.type_error("unpack_from() missing required argument 'buffer' (pos 1)"));
    };
    let layout = struct_layout(vm, this)?;
    unpack_from_with(vm, &layout, buffer, offset)
}

fn struct_iter_unpack(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    check_args(vm, "iter_unpack", args, kwnames, 1, 1)?;
    let layout = struct_layout(vm, this)?;
    iter_unpack_with(vm, layout, &args[0])
}

/// The `_struct` module.
pub fn new_struct_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str("_struct"))?;
    dd.set(vm, new_str("__doc__"), vm.none())?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    dd.set(vm, new_str("__loader__"), vm.none())?;
    dd.set(vm, new_str("__spec__"), vm.none())?;

    // A second import (`import_fresh_module("_struct")`) shares the first
    // one's `error`: the functions raise the one class the thread keeps,
    // which must stay the `struct.error` that code catches.
    let mut error = ERROR.with(|e| e.borrow().clone());
    if error.is_null() {
        let ns = new_dict();
        as_dict(&ns).expect("a dict").set(vm, intern("__module__"), new_str("struct"))?;
        let exception = type_value(&crate::builtins::exceptions::EXCEPTION);
        error = crate::builtins::classes::new_class(vm, &TYPE_TYPE, "error", &[exception], &ns, &[])?;
        ERROR.with(|e| *e.borrow_mut() = error.clone());
    }
    dd.set(vm, new_str("error"), error)?;

    let ns = new_dict();
    as_dict(&ns).expect("a dict").set(vm, intern("__module__"), new_str("_struct"))?;
    let cls = crate::builtins::classes::new_class(vm, &TYPE_TYPE, "Struct", &[], &ns, &[])?;
    let ty = as_type(&cls).expect("a class");
    let methods: [(&'static str, crate::types::CallFn); 6] = [
        ("__init__", struct_init),
        ("pack", struct_pack),
        ("pack_into", struct_pack_into),
        ("unpack", struct_unpack),
        ("unpack_from", struct_unpack_from),
        ("iter_unpack", struct_iter_unpack),
    ];
    for (name, f) in methods {
        let m = crate::builtins::method_descriptors::new_method_descriptor(ty, name, f);
        crate::builtins::classes::type_setattr(vm, &cls, &intern(name), Some(m))?;
    }
    dd.set(vm, new_str("Struct"), cls)?;

    let functions: [(&'static str, crate::types::CallFn); 7] = [
        ("pack", pack),
        ("pack_into", pack_into),
        ("unpack", unpack),
        ("unpack_from", unpack_from),
        ("iter_unpack", iter_unpack),
        ("calcsize", calcsize),
        ("_clearcache", clearcache),
    ];
    for (name, f) in functions {
        dd.set(vm, new_str(name), new_builtin(name, f))?;
    }
    Ok(new_module("_struct", d))
}
