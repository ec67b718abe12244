//! The `module` type (CPython's `Objects/moduleobject.c`).
//!
//! Invariants:
//! - A module always has a namespace dict (`__dict__`), possibly empty:
//!   `module.__new__` makes an uninitialized module, `module.__init__`
//!   (re)sets `__name__`, `__doc__`, `__package__`, `__loader__` and
//!   `__spec__` in that same dict. Calling `module(name, doc)` does both.
//! - Everything a module says about itself (its repr, the name in its
//!   error messages) is read from the namespace, as CPython's does; the
//!   `native` flag only marks modules the runtime made (native modules,
//!   `builtins`, `__main__`, imported sources), whose repr without a spec,
//!   loader or file says `(built-in)` where CPython's loader would.

use crate::builtins::dict::{as_dict, DictData};
use crate::builtins::exceptions::{ATTRIBUTE_ERROR, EXCEPTION};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, intern, new_str};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A module: its namespace.
pub struct ModuleData {
    pub dict: Value,
    /// Made by the runtime rather than by `module.__new__` (see above).
    pub native: bool,
    /// Weak references to the module exist (see `weakref`).
    pub weakly_referenced: std::cell::Cell<bool>,
}

pub static MODULE_TYPE: TypeObject = TypeObject {
    repr: Slot::new(module_repr),
    getattr: Slot::new(module_getattr),
    new: Some(module_new),
    init: Some(module_init),
    setattr: Slot::new(|vm, v, name, value| {
        let m = as_module(v).expect("module slot on a module");
        let d: &DictData = as_dict(&m.dict).expect("a module's dict");
        // A derived class's data descriptors (its `__slots__`) come first.
        let ty = vm.type_of_static(v);
        if !std::ptr::eq(ty, &MODULE_TYPE) {
            if let Some(found) = crate::builtins::classes::type_lookup(ty, name) {
                if let Some(set) = vm.type_of(&found).descr_set.get() {
                    return set(vm, &found, v, value);
                }
            }
        }
        crate::builtins::classes::set_in_dict(vm, v, d, name, value)
    }),
    methods: &[crate::types::MethodDef { name: "__dir__", func: module_dir }],
    ..TypeObject::builtin("module", Some(&OBJECT_TYPE), dealloc_module, trace_module)
};

/// An uninitialized module of class `cls` (`module.__new__(cls)`): an
/// empty namespace.
pub fn alloc_module(cls: &'static TypeObject) -> Value {
    let data = ModuleData { dict: crate::builtins::dict::new_dict(), native: false, weakly_referenced: Default::default() };
    if std::ptr::eq(cls, &MODULE_TYPE) {
        Value::from_owned(alloc(&MODULE_TYPE, data))
    } else {
        crate::builtins::classes::alloc_subclassed(cls, data)
    }
}

/// `module(name, doc=None)`: `module.__new__` then `module.__init__`.
fn module_new(vm: &mut Vm, ty: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let module = alloc_module(ty);
    module_init(vm, &module, args, kwnames)?;
    Ok(module)
}

/// `module.__init__(self, name, doc=None)` (CPython's `module___init__`).
fn module_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [name, doc] = crate::builtins::itertools::bind(vm, "module.__init__", args, kwnames, ["name", "doc"], 2, 1)?;
    let name = name.expect("required");
    if as_str(&name).is_none() {
        let msg = format!("module.__init__() argument 'name' must be str, not {}", vm.type_of(&name).name());
        return Err(vm.type_error(msg));
    }
    let m = as_module(this).expect("module.__init__ on a module");
    let d = as_dict(&m.dict).expect("a module's dict");
    d.set(vm, intern("__name__"), name)?;
    d.set(vm, intern("__doc__"), doc.unwrap_or_else(none))?;
    for key in ["__package__", "__loader__", "__spec__"] {
        d.set(vm, intern(key), none())?;
    }
    Ok(none())
}

/// `module.__dir__()`: the namespace's `__dir__()` when it has one, else
/// its keys (CPython's `module_dir`).
fn module_dir(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::iter_pickle::check(vm, this, "__dir__", args, kwnames, 0)?;
    let d = ops::getattr(vm, this, &intern("__dict__"))?;
    let Some(dd) = as_dict(&d) else {
        return Err(vm.type_error("<module>.__dict__ is not a dictionary"));
    };
    if let Some(f) = dd.get(vm, &intern("__dir__"))? {
        return crate::eval::call(vm, &f, &[], &[]);
    }
    Ok(crate::builtins::list::new_list(dd.items().into_iter().map(|(k, _)| k).collect()))
}

/// `repr(module)` (importlib's `_module_repr`, which CPython 3.11 calls):
/// from the spec, else the loader's `module_repr`, else the name and
/// the file or loader.
fn module_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let loader = ops::getattr_opt(vm, v, &intern("__loader__"))?.unwrap_or_else(none);
    if let Some(spec) = ops::getattr_opt(vm, v, &intern("__spec__"))? {
        if ops::truthy(vm, &spec)? {
            return repr_from_spec(vm, &spec);
        }
    }
    if let Some(f) = ops::getattr_opt(vm, &loader, &intern("module_repr"))? {
        match crate::eval::call(vm, &f, std::slice::from_ref(v), &[]) {
            Ok(r) => return Ok(r),
            Err(e) if vm.type_of(&e.exception).is_subtype(&EXCEPTION) => {}
            Err(e) => return Err(e),
        }
    }
    let name = match ops::getattr_opt(vm, v, &intern("__name__"))? {
        Some(n) => ops::repr_string(vm, &n)?,
        None => "'?'".to_string(),
    };
    let text = match ops::getattr_opt(vm, v, &intern("__file__"))? {
        Some(f) => format!("<module {name} from {}>", ops::repr_string(vm, &f)?),
        None if !is_none(&loader) => format!("<module {name} ({})>", ops::repr_string(vm, &loader)?),
        None if as_module(v).is_some_and(|m| m.native) => format!("<module {name} (built-in)>"),
        None => format!("<module {name}>"),
    };
    Ok(new_str(&text))
}

