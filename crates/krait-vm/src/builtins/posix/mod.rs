//! The `posix` module (CPython's `Modules/posixmodule.c`), which
//! CPython's own `os.py` imports and re-exports.
//!
//! Invariants:
//! - Every system call goes through `sys_calls`, the one module with
//!   `unsafe` code; a failure becomes CPython's OSError for its errno
//!   (`errno_error`: the subclass `OSError(errno, ...)` picks, the C
//!   library's `strerror`, and the file names CPython names).
//! - Arguments are bound with the messages of each function's calling
//!   convention in CPython (Argument Clinic's keywords, METH_NOARGS,
//!   METH_O, positional-only), paths by `path::path_arg`.
//! - `environ` is a dict of bytes to bytes made once at import, as in
//!   CPython; `os.py` wraps it and calls `putenv`/`unsetenv` on changes.
//!
//! PROVISIONAL: processes (fork, exec, spawn, wait), users and groups,
//! extended attributes, scheduling and the rarer calls are not here yet;
//! see `FUNCTIONS` for what is.

mod dir;
mod fd;
mod fs;
pub(crate) mod path;
mod process;
mod stat;
pub(crate) mod sys_calls;

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::os_error;
use crate::builtins::function::new_module;
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::list::new_list;
use crate::builtins::str::new_str;
use crate::types::{type_value, CallFn};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub(crate) use crate::builtins::itertools::bind;

/// The module's functions.
const FUNCTIONS: &[(&str, CallFn)] = &[
    ("access", fs::access),
    ("chdir", fs::chdir),
    ("chmod", fs::chmod),
    ("close", fd::close),
    ("closerange", fd::closerange),
    ("cpu_count", process::cpu_count),
    ("device_encoding", fd::device_encoding),
    ("dup", fd::dup),
    ("dup2", fd::dup2),
    ("fchdir", fs::fchdir),
    ("fchmod", fs::fchmod),
    ("fspath", fs::fspath),
    ("fstat", stat::fstat),
    ("fsync", fd::fsync),
    ("ftruncate", fd::ftruncate),
    ("get_blocking", fd::get_blocking),
    ("get_inheritable", fd::get_inheritable),
    ("get_terminal_size", fd::get_terminal_size),
    ("getcwd", fs::getcwd),
    ("getcwdb", fs::getcwdb),
    ("getegid", process::getegid),
    ("geteuid", process::geteuid),
    ("getgid", process::getgid),
    ("getloadavg", process::getloadavg),
    ("getpgrp", process::getpgrp),
    ("getpid", process::getpid),
    ("getppid", process::getppid),
    ("getuid", process::getuid),
    ("isatty", fd::isatty),
    ("kill", process::kill),
    ("link", fs::link),
    ("listdir", dir::listdir),
    ("lseek", fd::lseek),
    ("lstat", stat::lstat),
    ("mkdir", fs::mkdir),
    ("open", fd::open),
    ("pipe", fd::pipe),
    ("pread", fd::pread),
    ("putenv", process::putenv),
    ("pwrite", fd::pwrite),
    ("read", fd::read),
    ("readlink", fs::readlink),
    ("remove", fs::remove),
    ("rename", fs::rename),
    ("replace", fs::replace),
    ("rmdir", fs::rmdir),
    ("scandir", dir::scandir),
    ("set_blocking", fd::set_blocking),
    ("set_inheritable", fd::set_inheritable),
    ("stat", stat::stat),
    ("strerror", process::strerror),
    ("symlink", fs::symlink),
    ("sysconf", process::sysconf),
    ("times", process::times),
    ("truncate", fs::truncate),
    ("umask", process::umask),
    ("uname", process::uname),
    ("unlink", fs::unlink),
    ("unsetenv", process::unsetenv),
    ("urandom", process::urandom),
    ("utime", fs::utime),
    ("waitpid", process::waitpid),
    ("waitstatus_to_exitcode", process::waitstatus_to_exitcode),
    ("write", fd::write),
    ("WEXITSTATUS", process::wexitstatus),
    ("WIFEXITED", process::wifexited),
    ("WIFSIGNALED", process::wifsignaled),
    ("WIFSTOPPED", process::wifstopped),
    ("WSTOPSIG", process::wstopsig),
    ("WTERMSIG", process::wtermsig),
    ("_exit", process::exit),
];

/// The `HAVE_*` names of `_have_functions`: the optional C functions
/// behind `os.supports_dir_fd`, `supports_fd` and
/// `supports_follow_symlinks`.
const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FDOPENDIR",
    "HAVE_FSTATAT",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LINKAT",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

