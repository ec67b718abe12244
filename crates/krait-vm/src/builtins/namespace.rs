//! Record types the runtime hands out: `types.SimpleNamespace` (the type
//! of `sys.implementation`) and the struct sequences (`sys.version_info`,
//! `sys.flags`, `sys.float_info`, ...; CPython's `structseq`).
//!
//! Invariants:
//! - Both are classes made at run time by `classes::new_class`, so their
//!   instances have the ordinary class machinery (attribute storage,
//!   slots from dunders); each is made once per thread and kept (classes
//!   are immortal).
//! - A struct sequence type derives from `tuple`; its named fields are
//!   read-only descriptors (`StructSeqField`) over the tuple's items, and
//!   its repr is `module.name(field=value, ...)`.

use std::cell::RefCell;

use crate::builtins::classes;
use crate::builtins::method_descriptors::new_method_descriptor;
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::ATTRIBUTE_ERROR;
use crate::builtins::str::{as_str, intern, new_str};
use crate::builtins::tuple::{as_tuple, new_tuple, TUPLE_TYPE};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{as_type, type_value, Slot, TypeObject, Visit, OBJECT_TYPE, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

thread_local! {
    static SIMPLE_NAMESPACE: RefCell<Option<&'static TypeObject>> = const { RefCell::new(None) };
    static STRUCT_SEQS: RefCell<Vec<StructSeqInfo>> = const { RefCell::new(Vec::new()) };
}

// ----- types.SimpleNamespace ----------------------------------------------

/// `types.SimpleNamespace`, made on first use.
pub fn simple_namespace_type(vm: &mut Vm) -> PyResult<&'static TypeObject> {
    if let Some(t) = SIMPLE_NAMESPACE.with(|c| *c.borrow()) {
        return Ok(t);
    }
    let ns = new_dict();
    let d = as_dict(&ns).expect("a dict");
    d.set(vm, intern("__module__"), new_str("types"))?;
    d.set(vm, intern("__doc__"), new_str("A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)"))?;
    let cls = classes::new_class(vm, &TYPE_TYPE, "SimpleNamespace", &[], &ns, &[])?;
    let ty = as_type(&cls).expect("a class");
    let methods: [(&'static str, crate::types::CallFn); 3] =
        [("__init__", namespace_init), ("__repr__", namespace_repr), ("__eq__", namespace_eq)];
    for (name, f) in methods {
        classes::type_setattr(vm, &cls, &intern(name), Some(new_method_descriptor(ty, name, f)))?;
    }
    classes::type_setattr(vm, &cls, &intern("__hash__"), Some(crate::builtins::singletons::none()))?;
    SIMPLE_NAMESPACE.with(|c| *c.borrow_mut() = Some(ty));
    Ok(ty)
}

/// A `SimpleNamespace` with `items` as its attributes.
pub fn new_namespace(vm: &mut Vm, items: &[(&str, Value)]) -> PyResult<Value> {
    let ty = simple_namespace_type(vm)?;
    let ns = classes::alloc_instance(ty);
    for (k, v) in items {
        classes::setattr(vm, &ns, &intern(k), Some(v.clone()))?;
    }
    Ok(ns)
}

/// `SimpleNamespace(**kwargs)`.
fn namespace_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > kwnames.len() {
        return Err(vm.type_error("no positional arguments expected"));
    }
    for (k, v) in kwnames.iter().zip(args) {
        classes::setattr(vm, this, k, Some(v.clone()))?;
    }
    Ok(vm.none())
}

/// `namespace(a=1, b=2)`, or the subclass's name; `namespace(...)` inside
/// itself.
fn namespace_repr(vm: &mut Vm, this: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    let ty = vm.type_of_static(this);
    let name = if simple_namespace_type(vm).is_ok_and(|t| std::ptr::eq(t, ty)) { "namespace" } else { ty.name() };
    if !vm.repr_enter(this) {
        return Ok(new_str(&format!("{name}(...)")));
    }
    let r = (|| {
        let dict = classes::instance_dict(vm, this)?.unwrap_or_else(new_dict);
        let mut parts = Vec::new();
        for (k, v) in as_dict(&dict).expect("a dict").items() {
            if let Some(k) = as_str(&k) {
                let r = ops::repr_string(vm, &v)?;
                parts.push(format!("{k}={r}"));
            }
        }
        Ok(new_str(&format!("{name}({})", parts.join(", "))))
    })();
    vm.repr_leave(this);
    r
}

/// Namespaces are equal when their attributes are.
fn namespace_eq(vm: &mut Vm, this: &Value, args: &[Value], _: &[Value]) -> PyResult<Value> {
    let [other] = args else { return Err(vm.type_error("expected 1 argument")) };
    let ty = simple_namespace_type(vm)?;
    if !vm.type_of(other).is_subtype(ty) {
        return Ok(vm.not_implemented());
    }
    let a = classes::instance_dict(vm, this)?.unwrap_or_else(new_dict);
    let b = classes::instance_dict(vm, other)?.unwrap_or_else(new_dict);
    ops::richcompare(vm, &a, &b, crate::types::CompareOp::Eq)
}

// ----- struct sequences -----------------------------------------------------

/// What the runtime knows of a struct sequence type it made.
struct StructSeqInfo {
    /// `module.name`.
    full: String,
    ty: &'static TypeObject,
    /// Every field's name in order ("" for an unnamed item).
    fields: Vec<String>,
    n_sequence: usize,
    /// What `__new__` does to the values before making the instance
    /// (`os.stat_result` fills its float times from the int items).
    on_new: Option<fn(&mut [Value])>,
    /// The type's own `__new__` (a built-in function), by which a call
    /// finds the type it belongs to.
    new: Value,
}

/// The `on_new` hook of struct sequence type `ty`.
fn struct_seq_hook(ty: &TypeObject) -> Option<fn(&mut [Value])> {
    STRUCT_SEQS.with(|c| c.borrow().iter().find(|i| std::ptr::eq(i.ty, ty)).and_then(|i| i.on_new))
}

/// The layout of struct sequence type `ty`: its named fields in order,
/// how many fields it has and how many are items.
fn struct_seq_info(ty: &TypeObject) -> Option<(Vec<String>, usize, usize)> {
    STRUCT_SEQS.with(|c| {
        c.borrow().iter().find(|i| std::ptr::eq(i.ty, ty)).map(|i| {
            let named = i.fields.iter().filter(|f| !f.is_empty()).cloned().collect();
            (named, i.fields.len(), i.n_sequence)
        })
    })
}

/// A named field of a struct sequence: item `index` of the tuple.
struct StructSeqField {
    name: String,
    /// The struct sequence type and its full name.
    owner: &'static TypeObject,
    owner_name: String,
    index: usize,
    /// Fields at `n_sequence` and beyond are in the instance's slots.
    n_sequence: usize,
}

static STRUCTSEQ_FIELD_TYPE: TypeObject = TypeObject {
    descr_get: Slot::new(|vm, v, obj, _| {
        if obj.is_null() {
            return Ok(v.clone());
        }
        let f = field_of(v);
        if !vm.type_of(obj).is_subtype(f.owner) {
            let msg = format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                f.name,
                f.owner_name,
                vm.type_of(obj).full_name()
            );
            return Err(vm.type_error(msg));
        }
        if f.index >= f.n_sequence {
            let k = f.index - f.n_sequence;
            let x = classes::slot_value(obj, k).and_then(|s| s.borrow().get(k).cloned()).filter(|x| !x.is_null());
            return Ok(x.unwrap_or_else(crate::builtins::singletons::none));
        }
        match as_tuple(obj).and_then(|t| t.items.get(f.index)) {
            Some(x) => Ok(x.clone()),
            None => Err(vm.type_error(format!("descriptor '{}' does not apply to this object", f.name))),
        }
    }),
    descr_set: Slot::new(|vm, _, _, _| Err(vm.error(&ATTRIBUTE_ERROR, "readonly attribute"))),
    repr: Slot::new(|_, v| {
        let f = field_of(v);
        Ok(new_str(&format!("<member '{}' of '{}' objects>", f.name, f.owner_name)))
    }),
    ..TypeObject::builtin("member_descriptor", Some(&OBJECT_TYPE), dealloc_field, trace_field)
};

