//! Generators: a Python frame that can be suspended and resumed.
//!
//! Invariants:
//! - A running frame lives on the VM's contiguous stack. `RETURN_GENERATOR`
//!   moves the new frame and its stack slice (locals, evaluation stack)
//!   into a generator; `YIELD_VALUE` moves them back in (`SavedFrame`);
//!   resuming copies them onto the top of the stack again. So a suspended
//!   generator costs its own locals and nothing on the shared stack.
//! - A generator frame is resumed by `send` (`next`, `throw`, `close`,
//!   `SEND`), each a nested run of the evaluation loop that ends when the
//!   generator yields, returns or raises; or by `FOR_ITER` in the running
//!   loop (`push_inline`), which then suspends or finishes it through
//!   `suspend_inline`, `finish_inline` and `fail_inline`. Its depth counts
//!   against the recursion limit like any frame.
//! - The exception being handled inside the generator (`sys.exception()`)
//!   is saved with it while it is suspended and swapped in when it runs.
//! - PEP 479: StopIteration escaping a generator frame becomes
//!   RuntimeError("generator raised StopIteration").

use std::cell::RefCell;

use crate::builtins::exceptions::{
    self, as_exception, GENERATOR_EXIT, RUNTIME_ERROR, STOP_ITERATION, VALUE_ERROR,
};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, new_str};
use crate::eval::Frame;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{GetSetDef, MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A suspended frame: the frame and its slice of the value stack.
pub struct SavedFrame {
    pub frame: Frame,
    pub stack: Vec<Value>,
}

enum State {
    /// Made, not started: the frame waits before its first instruction.
    Created(SavedFrame),
    Suspended(SavedFrame),
    /// Suspended in `yield from`, passing a `throw` or `close` on to the
    /// subiterator: running as far as anyone can see (CPython marks the
    /// frame executing around `_gen_throw`'s delegation).
    Delegating(SavedFrame),
    Running,
    Finished,
}

/// Which kind of suspendable frame a `GenData` runs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Generator => "generator",
            Kind::Coroutine => "coroutine",
            Kind::AsyncGenerator => "async generator",
        }
    }
}

pub struct GenData {
    kind: Kind,
    state: RefCell<State>,
    name: RefCell<Value>,
    qualname: RefCell<Value>,
    code: Value,
    /// The exception handled inside the generator while it is suspended.
    exc_state: RefCell<Value>,
    /// While `push_inline` runs it: the caller's `Vm::exc_outer` (its
    /// `exc_info` waits in `exc_state`).
    caller_outer: RefCell<Value>,
    /// Weak references to it exist (see `weakref`).
    weakly_referenced: std::cell::Cell<bool>,
    /// An async generator's hooks were set up (on its first
    /// `__anext__`/`asend`/`athrow`/`aclose`).
    hooks_inited: std::cell::Cell<bool>,
    /// The `finalizer` hook in force then (NULL: none), called instead of
    /// closing it when it is freed unfinished; taken when called.
    finalizer: RefCell<Value>,
    /// A coroutine's `cr_origin` (NULL: None; see `generator_origin`).
    origin: Value,
    /// While it runs: its frame's index in `Vm::frames` (what `gi_frame`
    /// shows then).
    running_at: std::cell::Cell<usize>,
    /// An async generator's `ag_running_async`: an `asend`/`athrow`
    /// awaitable is driving it (what `ag_running` shows).
    pub(crate) running_async: std::cell::Cell<bool>,
    /// An async generator's `ag_closed`: it raised StopAsyncIteration or
    /// GeneratorExit, or `aclose()` began.
    pub(crate) ag_closed: std::cell::Cell<bool>,
}

/// What a resumed generator did.
pub enum Sent {
    Yielded(Value),
    Returned(Value),
}

pub(crate) unsafe fn dealloc_generator(p: ObjPtr) {
    // SAFETY: generators are allocated by `new_generator` as Obj<GenData>.
    let g = unsafe { p.data::<GenData>() };
    // Weak references die first (gen_dealloc), whatever the finalizer does.
    if g.weakly_referenced.replace(false) {
        crate::builtins::weakref::clear(p.addr());
    }
    if needs_finalizer_hook(g) {
        // `_PyGen_Finalize` for an async generator with a finalizer hook
        // (asyncio's, which schedules `aclose()`).
        crate::finalize::defer(p, call_finalizer_hook);
        return;
    }
    if never_started_coroutine(g) {
        // `_PyGen_Finalize`: "coroutine '...' was never awaited".
        crate::finalize::defer(p, warn_unawaited);
        return;
    }
    if needs_close(g) {
        // CPython's `_PyGen_Finalize`: closing runs the `finally` blocks
        // and `__exit__`s the generator is suspended in.
        crate::finalize::defer(p, finalize_generator);
        return;
    }
    if let Ok(State::Created(s) | State::Suspended(s) | State::Delegating(s)) = g.state.try_borrow().as_deref() {
        unlink_frame(s);
    }
    // SAFETY: as above.
    unsafe { dealloc_boxed::<GenData>(p) }
}

/// Is `g` a coroutine (an `async def`'s, `CO_COROUTINE`) that never ran?
fn never_started_coroutine(g: &GenData) -> bool {
    g.kind == Kind::Coroutine
        && code_flags(&g.code) & 0x80 != 0
        && g.state.try_borrow().is_ok_and(|s| matches!(*s, State::Created(_)))
}

