//! The file descriptor calls of `posix`: open, close, read, write, seek,
//! duplicate, pipes, flags and terminals.
//!
//! Invariants: descriptors `open`, `dup` and `pipe` make are not
//! inherited by child processes (`O_CLOEXEC`), as PEP 446 has it in
//! CPython; nothing here owns a descriptor, so none is closed behind the
//! program's back.

use crate::builtins::signal::retry_eintr;
use crate::builtins::bytes::{buffer_arg, new_bytes};
use crate::builtins::int::new_int;
use crate::builtins::namespace::{make_struct_seq, struct_seq_type};
use crate::builtins::str::new_str;
use crate::builtins::tuple::new_tuple;
use crate::types::TypeObject;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

use super::path::{dir_fd_arg, path_arg, PATH};
use super::{bind, c_int, errno_error, int_in, one_arg, positional, ssize, sys_calls};

/// `os.open(path, flags, mode=0o777, *, dir_fd=None)`: a new descriptor.
pub fn open(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [path, flags, mode, dir_fd] = bind(vm, "open", args, kwnames, ["path", "flags", "mode", "dir_fd"], 3, 2)?;
    let path = path_arg(vm, "open", "path", path.as_ref(), PATH)?;
    let flags = c_int(vm, flags.as_ref().expect("required"))?;
    let mode = match &mode {
        Some(m) => c_int(vm, m)? as u32,
        None => 0o777,
    };
    let dir_fd = dir_fd_arg(vm, dir_fd.as_ref())?;
    let fd = sys_calls::open_at(dir_fd, path.c_path(), flags | libc::O_CLOEXEC, mode)
        .map_err(|e| errno_error(e, path.filename(), None))?;
    Ok(new_int(fd as i64))
}

/// `os.close(fd)`.
pub fn close(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fd] = bind(vm, "close", args, kwnames, ["fd"], 1, 1)?;
    let fd = c_int(vm, fd.as_ref().expect("required"))?;
    sys_calls::close(fd).map_err(|e| errno_error(e, None, None))?;
    Ok(vm.none())
}

/// `os.closerange(fd_low, fd_high, /)`: errors are ignored.
pub fn closerange(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional(vm, "closerange", args, kwnames, 2, 2)?;
    let low = c_int(vm, &args[0])?.max(0);
    let high = c_int(vm, &args[1])?;
    for fd in low..high {
        let _ = sys_calls::close(fd);
    }
    Ok(vm.none())
}

/// `os.read(fd, length, /)`.
pub fn read(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional(vm, "read", args, kwnames, 2, 2)?;
    let fd = c_int(vm, &args[0])?;
    let length = ssize(vm, &args[1])?;
    if length < 0 {
        return Err(errno_error(libc::EINVAL, None, None));
    }
    let mut buf = crate::builtins::bytes::with_capacity(vm, length as usize)?;
    buf.resize(length as usize, 0);
    let n = retry_eintr(vm, || sys_calls::read(fd, &mut buf))?.map_err(|e| errno_error(e, None, None))?;
    buf.truncate(n);
    Ok(new_bytes(buf))
}

/// `os.write(fd, data, /)`: the number of bytes written.
pub fn write(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional(vm, "write", args, kwnames, 2, 2)?;
    let fd = c_int(vm, &args[0])?;
    let data = buffer_arg(vm, &args[1])?.to_vec();
    let n = retry_eintr(vm, || sys_calls::write(fd, &data))?.map_err(|e| errno_error(e, None, None))?;
    Ok(new_int(n as i64))
}

/// `os.pread(fd, length, offset, /)`.
pub fn pread(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional(vm, "pread", args, kwnames, 3, 3)?;
    let fd = c_int(vm, &args[0])?;
    let length = ssize(vm, &args[1])?;
    let offset = int_in(vm, &args[2], i64::MIN, i64::MAX, "Python int too large to convert to C long")?;
    if length < 0 {
        return Err(errno_error(libc::EINVAL, None, None));
    }
    let mut buf = crate::builtins::bytes::with_capacity(vm, length as usize)?;
    buf.resize(length as usize, 0);
    let n = retry_eintr(vm, || sys_calls::pread(fd, &mut buf, offset))?.map_err(|e| errno_error(e, None, None))?;
    buf.truncate(n);
    Ok(new_bytes(buf))
}

/// `os.pwrite(fd, data, offset, /)`: the number of bytes written.
pub fn pwrite(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional(vm, "pwrite", args, kwnames, 3, 3)?;
    let fd = c_int(vm, &args[0])?;
    let data = buffer_arg(vm, &args[1])?.to_vec();
    let offset = int_in(vm, &args[2], i64::MIN, i64::MAX, "Python int too large to convert to C long")?;
    let n = retry_eintr(vm, || sys_calls::pwrite(fd, &data, offset))?.map_err(|e| errno_error(e, None, None))?;
    Ok(new_int(n as i64))
}

/// `os.lseek(fd, position, whence, /)`: the new position.
pub fn lseek(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional(vm, "lseek", args, kwnames, 3, 3)?;
    let fd = c_int(vm, &args[0])?;
    let position = int_in(vm, &args[1], i64::MIN, i64::MAX, "Python int too large to convert to C long")?;
    let whence = c_int(vm, &args[2])?;
    let r = sys_calls::lseek(fd, position, whence).map_err(|e| errno_error(e, None, None))?;
    Ok(new_int(r))
}

