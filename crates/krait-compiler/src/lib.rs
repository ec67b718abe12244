//! Krait's compiler: AST -> symbol table -> bytecode in code objects.
//!
//! The stages, one module each:
//! - `codegen`: AST + symbol table -> code objects, instruction for
//!   instruction as CPython 3.11's compiler;
//! - `code`: code objects and constants;
//! - `flowgraph`: CPython 3.11's flow-graph optimizer over a unit's basic
//!   blocks, run between code generation and assembly;
//! - `assemble`: instructions with labels and handler regions -> code units,
//!   exception table, stack size;
//! - `opcode`: the instruction table, the single source of truth for the
//!   bytecode (names, numbers, caches, stack effects, branches);
//! - `tables`: CPython's byte formats for `co_linetable`, `co_lnotab` and
//!   `co_exceptiontable`;
//! - `symtable`: scopes and how each name binds in them (local, global,
//!   nonlocal, free, cell), with the syntax errors CPython's `symtable.c`
//!   raises.

pub mod assemble;
pub mod code;
pub mod codegen;
pub mod flowgraph;
pub mod opcode;
pub mod symtable;
pub mod tables;
