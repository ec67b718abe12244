//! Async generators: `async def` functions that `yield` (PEP 525).
//!
//! Invariants:
//! - The frame is a `generator::GenData` like any generator's. What the
//!   frame yields itself is wrapped by `ASYNC_GEN_WRAP` (an
//!   `AsyncGenWrapped`); anything else it yields comes from an `await`
//!   inside it and passes up unchanged to whoever drives the awaitable.
//! - `__anext__()`/`asend(v)` return an `async_generator_asend`,
//!   `athrow(...)`/`aclose()` an `async_generator_athrow` (both an
//!   `AgenOp`): a one-shot awaitable that runs the frame until it yields a
//!   wrapped value (the awaitable then completes with it, as
//!   StopIteration(value)) or returns (StopAsyncIteration; for `aclose` a
//!   normal completion). From its first step until it completes, the
//!   generator's `running_async` (`ag_running`) is set, and a second
//!   awaitable started meanwhile is refused (CPython's
//!   `ag_running_async`); once completed, an awaitable cannot be reused.

use std::cell::{Cell, RefCell};


use crate::builtins::exceptions::{self, GENERATOR_EXIT, RUNTIME_ERROR, STOP_ASYNC_ITERATION, STOP_ITERATION};
use crate::builtins::singletons::{is_none, none};
use crate::generator::{as_async_generator_data, init_asyncgen_hooks, send, stop_iteration, GenData, Sent};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{MethodDef, Slot, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A value an async generator's frame yielded itself (not an `await`'s).
pub struct AsyncGenWrapped {
    pub value: Value,
}

unsafe fn dealloc_wrapped(p: ObjPtr) {
    // SAFETY: wrapped values are Obj<AsyncGenWrapped>.
    unsafe { dealloc_boxed::<AsyncGenWrapped>(p) }
}

fn trace_wrapped(p: ObjPtr, visit: Visit) {
    // SAFETY: wrapped values are Obj<AsyncGenWrapped>.
    visit(&unsafe { p.data::<AsyncGenWrapped>() }.value);
}

static WRAPPED_TYPE: TypeObject =
    TypeObject::builtin("async_generator_wrapped_value", Some(&OBJECT_TYPE), dealloc_wrapped, trace_wrapped);

/// `ASYNC_GEN_WRAP`.
pub fn wrap(value: Value) -> Value {
    Value::from_owned(alloc(&WRAPPED_TYPE, AsyncGenWrapped { value }))
}

fn unwrap(v: &Value) -> Option<Value> {
    let p = v.as_object()?;
    // SAFETY: objects of this type are Obj<AsyncGenWrapped>.
    std::ptr::eq(p.ty(), &WRAPPED_TYPE).then(|| unsafe { p.data::<AsyncGenWrapped>() }.value.clone())
}

thread_local! {
    /// `sys.set_asyncgen_hooks`' firstiter and finalizer (NULL: None).
    static HOOKS: RefCell<(Value, Value)> = const { RefCell::new((Value::NULL, Value::NULL)) };
}

/// The async generator hooks: (firstiter, finalizer), NULL for None.
pub fn hooks() -> (Value, Value) {
    HOOKS.with(|h| h.borrow().clone())
}

/// `sys.get_asyncgen_hooks()`.
pub fn get_asyncgen_hooks(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::posix::no_args(vm, "get_asyncgen_hooks", args, kwnames)?;
    let ty = crate::builtins::namespace::struct_seq_type(vm, "builtins", "asyncgen_hooks", &["firstiter", "finalizer"])?;
    let (a, b) = hooks();
    let or_none = |v: Value| if v.is_null() { none() } else { v };
    crate::builtins::namespace::make_struct_seq(vm, ty, vec![or_none(a), or_none(b)])
}

/// `sys.set_asyncgen_hooks(firstiter=<unchanged>, finalizer=<unchanged>)`.
pub fn set_asyncgen_hooks(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [firstiter, finalizer] =
        crate::builtins::itertools::bind(vm, "set_asyncgen_hooks", args, kwnames, ["firstiter", "finalizer"], 2, 0)?;
    for (v, what) in [(&finalizer, "finalizer"), (&firstiter, "firstiter")] {
        if let Some(v) = v {
            if !is_none(v) && !crate::ops::is_callable(vm, v) {
                let msg = format!("callable {what} expected, got {}", vm.type_of(v).name());
                return Err(vm.type_error(msg));
            }
        }
    }
    let keep = |v: Value| if is_none(&v) { Value::NULL } else { v };
    HOOKS.with(|h| {
        let mut h = h.borrow_mut();
        if let Some(f) = firstiter {
            h.0 = keep(f);
        }
        if let Some(f) = finalizer {
            h.1 = keep(f);
        }
    });
    Ok(none())
}

