//! Slot wrappers: a built-in type's slots as Python-visible dunder
//! methods (`int.__add__`, `(3).__add__`, `object.__lt__`), as CPython's
//! `wrapper_descriptor` and `method-wrapper` objects in
//! `Objects/typeobject.c` (`slotdefs`, `add_operators`) and
//! `Objects/descrobject.c`; and the namespaces of built-in types that hold
//! them.
//!
//! Invariants:
//! - `SLOTDEFS` lists every dunder a slot answers to, in CPython's order;
//!   a name listed twice (`__add__`: `nb_add`, then the sequence
//!   `concat`) takes its first slot the type fills.
//! - A built-in type's namespace (`builtin_dict`) holds a wrapper for each
//!   slot the type fills itself, that is, differently from its base's
//!   (bool's comparisons are int's, so `bool.__lt__` is int's wrapper),
//!   then its methods, class methods and data descriptors. It is made on
//!   the first look-up and never changes, so wrappers keep their identity
//!   (`Plain.__init__ is object.__init__`).
//! - Calling a wrapper calls its owner's slot directly, never the
//!   receiver's type's slot, so a class's `super().__eq__(x)` reaches
//!   `object`'s comparison and not its own `__eq__` again. A slot's
//!   `NotImplemented` is returned as is.
//! - Arguments are checked as CPython's `wrap_*` functions do, with their
//!   messages (`expected 1 argument, got 0`, `descriptor '__add__'
//!   requires a 'int' object but received a 'str'`).

use crate::builtins::classes;
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::{exception_with_args, NOT_IMPLEMENTED_ERROR, STOP_ITERATION};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::method_descriptors::{
    as_builtin_attr, builtin_init, check_receiver, dealloc_builtin_attr, new_builtin_attr, subclassable_builtin,
    BuiltinAttrData, DESCRIPTOR_GETSETS,
};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, intern, new_str};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{as_type, BinOp, CompareOp, Slot, TypeObject, Visit, OBJECT_TYPE, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// What a built-in type's attribute wraps: a table entry (`Method`,
/// `ClassMethod`), `__new__`, or one of its slots, seen through one of
/// CPython's wrapper conventions.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Wrapped {
    /// An entry of the type's `methods` table.
    Method,
    /// An entry of the type's `class_methods` table: bound to the class.
    ClassMethod,
    /// `__new__`: static, called with the class first.
    New,
    GetAttribute,
    SetAttr,
    DelAttr,
    Repr,
    Hash,
    Call,
    Str,
    Compare(CompareOp),
    Iter,
    Next,
    DescrGet,
    DescrSet,
    DescrDelete,
    Init,
    /// `a.__add__(b)`: the number slot with the operands in order.
    Binary(BinOp),
    /// `a.__radd__(b)`: the same slot with the operands swapped.
    BinaryR(BinOp),
    InPlace(BinOp),
    DivMod,
    RDivMod,
    Negative,
    Positive,
    Absolute,
    Bool,
    Invert,
    Int,
    Float,
    Index,
    Len,
    GetItem,
    SetItem,
    DelItem,
    Contains,
    /// The sequence slots: `__add__`, `__mul__`, `__rmul__`, `__iadd__`,
    /// `__imul__` of types without the number slot.
    Concat,
    Repeat,
    RRepeat,
    InplaceConcat,
    InplaceRepeat,
}

impl Wrapped {
    /// Is this a slot (shown as a `wrapper_descriptor`), rather than a
    /// method table entry or `__new__`?
    pub fn is_slot(self) -> bool {
        !matches!(self, Wrapped::Method | Wrapped::ClassMethod | Wrapped::New)
    }
}

macro_rules! slotdefs {
    ($($name:literal => $w:expr,)*) => {
        /// Every dunder name a slot answers to, in CPython's `slotdefs`
        /// order (the number slots before the mapping and sequence ones).
        pub const SLOTDEFS: &[(&str, Wrapped)] = &[$(($name, $w)),*];
    };
}

use BinOp as B;
use CompareOp as C;
use Wrapped as W;

