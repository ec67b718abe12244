//! The `_ast` module: CPython 3.11's node classes, under which CPython's
//! own `Lib/ast.py` runs, and the two directions between Krait's syntax
//! tree and those objects that `compile()` needs.
//!
//! Invariants:
//! - The classes are made once per thread from `generated::NODE_CLASSES`
//!   (written by scripts/gen_ast_classes.py from CPython's own classes):
//!   `AST`, then each abstract class (`stmt`, `expr`, ...) and product
//!   (`arguments`, ...) deriving from it, each constructor from its sum.
//!   They are ordinary classes (`classes::new_class`), so instances keep
//!   their fields in their `__dict__` and Python code can subclass them.
//! - A class has `_fields` (and `__match_args__`, the same tuple); `AST`,
//!   the sums and the products have `_attributes`; optional fields and
//!   attributes (`?` in the ASDL) are None on the class, so a node that
//!   lacks one reads None, as in CPython.
//! - Trees from the parser share one instance of each context and operator
//!   class (`Load()`, `Add()`, ...), as CPython's singletons; calling the
//!   class makes a new one.
//! - `AST.__init__` is CPython's `ast_type_init`: positional arguments name
//!   `_fields` in order, keywords are set as given, every message is
//!   CPython's.

mod compile;
mod convert;
mod generated;
mod validate;

use std::cell::RefCell;
use std::rc::Rc;

pub use compile::{compile_ast_object, is_ast_object, parse_bytes_to_ast, parse_to_ast, PYCF_ONLY_AST, PYCF_TYPE_COMMENTS};

use crate::builtins::classes;
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::function::new_module;
use crate::builtins::int::new_int;
use crate::builtins::method_descriptors::new_method_descriptor;
use crate::builtins::singletons::none;
use crate::builtins::str::{as_str, intern, new_str};
use crate::builtins::tuple::new_tuple;
use crate::ops;
use crate::types::{as_type, TypeObject, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// One class of `_ast`, as the generator describes it.
pub struct NodeClass {
    pub name: &'static str,
    /// The index of its base in `NODE_CLASSES`; None for `AST`.
    pub base: Option<usize>,
    pub fields: &'static [&'static str],
    /// `_attributes` (only for `AST`, the sums and the products).
    pub attributes: &'static [&'static str],
    /// The fields and attributes that are None on the class.
    pub optional: &'static [&'static str],
    pub doc: Option<&'static str>,
}

/// The classes of one thread, by `generated::id`, and the singleton
/// instances of the field-less classes (NULL for the others).
pub struct AstTypes {
    pub classes: Vec<Value>,
    pub types: Vec<&'static TypeObject>,
    pub singletons: Vec<Value>,
}

thread_local! {
    static TYPES: RefCell<Option<Rc<AstTypes>>> = const { RefCell::new(None) };
}

