//! Generators: a Python frame that can be suspended and resumed.
//!
//! Invariants:
//! - A running frame lives on the VM's contiguous stack. `RETURN_GENERATOR`
//!   moves the new frame and its stack slice (locals, evaluation stack)
//!   into a generator; `YIELD_VALUE` moves them back in (`SavedFrame`);
//!   resuming copies them onto the top of the stack again. So a suspended
//!   generator costs its own locals and nothing on the shared stack.
//! - A generator frame is resumed only by `send` (`next`, `throw`,
//!   `close`, `FOR_ITER`, `SEND`), each a nested run of the evaluation
//!   loop that ends when the generator yields, returns or raises. Its
//!   depth counts against the recursion limit like any frame.
//! - The exception being handled inside the generator (`sys.exception()`)
//!   is saved with it while it is suspended and swapped in when it runs.
//! - PEP 479: StopIteration escaping a generator frame becomes
//!   RuntimeError("generator raised StopIteration").

use std::cell::RefCell;

use crate::builtins::exceptions::{
    self, as_exception, GENERATOR_EXIT, NOT_IMPLEMENTED_ERROR, RUNTIME_ERROR, STOP_ITERATION, VALUE_ERROR,
};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::{as_str, new_str};
use crate::eval::Frame;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{MethodDef, TypeObject, Visit, OBJECT_TYPE};
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
    Running,
    Finished,
}

pub struct GenData {
    state: RefCell<State>,
    name: Value,
    qualname: Value,
    code: Value,
    /// The exception handled inside the generator while it is suspended.
    exc_state: RefCell<Value>,
}

/// What a resumed generator did.
pub enum Sent {
    Yielded(Value),
    Returned(Value),
}

unsafe fn dealloc_generator(p: ObjPtr) {
    // SAFETY: generators are allocated by `new_generator` as Obj<GenData>.
    unsafe { dealloc_boxed::<GenData>(p) }
}

fn trace_generator(p: ObjPtr, visit: Visit) {
    // SAFETY: generators are Obj<GenData>.
    let g = unsafe { p.data::<GenData>() };
    visit(&g.name);
    visit(&g.qualname);
    visit(&g.code);
    let exc = g.exc_state.borrow();
    if !exc.is_null() {
        visit(&exc);
    }
    if let State::Created(s) | State::Suspended(s) = &*g.state.borrow() {
        s.frame.trace(visit);
        s.stack.iter().filter(|v| !v.is_null()).for_each(visit);
    }
}

pub static GENERATOR_TYPE: TypeObject = TypeObject {
    repr: Some(|_, v| {
        let g = as_generator(v).expect("generator slot");
        let name = as_str(&g.qualname).unwrap_or("?");
        Ok(new_str(&format!("<generator object {} at {:#x}>", name, v.bits() & ((1 << 48) - 1))))
    }),
    iter: Some(|_, v| Ok(v.clone())),
    next: Some(|vm, v| match send(vm, v, none(), None)? {
        Sent::Yielded(x) => Ok(Some(x)),
        Sent::Returned(r) if is_none(&r) => Ok(None),
        Sent::Returned(r) => Err(stop_iteration(r)),
    }),
    getattr: Some(generator_getattr),
    methods: &[
        MethodDef { name: "send", func: generator_send },
        MethodDef { name: "throw", func: generator_throw },
        MethodDef { name: "close", func: |vm, this, args, _| {
            if !args.is_empty() {
                return Err(vm.type_error(format!("generator.close() takes no arguments ({} given)", args.len())));
            }
            close(vm, this)?;
            Ok(none())
        } },
    ],
    ..TypeObject::builtin("generator", Some(&OBJECT_TYPE), dealloc_generator, trace_generator)
};

pub fn as_generator(v: &Value) -> Option<&GenData> {
    let p = v.as_object()?;
    // SAFETY: generators are Obj<GenData>.
    std::ptr::eq(p.ty(), &GENERATOR_TYPE).then(|| unsafe { p.data::<GenData>() })
}

