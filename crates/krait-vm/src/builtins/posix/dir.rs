//! `os.listdir`, `os.scandir` and its `DirEntry` objects.
//!
//! Invariants:
//! - A directory is read whole when `listdir`/`scandir` is called
//!   (`sys_calls::read_dir`), so no directory stream stays open: a
//!   `ScandirIterator` hands out the entries it read and `close()` only
//!   forgets the rest.
//! - A `DirEntry` answers `is_dir`/`is_file`/`is_symlink` from the
//!   entry's `d_type` when the system gave one, else by `stat`/`lstat`,
//!   whose results it caches as CPython's does (a missing file is
//!   "not a directory", not an error).
//! - `name` and `path` are bytes when the directory was given as bytes,
//!   else str; for a directory given as a descriptor, `path` is the name
//!   and `stat` goes through `fstatat` on that descriptor.

use std::cell::RefCell;
use std::ffi::CString;

use crate::builtins::list::new_list;
use crate::builtins::str::new_str;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{GetSetDef, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::path::{name_value, path_arg, PATH_OR_FD_OR_NONE};
use super::sys_calls::{self, RawEntry, AT_FDCWD};
use super::{bind, errno_error};

/// The directory argument of `listdir` and `scandir`: a path, a
/// descriptor or None; CPython reads a descriptor of -1 as "none given".
fn dir_arg(vm: &mut Vm, fname: &str, v: Option<&Value>) -> PyResult<super::path::PathArg> {
    let path = path_arg(vm, fname, "path", v, PATH_OR_FD_OR_NONE)?;
    if path.is_fd() && path.fd == -1 {
        return path_arg(vm, fname, "path", None, PATH_OR_FD_OR_NONE);
    }
    Ok(path)
}

/// `os.listdir(path=None)`: the names in a directory, in the system's
/// order.
pub fn listdir(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [path] = bind(vm, "listdir", args, kwnames, ["path"], 1, 0)?;
    let path = dir_arg(vm, "listdir", path.as_ref())?;
    let entries = if path.is_fd() {
        sys_calls::read_dir(None, path.fd).map_err(|e| errno_error(e, None, None))?
    } else {
        let filename = path.filename().unwrap_or_else(|| new_str("."));
        sys_calls::read_dir(Some(path.c_path()), AT_FDCWD).map_err(|e| errno_error(e, Some(filename), None))?
    };
    let mut names = Vec::with_capacity(entries.len());
    for e in &entries {
        names.push(name_value(vm, &e.name, path.is_bytes)?);
    }
    Ok(new_list(names))
}

// ----- scandir ------------------------------------------------------------------

pub struct ScandirData {
    entries: RefCell<std::vec::IntoIter<RawEntry>>,
    /// The directory's path as given (encoded), `None` for a descriptor.
    base: Option<Vec<u8>>,
    /// The descriptor given instead of a path, else `AT_FDCWD`.
    fd: i32,
    is_bytes: bool,
}

pub static SCANDIR_ITERATOR_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(scandir_next),
    methods: &[
        MethodDef { name: "close", func: scandir_close },
        MethodDef { name: "__enter__", func: |_, this, _, _| Ok(this.clone()) },
        MethodDef { name: "__exit__", func: |vm, this, _, _| {
            scandir_of(this).entries.replace(Vec::new().into_iter());
            Ok(vm.none())
        } },
    ],
    ..TypeObject::builtin("posix.ScandirIterator", Some(&OBJECT_TYPE), dealloc_scandir, crate::types::trace_nothing)
};

fn scandir_of(v: &Value) -> &ScandirData {
    // SAFETY: objects of SCANDIR_ITERATOR_TYPE are Obj<ScandirData>.
    unsafe { v.as_object().expect("a ScandirIterator").data::<ScandirData>() }
}

unsafe fn dealloc_scandir(p: ObjPtr) {
    // SAFETY: objects of SCANDIR_ITERATOR_TYPE are Obj<ScandirData>.
    unsafe { dealloc_boxed::<ScandirData>(p) }
}