slotdefs! {
    "__getattribute__" => W::GetAttribute,
    "__setattr__" => W::SetAttr,
    "__delattr__" => W::DelAttr,
    "__repr__" => W::Repr,
    "__hash__" => W::Hash,
    "__call__" => W::Call,
    "__str__" => W::Str,
    "__lt__" => W::Compare(C::Lt),
    "__le__" => W::Compare(C::Le),
    "__eq__" => W::Compare(C::Eq),
    "__ne__" => W::Compare(C::Ne),
    "__gt__" => W::Compare(C::Gt),
    "__ge__" => W::Compare(C::Ge),
    "__iter__" => W::Iter,
    "__next__" => W::Next,
    "__get__" => W::DescrGet,
    "__set__" => W::DescrSet,
    "__delete__" => W::DescrDelete,
    "__init__" => W::Init,
    "__new__" => W::New,
    "__add__" => W::Binary(B::Add),
    "__radd__" => W::BinaryR(B::Add),
    "__sub__" => W::Binary(B::Subtract),
    "__rsub__" => W::BinaryR(B::Subtract),
    "__mul__" => W::Binary(B::Multiply),
    "__rmul__" => W::BinaryR(B::Multiply),
    "__mod__" => W::Binary(B::Remainder),
    "__rmod__" => W::BinaryR(B::Remainder),
    "__divmod__" => W::DivMod,
    "__rdivmod__" => W::RDivMod,
    "__pow__" => W::Binary(B::Power),
    "__rpow__" => W::BinaryR(B::Power),
    "__neg__" => W::Negative,
    "__pos__" => W::Positive,
    "__abs__" => W::Absolute,
    "__bool__" => W::Bool,
    "__invert__" => W::Invert,
    "__lshift__" => W::Binary(B::Lshift),
    "__rlshift__" => W::BinaryR(B::Lshift),
    "__rshift__" => W::Binary(B::Rshift),
    "__rrshift__" => W::BinaryR(B::Rshift),
    "__and__" => W::Binary(B::And),
    "__rand__" => W::BinaryR(B::And),
    "__xor__" => W::Binary(B::Xor),
    "__rxor__" => W::BinaryR(B::Xor),
    "__or__" => W::Binary(B::Or),
    "__ror__" => W::BinaryR(B::Or),
    "__int__" => W::Int,
    "__float__" => W::Float,
    "__iadd__" => W::InPlace(B::Add),
    "__isub__" => W::InPlace(B::Subtract),
    "__imul__" => W::InPlace(B::Multiply),
    "__imod__" => W::InPlace(B::Remainder),
    "__ipow__" => W::InPlace(B::Power),
    "__ilshift__" => W::InPlace(B::Lshift),
    "__irshift__" => W::InPlace(B::Rshift),
    "__iand__" => W::InPlace(B::And),
    "__ixor__" => W::InPlace(B::Xor),
    "__ior__" => W::InPlace(B::Or),
    "__floordiv__" => W::Binary(B::FloorDivide),
    "__rfloordiv__" => W::BinaryR(B::FloorDivide),
    "__truediv__" => W::Binary(B::TrueDivide),
    "__rtruediv__" => W::BinaryR(B::TrueDivide),
    "__ifloordiv__" => W::InPlace(B::FloorDivide),
    "__itruediv__" => W::InPlace(B::TrueDivide),
    "__index__" => W::Index,
    "__matmul__" => W::Binary(B::MatrixMultiply),
    "__rmatmul__" => W::BinaryR(B::MatrixMultiply),
    "__imatmul__" => W::InPlace(B::MatrixMultiply),
    "__len__" => W::Len,
    "__getitem__" => W::GetItem,
    "__setitem__" => W::SetItem,
    "__delitem__" => W::DelItem,
    "__add__" => W::Concat,
    "__mul__" => W::Repeat,
    "__rmul__" => W::RRepeat,
    "__contains__" => W::Contains,
    "__iadd__" => W::InplaceConcat,
    "__imul__" => W::InplaceRepeat,
}

macro_rules! addr {
    ($f:expr) => {
        $f.map(|f| f as usize)
    };
}