/// CPython's `_PyErr_WarnUnawaitedCoroutine`: a RuntimeWarning through
/// `warnings._warn_unawaited_coroutine(coro)` (which adds `cr_origin`),
/// else made here; errors are reported against the coroutine. The frame
/// is dropped first, so the coroutine is freed when the queue lets go.
fn warn_unawaited(vm: &mut Vm, coro: &Value) {
    let Some(g) = data_of(coro) else { return };
    let old = std::mem::replace(&mut *g.state.borrow_mut(), State::Finished);
    if let State::Created(s) | State::Suspended(s) = &old {
        unlink_frame(s);
    }
    drop(old);
    let mut warned = false;
    let hook = crate::import::import_module(vm, "warnings")
        .ok()
        .and_then(|m| crate::ops::getattr(vm, &m, &new_str("_warn_unawaited_coroutine")).ok());
    if let Some(hook) = hook {
        match crate::eval::call(vm, &hook, std::slice::from_ref(coro), &[]) {
            Ok(_) => warned = true,
            Err(e) => {
                warned = vm.type_of(&e.exception).is_subtype(&exceptions::RUNTIME_WARNING);
                crate::run::write_unraisable(vm, &e, coro);
            }
        }
    }
    if !warned {
        let qualname = g.qualname.borrow().clone();
        let msg = format!("coroutine '{}' was never awaited", as_str(&qualname).unwrap_or("?"));
        let warn = crate::import::import_module(vm, "warnings").and_then(|m| crate::ops::getattr(vm, &m, &new_str("warn")));
        let category = crate::types::type_value(&exceptions::RUNTIME_WARNING);
        let r = warn.and_then(|w| crate::eval::call(vm, &w, &[new_str(&msg), category, crate::builtins::int::new_int(1), coro.clone()], &[]));
        if let Err(e) = r {
            crate::run::write_unraisable(vm, &e, coro);
        }
    }
}

/// Would closing the generator run code: is it suspended where a handler
/// (a `try`, a `with`) covers, or in `yield from` (its subiterator is
/// closed)? (Elsewhere GeneratorExit would leave it at once, which no one
/// can see.)
fn needs_close(g: &GenData) -> bool {
    if g.kind == Kind::AsyncGenerator {
        return false;
    }
    let Ok(state) = g.state.try_borrow() else { return false };
    let State::Suspended(saved) = &*state else { return false };
    if delegate(saved).is_some() {
        return true;
    }
    let Some(code) = crate::builtins::function::as_code(&saved.frame.code) else { return false };
    let offset = saved.frame.ip.saturating_sub(1) as u32;
    code.co.exception_table.iter().any(|h| h.start <= offset && offset < h.end)
}

/// Is `g` an unfinished async generator with a finalizer hook?
fn needs_finalizer_hook(g: &GenData) -> bool {
    g.kind == Kind::AsyncGenerator
        && g.finalizer.try_borrow().is_ok_and(|f| !f.is_null())
        && !g.state.try_borrow().is_ok_and(|s| matches!(*s, State::Finished))
}

/// A suspended frame's frame object (if it has one) names generator
/// `gen` as the one suspended in it, for `frame.clear()`. The link is
/// cut whenever the frame leaves the generator's state (it runs again,
/// or is dropped), so it never outlives the generator.
fn link_frame(gen: &Value, saved: &SavedFrame) {
    if let (Some(f), Some(p)) = (crate::builtins::frame::as_frame(&saved.frame.frame_obj), gen.as_object()) {
        f.generator.set(p.addr());
    }
}

/// Cut the link `link_frame` made.
fn unlink_frame(saved: &SavedFrame) {
    if let Some(f) = crate::builtins::frame::as_frame(&saved.frame.frame_obj) {
        f.generator.set(0);
    }
}

/// `frame.clear()` of the frame generator `gen` is suspended in
/// (CPython's `_PyGen_Finalize`): an unawaited coroutine warns, an async
/// generator with a finalizer hook is handed to it, else it is closed;
/// an error is reported as unraisable.
pub(crate) fn finalize_for_clear(vm: &mut Vm, gen: &Value) {
    let Some(g) = data_of(gen) else { return };
    if needs_finalizer_hook(g) {
        call_finalizer_hook(vm, gen);
    } else if never_started_coroutine(g) {
        warn_unawaited(vm, gen);
    } else {
        finalize_generator(vm, gen);
    }
}

/// Call an async generator's finalizer hook with it (once); an error is
/// reported against the hook.
fn call_finalizer_hook(vm: &mut Vm, agen: &Value) {
    let Some(g) = as_async_generator_data(agen) else { return };
    let hook = std::mem::replace(&mut *g.finalizer.borrow_mut(), Value::NULL);
    if hook.is_null() {
        return;
    }
    if let Err(e) = crate::eval::call(vm, &hook, std::slice::from_ref(agen), &[]) {
        crate::run::write_unraisable(vm, &e, &hook);
    }
}

/// `async_gen_init_hooks`: on an async generator's first operation, keep
/// the current finalizer hook and call the firstiter hook with it.
pub(crate) fn init_asyncgen_hooks(vm: &mut Vm, agen: &Value) -> PyResult<()> {
    let Some(g) = as_async_generator_data(agen) else { return Ok(()) };
    if g.hooks_inited.replace(true) {
        return Ok(());
    }
    let (firstiter, finalizer) = crate::generator_async::hooks();
    if !finalizer.is_null() && !is_none(&finalizer) {
        *g.finalizer.borrow_mut() = finalizer;
    }
    if !firstiter.is_null() && !is_none(&firstiter) {
        crate::eval::call(vm, &firstiter, std::slice::from_ref(agen), &[])?;
    }
    Ok(())
}

/// Mark generator `v` weakly referenced; false if `v` is no generator.
pub(crate) fn mark_weakly_referenced(v: &Value) -> bool {
    match data_of(v) {
        Some(g) => {
            g.weakly_referenced.set(true);
            true
        }
        None => false,
    }
}

/// Would freeing generator `v` now close it (see `needs_close`)?
pub(crate) fn needs_finalizing(v: &Value) -> bool {
    data_of(v).is_some_and(needs_close)
}

/// Close a generator freed while suspended in a handler; an error is
/// reported against the generator.
pub(crate) fn finalize_generator(vm: &mut Vm, gen: &Value) {
    if let Err(e) = close(vm, gen) {
        crate::run::write_unraisable(vm, &e, gen);
    }
}

