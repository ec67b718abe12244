//! Krait's front end: source text -> tokens -> AST, with CPython 3.11's
//! syntax errors.
//!
//! The pipeline, one module per stage:
//! - `source`: bytes -> text (PEP 263 coding declarations, UTF-8 BOM);
//! - `tokenizer`: text -> tokens (kind + byte range, `token`);
//! - `parser`: tokens -> `ast` (hand-written recursive descent named after
//!   the grammar rules of CPython's `Grammar/python.gram`);
//! - `error`: `SyntaxError`/`IndentationError`/`TabError` with CPython's
//!   messages and positions.

pub mod ast;
pub mod error;
pub mod literals;
pub mod parser;
pub mod pystr;
pub mod repr;
pub mod source;
pub mod text;
pub mod token;
pub mod tokenizer;
pub mod ucd;
pub mod unicode;

pub use error::{SyntaxError, SyntaxErrorKind};
pub use text::{LineIndex, TextRange};
