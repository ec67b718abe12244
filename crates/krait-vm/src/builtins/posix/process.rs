//! The process calls of `posix`: ids, the file mode mask, signals, exit,
//! CPU times, system names, the environment, random bytes, messages.

use std::ffi::CString;

use crate::builtins::bytes::{as_buffer, new_bytes};
use crate::builtins::int::new_int;
use crate::builtins::namespace::{make_struct_seq, struct_seq_type};
use crate::builtins::str::{as_str, as_str_data, new_str};
use crate::types::TypeObject;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::path::{fs_decode, fs_encode};
use super::{bind, c_int, errno_error, no_args, one_arg, positional, ssize, sys_calls};

fn id_function(vm: &mut Vm, qualname: &str, args: &[Value], kwnames: &[Value], which: usize) -> PyResult<Value> {
    no_args(vm, qualname, args, kwnames)?;
    Ok(new_int(sys_calls::ids()[which]))
}

pub fn getpid(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    id_function(vm, "posix.getpid", args, kwnames, 0)
}

pub fn getppid(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    id_function(vm, "posix.getppid", args, kwnames, 1)
}

pub fn getuid(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    id_function(vm, "posix.getuid", args, kwnames, 2)
}

pub fn geteuid(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    id_function(vm, "posix.geteuid", args, kwnames, 3)
}

pub fn getgid(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    id_function(vm, "posix.getgid", args, kwnames, 4)
}

pub fn getegid(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    id_function(vm, "posix.getegid", args, kwnames, 5)
}

pub fn getpgrp(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    id_function(vm, "posix.getpgrp", args, kwnames, 6)
}

/// `os.umask(mask, /)`: the previous mask.
pub fn umask(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mask = one_arg(vm, "posix.umask", args, kwnames)?;
    let mask = c_int(vm, mask)?;
    Ok(new_int(sys_calls::umask(mask as u32) as i64))
}

/// `os.kill(pid, signal, /)`.
pub fn kill(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "kill", kwnames)?;
    let [pid, signal] = args else {
        return Err(vm.type_error(format!("kill() takes exactly 2 arguments ({} given)", args.len())));
    };
    let pid = super::format_i(vm, pid)?;
    // The signal is a Py_ssize_t that CPython hands to kill() as an int.
    let signal = ssize(vm, signal)? as i32;
    sys_calls::kill(pid, signal).map_err(|e| errno_error(e, None, None))?;
    Ok(vm.none())
}

/// `os._exit(status)`: ends the process at once; nothing is flushed and
/// no clean-up runs.
pub fn exit(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [status] = bind(vm, "_exit", args, kwnames, ["status"], 1, 1)?;
    let status = c_int(vm, status.as_ref().expect("required"))?;
    sys_calls::exit_now(status)
}

/// `os.times_result`, made on first use.
pub fn times_result_type(vm: &mut Vm) -> PyResult<&'static TypeObject> {
    struct_seq_type(vm, "posix", "times_result", &["user", "system", "children_user", "children_system", "elapsed"])
}

/// `os.times()`: CPU and elapsed times in seconds.
pub fn times(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "posix.times", args, kwnames)?;
    let (ticks, per_second) = sys_calls::times().map_err(|e| errno_error(e, None, None))?;
    let ty = times_result_type(vm)?;
    let values = ticks.iter().map(|&t| Value::float(t as f64 / per_second as f64)).collect();
    make_struct_seq(vm, ty, values)
}

/// `os.uname_result`, made on first use.
pub fn uname_result_type(vm: &mut Vm) -> PyResult<&'static TypeObject> {
    struct_seq_type(vm, "posix", "uname_result", &["sysname", "nodename", "release", "version", "machine"])
}

/// `os.uname()`.
pub fn uname(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "posix.uname", args, kwnames)?;
    let fields = sys_calls::uname().map_err(|e| errno_error(e, None, None))?;
    let mut values = Vec::new();
    for f in &fields {
        values.push(fs_decode(vm, f)?);
    }
    let ty = uname_result_type(vm)?;
    make_struct_seq(vm, ty, values)
}

