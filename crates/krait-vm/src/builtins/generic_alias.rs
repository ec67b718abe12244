//! `types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | str`),
//! CPython's `Objects/genericaliasobject.c` and `unionobject.c`.
//!
//! Invariants:
//! - A generic alias holds its origin, its arguments (always a tuple) and
//!   its type parameters: the arguments with `__typing_subst__` (type
//!   variables) and the parameters of arguments that have them, in order,
//!   once each.
//! - Attribute look-up on an alias answers its own attributes and
//!   forwards the others to the origin (`list[int].__name__` is `list`'s).
//! - A union's arguments are flattened (a union of unions is one union)
//!   and de-duplicated, keeping first appearances; a union of one type is
//!   that type.

use crate::builtins::exceptions::ATTRIBUTE_ERROR;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, intern, new_str};
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{as_type, type_value, BinOp, CompareOp, NumberSlots, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

pub struct AliasData {
    pub origin: Value,
    /// A tuple.
    pub args: Value,
    /// A tuple: the type variables among (or inside) `args`.
    pub parameters: Value,
    /// `*tuple[int]`: the alias unpacked (what iterating an alias gives).
    pub starred: bool,
    /// A weak reference to it was made: freeing it clears them.
    pub weakly_referenced: std::cell::Cell<bool>,
}

pub static GENERIC_ALIAS_TYPE: TypeObject = TypeObject {
    repr: Slot::new(alias_repr),
    hash: Slot::new(|vm, v| {
        let a = alias_of(v);
        Ok(ops::hash(vm, &a.origin)? ^ ops::hash(vm, &a.args)?)
    }),
    richcompare: Slot::new(|vm, a, b, op| {
        let (Some(x), Some(y)) = (as_alias(a), as_alias(b)) else { return Ok(vm.not_implemented()) };
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(vm.not_implemented());
        }
        let same = x.starred == y.starred && equal(vm, &x.origin, &y.origin)? && equal(vm, &x.args, &y.args)?;
        Ok(vm.bool(same == (op == CompareOp::Eq)))
    }),
    call: Slot::new(|vm, v, args, kwnames| {
        let a = alias_of(v);
        let obj = crate::eval::call(vm, &a.origin, args, kwnames)?;
        // The instance remembers the alias, when it can take attributes.
        if let Err(e) = crate::builtins::classes::setattr(vm, &obj, &intern("__orig_class__"), Some(v.clone())) {
            let t = vm.type_of(&e.exception);
            if !t.is_subtype(&ATTRIBUTE_ERROR) && !t.is_subtype(&crate::builtins::exceptions::TYPE_ERROR) {
                return Err(e);
            }
        }
        Ok(obj)
    }),
    getattr: Slot::new(alias_getattr),
    getitem: Slot::new(alias_getitem),
    iter: Slot::new(|_, v| {
        let it = AliasIter { alias: std::cell::RefCell::new(Some(v.clone())) };
        Ok(Value::from_owned(alloc(&GENERIC_ALIAS_ITERATOR_TYPE, it)))
    }),
    number: Cell::new(&UNION_NUMBER),
    new: Some(|vm, cls, args, kwnames| {
        crate::builtins::function::no_keywords(vm, "GenericAlias", kwnames)?;
        let [origin, args] = args else {
            return Err(vm.type_error(format!("GenericAlias expected 2 arguments, got {}", args.len())));
        };
        let data = alias_data(vm, origin.clone(), args)?;
        Ok(if std::ptr::eq(cls, &GENERIC_ALIAS_TYPE) {
            Value::from_owned(alloc(&GENERIC_ALIAS_TYPE, data))
        } else {
            crate::builtins::classes::alloc_subclassed(cls, data)
        })
    }),
    methods: &[
        MethodDef_MRO_ENTRIES,
        crate::types::MethodDef { name: "__reduce__", func: alias_reduce },
        crate::types::MethodDef { name: "__dir__", func: alias_dir },
    ],
    ..TypeObject::builtin("types.GenericAlias", Some(&OBJECT_TYPE), dealloc_alias, trace_alias)
};

