//! Path arguments and file names (CPython's `path_converter`,
//! `PyOS_FSPath`, `PyUnicode_FSConverter` and `PyUnicode_DecodeFSDefault`).
//!
//! Invariants:
//! - A path argument is a `str` (encoded as UTF-8 with `surrogateescape`,
//!   the file system encoding), a `bytes`, any other bytes-like object
//!   (CPython 3.11 accepts those with a DeprecationWarning, which Krait
//!   does not print), an object with `__fspath__` returning one of the
//!   first two, or, where the function allows it, an int file descriptor.
//! - `PathArg::object` is what errors name as `filename`: the `str` or
//!   `bytes` after `__fspath__`, or the int given as a descriptor.
//! - File names the system returns are handed back in the type the path
//!   was given in: `bytes` for bytes, else `str` decoded with
//!   `surrogateescape`, so any name round-trips.

use std::ffi::CString;

use crate::builtins::bytes::{as_buffer, new_bytes};

use crate::builtins::codecs::{decode, encode, Codec};
use crate::builtins::singletons::is_none;
use crate::builtins::str::as_str_data;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::sys_calls::AT_FDCWD;

/// A converted path argument.
pub struct PathArg {
    /// What errors name as the file (see the module invariants); None
    /// for an absent nullable argument.
    pub object: Value,
    /// The encoded path; `None` for a file descriptor or an absent
    /// argument.
    pub c: Option<CString>,
    /// The file descriptor given instead of a path, else `AT_FDCWD`.
    pub fd: i32,
    /// The path was given as bytes (results are bytes too).
    pub is_bytes: bool,
}

impl PathArg {
    /// The encoded path (`.` for an absent nullable path).
    pub fn c_path(&self) -> &std::ffi::CStr {
        self.c.as_deref().unwrap_or(c".")
    }

    /// The file name for an error about this path (None when absent).
    pub fn filename(&self) -> Option<Value> {
        (!is_none(&self.object)).then(|| self.object.clone())
    }

    /// Was a file descriptor given rather than a path?
    pub fn is_fd(&self) -> bool {
        self.c.is_none() && self.fd != AT_FDCWD
    }
}

/// How a function takes its path argument.
#[derive(Clone, Copy)]
pub struct PathKind {
    pub allow_fd: bool,
    pub nullable: bool,
}

pub const PATH: PathKind = PathKind { allow_fd: false, nullable: false };
pub const PATH_OR_FD: PathKind = PathKind { allow_fd: true, nullable: false };
pub const PATH_OR_FD_OR_NONE: PathKind = PathKind { allow_fd: true, nullable: true };

