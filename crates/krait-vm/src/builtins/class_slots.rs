//! The slots of classes (CPython's `slotdefs` for heap types and their
//! `slot_*` functions in `Objects/typeobject.c`): a class defined in Python
//! dispatches each operation through a wrapper that looks its dunder up
//! and calls it.
//!
//! Invariants:
//! - A class's slots are filled when it is made (`fill_slots`) and
//!   refilled, in the class and its subclasses, whenever a dunder is
//!   assigned to or deleted from one of them (`update_slot`): a slot
//!   dispatches to the dunder when a class in the MRO defines one, else it
//!   is the solid base's.
//! - A slot wrapper finds the dunder by `type_lookup` on the instance's
//!   type, so a built-in base's slot wrapper (`int.__add__`) answers when
//!   the class does not define it, and calls the built-in's slot directly.
//! - A binary operator's wrapper is CPython's `SLOT1BINFULL`: a subclass's
//!   reflected method first, then the left operand's, then the right's.

use crate::builtins::classes::{
    attribute_error, call_dunder, call_found, call_found_kw, generic_getattr, generic_getattr_opt, generic_setattr, heap,
    type_lookup,
};
use crate::builtins::exceptions::{self, ATTRIBUTE_ERROR};
use crate::builtins::method_descriptors::{as_builtin_attr, is_builtin_slot};
use crate::builtins::singletons::{is_none, is_not_implemented, none};
use crate::builtins::slot_wrappers::Wrapped;
use crate::builtins::dict::as_dict;
use crate::builtins::str::{as_str, new_str};
use crate::ops;
use crate::types::{tp_flags, type_value, BinOp, CompareOp, NumberSlots, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Is one of `names`, looked up along `ty`'s MRO, found on a class (not a
/// built-in type)? (CPython's `update_one_slot` finds each dunder the way
/// attribute lookup does: `IntFlag(int, ReprEnum, Flag)` takes
/// `__contains__` from Flag but `__repr__` from int.) While the MRO is
/// being computed only the class's own namespace counts.
fn class_defines(ty: &TypeObject, names: &[&str]) -> bool {
    let Some(h) = heap(ty) else { return false };
    let own = |t: &'static TypeObject, key: &Value| -> bool {
        let d = match heap(t) {
            Some(th) => th.dict.clone(),
            None => crate::builtins::slot_wrappers::builtin_dict(t),
        };
        as_dict(&d).is_some_and(|d| d.get_str(key).is_some())
    };
    names.iter().any(|n| {
        let key = crate::builtins::str::intern(n);
        let mro = h.mro();
        if mro.is_empty() {
            return as_dict(&h.dict).is_some_and(|d| d.get_str(&key).is_some());
        }
        mro.iter().find(|t| own(t, &key)).is_some_and(|t| heap(t).is_some())
    })
}

const NUMBER_DUNDERS: &[&str] = &[
    "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__matmul__", "__rmatmul__",
    "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__pow__",
    "__rpow__", "__lshift__", "__rlshift__", "__rshift__", "__rrshift__", "__and__", "__rand__", "__or__",
    "__ror__", "__xor__", "__rxor__", "__neg__", "__pos__", "__invert__", "__abs__", "__iadd__", "__isub__",
    "__imul__", "__imatmul__", "__itruediv__", "__ifloordiv__", "__imod__", "__ipow__", "__ilshift__",
    "__irshift__", "__iand__", "__ior__", "__ixor__", "__divmod__", "__rdivmod__",
];

/// The slots a class fills from its dunders (CPython's `slotdefs`,
/// grouped as Krait's `TypeObject` has them).
#[derive(Clone, Copy, PartialEq, Eq)]
enum SlotKind {
    Repr,
    Str,
    Hash,
    RichCompare,
    Bool,
    Len,
    Call,
    Iter,
    Next,
    GetItem,
    SetItem,
    Contains,
    GetAttr,
    SetAttr,
    DescrGet,
    DescrSet,
    Number,
    /// Not a slot: the `HAS_DEL` flag.
    Del,
}

impl SlotKind {
    const ALL: [SlotKind; 18] = [
        SlotKind::Repr,
        SlotKind::Str,
        SlotKind::Hash,
        SlotKind::RichCompare,
        SlotKind::Bool,
        SlotKind::Len,
        SlotKind::Call,
        SlotKind::Iter,
        SlotKind::Next,
        SlotKind::GetItem,
        SlotKind::SetItem,
        SlotKind::Contains,
        SlotKind::GetAttr,
        SlotKind::SetAttr,
        SlotKind::DescrGet,
        SlotKind::DescrSet,
        SlotKind::Number,
        SlotKind::Del,
    ];