/// The address of the function slot `w` of `ty` holds (what tells a
/// type's own slot from the one it shares with its base).
fn slot_addr(ty: &TypeObject, w: Wrapped) -> Option<usize> {
    let n = ty.number.get();
    match w {
        W::GetAttribute => addr!(ty.getattr.get()),
        W::SetAttr | W::DelAttr => addr!(ty.setattr.get()),
        W::Repr => addr!(ty.repr.get()),
        W::Hash => addr!(ty.hash.get()),
        W::Call => addr!(ty.call.get()),
        W::Str => addr!(ty.str.get()),
        W::Compare(_) => addr!(ty.richcompare.get()),
        W::Iter => addr!(ty.iter.get()),
        W::Next => addr!(ty.next.get()),
        W::DescrGet => addr!(ty.descr_get.get()),
        W::DescrSet | W::DescrDelete => addr!(ty.descr_set.get()),
        W::Init => addr!(ty.init),
        W::New => addr!(ty.new),
        W::Binary(op) | W::BinaryR(op) => addr!(n.binary[op as usize]),
        W::InPlace(op) => addr!(n.inplace[op as usize]),
        W::DivMod | W::RDivMod => addr!(n.divmod),
        W::Negative => addr!(n.negative),
        W::Positive => addr!(n.positive),
        W::Absolute => addr!(n.absolute),
        W::Invert => addr!(n.invert),
        W::Int => addr!(n.int),
        W::Float => addr!(n.float),
        W::Index => addr!(n.index),
        W::Bool => addr!(ty.bool.get()),
        W::Len => addr!(ty.len.get()),
        W::GetItem => addr!(ty.getitem.get()),
        W::SetItem | W::DelItem => addr!(ty.setitem.get()),
        W::Contains => addr!(ty.contains.get()),
        W::Concat => addr!(ty.concat.get()),
        W::Repeat | W::RRepeat => addr!(ty.repeat.get()),
        W::InplaceConcat => addr!(ty.inplace_concat.get()),
        W::InplaceRepeat => addr!(ty.inplace_repeat.get()),
        W::Method | W::ClassMethod => None,
    }
}

/// Does built-in type `ty` fill slot `w` itself (not as its base does)?
fn has_own_slot(ty: &'static TypeObject, w: Wrapped) -> bool {
    let is_object = std::ptr::eq(ty, &OBJECT_TYPE);
    match w {
        // Slots Krait fills where CPython's type has none (or inherits
        // its base's), for its own speed: `type[int]` through `type`'s
        // `getitem` (CPython special-cases it in `PyObject_GetItem`),
        // `str`'s truth without `len`, bool's truth without int's.
        W::GetItem if std::ptr::eq(ty, &TYPE_TYPE) => false,
        W::Bool if std::ptr::eq(ty, &crate::builtins::str::STR_TYPE) => false,
        W::Bool if std::ptr::eq(ty, &crate::builtins::singletons::BOOL_TYPE) => false,
        W::Init if is_object || subclassable_builtin(ty) || std::ptr::eq(ty, &crate::builtins::exceptions::BASE_EXCEPTION) => true,
        _ => {
            let own = slot_addr(ty, w);
            own.is_some() && ty.base.and_then(|b| slot_addr(b, w)) != own
        }
    }
}

/// Does `ty` define equality but no hash (CPython sets `__hash__ = None`
/// for such types, as `ops::hash` refuses them)?
fn hash_disabled(ty: &'static TypeObject) -> bool {
    ty.hash.is_none() && has_own_slot(ty, W::Compare(C::Eq))
}

/// The namespace of built-in type `ty` (its `__dict__`): made on the first
/// call, the same dict ever after.
#[inline]
pub fn builtin_dict(ty: &'static TypeObject) -> Value {
    match ty.dict.get() {
        Some(p) => Value::from_borrowed(p),
        None => {
            let d = make_builtin_dict(ty);
            ty.dict.set(d.clone().into_owned_ptr());
            d
        }
    }
}

fn make_builtin_dict(ty: &'static TypeObject) -> Value {
    let d = new_dict();
    let dd = as_dict(&d).expect("a new dict");
    for &(name, w) in SLOTDEFS {
        let key = intern(name);
        if dd.get_str(&key).is_some() {
            continue;
        }
        if w == W::Hash && hash_disabled(ty) {
            dd.set_str(key, none());
        } else if w == W::New && has_own_slot(ty, w) {
            dd.set_str(key, crate::builtins::method_descriptors::new_builtin_new(ty));
        } else if has_own_slot(ty, w) {
            dd.set_str(key, new_builtin_attr(ty, name, w, None));
        }
    }
    // Methods win over slots of the same name (CPython's METH_COEXIST,
    // as `dict.__contains__`).
    for m in ty.methods {
        dd.set_str(intern(m.name), new_builtin_attr(ty, m.name, W::Method, Some(m.func)));
    }
    for m in ty.class_methods {
        dd.set_str(intern(m.name), new_builtin_attr(ty, m.name, W::ClassMethod, Some(m.func)));
    }
    for m in ty.static_methods {
        let f = crate::builtins::function::bind_builtin(crate::types::type_value(ty), m.name, m.func);
        dd.set_str(intern(m.name), crate::builtins::descriptors::new_staticmethod(f));
    }
    for def in ty.getsets {
        dd.set_str(intern(def.name), crate::builtins::descriptors::new_getset(ty, def));
    }
    let doc = intern("__doc__");
    if dd.get_str(&doc).is_none() {
        let text = crate::builtins::type_docs::doc_of(ty.name()).map(|d| crate::builtins::type_docs::split_doc(d).1);
        dd.set_str(doc, text.map_or_else(none, new_str));
    }
    d
}