fn agen_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    crate::generator::getattr(vm, v, name)
}

pub static ASYNC_GENERATOR_TYPE: TypeObject = TypeObject {
    repr: Slot::new(crate::generator::repr),
    getattr: Slot::new(agen_getattr),
    setattr: Slot::new(crate::generator::generator_setattr),
    getsets: &crate::generator::ASYNC_GENERATOR_GETSETS,
    methods: &[
        MethodDef { name: "__aiter__", func: |_, this, _, _| Ok(this.clone()) },
        MethodDef { name: "__anext__", func: |vm, this, _, _| {
            init_asyncgen_hooks(vm, this)?;
            Ok(op(this, Op::Send(none())))
        } },
        MethodDef { name: "asend", func: |vm, this, args, _| {
            let [v] = args else {
                return Err(vm.type_error(format!("async_generator.asend() takes exactly one argument ({} given)", args.len())));
            };
            init_asyncgen_hooks(vm, this)?;
            Ok(op(this, Op::Send(v.clone())))
        } },
        // The arguments are checked when the awaitable first runs.
        MethodDef { name: "athrow", func: |vm, this, args, _| {
            init_asyncgen_hooks(vm, this)?;
            Ok(op(this, Op::Throw(args.to_vec())))
        } },
        MethodDef { name: "aclose", func: |vm, this, _, _| {
            init_asyncgen_hooks(vm, this)?;
            Ok(op(this, Op::Close))
        } },
    ],
    class_methods: &[MethodDef { name: "__class_getitem__", func: crate::builtins::generic_alias::class_getitem }],
    ..TypeObject::builtin(
        "async_generator",
        Some(&OBJECT_TYPE),
        crate::generator::dealloc_generator,
        crate::generator::trace_generator,
    )
};

enum Op {
    /// `__anext__()` (None) or `asend(value)`.
    Send(Value),
    /// `athrow(*args)`.
    Throw(Vec<Value>),
    /// `aclose()`.
    Close,
}

/// An awaitable's state (CPython's `AwaitableState`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Awaitable {
    Init,
    Iter,
    Closed,
}

/// The awaitable of one `__anext__`/`asend`/`athrow`/`aclose` call.
struct AgenOp {
    agen: Value,
    op: Op,
    state: Cell<Awaitable>,
}

unsafe fn dealloc_op(p: ObjPtr) {
    // SAFETY: async generator operations are Obj<AgenOp>.
    unsafe { dealloc_boxed::<AgenOp>(p) }
}

fn trace_op(p: ObjPtr, visit: Visit) {
    // SAFETY: async generator operations are Obj<AgenOp>.
    let o = unsafe { p.data::<AgenOp>() };
    visit(&o.agen);
    match &o.op {
        Op::Send(v) => visit(v),
        Op::Throw(args) => args.iter().for_each(visit),
        Op::Close => {}
    }
}

fn op(agen: &Value, op: Op) -> Value {
    let ty = if matches!(op, Op::Send(_)) { &ASEND_TYPE } else { &ATHROW_TYPE };
    Value::from_owned(alloc(ty, AgenOp { agen: agen.clone(), op, state: Cell::new(Awaitable::Init) }))
}

fn as_op(v: &Value) -> &AgenOp {
    // SAFETY: objects of both types are Obj<AgenOp>.
    unsafe { v.as_object().expect("an async generator operation").data::<AgenOp>() }
}

fn gen_of(o: &AgenOp) -> &GenData {
    as_async_generator_data(&o.agen).expect("an async generator")
}

fn bare(ty: &'static TypeObject) -> PyErr {
    PyErr { exception: exceptions::exception_with_args(ty, Vec::new()) }
}

fn is_exit_or_stop_async(vm: &Vm, e: &PyErr) -> bool {
    let ty = vm.type_of(&e.exception);
    ty.is_subtype(&GENERATOR_EXIT) || ty.is_subtype(&STOP_ASYNC_ITERATION)
}