/// `alias.__reduce__()`: `(GenericAlias, (origin, args))`; an unpacked
/// alias is `next(iter(GenericAlias(origin, args)))` (CPython's
/// `ga_reduce`).
fn alias_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
    let a = alias_of(this);
    if a.starred {
        let data = AliasData {
            origin: a.origin.clone(),
            args: a.args.clone(),
            parameters: a.parameters.clone(),
            starred: false,
            weakly_referenced: Default::default(),
        };
        let plain = Value::from_owned(alloc(&GENERIC_ALIAS_TYPE, data));
        let it = ops::iter(vm, &plain)?;
        let next = crate::builtins::iter_pickle::builtin(vm, "next")?;
        return Ok(crate::builtins::iter_pickle::reduce_value(next, vec![it], None));
    }
    let ty = type_value(&GENERIC_ALIAS_TYPE);
    Ok(crate::builtins::iter_pickle::reduce_value(ty, vec![a.origin.clone(), a.args.clone()], None))
}

/// `dir(alias)`: the origin's names and the alias's own (CPython's
/// `ga_dir`).
fn alias_dir(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__dir__", args, kwnames, 0)?;
    let origin = alias_of(this).origin.clone();
    let dir = crate::builtins::iter_pickle::builtin(vm, "dir")?;
    let names = crate::eval::call(vm, &dir, &[origin], &[])?;
    let mut items = ops::collect(vm, &names)?;
    for own in OWN_ATTRIBUTES {
        let name = intern(own);
        let mut present = false;
        for n in &items {
            if equal(vm, n, &name)? {
                present = true;
                break;
            }
        }
        if !present {
            items.push(name);
        }
    }
    Ok(crate::builtins::list::new_list(items))
}

/// `iter(alias)`: one item, the alias starred (`*tuple[int]`), as
/// CPython's `generic_alias_iterator`.
struct AliasIter {
    alias: std::cell::RefCell<Option<Value>>,
}

static GENERIC_ALIAS_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|_, v| {
        // SAFETY: these iterators are Obj<AliasIter>.
        let it = unsafe { v.as_object().expect("an iterator").data::<AliasIter>() };
        let Some(alias) = it.alias.borrow_mut().take() else { return Ok(None) };
        let a = alias_of(&alias);
        let data = AliasData { origin: a.origin.clone(), args: a.args.clone(), parameters: a.parameters.clone(), starred: true, weakly_referenced: Default::default() };
        Ok(Some(Value::from_owned(alloc(&GENERIC_ALIAS_TYPE, data))))
    }),
    methods: &[crate::types::MethodDef {
        name: "__reduce__",
        func: |vm, this, args, kwnames| {
            crate::builtins::iter_pickle::check(vm, this, "__reduce__", args, kwnames, 0)?;
            let iter = crate::builtins::iter_pickle::builtin(vm, "iter")?;
            // SAFETY: these iterators are Obj<AliasIter>.
            let it = unsafe { this.as_object().expect("an iterator").data::<AliasIter>() };
            let arg = it.alias.borrow().clone().unwrap_or_else(|| new_tuple(Vec::new()));
            Ok(crate::builtins::iter_pickle::reduce_value(iter, vec![arg], None))
        },
    }],
    ..TypeObject::builtin("generic_alias_iterator", Some(&OBJECT_TYPE), dealloc_alias_iter, trace_alias_iter)
};

unsafe fn dealloc_alias_iter(p: ObjPtr) {
    // SAFETY: these iterators are allocated as Obj<AliasIter>.
    unsafe { dealloc_boxed::<AliasIter>(p) }
}

fn trace_alias_iter(p: ObjPtr, visit: Visit) {
    // SAFETY: these iterators are Obj<AliasIter>.
    if let Some(a) = &*unsafe { p.data::<AliasIter>() }.alias.borrow() {
        visit(a);
    }
}

#[allow(non_upper_case_globals)]
const MethodDef_MRO_ENTRIES: crate::types::MethodDef = crate::types::MethodDef {
    name: "__mro_entries__",
    func: |vm, this, args, _| {
        if args.len() != 1 {
            return Err(vm.type_error("__mro_entries__ expected 1 argument"));
        }
        Ok(new_tuple(vec![alias_of(this).origin.clone()]))
    },
};

pub(crate) fn alias_of(v: &Value) -> &AliasData {
    // SAFETY: objects of GENERIC_ALIAS_TYPE are Obj<AliasData>.
    unsafe { v.as_object().expect("a generic alias").data::<AliasData>() }
}

/// The alias data of a generic alias (or of an instance of a class
/// derived from `types.GenericAlias`, whose payload sits at the same
/// place).
pub fn as_alias(v: &Value) -> Option<&AliasData> {
    let p = v.as_object()?;
    // SAFETY: objects of GENERIC_ALIAS_TYPE are Obj<AliasData>, and
    // instances of its subclasses Obj<Subclassed<AliasData>>.
    p.ty().is_subtype(&GENERIC_ALIAS_TYPE).then(|| unsafe { p.data::<AliasData>() })
}