// ----- wrapper_descriptor -----------------------------------------------

pub static WRAPPER_DESCRIPTOR_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|_, v| {
        let d = as_builtin_attr(v).expect("a wrapper descriptor");
        Ok(new_str(&format!("<slot wrapper '{}' of '{}' objects>", d.name, d.owner.name())))
    }),
    call: Slot::new(call_wrapper_descriptor),
    descr_get: Slot::new(|vm, v, obj, _| {
        if obj.is_null() {
            return Ok(v.clone());
        }
        check_receiver(vm, as_builtin_attr(v).expect("a wrapper descriptor"), obj)?;
        Ok(new_method_wrapper(v.clone(), obj.clone()))
    }),
    getsets: &DESCRIPTOR_GETSETS,
    methods: &[crate::types::MethodDef { name: "__reduce__", func: crate::builtins::method_descriptors::descriptor_reduce }],
    ..TypeObject::builtin("wrapper_descriptor", Some(&OBJECT_TYPE), dealloc_builtin_attr, crate::types::trace_nothing)
};

/// `int.__add__(3, 4)`: CPython's `wrapperdescr_call`.
fn call_wrapper_descriptor(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = as_builtin_attr(callable).expect("a wrapper descriptor");
    let Some((this, rest)) = args.split_first().filter(|_| args.len() > kwnames.len()) else {
        let msg = format!("descriptor '{}' of '{}' object needs an argument", d.name, d.owner.name());
        return Err(vm.type_error(msg));
    };
    if !vm.type_of(this).is_subtype(d.owner) {
        let msg = format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            d.name,
            d.owner.name(),
            vm.type_of(this).name()
        );
        return Err(vm.type_error(msg));
    }
    call_slot(vm, d, this, rest, kwnames)
}

// ----- method-wrapper ---------------------------------------------------

/// A slot wrapper bound to an instance: `(3).__add__`.
pub struct MethodWrapperData {
    /// The `wrapper_descriptor`.
    descr: Value,
    receiver: Value,
}

unsafe fn dealloc_method_wrapper(p: ObjPtr) {
    // SAFETY: method-wrappers are allocated by `new_method_wrapper`.
    unsafe { dealloc_boxed::<MethodWrapperData>(p) }
}

fn trace_method_wrapper(p: ObjPtr, visit: Visit) {
    // SAFETY: method-wrappers are Obj<MethodWrapperData>.
    let w = unsafe { p.data::<MethodWrapperData>() };
    visit(&w.descr);
    visit(&w.receiver);
}

fn new_method_wrapper(descr: Value, receiver: Value) -> Value {
    Value::from_owned(alloc(&METHOD_WRAPPER_TYPE, MethodWrapperData { descr, receiver }))
}

fn as_method_wrapper(v: &Value) -> Option<&MethodWrapperData> {
    let p = v.as_object()?;
    // SAFETY: objects of this type are Obj<MethodWrapperData>.
    std::ptr::eq(p.type_ptr(), &METHOD_WRAPPER_TYPE).then(|| unsafe { p.data::<MethodWrapperData>() })
}

fn wrapper_parts(v: &Value) -> (&MethodWrapperData, &BuiltinAttrData) {
    let w = as_method_wrapper(v).expect("a method-wrapper");
    (w, as_builtin_attr(&w.descr).expect("a wrapper descriptor"))
}

/// The address `id()` gives an object.
fn address(v: &Value) -> u64 {
    match v.as_object() {
        Some(p) => p.addr() as u64,
        None => v.bits() | 1,
    }
}

