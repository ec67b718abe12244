//! The `_io` module (CPython's `Modules/_io/`): the class hierarchy under
//! CPython's own `Lib/io.py`, `open`, and the standard streams.
//!
//! Invariants:
//! - Every `_io` type, abstract or concrete, has the same payload,
//!   `IoData`: the `_IOBase` closed flag, an attribute dict for objects of
//!   the built-in types themselves (CPython's io objects all have a
//!   `__dict__`; `FileIO.name` and the `mode` that `open` sets live there)
//!   and a `State` saying which concrete object it is. So a class may
//!   derive from any mix of them (`class RawIOBase(_io._RawIOBase,
//!   IOBase)`): the most derived built-in is the solid base.
//! - A `State` is set by `__init__` (the `new` slot of a built-in type
//!   calls its `init` for the type itself; a class's `__init__` reaches
//!   it). Methods of a concrete type find `State::None` before that and
//!   raise CPython's "uninitialized object" ValueError.
//! - No borrow of `IoData::state` is held across a call that may run
//!   Python code (a raw stream's `readinto`, a codec): the state is read,
//!   the call made, the state borrowed again.
//! - Objects are flushed and closed when freed only through Rust: a
//!   buffered writer over a native FileIO writes its buffer out, a FileIO
//!   closes its descriptor (Krait runs no Python code in a dealloc yet).

mod buffered;
mod bytesio;
mod fileio;
mod iobase;
mod open;
mod stdio;
mod stringio;
mod textio;
mod textio_read;

#[cfg(test)]
mod tests;

use std::cell::{Cell, RefCell};

use crate::builtins::classes::BuiltinBase;
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::function::{new_builtin, new_module};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::str::{intern, new_str};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::ops;
use crate::types::{type_value, Slot, TypeObject, Visit};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub use iobase::{BUFFERED_IOBASE_TYPE, IOBASE_TYPE, RAW_IOBASE_TYPE, TEXT_IOBASE_TYPE};
pub use open::open;
pub use stdio::{apply_stdio_encoding, builtin_input, flush_std_files, flush_std_streams, flush_streams, init_std_streams, print_fast};

/// `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The payload of every `_io` object (see the module's invariants).
pub struct IoData {
    /// `_IOBase`'s own closed flag (CPython's `__IOBase_closed`).
    pub(super) base_closed: Cell<bool>,
    /// Attributes of an object of a built-in `_io` type (NULL until one is
    /// set); a class's instances keep theirs in their own storage.
    pub(super) dict: RefCell<Value>,
    pub(super) state: RefCell<State>,
    /// Weak references to it exist (an object of a built-in `_io` type;
    /// a class's instances keep the flag in their instance data).
    weakly_referenced: Cell<bool>,
}

/// Which concrete object an `IoData` is.
pub enum State {
    /// `_IOBase` and the other abstract bases, or a concrete object whose
    /// `__init__` has not run.
    None,
    File(fileio::FileState),
    Bytes(bytesio::BytesState),
    Str(stringio::StringState),
    Buffered(buffered::BufferedState),
    Pair(Value, Value),
    Text(Box<textio::TextState>),
    Decoder(textio::NewlineDecoder),
}

impl IoData {
    fn new() -> IoData {
        IoData {
            base_closed: Cell::new(false),
            dict: RefCell::new(Value::NULL),
            state: RefCell::new(State::None),
            weakly_referenced: Cell::new(false),
        }
    }

    fn trace(&self, visit: Visit) {
        if let Ok(d) = self.dict.try_borrow() {
            if !d.is_null() {
                visit(&d);
            }
        }
        if let Ok(s) = self.state.try_borrow() {
            match &*s {
                State::Buffered(b) => visit(&b.raw),
                State::Bytes(b) => b.trace(visit),
                State::Pair(r, w) => {
                    visit(r);
                    visit(w);
                }
                State::Text(t) => t.trace(visit),
                State::Decoder(d) if !d.decoder.is_null() => visit(&d.decoder),
                _ => {}
            }
        }
    }
}