/// The module's integer constants.
fn constants() -> Vec<(&'static str, i64)> {
    let mut c: Vec<(&'static str, i64)> = vec![
        ("F_OK", libc::F_OK as i64),
        ("R_OK", libc::R_OK as i64),
        ("W_OK", libc::W_OK as i64),
        ("X_OK", libc::X_OK as i64),
        ("SEEK_SET", libc::SEEK_SET as i64),
        ("SEEK_CUR", libc::SEEK_CUR as i64),
        ("SEEK_END", libc::SEEK_END as i64),
        ("SEEK_DATA", libc::SEEK_DATA as i64),
        ("SEEK_HOLE", libc::SEEK_HOLE as i64),
        ("TMP_MAX", 238328),
        ("WNOHANG", libc::WNOHANG as i64),
        ("WUNTRACED", libc::WUNTRACED as i64),
        ("WCONTINUED", libc::WCONTINUED as i64),
        ("WEXITED", libc::WEXITED as i64),
        ("WSTOPPED", libc::WSTOPPED as i64),
        ("WNOWAIT", libc::WNOWAIT as i64),
        ("NGROUPS_MAX", 65536),
        ("PRIO_PROCESS", libc::PRIO_PROCESS as i64),
        ("PRIO_PGRP", libc::PRIO_PGRP as i64),
        ("PRIO_USER", libc::PRIO_USER as i64),
        ("GRND_NONBLOCK", libc::GRND_NONBLOCK as i64),
        ("GRND_RANDOM", libc::GRND_RANDOM as i64),
    ];
    c.extend([
        ("O_RDONLY", libc::O_RDONLY),
        ("O_WRONLY", libc::O_WRONLY),
        ("O_RDWR", libc::O_RDWR),
        ("O_ACCMODE", libc::O_ACCMODE),
        ("O_APPEND", libc::O_APPEND),
        ("O_ASYNC", libc::O_ASYNC),
        ("O_CLOEXEC", libc::O_CLOEXEC),
        ("O_CREAT", libc::O_CREAT),
        ("O_DIRECT", libc::O_DIRECT),
        ("O_DIRECTORY", libc::O_DIRECTORY),
        ("O_DSYNC", libc::O_DSYNC),
        ("O_EXCL", libc::O_EXCL),
        ("O_FSYNC", libc::O_FSYNC),
        ("O_LARGEFILE", libc::O_LARGEFILE),
        ("O_NDELAY", libc::O_NDELAY),
        ("O_NOATIME", libc::O_NOATIME),
        ("O_NOCTTY", libc::O_NOCTTY),
        ("O_NOFOLLOW", libc::O_NOFOLLOW),
        ("O_NONBLOCK", libc::O_NONBLOCK),
        ("O_PATH", libc::O_PATH),
        ("O_RSYNC", libc::O_RSYNC),
        ("O_SYNC", libc::O_SYNC),
        ("O_TMPFILE", libc::O_TMPFILE),
        ("O_TRUNC", libc::O_TRUNC),
    ]
    .map(|(n, v)| (n, v as i64)));
    // <sysexits.h>, which the libc crate does not carry.
    c.extend([
        ("EX_OK", 0),
        ("EX_USAGE", 64),
        ("EX_DATAERR", 65),
        ("EX_NOINPUT", 66),
        ("EX_NOUSER", 67),
        ("EX_NOHOST", 68),
        ("EX_UNAVAILABLE", 69),
        ("EX_SOFTWARE", 70),
        ("EX_OSERR", 71),
        ("EX_OSFILE", 72),
        ("EX_CANTCREAT", 73),
        ("EX_IOERR", 74),
        ("EX_TEMPFAIL", 75),
        ("EX_PROTOCOL", 76),
        ("EX_NOPERM", 77),
        ("EX_CONFIG", 78),
    ]);
    c.sort_unstable_by_key(|(n, _)| *n);
    c
}