unsafe fn dealloc_alias(p: ObjPtr) {
    // SAFETY: objects of GENERIC_ALIAS_TYPE are Obj<AliasData>.
    if unsafe { p.data::<AliasData>() }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_boxed::<AliasData>(p) }
}

fn trace_alias(p: ObjPtr, visit: Visit) {
    // SAFETY: objects of GENERIC_ALIAS_TYPE are Obj<AliasData>.
    let a = unsafe { p.data::<AliasData>() };
    for v in [&a.origin, &a.args, &a.parameters] {
        visit(v);
    }
}

/// `origin[args]`: a new alias (`args` a tuple, or one argument).
pub fn new_alias(vm: &mut Vm, origin: Value, args: &Value) -> PyResult<Value> {
    let data = alias_data(vm, origin, args)?;
    Ok(Value::from_owned(alloc(&GENERIC_ALIAS_TYPE, data)))
}

fn alias_data(vm: &mut Vm, origin: Value, args: &Value) -> PyResult<AliasData> {
    let args = if as_tuple(args).is_some() { args.clone() } else { new_tuple(vec![args.clone()]) };
    let parameters = collect_parameters(vm, &args)?;
    Ok(AliasData { origin, args, parameters, starred: false, weakly_referenced: Default::default() })
}

/// `cls.__class_getitem__(item)` of the built-in generic classes.
pub fn class_getitem(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "__class_getitem__", kwnames)?;
    let [item] = args else {
        return Err(vm.type_error(format!("__class_getitem__ expected 1 argument, got {}", args.len())));
    };
    new_alias(vm, cls.clone(), item)
}

/// The type variables of `args`: those with `__typing_subst__`, and the
/// `__parameters__` of the others (CPython's `_Py_make_parameters`).
fn collect_parameters(vm: &mut Vm, args: &Value) -> PyResult<Value> {
    let items = as_tuple(args).map(|t| t.items.clone()).unwrap_or_default();
    let mut params: Vec<Value> = Vec::new();
    for a in items {
        if as_type(&a).is_some() {
            continue;
        }
        if has_attr(vm, &a, "__typing_subst__")? {
            if !params.iter().any(|p| p.is(&a)) {
                params.push(a);
            }
            continue;
        }
        if let Some(sub) = get_attr(vm, &a, "__parameters__")? {
            if let Some(t) = as_tuple(&sub) {
                for p in t.items.clone() {
                    if !params.iter().any(|q| q.is(&p)) {
                        params.push(p);
                    }
                }
            }
        }
    }
    Ok(new_tuple(params))
}

/// `a == b`, as a bool.
fn equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let r = ops::richcompare(vm, a, b, CompareOp::Eq)?;
    ops::truthy(vm, &r)
}

fn get_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    match ops::getattr(vm, v, &intern(name)) {
        Ok(x) => Ok(Some(x)),
        Err(e) if vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

fn has_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<bool> {
    Ok(get_attr(vm, v, name)?.is_some())
}

/// An argument as an alias's repr shows it (CPython's `ga_repr_item`).
fn repr_item(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if std::ptr::eq(vm.type_of(v), &crate::builtins::singletons::ELLIPSIS_TYPE) {
        return Ok("...".to_string());
    }
    if has_attr(vm, v, "__origin__")? && has_attr(vm, v, "__args__")? {
        return ops::repr_string(vm, v);
    }
    let (Some(qualname), Some(module)) = (get_attr(vm, v, "__qualname__")?, get_attr(vm, v, "__module__")?) else {
        return ops::repr_string(vm, v);
    };
    if is_none(&module) {
        return ops::repr_string(vm, v);
    }
    let q = ops::str(vm, &qualname)?;
    let q = as_str(&q).unwrap_or("").to_string();
    match as_str(&module) {
        Some("builtins") => Ok(q),
        _ => {
            let m = ops::str(vm, &module)?;
            Ok(format!("{}.{}", as_str(&m).unwrap_or(""), q))
        }
    }
}

fn alias_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let a = alias_of(v);
    let mut out = if a.starred { "*".to_string() } else { String::new() };
    out.push_str(&repr_item(vm, &a.origin)?);
    out.push('[');
    let items = as_tuple(&a.args).map(|t| t.items.clone()).unwrap_or_default();
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        // A list argument (Callable's parameters) shows its items.
        if let Some(l) = crate::builtins::list::as_list(item) {
            let inner = l.items.borrow().clone();
            out.push('[');
            for (j, x) in inner.iter().enumerate() {
                if j > 0 {
                    out.push_str(", ");
                }
                out.push_str(&repr_item(vm, x)?);
            }
            out.push(']');
        } else {
            out.push_str(&repr_item(vm, item)?);
        }
    }
    out.push(']');
    Ok(new_str(&out))
}