/// `os.cpu_count()`: the online processors, None if unknown.
pub fn cpu_count(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "posix.cpu_count", args, kwnames)?;
    Ok(match sys_calls::sysconf(sys_calls::SC_NPROCESSORS_ONLN) {
        Some(n) if n >= 1 => new_int(n),
        _ => vm.none(),
    })
}

/// `os.getloadavg()`.
pub fn getloadavg(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "posix.getloadavg", args, kwnames)?;
    match sys_calls::getloadavg() {
        Some(l) => Ok(crate::builtins::tuple::new_tuple(l.iter().map(|&x| Value::float(x)).collect())),
        None => Err(vm.error(&crate::builtins::exceptions::OS_ERROR, "Load averages are unobtainable")),
    }
}

/// The names `os.sysconf` knows (a few of CPython's `sysconf_names`).
const SYSCONF_NAMES: &[(&str, i32)] = &[
    ("SC_ARG_MAX", libc::_SC_ARG_MAX),
    ("SC_CHILD_MAX", libc::_SC_CHILD_MAX),
    ("SC_CLK_TCK", libc::_SC_CLK_TCK),
    ("SC_NGROUPS_MAX", libc::_SC_NGROUPS_MAX),
    ("SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF),
    ("SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN),
    ("SC_OPEN_MAX", libc::_SC_OPEN_MAX),
    ("SC_PAGESIZE", libc::_SC_PAGESIZE),
    ("SC_PAGE_SIZE", libc::_SC_PAGESIZE),
    ("SC_PHYS_PAGES", libc::_SC_PHYS_PAGES),
];

/// `os.sysconf(name, /)`: a name from `sysconf_names` or a number.
pub fn sysconf(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let name = one_arg(vm, "posix.sysconf", args, kwnames)?;
    let code = if let Some(s) = as_str(name) {
        match SYSCONF_NAMES.iter().find(|(n, _)| *n == s) {
            Some(&(_, c)) => c,
            None => return Err(vm.value_error("unrecognized configuration name")),
        }
    } else if crate::builtins::int::int_of(name).is_some() {
        c_int(vm, name)?
    } else {
        return Err(vm.type_error("configuration names must be strings or integers"));
    };
    Ok(match sys_calls::sysconf(code) {
        Some(n) => new_int(n),
        None => new_int(-1),
    })
}

/// A name or value for the environment (`PyUnicode_FSConverter`).
fn env_bytes(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<Vec<u8>> {
    let bytes = if as_str_data(v).is_some() {
        fs_encode(vm, v)?
    } else if let Some(b) = as_buffer(v) {
        b.to_vec()
    } else {
        let path = super::path::fspath(vm, v).map_err(|_| {
            let msg = format!("{fname}: expected str, bytes or os.PathLike object, not {}", vm.type_of(v).name());
            vm.type_error(msg)
        })?;
        return env_bytes(vm, fname, &path);
    };
    if bytes.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(bytes)
}

/// `os.putenv(name, value, /)`.
pub fn putenv(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional(vm, "putenv", args, kwnames, 2, 2)?;
    let name = env_bytes(vm, "putenv", &args[0])?;
    let value = env_bytes(vm, "putenv", &args[1])?;
    if name.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    let (name, value) = (CString::new(name).unwrap_or_default(), CString::new(value).unwrap_or_default());
    sys_calls::setenv(&name, &value).map_err(|e| errno_error(e, None, None))?;
    Ok(vm.none())
}

/// `os.unsetenv(name, /)`.
pub fn unsetenv(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let name = one_arg(vm, "posix.unsetenv", args, kwnames)?;
    let name = env_bytes(vm, "unsetenv", name)?;
    let name = CString::new(name).unwrap_or_default();
    sys_calls::unsetenv(&name).map_err(|e| errno_error(e, None, None))?;
    Ok(vm.none())
}

/// `os.urandom(size, /)`.
pub fn urandom(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let size = one_arg(vm, "posix.urandom", args, kwnames)?;
    let size = ssize(vm, size)?;
    if size < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    crate::builtins::bytes::with_capacity(vm, size as usize)?;
    let bytes = sys_calls::urandom(size as usize).map_err(|e| errno_error(e, None, None))?;
    Ok(new_bytes(bytes))
}

/// `os.strerror(code, /)`.
pub fn strerror(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let code = one_arg(vm, "posix.strerror", args, kwnames)?;
    let code = c_int(vm, code)?;
    Ok(new_str(&sys_calls::strerror(code)))
}

/// `os.waitstatus_to_exitcode(status)`.
pub fn waitstatus_to_exitcode(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [status] = bind(vm, "waitstatus_to_exitcode", args, kwnames, ["status"], 1, 1)?;
    let status = c_int(vm, status.as_ref().expect("required"))?;
    if libc::WIFEXITED(status) {
        return Ok(new_int(libc::WEXITSTATUS(status) as i64));
    }
    if libc::WIFSIGNALED(status) {
        return Ok(new_int(-(libc::WTERMSIG(status) as i64)));
    }
    if libc::WIFSTOPPED(status) {
        let msg = format!("process stopped by delivery of signal {}", libc::WSTOPSIG(status));
        return Err(vm.value_error(msg));
    }
    Err(vm.value_error(format!("invalid wait status: {status}")))
}

/// `waitpid(pid, options)`: `(pid, status)`; EINTR runs the signal
/// handlers and retries (PEP 475).
pub fn waitpid(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = super::positional(vm, "waitpid", args, kwnames, 2, 2)?;
    let pid = super::int_in(vm, &a[0], i32::MIN as i64, i32::MAX as i64, "Python int too large to convert to C int")?;
    let options = c_int(vm, &a[1])?;
    loop {
        match sys_calls::waitpid(pid, options) {
            Ok((p, status)) => return Ok(crate::builtins::tuple::new_tuple(vec![new_int(p), new_int(i64::from(status))])),
            Err(libc::EINTR) => crate::builtins::signal::check_signals(vm)?,
            Err(e) => return Err(super::errno_error(e, None, None)),
        }
    }
}

/// The `W*` macros of <sys/wait.h> on a wait status (`WIFEXITED(status)`,
/// ...), keyword `status` as CPython's.
fn wait_macro(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<i32> {
    let [status] = bind(vm, name, args, kwnames, ["status"], 1, 1)?;
    c_int(vm, status.as_ref().expect("required"))
}

pub fn wifstopped(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = wait_macro(vm, "WIFSTOPPED", args, kwnames)?;
    Ok(crate::builtins::singletons::bool_value(libc::WIFSTOPPED(s)))
}

pub fn wstopsig(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = wait_macro(vm, "WSTOPSIG", args, kwnames)?;
    Ok(new_int(i64::from(libc::WSTOPSIG(s))))
}

pub fn wifexited(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = wait_macro(vm, "WIFEXITED", args, kwnames)?;
    Ok(crate::builtins::singletons::bool_value(libc::WIFEXITED(s)))
}

pub fn wexitstatus(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = wait_macro(vm, "WEXITSTATUS", args, kwnames)?;
    Ok(new_int(i64::from(libc::WEXITSTATUS(s))))
}

pub fn wifsignaled(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = wait_macro(vm, "WIFSIGNALED", args, kwnames)?;
    Ok(crate::builtins::singletons::bool_value(libc::WIFSIGNALED(s)))
}

pub fn wtermsig(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let s = wait_macro(vm, "WTERMSIG", args, kwnames)?;
    Ok(new_int(i64::from(libc::WTERMSIG(s))))
}
