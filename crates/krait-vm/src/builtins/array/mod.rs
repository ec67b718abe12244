//! The `array` module (CPython's `Modules/arraymodule.c`): `array.array`,
//! a sequence of machine values of one typecode, its iterator and
//! `_array_reconstructor` (pickling).
//!
//! Invariants:
//! - An array is its typecode and its items' bytes (`items.rs` says how
//!   an item is stored); every item is valid for the typecode, since
//!   stores convert (and check) before writing.
//! - The bytes live in a `RefCell`, borrowed only while Rust code runs:
//!   values are converted (which may run `__index__`, `__float__`) before
//!   the borrow, so Python code never finds the array borrowed.
//! - The array is bytes-like: `bytes::as_buffer` borrows its bytes (so
//!   `bytes(a)`, `bytearray(a)`, `struct.unpack`, file writes work), and
//!   `memoryview(a)` is a writable view of its items in its typecode's
//!   format. While views are alive (`exports`), a write that would change
//!   the number of items raises BufferError (`ArrayData::resizing`).
//! - Slices, `+` and `*` make exact arrays, as CPython's do, whatever the
//!   class of the operands.

mod items;
mod methods;

use std::cell::{Cell, RefCell, RefMut};

use crate::builtins::classes::BuiltinBase;
use crate::builtins::itertools::{alloc_for, dealloc_payload, payload, trace_payload, Payload};
use crate::builtins::str::as_str_data;
use crate::object::alloc;
use crate::types::{tp_flags, type_value, CompareOp, GetSetDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub use items::TypeCode;

/// The payload of an `array.array`.
pub struct ArrayData {
    pub code: TypeCode,
    pub data: RefCell<Vec<u8>>,
    /// Live memoryviews of the array: while there are any, its size may
    /// not change (BufferError), as in CPython.
    pub exports: Cell<usize>,
    /// Weak references to the (exact) array exist (see `weakref`).
    pub weakly_referenced: Cell<bool>,
}

impl Payload for ArrayData {
    fn ty() -> &'static TypeObject {
        &ARRAY_TYPE
    }

    fn trace(&self, _: Visit) {}
}

impl ArrayData {
    pub fn new(code: TypeCode, data: Vec<u8>) -> ArrayData {
        ArrayData { code, data: RefCell::new(data), exports: Cell::new(0), weakly_referenced: Cell::new(false) }
    }

    /// The bytes, for a write that changes their number when `changes`:
    /// CPython's BufferError while memoryviews of the array are alive.
    pub fn resizing(&self, vm: &mut Vm, changes: bool) -> PyResult<RefMut<'_, Vec<u8>>> {
        if changes && self.exports.get() > 0 {
            return Err(vm.error(&crate::builtins::exceptions::BUFFER_ERROR, "cannot resize an array that is exporting buffers"));
        }
        Ok(self.data.borrow_mut())
    }

    pub fn len(&self) -> usize {
        self.data.borrow().len() / self.code.size()
    }

    pub fn is_empty(&self) -> bool {
        self.data.borrow().is_empty()
    }

    fn item_bytes(&self, i: usize) -> Vec<u8> {
        let n = self.code.size();
        self.data.borrow()[i * n..(i + 1) * n].to_vec()
    }
}

pub static ARRAY_TYPE: TypeObject = TypeObject {
    flags: Cell::new(tp_flags::SEQUENCE),
    repr: Slot::new(array_repr),
    richcompare: Slot::new(array_richcompare),
    len: Slot::new(|_, v| Ok(payload::<ArrayData>(v).len())),
    iter: Slot::new(|_, v| Ok(Value::from_owned(alloc(&ARRAY_ITERATOR_TYPE, ArrayIter { array: RefCell::new(v.clone()), index: Cell::new(0) })))),
    getitem: Slot::new(methods::getitem),
    setitem: Slot::new(methods::setitem),
    contains: Slot::new(methods::contains),
    concat: Slot::new(methods::concat),
    repeat: Slot::new(methods::repeat),
    inplace_concat: Slot::new(methods::inplace_concat),
    inplace_repeat: Slot::new(methods::inplace_repeat),
    new: Some(array_new),
    methods: methods::METHODS,
    getsets: &[
        GetSetDef {
            name: "typecode",
            get: |_, v| Ok(crate::builtins::str::new_str(&payload::<ArrayData>(v).code.letter().to_string())),
            set: None,
            member: false,
        },
        GetSetDef {
            name: "itemsize",
            get: |_, v| Ok(crate::builtins::int::new_int(payload::<ArrayData>(v).code.size() as i64)),
            set: None,
            member: false,
        },
    ],
    ..TypeObject::builtin("array.array", Some(&OBJECT_TYPE), dealloc_array, trace_payload::<ArrayData>)
};