fn field_of(v: &Value) -> &StructSeqField {
    // SAFETY: objects of STRUCTSEQ_FIELD_TYPE are Obj<StructSeqField>.
    unsafe { v.as_object().expect("a field").data::<StructSeqField>() }
}

unsafe fn dealloc_field(p: ObjPtr) {
    // SAFETY: objects of STRUCTSEQ_FIELD_TYPE are Obj<StructSeqField>.
    unsafe { dealloc_boxed::<StructSeqField>(p) }
}

fn trace_field(_: ObjPtr, _: Visit) {}

/// The struct sequence type `module.name` with `fields`, all in the
/// sequence, made on first use.
pub fn struct_seq_type(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> PyResult<&'static TypeObject> {
    struct_seq_type_with(vm, module, name, fields, fields.len(), None)
}

/// The struct sequence type `module.name` with `fields`, of which the
/// first `n_sequence` are its items (an empty name is an unnamed item, as
/// the int times of `os.stat_result`) and the others named attributes
/// only (`tm_zone`, `st_atime_ns`), made on first use. `on_new` adjusts
/// the values `StructSeq(sequence, dict)` is given.
///
/// The attribute-only fields live in the instance's slot storage (the
/// class is made with `__slots__`, which is then deleted), one slot each
/// in order, read by `StructSeqField`s that replace the slots' member
/// descriptors.
pub fn struct_seq_type_with(
    vm: &mut Vm,
    module: &str,
    name: &str,
    fields: &[&str],
    n_sequence: usize,
    on_new: Option<fn(&mut [Value])>,
) -> PyResult<&'static TypeObject> {
    // A built-in's struct sequence is named without its module
    // (`asyncgen_hooks`), as `PyStructSequence_NewType` names it.
    let full = if module == "builtins" { name.to_string() } else { format!("{module}.{name}") };
    if let Some(t) = STRUCT_SEQS.with(|c| c.borrow().iter().find(|i| i.full == full).map(|i| i.ty)) {
        return Ok(t);
    }
    let hidden: Vec<Value> = fields[n_sequence..].iter().map(|f| new_str(f)).collect();
    let unnamed = fields.iter().filter(|f| f.is_empty()).count();
    let ns = new_dict();
    let d = as_dict(&ns).expect("a dict");
    d.set(vm, intern("__module__"), new_str(module))?;
    d.set(vm, intern("__slots__"), new_tuple(hidden))?;
    let new = crate::builtins::function::new_builtin("__new__", struct_seq_new);
    d.set(vm, intern("__new__"), crate::builtins::descriptors::new_staticmethod(new.clone()))?;
    let int = crate::builtins::int::new_int;
    d.set(vm, intern("n_fields"), int(fields.len() as i64))?;
    d.set(vm, intern("n_sequence_fields"), int(n_sequence as i64))?;
    d.set(vm, intern("n_unnamed_fields"), int(unnamed as i64))?;
    let visible_named = fields[..n_sequence].iter().filter(|f| !f.is_empty()).map(|f| new_str(f)).collect();
    d.set(vm, intern("__match_args__"), new_tuple(visible_named))?;
    let cls = classes::new_class(vm, &TYPE_TYPE, name, &[type_value(&TUPLE_TYPE)], &ns, &[])?;
    let ty = as_type(&cls).expect("a class");
    for (index, f) in fields.iter().enumerate().filter(|(_, f)| !f.is_empty()) {
        let field = Value::from_owned(alloc(
            &STRUCTSEQ_FIELD_TYPE,
            StructSeqField { name: f.to_string(), owner: ty, owner_name: full.clone(), index, n_sequence },
        ));
        classes::type_setattr(vm, &cls, &intern(f), Some(field))?;
    }
    classes::type_setattr(vm, &cls, &intern("__repr__"), Some(new_method_descriptor(ty, "__repr__", struct_seq_repr)))?;
    classes::type_setattr(vm, &cls, &intern("__reduce__"), Some(new_method_descriptor(ty, "__reduce__", struct_seq_reduce)))?;
    // The storage stays; the name goes, as CPython's struct sequences
    // have no `__slots__` (pickle's `assert_is_copy` compares them).
    classes::type_setattr(vm, &cls, &intern("__slots__"), None)?;
    let fields = fields.iter().map(|f| f.to_string()).collect();
    STRUCT_SEQS.with(|c| c.borrow_mut().push(StructSeqInfo { full, ty, fields, n_sequence, on_new, new }));
    Ok(ty)
}