/// The `IoData` of `v`, an object of an `_io` type or of a class derived
/// from one.
pub fn io(v: &Value) -> &IoData {
    let p = v.as_object().expect("an _io object");
    debug_assert!(p.ty().is_subtype(&IOBASE_TYPE) || p.ty().is_subtype(&textio::NEWLINE_DECODER_TYPE));
    // SAFETY: objects of the `_io` types are Obj<IoData>, those of classes
    // derived from them Obj<Subclassed<IoData>> with the payload first;
    // the slots and methods calling this get only such objects.
    unsafe { p.data::<IoData>() }
}

/// The `IoData` of `v` if it is an `_io` object.
pub fn as_io(v: &Value) -> Option<&IoData> {
    let p = v.as_object()?;
    (p.ty().is_subtype(&IOBASE_TYPE) || p.ty().is_subtype(&textio::NEWLINE_DECODER_TYPE)).then(|| io(v))
}

/// Mark an object of a built-in `_io` type as weakly referenced (false
/// for anything else; a class's instances are marked by `classes`).
pub fn mark_weakly_referenced(v: &Value) -> bool {
    match v.as_object() {
        Some(p) if p.ty().heap.is_none() && as_io(v).is_some() => {
            io(v).weakly_referenced.set(true);
            true
        }
        _ => false,
    }
}

/// A new, uninitialised object of `cls` (an `_io` type or a class derived
/// from one).
pub(super) fn alloc_io(cls: &'static TypeObject) -> Value {
    if cls.heap.is_none() {
        Value::from_owned(alloc(cls, IoData::new()))
    } else {
        crate::builtins::classes::alloc_subclassed(cls, IoData::new())
    }
}

/// The `new` slot of every `_io` type: an object whose `__init__` (run
/// here for the built-in type itself) sets its state.
pub(super) fn io_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let obj = alloc_io(cls);
    if cls.heap.is_none() {
        if let Some(init) = cls.init {
            init(vm, &obj, args, kwnames)?;
        }
    }
    Ok(obj)
}

/// Write out what a native writer holds before its object goes.
fn finalize(data: &IoData) {
    let state = std::mem::replace(&mut *data.state.borrow_mut(), State::None);
    match state {
        State::Text(mut t) => textio::finalize(&mut t),
        State::Buffered(mut b) => buffered::finalize(&mut b),
        State::File(f) => fileio::finalize(&f),
        _ => {}
    }
}

pub(super) unsafe fn dealloc_io(p: ObjPtr) {
    // SAFETY: objects of the `_io` types are Obj<IoData>.
    let data = unsafe { p.data::<IoData>() };
    if data.weakly_referenced.get() {
        crate::builtins::weakref::clear(p.addr());
    }
    finalize(data);
    // SAFETY: as above.
    unsafe { dealloc_boxed::<IoData>(p) }
}

unsafe fn dealloc_io_subclassed(p: ObjPtr) {
    // SAFETY: a class's instances are Obj<Subclassed<IoData>>, payload first.
    finalize(unsafe { p.data::<IoData>() });
    // SAFETY: as above.
    unsafe { crate::builtins::classes::dealloc_subclassed::<IoData>(p) }
}

pub(super) fn trace_io(p: ObjPtr, visit: Visit) {
    // SAFETY: called with `_io` objects, Obj<IoData> (payload first).
    unsafe { p.data::<IoData>() }.trace(visit)
}

/// A built-in `_io` type with the slots every one of them has; the others
/// are filled with struct-update syntax.
pub(super) const fn io_type(name: &'static str, base: &'static TypeObject) -> TypeObject {
    TypeObject {
        iter: Slot::new(iobase::iobase_iter),
        next: Slot::new(iobase::iobase_next),
        getattr: Slot::new(io_getattr),
        setattr: Slot::new(io_setattr),
        new: Some(io_new),
        ..TypeObject::builtin(name, Some(base), dealloc_io, trace_io)
    }
}

