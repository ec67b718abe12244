//! The file system calls of `posix` that take paths: directories, names,
//! links, permissions, times and the current directory.
//!
//! Invariants: every function binds its arguments as CPython's Argument
//! Clinic does, converts paths with `path::path_arg` and names in an
//! error the file(s) CPython names (both the source and the destination
//! for `rename`, `replace`, `link` and `symlink`).

use crate::builtins::singletons::is_none;
use crate::builtins::tuple::as_tuple;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::path::{dir_fd_arg, name_value, path_arg, PATH, PATH_OR_FD};
use super::stat::timespec_arg;
use super::sys_calls;
use super::{bind, c_int, errno_error, flag, int_in, no_args};

fn none(vm: &Vm) -> Value {
    vm.none()
}

/// `os.mkdir(path, mode=0o777, *, dir_fd=None)`.
pub fn mkdir(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [path, mode, dir_fd] = bind(vm, "mkdir", args, kwnames, ["path", "mode", "dir_fd"], 2, 1)?;
    let path = path_arg(vm, "mkdir", "path", path.as_ref(), PATH)?;
    let mode = match &mode {
        Some(m) => c_int(vm, m)? as u32,
        None => 0o777,
    };
    let dir_fd = dir_fd_arg(vm, dir_fd.as_ref())?;
    sys_calls::mkdir_at(dir_fd, path.c_path(), mode).map_err(|e| errno_error(e, path.filename(), None))?;
    Ok(none(vm))
}

/// `os.rmdir`, `os.unlink` and `os.remove`: `(path, *, dir_fd=None)`.
fn remove_entry(vm: &mut Vm, fname: &str, args: &[Value], kwnames: &[Value], directory: bool) -> PyResult<Value> {
    let [path, dir_fd] = bind(vm, fname, args, kwnames, ["path", "dir_fd"], 1, 1)?;
    let path = path_arg(vm, fname, "path", path.as_ref(), PATH)?;
    let dir_fd = dir_fd_arg(vm, dir_fd.as_ref())?;
    sys_calls::unlink_at(dir_fd, path.c_path(), directory).map_err(|e| errno_error(e, path.filename(), None))?;
    Ok(none(vm))
}

pub fn rmdir(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    remove_entry(vm, "rmdir", args, kwnames, true)
}

pub fn unlink(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    remove_entry(vm, "unlink", args, kwnames, false)
}

pub fn remove(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    remove_entry(vm, "remove", args, kwnames, false)
}

/// `os.rename` and `os.replace`: `(src, dst, *, src_dir_fd=None,
/// dst_dir_fd=None)`; on POSIX both are `renameat`.
fn rename_to(vm: &mut Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [src, dst, src_dir_fd, dst_dir_fd] = bind(vm, fname, args, kwnames, ["src", "dst", "src_dir_fd", "dst_dir_fd"], 2, 2)?;
    let src = path_arg(vm, fname, "src", src.as_ref(), PATH)?;
    let dst = path_arg(vm, fname, "dst", dst.as_ref(), PATH)?;
    let src_dir_fd = dir_fd_arg(vm, src_dir_fd.as_ref())?;
    let dst_dir_fd = dir_fd_arg(vm, dst_dir_fd.as_ref())?;
    sys_calls::rename_at(src_dir_fd, src.c_path(), dst_dir_fd, dst.c_path())
        .map_err(|e| errno_error(e, src.filename(), dst.filename()))?;
    Ok(none(vm))
}

pub fn rename(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    rename_to(vm, "rename", args, kwnames)
}

pub fn replace(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    rename_to(vm, "replace", args, kwnames)
}

/// `os.link(src, dst, *, src_dir_fd=None, dst_dir_fd=None,
/// follow_symlinks=True)`.
pub fn link(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"];
    let [src, dst, src_dir_fd, dst_dir_fd, follow] = bind(vm, "link", args, kwnames, names, 2, 2)?;
    let src = path_arg(vm, "link", "src", src.as_ref(), PATH)?;
    let dst = path_arg(vm, "link", "dst", dst.as_ref(), PATH)?;
    let src_dir_fd = dir_fd_arg(vm, src_dir_fd.as_ref())?;
    let dst_dir_fd = dir_fd_arg(vm, dst_dir_fd.as_ref())?;
    let follow = flag(vm, follow.as_ref(), true)?;
    sys_calls::link_at(src_dir_fd, src.c_path(), dst_dir_fd, dst.c_path(), follow)
        .map_err(|e| errno_error(e, src.filename(), dst.filename()))?;
    Ok(none(vm))
}

