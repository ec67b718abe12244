//! Krait's compiler: AST -> symbol table -> bytecode in code objects.
//!
//! The stages, one module each:
//! - `symtable`: scopes and how each name binds in them (local, global,
//!   nonlocal, free, cell), with the syntax errors CPython's `symtable.c`
//!   raises.

pub mod symtable;
