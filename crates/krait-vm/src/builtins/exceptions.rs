//! The built-in exception hierarchy.
//!
//! Invariants: every exception type is a static whose `base` chain is
//! CPython 3.11's; an exception object's payload holds its `args` (and, in
//! time, `__traceback__`, `__cause__`, `__context__`, `__notes__`).
//!
//! PROVISIONAL: only the classes the VM raises so far are defined; the full
//! hierarchy arrives with the compiler/VM issue's exception work.

use std::cell::RefCell;

use crate::builtins::str::{as_str, new_str};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub struct ExceptionData {
    pub args: RefCell<Vec<Value>>,
    /// `__traceback__`: a traceback object (see `frame`), or NULL.
    pub traceback: RefCell<Value>,
    /// `__context__` and `__cause__` (NULL when unset).
    pub context: RefCell<Value>,
    pub cause: RefCell<Value>,
    pub suppress_context: std::cell::Cell<bool>,
    /// An OSError's fields (errno, strerror, filename, winerror,
    /// filename2), NULL where unset (CPython's `OSErrorObject`); set by a
    /// constructor given 2 to 5 arguments (`args` then keeps only the
    /// first two) or by assigning the attributes. Empty until then.
    /// A StopIteration's `value` member, once `__init__` or an assignment
    /// set it, is its one item.
    pub os_args: RefCell<Vec<Value>>,
    /// `__dict__`, made on first use (NULL until then).
    pub dict: RefCell<Value>,
    /// An exception group's message and exceptions (a tuple); NULLs for
    /// other exceptions (see `exception_group`).
    pub group: RefCell<(Value, Value)>,
}

impl ExceptionData {
    pub fn new(args: Vec<Value>) -> ExceptionData {
        ExceptionData {
            args: RefCell::new(args),
            traceback: RefCell::new(Value::NULL),
            context: RefCell::new(Value::NULL),
            cause: RefCell::new(Value::NULL),
            suppress_context: std::cell::Cell::new(false),
            os_args: RefCell::new(Vec::new()),
            dict: RefCell::new(Value::NULL),
            group: RefCell::new((Value::NULL, Value::NULL)),
        }
    }
}

/// # Safety
/// `p` is an exception (an `Obj<ExceptionData>`) with no references left.
pub unsafe fn dealloc_exception(p: ObjPtr) {
    // SAFETY: every exception object is allocated as Obj<ExceptionData>.
    unsafe { dealloc_boxed::<ExceptionData>(p) }
}

pub fn trace_exception(p: ObjPtr, visit: Visit) {
    // SAFETY: exception types' objects are Obj<ExceptionData>.
    let data = unsafe { p.data::<ExceptionData>() };
    for v in data.args.borrow().iter().chain(data.os_args.borrow().iter()) {
        if !v.is_null() {
            visit(v);
        }
    }
    let group = data.group.borrow();
    for v in [&*data.traceback.borrow(), &*data.context.borrow(), &*data.cause.borrow(), &*data.dict.borrow(), &group.0, &group.1] {
        if !v.is_null() {
            visit(v);
        }
    }
}

macro_rules! exception_types {
    ($($static:ident = $name:literal : $base:expr;)*) => {
        $(
            pub static $static: TypeObject = TypeObject {
                str: Slot::new(exception_str),
                repr: Slot::new(exception_repr),
                new: Some(exception_new),
                getattr: Slot::new(exception_getattr),
                setattr: Slot::new(exception_setattr),
                methods: own_methods($name),
                class_methods: own_class_methods($name),
                ..TypeObject::builtin($name, Some($base), dealloc_exception, trace_exception)
            };
        )*

        /// Every built-in exception type.
        pub static ALL: &[&TypeObject] = &[$(&$static,)*];
    };
}

/// The methods a built-in exception type defines itself: BaseException's
/// (the others inherit them).
const fn own_methods(name: &str) -> &'static [MethodDef] {
    if const_eq(name, "BaseException") {
        &[
            MethodDef { name: "with_traceback", func: with_traceback },
            MethodDef { name: "add_note", func: add_note },
            MethodDef { name: "__reduce__", func: exception_reduce },
            MethodDef { name: "__setstate__", func: exception_setstate },
        ]
    } else if const_eq(name, "BaseExceptionGroup") {
        crate::builtins::exception_group::METHODS
    } else {
        &[]
    }
}

/// The class methods a built-in exception type defines itself.
const fn own_class_methods(name: &str) -> &'static [MethodDef] {
    if const_eq(name, "BaseExceptionGroup") {
        crate::builtins::exception_group::CLASS_METHODS
    } else {
        &[]
    }
}

const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `e.with_traceback(tb)`: set `__traceback__`, return `e`.
fn with_traceback(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "with_traceback", kwnames)?;
    let [tb] = args else {
        return Err(vm.type_error(format!("BaseException.with_traceback() takes exactly one argument ({} given)", args.len())));
    };
    set_traceback(vm, this, tb)?;
    Ok(this.clone())
}

