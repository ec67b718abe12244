//! `sys.settrace` and `sys.setprofile`: the trace and profile hooks and the
//! events the evaluation loop reports to them (CPython 3.11's
//! `call_trace`, `trace_trampoline`, `profile_trampoline`,
//! `maybe_call_line_trace`).
//!
//! Invariants:
//! - With no hook set the loop pays nothing per instruction: it runs as
//!   `dispatch::<false>`, which has no trace code at all. Setting a hook
//!   raises the pending flag (`finalize::wake`); the loop notices it at its
//!   next checking instruction and goes on as `dispatch::<true>`, which
//!   reports events before each instruction and goes back when no hook is
//!   left. A loop that native code re-enters picks its mode on entry, and
//!   raises the flag again as it returns while a hook is set, so the
//!   loops below it switch too.
//! - `TraceState::on` is "a hook is set and none is running": a hook's own
//!   code is never traced (CPython's `tstate->tracing`).
//! - Per-frame state (`f_trace`, `f_trace_lines`, `f_trace_opcodes`, the
//!   last traced instruction) lives in the frame object, which exists for
//!   every frame a hook has seen. A frame without one has no `f_trace`,
//!   so it gets no line, opcode or exception events.
//! - Line events follow 3.11: an instruction starting a different line
//!   than the last traced one, or a backward jump (not `SEND`'s), reports
//!   'line'; the first instruction after a frame's `RESUME` always does.
//!   `RESUME` itself (entry and every generator resumption) reports
//!   'call'. `RETURN_VALUE` and `YIELD_VALUE` report 'return'; a frame
//!   left by an exception reports 'exception' where the exception reaches
//!   it (not when re-raised) and 'return' with None as it is popped.

use krait_compiler::opcode::Opcode;

use crate::builtins::frame::{as_frame, frame_object};
use crate::builtins::function::CodeData;
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::intern;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The thread's hooks.
pub struct TraceState {
    /// `sys.settrace`'s function, or NULL.
    pub tracefunc: Value,
    /// `sys.setprofile`'s function, or NULL.
    pub profilefunc: Value,
    /// A hook is set and none is running: the loop reports events.
    pub on: bool,
    /// The loop returned only to change its mode (see `eval::resume`).
    pub switch: bool,
    /// Hooks running now (their code is not traced).
    busy: u32,
    /// A hook is being replaced (the old one's finalizer is running).
    installing: bool,
    /// Where `RERAISE` put the frame back (its `lasti` operand), for the
    /// 'return' of the frame it leaves.
    pub reraise_lasti: Option<usize>,
    /// The event being reported, or last reported (CPython's
    /// `tstate->tracing_what`, which `f_lineno`'s setter consults).
    pub what: Event,
}

impl TraceState {
    pub fn new() -> TraceState {
        TraceState {
            tracefunc: Value::NULL,
            profilefunc: Value::NULL,
            on: false,
            switch: false,
            busy: 0,
            installing: false,
            reraise_lasti: None,
            what: Event::Call,
        }
    }

    fn refresh(&mut self) {
        self.on = self.busy == 0 && (!self.tracefunc.is_null() || !self.profilefunc.is_null());
        if self.on {
            crate::finalize::wake();
        }
    }
}

impl Default for TraceState {
    fn default() -> Self {
        TraceState::new()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Call,
    Exception,
    Line,
    Return,
    CCall,
    CException,
    CReturn,
    Opcode,
}

impl Event {
    fn name(self) -> &'static str {
        match self {
            Event::Call => "call",
            Event::Exception => "exception",
            Event::Line => "line",
            Event::Return => "return",
            Event::CCall => "c_call",
            Event::CException => "c_exception",
            Event::CReturn => "c_return",
            Event::Opcode => "opcode",
        }
    }
}

