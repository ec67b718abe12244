//! Names as a frame sees them: namespace lookups for the `*_NAME`
//! instructions, the errors for unbound names and cells, and what
//! `locals()`, `globals()`, a class body and zero-argument `super()` read
//! from the running frame.
//!
//! Invariants:
//! - A namespace that is an exact dict is read directly; any other mapping
//!   through `__getitem__`, where KeyError means absent.
//! - Localsplus slots are ordered as the compiler lays them out:
//!   `co_varnames`, then cell variables that are not parameters, then
//!   `co_freevars`.

use super::calls::push_frame;
use super::{run, CodeRef};
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::{NAME_ERROR, UNBOUND_LOCAL_ERROR};
use crate::builtins::function::as_cell;
use crate::ops;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Reading or deleting an empty cell (CPython's `format_exc_unbound`): a
/// cell variable of this code is an unbound local, a free variable a
/// NameError.
pub(super) fn unbound_deref(vm: &mut Vm, co: &krait_compiler::code::CodeObject, index: usize) -> PyErr {
    let name = localsplus_name(co, index);
    if co.co_cellvars.contains(&name) {
        let msg = format!("cannot access local variable '{name}' where it is not associated with a value");
        vm.error(&UNBOUND_LOCAL_ERROR, msg)
    } else {
        let msg = format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope");
        vm.error(&NAME_ERROR, msg)
    }
}

/// Look a name up in a namespace: an exact dict directly, any other
/// mapping through `__getitem__`, whose KeyError means absent (CPython's
/// LOAD_NAME and LOAD_CLASSDEREF).
pub(super) fn namespace_get(vm: &mut Vm, ns: &Value, key: &Value) -> PyResult<Option<Value>> {
    if std::ptr::eq(vm.type_of(ns), &crate::builtins::dict::DICT_TYPE) {
        return as_dict(ns).expect("a dict").get(vm, key);
    }
    if ns.is_null() {
        return Ok(None);
    }
    match ops::getitem(vm, ns, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::KEY_ERROR) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Look a name up in a dict value.
pub(super) fn dict_get(vm: &mut Vm, d: &Value, key: &Value) -> PyResult<Option<Value>> {
    match as_dict(d) {
        Some(dd) => dd.get(vm, key),
        None => Ok(None),
    }
}

/// `LOAD_GLOBAL` without a cache hit: the globals, then the builtins.
/// When either is not an exact dict, look-ups are `getitem` (so a dict
/// subclass's `__missing__` answers) and the site is not specialized
/// (CPython 3.11's `LOAD_GLOBAL`); the flag says whether it may be.
#[cold]
pub(super) fn load_global_slow(vm: &mut Vm, globals: &Value, builtins: &Value, name: &Value) -> PyResult<(Value, bool)> {
    let exact = |d: &Value| d.as_object().is_some_and(|p| std::ptr::eq(p.type_ptr(), &crate::builtins::dict::DICT_TYPE));
    if exact(globals) && exact(builtins) {
        let found = match dict_get(vm, globals, name)? {
            Some(v) => Some(v),
            None => dict_get(vm, builtins, name)?,
        };
        return match found {
            Some(v) => Ok((v, true)),
            None => Err(name_error(vm, name)),
        };
    }
    for d in [globals, builtins] {
        match crate::ops::getitem(vm, d, name) {
            Ok(v) => return Ok((v, false)),
            Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::KEY_ERROR) => {}
            Err(e) => return Err(e),
        }
    }
    Err(name_error(vm, name))
}

#[cold]
pub(super) fn name_error(vm: &mut Vm, name: &Value) -> PyErr {
    crate::builtins::suggestions::name_error(vm, name)
}

/// The name of localsplus slot `i` (locals, non-parameter cells, frees).
pub(super) fn localsplus_name(co: &krait_compiler::code::CodeObject, i: usize) -> String {
    localsplus_name_of(co, i).unwrap_or_else(|| "?".to_string())
}

/// The name of localsplus slot `i`, if there is one (`code._varname_from_oparg`).
pub(crate) fn localsplus_name_of(co: &krait_compiler::code::CodeObject, i: usize) -> Option<String> {
    let mut names: Vec<&String> = co.co_varnames.iter().collect();
    names.extend(co.co_cellvars.iter().filter(|c| !co.co_varnames.contains(c)));
    names.extend(co.co_freevars.iter());
    names.get(i).map(|n| n.to_string())
}

/// Run a class body (`func`, made from its code) with `ns` as its
/// namespace; returns what the body returns (the `__class__` cell or None).
pub fn run_class_body(vm: &mut Vm, func: &Value, ns: Value) -> PyResult<Value> {
    push_frame(vm, func, Vec::new(), &[])?;
    vm.frames.last_mut().expect("the class body's frame").locals = ns;
    let entry = vm.frames.len();
    run(vm, entry)
}

/// `locals()` of the running Python frame: its namespace for a module or
/// class body, else a new dict of its bound local and cell variables.
pub fn current_locals(vm: &mut Vm) -> PyResult<Value> {
    let Some(frame) = vm.frames.last() else { return Ok(new_dict()) };
    if !frame.locals.is_null() {
        return Ok(frame.locals.clone());
    }
    let index = vm.frames.len() - 1;
    crate::builtins::frame::running_frame_locals(vm, index)
}

/// The globals of the running Python frame.
pub fn current_globals(vm: &Vm) -> Option<Value> {
    vm.frames.last().map(|f| f.globals.clone())
}

/// Zero-argument `super()`: the running frame's `__class__` cell and its
/// first argument (CPython's `super_init_without_args`).
pub fn super_arguments(vm: &mut Vm) -> PyResult<(Value, Value)> {
    use crate::builtins::exceptions::RUNTIME_ERROR;
    let Some(frame) = vm.frames.last() else {
        return Err(vm.error(&RUNTIME_ERROR, "super(): no current frame"));
    };
    let code = CodeRef::of(&frame.code).get();
    let co = &code.co;
    if co.co_argcount == 0 {
        return Err(vm.error(&RUNTIME_ERROR, "super(): no arguments"));
    }
    let base = frame.base;
    let mut first = vm.stack[base].clone();
    if co.co_cellvars.iter().any(|c| *c == co.co_varnames[0]) {
        if let Some(cell) = as_cell(&first) {
            let content = cell.content.borrow().clone();
            first = content;
        }
    }
    if first.is_null() {
        return Err(vm.error(&RUNTIME_ERROR, "super(): arg[0] deleted"));
    }
    let Some(i) = co.co_freevars.iter().position(|f| f == "__class__") else {
        return Err(vm.error(&RUNTIME_ERROR, "super(): __class__ cell not found"));
    };
    let nonparam_cells = co.co_cellvars.iter().filter(|c| !co.co_varnames.contains(c)).count();
    let slot = base + co.co_varnames.len() + nonparam_cells + i;
    let cls = as_cell(&vm.stack[slot]).map(|c| c.content.borrow().clone()).unwrap_or(Value::NULL);
    if cls.is_null() {
        return Err(vm.error(&RUNTIME_ERROR, "super(): empty __class__ cell"));
    }
    Ok((cls, first))
}