/// The names an alias answers itself; others go to its origin.
const OWN_ATTRIBUTES: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn alias_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let a = alias_of(v);
    let text = as_str(name).unwrap_or("");
    match text {
        "__origin__" => return Ok(a.origin.clone()),
        "__args__" => return Ok(a.args.clone()),
        "__parameters__" => return Ok(a.parameters.clone()),
        "__unpacked__" => return Ok(vm.bool(a.starred)),
        "__typing_unpacked_tuple_args__" => {
            let of_tuple = a.origin.is(&type_value(&crate::builtins::tuple::TUPLE_TYPE));
            return Ok(if a.starred && of_tuple { a.args.clone() } else { none() });
        }
        _ => {}
    }
    if !OWN_ATTRIBUTES.contains(&text) {
        return ops::getattr(vm, &a.origin, name);
    }
    crate::builtins::classes::generic_getattr(vm, v, name)
}

/// `alias[items]`: the type variables replaced by `items`; the result
/// keeps the alias's star (CPython's `ga_getitem`).
fn alias_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let a = alias_of(v);
    let (origin, args, params, starred) = (a.origin.clone(), a.args.clone(), a.parameters.clone(), a.starred);
    let new_args = subs_parameters(vm, v, &args, &params, key)?;
    let mut data = alias_data(vm, origin, &new_tuple(new_args))?;
    data.starred = starred;
    Ok(Value::from_owned(alloc(&GENERIC_ALIAS_TYPE, data)))
}

/// The items of an unpacked tuple type (`*tuple[int, str]`, or an object
/// whose `__typing_unpacked_tuple_args__` is not None), CPython's
/// `_unpacked_tuple_args`.
fn unpacked_tuple_args(vm: &mut Vm, arg: &Value) -> PyResult<Option<Value>> {
    if let Some(a) = as_alias(arg) {
        if a.starred && a.origin.is(&type_value(&crate::builtins::tuple::TUPLE_TYPE)) {
            return Ok(Some(a.args.clone()));
        }
    }
    Ok(get_attr(vm, arg, "__typing_unpacked_tuple_args__")?.filter(|r| !is_none(r)))
}

/// The subscription items with unpacked fixed-length tuples spliced in
/// (`[int, *tuple[str, bool]]` is `(int, str, bool)`), CPython's
/// `_unpack_args`.
fn unpack_args(vm: &mut Vm, item: &Value) -> PyResult<Vec<Value>> {
    let items = match as_tuple(item) {
        Some(t) => t.items.clone(),
        None => vec![item.clone()],
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        if as_type(&it).is_none() {
            if let Some(sub) = unpacked_tuple_args(vm, &it)? {
                if let Some(t) = as_tuple(&sub) {
                    let open = t.items.last().is_some_and(|l| std::ptr::eq(vm.type_of(l), &crate::builtins::singletons::ELLIPSIS_TYPE));
                    if !open {
                        out.extend(t.items.iter().cloned());
                        continue;
                    }
                }
            }
        }
        out.push(it);
    }
    Ok(out)
}

/// Is `arg` an unpacked `TypeVarTuple` (`*Ts`)?
fn is_unpacked_typevartuple(vm: &mut Vm, arg: &Value) -> PyResult<bool> {
    if as_type(arg).is_some() {
        return Ok(false);
    }
    match get_attr(vm, arg, "__typing_is_unpacked_typevartuple__")? {
        Some(flag) => ops::truthy(vm, &flag),
        None => Ok(false),
    }
}