/// `e.__traceback__ = tb`: a traceback or None.
fn set_traceback(vm: &mut Vm, e: &Value, tb: &Value) -> PyResult<()> {
    let data = as_exception(e).expect("an exception");
    let new = if crate::builtins::singletons::is_none(tb) {
        Value::NULL
    } else if crate::builtins::frame::as_traceback(tb).is_some() {
        tb.clone()
    } else {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    };
    let old = std::mem::replace(&mut *data.traceback.borrow_mut(), new);
    drop(old);
    Ok(())
}

/// `e.__reduce__()`: `(type, args)`, or `(type, args, state)` with the
/// instance's `__dict__` (CPython's `BaseException_reduce`); an OSError
/// gives its file names among the arguments, an ImportError keeps `name`
/// and `path` in the state, while AttributeError's `name` and `obj` and
/// NameError's `name` are not pickled (as in 3.11).
fn exception_reduce(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "__reduce__", kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("BaseException.__reduce__() takes no arguments ({} given)", args.len())));
    }
    let data = as_exception(this).expect("an exception");
    let ty = vm.type_of_static(this);
    let mut items = data.args.borrow().clone();
    let os = data.os_args.borrow().clone();
    if ty.is_subtype(&OS_ERROR) && os.len() == 5 && !os[2].is_null() && items.len() == 2 {
        items.push(os[2].clone());
        if !os[4].is_null() {
            items.push(crate::builtins::singletons::none());
            items.push(os[4].clone());
        }
    }
    let mut out = vec![crate::types::type_value(ty), crate::builtins::tuple::new_tuple(items)];
    let dict = data.dict.borrow().clone();
    if let Some(d) = crate::builtins::dict::as_dict(&dict) {
        let skipped: &[&str] = match keyword_fields(ty) {
            Some(("ImportError", _)) | None => &[],
            Some((_, fields)) => fields,
        };
        let kept: Vec<(Value, Value)> = d.items().into_iter().filter(|(k, _)| !as_str(k).is_some_and(|k| skipped.contains(&k))).collect();
        if keyword_fields(ty).is_none() || !kept.is_empty() {
            let state = crate::builtins::dict::new_dict();
            let sd = crate::builtins::dict::as_dict(&state).expect("a dict");
            for (k, v) in kept {
                sd.set(vm, k, v)?;
            }
            out.push(state);
        }
    }
    Ok(crate::builtins::tuple::new_tuple(out))
}

/// `e.__setstate__(state)`: each item of the dict `state` set as an
/// attribute (None sets nothing).
fn exception_setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "__setstate__", kwnames)?;
    let [state] = args else {
        return Err(vm.type_error(format!("BaseException.__setstate__() takes exactly one argument ({} given)", args.len())));
    };
    if crate::builtins::singletons::is_none(state) {
        return Ok(crate::builtins::singletons::none());
    }
    let Some(d) = crate::builtins::dict::as_dict(state) else {
        return Err(vm.type_error("state is not a dictionary"));
    };
    for (k, v) in d.items() {
        crate::builtins::classes::setattr(vm, this, &k, Some(v))?;
    }
    Ok(crate::builtins::singletons::none())
}

/// `e.add_note(note)`: append to `e.__notes__`, made a list if missing.
fn add_note(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "add_note", kwnames)?;
    let [note] = args else {
        return Err(vm.type_error(format!("BaseException.add_note() takes exactly one argument ({} given)", args.len())));
    };
    if crate::builtins::str::as_str_data(note).is_none() {
        let msg = format!("note must be a str, not '{}'", vm.type_of(note).name());
        return Err(vm.type_error(msg));
    }
    let key = crate::builtins::str::intern("__notes__");
    let notes = match crate::ops::getattr(vm, this, &key) {
        Ok(n) => n,
        Err(e) if vm.type_of(&e.exception).is_subtype(&ATTRIBUTE_ERROR) => {
            let l = crate::builtins::list::new_list(Vec::new());
            crate::builtins::classes::setattr(vm, this, &key, Some(l.clone()))?;
            l
        }
        Err(e) => return Err(e),
    };
    match crate::builtins::list::as_list(&notes) {
        Some(l) => l.items.borrow_mut().push(note.clone()),
        None => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(vm.none())
}

