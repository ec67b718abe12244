//! The built-in `sys` module: what Krait has of it so far (`argv`, `exit`,
//! the recursion limit). The rest arrives with the command-line and
//! built-in types issues.

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::RECURSION_ERROR;
use crate::builtins::function::new_module;
use crate::builtins::int::new_int;
use crate::builtins::list::new_list;
use crate::builtins::singletons::is_none;
use crate::builtins::str::new_str;
use crate::builtins::tuple::as_tuple;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A new `sys` module.
pub fn new_sys_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    let argv = new_list(vm.argv.iter().map(|a| new_str(a)).collect());
    dd.set(vm, new_str("argv"), argv)?;
    dd.set(vm, new_str("modules"), vm.sys_modules.clone())?;
    dd.set(vm, new_str("path"), vm.sys_path.clone())?;
    let functions: [(&'static str, crate::types::CallFn); 3] =
        [("exit", exit), ("getrecursionlimit", getrecursionlimit), ("setrecursionlimit", setrecursionlimit)];
    for (name, f) in functions {
        dd.set(vm, new_str(name), crate::builtins::function::new_builtin(name, f))?;
    }
    Ok(new_module("sys", d))
}

/// `sys.exit([status])`: raise SystemExit(status).
fn exit(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "exit", kwnames)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("exit expected at most 1 argument, got {}", args.len())));
    }
    use crate::builtins::exceptions::{exception_with_args, SYSTEM_EXIT};
    // PyErr_SetObject's rule: None means no arguments, a tuple its items.
    let args = match args {
        [x] if is_none(x) => Vec::new(),
        [x] if as_tuple(x).is_some() => as_tuple(x).map(|t| t.items.clone()).unwrap_or_default(),
        _ => args.to_vec(),
    };
    Err(PyErr { exception: exception_with_args(&SYSTEM_EXIT, args) })
}

/// `sys.getrecursionlimit()`.
fn getrecursionlimit(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "getrecursionlimit", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("sys.getrecursionlimit() takes no arguments ({} given)", args.len())));
    }
    Ok(new_int(i64::from(vm.recursion_limit)))
}

/// `sys.setrecursionlimit(limit)`: refused below 1, or at or below the
/// current depth (Python frames plus this call, as CPython counts).
fn setrecursionlimit(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "setrecursionlimit", kwnames)?;
    let [limit] = args else {
        return Err(vm.type_error(format!("sys.setrecursionlimit() takes exactly one argument ({} given)", args.len())));
    };
    use crate::builtins::int::{int_of, Int};
    let limit = match int_of(limit) {
        Some(Int::Small(i)) => i32::try_from(i).ok(),
        Some(Int::Big(b)) => i32::try_from(b).ok(),
        None => {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(limit).name);
            return Err(vm.type_error(msg));
        }
    };
    let Some(limit) = limit else {
        return Err(vm.error(&crate::builtins::exceptions::OVERFLOW_ERROR, "Python int too large to convert to C int"));
    };
    if limit < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.frames.len() + 1;
    if depth >= limit as usize {
        let msg = format!("cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low");
        return Err(vm.error(&RECURSION_ERROR, msg));
    }
    vm.recursion_limit = limit as u32;
    Ok(crate::builtins::singletons::none())
}