pub(crate) fn trace_generator(p: ObjPtr, visit: Visit) {
    // SAFETY: generators are Obj<GenData>.
    let g = unsafe { p.data::<GenData>() };
    visit(&g.name.borrow());
    visit(&g.qualname.borrow());
    visit(&g.code);
    if !g.origin.is_null() {
        visit(&g.origin);
    }
    let fin = g.finalizer.borrow();
    if !fin.is_null() {
        visit(&fin);
    }
    let exc = g.exc_state.borrow();
    if !exc.is_null() {
        visit(&exc);
    }
    let outer = g.caller_outer.borrow();
    if !outer.is_null() {
        visit(&outer);
    }
    if let State::Created(s) | State::Suspended(s) | State::Delegating(s) = &*g.state.borrow() {
        s.frame.trace(visit);
        s.stack.iter().filter(|v| !v.is_null()).for_each(visit);
    }
}

pub(crate) fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    gen_repr(vm, v)
}

fn gen_repr(_: &mut Vm, v: &Value) -> PyResult<Value> {
    let g = data_of(v).expect("generator slot");
    let qualname = g.qualname.borrow().clone();
    let name = as_str(&qualname).unwrap_or("?");
    Ok(new_str(&format!("<{} object {} at {:#x}>", g.kind.noun(), name, v.bits() & ((1 << 48) - 1))))
}

/// The attributes of generators, coroutines and async generators as data
/// descriptors in their type's namespace (`dir(gen)`, the docs of
/// `types.CoroutineType.__dict__['__name__']`, "attribute 'gi_running' of
/// 'generator' objects is not writable"). Instances answer them in
/// `generator_getattr` first, which handles every name listed here (so
/// reading one never comes back to its descriptor).
macro_rules! gen_getset {
    ($name:literal) => {
        GetSetDef { name: $name, get: |vm, v| generator_getattr(vm, v, &new_str($name)), set: None, member: false }
    };
    ($name:literal, member) => {
        GetSetDef { name: $name, get: |vm, v| generator_getattr(vm, v, &new_str($name)), set: None, member: true }
    };
    ($name:literal, settable) => {
        GetSetDef {
            name: $name,
            get: |vm, v| generator_getattr(vm, v, &new_str($name)),
            set: Some(|vm, v, value| generator_setattr(vm, v, &new_str($name), value)),
            member: false,
        }
    };
}

static GENERATOR_GETSETS: [GetSetDef; 7] = [
    gen_getset!("gi_code", member),
    gen_getset!("__name__", settable),
    gen_getset!("__qualname__", settable),
    gen_getset!("gi_yieldfrom"),
    gen_getset!("gi_running"),
    gen_getset!("gi_frame"),
    gen_getset!("gi_suspended"),
];

static COROUTINE_GETSETS: [GetSetDef; 8] = [
    gen_getset!("cr_code", member),
    gen_getset!("cr_origin", member),
    gen_getset!("__name__", settable),
    gen_getset!("__qualname__", settable),
    gen_getset!("cr_await"),
    gen_getset!("cr_running"),
    gen_getset!("cr_frame"),
    gen_getset!("cr_suspended"),
];

pub(crate) static ASYNC_GENERATOR_GETSETS: [GetSetDef; 6] = [
    gen_getset!("ag_running", member),
    gen_getset!("ag_code", member),
    gen_getset!("__name__", settable),
    gen_getset!("__qualname__", settable),
    gen_getset!("ag_await"),
    gen_getset!("ag_frame"),
];

pub static GENERATOR_TYPE: TypeObject = TypeObject {
    repr: Slot::new(gen_repr),
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| match send(vm, v, none(), None)? {
        Sent::Yielded(x) => Ok(Some(x)),
        Sent::Returned(r) if is_none(&r) => Ok(None),
        Sent::Returned(r) => Err(stop_iteration(r)),
    }),
    getattr: Slot::new(generator_getattr),
    setattr: Slot::new(generator_setattr),
    getsets: &GENERATOR_GETSETS,
    methods: &[
        MethodDef { name: "send", func: generator_send },
        MethodDef { name: "throw", func: generator_throw },
        MethodDef { name: "close", func: close_method },
    ],
    ..TypeObject::builtin("generator", Some(&OBJECT_TYPE), dealloc_generator, trace_generator)
};

/// The frame data of a generator or coroutine (what `send` resumes).
/// Coroutines: the frames of `async def` functions, driven by `send`
/// (directly, or by the `SEND` loop of an `await`).
pub static COROUTINE_TYPE: TypeObject = TypeObject {
    repr: Slot::new(gen_repr),
    getattr: Slot::new(generator_getattr),
    setattr: Slot::new(generator_setattr),
    getsets: &COROUTINE_GETSETS,
    methods: &[
        MethodDef { name: "send", func: generator_send },
        MethodDef { name: "throw", func: generator_throw },
        MethodDef { name: "close", func: close_method },
        MethodDef { name: "__await__", func: |_, this, _, _| Ok(coroutine_await(this)) },
    ],
    ..TypeObject::builtin("coroutine", Some(&OBJECT_TYPE), dealloc_generator, trace_generator)
};

/// What `coroutine.__await__()` returns: an iterator driving the coroutine.
struct Wrapper {
    coro: Value,
}

unsafe fn dealloc_wrapper(p: ObjPtr) {
    // SAFETY: coroutine wrappers are Obj<Wrapper>.
    unsafe { dealloc_boxed::<Wrapper>(p) }
}

fn trace_wrapper(p: ObjPtr, visit: Visit) {
    // SAFETY: coroutine wrappers are Obj<Wrapper>.
    visit(&unsafe { p.data::<Wrapper>() }.coro);
}

fn wrapped(v: &Value) -> Value {
    // SAFETY: coroutine wrappers are Obj<Wrapper>.
    unsafe { v.as_object().expect("a wrapper").data::<Wrapper>() }.coro.clone()
}

