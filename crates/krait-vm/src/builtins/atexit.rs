//! The `atexit` module (CPython's `Modules/atexitmodule.c`): functions to
//! call when the interpreter shuts down.
//!
//! Invariants:
//! - Callbacks run last registered first, once, from `run_exitfuncs`
//!   (which shutdown calls before clearing `__main__`); each is removed
//!   before it is called.
//! - A callback's exception, SystemExit included, is reported as
//!   "Exception ignored in atexit callback: FUNC" and the next one runs.

use std::cell::RefCell;

use crate::builtins::function::new_module;
use crate::builtins::int::new_int;
use crate::builtins::singletons::none;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A registered call: the function, its positional arguments and its
/// keyword arguments (names and values).
struct Callback {
    func: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
}

thread_local! {
    static CALLBACKS: RefCell<Vec<Callback>> = const { RefCell::new(Vec::new()) };
}

/// `atexit.register(func, *args, **kwargs)`: returns `func`.
fn register(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if npos == 0 {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    }
    let func = args[0].clone();
    if !crate::ops::is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let cb = Callback { func: func.clone(), args: args[1..].to_vec(), kwnames: kwnames.to_vec() };
    CALLBACKS.with(|c| c.borrow_mut().push(cb));
    Ok(func)
}

/// `atexit.unregister(func)`: drops every registration of a function
/// equal to `func`.
fn unregister(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "unregister", kwnames)?;
    let [func] = args else {
        let msg = format!("atexit.unregister() takes exactly one argument ({} given)", args.len());
        return Err(vm.type_error(msg));
    };
    let mut i = 0;
    loop {
        let Some(f) = CALLBACKS.with(|c| c.borrow().get(i).map(|cb| cb.func.clone())) else { break };
        if crate::builtins::tuple::item_equals(vm, &f, func)? {
            CALLBACKS.with(|c| {
                let mut c = c.borrow_mut();
                if c.get(i).is_some_and(|cb| cb.func.is(&f)) {
                    c.remove(i);
                }
            });
        } else {
            i += 1;
        }
    }
    Ok(none())
}

/// Call the registered functions, last first, reporting their errors.
pub fn run_exitfuncs(vm: &mut Vm) {
    while let Some(cb) = CALLBACKS.with(|c| c.borrow_mut().pop()) {
        if let Err(e) = crate::eval::call(vm, &cb.func, &cb.args, &cb.kwnames) {
            crate::run::write_unraisable_msg(vm, &e, "Exception ignored in atexit callback", &cb.func);
        }
    }
}

pub fn new_atexit_module(vm: &mut Vm) -> PyResult<Value> {
    const DOC: &str = "Functions to call when the interpreter exits: register and unregister.";
    let functions: [(&'static str, crate::types::CallFn); 5] = [
        ("register", register),
        ("unregister", unregister),
        ("_run_exitfuncs", |vm, _, _, _| {
            run_exitfuncs(vm);
            Ok(none())
        }),
        ("_clear", |_, _, _, _| {
            let old = CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()));
            drop(old);
            Ok(none())
        }),
        ("_ncallbacks", |_, _, _, _| Ok(new_int(CALLBACKS.with(|c| c.borrow().len()) as i64))),
    ];
    let d = crate::builtins::function::native_module_dict(vm, "atexit", DOC, &functions)?;
    Ok(new_module("atexit", d))
}
