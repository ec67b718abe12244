//! The built-in `sys` module: what Krait has of it so far (`argv`, `exit`,
//! the recursion limit). The rest arrives with the command-line and
//! built-in types issues.

use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::exceptions::RECURSION_ERROR;
use crate::builtins::function::new_module;
use crate::builtins::int::new_int;
use crate::builtins::list::new_list;
use crate::builtins::singletons::is_none;
use crate::builtins::str::new_str;
use crate::builtins::tuple::as_tuple;
use crate::types::Slot;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A new `sys` module.
pub fn new_sys_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    let argv = new_list(vm.argv.iter().map(|a| new_str(a)).collect());
    dd.set(vm, new_str("argv"), argv)?;
    dd.set(vm, new_str("modules"), vm.sys_modules.clone())?;
    for (name, fd) in [("stdout", 1u8), ("stderr", 2u8)] {
        let s = Value::from_owned(crate::object::alloc(&STREAM_TYPE, Stream { fd }));
        dd.set(vm, new_str(name), s.clone())?;
        dd.set(vm, new_str(&format!("__{name}__")), s)?;
    }
    dd.set(vm, new_str("path"), vm.sys_path.clone())?;
    let functions: [(&'static str, crate::types::CallFn); 3] =
        [("exit", exit), ("getrecursionlimit", getrecursionlimit), ("setrecursionlimit", setrecursionlimit)];
    for (name, f) in functions {
        dd.set(vm, new_str(name), crate::builtins::function::new_builtin(name, f))?;
    }
    Ok(new_module("sys", d))
}

/// `sys.exit([status])`: raise SystemExit(status).
fn exit(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "exit", kwnames)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("exit expected at most 1 argument, got {}", args.len())));
    }
    use crate::builtins::exceptions::{exception_with_args, SYSTEM_EXIT};
    // PyErr_SetObject's rule: None means no arguments, a tuple its items.
    let args = match args {
        [x] if is_none(x) => Vec::new(),
        [x] if as_tuple(x).is_some() => as_tuple(x).map(|t| t.items.clone()).unwrap_or_default(),
        _ => args.to_vec(),
    };
    Err(PyErr { exception: exception_with_args(&SYSTEM_EXIT, args) })
}

/// `sys.getrecursionlimit()`.
fn getrecursionlimit(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "getrecursionlimit", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("sys.getrecursionlimit() takes no arguments ({} given)", args.len())));
    }
    Ok(new_int(i64::from(vm.recursion_limit)))
}

/// `sys.setrecursionlimit(limit)`: refused below 1, or at or below the
/// current depth (Python frames plus this call, as CPython counts).
fn setrecursionlimit(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "setrecursionlimit", kwnames)?;
    let [limit] = args else {
        return Err(vm.type_error(format!("sys.setrecursionlimit() takes exactly one argument ({} given)", args.len())));
    };
    use crate::builtins::int::{int_of, Int};
    let limit = match int_of(limit) {
        Some(Int::Small(i)) => i32::try_from(i).ok(),
        Some(Int::Big(b)) => i32::try_from(b).ok(),
        None => {
            let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(limit).name);
            return Err(vm.type_error(msg));
        }
    };
    let Some(limit) = limit else {
        return Err(vm.error(&crate::builtins::exceptions::OVERFLOW_ERROR, "Python int too large to convert to C int"));
    };
    if limit < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.frames.len() + 1;
    if depth >= limit as usize {
        let msg = format!("cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low");
        return Err(vm.error(&RECURSION_ERROR, msg));
    }
    vm.recursion_limit = limit as u32;
    Ok(crate::builtins::singletons::none())
}

/// `sys.stdout` and `sys.stderr`: text streams over file descriptors 1
/// and 2 (stdout buffered in `Vm::stdout`, stderr unbuffered).
///
/// PROVISIONAL: the `io` module's TextIOWrapper replaces these with the
/// io issue; they have `write`, `flush`, `fileno`, `isatty` and the
/// attributes programs read (`name`, `encoding`, `errors`, `closed`).
pub struct Stream {
    fd: u8,
}