/// importlib's `_module_repr_from_spec`.
fn repr_from_spec(vm: &mut Vm, spec: &Value) -> PyResult<Value> {
    let spec_name = ops::getattr(vm, spec, &intern("name"))?;
    let name = if is_none(&spec_name) { "'?'".to_string() } else { ops::repr_string(vm, &spec_name)? };
    let origin = ops::getattr(vm, spec, &intern("origin"))?;
    let text = if is_none(&origin) {
        let loader = ops::getattr(vm, spec, &intern("loader"))?;
        if is_none(&loader) {
            format!("<module {name}>")
        } else {
            format!("<module {name} ({})>", ops::repr_string(vm, &loader)?)
        }
    } else {
        let has_location = ops::getattr(vm, spec, &intern("has_location"))?;
        if ops::truthy(vm, &has_location)? {
            format!("<module {name} from {}>", ops::repr_string(vm, &origin)?)
        } else {
            let origin = ops::str(vm, &origin)?;
            format!("<module {} ({})>", ops::repr_string(vm, &spec_name)?, as_str(&origin).unwrap_or(""))
        }
    };
    Ok(new_str(&text))
}

/// "module 'x' has no attribute 'y'", naming the module by its
/// `__name__` when that is a str.
fn no_attribute(vm: &mut Vm, d: &DictData, name: &Value) -> crate::vm::PyErr {
    let attr = as_str(name).unwrap_or("?");
    let msg = match d.get_str(&intern("__name__")).as_ref().and_then(as_str) {
        Some(m) => format!("module '{m}' has no attribute '{attr}'"),
        None => format!("module has no attribute '{attr}'"),
    };
    vm.error(&ATTRIBUTE_ERROR, msg)
}

/// `module.name` (CPython's `module_getattro`): the generic look-up with
/// the namespace as the instance dict, then its `__getattr__` (PEP 562).
/// A plain module reads its namespace first: its type has no data
/// descriptors a module's names could hide (but `__class__`).
fn module_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let m = as_module(v).expect("module slot on a module");
    let d: &DictData = as_dict(&m.dict).expect("a module's dict");
    let ty = vm.type_of_static(v);
    let exact = std::ptr::eq(ty, &MODULE_TYPE);
    if exact {
        if let Some(x) = d.get(vm, name)? {
            return Ok(x);
        }
    }
    let descr = crate::builtins::classes::type_lookup(ty, name);
    if !exact {
        if let Some(found) = &descr {
            let dt = vm.type_of(found);
            if let (Some(get), Some(_)) = (dt.descr_get.get(), dt.descr_set.get()) {
                return get(vm, found, v, ty);
            }
        }
        if let Some(x) = d.get(vm, name)? {
            return Ok(x);
        }
    }
    if let Some(found) = descr {
        return match vm.type_of(&found).descr_get.get() {
            Some(get) => get(vm, &found, v, ty),
            None => Ok(found),
        };
    }
    match as_str(name) {
        Some("__dict__") => return Ok(m.dict.clone()),
        Some("__class__") => return Ok(crate::types::type_value(vm.type_of_static(v))),
        // Made empty and kept on first use (CPython's
        // `module_get_annotations`).
        Some("__annotations__") => {
            let a = crate::builtins::dict::new_dict();
            d.set(vm, name.clone(), a.clone())?;
            return Ok(a);
        }
        _ => {}
    }
    if let Some(hook) = d.get_str(&new_str("__getattr__")) {
        return crate::eval::call(vm, &hook, std::slice::from_ref(name), &[]);
    }
    Err(no_attribute(vm, d, name))
}

unsafe fn dealloc_module(p: ObjPtr) {
    // SAFETY: modules are allocated as Obj<ModuleData>.
    if unsafe { p.data::<ModuleData>() }.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    // SAFETY: as above.
    unsafe { dealloc_boxed::<ModuleData>(p) }
}

fn trace_module(p: ObjPtr, visit: Visit) {
    // SAFETY: modules are Obj<ModuleData>.
    visit(&unsafe { p.data::<ModuleData>() }.dict);
}

/// A module `name` made by the runtime over namespace `dict`, which is
/// given the attributes every module has (`__name__`, `__doc__`,
/// `__package__`, `__loader__`, `__spec__`; None but the name) where it
/// lacks them.
pub fn new_module(name: &str, dict: Value) -> Value {
    crate::builtins::function::stamp_module(&dict, name);
    if let Some(d) = as_dict(&dict) {
        for key in ["__name__", "__doc__", "__package__", "__loader__", "__spec__"] {
            let key = intern(key);
            if d.get_str(&key).is_none() {
                let v = if as_str(&key) == Some("__name__") { new_str(name) } else { none() };
                d.set_str(key, v);
            }
        }
    }
    Value::from_owned(alloc(&MODULE_TYPE, ModuleData { dict, native: true, weakly_referenced: Default::default() }))
}

pub fn as_module(v: &Value) -> Option<&ModuleData> {
    let p = v.as_object()?;
    // SAFETY: objects of type `module` are Obj<ModuleData>, and those of
    // classes derived from it Obj<Subclassed<ModuleData>>, payload first.
    p.ty().is_subtype(&MODULE_TYPE).then(|| unsafe { p.data::<ModuleData>() })
}