static CORO_WRAPPER_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| match send(vm, &wrapped(v), none(), None)? {
        Sent::Yielded(x) => Ok(Some(x)),
        Sent::Returned(r) if is_none(&r) => Ok(None),
        Sent::Returned(r) => Err(stop_iteration(r)),
    }),
    methods: &[
        MethodDef { name: "send", func: |vm, this, args, kw| generator_send(vm, &wrapped(this), args, kw) },
        MethodDef { name: "throw", func: |vm, this, args, kw| generator_throw(vm, &wrapped(this), args, kw) },
        MethodDef { name: "close", func: |vm, this, _, _| {
            close(vm, &wrapped(this))?;
            Ok(none())
        } },
    ],
    ..TypeObject::builtin("coroutine_wrapper", Some(&OBJECT_TYPE), dealloc_wrapper, trace_wrapper)
};

/// `GET_AWAITABLE`: a coroutine itself, else what `__await__` returns (an
/// iterator), with CPython's errors.
pub fn get_awaitable(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(c) = as_coroutine(v) {
        if let State::Suspended(s) = &*c.state.borrow() {
            if delegate(s).is_some() {
                return Err(vm.error(&RUNTIME_ERROR, "coroutine is being awaited already"));
            }
        }
        return Ok(v.clone());
    }
    // A generator-based coroutine (`types.coroutine`: CO_ITERABLE_COROUTINE).
    if as_generator(v).is_some_and(|g| g.kind == Kind::Generator && code_flags(&g.code) & 0x100 != 0) {
        return Ok(v.clone());
    }
    let Some(bound) = crate::builtins::classes::lookup_special(vm, v, "__await__")? else {
        let msg = format!("object {} can't be used in 'await' expression", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    let it = crate::eval::call(vm, &bound, &[], &[])?;
    if as_coroutine(&it).is_some() {
        return Err(vm.type_error("__await__() returned a coroutine"));
    }
    if vm.type_of(&it).next.is_none() {
        let msg = format!("__await__() returned non-iterator of type '{}'", vm.type_of(&it).name());
        return Err(vm.type_error(msg));
    }
    Ok(it)
}

fn code_flags(code: &Value) -> u32 {
    crate::builtins::function::as_code(code).map_or(0, |c| c.co.co_flags)
}

pub fn as_generator(v: &Value) -> Option<&GenData> {
    let p = v.as_object()?;
    let ty = p.ty();
    // SAFETY: generators, coroutines and async generators are Obj<GenData>.
    (std::ptr::eq(ty, &GENERATOR_TYPE) || std::ptr::eq(ty, &COROUTINE_TYPE)).then(|| unsafe { p.data::<GenData>() })
}

/// A coroutine's data (not a generator's).
pub fn as_coroutine(v: &Value) -> Option<&GenData> {
    as_generator(v).filter(|g| g.kind == Kind::Coroutine)
}

/// A generator, coroutine or async generator for a frame just made by
/// `RETURN_GENERATOR`; `flags` (its code's) say which.
pub fn new_generator(vm: &Vm, saved: SavedFrame, name: Value, qualname: Value, flags: u32) -> Value {
    let code = saved.frame.code.clone();
    let kind = match flags {
        f if f & 0x200 != 0 => Kind::AsyncGenerator,
        f if f & 0x80 != 0 => Kind::Coroutine,
        _ => Kind::Generator,
    };
    let ty: &'static TypeObject = match kind {
        Kind::Generator => &GENERATOR_TYPE,
        Kind::Coroutine => &COROUTINE_TYPE,
        Kind::AsyncGenerator => &crate::generator_async::ASYNC_GENERATOR_TYPE,
    };
    let data = GenData {
        kind,
        state: RefCell::new(State::Created(saved)),
        name: RefCell::new(name),
        qualname: RefCell::new(qualname),
        code,
        exc_state: RefCell::new(Value::NULL),
        caller_outer: RefCell::new(Value::NULL),
        weakly_referenced: std::cell::Cell::new(false),
        hooks_inited: std::cell::Cell::new(false),
        finalizer: RefCell::new(Value::NULL),
        origin: if kind == Kind::Coroutine { crate::generator_origin::capture(vm) } else { Value::NULL },
        running_at: std::cell::Cell::new(0),
        running_async: std::cell::Cell::new(false),
        ag_closed: std::cell::Cell::new(false),
    };
    Value::from_owned(alloc(ty, data))
}

/// The frame data of an async generator.
pub fn as_async_generator_data(v: &Value) -> Option<&GenData> {
    let p = v.as_object()?;
    // SAFETY: async generators are Obj<GenData>.
    std::ptr::eq(p.ty(), &crate::generator_async::ASYNC_GENERATOR_TYPE).then(|| unsafe { p.data::<GenData>() })
}

/// `StopIteration(value)`, as an error.
pub fn stop_iteration(value: Value) -> PyErr {
    PyErr { exception: exceptions::exception_with_args(&STOP_ITERATION, vec![value]) }
}

/// Resume generator `gen`: with `value` as the result of its `yield`, or
/// with `error` raised at it (`throw`).
pub fn send(vm: &mut Vm, gen: &Value, value: Value, error: Option<PyErr>) -> PyResult<Sent> {
    let g = data_of(gen).expect("send to a generator");
    let state = std::mem::replace(&mut *g.state.borrow_mut(), State::Running);
    let (saved, started) = match state {
        State::Running | State::Delegating(_) => {
            *g.state.borrow_mut() = state;
            let msg = format!("{} already executing", g.kind.noun());
            return Err(vm.error(&VALUE_ERROR, msg));
        }
        State::Finished => {
            *g.state.borrow_mut() = State::Finished;
            // A throw too (CPython's gen_send_ex2; `close` never gets here).
            if g.kind == Kind::Coroutine {
                return Err(vm.error(&RUNTIME_ERROR, "cannot reuse already awaited coroutine"));
            }
            return match error {
                Some(e) => Err(e),
                None => Ok(Sent::Returned(none())),
            };
        }
        State::Created(s) => (s, false),
        State::Suspended(s) => (s, true),
    };
    if !started && error.is_none() && !is_none(&value) {
        *g.state.borrow_mut() = State::Created(saved);
        let msg = format!("can't send non-None value to a just-started {}", g.kind.noun());
        return Err(vm.type_error(msg));
    }
    if vm.frames.len() >= vm.recursion_limit as usize {
        // Not resumed: it stays where it was.
        *g.state.borrow_mut() = if started { State::Suspended(saved) } else { State::Created(saved) };
        return Err(vm.error(&exceptions::RECURSION_ERROR, "maximum recursion depth exceeded"));
    }
    // A generator delegating with `yield from` passes a throw on.
    if let (Some(e), true) = (&error, started) {
        if let Some(sub) = delegate(&saved) {
            *g.state.borrow_mut() = State::Suspended(saved);
            return throw_delegated(vm, gen, &sub, e.clone());
        }
    }
    resume(vm, gen, saved, if error.is_none() { Some(value) } else { None }, error)
}

/// Put `saved` back on the stack and run it until it yields, returns or
/// raises; `push` is the value its suspended `yield` evaluates to.
fn resume(vm: &mut Vm, gen: &Value, saved: SavedFrame, push: Option<Value>, error: Option<PyErr>) -> PyResult<Sent> {
    let g = data_of(gen).expect("a generator");
    *g.state.borrow_mut() = State::Running;
    unlink_frame(&saved);
    let SavedFrame { mut frame, mut stack } = saved;
    frame.base = vm.stack.len();
    frame.ret = frame.base;
    frame.inline_exit = 0;
    vm.stack.append(&mut stack);
    // The emptied vector is reused by the next YIELD_VALUE.
    if vm.spare_stacks.len() < 64 {
        vm.spare_stacks.push(stack);
    }
    if let Some(v) = push {
        vm.stack.push(v);
    }
    let outer_exc = enter_exc_state(vm, g);
    g.running_at.set(vm.frames.len());
    vm.frames.push(frame);
    let entry = vm.frames.len();
    let result = crate::eval::resume(vm, entry, error);
    leave_exc_state(vm, g, outer_exc);
    match result {
        Ok(v) => match vm.suspended.take() {
            Some(saved) => {
                link_frame(gen, &saved);
                *g.state.borrow_mut() = State::Suspended(saved);
                Ok(Sent::Yielded(v))
            }
            None => {
                // Finished before the finalizers its frame's locals queued
                // run (CPython's `clear_gen_frame` marks it cleared first).
                *g.state.borrow_mut() = State::Finished;
                if crate::finalize::pending() {
                    crate::finalize::run_pending(vm);
                }
                Ok(Sent::Returned(v))
            }
        },
        Err(e) => {
            *g.state.borrow_mut() = State::Finished;
            let ty = vm.type_of(&e.exception);
            let async_stop = g.kind == Kind::AsyncGenerator && ty.is_subtype(&exceptions::STOP_ASYNC_ITERATION);
            if ty.is_subtype(&STOP_ITERATION) || async_stop {
                let what = if async_stop { "StopAsyncIteration" } else { "StopIteration" };
                let err = vm.error(&RUNTIME_ERROR, format!("{} raised {}", g.kind.noun(), what));
                if let Some(data) = as_exception(&err.exception) {
                    *data.cause.borrow_mut() = e.exception.clone();
                    *data.context.borrow_mut() = e.exception.clone();
                    data.suppress_context.set(true);
                }
                return Err(err);
            }
            Err(e)
        }
    }
}

/// The iterator a suspended frame delegates to with `yield from`: it is
/// stopped at `RESUME 2` or `3`, the subiterator on top of its stack.
fn delegate(saved: &SavedFrame) -> Option<Value> {
    let code = crate::builtins::function::as_code(&saved.frame.code)?;
    let unit = *code.co.co_code.get(saved.frame.ip)?;
    let op = krait_compiler::opcode::Opcode::from_byte(unit as u8)?;
    (op == krait_compiler::opcode::Opcode::RESUME && (unit >> 8) >= 2).then(|| saved.stack.last().cloned()).flatten()
}

/// `throw` into a generator suspended in `yield from sub` (CPython's
/// `_gen_throw` with a `yf`). The generator counts as running while the
/// subiterator handles it.
fn throw_delegated(vm: &mut Vm, gen: &Value, sub: &Value, e: PyErr) -> PyResult<Sent> {
    let g = data_of(gen).expect("a generator");
    set_delegating(g, true);
    let outcome = throw_into(vm, sub, e);
    set_delegating(g, false);
    match outcome {
        // The subiterator yielded: this generator stays suspended there.
        Thrown::Yielded(v) => Ok(Sent::Yielded(v)),
        // It returned: `yield from` evaluates to the value, after the loop.
        Thrown::Returned(v) => {
            let State::Suspended(mut saved) = std::mem::replace(&mut *g.state.borrow_mut(), State::Running) else {
                return Err(vm.error(&RUNTIME_ERROR, "generator state changed during throw"));
            };
            saved.stack.pop();
            let code = crate::builtins::function::as_code(&saved.frame.code).expect("a generator's code");
            let send_at = saved.frame.ip - 2;
            let send_arg = (code.co.co_code[send_at] >> 8) as usize;
            saved.frame.ip = send_at + 1 + send_arg;
            resume(vm, gen, saved, Some(v), None)
        }
        Thrown::RaiseHere(err) => resume_with(vm, gen, None, Some(err)),
        Thrown::Failed(err) => Err(err),
    }
}

/// What passing a `throw` on to a subiterator came to.
enum Thrown {
    Yielded(Value),
    Returned(Value),
    /// Raised in the delegating generator, at its `yield from`.
    RaiseHere(PyErr),
    /// Raised to the caller of `throw`, the generator left suspended
    /// (looking up the subiterator's `throw` failed).
    Failed(PyErr),
}

/// Pass exception `e` on to subiterator `sub`: GeneratorExit closes it
/// (then is raised here), a generator is thrown into, another iterator's
/// `throw` method called (none: raised here).
fn throw_into(vm: &mut Vm, sub: &Value, e: PyErr) -> Thrown {
    if vm.type_of(&e.exception).is_subtype(&GENERATOR_EXIT) {
        return match close_iter(vm, sub) {
            Ok(()) => Thrown::RaiseHere(e),
            Err(err) => Thrown::RaiseHere(err),
        };
    }
    if as_generator(sub).is_some() {
        return match send(vm, sub, none(), Some(e)) {
            Ok(Sent::Yielded(v)) => Thrown::Yielded(v),
            Ok(Sent::Returned(v)) => Thrown::Returned(v),
            Err(err) => Thrown::RaiseHere(err),
        };
    }
    let throw = match crate::ops::getattr(vm, sub, &new_str("throw")) {
        Ok(throw) => throw,
        Err(err) if vm.type_of(&err.exception).is_subtype(&exceptions::ATTRIBUTE_ERROR) => return Thrown::RaiseHere(e),
        Err(err) => return Thrown::Failed(err),
    };
    match crate::eval::call(vm, &throw, std::slice::from_ref(&e.exception), &[]) {
        Ok(v) => Thrown::Yielded(v),
        Err(err) if vm.type_of(&err.exception).is_subtype(&STOP_ITERATION) => {
            Thrown::Returned(exceptions::stop_iteration_value(&err.exception))
        }
        Err(err) => Thrown::RaiseHere(err),
    }
}

/// Mark a generator suspended in `yield from` as running while its
/// subiterator handles a `throw` (`on`), or suspended again.
fn set_delegating(g: &GenData, on: bool) {
    let mut state = g.state.borrow_mut();
    *state = match std::mem::replace(&mut *state, State::Running) {
        State::Suspended(s) if on => State::Delegating(s),
        State::Delegating(s) if !on => State::Suspended(s),
        other => other,
    };
}

/// `FOR_ITER` on `gen`: when it is a generator that can run, move its
/// frame onto the stack with None sent (as `resume` does) and push it,
/// marked to leave to `exit` in the caller when it returns; the running
/// loop then executes it like a called function's frame. While it runs,
/// the caller's exception state waits in the generator's `exc_state`.
/// False: take the `next` slot instead (coroutines, a running or finished
/// generator, the recursion limit).
pub(crate) fn push_inline(vm: &mut Vm, gen: &Value, exit: usize) -> bool {
    let Some(g) = data_of(gen) else { return false };
    if g.kind != Kind::Generator || vm.frames.len() >= vm.recursion_limit as usize {
        return false;
    }
    let saved = {
        let Ok(mut state) = g.state.try_borrow_mut() else { return false };
        if !matches!(*state, State::Created(_) | State::Suspended(_)) {
            return false;
        }
        match std::mem::replace(&mut *state, State::Running) {
            State::Created(s) | State::Suspended(s) => s,
            _ => unreachable!("checked above"),
        }
    };
    unlink_frame(&saved);
    let SavedFrame { mut frame, mut stack } = saved;
    frame.base = vm.stack.len();
    frame.ret = frame.base;
    frame.inline_exit = exit;
    vm.stack.append(&mut stack);
    if vm.spare_stacks.len() < 64 {
        vm.spare_stacks.push(stack);
    }
    vm.stack.push(none());
    let (info, outer) = enter_exc_state(vm, g);
    *g.exc_state.borrow_mut() = info;
    *g.caller_outer.borrow_mut() = outer;
    g.running_at.set(vm.frames.len());
    vm.frames.push(frame);
    true
}

/// A generator starts running: its own exception state (NULL for none)
/// becomes `Vm::exc_info`, and what was visible to the caller becomes
/// `Vm::exc_outer`, seen where the generator handles nothing (CPython
/// chains the generator's `exc_state` above the caller's, and
/// `sys.exc_info()` and `__context__` take the topmost one that is set).
/// Returns the caller's pair.
fn enter_exc_state(vm: &mut Vm, g: &GenData) -> (Value, Value) {
    let top = vm.topmost_exc();
    let own = std::mem::replace(&mut *g.exc_state.borrow_mut(), Value::NULL);
    let info = std::mem::replace(&mut vm.exc_info, own);
    let outer = std::mem::replace(&mut vm.exc_outer, top);
    (info, outer)
}

/// A generator stops running: it keeps its own exception state, the
/// caller's comes back.
fn leave_exc_state(vm: &mut Vm, g: &GenData, caller: (Value, Value)) {
    let own = std::mem::replace(&mut vm.exc_info, caller.0);
    *g.exc_state.borrow_mut() = own;
    vm.exc_outer = caller.1;
}

/// The caller's exception state back from where `push_inline` kept it;
/// the generator's own is saved in its place.
fn leave_inline(vm: &mut Vm, g: &GenData) {
    let info = std::mem::replace(&mut *g.exc_state.borrow_mut(), Value::NULL);
    let outer = std::mem::replace(&mut *g.caller_outer.borrow_mut(), Value::NULL);
    leave_exc_state(vm, g, (info, outer));
}

/// A generator `push_inline` resumed yielded: it is suspended again.
pub(crate) fn suspend_inline(vm: &mut Vm, gen: &Value, saved: SavedFrame) {
    let g = data_of(gen).expect("an inline generator");
    leave_inline(vm, g);
    link_frame(gen, &saved);
    *g.state.borrow_mut() = State::Suspended(saved);
}

/// A generator `push_inline` resumed returned.
pub(crate) fn finish_inline(vm: &mut Vm, gen: &Value) {
    let g = data_of(gen).expect("an inline generator");
    leave_inline(vm, g);
    *g.state.borrow_mut() = State::Finished;
}

/// An exception left a generator `push_inline` resumed: it is finished,
/// and a StopIteration becomes RuntimeError (PEP 479), as in `resume`.
pub(crate) fn fail_inline(vm: &mut Vm, gen: &Value, e: PyErr) -> PyErr {
    finish_inline(vm, gen);
    if !vm.type_of(&e.exception).is_subtype(&STOP_ITERATION) {
        return e;
    }
    let err = vm.error(&RUNTIME_ERROR, "generator raised StopIteration");
    if let Some(data) = as_exception(&err.exception) {
        *data.cause.borrow_mut() = e.exception.clone();
        *data.context.borrow_mut() = e.exception.clone();
        data.suppress_context.set(true);
    }
    err
}

/// Resume this generator (suspended in `yield from`) with an error raised
/// at its `yield from`.
fn resume_with(vm: &mut Vm, gen: &Value, push: Option<Value>, error: Option<PyErr>) -> PyResult<Sent> {
    let g = data_of(gen).expect("a generator");
    let State::Suspended(saved) = std::mem::replace(&mut *g.state.borrow_mut(), State::Running) else {
        return Err(vm.error(&RUNTIME_ERROR, "generator state changed during throw"));
    };
    resume(vm, gen, saved, push, error)
}

/// Close a subiterator: `close()` of a generator, else its `close` method
/// if it has one.
fn close_iter(vm: &mut Vm, sub: &Value) -> PyResult<()> {
    if as_generator(sub).is_some() {
        return close(vm, sub);
    }
    // An error looking `close` up other than AttributeError is reported
    // and the subiterator left alone (CPython's `gen_close_iter`).
    match crate::ops::getattr(vm, sub, &new_str("close")) {
        Ok(close) => {
            crate::eval::call(vm, &close, &[], &[])?;
        }
        Err(e) if vm.type_of(&e.exception).is_subtype(&exceptions::ATTRIBUTE_ERROR) => {}
        Err(e) => crate::run::write_unraisable(vm, &e, sub),
    }
    Ok(())
}

/// `generator.close()`.
pub fn close(vm: &mut Vm, gen: &Value) -> PyResult<()> {
    let g = data_of(gen).expect("a generator");
    {
        let mut state = g.state.borrow_mut();
        if matches!(*state, State::Created(_) | State::Finished) {
            let old = std::mem::replace(&mut *state, State::Finished);
            drop(state);
            if let State::Created(s) = &old {
                unlink_frame(s);
            }
            drop(old);
            return Ok(());
        }
    }
    let exit = PyErr { exception: exceptions::exception_with_args(&GENERATOR_EXIT, Vec::new()) };
    match send(vm, gen, none(), Some(exit)) {
        Ok(Sent::Yielded(_)) => {
            let msg = format!("{} ignored GeneratorExit", g.kind.noun());
            Err(vm.error(&RUNTIME_ERROR, msg))
        }
        Ok(Sent::Returned(_)) => Ok(()),
        Err(e) if vm.type_of(&e.exception).is_subtype(&GENERATOR_EXIT) || vm.type_of(&e.exception).is_subtype(&STOP_ITERATION) => Ok(()),
        Err(e) => Err(e),
    }
}

/// `generator.close()` / `coroutine.close()`.
fn close_method(vm: &mut Vm, this: &Value, args: &[Value], _: &[Value]) -> PyResult<Value> {
    if !args.is_empty() {
        let noun = data_of(this).map_or("generator", |g| g.kind.noun());
        return Err(vm.type_error(format!("{noun}.close() takes no arguments ({} given)", args.len())));
    }
    close(vm, this)?;
    Ok(none())
}

fn generator_send(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "send", kwnames)?;
    let [value] = args else {
        return Err(vm.type_error(format!("generator.send() takes exactly one argument ({} given)", args.len())));
    };
    match send(vm, this, value.clone(), None)? {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(r) => Err(stop_iteration_for(r)),
    }
}