    /// The dunders that fill this slot.
    fn dunders(self) -> &'static [&'static str] {
        match self {
            SlotKind::Repr => &["__repr__"],
            SlotKind::Str => &["__str__"],
            SlotKind::Hash => &["__hash__"],
            SlotKind::RichCompare => &["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"],
            SlotKind::Bool => &["__bool__"],
            SlotKind::Len => &["__len__"],
            SlotKind::Call => &["__call__"],
            SlotKind::Iter => &["__iter__"],
            SlotKind::Next => &["__next__"],
            SlotKind::GetItem => &["__getitem__"],
            SlotKind::SetItem => &["__setitem__", "__delitem__"],
            SlotKind::Contains => &["__contains__"],
            SlotKind::GetAttr => &["__getattribute__", "__getattr__"],
            SlotKind::SetAttr => &["__setattr__", "__delattr__"],
            SlotKind::DescrGet => &["__get__"],
            SlotKind::DescrSet => &["__set__", "__delete__"],
            SlotKind::Number => NUMBER_DUNDERS,
            SlotKind::Del => &["__del__"],
        }
    }

    /// The slot dunder `name` fills, if any.
    fn of(name: &str) -> Option<SlotKind> {
        SlotKind::ALL.into_iter().find(|k| k.dunders().contains(&name))
    }
}

/// Set slot `kind` of class `ty`: a wrapper that calls the dunder when a
/// class in its MRO defines one, else the solid base's slot (CPython's
/// `update_one_slot`).
fn fill_slot(ty: &TypeObject, solid: &'static TypeObject, kind: SlotKind) {
    let wrap = class_defines(ty, kind.dunders());
    fn pick<F: Copy>(wrap: bool, wrapper: F, inherited: Option<F>) -> Option<F> {
        if wrap {
            Some(wrapper)
        } else {
            inherited
        }
    }
    match kind {
        SlotKind::Repr => ty.repr.set(pick(wrap, slot_repr, solid.repr.get())),
        SlotKind::Str => ty.str.set(pick(wrap, slot_str, solid.str.get())),
        SlotKind::Hash => ty.hash.set(pick(wrap, slot_hash, solid.hash.get())),
        SlotKind::RichCompare => ty.richcompare.set(pick(wrap, slot_richcompare, solid.richcompare.get())),
        SlotKind::Bool => ty.bool.set(pick(wrap, slot_bool, solid.bool.get())),
        SlotKind::Len => ty.len.set(pick(wrap, slot_len, solid.len.get())),
        SlotKind::Call => ty.call.set(pick(wrap, slot_call, solid.call.get())),
        SlotKind::Iter => ty.iter.set(pick(wrap, slot_iter, solid.iter.get())),
        SlotKind::Next => ty.next.set(pick(wrap, slot_next, solid.next.get())),
        SlotKind::GetItem => ty.getitem.set(pick(wrap, slot_getitem, solid.getitem.get())),
        SlotKind::SetItem => ty.setitem.set(pick(wrap, slot_setitem, solid.setitem.get())),
        SlotKind::Contains => ty.contains.set(pick(wrap, slot_contains, solid.contains.get())),
        SlotKind::GetAttr => {
            ty.getattr.set(pick(wrap, slot_getattr, Some(solid.getattr.get().unwrap_or(generic_getattr))))
        }
        SlotKind::SetAttr => {
            ty.setattr.set(pick(wrap, slot_setattr, Some(solid.setattr.get().unwrap_or(generic_setattr))))
        }
        SlotKind::DescrGet => ty.descr_get.set(pick(wrap, slot_descr_get, solid.descr_get.get())),
        SlotKind::DescrSet => ty.descr_set.set(pick(wrap, slot_descr_set, solid.descr_set.get())),
        SlotKind::Number => ty.number.set(if wrap { &HEAP_NUMBER_SLOTS } else { solid.number.get() }),
        SlotKind::Del => {
            // `_io._IOBase`'s finalizer (CPython's `tp_finalize`) closes
            // instances of classes derived from it.
            let wrap = wrap || solid.is_subtype(&crate::builtins::io::IOBASE_TYPE);
            let flags = ty.flags.get() & !tp_flags::HAS_DEL;
            ty.flags.set(if wrap { flags | tp_flags::HAS_DEL } else { flags });
        }
    }
}