/// Attribute look-up: the generic one, then the object's own dict.
fn io_getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    if let Some(v) = crate::builtins::classes::generic_getattr_opt(vm, obj, name)? {
        return Ok(v);
    }
    let d = io(obj).dict.borrow().clone();
    if let Some(v) = as_dict(&d).and_then(|d| d.get_str(name)) {
        return Ok(v);
    }
    if crate::builtins::str::as_str(name) == Some("__dict__") {
        let d = own_dict(obj);
        return Ok(d);
    }
    Err(crate::builtins::classes::attribute_error(vm, obj, name))
}

fn own_dict(obj: &Value) -> Value {
    let data = io(obj);
    if data.dict.borrow().is_null() {
        *data.dict.borrow_mut() = new_dict();
    }
    let d = data.dict.borrow().clone();
    d
}

/// Attribute assignment: data descriptors, then (for the built-in types'
/// own objects) the object's dict.
fn io_setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let ty = vm.type_of_static(obj);
    if ty.heap.is_some() {
        return crate::builtins::classes::generic_setattr(vm, obj, name, value);
    }
    if let Some(d) = crate::builtins::classes::type_lookup(ty, name) {
        if let Some(set) = vm.type_of(&d).descr_set.get() {
            return set(vm, &d, obj, value);
        }
    }
    let d = own_dict(obj);
    crate::builtins::classes::set_in_dict(vm, obj, as_dict(&d).expect("a dict"), name, value)
}

/// Is `v` exactly a TextIOWrapper (what `print_fast` may take)?
#[inline]
pub fn is_text_wrapper(v: &Value) -> bool {
    v.as_object().is_some_and(|p| std::ptr::eq(p.ty(), &textio::TEXTIOWRAPPER_TYPE))
}

/// The base every `_io` type gives a class derived from it.
pub fn builtin_base(ty: &'static TypeObject) -> Option<BuiltinBase> {
    ALL_TYPES
        .iter()
        .any(|t| std::ptr::eq(*t, ty))
        .then(|| BuiltinBase::allocated_by_new_with::<IoData>(ty, dealloc_io_subclassed))
}

static ALL_TYPES: [&TypeObject; 13] = [
    &IOBASE_TYPE,
    &RAW_IOBASE_TYPE,
    &BUFFERED_IOBASE_TYPE,
    &TEXT_IOBASE_TYPE,
    &fileio::FILEIO_TYPE,
    &bytesio::BYTESIO_TYPE,
    &stringio::STRINGIO_TYPE,
    &buffered::BUFFERED_READER_TYPE,
    &buffered::BUFFERED_WRITER_TYPE,
    &buffered::BUFFERED_RANDOM_TYPE,
    &buffered::BUFFERED_RWPAIR_TYPE,
    &textio::TEXTIOWRAPPER_TYPE,
    &textio::NEWLINE_DECODER_TYPE,
];

// ----- errors ---------------------------------------------------------------

thread_local! {
    static UNSUPPORTED: Cell<Option<&'static TypeObject>> = const { Cell::new(None) };
}

/// `io.UnsupportedOperation`, a class derived from OSError and ValueError
/// (made once per thread, as CPython's `_io` makes it with `type()`).
pub fn unsupported_type(vm: &mut Vm) -> PyResult<&'static TypeObject> {
    if let Some(t) = UNSUPPORTED.with(Cell::get) {
        return Ok(t);
    }
    use crate::builtins::exceptions::{OS_ERROR, VALUE_ERROR};
    let ns = new_dict();
    as_dict(&ns).expect("a dict").set(vm, intern("__module__"), new_str("io"))?;
    let bases = [type_value(&OS_ERROR), type_value(&VALUE_ERROR)];
    let cls = crate::builtins::classes::new_class(vm, &crate::types::TYPE_TYPE, "UnsupportedOperation", &bases, &ns, &[])?;
    let ty = crate::types::as_type(&cls).expect("a class");
    UNSUPPORTED.with(|c| c.set(Some(ty)));
    Ok(ty)
}