/// The StopIteration ending a generator that returned `r` (no arguments
/// for None, as CPython's `_PyGen_SetStopIterationValue`).
fn stop_iteration_for(r: Value) -> PyErr {
    if is_none(&r) {
        PyErr { exception: exceptions::exception_with_args(&STOP_ITERATION, Vec::new()) }
    } else {
        stop_iteration(r)
    }
}

/// The exception `throw(typ[, val])` raises: an instance as it is, a class
/// called with `val` (CPython's `_gen_throw` checks).
pub fn exception_for_throw(vm: &mut Vm, typ: &Value, val: Option<&Value>) -> PyResult<Value> {
    let val = val.filter(|v| !is_none(v)).cloned();
    let typ = typ.clone();
    let Some(cls) = crate::types::as_type(&typ).filter(|t| t.is_subtype(&exceptions::BASE_EXCEPTION)) else {
        if as_exception(&typ).is_some() {
            if val.is_some() {
                return Err(vm.type_error("instance exception may not have a separate value"));
            }
            return Ok(typ);
        }
        let msg = format!("exceptions must be classes or instances deriving from BaseException, not {}", vm.type_of(&typ).name());
        return Err(vm.type_error(msg));
    };
    let exc = match val {
        Some(v) if vm.type_of(&v).is_subtype(cls) => return Ok(v),
        Some(v) => {
            let args = match crate::builtins::tuple::as_tuple(&v) {
                Some(t) => t.items.clone(),
                None => vec![v],
            };
            crate::eval::call(vm, &typ, &args, &[])?
        }
        None => crate::eval::call(vm, &typ, &[], &[])?,
    };
    // CPython's `_PyErr_CreateException`: a `__new__` may return anything.
    if as_exception(&exc).is_none() {
        let shown = crate::ops::repr_string(vm, &typ)?;
        let msg = format!("calling {shown} should have returned an instance of BaseException, not {}", vm.type_of(&exc).name());
        return Err(vm.type_error(msg));
    }
    Ok(exc)
}