pub static METHOD_WRAPPER_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|vm, v| {
        let (w, d) = wrapper_parts(v);
        let kind = vm.type_of(&w.receiver).name();
        Ok(new_str(&format!("<method-wrapper '{}' of {} object at {:#x}>", d.name, kind, address(&w.receiver))))
    }),
    call: Slot::new(|vm, v, args, kwnames| {
        let (w, d) = wrapper_parts(v);
        let receiver = w.receiver.clone();
        call_slot(vm, d, &receiver, args, kwnames)
    }),
    richcompare: Slot::new(|vm, a, b, op| {
        let (Some(x), Some(y)) = (as_method_wrapper(a), as_method_wrapper(b)) else { return Ok(vm.not_implemented()) };
        let same = x.descr.is(&y.descr) && x.receiver.is(&y.receiver);
        match op {
            C::Eq => Ok(vm.bool(same)),
            C::Ne => Ok(vm.bool(!same)),
            _ => Ok(vm.not_implemented()),
        }
    }),
    hash: Slot::new(|_, v| {
        let w = as_method_wrapper(v).expect("a method-wrapper");
        let h = ops::hash_identity(&w.receiver) ^ ops::hash_identity(&w.descr);
        Ok(if h == -1 { -2 } else { h })
    }),
    getsets: &[
        crate::types::GetSetDef { name: "__self__", get: |_, v| Ok(wrapper_parts(v).0.receiver.clone()), set: None, member: true },
        crate::types::GetSetDef { name: "__name__", get: |_, v| Ok(new_str(wrapper_parts(v).1.name)), set: None, member: false },
        crate::types::GetSetDef {
            name: "__qualname__",
            get: |_, v| {
                let d = wrapper_parts(v).1;
                Ok(new_str(&format!("{}.{}", d.owner.name(), d.name)))
            },
            set: None,
            member: false,
        },
        crate::types::GetSetDef {
            name: "__objclass__",
            get: |_, v| Ok(crate::types::type_value(wrapper_parts(v).1.owner)),
            set: None,
            member: false,
        },
        crate::types::GetSetDef {
            name: "__doc__",
            get: |_, v| Ok(crate::builtins::docs::doc_value(crate::builtins::method_descriptors::attr_doc(&wrapper_parts(v).0.descr))),
            set: None,
            member: false,
        },
        crate::types::GetSetDef {
            name: "__text_signature__",
            get: |_, v| {
                let doc = crate::builtins::method_descriptors::attr_doc(&wrapper_parts(v).0.descr);
                Ok(crate::builtins::docs::text_signature_value(doc))
            },
            set: None,
            member: false,
        },
    ],
    // `(1).__add__.__reduce__()`: `(getattr, (1, '__add__'))`.
    methods: &[crate::types::MethodDef {
        name: "__reduce__",
        func: |vm, this, args, kwnames| {
            crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
            let (w, d) = wrapper_parts(this);
            crate::builtins::iter_pickle::getattr_reduce(vm, w.receiver.clone(), d.name)
        },
    }],
    ..TypeObject::builtin("method-wrapper", Some(&OBJECT_TYPE), dealloc_method_wrapper, trace_method_wrapper)
};

// ----- calling a slot ---------------------------------------------------

/// CPython's `check_num_args`: exactly `n` positional arguments.
fn check_num_args(vm: &mut Vm, args: &[Value], n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    let s = if n == 1 { "" } else { "s" };
    Err(vm.type_error(format!("expected {n} argument{s}, got {}", args.len())))
}

/// CPython's `PyArg_UnpackTuple(args, "", min, max, ...)`, whose empty
/// function name leaves the message with a leading space.
fn unpack_args(vm: &mut Vm, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if (min..=max).contains(&n) {
        return Ok(());
    }
    let (bound, limit) = if n < min { ("at least ", min) } else { ("at most ", max) };
    let bound = if min == max { "" } else { bound };
    let s = if limit == 1 { "" } else { "s" };
    Err(vm.type_error(format!(" expected {bound}{limit} argument{s}, got {n}")))
}

/// The slot a wrapper calls is its owner's; a built-in type's slots never
/// change, so one that is missing now was never there.
fn missing_slot(vm: &mut Vm, d: &BuiltinAttrData) -> PyErr {
    vm.error(&NOT_IMPLEMENTED_ERROR, format!("{}.{} without its slot", d.owner.name(), d.name))
}

macro_rules! slot {
    ($vm:expr, $d:expr, $f:expr) => {
        match $f {
            Some(f) => f,
            None => return Err(missing_slot($vm, $d)),
        }
    };
}

