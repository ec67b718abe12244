//! The `_posixsubprocess` module that CPython's `subprocess.py` uses on
//! POSIX: `fork_exec`, which starts a child process (CPython's
//! Modules/_posixsubprocess.c, 3.11's signature).
//!
//! Invariants:
//! - Every argument is converted, and every C string the child needs is
//!   built, here in the parent before the fork (`child::Plan`); an error in
//!   this step is raised in the parent and nothing forks.
//! - The parent learns whether the exec happened only through
//!   `errpipe_read`, which `subprocess.py` reads: `fork_exec` returns the
//!   pid as soon as the fork succeeded.
//! - `preexec_fn` runs Python code in the child between fork and exec, as
//!   CPython does (with CPython's warning: unsafe if threads hold locks);
//!   Krait runs one interpreter thread, so nothing else holds the VM.

mod child;

use std::ffi::CString;

use crate::builtins::bytes::as_bytes;
use crate::builtins::int::{int_of, Int};
use crate::builtins::singletons::is_none;
use crate::builtins::str::as_str_data;
use crate::types::CallFn;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use child::CStrArray;

/// `fork_exec(args, executable_list, close_fds, pass_fds, cwd, env,
/// p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read,
/// errpipe_write, restore_signals, call_setsid, pgid_to_set, gid,
/// extra_groups, uid, child_umask, preexec_fn, allow_vfork)`: the child's
/// pid.
fn fork_exec(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "fork_exec", kwnames)?;
    if args.len() != 23 {
        return Err(vm.type_error(format!("fork_exec() takes exactly 23 arguments ({} given)", args.len())));
    }
    let close_fds = crate::ops::truthy(vm, &args[2])?;
    let Some(keep) = crate::builtins::tuple::as_tuple(&args[3]) else {
        let msg = format!("fork_exec() argument 4 must be tuple, not {}", vm.type_of(&args[3]).name());
        return Err(vm.type_error(msg));
    };
    let keep: Vec<Value> = keep.items.clone();
    let mut ints = [0i32; 8];
    for (slot, v) in ints.iter_mut().zip(&args[6..14]) {
        *slot = crate::builtins::posix::format_i(vm, v)? as i32;
    }
    let [p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write] = ints;
    let restore_signals = crate::ops::truthy(vm, &args[14])?;
    let call_setsid = crate::ops::truthy(vm, &args[15])?;
    let pgid_to_set = crate::builtins::posix::c_int(vm, &args[16])?;
    let child_umask = crate::builtins::posix::format_i(vm, &args[20])? as i32;
    let preexec_fn = args[21].clone();
    let _allow_vfork = crate::ops::truthy(vm, &args[22])?;

    if close_fds && errpipe_write < 3 {
        return Err(vm.value_error("errpipe_write must be >= 3"));
    }
    let Some(fds_to_keep) = sorted_fds(&keep) else {
        return Err(vm.value_error("bad value(s) in fds_to_keep"));
    };
    let executables = bytes_array(vm, &args[1])?;
    let argv = if is_none(&args[0]) { None } else { Some(argv_array(vm, &args[0])?) };
    let envp = if is_none(&args[5]) { None } else { Some(bytes_array(vm, &args[5])?) };
    let cwd = if is_none(&args[4]) { None } else { Some(fs_converter(vm, &args[4])?) };
    let extra_groups = if is_none(&args[18]) { None } else { Some(groups(vm, &args[18])?) };
    let gid = if is_none(&args[17]) { None } else { Some(id_arg(vm, &args[17], "gid")?) };
    let uid = if is_none(&args[19]) { None } else { Some(id_arg(vm, &args[19], "uid")?) };

    let plan = child::Plan {
        executables,
        argv,
        envp,
        cwd,
        p2cread,
        p2cwrite,
        c2pread,
        c2pwrite,
        errread,
        errwrite,
        errpipe_read,
        errpipe_write,
        close_fds,
        restore_signals,
        call_setsid,
        pgid_to_set,
        gid,
        extra_groups,
        uid,
        child_umask,
        fds_to_keep,
    };
    let result = if is_none(&preexec_fn) {
        child::fork_exec(&plan, None)
    } else {
        // In the child only: an exception is reported as CPython's
        // "Exception occurred in preexec_fn." and the child exits.
        let mut hook = || crate::eval::call(vm, &preexec_fn, &[], &[]).is_ok();
        child::fork_exec(&plan, Some(&mut hook))
    };
    match result {
        Ok(pid) => Ok(crate::builtins::int::new_int(i64::from(pid))),
        Err(errno) => Err(crate::builtins::posix::errno_error(errno, None, None)),
    }
}

