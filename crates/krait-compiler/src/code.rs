//! Code objects, as the compiler produces them.
//!
//! Invariants:
//! - The compiler knows nothing of VM objects: constants are `Constant`
//!   values (the VM turns them into objects when it loads a code object).
//! - `co_code` is a sequence of 16-bit code units (see `opcode`); every
//!   instruction's argument fits its `EXTENDED_ARG` prefixes, its cache units
//!   follow it zeroed, and every jump lands on an instruction.
//! - `positions` has one entry per code unit (prefixes and caches included),
//!   as CPython's `co_positions()` yields them.
//! - `exception_table` entries are sorted, do not overlap, and cover code
//!   unit ranges `[start, end)`; the handler at `target` runs with the stack
//!   cut to `depth` (plus the offset of the raising instruction when
//!   `lasti` is set), as 3.11's zero-cost exception handling does.

use krait_syntax::ast::Int;
use krait_syntax::pystr::PyString;

/// A constant in `co_consts`.
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(Int),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Str(PyString),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    FrozenSet(Vec<Constant>),
    Code(Box<CodeObject>),
}

/// A source position, as `co_positions()` reports it (None where CPython
/// has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub lineno: Option<u32>,
    pub end_lineno: Option<u32>,
    pub col_offset: Option<u32>,
    pub end_col_offset: Option<u32>,
}

/// One entry of the exception table (offsets in code units).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// `co_flags` bits, with CPython's values.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const NOFREE: u32 = 0x0040;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
}

/// A compiled block of code: a module, class body, function or
/// comprehension.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CodeObject {
    pub co_name: String,
    pub co_qualname: String,
    pub co_filename: String,
    pub co_firstlineno: u32,
    pub co_argcount: u32,
    pub co_posonlyargcount: u32,
    pub co_kwonlyargcount: u32,
    pub co_flags: u32,
    pub co_code: Vec<u16>,
    pub co_consts: Vec<Constant>,
    pub co_names: Vec<String>,
    /// Arguments first, then the other locals.
    pub co_varnames: Vec<String>,
    pub co_cellvars: Vec<String>,
    pub co_freevars: Vec<String>,
    pub co_stacksize: u32,
    pub positions: Vec<Position>,
    pub exception_table: Vec<ExceptionTableEntry>,
}

impl CodeObject {
    /// `co_nlocals`.
    pub fn co_nlocals(&self) -> usize {
        self.co_varnames.len()
    }
}