/// Set class `ty`'s `tp_new` from the `__new__` its MRO finds (CPython's
/// `update_one_slot` for `__new__`): a function (or anything else) is
/// called through look-up; a built-in type's `__new__`, whichever type's
/// it is, leaves the class's `tp_new` as it was (inherited, at creation),
/// so `__new__ = list.__new__` in a class body does not make lists.
pub(crate) fn fill_new_slot(ty: &TypeObject) {
    let Some(h) = heap(ty) else { return };
    let key = crate::builtins::str::intern_static("__new__");
    let own = |d: &Value| as_dict(d).and_then(|d| d.get_str(&key));
    let mro = h.mro();
    let found = if mro.is_empty() {
        own(&h.dict)
    } else {
        mro.iter().find_map(|t| match heap(t) {
            Some(th) => own(&th.dict),
            None => own(&crate::builtins::slot_wrappers::builtin_dict(t)),
        })
    };
    match found {
        Some(v) if crate::builtins::method_descriptors::builtin_new_owner(&v).is_some() => {}
        Some(_) => h.tp_new.set(None),
        None => {}
    }
}

/// Fill a new class's slots (CPython's `fixup_slot_dispatchers`).
pub(crate) fn fill_slots(ty: &TypeObject, solid: &'static TypeObject) {
    for kind in SlotKind::ALL {
        fill_slot(ty, solid, kind);
    }
    fill_new_slot(ty);
    // The sequence slots no dunder fills: the solid base's.
    ty.concat.set(solid.concat.get());
    ty.repeat.set(solid.repeat.get());
    ty.inplace_concat.set(solid.inplace_concat.get());
    ty.inplace_repeat.set(solid.inplace_repeat.get());
}

/// The bases of `ty` changed: refill all its slots and its subclasses'
/// (CPython's `update_all_slots` after `__bases__` assignment).
pub(crate) fn update_all_slots(ty: &'static TypeObject) {
    let mut todo = vec![ty];
    let mut seen: Vec<&'static TypeObject> = Vec::new();
    while let Some(t) = todo.pop() {
        if seen.iter().any(|s| std::ptr::eq(*s, t)) {
            continue;
        }
        seen.push(t);
        let Some(h) = heap(t) else { continue };
        for kind in SlotKind::ALL {
            fill_slot(t, h.solid, kind);
        }
        fill_new_slot(t);
        todo.extend(h.subclasses.borrow().iter().copied());
    }
}

/// Dunder `name` of class `ty` was assigned or deleted: refill the slot it
/// fills, in `ty` and every subclass (CPython's `update_slot`).
pub(crate) fn update_slot(ty: &'static TypeObject, name: &str) {
    if name == "__new__" {
        let mut todo = vec![ty];
        while let Some(t) = todo.pop() {
            fill_new_slot(t);
            todo.extend(heap(t).map_or_else(Vec::new, |h| h.subclasses.borrow().clone()));
        }
        return;
    }
    let Some(kind) = SlotKind::of(name) else { return };
    let mut todo = vec![ty];
    while let Some(t) = todo.pop() {
        let Some(h) = heap(t) else { continue };
        fill_slot(t, h.solid, kind);
        todo.extend(h.subclasses.borrow().iter().copied());
    }
}

/// Call dunder `name` that the slot says exists; `None` if it was deleted.
/// A dunder that is not a Python function counts a level of native
/// recursion: it may be a native method that comes back through the same
/// slot (`Foo.__repr__ = Foo.__str__`). A Python function's frame is
/// counted by the frame stack already.
fn dunder(vm: &mut Vm, obj: &Value, name: &'static str, args: &[Value]) -> PyResult<Option<Value>> {
    let ty = vm.type_of_static(obj);
    let Some(attr) = type_lookup(ty, &crate::builtins::str::intern_static(name)) else { return Ok(None) };
    if crate::builtins::function::as_function(&attr).is_some() {
        return call_found(vm, obj, ty, &attr, args).map(Some);
    }
    vm.enter_recursion(" while calling a Python object")?;
    let result = call_found(vm, obj, ty, &attr, args);
    vm.leave_recursion();
    result.map(Some)
}