/// `pass_fds` as the child uses it: ints in `0..=INT_MAX`, strictly
/// increasing (CPython's `_sanity_check_python_fd_sequence`).
fn sorted_fds(keep: &[Value]) -> Option<Vec<i32>> {
    let mut out: Vec<i32> = Vec::with_capacity(keep.len());
    for v in keep {
        let Some(Int::Small(fd)) = int_of(v) else {
            return None;
        };
        if fd < 0 || fd > i64::from(i32::MAX) || out.last().is_some_and(|&prev| i64::from(prev) >= fd) {
            return None;
        }
        out.push(fd as i32);
    }
    Some(out)
}

/// A sequence of `bytes` as C strings (`_PySequence_BytesToCharpArray`).
fn bytes_array(vm: &mut Vm, seq: &Value) -> PyResult<CStrArray> {
    let n = crate::ops::len(vm, seq)?;
    let mut strings = Vec::with_capacity(n);
    for i in 0..n {
        let item = crate::ops::getitem(vm, seq, &crate::builtins::int::new_int(i as i64))?;
        let Some(b) = as_bytes(&item) else {
            let msg = format!("expected bytes, {} found", vm.type_of(&item).name());
            return Err(vm.type_error(msg));
        };
        strings.push(CString::new(b.to_vec()).map_err(|_| vm.value_error("embedded null byte"))?);
    }
    Ok(CStrArray::new(strings))
}

/// `args`: any iterable, each item a path-like converted by
/// `PyUnicode_FSConverter`.
fn argv_array(vm: &mut Vm, seq: &Value) -> PyResult<CStrArray> {
    let items = if let Some(t) = crate::builtins::tuple::as_tuple(seq) {
        t.items.clone()
    } else if let Some(l) = crate::builtins::list::as_list(seq) {
        l.items.borrow().clone()
    } else {
        match crate::ops::collect(vm, seq) {
            Ok(items) => items,
            Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::TYPE_ERROR) => {
                return Err(vm.type_error("argv must be a tuple"))
            }
            Err(e) => return Err(e),
        }
    };
    let mut strings = Vec::with_capacity(items.len());
    for item in &items {
        strings.push(fs_converter(vm, item)?);
    }
    Ok(CStrArray::new(strings))
}

/// `PyUnicode_FSConverter`: a str (encoded UTF-8 with surrogateescape),
/// bytes or path-like object as a C string.
fn fs_converter(vm: &mut Vm, v: &Value) -> PyResult<CString> {
    let path = crate::builtins::posix::path::fspath(vm, v)?;
    let bytes = if as_str_data(&path).is_some() {
        crate::builtins::posix::path::fs_encode(vm, &path)?
    } else {
        as_bytes(&path).map(<[u8]>::to_vec).unwrap_or_default()
    };
    CString::new(bytes).map_err(|_| vm.value_error("embedded null byte"))
}

/// `extra_groups`: a list of group ids.
fn groups(vm: &mut Vm, v: &Value) -> PyResult<Vec<libc::gid_t>> {
    let Some(list) = crate::builtins::list::as_list(v) else {
        return Err(vm.type_error("setgroups argument must be a list"));
    };
    let items = list.items.borrow().clone();
    if items.len() > 65536 {
        return Err(vm.value_error("too many extra_groups"));
    }
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        if int_of(item).is_none() {
            return Err(vm.type_error("groups must be integers"));
        }
        out.push(id_arg(vm, item, "gid")?);
    }
    Ok(out)
}

/// A user or group id (`_Py_Uid_Converter`/`_Py_Gid_Converter`): an int
/// in the id type's range, or -1.
fn id_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<u32> {
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("{what} should be integer, not {}", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    match int_of(&i) {
        Some(Int::Small(-1)) => Ok(u32::MAX),
        Some(Int::Small(n)) if (0..i64::from(u32::MAX)).contains(&n) => Ok(n as u32),
        Some(i) if i.is_negative() => Err(vm.overflow_error(format!("{what} is less than minimum"))),
        _ => Err(vm.overflow_error(format!("{what} is greater than maximum"))),
    }
}

const FUNCTIONS: &[(&str, CallFn)] = &[("fork_exec", fork_exec)];

/// The `_posixsubprocess` module.
pub fn new_posixsubprocess_module(vm: &mut Vm) -> PyResult<Value> {
    let doc = "A POSIX helper for the subprocess module.";
    let d = crate::builtins::function::native_module_dict(vm, "_posixsubprocess", doc, FUNCTIONS)?;
    Ok(crate::builtins::function::new_module("_posixsubprocess", d))
}