/// `os.fspath(v)` (CPython's `PyOS_FSPath`): a `str` or `bytes` as it is,
/// else what its type's `__fspath__` returns, which must be one.
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if as_str_data(v).is_some() || crate::builtins::bytes::as_bytes(v).is_some() {
        return Ok(v.clone());
    }
    let Some(r) = crate::builtins::classes::call_dunder(vm, v, "__fspath__", &[])? else {
        let msg = format!("expected str, bytes or os.PathLike object, not {}", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    if as_str_data(&r).is_some() || crate::builtins::bytes::as_bytes(&r).is_some() {
        return Ok(r);
    }
    let msg = format!("expected {}.__fspath__() to return str or bytes, not {}", vm.type_of(v).name(), vm.type_of(&r).name());
    Err(vm.type_error(msg))
}

/// A path argument named `arg` of function `fname` (CPython's
/// `path_converter`).
pub fn path_arg(vm: &mut Vm, fname: &str, arg: &str, v: Option<&Value>, kind: PathKind) -> PyResult<PathArg> {
    let none = crate::builtins::singletons::none;
    let Some(v) = v.filter(|v| !(kind.nullable && is_none(v))) else {
        return Ok(PathArg { object: none(), c: None, fd: AT_FDCWD, is_bytes: false });
    };
    if kind.allow_fd && crate::builtins::int::int_of(v).is_some() || kind.allow_fd && vm.type_of(v).heap.is_some() && has_index(vm, v)? {
        let fd = fd_arg(vm, v)?;
        return Ok(PathArg { object: v.clone(), c: None, fd, is_bytes: false });
    }
    let is_path_type = as_str_data(v).is_some() || as_buffer(v).is_some();
    let path = if is_path_type {
        v.clone()
    } else if crate::builtins::classes::lookup_special(vm, v, "__fspath__")?.is_some() {
        fspath(vm, v)?
    } else {
        let allowed = match (kind.allow_fd, kind.nullable) {
            (true, true) => "string, bytes, os.PathLike, integer or None",
            (true, false) => "string, bytes, os.PathLike or integer",
            (false, true) => "string, bytes, os.PathLike or None",
            (false, false) => "string, bytes or os.PathLike",
        };
        let msg = format!("{fname}: {arg} should be {allowed}, not {}", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    if as_str_data(&path).is_some() {
        let bytes = fs_encode(vm, &path)?;
        let c = CString::new(bytes).map_err(|_| vm.value_error("embedded null byte"))?;
        return Ok(PathArg { object: path, c: Some(c), fd: AT_FDCWD, is_bytes: false });
    }
    let bytes = as_buffer(&path).map(|b| b.to_vec()).unwrap_or_default();
    let Ok(c) = CString::new(bytes.clone()) else {
        return Err(vm.value_error(format!("{fname}: embedded null character in {arg}")));
    };
    Ok(PathArg { object: path, c: Some(c), fd: AT_FDCWD, is_bytes: true })
}

fn has_index(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    Ok(crate::builtins::classes::lookup_special(vm, v, "__index__")?.is_some())
}

/// A file descriptor argument (`_fd_converter`): an int within C's int
/// range.
pub fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    match crate::builtins::int::int_of(&i) {
        Some(crate::builtins::int::Int::Small(n)) if n > i32::MAX as i64 => Err(vm.overflow_error("fd is greater than maximum")),
        Some(crate::builtins::int::Int::Small(n)) if n < i32::MIN as i64 => Err(vm.overflow_error("fd is less than minimum")),
        Some(crate::builtins::int::Int::Small(n)) => Ok(n as i32),
        Some(b) if b.is_negative() => Err(vm.overflow_error("fd is less than minimum")),
        _ => Err(vm.overflow_error("fd is greater than maximum")),
    }
}

/// A `str` encoded with the file system encoding (UTF-8, surrogateescape).
pub fn fs_encode(vm: &mut Vm, s: &Value) -> PyResult<Vec<u8>> {
    let data = as_str_data(s).expect("a str");
    encode(vm, data, Codec::Utf8, "surrogateescape")
}

/// Bytes from the system decoded with the file system encoding.
pub fn fs_decode(vm: &mut Vm, bytes: &[u8]) -> PyResult<Value> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(crate::builtins::str::new_str(s)),
        Err(_) => decode(vm, bytes, Codec::Utf8, "surrogateescape"),
    }
}

/// A file name from the system, as `bytes` or as `str` to match the path
/// it came from.
pub fn name_value(vm: &mut Vm, bytes: &[u8], as_bytes: bool) -> PyResult<Value> {
    if as_bytes {
        Ok(new_bytes(bytes.to_vec()))
    } else {
        fs_decode(vm, bytes)
    }
}

/// A `dir_fd` argument (`dir_fd_converter`): None is the current
/// directory.
pub fn dir_fd_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        None => Ok(AT_FDCWD),
        Some(v) if is_none(v) => Ok(AT_FDCWD),
        Some(v) if crate::builtins::int::int_of(v).is_some() || vm.type_of(v).heap.is_some() && has_index(vm, v)? => fd_arg(vm, v),
        Some(v) => {
            let msg = format!("argument should be integer or None, not {}", vm.type_of(v).name());
            Err(vm.type_error(msg))
        }
    }
}