fn slot_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = match dunder(vm, v, "__repr__", &[])? {
        Some(r) => r,
        None => return default_repr(vm, v),
    };
    if as_str(&r).is_none() {
        let msg = format!("__repr__ returned non-string (type {})", vm.type_of(&r).name());
        return Err(vm.type_error(msg));
    }
    Ok(r)
}

/// `object.__repr__`: `<module.Class object at 0x...>`.
pub fn default_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = vm.type_of(v).full_name();
    Ok(new_str(&format!("<{} object at {:#x}>", name, v.bits() & ((1 << 48) - 1))))
}

fn slot_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = match dunder(vm, v, "__str__", &[])? {
        Some(r) => r,
        None => return ops::repr(vm, v),
    };
    if as_str(&r).is_none() {
        let msg = format!("__str__ returned non-string (type {})", vm.type_of(&r).name());
        return Err(vm.type_error(msg));
    }
    Ok(r)
}

fn slot_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let ty = vm.type_of_static(v);
    let attr = type_lookup(ty, &crate::builtins::str::intern_static("__hash__"));
    let Some(attr) = attr.filter(|a| !is_none(a)) else {
        let msg = format!("unhashable type: '{}'", ty.name());
        return Err(vm.type_error(msg));
    };
    let r = call_found(vm, v, ty, &attr, &[])?;
    if !vm.type_of(&r).is_subtype(&crate::builtins::int::INT_TYPE) {
        return Err(vm.type_error("__hash__ method should return an integer"));
    }
    // CPython's slot_tp_hash: an int that fits a Py_hash_t is the hash
    // itself (-1, the error marker, becomes -2); a bigger one is hashed.
    let h = match crate::builtins::int::int_of(&r) {
        Some(crate::builtins::int::Int::Small(n)) => Some(n),
        Some(crate::builtins::int::Int::Big(b)) => i64::try_from(b).ok(),
        None => None,
    };
    match h {
        Some(-1) => Ok(-2),
        Some(h) => Ok(h),
        None => ops::hash(vm, &r),
    }
}

fn compare_dunder(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Eq => "__eq__",
        CompareOp::Ne => "__ne__",
        CompareOp::Gt => "__gt__",
        CompareOp::Ge => "__ge__",
    }
}

fn slot_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let ty = vm.type_of_static(a);
    let Some(attr) = type_lookup(ty, &crate::builtins::str::intern_static(compare_dunder(op))) else {
        return Ok(vm.not_implemented());
    };
    if crate::builtins::function::as_function(&attr).is_some() || crate::builtins::method_descriptors::is_unbound_builtin(&attr) {
        return crate::builtins::classes::call_with_receiver(vm, &attr, a, std::slice::from_ref(b), &[]);
    }
    // A descriptor whose `__get__` fails counts as no method at all
    // (CPython's `slot_tp_richcompare` clears the error).
    let bound = match vm.type_of(&attr).descr_get.get() {
        Some(get) => match get(vm, &attr, a, ty) {
            Ok(m) => m,
            Err(_) => return Ok(vm.not_implemented()),
        },
        None => attr,
    };
    crate::eval::call(vm, &bound, std::slice::from_ref(b), &[])
}

fn slot_bool(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let Some(r) = dunder(vm, v, "__bool__", &[])? else { return Ok(true) };
    match crate::builtins::singletons::as_bool(&r) {
        Some(b) => Ok(b),
        None => {
            let msg = format!("__bool__ should return bool, returned {}", vm.type_of(&r).name());
            Err(vm.type_error(msg))
        }
    }
}

fn slot_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let Some(r) = dunder(vm, v, "__len__", &[])? else {
        let msg = format!("object of type '{}' has no len()", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    // CPython's `slot_sq_length`: the result's `__index__`, its sign, then
    // `PyNumber_AsSsize_t(result, OverflowError)`.
    let Some(n) = ops::index(vm, &r)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(&r).name());
        return Err(vm.type_error(msg));
    };
    use crate::builtins::int::{int_of, Int};
    match int_of(&n) {
        Some(i) if i.is_negative() => Err(vm.value_error("__len__() should return >= 0")),
        Some(Int::Small(n)) => Ok(n as usize),
        Some(Int::Big(b)) => {
            isize::try_from(b).map(|n| n as usize).map_err(|_| vm.overflow_error("cannot fit 'int' into an index-sized integer"))
        }
        None => Err(vm.type_error("an integer is required")),
    }
}