/// `os.symlink(src, dst, target_is_directory=False, *, dir_fd=None)`.
pub fn symlink(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["src", "dst", "target_is_directory", "dir_fd"];
    let [src, dst, _, dir_fd] = bind(vm, "symlink", args, kwnames, names, 3, 2)?;
    let src = path_arg(vm, "symlink", "src", src.as_ref(), PATH)?;
    let dst = path_arg(vm, "symlink", "dst", dst.as_ref(), PATH)?;
    let dir_fd = dir_fd_arg(vm, dir_fd.as_ref())?;
    sys_calls::symlink_at(src.c_path(), dir_fd, dst.c_path()).map_err(|e| errno_error(e, src.filename(), dst.filename()))?;
    Ok(none(vm))
}

/// `os.readlink(path, *, dir_fd=None)`: the target, as bytes for a bytes
/// path.
pub fn readlink(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [path, dir_fd] = bind(vm, "readlink", args, kwnames, ["path", "dir_fd"], 1, 1)?;
    let path = path_arg(vm, "readlink", "path", path.as_ref(), PATH)?;
    let dir_fd = dir_fd_arg(vm, dir_fd.as_ref())?;
    let target = sys_calls::readlink_at(dir_fd, path.c_path()).map_err(|e| errno_error(e, path.filename(), None))?;
    name_value(vm, &target, path.is_bytes)
}

/// `os.access(path, mode, *, dir_fd=None, effective_ids=False,
/// follow_symlinks=True)`: False rather than an error.
pub fn access(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"];
    let [path, mode, dir_fd, effective, follow] = bind(vm, "access", args, kwnames, names, 2, 2)?;
    let path = path_arg(vm, "access", "path", path.as_ref(), PATH)?;
    let mode = c_int(vm, mode.as_ref().expect("required"))?;
    let dir_fd = dir_fd_arg(vm, dir_fd.as_ref())?;
    let effective = flag(vm, effective.as_ref(), false)?;
    let follow = flag(vm, follow.as_ref(), true)?;
    Ok(vm.bool(sys_calls::access_at(dir_fd, path.c_path(), mode, effective, follow)))
}

/// `os.chdir(path)`: a path or an open directory's descriptor.
pub fn chdir(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [path] = bind(vm, "chdir", args, kwnames, ["path"], 1, 1)?;
    let path = path_arg(vm, "chdir", "path", path.as_ref(), PATH_OR_FD)?;
    let r = if path.is_fd() { sys_calls::fchdir(path.fd) } else { sys_calls::chdir(path.c_path()) };
    r.map_err(|e| errno_error(e, path.filename(), None))?;
    Ok(none(vm))
}

/// A descriptor given as an int or an object with `fileno()`
/// (`fildes_converter`, `PyObject_AsFileDescriptor`).
pub fn fildes(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let fd = if crate::builtins::int::int_of(v).is_some() {
        c_int(vm, v)?
    } else {
        match crate::builtins::classes::lookup_special(vm, v, "fileno")? {
            Some(_) => {
                let r = crate::ops::getattr(vm, v, &crate::builtins::str::new_str("fileno"))?;
                let r = crate::eval::call(vm, &r, &[], &[])?;
                if crate::builtins::int::int_of(&r).is_none() {
                    return Err(vm.type_error("fileno() returned a non-integer"));
                }
                c_int(vm, &r)?
            }
            None => return Err(vm.type_error("argument must be an int, or have a fileno() method.")),
        }
    };
    if fd < 0 {
        return Err(vm.value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

/// `os.fchdir(fd)`.
pub fn fchdir(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fd] = bind(vm, "fchdir", args, kwnames, ["fd"], 1, 1)?;
    let fd = fildes(vm, fd.as_ref().expect("required"))?;
    sys_calls::fchdir(fd).map_err(|e| errno_error(e, None, None))?;
    Ok(none(vm))
}

/// `os.getcwd()`.
pub fn getcwd(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "posix.getcwd", args, kwnames)?;
    let cwd = sys_calls::getcwd().map_err(|e| errno_error(e, None, None))?;
    name_value(vm, &cwd, false)
}

/// `os.getcwdb()`.
pub fn getcwdb(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "posix.getcwdb", args, kwnames)?;
    let cwd = sys_calls::getcwd().map_err(|e| errno_error(e, None, None))?;
    name_value(vm, &cwd, true)
}