/// Make a struct sequence type uninstantiable from Python, as CPython
/// makes `sys.flags`' and `sys.version_info`'s types: calling it raises
/// TypeError "cannot create 'sys.flags' instances".
pub fn forbid_instances(vm: &mut Vm, ty: &'static TypeObject) -> PyResult<()> {
    let new = crate::builtins::function::new_builtin("__new__", |vm, _, args, _| {
        let name = args.first().and_then(as_type).map_or_else(|| "?".to_string(), |t| t.full_name());
        Err(vm.type_error(format!("cannot create '{name}' instances")))
    });
    let new = crate::builtins::descriptors::new_staticmethod(new);
    classes::type_setattr(vm, &type_value(ty), &intern("__new__"), Some(new))
}

/// A struct sequence `module.name` holding `fields`' values.
pub fn new_struct_seq(vm: &mut Vm, module: &str, name: &str, fields: &[(&str, Value)]) -> PyResult<Value> {
    let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
    let ty = struct_seq_type(vm, module, name, &names)?;
    make_struct_seq(vm, ty, fields.iter().map(|(_, v)| v.clone()).collect())
}

/// An instance of struct sequence type `ty` (from `struct_seq_type_with`)
/// with `values` for its fields, in order (missing attribute-only fields
/// are None).
pub fn make_struct_seq(vm: &mut Vm, ty: &'static TypeObject, mut values: Vec<Value>) -> PyResult<Value> {
    let n_sequence = struct_seq_info(ty).map_or(values.len(), |(_, _, n)| n);
    let hidden = values.split_off(n_sequence.min(values.len()));
    let base = classes::builtin_base(&TUPLE_TYPE).expect("tuple is subclassable");
    let obj = base.rebox(vm, ty, Some(&new_tuple(values)))?;
    let nslots = classes::heap(ty).map_or(0, |h| h.nslots);
    if let Some(slots) = classes::slot_value(&obj, 0).filter(|_| nslots > 0) {
        let mut slots = slots.borrow_mut();
        for (i, v) in hidden.into_iter().enumerate().take(slots.len()) {
            slots[i] = v;
        }
    }
    Ok(obj)
}