/// The `posix` module.
pub fn new_posix_module(vm: &mut Vm) -> PyResult<Value> {
    let d = crate::builtins::function::native_module_dict(vm, "posix", DOC, FUNCTIONS)?;
    let dd = as_dict(&d).expect("a dict");
    for (name, value) in constants() {
        dd.set(vm, new_str(name), new_int(value))?;
    }
    let have = HAVE_FUNCTIONS.iter().map(|n| new_str(n)).collect();
    dd.set(vm, new_str("_have_functions"), new_list(have))?;
    dd.set(vm, new_str("error"), type_value(&crate::builtins::exceptions::OS_ERROR))?;
    let env = environ(vm)?;
    dd.set(vm, new_str("environ"), env)?;
    let types = [
        ("stat_result", stat::stat_result_type(vm)?),
        ("terminal_size", fd::terminal_size_type(vm)?),
        ("uname_result", process::uname_result_type(vm)?),
        ("times_result", process::times_result_type(vm)?),
    ];
    for (name, ty) in types {
        dd.set(vm, new_str(name), type_value(ty))?;
    }
    dd.set(vm, new_str("DirEntry"), type_value(&dir::DIR_ENTRY_TYPE))?;
    Ok(new_module("posix", d))
}

/// The module's docstring (CPython's).
const DOC: &str = "This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls.";

/// `posix.environ`: the process environment at start-up, bytes to bytes.
fn environ(vm: &mut Vm) -> PyResult<Value> {
    use std::os::unix::ffi::OsStrExt;
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    for (k, v) in std::env::vars_os() {
        let key = crate::builtins::bytes::new_bytes(k.as_bytes().to_vec());
        // CPython keeps the first of duplicated names.
        if dd.get(vm, &key)?.is_none() {
            dd.set(vm, key, crate::builtins::bytes::new_bytes(v.as_bytes().to_vec()))?;
        }
    }
    Ok(d)
}

// ----- errors -----------------------------------------------------------------

/// The OSError for `errno`, naming the file(s) the call was about.
pub(crate) fn errno_error(errno: i32, filename: Option<Value>, filename2: Option<Value>) -> PyErr {
    let strerror = sys_calls::strerror(errno);
    PyErr { exception: os_error(errno as i64, &strerror, filename, filename2) }
}

// ----- argument conventions -------------------------------------------------------

/// A METH_NOARGS function called `qualname` (`posix.getcwd`).
pub(crate) fn no_args(vm: &mut Vm, qualname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("{qualname}() takes no keyword arguments")));
    }
    if !args.is_empty() {
        return Err(vm.type_error(format!("{qualname}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

/// The argument of a METH_O function called `qualname`.
pub(crate) fn one_arg<'a>(vm: &mut Vm, qualname: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("{qualname}() takes no keyword arguments")));
    }
    match args {
        [one] => Ok(one),
        _ => Err(vm.type_error(format!("{qualname}() takes exactly one argument ({} given)", args.len()))),
    }
}

/// The arguments of a function with `min..=max` positional-only
/// parameters (`_PyArg_CheckPositional`).
pub(crate) fn positional<'a>(
    vm: &mut Vm,
    name: &str,
    args: &'a [Value],
    kwnames: &[Value],
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min || n > max {
        let (how, bound) = match (n < min, min == max) {
            (_, true) => ("", min),
            (true, false) => ("at least ", min),
            (false, false) => ("at most ", max),
        };
        return Err(vm.type_error(format!("{name} expected {how}{bound} argument{}, got {n}", plural(bound))));
    }
    Ok(args)
}

/// An integer argument converted as `PyNumber_Index`, then to an i64 with
/// OverflowError `msg` outside `min..=max`.
pub(crate) fn int_in(vm: &mut Vm, v: &Value, min: i64, max: i64, msg: &str) -> PyResult<i64> {
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    let n = match int_of(&i) {
        Some(Int::Small(n)) => Some(n),
        Some(Int::Big(b)) => i64::try_from(b).ok(),
        None => None,
    };
    match n {
        Some(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(vm.overflow_error(msg)),
    }
}

/// A C `int` argument (`_PyLong_AsInt`).
pub(crate) fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    int_in(vm, v, i32::MIN as i64, i32::MAX as i64, "Python int too large to convert to C int").map(|n| n as i32)
}

/// A C `int` argument of `PyArg_ParseTuple`'s "i" format, with its
/// messages.
pub(crate) fn format_i(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    let negative = int_of(&i).is_some_and(|i| i.is_negative());
    match int_of(&i) {
        Some(Int::Small(n)) if (i32::MIN as i64..=i32::MAX as i64).contains(&n) => Ok(n),
        _ if negative => Err(vm.overflow_error("signed integer is less than minimum")),
        _ => Err(vm.overflow_error("signed integer is greater than maximum")),
    }
}

/// A `Py_ssize_t` argument.
pub(crate) fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    crate::builtins::str_methods::ssize_arg(vm, v)
}

/// A bool argument converted as `PyObject_IsTrue`, `default` when absent.
pub(crate) fn flag(vm: &mut Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => crate::ops::truthy(vm, v),
        None => Ok(default),
    }
}
