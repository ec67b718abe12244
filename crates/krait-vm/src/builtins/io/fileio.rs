//! `_io.FileIO` (CPython's `fileio.c`): raw, unbuffered I/O on a file
//! descriptor.
//!
//! Invariants:
//! - An object is open while its state is `State::File` with `fd >= 0`;
//!   closing sets `fd` to -1 (and closes the descriptor when `closefd`).
//!   An object whose `__init__` never ran reads as closed.
//! - Each `read`/`write` is one system call (retried on EINTR after the
//!   signal handlers ran, PEP 475); EAGAIN on
//!   a non-blocking descriptor is `None`, as in CPython.
//! - `name` is an ordinary attribute (CPython keeps it in the instance
//!   dict), set by `__init__` to the argument it was given.

use std::cell::Cell;

use super::iobase::copy_into;
use super::{errno_error, io, io_type, positional, size_arg, unsupported, State, RAW_IOBASE_TYPE};
use crate::builtins::bytes::new_bytes;
use crate::builtins::int::new_int;
use crate::builtins::posix::sys_calls;
use crate::builtins::signal::{check_signals, retry_eintr};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{intern, new_str};
use crate::ops;
use crate::types::{GetSetDef, MethodDef, Slot, TypeObject};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// An open FileIO's descriptor and mode.
pub struct FileState {
    pub(super) fd: i32,
    pub(super) readable: bool,
    pub(super) writable: bool,
    pub(super) appending: bool,
    pub(super) created: bool,
    pub(super) closefd: bool,
    /// -1 unknown, 0 no, 1 yes (CPython's `seekable` cache).
    pub(super) seekable: Cell<i8>,
    pub(super) blksize: i64,
}

pub static FILEIO_TYPE: TypeObject = TypeObject {
    repr: Slot::new(fileio_repr),
    init: Some(fileio_init),
    methods: &[
        MethodDef { name: "read", func: fileio_read },
        MethodDef { name: "readall", func: |vm, this, a, k| {
            positional(vm, "readall", a, k, 0, 0)?;
            let f = open_file(vm, this)?;
            if !f.readable {
                return Err(unsupported(vm, "File not open for reading"));
            }
            read_all(vm, f.fd).map(|d| d.map_or_else(none, new_bytes))
        } },
        MethodDef { name: "readinto", func: fileio_readinto },
        MethodDef { name: "write", func: fileio_write },
        MethodDef { name: "seek", func: fileio_seek },
        MethodDef { name: "tell", func: |vm, this, a, k| {
            positional(vm, "tell", a, k, 0, 0)?;
            let f = open_file(vm, this)?;
            sys_calls::lseek(f.fd, 0, libc::SEEK_CUR).map(new_int).map_err(|e| errno_error(e, None))
        } },
        MethodDef { name: "truncate", func: fileio_truncate },
        MethodDef { name: "close", func: fileio_close },
        MethodDef { name: "seekable", func: |vm, this, a, k| {
            positional(vm, "seekable", a, k, 0, 0)?;
            let f = open_file(vm, this)?;
            Ok(vm.bool(seekable(this, &f)))
        } },
        MethodDef { name: "readable", func: |vm, this, a, k| {
            positional(vm, "readable", a, k, 0, 0)?;
            let f = open_file(vm, this)?;
            Ok(vm.bool(f.readable))
        } },
        MethodDef { name: "writable", func: |vm, this, a, k| {
            positional(vm, "writable", a, k, 0, 0)?;
            let f = open_file(vm, this)?;
            Ok(vm.bool(f.writable))
        } },
        MethodDef { name: "fileno", func: |vm, this, a, k| {
            positional(vm, "fileno", a, k, 0, 0)?;
            Ok(new_int(i64::from(open_file(vm, this)?.fd)))
        } },
        MethodDef { name: "isatty", func: |vm, this, a, k| {
            positional(vm, "isatty", a, k, 0, 0)?;
            let f = open_file(vm, this)?;
            Ok(vm.bool(sys_calls::isatty(f.fd)))
        } },
        MethodDef { name: "_dealloc_warn", func: |_, _, _, _| Ok(none()) },
    ],
    getsets: &[
        GetSetDef { name: "closed", get: |vm, this| Ok(vm.bool(fd_of(this) < 0)), set: None, member: false },
        GetSetDef { name: "closefd", get: |vm, this| Ok(vm.bool(with_file(this, |f| f.closefd).unwrap_or(true))), set: None, member: false },
        GetSetDef { name: "mode", get: |_, this| Ok(new_str(with_file(this, mode_string).unwrap_or("rb"))), set: None, member: false },
        GetSetDef { name: "_blksize", get: |_, this| Ok(new_int(with_file(this, |f| f.blksize).unwrap_or(8192))), set: None, member: true },
        GetSetDef { name: "_finalizing", get: |vm, _| Ok(vm.bool(false)), set: None, member: true },
    ],
    ..io_type("_io.FileIO", &RAW_IOBASE_TYPE)
};