exception_types! {
    BASE_EXCEPTION = "BaseException": &OBJECT_TYPE;
    EXCEPTION = "Exception": &BASE_EXCEPTION;
    ARITHMETIC_ERROR = "ArithmeticError": &EXCEPTION;
    ZERO_DIVISION_ERROR = "ZeroDivisionError": &ARITHMETIC_ERROR;
    OVERFLOW_ERROR = "OverflowError": &ARITHMETIC_ERROR;
    TYPE_ERROR = "TypeError": &EXCEPTION;
    VALUE_ERROR = "ValueError": &EXCEPTION;
    RUNTIME_ERROR = "RuntimeError": &EXCEPTION;
    NOT_IMPLEMENTED_ERROR = "NotImplementedError": &RUNTIME_ERROR;
    RECURSION_ERROR = "RecursionError": &RUNTIME_ERROR;
    LOOKUP_ERROR = "LookupError": &EXCEPTION;
    INDEX_ERROR = "IndexError": &LOOKUP_ERROR;
    KEY_ERROR = "KeyError": &LOOKUP_ERROR;
    ATTRIBUTE_ERROR = "AttributeError": &EXCEPTION;
    NAME_ERROR = "NameError": &EXCEPTION;
    UNBOUND_LOCAL_ERROR = "UnboundLocalError": &NAME_ERROR;
    IMPORT_ERROR = "ImportError": &EXCEPTION;
    MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": &IMPORT_ERROR;
    SYSTEM_EXIT = "SystemExit": &BASE_EXCEPTION;
    MEMORY_ERROR = "MemoryError": &EXCEPTION;
    ASSERTION_ERROR = "AssertionError": &EXCEPTION;
    STOP_ITERATION = "StopIteration": &EXCEPTION;
    KEYBOARD_INTERRUPT = "KeyboardInterrupt": &BASE_EXCEPTION;
    GENERATOR_EXIT = "GeneratorExit": &BASE_EXCEPTION;
    STOP_ASYNC_ITERATION = "StopAsyncIteration": &EXCEPTION;
    FLOATING_POINT_ERROR = "FloatingPointError": &ARITHMETIC_ERROR;
    BUFFER_ERROR = "BufferError": &EXCEPTION;
    EOF_ERROR = "EOFError": &EXCEPTION;
    REFERENCE_ERROR = "ReferenceError": &EXCEPTION;
    BASE_EXCEPTION_GROUP = "BaseExceptionGroup": &BASE_EXCEPTION;
    SYSTEM_ERROR = "SystemError": &EXCEPTION;
    UNICODE_ERROR = "UnicodeError": &VALUE_ERROR;
    UNICODE_DECODE_ERROR = "UnicodeDecodeError": &UNICODE_ERROR;
    UNICODE_ENCODE_ERROR = "UnicodeEncodeError": &UNICODE_ERROR;
    UNICODE_TRANSLATE_ERROR = "UnicodeTranslateError": &UNICODE_ERROR;
    SYNTAX_ERROR = "SyntaxError": &EXCEPTION;
    INDENTATION_ERROR = "IndentationError": &SYNTAX_ERROR;
    TAB_ERROR = "TabError": &INDENTATION_ERROR;
    OS_ERROR = "OSError": &EXCEPTION;
    BLOCKING_IO_ERROR = "BlockingIOError": &OS_ERROR;
    CHILD_PROCESS_ERROR = "ChildProcessError": &OS_ERROR;
    CONNECTION_ERROR = "ConnectionError": &OS_ERROR;
    BROKEN_PIPE_ERROR = "BrokenPipeError": &CONNECTION_ERROR;
    CONNECTION_ABORTED_ERROR = "ConnectionAbortedError": &CONNECTION_ERROR;
    CONNECTION_REFUSED_ERROR = "ConnectionRefusedError": &CONNECTION_ERROR;
    CONNECTION_RESET_ERROR = "ConnectionResetError": &CONNECTION_ERROR;
    FILE_EXISTS_ERROR = "FileExistsError": &OS_ERROR;
    FILE_NOT_FOUND_ERROR = "FileNotFoundError": &OS_ERROR;
    INTERRUPTED_ERROR = "InterruptedError": &OS_ERROR;
    IS_A_DIRECTORY_ERROR = "IsADirectoryError": &OS_ERROR;
    NOT_A_DIRECTORY_ERROR = "NotADirectoryError": &OS_ERROR;
    PERMISSION_ERROR = "PermissionError": &OS_ERROR;
    PROCESS_LOOKUP_ERROR = "ProcessLookupError": &OS_ERROR;
    TIMEOUT_ERROR = "TimeoutError": &OS_ERROR;
    WARNING = "Warning": &EXCEPTION;
    USER_WARNING = "UserWarning": &WARNING;
    DEPRECATION_WARNING = "DeprecationWarning": &WARNING;
    PENDING_DEPRECATION_WARNING = "PendingDeprecationWarning": &WARNING;
    SYNTAX_WARNING = "SyntaxWarning": &WARNING;
    RUNTIME_WARNING = "RuntimeWarning": &WARNING;
    FUTURE_WARNING = "FutureWarning": &WARNING;
    IMPORT_WARNING = "ImportWarning": &WARNING;
    UNICODE_WARNING = "UnicodeWarning": &WARNING;
    BYTES_WARNING = "BytesWarning": &WARNING;
    RESOURCE_WARNING = "ResourceWarning": &WARNING;
    ENCODING_WARNING = "EncodingWarning": &WARNING;
}

