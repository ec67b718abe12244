//! The `_posixsubprocess` module that CPython's `subprocess.py` imports on
//! POSIX: only its name, so that `subprocess` (and asyncio, which imports
//! it) can be imported.
//!
//! Invariant: `fork_exec` raises NotImplementedError naming what is
//! missing; nothing forks.
//!
//! PROVISIONAL: starting processes is not built yet.

use crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR;
use crate::types::CallFn;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

fn fork_exec(vm: &mut Vm, _: &Value, _: &[Value], _: &[Value]) -> PyResult<Value> {
    Err(vm.error(&NOT_IMPLEMENTED_ERROR, "_posixsubprocess.fork_exec: starting a child process is not implemented in Krait"))
}

const FUNCTIONS: &[(&str, CallFn)] = &[("fork_exec", fork_exec)];

/// The `_posixsubprocess` module.
pub fn new_posixsubprocess_module(vm: &mut Vm) -> PyResult<Value> {
    let doc = "A POSIX helper for the subprocess module.";
    let d = crate::builtins::function::native_module_dict(vm, "_posixsubprocess", doc, FUNCTIONS)?;
    Ok(crate::builtins::function::new_module("_posixsubprocess", d))
}