fn one_arg<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("sys.{name}() takes exactly one argument ({} given)", args.len())));
    }
    Ok(&args[0])
}

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("sys.{name}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

fn hook_value(v: &Value) -> Value {
    if is_none(v) {
        Value::NULL
    } else {
        v.clone()
    }
}

fn or_none(v: &Value) -> Value {
    if v.is_null() {
        none()
    } else {
        v.clone()
    }
}

/// Install a hook. The old one's finalizer runs now, and may not install
/// another (CPython 3.11's re-entrancy RuntimeError).
fn install(vm: &mut Vm, f: Value, profile: bool) -> PyResult<()> {
    let what = if profile { "profile" } else { "trace" };
    if vm.trace.installing {
        let msg = format!("Cannot install a {what} function while another {what} function is being installed");
        return Err(vm.error(&crate::builtins::exceptions::RUNTIME_ERROR, msg));
    }
    let slot = if profile { &mut vm.trace.profilefunc } else { &mut vm.trace.tracefunc };
    let old = std::mem::replace(slot, f);
    vm.trace.refresh();
    vm.trace.installing = true;
    drop(old);
    if crate::finalize::pending() {
        crate::finalize::run_pending(vm);
    }
    vm.trace.installing = false;
    vm.trace.refresh();
    Ok(())
}

/// `sys.settrace(function)`.
pub fn settrace(vm: &mut Vm, _this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let f = hook_value(one_arg(vm, "settrace", args, kwnames)?);
    install(vm, f, false)?;
    Ok(none())
}

/// `sys.gettrace()`.
pub fn gettrace(vm: &mut Vm, _this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "gettrace", args, kwnames)?;
    Ok(or_none(&vm.trace.tracefunc))
}

/// `sys.setprofile(function)`.
pub fn setprofile(vm: &mut Vm, _this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let f = hook_value(one_arg(vm, "setprofile", args, kwnames)?);
    install(vm, f, true)?;
    Ok(none())
}

/// `sys.getprofile()`.
pub fn getprofile(vm: &mut Vm, _this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_args(vm, "getprofile", args, kwnames)?;
    Ok(or_none(&vm.trace.profilefunc))
}

/// Call `callback(frame, event, arg)` for frame `index` with the hooks
/// off (CPython's `call_trace` + `call_trampoline`): the frame object
/// shows the frame as it is now, and local variables the hook changed
/// through `f_locals` are written back.
fn call_hook(vm: &mut Vm, index: usize, callback: &Value, event: Event, arg: Value) -> PyResult<Value> {
    let frame = frame_object(vm, index);
    crate::builtins::frame::refresh_locals(vm, index)?;
    let old_what = std::mem::replace(&mut vm.trace.what, event);
    vm.trace.busy += 1;
    vm.trace.on = false;
    let result = crate::eval::call(vm, callback, &[frame.clone(), intern(event.name()), arg], &[]);
    vm.trace.busy -= 1;
    vm.trace.what = old_what;
    vm.trace.refresh();
    if index < vm.frames.len() && vm.frames[index].frame_obj.is(&frame) {
        crate::builtins::frame::locals_to_fast(vm, index);
    }
    result
}

/// Report `event` to the trace function for frame `index` (CPython's
/// `trace_trampoline`): 'call' goes to the global function, the others
/// to the frame's `f_trace`; a result other than None becomes the frame's
/// `f_trace`. An error turns tracing off.
fn trace(vm: &mut Vm, index: usize, event: Event, arg: Value) -> PyResult<()> {
    if vm.trace.tracefunc.is_null() {
        return Ok(());
    }
    let callback = if event == Event::Call {
        vm.trace.tracefunc.clone()
    } else {
        let fo = vm.frames[index].frame_obj.clone();
        match as_frame(&fo) {
            Some(fd) => fd.f_trace.borrow().clone(),
            None => return Ok(()),
        }
    };
    if callback.is_null() {
        return Ok(());
    }
    match call_hook(vm, index, &callback, event, arg) {
        Ok(r) => {
            if !is_none(&r) {
                let fo = vm.frames[index].frame_obj.clone();
                if let Some(fd) = as_frame(&fo) {
                    let old = fd.f_trace.replace(r);
                    drop(old);
                }
            }
            Ok(())
        }
        Err(e) => {
            let old = std::mem::replace(&mut vm.trace.tracefunc, Value::NULL);
            drop(old);
            vm.trace.refresh();
            let fo = vm.frames[index].frame_obj.clone();
            if let Some(fd) = as_frame(&fo) {
                let old = fd.f_trace.replace(Value::NULL);
                drop(old);
            }
            Err(e)
        }
    }
}

/// Report `event` to the profile function (CPython's
/// `profile_trampoline`): its result is ignored, an error turns
/// profiling off.
fn profile(vm: &mut Vm, index: usize, event: Event, arg: Value) -> PyResult<()> {
    if vm.trace.profilefunc.is_null() {
        return Ok(());
    }
    let callback = vm.trace.profilefunc.clone();
    match call_hook(vm, index, &callback, event, arg) {
        Ok(_) => Ok(()),
        Err(e) => {
            let old = std::mem::replace(&mut vm.trace.profilefunc, Value::NULL);
            drop(old);
            vm.trace.refresh();
            Err(e)
        }
    }
}