/// The OSError subclass CPython's `OSError(errno, strerror)` makes for an
/// errno (Linux numbers; `Objects/exceptions.c`'s errnomap).
fn os_error_subclass(errno: i64) -> Option<&'static TypeObject> {
    Some(match errno {
        11 | 114 | 115 => &BLOCKING_IO_ERROR, // EAGAIN, EALREADY, EINPROGRESS
        10 => &CHILD_PROCESS_ERROR,          // ECHILD
        32 | 108 => &BROKEN_PIPE_ERROR,      // EPIPE, ESHUTDOWN
        103 => &CONNECTION_ABORTED_ERROR,    // ECONNABORTED
        111 => &CONNECTION_REFUSED_ERROR,    // ECONNREFUSED
        104 => &CONNECTION_RESET_ERROR,      // ECONNRESET
        17 => &FILE_EXISTS_ERROR,            // EEXIST
        2 => &FILE_NOT_FOUND_ERROR,          // ENOENT
        21 => &IS_A_DIRECTORY_ERROR,         // EISDIR
        20 => &NOT_A_DIRECTORY_ERROR,        // ENOTDIR
        4 => &INTERRUPTED_ERROR,             // EINTR
        13 | 1 => &PERMISSION_ERROR,         // EACCES, EPERM
        3 => &PROCESS_LOOKUP_ERROR,          // ESRCH
        110 => &TIMEOUT_ERROR,               // ETIMEDOUT
        _ => return None,
    })
}

/// The OSError (or the subclass its errno picks) that a failed system
/// call raises: `args` are `(errno, strerror)`, and the file names are
/// kept for `filename`/`filename2` and the message (CPython's
/// `PyErr_SetFromErrnoWithFilenameObjects`).
pub fn os_error(errno: i64, strerror: &str, filename: Option<Value>, filename2: Option<Value>) -> Value {
    let ty = os_error_subclass(errno).unwrap_or(&OS_ERROR);
    let (errno, strerror) = (crate::builtins::int::new_int(errno), new_str(strerror));
    let data = ExceptionData::new(vec![errno.clone(), strerror.clone()]);
    let (filename, filename2) = (filename.unwrap_or(Value::NULL), filename2.unwrap_or(Value::NULL));
    *data.os_args.borrow_mut() = vec![errno, strerror, filename, Value::NULL, filename2];
    Value::from_owned(alloc(ty, data))
}

/// A new exception of type `ty` whose only argument is `msg`.
pub fn new_exception(_vm: &mut Vm, ty: &'static TypeObject, msg: String) -> Value {
    exception_with_args(ty, vec![new_str(&msg)])
}

/// A new exception of type `ty` with `args` (`KeyError(key)`, ...).
pub fn exception_with_args(ty: &'static TypeObject, args: Vec<Value>) -> Value {
    Value::from_owned(alloc(ty, ExceptionData::new(args)))
}

/// `KeyError(key)`, as a dict lookup or deletion raises it.
pub fn key_error(key: Value) -> crate::vm::PyErr {
    crate::vm::PyErr { exception: exception_with_args(&KEY_ERROR, vec![key]) }
}

/// The payload of an exception value.
pub fn as_exception(v: &Value) -> Option<&ExceptionData> {
    let p = v.as_object()?;
    if p.ty().is_subtype(&BASE_EXCEPTION) {
        // SAFETY: exception types' objects are Obj<ExceptionData>.
        Some(unsafe { p.data::<ExceptionData>() })
    } else {
        None
    }
}

/// `str(exc)`: empty without arguments, the argument's `str` with one.
fn exception_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if vm.type_of(v).is_subtype(&SYNTAX_ERROR) {
        return syntax_error_str(vm, v);
    }
    if let Some(s) = crate::builtins::exception_group::group_str(v) {
        return Ok(new_str(&s));
    }
    if unicode_field_names(vm.type_of(v)).is_some() {
        if let Some(text) = unicode_error_str(vm, v)? {
            return Ok(new_str(&text));
        }
    }
    let data = as_exception(v).expect("exception slot on an exception");
    let args = data.args.borrow();
    match args.as_slice() {
        [] => Ok(new_str("")),
        // A missing key reads better quoted (CPython's KeyError_str).
        [one] if vm.type_of(v).is_subtype(&KEY_ERROR) => crate::ops::repr(vm, one),
        // OSError_str: "[Errno e] strerror" and the file names.
        _ if os_error_text(&data.os_args.borrow()).is_some() => {
            let none_if_null = |v: &Value| if v.is_null() { crate::builtins::singletons::none() } else { v.clone() };
            let os: Vec<Value> = data.os_args.borrow().iter().map(none_if_null).collect();
            let named = |i: usize| !data.os_args.borrow()[i].is_null();
            drop(args);
            let (errno, strerror) = (crate::ops::str(vm, &os[0])?, crate::ops::str(vm, &os[1])?);
            let (errno, strerror) = (as_str(&errno).unwrap_or("").to_string(), as_str(&strerror).unwrap_or("").to_string());
            let mut text = format!("[Errno {errno}] {strerror}");
            if named(2) {
                text.push_str(&format!(": {}", crate::ops::repr_string(vm, &os[2])?));
                if named(4) {
                    text.push_str(&format!(" -> {}", crate::ops::repr_string(vm, &os[4])?));
                }
            }
            Ok(new_str(&text))
        }
        [one] => crate::ops::str(vm, one),
        several => {
            let tuple = crate::builtins::tuple::new_tuple(several.to_vec());
            drop(args);
            crate::ops::str(vm, &tuple)
        }
    }
}

/// Does an OSError with fields `os` print as `[Errno e] strerror`? It
/// does with a file name, or with both errno and strerror set.
fn os_error_text(os: &[Value]) -> Option<()> {
    let set = |i: usize| os.get(i).is_some_and(|v| !v.is_null());
    (set(2) || (set(0) && set(1))).then_some(())
}