/// What the mode getter shows.
fn mode_string(f: &FileState) -> &'static str {
    match (f.created, f.appending, f.readable, f.writable) {
        (true, _, true, _) => "xb+",
        (true, _, false, _) => "xb",
        (_, true, true, _) => "ab+",
        (_, true, false, _) => "ab",
        (_, _, true, true) => "rb+",
        (_, _, true, false) => "rb",
        _ => "wb",
    }
}

fn with_file<T>(this: &Value, f: impl FnOnce(&FileState) -> T) -> Option<T> {
    match &*io(this).state.borrow() {
        State::File(s) => Some(f(s)),
        _ => None,
    }
}

/// The descriptor, -1 when closed.
pub(super) fn fd_of(this: &Value) -> i32 {
    with_file(this, |f| f.fd).unwrap_or(-1)
}

/// A copy of what an open FileIO needs for one call.
#[derive(Clone, Copy)]
pub(super) struct OpenFile {
    pub fd: i32,
    pub readable: bool,
    pub writable: bool,
}

/// The open file, or ValueError "I/O operation on closed file".
pub(super) fn open_file(vm: &mut Vm, this: &Value) -> PyResult<OpenFile> {
    match with_file(this, |f| OpenFile { fd: f.fd, readable: f.readable, writable: f.writable }) {
        Some(f) if f.fd >= 0 => Ok(f),
        _ => Err(vm.value_error("I/O operation on closed file")),
    }
}

fn seekable(this: &Value, f: &OpenFile) -> bool {
    let known = with_file(this, |s| s.seekable.get()).unwrap_or(-1);
    if known >= 0 {
        return known == 1;
    }
    let yes = sys_calls::lseek(f.fd, 0, libc::SEEK_CUR).is_ok();
    with_file(this, |s| s.seekable.set(i8::from(yes)));
    yes
}