/// A generator for a frame just made by `RETURN_GENERATOR`.
pub fn new_generator(saved: SavedFrame, name: Value, qualname: Value) -> Value {
    let code = saved.frame.code.clone();
    let data = GenData {
        state: RefCell::new(State::Created(saved)),
        name,
        qualname,
        code,
        exc_state: RefCell::new(Value::NULL),
    };
    Value::from_owned(alloc(&GENERATOR_TYPE, data))
}

/// `StopIteration(value)`, as an error.
pub fn stop_iteration(value: Value) -> PyErr {
    PyErr { exception: exceptions::exception_with_args(&STOP_ITERATION, vec![value]) }
}

/// Resume generator `gen`: with `value` as the result of its `yield`, or
/// with `error` raised at it (`throw`).
pub fn send(vm: &mut Vm, gen: &Value, value: Value, error: Option<PyErr>) -> PyResult<Sent> {
    let g = as_generator(gen).expect("send to a generator");
    let state = std::mem::replace(&mut *g.state.borrow_mut(), State::Running);
    let (saved, started) = match state {
        State::Running => {
            *g.state.borrow_mut() = State::Running;
            return Err(vm.error(&VALUE_ERROR, "generator already executing"));
        }
        State::Finished => {
            *g.state.borrow_mut() = State::Finished;
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
        return Err(vm.type_error("can't send non-None value to a just-started generator"));
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
    let g = as_generator(gen).expect("a generator");
    *g.state.borrow_mut() = State::Running;
    let SavedFrame { mut frame, stack } = saved;
    frame.base = vm.stack.len();
    vm.stack.extend(stack);
    if let Some(v) = push {
        vm.stack.push(v);
    }
    let outer_exc = std::mem::replace(&mut vm.exc_info, std::mem::replace(&mut *g.exc_state.borrow_mut(), Value::NULL));
    vm.frames.push(frame);
    let entry = vm.frames.len();
    let result = crate::eval::resume(vm, entry, error);
    *g.exc_state.borrow_mut() = std::mem::replace(&mut vm.exc_info, outer_exc);
    match result {
        Ok(v) => match vm.suspended.take() {
            Some(saved) => {
                *g.state.borrow_mut() = State::Suspended(saved);
                Ok(Sent::Yielded(v))
            }
            None => {
                *g.state.borrow_mut() = State::Finished;
                Ok(Sent::Returned(v))
            }
        },
        Err(e) => {
            *g.state.borrow_mut() = State::Finished;
            let ty = vm.type_of(&e.exception);
            if ty.is_subtype(&STOP_ITERATION) {
                let err = vm.error(&RUNTIME_ERROR, "generator raised StopIteration");
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
/// `_gen_throw` with a `yf`).
fn throw_delegated(vm: &mut Vm, gen: &Value, sub: &Value, e: PyErr) -> PyResult<Sent> {
    let g = as_generator(gen).expect("a generator");
    let is_exit = vm.type_of(&e.exception).is_subtype(&GENERATOR_EXIT);
    let outcome: PyResult<Sent> = if is_exit {
        // GeneratorExit closes the subiterator, then is raised here.
        match close_iter(vm, sub) {
            Ok(()) => return resume_with(vm, gen, None, Some(e)),
            Err(err) => return resume_with(vm, gen, None, Some(err)),
        }
    } else if as_generator(sub).is_some() {
        send(vm, sub, none(), Some(e))
    } else {
        match crate::ops::getattr(vm, sub, &new_str("throw")) {
            Ok(throw) => match crate::eval::call(vm, &throw, std::slice::from_ref(&e.exception), &[]) {
                Ok(v) => Ok(Sent::Yielded(v)),
                Err(err) if vm.type_of(&err.exception).is_subtype(&STOP_ITERATION) => {
                    let v = as_exception(&err.exception).and_then(|d| d.args.borrow().first().cloned()).unwrap_or_else(none);
                    Ok(Sent::Returned(v))
                }
                Err(err) => Err(err),
            },
            Err(_) => return resume_with(vm, gen, None, Some(e)),
        }
    };
    match outcome {
        // The subiterator yielded: this generator stays suspended there.
        Ok(Sent::Yielded(v)) => Ok(Sent::Yielded(v)),
        // It returned: `yield from` evaluates to the value, after the loop.
        Ok(Sent::Returned(v)) => {
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
        Err(err) => resume_with(vm, gen, None, Some(err)),
    }
}

/// Resume this generator (suspended in `yield from`) with an error raised
/// at its `yield from`.
fn resume_with(vm: &mut Vm, gen: &Value, push: Option<Value>, error: Option<PyErr>) -> PyResult<Sent> {
    let g = as_generator(gen).expect("a generator");
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
    if let Ok(close) = crate::ops::getattr(vm, sub, &new_str("close")) {
        crate::eval::call(vm, &close, &[], &[])?;
    }
    Ok(())
}

/// `generator.close()`.
pub fn close(vm: &mut Vm, gen: &Value) -> PyResult<()> {
    let g = as_generator(gen).expect("a generator");
    {
        let mut state = g.state.borrow_mut();
        if matches!(*state, State::Created(_) | State::Finished) {
            *state = State::Finished;
            return Ok(());
        }
    }
    let exit = PyErr { exception: exceptions::exception_with_args(&GENERATOR_EXIT, Vec::new()) };
    match send(vm, gen, none(), Some(exit)) {
        Ok(Sent::Yielded(_)) => Err(vm.error(&RUNTIME_ERROR, "generator ignored GeneratorExit")),
        Ok(Sent::Returned(_)) => Ok(()),
        Err(e) if vm.type_of(&e.exception).is_subtype(&GENERATOR_EXIT) || vm.type_of(&e.exception).is_subtype(&STOP_ITERATION) => Ok(()),
        Err(e) => Err(e),
    }
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

/// `generator.throw(exc)` / `throw(type[, value])`.
fn generator_throw(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "throw", kwnames)?;
    let (typ, val) = match args {
        [t] => (t.clone(), None),
        [t, v] | [t, v, _] => (t.clone(), Some(v.clone()).filter(|v| !is_none(v))),
        _ => return Err(vm.type_error(format!("throw expected at least 1 argument, got {}", args.len()))),
    };
    if args.len() == 3 && !is_none(&args[2]) {
        return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "generator.throw() with a traceback"));
    }
    let exc = if let Some(cls) = crate::types::as_type(&typ).filter(|t| t.is_subtype(&exceptions::BASE_EXCEPTION)) {
        match val {
            Some(v) if vm.type_of(&v).is_subtype(cls) => v,
            Some(v) => {
                let args = match crate::builtins::tuple::as_tuple(&v) {
                    Some(t) => t.items.clone(),
                    None => vec![v],
                };
                crate::eval::call(vm, &typ, &args, &[])?
            }
            None => crate::eval::call(vm, &typ, &[], &[])?,
        }
    } else if as_exception(&typ).is_some() {
        if val.is_some() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        typ
    } else {
        let msg = format!("exceptions must be classes or instances deriving from BaseException, not {}", vm.type_of(&typ).name);
        return Err(vm.type_error(msg));
    };
    match send(vm, this, none(), Some(PyErr { exception: exc }))? {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(r) => Err(stop_iteration_for(r)),
    }
}

fn generator_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    let g = as_generator(v).expect("generator slot");
    match as_str(name).unwrap_or("") {
        "__name__" => Ok(g.name.clone()),
        "__qualname__" => Ok(g.qualname.clone()),
        "gi_code" => Ok(g.code.clone()),
        "gi_running" => Ok(vm.bool(matches!(*g.state.borrow(), State::Running))),
        "gi_suspended" => Ok(vm.bool(matches!(*g.state.borrow(), State::Suspended(_)))),
        "gi_yieldfrom" => Ok(match &*g.state.borrow() {
            State::Suspended(s) => delegate(s).unwrap_or_else(none),
            _ => none(),
        }),
        "gi_frame" => Err(vm.error(&NOT_IMPLEMENTED_ERROR, "generator gi_frame (frame objects)")),
        _ => crate::builtins::classes::generic_getattr(vm, v, name),
    }
}
