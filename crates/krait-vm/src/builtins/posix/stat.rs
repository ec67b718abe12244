//! `os.stat_result` and `stat`/`lstat`/`fstat` (CPython's
//! `_pystat_fromstructstat`).
//!
//! Invariants: a stat_result is a struct sequence of 10 items: the seven
//! named ints, then the access, modification and change times as ints
//! (unnamed items); the times as floats and as int nanoseconds, the block
//! size, block count and device are attributes only.

use crate::builtins::float::float_of;
use crate::builtins::int::{new_big, new_int};
use crate::builtins::namespace::{make_struct_seq, struct_seq_type_with};
use crate::types::TypeObject;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::path::{dir_fd_arg, path_arg, PATH_OR_FD};
use super::{bind, errno_error, flag, sys_calls};

const FIELDS: &[&str] = &[
    "st_mode",
    "st_ino",
    "st_dev",
    "st_nlink",
    "st_uid",
    "st_gid",
    "st_size",
    "",
    "",
    "",
    "st_atime",
    "st_mtime",
    "st_ctime",
    "st_atime_ns",
    "st_mtime_ns",
    "st_ctime_ns",
    "st_blksize",
    "st_blocks",
    "st_rdev",
];

/// `os.stat_result`, made on first use.
pub fn stat_result_type(vm: &mut Vm) -> PyResult<&'static TypeObject> {
    struct_seq_type_with(vm, "os", "stat_result", FIELDS, 10, Some(fill_float_times))
}

/// A stat_result made from a sequence has its missing float times from
/// the int ones (CPython's `statresult_new`).
fn fill_float_times(values: &mut [Value]) {
    for i in 0..3 {
        if crate::builtins::singletons::is_none(&values[10 + i]) {
            values[10 + i] = values[7 + i].clone();
        }
    }
}

/// The stat_result of a `struct stat`.
pub fn stat_value(vm: &mut Vm, st: &libc::stat) -> PyResult<Value> {
    let ty = stat_result_type(vm)?;
    let times = [(st.st_atime, st.st_atime_nsec), (st.st_mtime, st.st_mtime_nsec), (st.st_ctime, st.st_ctime_nsec)];
    let mut values = vec![
        new_int(st.st_mode as i64),
        new_u64(st.st_ino),
        new_u64(st.st_dev),
        new_u64(st.st_nlink),
        new_int(st.st_uid as i64),
        new_int(st.st_gid as i64),
        new_int(st.st_size),
    ];
    values.extend(times.iter().map(|&(s, _)| new_int(s)));
    values.extend(times.iter().map(|&(s, ns)| Value::float(s as f64 + ns as f64 * 1e-9)));
    values.extend(times.iter().map(|&(s, ns)| new_big((s as i128 * 1_000_000_000 + ns as i128).into())));
    values.extend([new_int(st.st_blksize), new_int(st.st_blocks), new_u64(st.st_rdev)]);
    make_struct_seq(vm, ty, values)
}

fn new_u64(x: u64) -> Value {
    match i64::try_from(x) {
        Ok(i) => new_int(i),
        Err(_) => new_big(x.into()),
    }
}

/// `os.stat(path, *, dir_fd=None, follow_symlinks=True)`.
pub fn stat(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [path, dir_fd, follow] = bind(vm, "stat", args, kwnames, ["path", "dir_fd", "follow_symlinks"], 1, 1)?;
    let follow = flag(vm, follow.as_ref(), true)?;
    do_stat(vm, "stat", path.as_ref(), dir_fd.as_ref(), follow)
}

/// `os.lstat(path, *, dir_fd=None)`.
pub fn lstat(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [path, dir_fd] = bind(vm, "lstat", args, kwnames, ["path", "dir_fd"], 1, 1)?;
    let path = path_arg(vm, "lstat", "path", path.as_ref(), super::path::PATH)?;
    let dir_fd = dir_fd_arg(vm, dir_fd.as_ref())?;
    match sys_calls::stat_at(dir_fd, path.c_path(), false) {
        Ok(st) => stat_value(vm, &st),
        Err(e) => Err(errno_error(e, path.filename(), None)),
    }
}

fn do_stat(vm: &mut Vm, fname: &str, path: Option<&Value>, dir_fd: Option<&Value>, follow: bool) -> PyResult<Value> {
    let path = path_arg(vm, fname, "path", path, PATH_OR_FD)?;
    let dir_fd = dir_fd_arg(vm, dir_fd)?;
    if path.is_fd() && dir_fd != sys_calls::AT_FDCWD {
        return Err(vm.value_error(format!("{fname}: can't specify dir_fd without matching path")));
    }
    // CPython reads a descriptor of -1 as "no descriptor" and stats a
    // NULL path: EFAULT.
    let r = if path.is_fd() && path.fd == -1 {
        Err(libc::EFAULT)
    } else if path.is_fd() {
        sys_calls::fstat(path.fd)
    } else { sys_calls::stat_at(dir_fd, path.c_path(), follow) };
    match r {
        Ok(st) => stat_value(vm, &st),
        Err(e) => Err(errno_error(e, path.filename(), None)),
    }
}

/// `os.fstat(fd)`.
pub fn fstat(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fd] = bind(vm, "fstat", args, kwnames, ["fd"], 1, 1)?;
    let fd = super::c_int(vm, fd.as_ref().expect("required"))?;
    match sys_calls::fstat(fd) {
        Ok(st) => stat_value(vm, &st),
        Err(e) => Err(errno_error(e, None, None)),
    }
}

/// The seconds and nanoseconds of a time given as an int or a float
/// (`_PyTime_ObjectToTimespec` with `_PyTime_ROUND_FLOOR`), for `utime`.
pub fn timespec_arg(vm: &mut Vm, v: &Value) -> PyResult<(i64, i64)> {
    if let Some(x) = float_of(v) {
        if x.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let floor = x.floor();
        let mut sec = floor;
        let mut ns = ((x - floor) * 1e9).floor();
        if ns >= 1e9 {
            ns -= 1e9;
            sec += 1.0;
        }
        if !(-9.2e18..9.2e18).contains(&sec) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok((sec as i64, ns as i64));
    }
    let sec = super::int_in(vm, v, i64::MIN, i64::MAX, "timestamp out of range for platform time_t")?;
    Ok((sec, 0))
}