fn slot_call(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ty = vm.type_of_static(callable);
    let Some(attr) = type_lookup(ty, &crate::builtins::str::intern_static("__call__")) else {
        let msg = format!("'{}' object is not callable", ty.name());
        return Err(vm.type_error(msg));
    };
    // A `__call__` that is itself an instance of a callable class recurses
    // without a frame (CPython's `_Py_EnterRecursiveCall` in `_PyObject_Call`).
    vm.enter_recursion(" while calling a Python object")?;
    let r = call_found_kw(vm, callable, ty, &attr, args, kwnames);
    vm.leave_recursion();
    r
}

fn slot_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let ty = vm.type_of_static(v);
    let attr = type_lookup(ty, &crate::builtins::str::intern_static("__iter__"));
    let Some(attr) = attr.filter(|a| !is_none(a)) else {
        let msg = format!("'{}' object is not iterable", ty.name());
        return Err(vm.type_error(msg));
    };
    let r = call_found(vm, v, ty, &attr, &[])?;
    if vm.type_of(&r).next.is_none() {
        let msg = format!("iter() returned non-iterator of type '{}'", vm.type_of(&r).name());
        return Err(vm.type_error(msg));
    }
    Ok(r)
}

fn slot_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match dunder(vm, v, "__next__", &[]) {
        Ok(r) => Ok(r),
        Err(e) if vm.type_of(&e.exception).is_subtype(&exceptions::STOP_ITERATION) => Ok(None),
        Err(e) => Err(e),
    }
}

fn slot_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    match dunder(vm, v, "__getitem__", std::slice::from_ref(key))? {
        Some(r) => Ok(r),
        None => {
            let msg = format!("'{}' object is not subscriptable", vm.type_of(v).name());
            Err(vm.type_error(msg))
        }
    }
}

/// `container[key] = value` and `del container[key]` for a class: its
/// `__setitem__` or `__delitem__`; the one it lacks is CPython's bare
/// AttributeError naming it (`slot_mp_ass_subscript`).
fn slot_setitem(vm: &mut Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let (name, r) = match value {
        Some(x) => ("__setitem__", dunder(vm, v, "__setitem__", &[key.clone(), x])?),
        None => ("__delitem__", dunder(vm, v, "__delitem__", std::slice::from_ref(key))?),
    };
    match r {
        Some(_) => Ok(()),
        None => Err(vm.error(&ATTRIBUTE_ERROR, name)),
    }
}

/// `item in obj` for a class: its `__contains__` (None: not a
/// container), or iteration when it has none (CPython's
/// `slot_sq_contains`).
fn slot_contains(vm: &mut Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let ty = vm.type_of_static(v);
    match type_lookup(ty, &crate::builtins::str::intern_static("__contains__")) {
        Some(f) if is_none(&f) => {
            let msg = format!("'{}' object is not a container", ty.name());
            Err(vm.type_error(msg))
        }
        Some(f) => {
            let r = call_found(vm, v, ty, &f, std::slice::from_ref(item))?;
            ops::truthy(vm, &r)
        }
        None => ops::iter_search(vm, v, item),
    }
}

/// `__getattribute__`, then `__getattr__` when it raises AttributeError
/// (CPython's `slot_tp_getattr_hook`).
fn slot_getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    let ty = vm.type_of_static(obj);
    let getattribute = type_lookup(ty, &crate::builtins::str::intern_static("__getattribute__"));
    let first = match &getattribute {
        Some(g) if !is_builtin_slot(g, &OBJECT_TYPE, Wrapped::GetAttribute) => {
            call_found(vm, obj, ty, g, std::slice::from_ref(name)).map(Some)
        }
        // The solid base's own look-up (`type`'s, for a metaclass).
        _ => match heap(ty).and_then(|h| h.solid.getattr.get()).filter(|f| *f as usize != generic_getattr as *const () as usize) {
            Some(get) => get(vm, obj, name).map(Some),
            None => generic_getattr_opt(vm, obj, name),
        },
    };
    let failed = match first {
        Ok(Some(v)) => return Ok(v),
        Ok(None) => None,
        Err(e) if vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR) => Some(e),
        Err(e) => return Err(e),
    };
    match type_lookup(ty, &crate::builtins::str::intern_static("__getattr__")) {
        Some(hook) => call_found(vm, obj, ty, &hook, std::slice::from_ref(name)),
        None => Err(match failed {
            Some(e) => e,
            None => attribute_error(vm, obj, name),
        }),
    }
}