/// `os.chmod(path, mode, *, dir_fd=None, follow_symlinks=True)`.
pub fn chmod(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["path", "mode", "dir_fd", "follow_symlinks"];
    let [path, mode, dir_fd, follow] = bind(vm, "chmod", args, kwnames, names, 2, 2)?;
    let path = path_arg(vm, "chmod", "path", path.as_ref(), PATH_OR_FD)?;
    let mode = c_int(vm, mode.as_ref().expect("required"))? as u32;
    let dir_fd = dir_fd_arg(vm, dir_fd.as_ref())?;
    let follow = flag(vm, follow.as_ref(), true)?;
    let r = if path.is_fd() { sys_calls::fchmod(path.fd, mode) } else { sys_calls::chmod_at(dir_fd, path.c_path(), mode, follow) };
    r.map_err(|e| errno_error(e, path.filename(), None))?;
    Ok(none(vm))
}

/// `os.fchmod(fd, mode)`.
pub fn fchmod(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fd, mode] = bind(vm, "fchmod", args, kwnames, ["fd", "mode"], 2, 2)?;
    let fd = c_int(vm, fd.as_ref().expect("required"))?;
    let mode = c_int(vm, mode.as_ref().expect("required"))? as u32;
    sys_calls::fchmod(fd, mode).map_err(|e| errno_error(e, None, None))?;
    Ok(none(vm))
}

/// `os.truncate(path, length)`.
pub fn truncate(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [path, length] = bind(vm, "truncate", args, kwnames, ["path", "length"], 2, 2)?;
    let path = path_arg(vm, "truncate", "path", path.as_ref(), PATH_OR_FD)?;
    let length = int_in(vm, length.as_ref().expect("required"), i64::MIN, i64::MAX, "Python int too large to convert to C long")?;
    let r = if path.is_fd() { sys_calls::ftruncate(path.fd, length) } else { sys_calls::truncate(path.c_path(), length) };
    r.map_err(|e| errno_error(e, path.filename(), None))?;
    Ok(none(vm))
}

/// `os.utime(path, times=None, *, ns=<unset>, dir_fd=None,
/// follow_symlinks=True)`.
pub fn utime(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["path", "times", "ns", "dir_fd", "follow_symlinks"];
    let [path, times, ns, dir_fd, follow] = bind(vm, "utime", args, kwnames, names, 2, 1)?;
    let path = path_arg(vm, "utime", "path", path.as_ref(), PATH_OR_FD)?;
    let times = times.filter(|t| !is_none(t));
    if times.is_some() && ns.is_some() {
        return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    let pair = |v: &Value| as_tuple(v).filter(|t| t.items.len() == 2).map(|t| (t.items[0].clone(), t.items[1].clone()));
    let spec = if let Some(t) = &times {
        let Some((a, m)) = pair(t) else {
            return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
        };
        Some([timespec_arg(vm, &a)?, timespec_arg(vm, &m)?])
    } else if let Some(n) = &ns {
        let Some((a, m)) = pair(n) else {
            return Err(vm.type_error("utime: 'ns' must be a tuple of two ints"));
        };
        Some([ns_split(vm, &a)?, ns_split(vm, &m)?])
    } else {
        None
    };
    let dir_fd = dir_fd_arg(vm, dir_fd.as_ref())?;
    let follow = flag(vm, follow.as_ref(), true)?;
    let r = if path.is_fd() {
        sys_calls::futimens(path.fd, spec)
    } else {
        sys_calls::utime_at(dir_fd, path.c_path(), spec, follow)
    };
    r.map_err(|e| errno_error(e, path.filename(), None))?;
    Ok(none(vm))
}

/// Nanoseconds as (seconds, nanoseconds), floored.
fn ns_split(vm: &mut Vm, v: &Value) -> PyResult<(i64, i64)> {
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    let n = crate::builtins::int::int_of(&i).map(|i| i.to_ibig()).unwrap_or_default();
    let n = i128::try_from(&n).map_err(|_| vm.overflow_error("timestamp too large to convert to C _PyTime_t"))?;
    let sec = n.div_euclid(1_000_000_000);
    let sec = i64::try_from(sec).map_err(|_| vm.overflow_error("timestamp out of range for platform time_t"))?;
    Ok((sec, n.rem_euclid(1_000_000_000) as i64))
}

/// `os.fspath(path)`.
pub fn fspath(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [path] = bind(vm, "fspath", args, kwnames, ["path"], 1, 1)?;
    super::path::fspath(vm, path.as_ref().expect("required"))
}