/// `os.scandir(path=None)`.
pub fn scandir(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [path] = bind(vm, "scandir", args, kwnames, ["path"], 1, 0)?;
    let path = dir_arg(vm, "scandir", path.as_ref())?;
    let (entries, base) = if path.is_fd() {
        (sys_calls::read_dir(None, path.fd).map_err(|e| errno_error(e, None, None))?, None)
    } else {
        let filename = path.filename().unwrap_or_else(|| new_str("."));
        let entries =
            sys_calls::read_dir(Some(path.c_path()), AT_FDCWD).map_err(|e| errno_error(e, Some(filename), None))?;
        (entries, Some(path.c_path().to_bytes().to_vec()))
    };
    let data = ScandirData { entries: RefCell::new(entries.into_iter()), base, fd: path.fd, is_bytes: path.is_bytes };
    Ok(Value::from_owned(alloc(&SCANDIR_ITERATOR_TYPE, data)))
}

fn scandir_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = scandir_of(v);
    let Some(raw) = it.entries.borrow_mut().next() else { return Ok(None) };
    let (path_bytes, dir_fd) = match &it.base {
        Some(base) => {
            let mut p = base.clone();
            if !p.ends_with(b"/") {
                p.push(b'/');
            }
            p.extend_from_slice(&raw.name);
            (p, AT_FDCWD)
        }
        None => (raw.name.clone(), it.fd),
    };
    let name = name_value(vm, &raw.name, it.is_bytes)?;
    let path = name_value(vm, &path_bytes, it.is_bytes)?;
    let data = DirEntryData {
        name,
        path,
        c_path: CString::new(path_bytes).unwrap_or_default(),
        dir_fd,
        d_type: raw.d_type,
        ino: raw.ino,
        stat: RefCell::new(Value::NULL),
        lstat: RefCell::new(Value::NULL),
    };
    Ok(Some(Value::from_owned(alloc(&DIR_ENTRY_TYPE, data))))
}

fn scandir_close(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    super::no_args(vm, "ScandirIterator.close", args, kwnames)?;
    scandir_of(this).entries.replace(Vec::new().into_iter());
    Ok(vm.none())
}

// ----- DirEntry -----------------------------------------------------------------

pub struct DirEntryData {
    name: Value,
    path: Value,
    /// What `stat` is given: the whole path, or the name under `dir_fd`.
    c_path: CString,
    dir_fd: i32,
    d_type: u8,
    ino: u64,
    /// The cached `stat()` and `lstat()` results (NULL until asked for).
    stat: RefCell<Value>,
    lstat: RefCell<Value>,
}

pub static DIR_ENTRY_TYPE: TypeObject = TypeObject {
    repr: Slot::new(|vm, v| {
        let name = crate::ops::repr_string(vm, &entry_of(v).name)?;
        Ok(new_str(&format!("<DirEntry {name}>")))
    }),
    methods: &[
        MethodDef { name: "is_dir", func: |vm, this, a, k| test_mode(vm, this, "is_dir", a, k, libc::S_IFDIR) },
        MethodDef { name: "is_file", func: |vm, this, a, k| test_mode(vm, this, "is_file", a, k, libc::S_IFREG) },
        MethodDef { name: "is_symlink", func: is_symlink_method },
        MethodDef { name: "stat", func: stat_method },
        MethodDef { name: "inode", func: |vm, this, a, k| {
            super::no_args(vm, "DirEntry.inode", a, k)?;
            let ino = entry_of(this).ino;
            Ok(i64::try_from(ino).map(crate::builtins::int::new_int).unwrap_or_else(|_| crate::builtins::int::new_big(ino.into())))
        } },
        MethodDef { name: "__fspath__", func: |vm, this, a, k| {
            super::no_args(vm, "DirEntry.__fspath__", a, k)?;
            Ok(entry_of(this).path.clone())
        } },
    ],
    class_methods: &[MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }],
    getsets: &[
        GetSetDef { name: "name", get: |_, v| Ok(entry_of(v).name.clone()), set: None, member: true },
        GetSetDef { name: "path", get: |_, v| Ok(entry_of(v).path.clone()), set: None, member: true },
    ],
    ..TypeObject::builtin("posix.DirEntry", Some(&OBJECT_TYPE), dealloc_entry, trace_entry)
};

fn entry_of(v: &Value) -> &DirEntryData {
    // SAFETY: objects of DIR_ENTRY_TYPE are Obj<DirEntryData>.
    unsafe { v.as_object().expect("a DirEntry").data::<DirEntryData>() }
}