pub(crate) fn slot_setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let r = match value {
        Some(v) => dunder(vm, obj, "__setattr__", &[name.clone(), v])?,
        None => dunder(vm, obj, "__delattr__", std::slice::from_ref(name))?,
    };
    match r {
        Some(_) => Ok(()),
        None => Err(attribute_error(vm, obj, name)),
    }
}

fn slot_descr_get(vm: &mut Vm, descr: &Value, obj: &Value, owner: &'static TypeObject) -> PyResult<Value> {
    let obj = if obj.is_null() { none() } else { obj.clone() };
    match dunder(vm, descr, "__get__", &[obj, type_value(owner)])? {
        Some(r) => Ok(r),
        None => Ok(descr.clone()),
    }
}

fn slot_descr_set(vm: &mut Vm, descr: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let (name, r) = match value {
        Some(v) => ("__set__", dunder(vm, descr, "__set__", &[obj.clone(), v])?),
        None => ("__delete__", dunder(vm, descr, "__delete__", std::slice::from_ref(obj))?),
    };
    match r {
        Some(_) => Ok(()),
        None => Err(vm.error(&ATTRIBUTE_ERROR, name)),
    }
}

/// The dunder and its reflection for each binary operator (`BinOp` order).
fn binary_dunders(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::And => ("__and__", "__rand__"),
        BinOp::FloorDivide => ("__floordiv__", "__rfloordiv__"),
        BinOp::Lshift => ("__lshift__", "__rlshift__"),
        BinOp::MatrixMultiply => ("__matmul__", "__rmatmul__"),
        BinOp::Multiply => ("__mul__", "__rmul__"),
        BinOp::Remainder => ("__mod__", "__rmod__"),
        BinOp::Or => ("__or__", "__ror__"),
        BinOp::Power => ("__pow__", "__rpow__"),
        BinOp::Rshift => ("__rshift__", "__rrshift__"),
        BinOp::Subtract => ("__sub__", "__rsub__"),
        BinOp::TrueDivide => ("__truediv__", "__rtruediv__"),
        BinOp::Xor => ("__xor__", "__rxor__"),
    }
}

/// A binary operator for classes (CPython's `SLOT1BINFULL`): the left
/// operand's dunder, the right operand's reflected one, and a subclass's
/// reflected override first.
fn slot_binary(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (name, rname) = binary_dunders(op);
    slot_binary_by(vm, a, b, name, rname, |n| n.get(op))
}

/// `slot_binary` for the number slot `slot` picks, whose dunders are
/// `name` and `rname`.
#[inline(always)]
fn slot_binary_by(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    name: &'static str,
    rname: &'static str,
    slot: impl Fn(&NumberSlots) -> Option<crate::types::BinaryFn>,
) -> PyResult<Value> {
    let this = slot(&HEAP_NUMBER_SLOTS).map(|f| f as usize);
    let ta = vm.type_of_static(a);
    let tb = vm.type_of_static(b);
    let a_has = slot(ta.number.get()).map(|f| f as usize) == this;
    let mut b_do = !std::ptr::eq(ta, tb) && slot(tb.number.get()).map(|f| f as usize) == this;
    if a_has {
        if b_do && tb.is_subtype(ta) && method_overridden(ta, tb, rname) {
            if let Some(r) = call_dunder(vm, b, rname, std::slice::from_ref(a))? {
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
            b_do = false;
        }
        if let Some(r) = call_dunder(vm, a, name, std::slice::from_ref(b))? {
            if !is_not_implemented(&r) || std::ptr::eq(ta, tb) {
                return Ok(r);
            }
        }
    }
    if b_do {
        if let Some(r) = call_dunder(vm, b, rname, std::slice::from_ref(a))? {
            return Ok(r);
        }
    }
    Ok(vm.not_implemented())
}

/// Does `right` define `name` differently from `left` (CPython's
/// `method_is_overloaded`)?
fn method_overridden(left: &'static TypeObject, right: &'static TypeObject, name: &str) -> bool {
    let key = new_str(name);
    match (type_lookup(left, &key), type_lookup(right, &key)) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(l), Some(r)) => !l.is(&r) && !same_builtin(&l, &r),
    }
}

