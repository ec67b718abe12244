//! Async generators: `async def` functions that `yield` (PEP 525).
//!
//! Invariants:
//! - The frame is a `generator::GenData` like any generator's. What the
//!   frame yields itself is wrapped by `ASYNC_GEN_WRAP` (an
//!   `AsyncGenWrapped`); anything else it yields comes from an `await`
//!   inside it and passes up unchanged to whoever drives the awaitable.
//! - `__anext__()`, `asend(v)`, `athrow(...)` and `aclose()` return an
//!   awaitable (`AgenOp`) that runs the frame until it yields a wrapped
//!   value (the awaitable then completes with it, as StopIteration(value))
//!   or returns (StopAsyncIteration; for `aclose` a normal completion).

use std::cell::{Cell, RefCell};

use crate::builtins::exceptions::{self, GENERATOR_EXIT, RUNTIME_ERROR, STOP_ASYNC_ITERATION, STOP_ITERATION};
use crate::builtins::singletons::{is_none, none};
use crate::generator::{init_asyncgen_hooks, send, stop_iteration, Sent};
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
                return Err(vm.type_error(format!("asend() takes exactly one argument ({} given)", args.len())));
            };
            init_asyncgen_hooks(vm, this)?;
            Ok(op(this, Op::Send(v.clone())))
        } },
        MethodDef { name: "athrow", func: |vm, this, args, _| {
            let Some(t) = args.first() else {
                return Err(vm.type_error("athrow expected at least 1 argument, got 0"));
            };
            let exc = crate::generator::exception_for_throw(vm, t, args.get(1))?;
            init_asyncgen_hooks(vm, this)?;
            Ok(op(this, Op::Throw(exc)))
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

#[derive(Clone)]
enum Op {
    Send(Value),
    Throw(Value),
    Close,
}

/// The awaitable of one `__anext__`/`asend`/`athrow`/`aclose` call.
struct AgenOp {
    agen: Value,
    op: RefCell<Op>,
    started: Cell<bool>,
    done: Cell<bool>,
}

unsafe fn dealloc_op(p: ObjPtr) {
    // SAFETY: async generator operations are Obj<AgenOp>.
    unsafe { dealloc_boxed::<AgenOp>(p) }
}

fn trace_op(p: ObjPtr, visit: Visit) {
    // SAFETY: async generator operations are Obj<AgenOp>.
    let o = unsafe { p.data::<AgenOp>() };
    visit(&o.agen);
    if let Op::Send(v) | Op::Throw(v) = &*o.op.borrow() {
        visit(v);
    }
}

fn op(agen: &Value, op: Op) -> Value {
    let data = AgenOp { agen: agen.clone(), op: RefCell::new(op), started: Cell::new(false), done: Cell::new(false) };
    Value::from_owned(alloc(&AGEN_OP_TYPE, data))
}

fn as_op(v: &Value) -> &AgenOp {
    // SAFETY: objects of this type are Obj<AgenOp>.
    unsafe { v.as_object().expect("an async generator operation").data::<AgenOp>() }
}

/// Drive the operation one step with `value` sent in (or `error` thrown).
fn step(vm: &mut Vm, this: &Value, value: Value, error: Option<PyErr>) -> PyResult<Value> {
    let o = as_op(this);
    if o.done.get() {
        return Err(vm.error(&RUNTIME_ERROR, "cannot reuse already awaited __anext__()/asend()"));
    }
    let first = !o.started.replace(true);
    let is_close = matches!(*o.op.borrow(), Op::Close);
    let outcome = match (first, o.op.borrow().clone(), error) {
        (_, _, Some(e)) => send(vm, &o.agen, none(), Some(e)),
        (true, Op::Send(v), None) => send(vm, &o.agen, v, None),
        (true, Op::Throw(exc), None) => send(vm, &o.agen, none(), Some(PyErr { exception: exc })),
        (true, Op::Close, None) => {
            let exit = exceptions::exception_with_args(&GENERATOR_EXIT, Vec::new());
            send(vm, &o.agen, none(), Some(PyErr { exception: exit }))
        }
        (false, _, None) => send(vm, &o.agen, value, None),
    };
    match outcome {
        Ok(Sent::Yielded(y)) => match unwrap(&y) {
            Some(v) => {
                o.done.set(true);
                if is_close {
                    return Err(vm.error(&RUNTIME_ERROR, "async generator ignored GeneratorExit"));
                }
                Err(stop_iteration(v))
            }
            // An `await` inside the generator: its value passes up.
            None => Ok(y),
        },
        Ok(Sent::Returned(_)) => {
            o.done.set(true);
            if is_close {
                Err(PyErr { exception: exceptions::exception_with_args(&STOP_ITERATION, Vec::new()) })
            } else {
                Err(PyErr { exception: exceptions::exception_with_args(&STOP_ASYNC_ITERATION, Vec::new()) })
            }
        }
        Err(e) => {
            o.done.set(true);
            let ty = vm.type_of(&e.exception);
            if is_close && (ty.is_subtype(&GENERATOR_EXIT) || ty.is_subtype(&STOP_ASYNC_ITERATION)) {
                return Err(PyErr { exception: exceptions::exception_with_args(&STOP_ITERATION, Vec::new()) });
            }
            Err(e)
        }
    }
}

static AGEN_OP_TYPE: TypeObject = TypeObject {
    iter: Slot::new(|_, v| Ok(v.clone())),
    next: Slot::new(|vm, v| match step(vm, v, none(), None) {
        Ok(x) => Ok(Some(x)),
        Err(e) => Err(e),
    }),
    methods: &[
        MethodDef { name: "__await__", func: |_, this, _, _| Ok(this.clone()) },
        MethodDef { name: "send", func: |vm, this, args, _| {
            let v = args.first().cloned().unwrap_or_else(none);
            step(vm, this, v, None)
        } },
        MethodDef { name: "throw", func: |vm, this, args, _| {
            let Some(t) = args.first() else {
                return Err(vm.type_error("throw expected at least 1 argument, got 0"));
            };
            let exc = crate::generator::exception_for_throw(vm, t, args.get(1))?;
            step(vm, this, none(), Some(PyErr { exception: exc }))
        } },
        MethodDef { name: "close", func: |vm, this, _, _| {
            as_op(this).done.set(true);
            Ok(vm.none())
        } },
    ],
    ..TypeObject::builtin("async_generator_asend", Some(&OBJECT_TYPE), dealloc_op, trace_op)
};