/// `FileIO(file, mode='r', closefd=True, opener=None)`.
fn fileio_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [file, mode, closefd, opener] =
        crate::builtins::itertools::bind(vm, "FileIO", args, kwnames, ["file", "mode", "closefd", "opener"], 4, 1)?;
    let file = file.expect("required");
    // Re-initialising an open object closes it first (as CPython).
    if fd_of(this) >= 0 {
        internal_close(vm, this)?;
    }
    let mode = match &mode {
        None => "r".to_string(),
        Some(m) => match crate::builtins::str::as_str(m) {
            Some(s) => s.to_string(),
            None => {
                let msg = format!("FileIO() argument 'mode' must be str, not {}", vm.type_of(m).name());
                return Err(vm.type_error(msg));
            }
        },
    };
    let closefd = match &closefd {
        None => true,
        Some(c) => ops::truthy(vm, c)?,
    };
    if crate::builtins::float::float_of(&file).is_some() && vm.type_of(&file).is_subtype(&crate::builtins::float::FLOAT_TYPE) {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    let given_fd = match crate::builtins::int::int_of(&file) {
        Some(crate::builtins::int::Int::Small(n)) => {
            if n < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            Some(i32::try_from(n).map_err(|_| vm.overflow_error("signed integer is greater than maximum"))?)
        }
        Some(_) => return Err(vm.overflow_error("signed integer is greater than maximum")),
        None => None,
    };
    let (mut readable, mut writable, mut appending, mut created, mut plus, mut rwa) = (false, false, false, false, false, false);
    let mut flags = 0;
    let bad_mode = "Must have exactly one of create/read/write/append mode and at most one plus";
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(vm.value_error(bad_mode));
                }
                rwa = true;
                match c {
                    'x' => {
                        created = true;
                        writable = true;
                        flags |= libc::O_EXCL | libc::O_CREAT;
                    }
                    'r' => readable = true,
                    'w' => {
                        writable = true;
                        flags |= libc::O_CREAT | libc::O_TRUNC;
                    }
                    _ => {
                        writable = true;
                        appending = true;
                        flags |= libc::O_APPEND | libc::O_CREAT;
                    }
                }
            }
            'b' => {}
            '+' => {
                if plus {
                    return Err(vm.value_error(bad_mode));
                }
                readable = true;
                writable = true;
                plus = true;
            }
            _ => return Err(vm.value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(vm.value_error(bad_mode));
    }
    flags |= match (readable, writable) {
        (true, true) => libc::O_RDWR,
        (true, false) => libc::O_RDONLY,
        _ => libc::O_WRONLY,
    };
    flags |= libc::O_CLOEXEC;
    let fd = match given_fd {
        Some(fd) => fd,
        None => {
            if !closefd {
                return Err(vm.value_error("Cannot use closefd=False with file name"));
            }
            let path = crate::builtins::posix::path::fspath(vm, &file)?;
            let bytes = match crate::builtins::bytes::as_bytes(&path) {
                Some(b) => b.to_vec(),
                None => crate::builtins::posix::path::fs_encode(vm, &path)?,
            };
            if bytes.contains(&0) {
                return Err(vm.value_error("embedded null byte"));
            }
            match opener.filter(|o| !is_none(o)) {
                None => {
                    let c = std::ffi::CString::new(bytes).expect("no NUL");
                    loop {
                        match sys_calls::open_at(sys_calls::AT_FDCWD, &c, flags, 0o666) {
                            Ok(fd) => break fd,
                            Err(libc::EINTR) => check_signals(vm)?,
                            Err(e) => return Err(errno_error(e, Some(file.clone()))),
                        }
                    }
                }
                Some(opener) => {
                    let r = crate::eval::call(vm, &opener, &[file.clone(), new_int(i64::from(flags))], &[])?;
                    let Some(crate::builtins::int::Int::Small(fd)) = crate::builtins::int::int_of(&r) else {
                        return Err(vm.type_error("expected integer from opener"));
                    };
                    if fd < 0 {
                        return Err(vm.value_error(format!("opener returned {fd}")));
                    }
                    fd as i32
                }
            }
        }
    };
    let owned = given_fd.is_none() || closefd;
    let fail = |vm: &mut Vm, e: crate::vm::PyErr| -> PyResult<Value> {
        if given_fd.is_none() {
            let _ = sys_calls::close(fd);
        }
        let _ = vm;
        Err(e)
    };
    let st = match sys_calls::fstat(fd) {
        Ok(st) => st,
        Err(e) => return fail(vm, errno_error(e, None)),
    };
    if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
        return fail(vm, errno_error(libc::EISDIR, Some(file.clone())));
    }
    let blksize = if st.st_blksize > 1 { st.st_blksize as i64 } else { super::DEFAULT_BUFFER_SIZE as i64 };
    let _ = owned;
    *io(this).state.borrow_mut() = State::File(FileState {
        fd,
        readable,
        writable,
        appending,
        created,
        closefd,
        seekable: Cell::new(-1),
        blksize,
    });
    io(this).base_closed.set(false);
    if let Err(e) = crate::builtins::classes::setattr(vm, this, &intern("name"), Some(file.clone())) {
        return fail(vm, e);
    }
    if appending {
        // As CPython: an error here (a pipe) is ignored.
        let _ = sys_calls::lseek(fd, 0, libc::SEEK_END);
    }
    Ok(none())
}