/// The offset of the code's first `RESUME` (CPython's
/// `_co_firsttraceable`): nothing before it is traced.
fn first_traceable(co: &CodeData) -> usize {
    co.decoded.iter().position(|d| d.op == Opcode::RESUME).unwrap_or(0)
}

fn line_at(co: &CodeData, offset: usize) -> Option<u32> {
    co.co.positions.get(offset).and_then(|p| p.lineno)
}

/// Before the instruction at `at` of the running frame, in a traced
/// loop: report 'call' at `RESUME`, else 'line' and 'opcode' as 3.11
/// does. Returns where a line event's `f_lineno` assignment jumps to.
/// The frame's `ip` is past the instruction while hooks run (so
/// `f_lineno` reads its line) and back at it after.
pub(crate) fn instruction(vm: &mut Vm, co: &CodeData, at: usize) -> PyResult<Option<usize>> {
    // Finalizers queued by the last instruction run now, traced, as they
    // would in CPython the moment the object went (not later, inside a
    // hook, where nothing is traced).
    if crate::finalize::pending() {
        crate::finalize::run_pending(vm);
    }
    let index = vm.frames.len() - 1;
    let ins = co.decoded[at];
    if ins.op == Opcode::RESUME {
        vm.frames[index].ip = ins.next as usize;
        let r = function_entry(vm, index);
        let fo = vm.frames[index].frame_obj.clone();
        if let Some(fd) = as_frame(&fo) {
            fd.prev_instr.set(at as i64);
        }
        vm.frames[index].ip = at;
        return r.map(|()| None);
    }
    let fo = vm.frames[index].frame_obj.clone();
    let Some(fd) = as_frame(&fo) else { return Ok(None) };
    let first = first_traceable(co);
    if at < first {
        return Ok(None);
    }
    let prev = fd.prev_instr.replace(at as i64);
    if vm.trace.tracefunc.is_null() || fd.f_trace.borrow().is_null() {
        return Ok(None);
    }
    vm.frames[index].ip = ins.next as usize;
    let r = line_events(vm, index, co, at, prev, first);
    let jump = fd.jump.take();
    vm.frames[index].ip = at;
    r?;
    if let Some((addr, start, best)) = jump {
        fd.prev_instr.set(addr as i64);
        return Ok(Some(crate::builtins::frame_jump::perform(vm, addr, start, best)));
    }
    Ok(None)
}

fn line_events(vm: &mut Vm, index: usize, co: &CodeData, at: usize, prev: i64, first: usize) -> PyResult<()> {
    let fo = vm.frames[index].frame_obj.clone();
    let fd = as_frame(&fo).expect("a frame object");
    let lastline = if prev <= first as i64 { None } else { line_at(co, prev as usize) };
    if let Some(line) = line_at(co, at) {
        if fd.trace_lines.get() {
            let backward = (at as i64) < prev && co.decoded[at].op != Opcode::SEND;
            if Some(line) != lastline || backward {
                trace(vm, index, Event::Line, none())?;
            }
        }
    }
    if fd.trace_opcodes.get() {
        trace(vm, index, Event::Opcode, none())?;
    }
    Ok(())
}

/// 'call' to the trace function, then to the profile function.
fn function_entry(vm: &mut Vm, index: usize) -> PyResult<()> {
    trace(vm, index, Event::Call, none())?;
    profile(vm, index, Event::Call, none())
}

/// 'return' of the running frame with `value` (None when an exception
/// leaves it): to the trace function, then to the profile function.
pub(crate) fn function_exit(vm: &mut Vm, value: &Value) -> PyResult<()> {
    if !vm.trace.on {
        return Ok(());
    }
    let index = vm.frames.len() - 1;
    trace(vm, index, Event::Return, value.clone())?;
    profile(vm, index, Event::Return, value.clone())
}

/// An exception reached the running frame (CPython's `call_exc_trace`):
/// 'exception' with (type, value, traceback) to the frame's `f_trace`. An
/// error of the hook replaces the exception.
pub(crate) fn exception(vm: &mut Vm, e: PyErr) -> PyErr {
    if !vm.trace.on || vm.trace.tracefunc.is_null() {
        return e;
    }
    let index = vm.frames.len() - 1;
    if vm.frames[index].frame_obj.is_null() {
        return e;
    }
    let ty = crate::types::type_value(vm.type_of_static(&e.exception));
    let tb = match crate::builtins::exceptions::as_exception(&e.exception) {
        Some(d) => or_none(&d.traceback.borrow()),
        None => none(),
    };
    let arg = crate::builtins::tuple::new_tuple(vec![ty, e.exception.clone(), tb]);
    match trace(vm, index, Event::Exception, arg) {
        Ok(()) => e,
        Err(e2) => e2,
    }
}