/// CPython's `async_gen_unwrap_value`: a value the generator yielded itself
/// completes the step (StopIteration(value)), one an `await` in it yielded
/// passes up; a return is StopAsyncIteration. A step that ends clears
/// `running_async`.
fn unwrap_value(vm: &Vm, g: &GenData, outcome: PyResult<Sent>) -> PyResult<Value> {
    let e = match outcome {
        Ok(Sent::Yielded(y)) => match unwrap(&y) {
            Some(v) => {
                g.running_async.set(false);
                return Err(stop_iteration(v));
            }
            None => return Ok(y),
        },
        Ok(Sent::Returned(_)) => bare(&STOP_ASYNC_ITERATION),
        Err(e) => e,
    };
    if is_exit_or_stop_async(vm, &e) {
        g.ag_closed.set(true);
    }
    g.running_async.set(false);
    Err(e)
}

/// `async_generator_asend.send(arg)` (CPython's `async_gen_asend_send`).
fn asend_send(vm: &mut Vm, this: &Value, arg: Value) -> PyResult<Value> {
    let o = as_op(this);
    let g = gen_of(o);
    let mut arg = arg;
    match o.state.get() {
        Awaitable::Closed => {
            return Err(vm.error(&RUNTIME_ERROR, "cannot reuse already awaited __anext__()/asend()"));
        }
        Awaitable::Init => {
            if g.running_async.get() {
                return Err(vm.error(&RUNTIME_ERROR, "anext(): asynchronous generator is already running"));
            }
            // A value sent in at the start replaces asend's own.
            if is_none(&arg) {
                if let Op::Send(v) = &o.op {
                    arg = v.clone();
                }
            }
            o.state.set(Awaitable::Iter);
        }
        Awaitable::Iter => {}
    }
    g.running_async.set(true);
    let outcome = send(vm, &o.agen, arg, None);
    let r = unwrap_value(vm, g, outcome);
    if r.is_err() {
        o.state.set(Awaitable::Closed);
    }
    r
}

/// `async_generator_asend.throw(...)` (CPython's `async_gen_asend_throw`).
fn asend_throw(vm: &mut Vm, this: &Value, args: &[Value]) -> PyResult<Value> {
    let o = as_op(this);
    if o.state.get() == Awaitable::Closed {
        return Err(vm.error(&RUNTIME_ERROR, "cannot reuse already awaited __anext__()/asend()"));
    }
    let outcome = crate::generator::throw_args(vm, args, "throw").and_then(|e| send(vm, &o.agen, none(), Some(e)));
    let r = unwrap_value(vm, gen_of(o), outcome);
    if r.is_err() {
        o.state.set(Awaitable::Closed);
    }
    r
}

/// The end of an `aclose()` that failed (CPython's `check_error` in
/// `async_gen_athrow_send`): GeneratorExit or StopAsyncIteration mean the
/// generator closed, so the awaitable completes (StopIteration).
fn athrow_failed(vm: &Vm, o: &AgenOp, e: PyErr) -> PyErr {
    gen_of(o).running_async.set(false);
    o.state.set(Awaitable::Closed);
    if matches!(o.op, Op::Close) && is_exit_or_stop_async(vm, &e) {
        return bare(&STOP_ITERATION);
    }
    e
}

/// An `aclose()` whose generator yielded a value instead of closing.
fn ignored_exit(vm: &mut Vm, o: &AgenOp) -> PyErr {
    gen_of(o).running_async.set(false);
    o.state.set(Awaitable::Closed);
    vm.error(&RUNTIME_ERROR, "async generator ignored GeneratorExit")
}

/// What an `aclose()` step did: a value the generator yielded itself means
/// it ignored GeneratorExit; an `await`'s value passes up.
fn close_outcome(vm: &mut Vm, o: &AgenOp, outcome: PyResult<Sent>) -> PyResult<Value> {
    match outcome {
        Ok(Sent::Yielded(y)) if unwrap(&y).is_some() => Err(ignored_exit(vm, o)),
        Ok(Sent::Yielded(y)) => Ok(y),
        Ok(Sent::Returned(_)) => Err(athrow_failed(vm, o, bare(&STOP_ASYNC_ITERATION))),
        Err(e) => Err(athrow_failed(vm, o, e)),
    }
}