/// `read(size=-1)`: one `read` call.
fn fileio_read(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "read", args, kwnames, 0, 1)?;
    let f = open_file(vm, this)?;
    if !f.readable {
        return Err(unsupported(vm, "File not open for reading"));
    }
    let Some(n) = size_arg(vm, a.first())? else {
        return read_all(vm, f.fd).map(|d| d.map_or_else(none, new_bytes));
    };
    Ok(read_some(vm, f.fd, n as usize)?.map_or_else(none, new_bytes))
}

/// One `read` of at most `n` bytes; `None` for EAGAIN. EINTR runs the
/// signal handlers and retries (PEP 475).
pub(super) fn read_some(vm: &mut Vm, fd: i32, n: usize) -> PyResult<Option<Vec<u8>>> {
    let mut buf = vec![0u8; n];
    match retry_eintr(vm, || sys_calls::read(fd, &mut buf))? {
        Ok(got) => {
            buf.truncate(got);
            Ok(Some(buf))
        }
        Err(libc::EAGAIN) => Ok(None),
        Err(e) => Err(errno_error(e, None)),
    }
}

/// Everything to the end of the file (`readall`).
pub(super) fn read_all(vm: &mut Vm, fd: i32) -> PyResult<Option<Vec<u8>>> {
    let mut out = Vec::new();
    if let (Ok(st), Ok(pos)) = (sys_calls::fstat(fd), sys_calls::lseek(fd, 0, libc::SEEK_CUR)) {
        let size: i64 = st.st_size;
        if size > pos {
            out.reserve((size - pos) as usize + 1);
        }
    }
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        match sys_calls::read(fd, &mut chunk) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&chunk[..n]),
            Err(libc::EINTR) => check_signals(vm)?,
            Err(libc::EAGAIN) => {
                if out.is_empty() {
                    return Ok(None);
                }
                break;
            }
            Err(e) => return Err(errno_error(e, None)),
        }
    }
    Ok(Some(out))
}

/// Write all of `data` (retrying short writes, and EINTR after running the
/// signal handlers), for the buffered writers over a native FileIO.
pub(super) fn write_all(vm: &mut Vm, fd: i32, mut data: &[u8]) -> PyResult<()> {
    while !data.is_empty() {
        let n = retry_eintr(vm, || sys_calls::write(fd, data))?.map_err(|e| errno_error(e, None))?;
        data = &data[n..];
    }
    Ok(())
}

/// `write_all` where no Python code may run (a writer being freed): EINTR
/// is retried without running handlers.
pub(super) fn write_all_quietly(fd: i32, mut data: &[u8]) -> Result<(), i32> {
    while !data.is_empty() {
        match sys_calls::write(fd, data) {
            Ok(n) => data = &data[n..],
            Err(libc::EINTR) => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// `readinto(buffer)`.
fn fileio_readinto(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "readinto", args, kwnames, 1, 1)?;
    let f = open_file(vm, this)?;
    if !f.readable {
        return Err(unsupported(vm, "File not open for reading"));
    }
    let n = ops::len(vm, &a[0])?;
    match read_some(vm, f.fd, n)? {
        Some(d) => {
            copy_into(vm, &a[0], &d)?;
            Ok(new_int(d.len() as i64))
        }
        None => Ok(none()),
    }
}

/// `write(b)`: one `write` call; the number of bytes written.
fn fileio_write(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "write", args, kwnames, 1, 1)?;
    let f = open_file(vm, this)?;
    if !f.writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let data = crate::builtins::bytes::buffer_arg(vm, &a[0])?.to_vec();
    match retry_eintr(vm, || sys_calls::write(f.fd, &data))? {
        Ok(n) => Ok(new_int(n as i64)),
        Err(libc::EAGAIN) => Ok(none()),
        Err(e) => Err(errno_error(e, None)),
    }
}

/// `seek(pos, whence=0)`: the new position.
fn fileio_seek(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "seek", args, kwnames, 1, 2)?;
    let f = open_file(vm, this)?;
    if vm.type_of(&a[0]).is_subtype(&crate::builtins::float::FLOAT_TYPE) {
        return Err(vm.type_error("an integer is required"));
    }
    let pos = super::index_arg(vm, &a[0])?;
    let whence = match a.get(1) {
        Some(w) => super::index_arg(vm, w)? as i32,
        None => 0,
    };
    sys_calls::lseek(f.fd, pos, whence).map(new_int).map_err(|e| errno_error(e, None))
}