/// Call the slot `d` wraps with receiver `this` (already checked to be an
/// instance of its owner) and the other arguments.
fn call_slot(vm: &mut Vm, d: &BuiltinAttrData, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let owner = d.owner;
    if !kwnames.is_empty() && !matches!(d.wrapped, W::Call | W::Init) {
        return Err(vm.type_error(format!("wrapper {}() takes no keyword arguments", d.name)));
    }
    let n = owner.number.get();
    match d.wrapped {
        W::Repr => {
            check_num_args(vm, args, 0)?;
            slot!(vm, d, owner.repr.get())(vm, this)
        }
        W::Str => {
            check_num_args(vm, args, 0)?;
            slot!(vm, d, owner.str.get())(vm, this)
        }
        W::Hash => {
            check_num_args(vm, args, 0)?;
            let h = slot!(vm, d, owner.hash.get())(vm, this)?;
            Ok(new_int(h))
        }
        W::Call => slot!(vm, d, owner.call.get())(vm, this, args, kwnames),
        W::Compare(op) => {
            check_num_args(vm, args, 1)?;
            slot!(vm, d, owner.richcompare.get())(vm, this, &args[0], op)
        }
        W::Iter => {
            check_num_args(vm, args, 0)?;
            slot!(vm, d, owner.iter.get())(vm, this)
        }
        W::Next => {
            check_num_args(vm, args, 0)?;
            match slot!(vm, d, owner.next.get())(vm, this)? {
                Some(v) => Ok(v),
                None => Err(PyErr { exception: exception_with_args(&STOP_ITERATION, Vec::new()) }),
            }
        }
        W::GetAttribute => {
            check_num_args(vm, args, 1)?;
            check_name(vm, &args[0])?;
            // An AttributeError names the attribute and object, as
            // `PyObject_GenericGetAttr`'s does.
            slot!(vm, d, owner.getattr.get())(vm, this, &args[0])
                .map_err(|e| crate::builtins::suggestions::attribute_error_context(vm, e, this, &args[0]))
        }
        W::SetAttr => {
            unpack_args(vm, args, 2, 2)?;
            let f = slot!(vm, d, owner.setattr.get());
            hackcheck(vm, this, f as usize, "__setattr__")?;
            check_name(vm, &args[0])?;
            f(vm, this, &args[0], Some(args[1].clone()))?;
            Ok(none())
        }
        W::DelAttr => {
            check_num_args(vm, args, 1)?;
            let f = slot!(vm, d, owner.setattr.get());
            hackcheck(vm, this, f as usize, "__delattr__")?;
            check_name(vm, &args[0])?;
            f(vm, this, &args[0], None)?;
            Ok(none())
        }
        W::DescrGet => {
            unpack_args(vm, args, 1, 2)?;
            let obj = if is_none(&args[0]) { Value::NULL } else { args[0].clone() };
            let cls = match args.get(1).filter(|c| !is_none(c)) {
                // CPython passes any owner on; Krait's slot takes a type,
                // so a non-type owner is the instance's type (functions,
                // which ignore it, bind the same).
                Some(c) => match as_type(c) {
                    Some(t) => t,
                    None if !obj.is_null() => vm.type_of_static(&obj),
                    None => return Err(vm.type_error("__get__(None, None) is invalid")),
                },
                None if obj.is_null() => return Err(vm.type_error("__get__(None, None) is invalid")),
                None => vm.type_of_static(&obj),
            };
            slot!(vm, d, owner.descr_get.get())(vm, this, &obj, cls)
        }
        W::DescrSet => {
            unpack_args(vm, args, 2, 2)?;
            slot!(vm, d, owner.descr_set.get())(vm, this, &args[0], Some(args[1].clone()))?;
            Ok(none())
        }
        W::DescrDelete => {
            check_num_args(vm, args, 1)?;
            slot!(vm, d, owner.descr_set.get())(vm, this, &args[0], None)?;
            Ok(none())
        }
        W::Init => builtin_init(vm, owner, this, args, kwnames),
        W::Binary(B::Power) | W::BinaryR(B::Power) => {
            unpack_args(vm, args, 1, 2)?;
            let reflected = d.wrapped == W::BinaryR(B::Power);
            let (base, exp) = if reflected { (&args[0], this) } else { (this, &args[0]) };
            match args.get(1).filter(|m| !is_none(m)) {
                Some(m) => ternary_power(vm, owner, base, exp, m),
                None => slot!(vm, d, n.binary[B::Power as usize])(vm, base, exp),
            }
        }
        W::Binary(op) | W::InPlace(op) => {
            check_num_args(vm, args, 1)?;
            let f = if matches!(d.wrapped, W::Binary(_)) { n.binary[op as usize] } else { n.inplace[op as usize] };
            slot!(vm, d, f)(vm, this, &args[0])
        }
        W::BinaryR(op) => {
            check_num_args(vm, args, 1)?;
            slot!(vm, d, n.binary[op as usize])(vm, &args[0], this)
        }
        W::DivMod => {
            check_num_args(vm, args, 1)?;
            slot!(vm, d, n.divmod)(vm, this, &args[0])
        }
        W::RDivMod => {
            check_num_args(vm, args, 1)?;
            slot!(vm, d, n.divmod)(vm, &args[0], this)
        }
        W::Negative | W::Positive | W::Absolute | W::Invert | W::Int | W::Float | W::Index => {
            check_num_args(vm, args, 0)?;
            let f = match d.wrapped {
                W::Negative => n.negative,
                W::Positive => n.positive,
                W::Absolute => n.absolute,
                W::Invert => n.invert,
                W::Int => n.int,
                W::Float => n.float,
                _ => n.index,
            };
            slot!(vm, d, f)(vm, this)
        }
        W::Bool => {
            check_num_args(vm, args, 0)?;
            let b = slot!(vm, d, owner.bool.get())(vm, this)?;
            Ok(vm.bool(b))
        }
        W::Len => {
            check_num_args(vm, args, 0)?;
            let len = slot!(vm, d, owner.len.get())(vm, this)?;
            Ok(crate::builtins::int::new_big(len.into()))
        }
        W::GetItem => {
            check_num_args(vm, args, 1)?;
            slot!(vm, d, owner.getitem.get())(vm, this, &args[0])
        }
        W::SetItem => {
            unpack_args(vm, args, 2, 2)?;
            slot!(vm, d, owner.setitem.get())(vm, this, &args[0], Some(args[1].clone()))?;
            Ok(none())
        }
        W::DelItem => {
            check_num_args(vm, args, 1)?;
            slot!(vm, d, owner.setitem.get())(vm, this, &args[0], None)?;
            Ok(none())
        }
        W::Contains => {
            check_num_args(vm, args, 1)?;
            let found = slot!(vm, d, owner.contains.get())(vm, this, &args[0])?;
            Ok(vm.bool(found))
        }
        W::Concat | W::InplaceConcat => {
            check_num_args(vm, args, 1)?;
            let f = if d.wrapped == W::Concat { owner.concat.get() } else { owner.inplace_concat.get() };
            slot!(vm, d, f)(vm, this, &args[0])
        }
        W::Repeat | W::RRepeat | W::InplaceRepeat => {
            check_num_args(vm, args, 1)?;
            let f = if d.wrapped == W::InplaceRepeat { owner.inplace_repeat.get() } else { owner.repeat.get() };
            let f = slot!(vm, d, f);
            let count = repeat_count(vm, &args[0])?;
            f(vm, this, count)
        }
        W::Method | W::ClassMethod | W::New => Err(missing_slot(vm, d)),
    }
}

