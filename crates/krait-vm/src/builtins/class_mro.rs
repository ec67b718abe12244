//! The method resolution order of classes and `__bases__` assignment
//! (CPython's `mro_implementation`, `mro_invoke`, `mro_internal`,
//! `mro_hierarchy` and `type_set_bases` in `Objects/typeobject.c`).
//!
//! Invariants:
//! - A class's `__mro__` (`HeapType::mro`) is computed when it is made,
//!   and again for it and every subclass when its `__bases__` are
//!   assigned. A class whose metaclass is not `type` gets what
//!   `type(cls).mro()` returns, checked (classes only, each a base whose
//!   layout the class's instances fit); the others get C3 of their bases.
//! - Bases and MRO are leaked slices, replaced whole and never changed in
//!   place: a reader's `&'static` slice stays valid whatever runs, and an
//!   unchanged address means nothing reassigned it meanwhile. That is how
//!   `mro_internal` and `set_bases` notice that an `mro()` they called
//!   re-entered them (assigned `__bases__` itself) and leave its work be.
//! - Every change moves the type epoch (the method cache and the inline
//!   caches let go) and refills the slots of the class and its subclasses.

use crate::builtins::class_slots::update_all_slots;
use crate::builtins::classes::{bump_type_epoch, call_found, heap, own_attribute, solid_of_bases, type_lookup, Layout};
use crate::builtins::exceptions::ATTRIBUTE_ERROR;
use crate::builtins::str::intern;
use crate::builtins::tuple::as_tuple;
use crate::ops;
use crate::types::{as_type, type_value, TypeObject, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Bases or an MRO: a leaked slice, replaced whole (see above).
pub(crate) type Types = &'static [&'static TypeObject];

/// `types` as a slice that lives for the rest of the program.
pub(crate) fn leak(types: Vec<&'static TypeObject>) -> Types {
    Box::leak(types.into_boxed_slice())
}

/// Are `a` and `b` the same slice object (not only equal)?
fn same(a: Types, b: Types) -> bool {
    std::ptr::eq(a.as_ptr(), b.as_ptr()) && a.len() == b.len()
}

/// `type.mro(cls)`: the class, then the C3 linearization of its bases'
/// MROs (CPython's `mro_implementation`). A built-in type's is its chain.
pub fn mro_implementation(vm: &mut Vm, ty: &'static TypeObject) -> PyResult<Vec<&'static TypeObject>> {
    let Some(h) = heap(ty) else { return Ok(ty.mro().collect()) };
    let bases = h.bases();
    if let Some(b) = bases.iter().find(|b| heap(b).is_some_and(|bh| bh.mro().is_empty())) {
        let msg = format!("Cannot extend an incomplete type '{}'", b.name());
        return Err(vm.type_error(msg));
    }
    let mut out = vec![ty];
    if let [only] = bases {
        out.extend(only.mro());
        return Ok(out);
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| std::ptr::eq(*x, *b)) {
            return Err(vm.type_error(format!("duplicate base class {}", b.name())));
        }
    }
    out.extend(c3_merge(vm, bases)?);
    Ok(out)
}

/// The C3 linearization of `bases` (the MRO after the class itself).
pub(crate) fn c3_merge(vm: &mut Vm, bases: &[&'static TypeObject]) -> PyResult<Vec<&'static TypeObject>> {
    let mut lists: Vec<Vec<&'static TypeObject>> = bases.iter().map(|b| b.mro().collect()).collect();
    lists.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        lists.retain(|l| !l.is_empty());
        if lists.is_empty() {
            return Ok(out);
        }
        let head = lists
            .iter()
            .map(|l| l[0])
            .find(|h| !lists.iter().any(|l| l[1..].iter().any(|t| std::ptr::eq(*t, *h))));
        let Some(head) = head else {
            let mut names: Vec<&str> = Vec::new();
            for l in &lists {
                if !names.contains(&l[0].name()) {
                    names.push(l[0].name());
                }
            }
            let msg = format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            );
            return Err(vm.type_error(msg));
        };
        out.push(head);
        for l in &mut lists {
            if std::ptr::eq(l[0], head) {
                l.remove(0);
            }
        }
    }
}