/// The attributes every exception has (`BaseException`'s members and
/// getset descriptors).
fn exception_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let data = as_exception(v).expect("exception slot on an exception");
    let link = |v: &Value| if v.is_null() { crate::builtins::singletons::none() } else { v.clone() };
    match crate::builtins::str::as_str(name).unwrap_or("") {
        "args" => Ok(crate::builtins::tuple::new_tuple(data.args.borrow().clone())),
        "__cause__" => Ok(link(&data.cause.borrow())),
        "__context__" => Ok(link(&data.context.borrow())),
        "__suppress_context__" => Ok(vm.bool(data.suppress_context.get())),
        "errno" | "strerror" | "filename" | "filename2" if vm.type_of(v).is_subtype(&OS_ERROR) => {
            let index = match crate::builtins::str::as_str(name).unwrap_or("") {
                "errno" => 0,
                "strerror" => 1,
                "filename" => 2,
                _ => 4,
            };
            let x = data.os_args.borrow().get(index).cloned().filter(|x| !x.is_null());
            Ok(x.unwrap_or_else(crate::builtins::singletons::none))
        }
        "code" if vm.type_of(v).is_subtype(&SYSTEM_EXIT) => Ok(system_exit_code(data)),
        attr @ ("msg" | "filename" | "lineno" | "offset" | "text" | "end_lineno" | "end_offset" | "print_file_and_line")
            if vm.type_of(v).is_subtype(&SYNTAX_ERROR) =>
        {
            if let Some(x) = data.dict.borrow().is_object().then(|| {
                crate::builtins::dict::as_dict(&data.dict.borrow()).and_then(|d| d.get_str(name))
            }).flatten() {
                return Ok(x);
            }
            Ok(syntax_error_field(data, attr))
        }
        attr @ ("encoding" | "object" | "start" | "end" | "reason")
            if unicode_field_names(vm.type_of(v)).is_some() =>
        {
            Ok(match unicode_field(vm.type_of(v), data, attr) {
                // `object` of a decode error is bytes, whatever bytes-like was given.
                Some(o) if attr == "object" && crate::builtins::bytes::as_bytearray(&o).is_some() => {
                    let copy = crate::builtins::bytes::as_buffer(&o).map(|b| b.to_vec()).unwrap_or_default();
                    crate::builtins::bytes::new_bytes(copy)
                }
                Some(x) => x,
                None => crate::builtins::singletons::none(),
            })
        }
        "value" if vm.type_of(v).is_subtype(&STOP_ITERATION) => Ok(stop_iteration_value(v)),
        attr @ ("message" | "exceptions") if crate::builtins::exception_group::group_parts(v).is_some() => {
            Ok(crate::builtins::exception_group::group_getattr(v, attr).unwrap_or_else(crate::builtins::singletons::none))
        }
        "__traceback__" => {
            let tb = data.traceback.borrow().clone();
            Ok(if tb.is_null() { crate::builtins::singletons::none() } else { tb })
        }
        attr => match crate::builtins::classes::generic_getattr(vm, v, name) {
            // The keyword fields a few exceptions have read None until set.
            Err(e) if keyword_fields(vm.type_of_static(v)).is_some_and(|(_, f)| f.contains(&attr) || attr == "msg") => {
                if attr == "msg" && !vm.type_of(v).is_subtype(&IMPORT_ERROR) {
                    return Err(e);
                }
                let args = data.args.borrow();
                Ok(match (attr, args.as_slice()) {
                    ("msg", [m]) => m.clone(),
                    _ => crate::builtins::singletons::none(),
                })
            }
            r => r,
        },
    }
}

/// A StopIteration's `value`: the member `__init__` or an assignment set,
/// else (one made natively) its first argument, else None.
pub fn stop_iteration_value(v: &Value) -> Value {
    let Some(data) = as_exception(v) else { return crate::builtins::singletons::none() };
    if let Some(x) = data.os_args.borrow().first() {
        return x.clone();
    }
    data.args.borrow().first().cloned().unwrap_or_else(crate::builtins::singletons::none)
}