/// 'return' from `YIELD_VALUE`: the hook may set `f_lineno` there (the
/// generator resumes after the target instruction, as in CPython).
pub(crate) fn yield_exit(vm: &mut Vm, co: &CodeData, value: &Value) -> PyResult<()> {
    function_exit(vm, value)?;
    let index = vm.frames.len() - 1;
    let fo = vm.frames[index].frame_obj.clone();
    if let Some((addr, start, best)) = as_frame(&fo).and_then(|fd| fd.jump.take()) {
        crate::builtins::frame_jump::perform(vm, addr, start, best);
        vm.frames[index].ip = co.decoded[addr].next as usize;
    }
    Ok(())
}

/// A StopIteration that ended a `for` loop or `yield from` in the running
/// frame (CPython's FOR_ITER and traced SEND report it as an
/// exception; a generator returning None raises none). An error of the
/// hook propagates.
pub(crate) fn stop_iteration(vm: &mut Vm, e: PyErr) -> PyResult<()> {
    let e2 = exception(vm, e.clone());
    if e2.exception.is(&e.exception) {
        Ok(())
    } else {
        Err(e2)
    }
}

/// A generator or `yield from` in the running frame returned `value`:
/// the StopIteration CPython's traced loop sees, unless it is None.
pub(crate) fn returned(vm: &mut Vm, value: &Value) -> PyResult<()> {
    if is_none(value) || !vm.trace.on {
        return Ok(());
    }
    stop_iteration(vm, crate::generator::stop_iteration(value.clone()))
}

/// `gen.throw()` into a suspended frame reports 'call' first (CPython's
/// TRACE_FUNCTION_THROW_ENTRY); a hook's error replaces the thrown one.
pub(crate) fn throw_entry(vm: &mut Vm, e: PyErr) -> PyErr {
    if !vm.trace.on {
        return e;
    }
    let index = vm.frames.len() - 1;
    match function_entry(vm, index) {
        Ok(()) => e,
        Err(e2) => e2,
    }
}

/// An exception leaves the running frame: 'return' with None. An error of
/// a hook replaces the exception.
pub(crate) fn unwind(vm: &mut Vm, e: PyErr) -> PyErr {
    if let Some(lasti) = vm.trace.reraise_lasti.take() {
        if let Some(f) = vm.frames.last_mut() {
            f.ip = lasti + 1;
        }
    }
    match function_exit(vm, &none()) {
        Ok(()) => e,
        Err(e2) => e2,
    }
}

/// Is `callable` a function written in C for the profiler's 'c_call'
/// (CPython's `trace_call_function`): a builtin function or method, or a
/// method descriptor called with its receiver first.
fn c_callable(vm: &mut Vm, callable: &Value, args: &[Value]) -> PyResult<Option<(Value, usize)>> {
    let ty = vm.type_of(callable);
    if std::ptr::eq(ty, &crate::builtins::function::BUILTIN_FUNCTION_TYPE) {
        return Ok(Some((callable.clone(), 0)));
    }
    if std::ptr::eq(ty, &crate::builtins::method_descriptors::METHOD_DESCRIPTOR_TYPE) && !args.is_empty() {
        if let Some(get) = ty.descr_get.get() {
            let owner = vm.type_of_static(&args[0]);
            let bound = get(vm, callable, &args[0], owner)?;
            return Ok(Some((bound, 1)));
        }
    }
    Ok(None)
}

/// A call from a traced loop of something that is not a Python function:
/// a C function gets 'c_call' and 'c_return' or 'c_exception' around it
/// when a profile function is set.
pub(crate) fn call_native(vm: &mut Vm, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !vm.trace.on || vm.trace.profilefunc.is_null() {
        return crate::eval::call(vm, callable, args, kwnames);
    }
    let Some((func, skip)) = c_callable(vm, callable, args)? else {
        return crate::eval::call(vm, callable, args, kwnames);
    };
    let index = vm.frames.len() - 1;
    profile(vm, index, Event::CCall, func.clone())?;
    let r = crate::eval::call(vm, &func, &args[skip..], kwnames);
    if vm.trace.profilefunc.is_null() || vm.frames.len() <= index {
        return r;
    }
    match r {
        Ok(v) => {
            profile(vm, index, Event::CReturn, func)?;
            Ok(v)
        }
        Err(e) => {
            // The hook's own error is dropped: the call's stands
            // (CPython's call_trace_protected).
            let was = vm.trace.profilefunc.clone();
            if profile(vm, index, Event::CException, func).is_err() {
                drop(was);
            }
            Err(e)
        }
    }
}