/// An `io.UnsupportedOperation(msg)`.
pub(super) fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    match unsupported_type(vm) {
        Ok(ty) => PyErr { exception: crate::builtins::exceptions::exception_with_args(ty, vec![new_str(msg)]) },
        Err(e) => e,
    }
}

/// ValueError "I/O operation on closed file."
pub(super) fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// ValueError for a concrete object whose `__init__` has not run.
pub(super) fn uninitialized(vm: &mut Vm, obj: &Value) -> PyErr {
    let ty = vm.type_of(obj);
    let what = if ty.is_subtype(&textio::TEXTIOWRAPPER_TYPE) || ty.is_subtype(&BUFFERED_IOBASE_TYPE) {
        "raw stream has been detached"
    } else {
        "I/O operation on uninitialized object"
    };
    vm.value_error(what)
}

/// An OSError for the C library's `errno`.
pub(super) fn errno_error(errno: i32, filename: Option<Value>) -> PyErr {
    crate::builtins::posix::errno_error(errno, filename, None)
}

// ----- argument conventions ---------------------------------------------------

/// `obj.name(*args)`.
pub fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let f = ops::getattr(vm, obj, &intern(name))?;
    crate::eval::call(vm, &f, args, &[])
}

/// A size argument: None or an integer (`_Py_convert_optional_to_ssize_t`);
/// `None` for "all".
pub(super) fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if crate::builtins::singletons::is_none(v) => Ok(None),
        Some(v) => {
            // `PyNumber_AsSsize_t(v, OverflowError)`'s message.
            let n = ssize_index(vm, v, "cannot fit 'int' into an index-sized integer")?;
            Ok((n >= 0).then_some(n))
        }
    }
}

/// An integer argument through `__index__`, as a C `Py_ssize_t`.
pub(super) fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    ssize_index(vm, v, "Python int too large to convert to C ssize_t")
}

/// `v` through `__index__` as an i64, `overflow` the message beyond it.
fn ssize_index(vm: &mut Vm, v: &Value, overflow: &str) -> PyResult<i64> {
    let Some(i) = ops::index(vm, v)? else {
        let msg = format!("argument should be integer or None, not '{}'", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    // A big int may still fit (small ints are narrower than i64).
    let n = match int_of(&i) {
        Some(Int::Small(n)) => Some(n),
        Some(Int::Big(b)) => i64::try_from(b).ok(),
        None => None,
    };
    n.ok_or_else(|| vm.overflow_error(overflow))
}

/// A plain `int` result (a position or a count) as i64.
pub(super) fn int_result(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match int_of(v) {
        Some(Int::Small(n)) => Ok(n),
        Some(Int::Big(_)) => Err(vm.overflow_error("Python int too large to convert to C long")),
        None => match ops::index(vm, v)? {
            Some(i) => int_result(vm, &i),
            None => {
                let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
                Err(vm.type_error(msg))
            }
        },
    }
}

/// At most `max` positional arguments and no keywords, with the messages
/// of Argument Clinic's `_PyArg_CheckPositional`.
pub(super) fn positional<'a>(vm: &mut Vm, fname: &str, args: &'a [Value], kwnames: &[Value], min: usize, max: usize) -> PyResult<&'a [Value]> {
    if !kwnames.is_empty() {
        return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
    }
    let s = |n: usize| if n == 1 { "" } else { "s" };
    if args.len() > max {
        let msg = if max == 0 {
            format!("{fname}() takes no arguments ({} given)", args.len())
        } else if min == max {
            format!("{fname}() takes exactly {max} argument{} ({} given)", s(max), args.len())
        } else {
            format!("{fname} expected at most {max} argument{}, got {}", s(max), args.len())
        };
        return Err(vm.type_error(msg));
    }
    if args.len() < min {
        let msg = if min == max {
            format!("{fname}() takes exactly {min} argument{} ({} given)", s(min), args.len())
        } else {
            format!("{fname} expected at least {min} argument{}, got {}", s(min), args.len())
        };
        return Err(vm.type_error(msg));
    }
    Ok(args)
}