/// The node classes, made on first use.
pub fn ast_types(vm: &mut Vm) -> PyResult<Rc<AstTypes>> {
    if let Some(t) = TYPES.with(|c| c.borrow().clone()) {
        return Ok(t);
    }
    let mut classes_made: Vec<Value> = Vec::new();
    let mut types: Vec<&'static TypeObject> = Vec::new();
    for nc in generated::NODE_CLASSES {
        let ns = new_dict();
        let d = as_dict(&ns).expect("a dict");
        d.set(vm, intern("__module__"), new_str("ast"))?;
        if let Some(doc) = nc.doc {
            d.set(vm, intern("__doc__"), new_str(doc))?;
        }
        let fields = new_tuple(nc.fields.iter().map(|f| intern(f)).collect());
        d.set(vm, intern("_fields"), fields.clone())?;
        d.set(vm, intern("__match_args__"), fields)?;
        if matches!(nc.base, None | Some(generated::id::AST)) {
            let attrs = new_tuple(nc.attributes.iter().map(|f| intern(f)).collect());
            d.set(vm, intern("_attributes"), attrs)?;
        }
        for name in nc.optional {
            d.set(vm, intern(name), none())?;
        }
        let bases: Vec<Value> = nc.base.map(|b| classes_made[b].clone()).into_iter().collect();
        let cls = classes::new_class(vm, &TYPE_TYPE, nc.name, &bases, &ns, &[])?;
        let ty = as_type(&cls).expect("a class");
        if nc.base.is_none() {
            let methods: [(&'static str, crate::types::CallFn); 2] = [("__init__", ast_init), ("__reduce__", ast_reduce)];
            for (name, f) in methods {
                classes::type_setattr(vm, &cls, &intern(name), Some(new_method_descriptor(ty, name, f)))?;
            }
        }
        classes_made.push(cls);
        types.push(ty);
    }
    let mut singletons = Vec::with_capacity(types.len());
    for (i, nc) in generated::NODE_CLASSES.iter().enumerate() {
        let simple = nc.fields.is_empty()
            && nc.base.is_some_and(|b| b != generated::id::AST && generated::NODE_CLASSES[b].attributes.is_empty());
        singletons.push(if simple { classes::alloc_instance(types[i]) } else { Value::NULL });
    }
    let t = Rc::new(AstTypes { classes: classes_made, types, singletons });
    TYPES.with(|c| *c.borrow_mut() = Some(t.clone()));
    Ok(t)
}

/// `AST.__init__(*args, **kwargs)`: CPython's `ast_type_init`.
fn ast_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let ty = vm.type_of_static(this);
    let cls = crate::types::type_value(ty);
    let fields = match ops::getattr_opt(vm, &cls, &intern("_fields"))? {
        Some(f) => ops::collect(vm, &f)?,
        None => Vec::new(),
    };
    let npos = args.len() - kwnames.len();
    if npos > fields.len() {
        let n = fields.len();
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{} constructor takes at most {n} positional argument{s}", ty.name())));
    }
    for (name, value) in fields.iter().zip(&args[..npos]) {
        classes::setattr(vm, this, name, Some(value.clone()))?;
    }
    for (key, value) in kwnames.iter().zip(&args[npos..]) {
        for (i, f) in fields.iter().enumerate() {
            if crate::builtins::tuple::item_equals(vm, f, key)? && i < npos {
                let k = as_str(key).unwrap_or("");
                return Err(vm.type_error(format!("{} got multiple values for argument '{k}'", ty.name())));
            }
        }
        classes::setattr(vm, this, key, Some(value.clone()))?;
    }
    Ok(none())
}

/// `AST.__reduce__()`: `(type(self), (), self.__dict__)`.
fn ast_reduce(vm: &mut Vm, this: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    let cls = crate::types::type_value(vm.type_of_static(this));
    match ops::getattr_opt(vm, this, &intern("__dict__"))? {
        Some(d) => Ok(new_tuple(vec![cls, new_tuple(vec![]), d])),
        None => Ok(new_tuple(vec![cls, new_tuple(vec![])])),
    }
}

/// The `_ast` module.
pub fn new_ast_module(vm: &mut Vm) -> PyResult<Value> {
    let t = ast_types(vm)?;
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str("_ast"))?;
    dd.set(vm, new_str("__doc__"), none())?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    dd.set(vm, new_str("__loader__"), none())?;
    dd.set(vm, new_str("__spec__"), none())?;
    for (nc, cls) in generated::NODE_CLASSES.iter().zip(&t.classes) {
        dd.set(vm, intern(nc.name), cls.clone())?;
    }
    dd.set(vm, new_str("PyCF_ONLY_AST"), new_int(PYCF_ONLY_AST))?;
    dd.set(vm, new_str("PyCF_TYPE_COMMENTS"), new_int(PYCF_TYPE_COMMENTS))?;
    dd.set(vm, new_str("PyCF_ALLOW_TOP_LEVEL_AWAIT"), new_int(compile::PYCF_ALLOW_TOP_LEVEL_AWAIT))?;
    Ok(new_module("_ast", d))
}
