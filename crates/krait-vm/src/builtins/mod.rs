//! The built-in types, one module each.

pub mod bytes;
pub mod bytes_methods;
pub mod classes;
pub mod code;
pub mod codecs;
pub mod complex;
pub mod descriptors;
pub mod dict;
pub mod dict_views;
pub mod exception_group;
pub mod exceptions;
pub mod exec;
pub mod float;
pub mod float_methods;
pub mod format;
pub mod frame;
pub mod function;
pub mod functions;
pub mod generic_alias;
pub mod int;
pub mod int_methods;
pub mod iter;
pub mod itertools;
pub mod list;
pub mod listsort;
pub mod math;
pub mod memoryview;
pub mod namespace;
pub mod percent;
pub mod range;
pub mod set;
pub mod singletons;
pub mod sizeof;
pub mod slice;
pub mod sre;
pub mod str;
pub mod str_case;
pub mod str_format;
pub mod str_methods;
pub mod str_translate;
pub mod sys;
pub mod thread;
pub mod tuple;
pub mod weakref;

#[cfg(test)]
mod tests;