/// The exception `throw(typ[, val[, tb]])` raises, from its arguments
/// (`fname` names the function in the arity errors: "throw", "athrow").
/// Making an instance of an exception class can fail: as in CPython's
/// `_gen_throw` (PyErr_NormalizeException), that error is what the
/// generator receives, so it comes back as `Ok`.
pub fn throw_args(vm: &mut Vm, args: &[Value], fname: &str) -> PyResult<PyErr> {
    let (typ, val) = match args {
        [t] => (t.clone(), None),
        [t, v] | [t, v, _] => (t.clone(), Some(v.clone()).filter(|v| !is_none(v))),
        [] => return Err(vm.type_error(format!("{fname} expected at least 1 argument, got 0"))),
        _ => return Err(vm.type_error(format!("{fname} expected at most 3 arguments, got {}", args.len()))),
    };
    let tb = args.get(2).filter(|tb| !is_none(tb));
    if let Some(tb) = tb {
        if !std::ptr::eq(vm.type_of(tb), &crate::builtins::frame::TRACEBACK_TYPE) {
            return Err(vm.type_error("throw() third argument must be a traceback object"));
        }
    }
    let is_class = crate::types::as_type(&typ).is_some_and(|t| t.is_subtype(&exceptions::BASE_EXCEPTION));
    let exc = match exception_for_throw(vm, &typ, val.as_ref()) {
        Ok(exc) => exc,
        Err(e) if is_class => e.exception,
        Err(e) => return Err(e),
    };
    if let (Some(tb), Some(data)) = (tb, as_exception(&exc)) {
        *data.traceback.borrow_mut() = tb.clone();
    }
    Ok(PyErr { exception: exc })
}