/// The built-in type fixing the instance layout of `t` (CPython's
/// `solid_base`, as far as Krait's layouts tell them apart).
fn solid_of(t: &'static TypeObject) -> &'static TypeObject {
    heap(t).map_or(t, |h| h.solid)
}

/// The MRO `ty` should have now (CPython's `mro_invoke`): its metaclass's
/// `mro()`, checked, unless the metaclass is `type`.
fn mro_invoke(vm: &mut Vm, ty: &'static TypeObject) -> PyResult<Vec<&'static TypeObject>> {
    let meta = ty.header_type();
    if std::ptr::eq(meta, &TYPE_TYPE) {
        return mro_implementation(vm, ty);
    }
    let key = intern("mro");
    let Some(f) = type_lookup(meta, &key) else {
        let msg = format!("type object '{}' has no attribute 'mro'", meta.name());
        return Err(vm.error(&ATTRIBUTE_ERROR, msg));
    };
    let items = if own_attribute(&TYPE_TYPE, &key).is_some_and(|own| own.is(&f)) {
        mro_implementation(vm, ty)?.into_iter().map(type_value).collect()
    } else {
        let result = call_found(vm, &type_value(ty), meta, &f, &[])?;
        ops::collect(vm, &result)?
    };
    if items.is_empty() {
        return Err(vm.type_error("type MRO must not be empty"));
    }
    // CPython's `mro_check`.
    let solid = solid_of(ty);
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        let Some(base) = as_type(item) else {
            let msg = format!("mro() returned a non-class ('{}')", vm.type_of(item).name());
            return Err(vm.type_error(msg));
        };
        if !solid.is_subtype(solid_of(base)) {
            let msg = format!("mro() returned base with unsuitable layout ('{}')", base.name());
            return Err(vm.type_error(msg));
        }
        out.push(base);
    }
    Ok(out)
}

/// Compute and set the MRO of class `ty` (CPython's `mro_internal`):
/// the MRO it replaced, or `None` when the `mro()` it called set one
/// itself (re-entrance), which then stands.
pub(crate) fn mro_internal(vm: &mut Vm, ty: &'static TypeObject) -> PyResult<Option<Types>> {
    let h = heap(ty).expect("a class");
    let old = h.mro();
    let new = mro_invoke(vm, ty)?;
    if !same(h.mro(), old) {
        return Ok(None);
    }
    h.mro.set(leak(new));
    bump_type_epoch();
    Ok(Some(old))
}

/// A class's MRO and the one it replaced, to undo a failed assignment.
type MroChange = (&'static TypeObject, Types, Types);

/// Recompute the MRO of `ty` and of its subclasses, depth first
/// (CPython's `mro_hierarchy`), recording each change in `done`.
fn mro_hierarchy(vm: &mut Vm, ty: &'static TypeObject, done: &mut Vec<MroChange>) -> PyResult<()> {
    vm.enter_recursion(" while computing an MRO")?;
    let r = mro_hierarchy_inner(vm, ty, done);
    vm.leave_recursion();
    r
}

fn mro_hierarchy_inner(vm: &mut Vm, ty: &'static TypeObject, done: &mut Vec<MroChange>) -> PyResult<()> {
    let Some(old) = mro_internal(vm, ty)? else { return Ok(()) };
    let h = heap(ty).expect("a class");
    done.push((ty, h.mro(), old));
    // A copy: an `mro()` may assign some subclass's `__bases__`.
    let subclasses: Vec<&'static TypeObject> = h.subclasses.borrow().clone();
    for sub in subclasses {
        mro_hierarchy(vm, sub, done)?;
    }
    Ok(())
}

/// Is `ty` reached from `t` through the bases that fix layouts
/// (`tp_base`)? That chain is assigned before any `mro()` runs.
fn base_chain_reaches(t: &'static TypeObject, ty: &'static TypeObject) -> bool {
    let mut t = Some(t);
    while let Some(c) = t {
        if std::ptr::eq(c, ty) {
            return true;
        }
        t = match heap(c) {
            Some(h) => Some(h.base.get()),
            None => c.base,
        };
    }
    false
}

/// `cls.__bases__ = value` (CPython's `type_set_bases`); `value` is
/// `None` for `del`.
pub(crate) fn set_bases(vm: &mut Vm, ty: &'static TypeObject, value: Option<Value>) -> PyResult<()> {
    let h = heap(ty).expect("a class");
    let Some(value) = value else {
        let msg = format!("cannot delete '__bases__' attribute of immutable type '{}'", ty.name());
        return Err(vm.type_error(msg));
    };
    let Some(items) = as_tuple(&value).map(|t| t.items.clone()) else {
        let msg = format!("can only assign tuple to {}.__bases__, not {}", ty.name(), vm.type_of(&value).name());
        return Err(vm.type_error(msg));
    };
    if items.is_empty() {
        let msg = format!("can only assign non-empty tuple to {}.__bases__, not ()", ty.name());
        return Err(vm.type_error(msg));
    }
    let mut new_types = Vec::with_capacity(items.len());
    for item in &items {
        let Some(base) = as_type(item) else {
            let msg = format!("{}.__bases__ must be tuple of classes, not '{}'", ty.name(), vm.type_of(item).name());
            return Err(vm.type_error(msg));
        };
        if base.is_subtype(ty) || base_chain_reaches(base, ty) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle"));
        }
        new_types.push(base);
    }
    let (_, _, best) = solid_of_bases(vm, &new_types)?;
    let new_base = new_types[best];
    let old_base = h.base.get();
    check_compatible(vm, old_base, new_base)?;

    let old_bases = h.bases();
    let new_bases = leak(new_types);
    h.bases.set(new_bases);
    h.base.set(new_base);
    let mut done = Vec::new();
    if let Err(e) = mro_hierarchy(vm, ty, &mut done) {
        // Undo, latest first, leaving any MRO a re-entrant call set.
        for (cls, new, old) in done.into_iter().rev() {
            let ch = heap(cls).expect("a class");
            if same(ch.mro(), new) {
                ch.mro.set(old);
            }
        }
        if same(h.bases(), new_bases) {
            h.bases.set(old_bases);
            h.base.set(old_base);
        }
        bump_type_epoch();
        return Err(e);
    }
    // A re-entrant assignment has done what follows already.
    if same(h.bases(), new_bases) {
        for b in old_bases {
            remove_subclass(b, ty);
        }
        for b in new_bases {
            add_subclass(b, ty);
        }
        update_all_slots(ty);
    }
    bump_type_epoch();
    Ok(())
}

thread_local! {
    /// The direct subclasses of each built-in type that has some, by the
    /// type's address (a class keeps its own in its `HeapType`). Classes
    /// are immortal, so the entries never dangle.
    static BUILTIN_SUBCLASSES: std::cell::RefCell<Vec<(usize, Vec<&'static TypeObject>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Record `sub` among the direct subclasses of `base` (once).
pub(crate) fn add_subclass(base: &'static TypeObject, sub: &'static TypeObject) {
    let add = |subs: &mut Vec<&'static TypeObject>| {
        if !subs.iter().any(|s| std::ptr::eq(*s, sub)) {
            subs.push(sub);
        }
    };
    match heap(base) {
        Some(bh) => add(&mut bh.subclasses.borrow_mut()),
        None => BUILTIN_SUBCLASSES.with(|all| {
            let mut all = all.borrow_mut();
            let key = base as *const TypeObject as usize;
            match all.iter_mut().find(|(k, _)| *k == key) {
                Some((_, subs)) => add(subs),
                None => all.push((key, vec![sub])),
            }
        }),
    }
}

/// Forget `sub` as a direct subclass of `base`.
fn remove_subclass(base: &'static TypeObject, sub: &'static TypeObject) {
    match heap(base) {
        Some(bh) => bh.subclasses.borrow_mut().retain(|s| !std::ptr::eq(*s, sub)),
        None => BUILTIN_SUBCLASSES.with(|all| {
            let key = base as *const TypeObject as usize;
            if let Some((_, subs)) = all.borrow_mut().iter_mut().find(|(k, _)| *k == key) {
                subs.retain(|s| !std::ptr::eq(*s, sub));
            }
        }),
    }
}

/// `cls.__subclasses__()`: the direct subclasses of `ty`, oldest first.
pub(crate) fn subclasses(ty: &'static TypeObject) -> Vec<&'static TypeObject> {
    match heap(ty) {
        Some(h) => h.subclasses.borrow().clone(),
        None => BUILTIN_SUBCLASSES.with(|all| {
            let key = ty as *const TypeObject as usize;
            all.borrow().iter().find(|(k, _)| *k == key).map_or_else(Vec::new, |(_, subs)| subs.clone())
        }),
    }
}

/// What an instance of a class derived from `t` looks like, as far as
/// `__bases__` assignment cares: its layout, deallocator, storage and
/// `__slots__` names.
fn layout_signature(t: &'static TypeObject) -> (Layout, usize, usize, Vec<String>, bool, bool, usize) {
    match heap(t) {
        Some(h) => {
            let solid = match h.layout {
                Layout::Builtin => h.solid as *const TypeObject as usize,
                Layout::Exception => exception_solid(h.solid) as *const TypeObject as usize,
                _ => 0,
            };
            (h.layout, t.dealloc as usize, h.nslots, crate::builtins::classes::slot_names_of(t), h.has_dict, h.weakrefable, solid)
        }
        None => {
            let layout = if std::ptr::eq(t, &crate::types::OBJECT_TYPE) {
                Layout::Object
            } else if t.is_subtype(&crate::builtins::exceptions::BASE_EXCEPTION) {
                Layout::Exception
            } else if std::ptr::eq(t, &TYPE_TYPE) {
                Layout::Type
            } else {
                Layout::Builtin
            };
            let has_dict = layout == Layout::Exception;
            let solid = if layout == Layout::Exception { exception_solid(t) } else { t };
            (layout, t.dealloc as usize, 0, Vec::new(), has_dict, false, solid as *const TypeObject as usize)
        }
    }
}

/// The exception type whose C struct instances of `t` have in CPython:
/// those that add fields to BaseException's (Krait keeps one payload for
/// all, but `__bases__` assignment refuses what CPython refuses).
fn exception_solid(t: &'static TypeObject) -> &'static TypeObject {
    const OWN_FIELDS: &[&str] = &[
        "OSError", "SyntaxError", "ImportError", "StopIteration", "SystemExit", "UnicodeError",
        "UnicodeEncodeError", "UnicodeDecodeError", "UnicodeTranslateError", "NameError", "AttributeError",
        "BaseExceptionGroup",
    ];
    let mut c = t;
    loop {
        if OWN_FIELDS.contains(&c.name()) {
            return c;
        }
        match c.base {
            Some(b) if b.is_subtype(&crate::builtins::exceptions::BASE_EXCEPTION) => c = b,
            _ => return c,
        }
    }
}

/// Do instances of built-in `t` take part in the cycle collector in
/// CPython (its `tp_free` is `PyObject_GC_Del`)? Classes always do.
fn collected(t: &'static TypeObject) -> bool {
    t.heap.is_some() || !matches!(t.name(), "object" | "int" | "bool" | "float" | "complex" | "str" | "bytes")
}

/// May instances laid out for base `old` be laid out for base `new`
/// (CPython's `compatible_for_assignment`, with its messages)?
fn check_compatible(vm: &mut Vm, old: &'static TypeObject, new: &'static TypeObject) -> PyResult<()> {
    if collected(old) != collected(new) {
        let msg = format!("__bases__ assignment: '{}' deallocator differs from '{}'", new.name(), old.name());
        return Err(vm.type_error(msg));
    }
    if std::ptr::eq(old, new) || layout_signature(old) == layout_signature(new) {
        return Ok(());
    }
    let msg = format!("__bases__ assignment: '{}' object layout differs from '{}'", new.name(), old.name());
    Err(vm.type_error(msg))
}