/// `BaseException.__init__(self, *args, **kwargs)`: `args` replaced; the
/// keyword fields of ImportError, NameError and AttributeError set from
/// the keywords, those not given unset (CPython's `ImportError_init` and
/// siblings).
pub fn exception_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let fields = keyword_fields(vm.type_of_static(this));
    let npos = args.len() - kwnames.len();
    match fields {
        None if !kwnames.is_empty() => {
            let msg = format!("{}() takes no keyword arguments", vm.type_of(this).name());
            return Err(vm.type_error(msg));
        }
        Some((owner, fields)) => {
            for k in kwnames {
                let key = as_str(k).unwrap_or("");
                if !fields.contains(&key) {
                    return Err(vm.type_error(format!("'{key}' is an invalid keyword argument for {owner}()")));
                }
            }
            let data = as_exception(this).expect("an exception");
            let dict = data.dict.borrow().clone();
            for field in fields {
                let key = crate::builtins::str::intern(field);
                match kwnames.iter().position(|k| as_str(k) == Some(field)) {
                    Some(i) => crate::builtins::classes::generic_setattr(vm, this, &key, Some(args[npos + i].clone()))?,
                    None => {
                        if let Some(d) = crate::builtins::dict::as_dict(&dict) {
                            if d.get_str(&key).is_some() {
                                crate::builtins::classes::generic_setattr(vm, this, &key, None)?;
                            }
                        }
                    }
                }
            }
        }
        None => {}
    }
    if let Some(e) = as_exception(this) {
        *e.args.borrow_mut() = args[..npos].to_vec();
        // CPython's `StopIteration_init`: `value` is the first argument.
        if vm.type_of(this).is_subtype(&STOP_ITERATION) {
            let value = args[..npos].first().cloned().unwrap_or_else(crate::builtins::singletons::none);
            let old = std::mem::replace(&mut *e.os_args.borrow_mut(), vec![value]);
            drop(old);
        }
    }
    Ok(())
}

/// The keyword arguments an exception type takes, with the built-in type
/// that names them in errors: AttributeError's `name` and `obj`,
/// NameError's `name`, ImportError's `name` and `path`.
fn keyword_fields(ty: &TypeObject) -> Option<(&'static str, &'static [&'static str])> {
    if ty.is_subtype(&ATTRIBUTE_ERROR) {
        Some(("AttributeError", &["name", "obj"]))
    } else if ty.is_subtype(&NAME_ERROR) {
        Some(("NameError", &["name"]))
    } else if ty.is_subtype(&IMPORT_ERROR) {
        Some(("ImportError", &["name", "path"]))
    } else {
        None
    }
}

/// Setting the attributes every exception has; others go to its
/// `__dict__`.
pub fn exception_setattr(vm: &mut Vm, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let data = as_exception(v).expect("exception slot on an exception");
    let text = crate::builtins::str::as_str(name).unwrap_or("");
    let Some(value) = value else {
        if matches!(text, "args" | "__cause__" | "__context__" | "__suppress_context__" | "__traceback__") {
            return Err(vm.type_error(format!("{text} may not be deleted")));
        }
        return crate::builtins::classes::generic_setattr(vm, v, name, None);
    };
    let link = |vm: &mut Vm, what: &str, x: &Value| -> PyResult<Value> {
        if crate::builtins::singletons::is_none(x) {
            Ok(Value::NULL)
        } else if as_exception(x).is_some() {
            Ok(x.clone())
        } else {
            Err(vm.type_error(format!("exception {what} must be None or derive from BaseException")))
        }
    };
    match text {
        "message" | "exceptions" if crate::builtins::exception_group::group_parts(v).is_some() => {
            return Err(vm.error(&ATTRIBUTE_ERROR, "readonly attribute"));
        }
        "errno" | "strerror" | "filename" | "filename2" if vm.type_of(v).is_subtype(&OS_ERROR) => {
            let index = ["errno", "strerror", "filename", "", "filename2"].iter().position(|n| *n == text).unwrap_or(0);
            let mut os = data.os_args.borrow_mut();
            if os.is_empty() {
                os.resize(5, Value::NULL);
            }
            let old = std::mem::replace(&mut os[index], value);
            drop(os);
            drop(old);
        }
        "value" if vm.type_of(v).is_subtype(&STOP_ITERATION) => {
            let old = std::mem::replace(&mut *data.os_args.borrow_mut(), vec![value]);
            drop(old);
        }
        "args" => *data.args.borrow_mut() = crate::ops::collect(vm, &value)?,
        "__cause__" => {
            let x = link(vm, "cause", &value)?;
            *data.cause.borrow_mut() = x;
            data.suppress_context.set(true);
        }
        "__context__" => {
            let x = link(vm, "context", &value)?;
            *data.context.borrow_mut() = x;
        }
        "__suppress_context__" => data.suppress_context.set(crate::ops::truthy(vm, &value)?),
        "__traceback__" => set_traceback(vm, v, &value)?,
        _ => return crate::builtins::classes::generic_setattr(vm, v, name, Some(value)),
    }
    Ok(())
}

/// A SyntaxError's attribute from its `args`: `msg` is the first, the
/// location fields come from a second argument `(filename, lineno,
/// offset, text[, end_lineno, end_offset])`.
fn syntax_error_field(data: &ExceptionData, attr: &str) -> Value {
    let args = data.args.borrow();
    let none = crate::builtins::singletons::none;
    if attr == "msg" {
        return args.first().cloned().unwrap_or_else(none);
    }
    let info = match args.as_slice() {
        [_, info] => crate::builtins::tuple::as_tuple(info).map(|t| t.items.clone()),
        _ => None,
    };
    let Some(info) = info.filter(|i| i.len() == 4 || i.len() == 6) else { return none() };
    let index = match attr {
        "filename" => 0,
        "lineno" => 1,
        "offset" => 2,
        "text" => 3,
        "end_lineno" => 4,
        "end_offset" => 5,
        _ => return none(),
    };
    info.get(index).cloned().unwrap_or_else(none)
}

/// `str()` of a SyntaxError: `msg (file, line N)` (CPython's
/// `SyntaxError_str`, with the file's base name).
fn syntax_error_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let data = as_exception(v).expect("an exception");
    let msg = syntax_error_field(data, "msg");
    let msg = crate::ops::str(vm, &msg)?;
    let msg = as_str(&msg).unwrap_or("").to_string();
    let filename = syntax_error_field(data, "filename");
    let filename = as_str(&filename).map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
    let lineno = syntax_error_field(data, "lineno");
    let lineno = crate::builtins::int::int_of(&lineno).map(|_| crate::ops::repr_string(vm, &lineno)).transpose()?;
    Ok(new_str(&match (filename, lineno) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    }))
}