/// `StructSeq(sequence, dict=None)` (CPython's `structseq_new`): at least
/// the sequence fields, at most all fields; the attribute-only fields
/// missing from `sequence` are taken from `dict`, else None.
fn struct_seq_new(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let owner = STRUCT_SEQS.with(|c| c.borrow().iter().find(|i| i.new.is(callable)).map(|i| (i.ty, i.full.clone())));
    let Some((owner, owner_name)) = owner else {
        return Err(vm.type_error("structseq.__new__(): unknown struct sequence"));
    };
    let Some((cls, rest)) = args.split_first().filter(|_| args.len() > kwnames.len()) else {
        return Err(vm.type_error(format!("{owner_name}.__new__(): not enough arguments")));
    };
    let Some(ty) = as_type(cls) else {
        let msg = format!("{owner_name}.__new__(X): X is not a type object ({})", vm.type_of(cls).name());
        return Err(vm.type_error(msg));
    };
    if !ty.is_subtype(owner) {
        let name = ty.full_name();
        return Err(vm.type_error(format!("{owner_name}.__new__({name}): {name} is not a subtype of {owner_name}")));
    }
    let [seq, dict] = crate::builtins::itertools::bind(vm, "structseq", rest, kwnames, ["sequence", "dict"], 2, 1)?;
    let seq = seq.expect("required");
    let items = match as_tuple(&seq) {
        Some(t) => t.items.clone(),
        None => match ops::iter(vm, &seq) {
            Ok(_) => ops::collect(vm, &seq)?,
            Err(_) => return Err(vm.type_error("constructor requires a sequence")),
        },
    };
    // A given `dict` must be a dict, None included (CPython 3.11).
    if let Some(d) = &dict {
        if as_dict(d).is_none() {
            let msg = format!("{}() takes a dict as second arg, if any", ty.full_name());
            return Err(vm.type_error(msg));
        }
    }
    let Some((names, n_fields, n_sequence)) = ty.mro().find_map(struct_seq_info) else {
        return Err(vm.type_error("structseq.__new__(X): X is not a struct sequence type"));
    };
    let len = items.len();
    let name = ty.full_name();
    if len < n_sequence {
        let msg = if n_sequence == n_fields {
            format!("{name}() takes a {n_sequence}-sequence ({len}-sequence given)")
        } else {
            format!("{name}() takes an at least {n_sequence}-sequence ({len}-sequence given)")
        };
        return Err(vm.type_error(msg));
    }
    if len > n_fields {
        let msg = if n_sequence == n_fields {
            format!("{name}() takes a {n_sequence}-sequence ({len}-sequence given)")
        } else {
            format!("{name}() takes an at most {n_fields}-sequence ({len}-sequence given)")
        };
        return Err(vm.type_error(msg));
    }
    let mut values = items;
    // Attribute-only fields are the last names, one per field past the sequence.
    let hidden_names = &names[names.len() - (n_fields - n_sequence)..];
    for name in &hidden_names[len - n_sequence..] {
        let v = match dict.as_ref().and_then(as_dict) {
            Some(d) => d.get(vm, &new_str(name))?,
            None => None,
        };
        values.push(v.unwrap_or_else(crate::builtins::singletons::none));
    }
    if let Some(hook) = ty.mro().find_map(struct_seq_hook) {
        hook(&mut values);
    }
    make_struct_seq(vm, ty, values)
}