/// An attribute name must be a `str` (CPython's `PyObject_GenericGetAttr`).
fn check_name(vm: &mut Vm, name: &Value) -> PyResult<()> {
    if as_str(name).is_some() {
        return Ok(());
    }
    let msg = format!("attribute name must be string, not '{}'", vm.type_of(name).name());
    Err(vm.type_error(msg))
}

/// `seq.__mul__(n)`: `n` as a count (CPython's `wrap_indexargfunc`,
/// `PyNumber_AsSsize_t` with OverflowError); a negative count is 0.
fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<usize> {
    let Some(i) = ops::index(vm, n)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(n).name());
        return Err(vm.type_error(msg));
    };
    match int_of(&i) {
        Some(Int::Small(k)) => Ok(k.max(0) as usize),
        Some(Int::Big(b)) if i64::try_from(b).is_ok() => Ok(i64::try_from(b).unwrap_or(0).max(0) as usize),
        _ => Err(vm.overflow_error(format!("cannot fit '{}' into an index-sized integer", vm.type_of(n).name()))),
    }
}

/// `__pow__(exp, mod)` with a modulus (CPython's `wrap_ternaryfunc`):
/// the owner's power slot, called as `ternary_op` would call it.
fn ternary_power(vm: &mut Vm, owner: &'static TypeObject, base: &Value, exp: &Value, m: &Value) -> PyResult<Value> {
    match power_slot(owner) {
        Some(slot) => call_power_slot(vm, slot, base, exp, m),
        None => Ok(vm.not_implemented()),
    }
}

/// What a type's power slot does with a modulus (CPython's `nb_power` as
/// `ternary_op` calls it): a class's dunder (`slot_nb_power`), or the
/// built-in numbers' `long_pow`, `float_pow`, `complex_pow`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PowerSlot {
    Class,
    Int,
    Float,
    Complex,
}

fn power_slot(t: &TypeObject) -> Option<PowerSlot> {
    let number = t.number.get();
    if std::ptr::eq(number, &crate::builtins::class_slots::HEAP_NUMBER_SLOTS) {
        return Some(PowerSlot::Class);
    }
    let f = number.get(BinOp::Power)? as usize;
    let same = |b: &TypeObject| b.number.get().get(BinOp::Power).map(|g| g as usize) == Some(f);
    if same(&crate::builtins::int::INT_TYPE) {
        Some(PowerSlot::Int)
    } else if same(&crate::builtins::float::FLOAT_TYPE) {
        Some(PowerSlot::Float)
    } else if same(&crate::builtins::complex::COMPLEX_TYPE) {
        Some(PowerSlot::Complex)
    } else {
        None
    }
}