/// `args` with each of `parameters` replaced by the matching item of
/// `item` (CPython's `_Py_subs_parameters`): parameters may first reshape
/// the items (`__typing_prepare_subst__`, which `TypeVarTuple` uses to
/// gather its share), then each parameter's `__typing_subst__` checks and
/// converts its item, and nested generics are subscripted in turn.
pub(crate) fn subs_parameters(vm: &mut Vm, this: &Value, args: &Value, parameters: &Value, item: &Value) -> PyResult<Vec<Value>> {
    let params = as_tuple(parameters).map(|t| t.items.clone()).unwrap_or_default();
    if params.is_empty() {
        let r = ops::repr_string(vm, this)?;
        return Err(vm.type_error(format!("{r} is not a generic class")));
    }
    let mut item = new_tuple(unpack_args(vm, item)?);
    for p in &params {
        let Some(prepare) = get_attr(vm, p, "__typing_prepare_subst__")? else { continue };
        if is_none(&prepare) {
            continue;
        }
        let arg = if as_tuple(&item).is_some() { item.clone() } else { new_tuple(vec![item.clone()]) };
        item = crate::eval::call(vm, &prepare, &[this.clone(), arg], &[])?;
    }
    let items = match as_tuple(&item) {
        Some(t) => t.items.clone(),
        None => vec![item.clone()],
    };
    if items.len() != params.len() {
        let r = ops::repr_string(vm, this)?;
        let which = if items.len() > params.len() { "many" } else { "few" };
        return Err(vm.type_error(format!(
            "Too {which} arguments for {r}; actual {}, expected {}",
            items.len(),
            params.len()
        )));
    }
    let args = as_tuple(args).map(|t| t.items.clone()).unwrap_or_default();
    let mut new_args = Vec::with_capacity(args.len());
    for arg in args {
        if as_type(&arg).is_some() {
            new_args.push(arg);
            continue;
        }
        let unpack = is_unpacked_typevartuple(vm, &arg)?;
        let new = match get_attr(vm, &arg, "__typing_subst__")? {
            Some(subst) => {
                let i = params.iter().position(|p| p.is(&arg)).ok_or_else(|| vm.type_error("a type variable missing from __parameters__"))?;
                crate::eval::call(vm, &subst, &[items[i].clone()], &[])?
            }
            None => subs_tvars(vm, &arg, &params, &items)?,
        };
        match (unpack, as_tuple(&new)) {
            (true, Some(t)) => new_args.extend(t.items.iter().cloned()),
            _ => new_args.push(new),
        }
    }
    Ok(new_args)
}

/// A nested generic argument subscripted with the items of its own
/// parameters (CPython's `subs_tvars`); a `TypeVarTuple`'s items (a
/// tuple) are spliced in.
fn subs_tvars(vm: &mut Vm, obj: &Value, params: &[Value], items: &[Value]) -> PyResult<Value> {
    let sub = match get_attr(vm, obj, "__parameters__")? {
        Some(p) if as_tuple(&p).is_some_and(|t| !t.items.is_empty()) => p,
        _ => return Ok(obj.clone()),
    };
    let mut picked = Vec::new();
    for p in as_tuple(&sub).map(|t| t.items.clone()).unwrap_or_default() {
        if let Some(i) = params.iter().position(|q| q.is(&p)) {
            let arg = &items[i];
            let variadic = classes_type_has(vm.type_of_static(&params[i]), "__iter__");
            if let (true, Some(t)) = (variadic, as_tuple(arg)) {
                picked.extend(t.items.iter().cloned());
            } else {
                picked.push(arg.clone());
            }
            continue;
        }
        picked.push(p);
    }
    ops::getitem(vm, obj, &new_tuple(picked))
}

/// Does `ty` define (or inherit) `name`?
fn classes_type_has(ty: &'static TypeObject, name: &str) -> bool {
    crate::builtins::classes::type_lookup(ty, &intern(name)).is_some()
}

// ----- unions -------------------------------------------------------------

pub struct UnionData {
    /// A tuple of the member types, flattened and de-duplicated.
    pub args: Value,
}

/// `X | Y` for types, aliases and None: a union (CPython's `_Py_union_type_or`).
static UNION_NUMBER: NumberSlots = NumberSlots {
    binary: {
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Or as usize] = Some(union_or);
        b
    },
    ..NumberSlots::EMPTY
};

/// `type`'s number slots: only `|`.
pub static TYPE_NUMBER: NumberSlots = NumberSlots {
    binary: {
        let mut b: [Option<crate::types::BinaryFn>; 13] = [None; 13];
        b[BinOp::Or as usize] = Some(union_or);
        b
    },
    ..NumberSlots::EMPTY
};