/// `generator.throw(exc)` / `throw(type[, value])`.
fn generator_throw(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "throw", kwnames)?;
    let error = throw_args(vm, args, "throw")?;
    match send(vm, this, none(), Some(error))? {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(r) => Err(stop_iteration_for(r)),
    }
}

/// Has generator `g` finished (returned or raised)?
pub(crate) fn is_finished(g: &GenData) -> bool {
    matches!(*g.state.borrow(), State::Finished)
}

/// `coroutine.__await__()`: the iterator driving coroutine `coro`.
pub(crate) fn coroutine_await(coro: &Value) -> Value {
    Value::from_owned(alloc(&CORO_WRAPPER_TYPE, Wrapper { coro: coro.clone() }))
}

/// A generator's, coroutine's or async generator's frame data.
pub fn data_of(v: &Value) -> Option<&GenData> {
    as_generator(v).or_else(|| as_async_generator_data(v))
}

/// Setting `__name__`/`__qualname__` (CPython's `gen_set_name`); the
/// other attributes are read-only.
pub(crate) fn generator_setattr(vm: &mut Vm, v: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let g = data_of(v).expect("generator slot");
    let attr = as_str(name).unwrap_or("");
    let slot = match attr {
        "__name__" => &g.name,
        "__qualname__" => &g.qualname,
        _ => return crate::builtins::classes::generic_setattr(vm, v, name, value),
    };
    match value {
        Some(s) if as_str(&s).is_some() => {
            let old = slot.replace(s);
            drop(old);
            Ok(())
        }
        _ => Err(vm.type_error(format!("{attr} must be set to a string object"))),
    }
}