unsafe fn dealloc_array(p: crate::object::ObjPtr) {
    // SAFETY: exact arrays are Obj<ArrayData> (classes derived from
    // array.array have their own dealloc, which clears their weak
    // references).
    if unsafe { p.data::<ArrayData>() }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_payload::<ArrayData>(p) }
}

/// Classes may derive from `array.array`; its `new` makes their instances.
pub fn builtin_base(ty: &'static TypeObject) -> Option<BuiltinBase> {
    std::ptr::eq(ty, &ARRAY_TYPE).then(|| BuiltinBase::allocated_by_new::<ArrayData>(ty))
}

/// The payload of `v` if it is an array (or an instance of a subclass).
pub fn as_array(v: &Value) -> Option<&ArrayData> {
    let p = v.as_object()?;
    p.ty().is_subtype(&ARRAY_TYPE).then(|| payload::<ArrayData>(v))
}

/// A new exact array.
pub fn new_array(code: TypeCode, data: Vec<u8>) -> Value {
    Value::from_owned(alloc(&ARRAY_TYPE, ArrayData::new(code, data)))
}

const BAD_TYPECODE: &str = "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)";

/// `array(typecode[, initializer])` (CPython's `array_new`).
fn array_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() && std::ptr::eq(cls, &ARRAY_TYPE) {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let args = &args[..args.len() - kwnames.len()];
    let (tc, init) = match args {
        [] => return Err(vm.type_error("array() takes at least 1 argument (0 given)")),
        [tc] => (tc, None),
        [tc, init] => (tc, Some(init)),
        _ => return Err(vm.type_error(format!("array() takes at most 2 arguments ({} given)", args.len()))),
    };
    let c = as_str_data(tc).filter(|s| s.len() == 1).and_then(|s| s.code_points().next());
    let Some(c) = c else {
        let msg = format!("array() argument 1 must be a unicode character, not {}", vm.type_of(tc).name());
        return Err(vm.type_error(msg));
    };
    let Some(code) = TypeCode::parse(c) else {
        return Err(vm.value_error(BAD_TYPECODE));
    };
    let mut data = Vec::new();
    if let Some(init) = init {
        if as_str_data(init).is_some() && !code.is_unicode() {
            let msg = format!("cannot use a str to initialize an array with typecode '{}'", code.letter());
            return Err(vm.type_error(msg));
        }
        if as_array(init).is_some_and(|a| a.code.is_unicode()) && !code.is_unicode() {
            let msg = format!("cannot use a unicode array to initialize an array with typecode '{}'", code.letter());
            return Err(vm.type_error(msg));
        }
        if let Some(s) = as_str_data(init) {
            for c in s.code_points() {
                data.extend_from_slice(&c.to_ne_bytes());
            }
        } else if let Some(b) = (crate::builtins::bytes::as_bytes(init).is_some()
            || crate::builtins::bytes::as_bytearray(init).is_some())
        .then(|| crate::builtins::bytes::as_buffer(init).map(|b| b.to_vec()))
        .flatten()
        {
            if !items::whole(b.len(), code.size()) {
                return Err(vm.value_error("bytes length not a multiple of item size"));
            }
            data = b;
        } else if let Some(a) = as_array(init).filter(|a| a.code == code) {
            data = a.data.borrow().clone();
        } else {
            let it = crate::ops::iter(vm, init)?;
            while let Some(v) = crate::ops::next(vm, &it)? {
                data.extend(items::encode(vm, code, &v)?);
            }
        }
    }
    Ok(alloc_for(cls, ArrayData::new(code, data)))
}

/// The name `repr` shows: the class's `__name__`.
fn type_short_name(vm: &Vm, v: &Value) -> String {
    let name = vm.type_of(v).name();
    name.rsplit('.').next().unwrap_or(name).to_string()
}