fn same_builtin(a: &Value, b: &Value) -> bool {
    match (as_builtin_attr(a), as_builtin_attr(b)) {
        (Some(x), Some(y)) => std::ptr::eq(x.owner, y.owner) && x.wrapped == y.wrapped,
        _ => false,
    }
}

fn slot_unary(vm: &mut Vm, v: &Value, name: &'static str, what: &str) -> PyResult<Value> {
    match dunder(vm, v, name, &[])? {
        Some(r) => Ok(r),
        None => {
            let msg = format!("bad operand type for {}: '{}'", what, vm.type_of(v).name());
            Err(vm.type_error(msg))
        }
    }
}

macro_rules! binary_slots {
    ($($f:ident = $op:ident;)*) => {
        $(fn $f(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
            slot_binary(vm, BinOp::$op, a, b)
        })*
    };
}

binary_slots! {
    slot_add = Add;
    slot_and = And;
    slot_floordiv = FloorDivide;
    slot_lshift = Lshift;
    slot_matmul = MatrixMultiply;
    slot_mul = Multiply;
    slot_mod = Remainder;
    slot_or = Or;
    slot_pow = Power;
    slot_rshift = Rshift;
    slot_sub = Subtract;
    slot_truediv = TrueDivide;
    slot_xor = Xor;
}

/// The number slots of every class that defines a numeric dunder.
pub static HEAP_NUMBER_SLOTS: NumberSlots = NumberSlots {
    binary: [
        Some(slot_add),
        Some(slot_and),
        Some(slot_floordiv),
        Some(slot_lshift),
        Some(slot_matmul),
        Some(slot_mul),
        Some(slot_mod),
        Some(slot_or),
        Some(slot_pow),
        Some(slot_rshift),
        Some(slot_sub),
        Some(slot_truediv),
        Some(slot_xor),
    ],
    negative: Some(|vm, v| slot_unary(vm, v, "__neg__", "unary -")),
    positive: Some(|vm, v| slot_unary(vm, v, "__pos__", "unary +")),
    invert: Some(|vm, v| slot_unary(vm, v, "__invert__", "unary ~")),
    absolute: Some(|vm, v| slot_unary(vm, v, "__abs__", "abs()")),
    divmod: Some(|vm, a, b| slot_binary_by(vm, a, b, "__divmod__", "__rdivmod__", |n| n.divmod)),
    // Nothing dispatches through these for a class yet (`int()`,
    // `float()` and `operator.index()` call its dunders); they call the
    // dunders too, so they stay right for a class derived from int whose
    // other number slots are the dunder-calling ones.
    int: Some(|vm, v| slot_unary(vm, v, "__int__", "int()")),
    float: Some(|vm, v| slot_unary(vm, v, "__float__", "float()")),
    index: Some(|vm, v| slot_unary(vm, v, "__index__", "operator.index()")),
    inplace: [
        Some(slot_iadd),
        Some(slot_iand),
        Some(slot_ifloordiv),
        Some(slot_ilshift),
        Some(slot_imatmul),
        Some(slot_imul),
        Some(slot_imod),
        Some(slot_ior),
        Some(slot_ipow),
        Some(slot_irshift),
        Some(slot_isub),
        Some(slot_itruediv),
        Some(slot_ixor),
    ],
};

/// `a <op>= b` for a class: its `__i<op>__`, or NotImplemented (then the
/// binary operator runs).
fn slot_inplace(vm: &mut Vm, name: &'static str, a: &Value, b: &Value) -> PyResult<Value> {
    Ok(call_dunder(vm, a, name, std::slice::from_ref(b))?.unwrap_or_else(|| vm.not_implemented()))
}

macro_rules! inplace_slots {
    ($($f:ident = $name:literal;)*) => {
        $(fn $f(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
            slot_inplace(vm, $name, a, b)
        })*
    };
}

inplace_slots! {
    slot_iadd = "__iadd__";
    slot_iand = "__iand__";
    slot_ifloordiv = "__ifloordiv__";
    slot_ilshift = "__ilshift__";
    slot_imatmul = "__imatmul__";
    slot_imul = "__imul__";
    slot_imod = "__imod__";
    slot_ior = "__ior__";
    slot_ipow = "__ipow__";
    slot_irshift = "__irshift__";
    slot_isub = "__isub__";
    slot_itruediv = "__itruediv__";
    slot_ixor = "__ixor__";
}