/// The dict part of a `__getstate__`: a copy of the object's attributes,
/// or None.
pub(super) fn state_dict(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let d = match crate::builtins::classes::instance_dict(vm, obj)? {
        Some(d) => d,
        None => io(obj).dict.borrow().clone(),
    };
    match as_dict(&d) {
        Some(dd) if !dd.items().is_empty() => {
            let copy = new_dict();
            for (k, v) in dd.items() {
                as_dict(&copy).expect("a dict").set(vm, k, v)?;
            }
            Ok(copy)
        }
        _ => Ok(vm.none()),
    }
}

/// The position item of a `__setstate__` tuple.
pub(super) fn state_position(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    match int_of(v) {
        Some(Int::Small(n)) if n >= 0 => Ok(n as usize),
        Some(Int::Small(_)) => Err(vm.value_error("position value cannot be negative")),
        Some(Int::Big(_)) => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        None => {
            let msg = format!("second item of state must be an integer, not {}", vm.type_of(v).name());
            Err(vm.type_error(msg))
        }
    }
}

/// Update the object's attributes from the dict item of a `__setstate__`.
/// (`which`: "third" for BytesIO, "fourth" for StringIO, as CPython says).
pub(super) fn set_state_dict(vm: &mut Vm, obj: &Value, v: &Value, which: &str) -> PyResult<()> {
    if crate::builtins::singletons::is_none(v) {
        return Ok(());
    }
    let Some(d) = as_dict(v) else {
        let msg = format!("{which} item of state should be a dict, got a {}", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    for (k, val) in d.items() {
        crate::builtins::classes::setattr(vm, obj, &k, Some(val))?;
    }
    Ok(())
}

/// A `str` from generalized UTF-8 bytes (what `StrData::bytes` holds).
pub fn str_from_wtf8(bytes: &[u8]) -> Value {
    let len = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    crate::builtins::str::new_str_bytes(bytes.into(), len)
}

// ----- the module -------------------------------------------------------------

/// The `_io` module.
pub fn new_io_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str("_io"))?;
    dd.set(vm, new_str("__doc__"), vm.none())?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    dd.set(vm, new_str("__loader__"), vm.none())?;
    dd.set(vm, new_str("__spec__"), vm.none())?;
    for ty in ALL_TYPES.iter().take(13) {
        let name = ty.name().rsplit('.').next().unwrap_or(ty.name());
        dd.set(vm, new_str(name), type_value(ty))?;
    }
    dd.set(vm, new_str("DEFAULT_BUFFER_SIZE"), new_int(DEFAULT_BUFFER_SIZE as i64))?;
    let unsupported = unsupported_type(vm)?;
    dd.set(vm, new_str("UnsupportedOperation"), type_value(unsupported))?;
    dd.set(vm, new_str("BlockingIOError"), type_value(&crate::builtins::exceptions::BLOCKING_IO_ERROR))?;
    // The same function object as `builtins.open`, as in CPython.
    let builtins = vm.builtins()?;
    let open = as_dict(&builtins).and_then(|b| b.get_str(&intern("open"))).unwrap_or_else(|| new_builtin("open", open::open));
    dd.set(vm, new_str("open"), open)?;
    dd.set(vm, new_str("open_code"), new_builtin("open_code", open::open_code))?;
    dd.set(vm, new_str("text_encoding"), new_builtin("text_encoding", open::text_encoding))?;
    Ok(new_module("_io", d))
}