/// `array('b', [1, 2])`, `array('u', 'text')`, `array('d')`.
fn array_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let a = payload::<ArrayData>(v);
    let name = type_short_name(vm, v);
    let letter = a.code.letter();
    if a.is_empty() {
        return Ok(crate::builtins::str::new_str(&format!("{name}('{letter}')")));
    }
    let contents = if a.code.is_unicode() { methods::tounicode_value(vm, v)? } else { methods::tolist_value(vm, v)? };
    let r = crate::ops::repr_string(vm, &contents)?;
    Ok(crate::builtins::str::new_str(&format!("{name}('{letter}', {r})")))
}

/// Arrays compare item by item, as sequences (any two typecodes).
fn array_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_array(a), as_array(b)) else { return Ok(vm.not_implemented()) };
    let (la, lb) = (x.len(), y.len());
    if la != lb && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.bool(op == CompareOp::Ne));
    }
    // Items as values, compared with `==` (never by identity: CPython's
    // items are fresh objects, so two NaNs differ) up to the first
    // difference, which decides; else the lengths do.
    let xs = methods::values(vm, a)?;
    let ys = methods::values(vm, b)?;
    for (x, y) in xs.iter().zip(&ys) {
        let eq = crate::ops::richcompare(vm, x, y, CompareOp::Eq)?;
        if !crate::ops::truthy(vm, &eq)? {
            return match op {
                CompareOp::Eq => Ok(vm.bool(false)),
                CompareOp::Ne => Ok(vm.bool(true)),
                _ => crate::ops::richcompare(vm, x, y, op),
            };
        }
    }
    let r = crate::ops::ordering_satisfies(la.cmp(&lb), op);
    Ok(vm.bool(r))
}

// ----- the iterator ---------------------------------------------------------

pub struct ArrayIter {
    /// The array, until the iterator is exhausted (then NULL: CPython's
    /// drops it, so the array may be freed before the iterator).
    array: RefCell<Value>,
    index: Cell<usize>,
}

impl Payload for ArrayIter {
    fn ty() -> &'static TypeObject {
        &ARRAY_ITERATOR_TYPE
    }

    fn trace(&self, visit: Visit) {
        let a = self.array.borrow();
        if !a.is_null() {
            visit(&a);
        }
    }
}

pub static ARRAY_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(crate::builtins::itertools::iter_self),
    next: Slot::new(|vm, v| {
        let it = payload::<ArrayIter>(v);
        let array = it.array.borrow().clone();
        if array.is_null() {
            return Ok(None);
        }
        let a = payload::<ArrayData>(&array);
        let i = it.index.get();
        if i >= a.len() {
            // Exhausted for good: the array is let go, as CPython does.
            it.index.set(usize::MAX);
            let old = it.array.replace(Value::NULL);
            drop(array);
            drop(old);
            return Ok(None);
        }
        it.index.set(i + 1);
        let b = a.item_bytes(i);
        items::decode(vm, a.code, &b).map(Some)
    }),
    methods: &[
        crate::types::MethodDef { name: "__reduce__", func: iter_reduce },
        crate::types::MethodDef { name: "__setstate__", func: iter_setstate },
    ],
    ..TypeObject::builtin("array.arrayiterator", Some(&OBJECT_TYPE), dealloc_payload::<ArrayIter>, trace_payload::<ArrayIter>)
};

/// `it.__reduce__()`: `(iter, (array,), index)`, or `(iter, ((),))` once
/// exhausted.
fn iter_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::dict::check_args(vm, "arrayiterator.__reduce__", args, kwnames, 0, 0)?;
    let builtins = vm.builtins()?;
    let iter = crate::builtins::dict::as_dict(&builtins)
        .and_then(|b| b.get_str(&crate::builtins::str::intern("iter")))
        .unwrap_or_else(crate::builtins::singletons::none);
    let it = payload::<ArrayIter>(this);
    let tuple = crate::builtins::tuple::new_tuple;
    if it.index.get() == usize::MAX {
        return Ok(tuple(vec![iter, tuple(vec![tuple(Vec::new())])]));
    }
    let index = crate::builtins::int::new_int(it.index.get() as i64);
    let array = it.array.borrow().clone();
    Ok(tuple(vec![iter, tuple(vec![array]), index]))
}

