//! Unwinding: where an exception goes when an instruction raises it.
//!
//! Invariants:
//! - An error unwinds through the exception table of each frame (3.11's
//!   zero-cost scheme): a covering entry cuts the stack to its depth,
//!   pushes `lasti` if asked and the exception, and the loop goes on at its
//!   handler; otherwise the frame is popped. Each frame the exception
//!   reaches adds a traceback entry (CPython's `PyTraceBack_Here`), except
//!   for a re-raise.
//! - A new exception raised while another is handled gets it as
//!   `__context__`, never making a cycle of contexts; an exception already
//!   chained when it left a nested run of the loop (`Vm::context_settled`)
//!   is not chained again.

use super::{CodeRef, INIT_FRAME};
use crate::builtins::exceptions::as_exception;
use crate::builtins::int::new_int;
use crate::value::Value;
use crate::vm::{PyErr, Vm};

/// Unwind `e` from the top frame: `Ok` when a handler of a frame at depth
/// `entry` or above takes it (the loop resumes there), else the error the
/// run started at `entry` ends with. `thrown`: `e` was thrown into the
/// generator whose frame is on top (`generator.throw`), so it is chained
/// only to the exception that generator handles, not its caller's
/// (CPython's `_PyErr_ChainStackItem` in `gen_send_ex2`).
pub(super) fn unwind(vm: &mut Vm, entry: usize, mut e: PyErr, thrown: bool) -> Result<(), PyErr> {
    let reraise = std::mem::take(&mut vm.reraising);
    let mut restored_lasti = vm.reraise_lasti.take();
    // The mark is an address: an exception that left a frame has
    // a traceback, a new one made where a swallowed one was
    // freed has none yet.
    let settled = std::mem::take(&mut vm.context_settled) == e.exception.bits()
        && as_exception(&e.exception).is_some_and(|d| !d.traceback.borrow().is_null());
    if thrown {
        chain_to(&vm.exc_info, &e);
    } else if !reraise && !settled {
        set_context(vm, &e);
    }
    // Unwind: the current frame's handlers, else pop it. Each
    // frame the exception reaches adds a traceback entry, as
    // CPython's PyTraceBack_Here does, unless it is re-raised.
    let mut add_entry = !reraise;
    loop {
        if add_entry {
            if let Some(data) = as_exception(&e.exception) {
                let index = vm.frames.len() - 1;
                let offset = vm.frames[index].ip.saturating_sub(1) as u32;
                let frame = crate::builtins::frame::frame_object(vm, index);
                let next = data.traceback.replace(Value::NULL);
                let next = if next.is_null() { crate::builtins::singletons::none() } else { next };
                *data.traceback.borrow_mut() = crate::builtins::frame::new_traceback(next, frame, offset);
            }
            if vm.trace.on {
                e = crate::trace::exception(vm, e);
            }
        }
        add_entry = true;
        let frame = vm.frames.last().expect("a frame is running");
        let code = CodeRef::of(&frame.code).get();
        let offset = frame.ip.saturating_sub(1) as u32;
        let handler = code.co.exception_table.iter().find(|h| h.start <= offset && offset < h.end);
        if let Some(h) = handler {
            let nlocals = code.nlocalsplus;
            let base = frame.base;
            vm.stack.truncate(base + nlocals + h.depth as usize);
            if h.lasti {
                // A re-raise hands on the offset it restored.
                let lasti = restored_lasti.take().unwrap_or(offset);
                vm.stack.push(new_int(lasti as i64));
            }
            vm.stack.push(e.exception.clone());
            vm.frames.last_mut().expect("a frame").ip = h.target as usize;
            return Ok(());
        }
        // A `RERAISE` with `lasti` leaves the frame reporting the
        // instruction that first raised (its f_lasti, f_lineno,
        // the line of a traced 'return').
        if let Some(lasti) = restored_lasti.take() {
            vm.frames.last_mut().expect("a frame").ip = lasti as usize + 1;
        }
        if vm.trace.on {
            e = crate::trace::unwind(vm, e);
        }
        let frame = vm.frames.pop().expect("a frame");
        if !frame.frame_obj.is_null() {
            crate::builtins::frame::finish(vm, &frame);
        }
        vm.stack.truncate(frame.ret);
        if frame.inline_exit != 0 && frame.inline_exit != INIT_FRAME {
            // A generator that FOR_ITER resumed here: it is
            // finished, and the error goes on in the caller as
            // if `next` had raised it there (PEP 479 included).
            let gen = vm.stack.last().expect("the loop's generator").clone();
            e = crate::generator::fail_inline(vm, &gen, e);
            set_context(vm, &e);
        }
        if vm.frames.len() < entry {
            vm.context_settled = e.exception.bits();
            if vm.trace.on {
                crate::finalize::wake();
            }
            return Err(e);
        }
    }
}

/// An exception raised while another is handled has it as its
/// `__context__` (CPython's _PyErr_SetObject).
pub(super) fn set_context(vm: &Vm, e: &PyErr) {
    chain_to(&vm.topmost_exc(), e);
}

/// `e` gets `top` (an exception being handled, or NULL) as its
/// `__context__` unless it has one.
fn chain_to(top: &Value, e: &PyErr) {
    let top = top.clone();
    if !top.is_null() && !top.is(&e.exception) {
        break_context_cycle(&top, &e.exception);
        if let Some(data) = as_exception(&e.exception) {
            if data.context.borrow().is_null() {
                *data.context.borrow_mut() = top;
            }
        }
    }
}

/// Chaining `value` after `handled` must not make a cycle: where
/// `handled`'s context chain reaches `value`, it is cut. A cycle already in
/// the chain ends the walk (Floyd's tortoise and hare, as CPython's
/// `_PyErr_SetObject`).
pub(super) fn break_context_cycle(handled: &Value, value: &Value) {
    let context_of = |v: &Value| as_exception(v).map(|d| d.context.borrow().clone()).filter(|c| !c.is_null());
    let mut o = handled.clone();
    let mut slow = handled.clone();
    let mut toggle = false;
    while let Some(context) = context_of(&o) {
        if context.is(value) {
            let data = as_exception(&o).expect("an exception");
            let old = data.context.replace(Value::NULL);
            drop(old);
            return;
        }
        o = context;
        if o.is(&slow) {
            return;
        }
        if toggle {
            slow = context_of(&slow).unwrap_or_else(|| slow.clone());
        }
        toggle = !toggle;
    }
}