pub static UNION_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|vm, v| {
        let items = union_args(v);
        let mut parts = Vec::new();
        for it in &items {
            let is_none_type = as_type(it).is_some_and(|t| std::ptr::eq(t, &crate::builtins::singletons::NONE_TYPE));
            parts.push(if is_none_type { "None".to_string() } else { repr_item(vm, it)? });
        }
        Ok(new_str(&parts.join(" | ")))
    }),
    hash: Slot::new(|vm, v| {
        let set = crate::builtins::set::set_from(vm, &crate::builtins::set::FROZENSET_TYPE, union_args(v))?;
        ops::hash(vm, &set)
    }),
    richcompare: Slot::new(|vm, a, b, op| {
        let (Some(_), Some(_)) = (as_union(a), as_union(b)) else { return Ok(vm.not_implemented()) };
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(vm.not_implemented());
        }
        let x = crate::builtins::set::set_from(vm, &crate::builtins::set::FROZENSET_TYPE, union_args(a))?;
        let y = crate::builtins::set::set_from(vm, &crate::builtins::set::FROZENSET_TYPE, union_args(b))?;
        let same = equal(vm, &x, &y)?;
        Ok(vm.bool(same == (op == CompareOp::Eq)))
    }),
    getattr: Slot::new(|vm, v, name| match as_str(name) {
        Some("__args__") => Ok(as_union(v).expect("a union").args.clone()),
        Some("__parameters__") => collect_parameters(vm, &as_union(v).expect("a union").args.clone()),
        // typing reads a union's module: the type's (CPython's `cls_attrs`).
        Some("__module__") => ops::getattr(vm, &type_value(&UNION_TYPE), name),
        _ => crate::builtins::classes::generic_getattr(vm, v, name),
    }),
    getitem: Slot::new(union_getitem),
    number: Cell::new(&UNION_NUMBER),
    ..TypeObject::builtin("types.UnionType", Some(&OBJECT_TYPE), dealloc_union, trace_union)
};

/// `(list[T] | int)[str]`: the members with the type variables replaced,
/// joined again with `|` (CPython's `union_getitem`).
fn union_getitem(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let args = as_union(v).expect("a union").args.clone();
    let params = collect_parameters(vm, &args)?;
    let new_args = subs_parameters(vm, v, &args, &params, key)?;
    let mut it = new_args.into_iter();
    let Some(mut res) = it.next() else {
        return Ok(Value::from_owned(alloc(&UNION_TYPE, UnionData { args: new_tuple(Vec::new()) })));
    };
    for arg in it {
        res = ops::binary_op(vm, BinOp::Or, &res, &arg)?;
    }
    Ok(res)
}

pub fn as_union(v: &Value) -> Option<&UnionData> {
    let p = v.as_object()?;
    // SAFETY: objects of UNION_TYPE are Obj<UnionData>.
    std::ptr::eq(p.ty(), &UNION_TYPE).then(|| unsafe { p.data::<UnionData>() })
}

fn union_args(v: &Value) -> Vec<Value> {
    as_union(v).and_then(|u| as_tuple(&u.args).map(|t| t.items.clone())).unwrap_or_default()
}

unsafe fn dealloc_union(p: ObjPtr) {
    // SAFETY: objects of UNION_TYPE are Obj<UnionData>.
    unsafe { dealloc_boxed::<UnionData>(p) }
}

fn trace_union(p: ObjPtr, visit: Visit) {
    // SAFETY: objects of UNION_TYPE are Obj<UnionData>.
    visit(&unsafe { p.data::<UnionData>() }.args);
}

/// Can `v` be a member of a union?
fn unionable(v: &Value) -> bool {
    is_none(v) || as_type(v).is_some() || as_alias(v).is_some() || as_union(v).is_some()
}

fn union_or(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !unionable(a) || !unionable(b) {
        return Ok(vm.not_implemented());
    }
    let mut members: Vec<Value> = Vec::new();
    for side in [a, b] {
        let items = if as_union(side).is_some() { union_args(side) } else { vec![side.clone()] };
        for it in items {
            // None stands for its type.
            let it = if is_none(&it) { type_value(&crate::builtins::singletons::NONE_TYPE) } else { it };
            let mut dup = false;
            for m in &members {
                if m.is(&it) || (as_alias(m).is_some() && equal(vm, m, &it)?) {
                    dup = true;
                    break;
                }
            }
            if !dup {
                members.push(it);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.pop().expect("one member"));
    }
    Ok(Value::from_owned(alloc(&UNION_TYPE, UnionData { args: new_tuple(members) })))
}

/// The member types of a union, for `isinstance`/`issubclass`.
pub fn union_members(v: &Value) -> Option<Vec<Value>> {
    as_union(v).map(|_| union_args(v))
}
