//! The built-in types, one module each.

pub mod exceptions;
pub mod float;
pub mod int;
pub mod singletons;
pub mod str;