/// `truncate(size=None)`: the new size.
fn fileio_truncate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "truncate", args, kwnames, 0, 1)?;
    let f = open_file(vm, this)?;
    if !f.writable {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let size = match a.first().filter(|v| !is_none(v)) {
        Some(v) => super::index_arg(vm, v)?,
        None => sys_calls::lseek(f.fd, 0, libc::SEEK_CUR).map_err(|e| errno_error(e, None))?,
    };
    sys_calls::ftruncate(f.fd, size).map_err(|e| errno_error(e, None))?;
    Ok(new_int(size))
}

/// `close()`: `_RawIOBase.close` (flush, the flag), then the descriptor.
fn fileio_close(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    positional(vm, "close", args, kwnames, 0, 0)?;
    let base = if vm.type_of(this).heap.is_some() {
        // A class may override flush: the generic close calls it.
        let close = crate::builtins::classes::type_lookup(&super::IOBASE_TYPE, &intern("close"));
        match close {
            Some(c) => crate::eval::call(vm, &c, std::slice::from_ref(this), &[]).map(drop),
            None => Ok(()),
        }
    } else {
        io(this).base_closed.set(true);
        Ok(())
    };
    let r = internal_close(vm, this);
    base?;
    r.map(|_| none())
}

/// Close the descriptor (when `closefd`) and mark the object closed.
fn internal_close(_vm: &mut Vm, this: &Value) -> PyResult<()> {
    let (fd, closefd) = match &mut *io(this).state.borrow_mut() {
        State::File(f) => {
            let r = (f.fd, f.closefd);
            f.fd = -1;
            r
        }
        _ => return Ok(()),
    };
    if fd >= 0 && closefd {
        sys_calls::close(fd).map_err(|e| errno_error(e, None))?;
    }
    Ok(())
}

/// Freeing an open FileIO closes its descriptor.
pub(super) fn finalize(f: &FileState) {
    if f.fd >= 0 && f.closefd {
        let _ = sys_calls::close(f.fd);
    }
}

fn fileio_repr(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let tyname = vm.type_of(this).name();
    let Some((fd, mode, closefd)) = with_file(this, |f| (f.fd, mode_string(f), f.closefd)).filter(|s| s.0 >= 0) else {
        return Ok(new_str(&format!("<{tyname} [closed]>")));
    };
    let closefd = if closefd { "True" } else { "False" };
    match ops::getattr_opt(vm, this, &intern("name"))? {
        None => Ok(new_str(&format!("<{tyname} fd={fd} mode='{mode}' closefd={closefd}>"))),
        Some(name) => {
            if !vm.repr_enter(this) {
                return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, format!("reentrant call inside {tyname}.__repr__")));
            }
            let r = ops::repr(vm, &name);
            vm.repr_leave(this);
            let r = r?;
            let r = crate::builtins::str::as_str(&r).unwrap_or("").to_string();
            Ok(new_str(&format!("<{tyname} name={r} mode='{mode}' closefd={closefd}>")))
        }
    }
}
