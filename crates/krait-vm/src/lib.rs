//! Krait's virtual machine.
//!
//! The layers, bottom up:
//! - `value`: a Python value in one machine word (NaN-boxing): floats and
//!   small ints are immediates, everything else a pointer to a heap object;
//! - `object`: the header every heap object starts with (reference count,
//!   type), allocation, and the reference counting `Value` performs on
//!   clone and drop;
//! - `types`: type objects and the slots operations dispatch through;
//! - `vm`: the interpreter context and `PyErr`;
//! - `builtins`: the built-in types, one module each;
//! - `eval`: the evaluation loop (frames on one contiguous stack);
//! - `generator`: frames that suspend (`yield`) and resume;
//! - `import`: the import system (`sys.modules`, `sys.path`, source modules);
//! - `run`: running a program as `__main__` and printing tracebacks;
//! - `ops`: the abstract operations (binary operators, comparisons, `repr`,
//!   `hash`, truth) with CPython's dispatch rules.

pub mod builtins;
pub mod config;
pub mod eval;
pub mod finalize;
pub mod generator;
pub mod generator_async;
pub mod generator_origin;
pub mod import;
pub mod import_protocol;
pub mod object;
pub mod ops;
pub mod run;
pub mod stack_guard;
pub mod trace;
pub mod types;
pub mod value;
pub mod vm;