pub static STREAM_TYPE: crate::types::TypeObject = crate::types::TypeObject {
    repr: Slot::new(|_, v| {
        let fd = as_stream(v).unwrap_or(1);
        let name = if fd == 1 { "<stdout>" } else { "<stderr>" };
        Ok(new_str(&format!("<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>")))
    }),
    getattr: Slot::new(|vm, v, name| {
        let fd = as_stream(v).unwrap_or(1);
        match crate::builtins::str::as_str(name).unwrap_or("") {
            "name" => Ok(new_str(if fd == 1 { "<stdout>" } else { "<stderr>" })),
            "encoding" => Ok(new_str("utf-8")),
            "errors" => Ok(new_str(if fd == 1 { "strict" } else { "backslashreplace" })),
            "closed" => Ok(vm.bool(false)),
            "mode" => Ok(new_str("w")),
            _ => crate::builtins::classes::generic_getattr(vm, v, name),
        }
    }),
    methods: &[
        crate::types::MethodDef { name: "write", func: |vm, this, args, kwnames| {
            crate::builtins::function::no_keywords(vm, "write", kwnames)?;
            let [s] = args else {
                return Err(vm.type_error(format!("write() takes exactly one argument ({} given)", args.len())));
            };
            let Some(text) = crate::builtins::str::as_str_data(s) else {
                let msg = format!("write() argument must be str, not {}", vm.type_of(s).name);
                return Err(vm.type_error(msg));
            };
            let n = text.len();
            let bytes = text.bytes().to_vec();
            write_fd(vm, as_stream(this).unwrap_or(1), &bytes, false);
            Ok(new_int(n as i64))
        } },
        crate::types::MethodDef { name: "flush", func: |vm, this, _, _| {
            write_fd(vm, as_stream(this).unwrap_or(1), b"", true);
            Ok(vm.none())
        } },
        crate::types::MethodDef { name: "fileno", func: |_, this, _, _| Ok(new_int(i64::from(as_stream(this).unwrap_or(1)))) },
        crate::types::MethodDef { name: "isatty", func: |vm, this, _, _| {
            use std::io::IsTerminal;
            let tty = if as_stream(this) == Some(2) { std::io::stderr().is_terminal() } else { std::io::stdout().is_terminal() };
            Ok(vm.bool(tty))
        } },
        crate::types::MethodDef { name: "writable", func: |vm, _, _, _| Ok(vm.bool(true)) },
        crate::types::MethodDef { name: "readable", func: |vm, _, _, _| Ok(vm.bool(false)) },
    ],
    ..crate::types::TypeObject::builtin(
        "TextIOWrapper",
        Some(&crate::types::OBJECT_TYPE),
        dealloc_stream,
        crate::types::trace_nothing,
    )
};

unsafe fn dealloc_stream(p: crate::object::ObjPtr) {
    // SAFETY: streams are allocated as Obj<Stream>.
    unsafe { crate::object::dealloc_boxed::<Stream>(p) }
}

/// The file descriptor of one of Krait's standard streams.
pub fn as_stream(v: &Value) -> Option<u8> {
    let p = v.as_object()?;
    // SAFETY: objects of this type are Obj<Stream>.
    std::ptr::eq(p.ty(), &STREAM_TYPE).then(|| unsafe { p.data::<Stream>() }.fd)
}

/// Write `bytes` to descriptor 1 (buffered) or 2 (at once).
pub fn write_fd(vm: &mut Vm, fd: u8, bytes: &[u8], flush: bool) {
    use std::io::Write;
    if fd == 1 {
        let _ = vm.stdout.write_all(bytes);
        if flush {
            let _ = vm.stdout.flush();
        }
    } else {
        let _ = std::io::stderr().write_all(bytes);
    }
}

/// `sys.<name>` (`stdout`, `stderr`) as it is now.
pub fn stream(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let sys = vm.sys_module()?;
    match crate::ops::getattr(vm, &sys, &new_str(name)) {
        Ok(v) => Ok(v),
        Err(_) => Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, format!("lost sys.{name}"))),
    }
}