/// `it.__setstate__(index)`: continue from `index` (clamped to 0..=len).
fn iter_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::dict::check_args(vm, "arrayiterator.__setstate__", args, kwnames, 1, 1)?;
    let Some(i) = crate::ops::index(vm, &args[0])?.as_ref().and_then(crate::builtins::int::int_of).map(|i| i.to_ibig()) else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(&args[0]).name());
        return Err(vm.type_error(msg));
    };
    let it = payload::<ArrayIter>(this);
    if it.index.get() != usize::MAX {
        let len = payload::<ArrayData>(&it.array.borrow()).len();
        let i = if i < dashu_int::IBig::ZERO { 0 } else { usize::try_from(&i).unwrap_or(len).min(len) };
        it.index.set(i);
    }
    Ok(crate::builtins::singletons::none())
}

// ----- the module -----------------------------------------------------------

/// `_array_reconstructor(arraytype, typecode, mformat_code, items)`: the
/// array pickles of protocol 3 and later unpickle through it.
fn array_reconstructor(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "_array_reconstructor", kwnames)?;
    let [cls, tc, mformat, data] = args else {
        return Err(vm.type_error(format!("_array_reconstructor expected 4 arguments, got {}", args.len())));
    };
    let Some(cls_ty) = crate::types::as_type(cls) else {
        let msg = format!("first argument must be a type object, not {}", vm.type_of(cls).name());
        return Err(vm.type_error(msg));
    };
    if !cls_ty.is_subtype(&ARRAY_TYPE) {
        return Err(vm.type_error(format!("{} is not a subtype of array.array", cls_ty.name())));
    }
    let code = as_str_data(tc).filter(|s| s.len() == 1).and_then(|s| s.code_points().next()).and_then(TypeCode::parse);
    let Some(code) = code else {
        return Err(vm.value_error("second argument must be a valid type code"));
    };
    let Some(m) = crate::ops::index(vm, mformat)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(mformat).name());
        return Err(vm.type_error(msg));
    };
    let m = crate::builtins::int::int_of(&m).and_then(|i| match i {
        crate::builtins::int::Int::Small(n) => Some(n),
        _ => None,
    });
    let Some(m) = m.filter(|m| (0..=21).contains(m)) else {
        return Err(vm.value_error("third argument must be a valid machine format code."));
    };
    let Some(bytes) = crate::builtins::bytes::as_bytes(data) else {
        let msg = format!("fourth argument should be bytes, not {}", vm.type_of(data).name());
        return Err(vm.type_error(msg));
    };
    let bytes = bytes.to_vec();
    let (code, data) = if m == code.mformat() {
        (code, bytes)
    } else {
        methods::convert_mformat(vm, m, &bytes)?
    };
    if !items::whole(data.len(), code.size()) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    Ok(alloc_for(cls_ty, ArrayData::new(code, data)))
}

const DOC: &str = "This module defines an object type which can efficiently represent\n\
an array of basic values: characters, integers, floating point\n\
numbers.  Arrays are sequence types and behave very much like lists,\n\
except that the type of objects stored in them is constrained.\n";

/// The `array` module.
pub fn new_array_module(vm: &mut Vm) -> PyResult<Value> {
    let functions: &[(&'static str, crate::types::CallFn)] = &[("_array_reconstructor", array_reconstructor)];
    let d = crate::builtins::function::native_module_dict(vm, "array", DOC, functions)?;
    let dd = crate::builtins::dict::as_dict(&d).expect("a dict");
    dd.set(vm, crate::builtins::str::new_str("typecodes"), crate::builtins::str::new_str(items::TYPECODES))?;
    dd.set(vm, crate::builtins::str::new_str("ArrayType"), type_value(&ARRAY_TYPE))?;
    dd.set(vm, crate::builtins::str::new_str("array"), type_value(&ARRAY_TYPE))?;
    let module = crate::builtins::function::new_module("array", d);
    // As CPython's module init: array is a registered MutableSequence.
    // Best effort: without the standard library (a bare VM) it is skipped.
    let _ = register_mutable_sequence(vm);
    Ok(module)
}

fn register_mutable_sequence(vm: &mut Vm) -> PyResult<Value> {
    let abc = crate::import::import_module(vm, "collections.abc")?;
    let mutable_sequence = crate::ops::getattr(vm, &abc, &crate::builtins::str::intern("MutableSequence"))?;
    let register = crate::ops::getattr(vm, &mutable_sequence, &crate::builtins::str::intern("register"))?;
    crate::eval::call(vm, &register, &[type_value(&ARRAY_TYPE)], &[])
}
