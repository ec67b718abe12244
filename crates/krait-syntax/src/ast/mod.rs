//! The abstract syntax tree, shaped as CPython 3.11's `Parser/Python.asdl`.
//!
//! Invariants: node kinds and field names are CPython's (generated into
//! `nodes.rs` by `scripts/gen_ast.py`); every node CPython gives positions to
//! carries a `range` into the decoded source, from which `lineno`,
//! `col_offset`, `end_lineno` and `end_col_offset` derive; `dump` prints
//! exactly what `ast.dump(tree, include_attributes=True)` prints.

mod dump;
pub mod dumper;
mod nodes;

pub use dumper::dump;
pub use nodes::*;

use crate::pystr::PyString;

/// An identifier, NFKC-normalised as CPython stores it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Identifier(pub Box<str>);

impl Identifier {
    pub fn new(s: &str) -> Self {
        Identifier(s.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Identifier {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Identifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &*self.0)
    }
}

/// An integer literal's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Int {
    Small(i64),
    Big(Box<dashu_int::UBig>),
}

/// The value of a `Constant` node (and of `MatchSingleton`).
#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(Int),
    Float(f64),
    /// A complex literal is always imaginary (`2j`); the real part is 0.0.
    Complex { real: f64, imag: f64 },
    Str(PyString),
    Bytes(Vec<u8>),
}