unsafe fn dealloc_entry(p: ObjPtr) {
    // SAFETY: objects of DIR_ENTRY_TYPE are Obj<DirEntryData>.
    unsafe { dealloc_boxed::<DirEntryData>(p) }
}

fn trace_entry(p: ObjPtr, visit: Visit) {
    // SAFETY: objects of DIR_ENTRY_TYPE are Obj<DirEntryData>.
    let e = unsafe { p.data::<DirEntryData>() };
    visit(&e.name);
    visit(&e.path);
    for v in [&*e.stat.borrow(), &*e.lstat.borrow()] {
        if !v.is_null() {
            visit(v);
        }
    }
}

/// The `follow_symlinks` keyword of `is_dir`, `is_file` and `stat`, which
/// take no positional arguments.
fn follow_arg(vm: &mut Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<bool> {
    if args.len() > kwnames.len() {
        return Err(vm.type_error(format!("{fname}() takes no positional arguments")));
    }
    let [follow] = bind(vm, fname, args, kwnames, ["follow_symlinks"], 0, 0)?;
    super::flag(vm, follow.as_ref(), true)
}

/// `stat` or `lstat` of the entry, fetched once.
fn entry_stat(vm: &mut Vm, this: &Value, follow: bool) -> PyResult<Value> {
    let e = entry_of(this);
    let cache = if follow { &e.stat } else { &e.lstat };
    if !cache.borrow().is_null() {
        return Ok(cache.borrow().clone());
    }
    let st = sys_calls::stat_at(e.dir_fd, &e.c_path, follow).map_err(|err| errno_error(err, Some(e.path.clone()), None))?;
    let v = super::stat::stat_value(vm, &st)?;
    *cache.borrow_mut() = v.clone();
    Ok(v)
}

/// `DirEntry.stat(*, follow_symlinks=True)`: a symbolic link's target's
/// status when following, else the entry's own (`lstat`).
fn stat_method(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let follow = follow_arg(vm, "stat", args, kwnames)?;
    do_stat(vm, this, follow)
}

fn do_stat(vm: &mut Vm, this: &Value, follow: bool) -> PyResult<Value> {
    if follow && is_symlink(vm, this)? {
        entry_stat(vm, this, true)
    } else {
        entry_stat(vm, this, false)
    }
}

fn is_symlink(vm: &mut Vm, this: &Value) -> PyResult<bool> {
    let e = entry_of(this);
    if e.d_type != sys_calls::DT_UNKNOWN {
        return Ok(e.d_type == sys_calls::DT_LNK);
    }
    let st = entry_stat(vm, this, false)?;
    let mode = mode_of(vm, &st)?;
    Ok(mode & libc::S_IFMT == libc::S_IFLNK)
}

fn is_symlink_method(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(vm.type_error("is_symlink() takes no arguments"));
    }
    let _ = kwnames;
    let r = is_symlink(vm, this)?;
    Ok(vm.bool(r))
}

fn mode_of(vm: &mut Vm, st: &Value) -> PyResult<u32> {
    let mode = crate::ops::getattr(vm, st, &new_str("st_mode"))?;
    Ok(mode.as_small_int().unwrap_or(0) as u32)
}

/// `is_dir`/`is_file` (CPython's `DirEntry_test_mode`): `d_type` when it
/// answers, else the mode of `stat()`, False for a missing file.
fn test_mode(vm: &mut Vm, this: &Value, fname: &str, args: &[Value], kwnames: &[Value], bits: u32) -> PyResult<Value> {
    let follow = follow_arg(vm, fname, args, kwnames)?;
    let e = entry_of(this);
    let need_stat = e.d_type == sys_calls::DT_UNKNOWN || (follow && e.d_type == sys_calls::DT_LNK);
    let r = if need_stat {
        match do_stat(vm, this, follow) {
            Ok(st) => mode_of(vm, &st)? & libc::S_IFMT == bits,
            Err(err) if vm.type_of(&err.exception).is_subtype(&crate::builtins::exceptions::FILE_NOT_FOUND_ERROR) => false,
            Err(err) => return Err(err),
        }
    } else if bits == libc::S_IFDIR {
        e.d_type == sys_calls::DT_DIR
    } else {
        e.d_type == sys_calls::DT_REG
    };
    Ok(vm.bool(r))
}
