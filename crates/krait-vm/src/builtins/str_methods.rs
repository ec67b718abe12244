//! The methods of `str` (CPython's `Objects/unicodeobject.c`, in
//! behaviour).

use crate::types::MethodDef;

/// `str`'s method table.
pub static METHODS: &[MethodDef] = &[
    MethodDef { name: "__format__", func: crate::builtins::format::builtin_format_method },
    MethodDef { name: "format", func: crate::builtins::str_format::str_format },
    MethodDef { name: "format_map", func: crate::builtins::str_format::str_format_map },
];