/// `async_generator_athrow.send(arg)` (CPython's `async_gen_athrow_send`).
fn athrow_send(vm: &mut Vm, this: &Value, arg: Value) -> PyResult<Value> {
    let o = as_op(this);
    let g = gen_of(o);
    let is_close = matches!(o.op, Op::Close);
    if o.state.get() == Awaitable::Closed {
        return Err(vm.error(&RUNTIME_ERROR, "cannot reuse already awaited aclose()/athrow()"));
    }
    if crate::generator::is_finished(g) {
        o.state.set(Awaitable::Closed);
        return Err(bare(&STOP_ITERATION));
    }
    if o.state.get() == Awaitable::Init {
        if g.running_async.get() {
            o.state.set(Awaitable::Closed);
            let msg = if is_close {
                "aclose(): asynchronous generator is already running"
            } else {
                "athrow(): asynchronous generator is already running"
            };
            return Err(vm.error(&RUNTIME_ERROR, msg));
        }
        if g.ag_closed.get() {
            o.state.set(Awaitable::Closed);
            return Err(bare(&STOP_ASYNC_ITERATION));
        }
        if !is_none(&arg) {
            return Err(vm.error(&RUNTIME_ERROR, "can't send non-None value to a just-started coroutine"));
        }
        o.state.set(Awaitable::Iter);
        g.running_async.set(true);
        return match &o.op {
            Op::Close => {
                g.ag_closed.set(true);
                let outcome = send(vm, &o.agen, none(), Some(bare(&GENERATOR_EXIT)));
                close_outcome(vm, o, outcome)
            }
            // An argument error leaves the generator marked running, as
            // CPython 3.11 does.
            Op::Throw(args) => {
                let error = crate::generator::throw_args(vm, args, "athrow")?;
                let outcome = send(vm, &o.agen, none(), Some(error));
                unwrap_value(vm, g, outcome).map_err(|e| athrow_failed(vm, o, e))
            }
            Op::Send(_) => unreachable!("an athrow awaitable"),
        };
    }
    let outcome = send(vm, &o.agen, arg, None);
    if is_close {
        close_outcome(vm, o, outcome)
    } else {
        unwrap_value(vm, g, outcome)
    }
}

/// `async_generator_athrow.throw(...)` (CPython's `async_gen_athrow_throw`).
fn athrow_throw(vm: &mut Vm, this: &Value, args: &[Value]) -> PyResult<Value> {
    let o = as_op(this);
    if o.state.get() == Awaitable::Closed {
        return Err(vm.error(&RUNTIME_ERROR, "cannot reuse already awaited aclose()/athrow()"));
    }
    let outcome = crate::generator::throw_args(vm, args, "throw").and_then(|e| send(vm, &o.agen, none(), Some(e)));
    if matches!(o.op, Op::Close) {
        close_outcome(vm, o, outcome)
    } else {
        unwrap_value(vm, gen_of(o), outcome)
    }
}

fn send_method(
    vm: &mut Vm,
    this: &Value,
    args: &[Value],
    step: fn(&mut Vm, &Value, Value) -> PyResult<Value>,
) -> PyResult<Value> {
    let [v] = args else {
        let ty = vm.type_of(this).name();
        return Err(vm.type_error(format!("{ty}.send() takes exactly one argument ({} given)", args.len())));
    };
    step(vm, this, v.clone())
}

fn close_op(vm: &mut Vm, this: &Value, args: &[Value]) -> PyResult<Value> {
    if !args.is_empty() {
        let ty = vm.type_of(this).name();
        return Err(vm.type_error(format!("{ty}.close() takes no arguments ({} given)", args.len())));
    }
    as_op(this).state.set(Awaitable::Closed);
    Ok(none())
}

static ASEND_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| asend_send(vm, v, none()).map(Some)),
    methods: &[
        MethodDef { name: "__await__", func: |_, this, _, _| Ok(this.clone()) },
        MethodDef { name: "send", func: |vm, this, args, _| send_method(vm, this, args, asend_send) },
        MethodDef { name: "throw", func: |vm, this, args, _| asend_throw(vm, this, args) },
        MethodDef { name: "close", func: |vm, this, args, _| close_op(vm, this, args) },
    ],
    ..TypeObject::builtin("async_generator_asend", Some(&OBJECT_TYPE), dealloc_op, trace_op)
};

static ATHROW_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| athrow_send(vm, v, none()).map(Some)),
    methods: &[
        MethodDef { name: "__await__", func: |_, this, _, _| Ok(this.clone()) },
        MethodDef { name: "send", func: |vm, this, args, _| send_method(vm, this, args, athrow_send) },
        MethodDef { name: "throw", func: |vm, this, args, _| athrow_throw(vm, this, args) },
        MethodDef { name: "close", func: |vm, this, args, _| close_op(vm, this, args) },
    ],
    ..TypeObject::builtin("async_generator_athrow", Some(&OBJECT_TYPE), dealloc_op, trace_op)
};