/// `(type, (sequence, {attribute-only fields}))`, as CPython's
/// `structseq_reduce`.
fn struct_seq_reduce(vm: &mut Vm, this: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    let ty = vm.type_of_static(this);
    let items = as_tuple(this).map(|t| t.items.clone()).unwrap_or_default();
    let (names, n_fields, _) = ty.mro().find_map(struct_seq_info).unwrap_or_default();
    let n_hidden = n_fields.saturating_sub(items.len());
    let extra = new_dict();
    for name in &names[names.len().saturating_sub(n_hidden)..] {
        let name = new_str(name);
        let v = ops::getattr(vm, this, &name)?;
        as_dict(&extra).expect("a dict").set(vm, name, v)?;
    }
    Ok(new_tuple(vec![type_value(ty), new_tuple(vec![new_tuple(items), extra])]))
}

/// `sys.version_info(major=3, minor=11, ...)`.
fn struct_seq_repr(vm: &mut Vm, this: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    let ty = vm.type_of_static(this);
    // CPython names the visible items by the named fields in order, so
    // the unnamed int times of a stat_result show as `st_atime=...`.
    let (names, _, _) = ty.mro().find_map(struct_seq_info).unwrap_or_default();
    let items = as_tuple(this).map(|t| t.items.clone()).unwrap_or_default();
    let mut parts = Vec::new();
    for (n, v) in names.iter().zip(&items) {
        let r = ops::repr_string(vm, v)?;
        parts.push(format!("{n}={r}"));
    }
    Ok(new_str(&format!("{}({})", ty.full_name(), parts.join(", "))))
}