/// `SystemExit.code`: None without arguments, the argument, or the tuple
/// of several.
pub fn system_exit_code(data: &ExceptionData) -> Value {
    let args = data.args.borrow().clone();
    match args.as_slice() {
        [] => crate::builtins::singletons::none(),
        [one] => one.clone(),
        _ => crate::builtins::tuple::new_tuple(args),
    }
}

/// `ExcType(*args)`.
fn exception_new(vm: &mut Vm, ty: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if ty.is_subtype(&BASE_EXCEPTION_GROUP) {
        return crate::builtins::exception_group::group_new(vm, ty, args, kwnames);
    }
    if !kwnames.is_empty() {
        let Some((owner, fields)) = keyword_fields(ty) else {
            return Err(vm.type_error(format!("{}() takes no keyword arguments", ty.name())));
        };
        let npos = args.len() - kwnames.len();
        for k in kwnames {
            let key = crate::builtins::str::as_str(k).unwrap_or("");
            if !fields.contains(&key) {
                return Err(vm.type_error(format!("'{key}' is an invalid keyword argument for {owner}()")));
            }
        }
        let e = Value::from_owned(alloc(ty, ExceptionData::new(args[..npos].to_vec())));
        for (k, v) in kwnames.iter().zip(&args[npos..]) {
            crate::builtins::classes::generic_setattr(vm, &e, k, Some(v.clone()))?;
        }
        return Ok(e);
    }
    if std::ptr::eq(ty, &UNICODE_ENCODE_ERROR) || std::ptr::eq(ty, &UNICODE_DECODE_ERROR) {
        check_unicode_error_args(vm, ty, args)?;
    }
    if ty.heap.is_none() && ty.is_subtype(&SYNTAX_ERROR) && args.len() == 2 {
        check_syntax_error_info(vm, &args[1])?;
    }
    if !ty.is_subtype(&OS_ERROR) || !(2..=5).contains(&args.len()) {
        return Ok(Value::from_owned(alloc(ty, ExceptionData::new(args.to_vec()))));
    }
    // OSError(errno, strerror[, filename[, winerror[, filename2]]]): the
    // errno's subclass, with only (errno, strerror) as `args`.
    let mut ty = ty;
    if std::ptr::eq(ty, &OS_ERROR) {
        if let Some(sub) = args[0].as_small_int().and_then(os_error_subclass) {
            ty = sub;
        }
    }
    Ok(Value::from_owned(alloc(ty, os_error_data(args))))
}

/// The data of `OSError(errno, strerror[, filename[, winerror[,
/// filename2]]])` (2 to 5 arguments): only (errno, strerror) as `args`.
pub fn os_error_data(args: &[Value]) -> ExceptionData {
    let data = ExceptionData::new(args[..2].to_vec());
    // A None file name is no file name (oserror_init).
    let mut os: Vec<Value> = args.iter().map(|a| if crate::builtins::singletons::is_none(a) { Value::NULL } else { a.clone() }).collect();
    os[0] = args[0].clone();
    os[1] = args[1].clone();
    os.resize(5, Value::NULL);
    *data.os_args.borrow_mut() = os;
    data
}