pub(crate) fn getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    generator_getattr(vm, v, name)
}

fn generator_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let g = data_of(v).expect("generator slot");
    let text = as_str(name).unwrap_or("");
    // Coroutines spell them cr_*, async generators ag_*.
    let text = match (g.kind, text) {
        // `ag_running` is `ag_running_async`, not the frame's state.
        (Kind::AsyncGenerator, "ag_running") => return Ok(vm.bool(g.running_async.get())),
        (Kind::AsyncGenerator, "ag_await") => "gi_yieldfrom".into(),
        (Kind::Coroutine, t) if t.starts_with("cr_") => format!("gi_{}", &t[3..]),
        (Kind::AsyncGenerator, t) if t.starts_with("ag_") => format!("gi_{}", &t[3..]),
        (Kind::Coroutine | Kind::AsyncGenerator, t) if t.starts_with("gi_") => String::new(),
        (Kind::Coroutine, "cr_await") => "gi_yieldfrom".into(),
        (_, t) => t.to_string(),
    };
    let text = if g.kind == Kind::Coroutine && text == "gi_await" { "gi_yieldfrom".to_string() } else { text };
    match text.as_str() {
        "__name__" => Ok(g.name.borrow().clone()),
        "__qualname__" => Ok(g.qualname.borrow().clone()),
        "gi_code" => Ok(g.code.clone()),
        "gi_origin" if g.kind == Kind::Coroutine => Ok(if g.origin.is_null() { none() } else { g.origin.clone() }),
        "gi_running" => Ok(vm.bool(matches!(*g.state.borrow(), State::Running | State::Delegating(_)))),
        "gi_suspended" => Ok(vm.bool(matches!(*g.state.borrow(), State::Suspended(_)))),
        "gi_yieldfrom" => Ok(match &*g.state.borrow() {
            State::Suspended(s) | State::Delegating(s) => delegate(s).unwrap_or_else(none),
            _ => none(),
        }),
        // A finished generator has no frame.
        "gi_frame" => match &mut *g.state.borrow_mut() {
            State::Finished => Ok(none()),
            State::Created(s) | State::Suspended(s) | State::Delegating(s) => {
                let f = crate::builtins::frame::suspended_frame_object(&mut s.frame, &s.stack);
                link_frame(v, s);
                Ok(f)
            }
            // Running: the live frame (with its callers' as `f_back`).
            State::Running => {
                let at = g.running_at.get();
                let live = vm.frames.get(at).is_some_and(|f| f.code.is(&g.code));
                Ok(if live { crate::builtins::frame::frame_object(vm, at) } else { none() })
            }
        },
        _ => crate::builtins::classes::generic_getattr(vm, v, name),
    }
}