/// `os.isatty(fd, /)`.
pub fn isatty(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let fd = one_arg(vm, "posix.isatty", args, kwnames)?;
    let fd = c_int(vm, fd)?;
    Ok(vm.bool(sys_calls::isatty(fd)))
}

/// `os.device_encoding(fd)`: the locale's encoding for a terminal, else
/// None (Krait runs in UTF-8, as CPython does in the C.UTF-8 locale).
pub fn device_encoding(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fd] = bind(vm, "device_encoding", args, kwnames, ["fd"], 1, 1)?;
    let fd = c_int(vm, fd.as_ref().expect("required"))?;
    Ok(if sys_calls::isatty(fd) { new_str("UTF-8") } else { vm.none() })
}

/// `os.dup(fd, /)`.
pub fn dup(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let fd = one_arg(vm, "posix.dup", args, kwnames)?;
    let fd = c_int(vm, fd)?;
    let new = sys_calls::dup(fd).map_err(|e| errno_error(e, None, None))?;
    Ok(new_int(new as i64))
}

/// `os.dup2(fd, fd2, inheritable=True)`.
pub fn dup2(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fd, fd2, inheritable] = bind(vm, "dup2", args, kwnames, ["fd", "fd2", "inheritable"], 3, 2)?;
    let fd = c_int(vm, fd.as_ref().expect("required"))?;
    let fd2 = c_int(vm, fd2.as_ref().expect("required"))?;
    let inheritable = super::flag(vm, inheritable.as_ref(), true)?;
    let new = sys_calls::dup2(fd, fd2, inheritable).map_err(|e| errno_error(e, None, None))?;
    Ok(new_int(new as i64))
}

/// `os.pipe()`: (read end, write end).
pub fn pipe(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    super::no_args(vm, "posix.pipe", args, kwnames)?;
    let (r, w) = sys_calls::pipe().map_err(|e| errno_error(e, None, None))?;
    Ok(new_tuple(vec![new_int(r as i64), new_int(w as i64)]))
}

/// `os.fsync(fd)`: a descriptor or an object with `fileno()`.
pub fn fsync(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [fd] = bind(vm, "fsync", args, kwnames, ["fd"], 1, 1)?;
    let fd = super::fs::fildes(vm, fd.as_ref().expect("required"))?;
    sys_calls::fsync(fd).map_err(|e| errno_error(e, None, None))?;
    Ok(vm.none())
}

/// `os.ftruncate(fd, length, /)`.
pub fn ftruncate(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional(vm, "ftruncate", args, kwnames, 2, 2)?;
    let fd = c_int(vm, &args[0])?;
    let length = int_in(vm, &args[1], i64::MIN, i64::MAX, "Python int too large to convert to C long")?;
    sys_calls::ftruncate(fd, length).map_err(|e| errno_error(e, None, None))?;
    Ok(vm.none())
}

/// `os.get_inheritable(fd, /)`.
pub fn get_inheritable(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let fd = one_arg(vm, "posix.get_inheritable", args, kwnames)?;
    let fd = c_int(vm, fd)?;
    let r = sys_calls::get_inheritable(fd).map_err(|e| errno_error(e, None, None))?;
    Ok(vm.bool(r))
}

/// `os.set_inheritable(fd, inheritable, /)`.
pub fn set_inheritable(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional(vm, "set_inheritable", args, kwnames, 2, 2)?;
    let fd = c_int(vm, &args[0])?;
    let inheritable = c_int(vm, &args[1])? != 0;
    sys_calls::set_inheritable(fd, inheritable).map_err(|e| errno_error(e, None, None))?;
    Ok(vm.none())
}

/// `os.get_blocking(fd, /)`.
pub fn get_blocking(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let fd = one_arg(vm, "posix.get_blocking", args, kwnames)?;
    let fd = c_int(vm, fd)?;
    let r = sys_calls::get_blocking(fd).map_err(|e| errno_error(e, None, None))?;
    Ok(vm.bool(r))
}

/// `os.set_blocking(fd, blocking, /)`.
pub fn set_blocking(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional(vm, "set_blocking", args, kwnames, 2, 2)?;
    let fd = c_int(vm, &args[0])?;
    let blocking = crate::ops::truthy(vm, &args[1])?;
    sys_calls::set_blocking(fd, blocking).map_err(|e| errno_error(e, None, None))?;
    Ok(vm.none())
}

/// `os.terminal_size`, made on first use.
pub fn terminal_size_type(vm: &mut Vm) -> PyResult<&'static TypeObject> {
    struct_seq_type(vm, "os", "terminal_size", &["columns", "lines"])
}

/// `os.get_terminal_size(fd=STDOUT_FILENO, /)`.
pub fn get_terminal_size(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional(vm, "get_terminal_size", args, kwnames, 0, 1)?;
    let fd = match args.first() {
        Some(v) => c_int(vm, v)?,
        None => 1,
    };
    let (columns, lines) = sys_calls::terminal_size(fd).map_err(|e| errno_error(e, None, None))?;
    let ty = terminal_size_type(vm)?;
    make_struct_seq(vm, ty, vec![new_int(columns as i64), new_int(lines as i64)])
}