/// `SyntaxError(msg, info)`: `info` is a sequence of 4 to 6 items
/// `(filename, lineno, offset, text[, end_lineno, end_offset])`
/// (CPython's `SyntaxError_init`).
fn check_syntax_error_info(vm: &mut Vm, info: &Value) -> PyResult<()> {
    let items = crate::ops::collect(vm, info)?;
    match items.len() {
        n @ 0..=3 => Err(vm.type_error(format!("function takes at least 4 arguments ({n} given)"))),
        5 => Err(vm.type_error("end_offset must be provided when end_lineno is provided")),
        n @ 7.. => Err(vm.type_error(format!("function takes at most 6 arguments ({n} given)"))),
        _ => Ok(()),
    }
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)` and
/// `UnicodeDecodeError(...)` check their arguments (CPython's
/// `PyArg_ParseTuple(args, "UUnnU")`, with a bytes-like object for a
/// decode error).
fn check_unicode_error_args(vm: &mut Vm, ty: &'static TypeObject, args: &[Value]) -> PyResult<()> {
    if args.len() != 5 {
        return Err(vm.type_error(format!("function takes exactly 5 arguments ({} given)", args.len())));
    }
    for (i, a) in args.iter().enumerate() {
        match i {
            1 if std::ptr::eq(ty, &UNICODE_DECODE_ERROR) => {
                crate::builtins::bytes::buffer_arg(vm, a)?;
            }
            2 | 3 => {
                crate::builtins::str_methods::ssize_arg(vm, a)?;
            }
            _ if as_str(a).is_none() && crate::builtins::str::as_str_data(a).is_none() => {
                let msg = format!("argument {} must be str, not {}", i + 1, vm.type_of(a).name());
                return Err(vm.type_error(msg));
            }
            _ => {}
        }
    }
    Ok(())
}

/// The fields of a UnicodeEncodeError or UnicodeDecodeError (from its
/// five arguments) or of a UnicodeTranslateError (four, no encoding).
fn unicode_field_names(ty: &TypeObject) -> Option<&'static [&'static str]> {
    if ty.is_subtype(&UNICODE_TRANSLATE_ERROR) {
        Some(&["object", "start", "end", "reason"])
    } else if ty.is_subtype(&UNICODE_ENCODE_ERROR) || ty.is_subtype(&UNICODE_DECODE_ERROR) {
        Some(&["encoding", "object", "start", "end", "reason"])
    } else {
        None
    }
}

/// A Unicode error's field `name`: as assigned (kept in `__dict__`), else
/// from the arguments it was made with.
fn unicode_field(ty: &TypeObject, data: &ExceptionData, name: &str) -> Option<Value> {
    let dict = data.dict.borrow().clone();
    if let Some(x) = crate::builtins::dict::as_dict(&dict).and_then(|d| d.get_str(&crate::builtins::str::intern(name))) {
        return Some(x);
    }
    let names = unicode_field_names(ty)?;
    let args = data.args.borrow();
    if args.len() != names.len() {
        return None;
    }
    args.get(names.iter().position(|n| *n == name)?).cloned()
}

/// `str()` of a UnicodeEncodeError, UnicodeDecodeError or
/// UnicodeTranslateError (CPython's `UnicodeEncodeError_str` and
/// siblings), from its current fields: `None` when it has none.
fn unicode_error_str(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    let ty = vm.type_of_static(v);
    let data = as_exception(v).expect("an exception");
    let get = |name: &str| unicode_field(ty, data, name);
    let (Some(object), Some(start), Some(end), Some(reason)) = (get("object"), get("start"), get("end"), get("reason")) else {
        return Ok(None);
    };
    let (Some(start), Some(end)) = (start.as_small_int(), end.as_small_int()) else { return Ok(None) };
    let reason = crate::ops::str(vm, &reason)?;
    let reason = as_str(&reason).unwrap_or("").to_string();
    // One character (or byte) is shown; a range by its positions.
    let single = |len: usize| start >= 0 && (start as usize) < len && end == start + 1;
    let char_shown = |text: &crate::builtins::str::StrData| {
        let cp = text.code_points().nth(start as usize).unwrap_or(0);
        match cp {
            0..=0xff => format!("\\x{cp:02x}"),
            0x100..=0xffff => format!("\\u{cp:04x}"),
            _ => format!("\\U{cp:08x}"),
        }
    };
    if ty.is_subtype(&UNICODE_TRANSLATE_ERROR) {
        let Some(text) = crate::builtins::str::as_str_data(&object) else { return Ok(None) };
        if single(text.len()) {
            return Ok(Some(format!("can't translate character '{}' in position {start}: {reason}", char_shown(text))));
        }
        return Ok(Some(format!("can't translate characters in position {start}-{}: {reason}", end - 1)));
    }
    let Some(encoding) = get("encoding") else { return Ok(None) };
    let encoding = crate::ops::str(vm, &encoding)?;
    let encoding = as_str(&encoding).unwrap_or("").to_string();
    if ty.is_subtype(&UNICODE_ENCODE_ERROR) {
        let Some(text) = crate::builtins::str::as_str_data(&object) else { return Ok(None) };
        if single(text.len()) {
            let shown = char_shown(text);
            return Ok(Some(format!("'{encoding}' codec can't encode character '{shown}' in position {start}: {reason}")));
        }
        return Ok(Some(format!("'{encoding}' codec can't encode characters in position {start}-{}: {reason}", end - 1)));
    }
    let Some(bytes) = crate::builtins::bytes::as_buffer(&object).map(|b| b.to_vec()) else { return Ok(None) };
    if single(bytes.len()) {
        let byte = bytes[start as usize];
        return Ok(Some(format!("'{encoding}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}")));
    }
    Ok(Some(format!("'{encoding}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)))
}

/// `repr(exc)`: `Name(args...)`.
fn exception_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let data = as_exception(v).expect("exception slot on an exception");
    let args: Vec<Value> = data.args.borrow().clone();
    let mut parts = Vec::new();
    for a in &args {
        parts.push(crate::ops::repr_string(vm, a)?);
    }
    let name = vm.type_of(v).name();
    Ok(new_str(&format!("{}({})", name, parts.join(", "))))
}

/// The message of an exception with one `str` argument (for Rust callers).
pub fn message(v: &Value) -> Option<String> {
    let data = as_exception(v)?;
    let args = data.args.borrow();
    args.first().and_then(|a| as_str(a).map(str::to_string))
}