/// Power slot `slot` called with `(v, w, z)`, `z` not None.
fn call_power_slot(vm: &mut Vm, slot: PowerSlot, v: &Value, w: &Value, z: &Value) -> PyResult<Value> {
    use crate::builtins::{complex::complex_of, float::float_of};
    match slot {
        // Three-argument power never uses `__rpow__`: only `v`'s own
        // `__pow__`, when `v`'s type is the one with this slot.
        PowerSlot::Class => {
            if power_slot(vm.type_of(v)) != Some(PowerSlot::Class) {
                return Ok(vm.not_implemented());
            }
            match classes::call_dunder(vm, v, "__pow__", &[w.clone(), z.clone()])? {
                Some(r) => Ok(r),
                None => Ok(vm.not_implemented()),
            }
        }
        PowerSlot::Int => crate::builtins::functions::modular_pow(vm, v, w, z),
        // float refuses a modulus before looking at the operands.
        PowerSlot::Float => Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")),
        PowerSlot::Complex => {
            let number = |x: &Value| int_of(x).is_some() || float_of(x).is_some() || complex_of(x).is_some();
            if !number(v) || !number(w) {
                return Ok(vm.not_implemented());
            }
            Err(vm.value_error("complex modulo"))
        }
    }
}

/// `pow(v, w, z)` with `z` not None (CPython's `ternary_op`): `v`'s power
/// slot (after `w`'s when `w`'s type derives from `v`'s), `w`'s, then
/// `z`'s, each tried unless it is one already tried.
pub(crate) fn ternary_op(vm: &mut Vm, v: &Value, w: &Value, z: &Value) -> PyResult<Value> {
    let is_ni = crate::builtins::singletons::is_not_implemented;
    let tv = vm.type_of_static(v);
    let tw = vm.type_of_static(w);
    let slotv = power_slot(tv);
    let mut slotw = if std::ptr::eq(tv, tw) { None } else { power_slot(tw) };
    if slotw == slotv {
        slotw = None;
    }
    if let Some(sv) = slotv {
        if let Some(sw) = slotw.filter(|_| tw.is_subtype(tv)) {
            let r = call_power_slot(vm, sw, v, w, z)?;
            if !is_ni(&r) {
                return Ok(r);
            }
            slotw = None;
        }
        let r = call_power_slot(vm, sv, v, w, z)?;
        if !is_ni(&r) {
            return Ok(r);
        }
    }
    if let Some(sw) = slotw {
        let r = call_power_slot(vm, sw, v, w, z)?;
        if !is_ni(&r) {
            return Ok(r);
        }
    }
    if let Some(sz) = power_slot(vm.type_of(z)).filter(|s| Some(*s) != slotv && Some(*s) != slotw) {
        let r = call_power_slot(vm, sz, v, w, z)?;
        if !is_ni(&r) {
            return Ok(r);
        }
    }
    let names = [v, w, z].map(|x| vm.type_of(x).name());
    let msg = format!("unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'", names[0], names[1], names[2]);
    Err(vm.type_error(msg))
}

/// CPython's `hackcheck`: `object.__setattr__(x, ...)` must not skip a
/// setattr slot that a built-in type between `type(x)` and the wrapper's
/// owner defines (`object.__setattr__(int, 'x', 1)` would bypass
/// `type`'s checks).
fn hackcheck(vm: &mut Vm, this: &Value, func: usize, what: &str) -> PyResult<()> {
    let ty = vm.type_of_static(this);
    let setattr_of = |t: &TypeObject| t.setattr.get().unwrap_or(classes::generic_setattr) as usize;
    let class_slot = crate::builtins::class_slots::slot_setattr as *const () as usize;
    let own = setattr_of(ty);
    // The built-in type the type's setattr slot comes from.
    let mro: Vec<&'static TypeObject> = ty.mro().collect();
    let defining = mro.iter().rev().find(|t| setattr_of(t) != class_slot && setattr_of(t) == own).copied().unwrap_or(ty);
    let mut base = Some(defining);
    while let Some(b) = base {
        let f = setattr_of(b);
        if f == func {
            return Ok(());
        }
        if f != class_slot {
            let msg = format!("can't apply this {} to {} object", what, ty.name());
            return Err(vm.type_error(msg));
        }
        base = b.base;
    }
    Ok(())
}
