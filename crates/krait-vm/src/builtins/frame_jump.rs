//! Setting `frame.f_lineno` from a trace function: the jump rules of
//! CPython 3.11's `frame_setlineno`.
//!
//! Invariants:
//! - A jump is allowed only from a 'line' event of the frame being traced,
//!   to an instruction of the target line whose value stack is compatible
//!   with the current one: the current stack, cut to the target's depth,
//!   must hold the same kinds (an iterator where a `for` loop keeps one,
//!   no missing exception where an `except` block expects one).
//! - Stacks are abstract, as CPython's `mark_stacks`: a kind per value,
//!   3 bits each, packed into an `i64` (deeper stacks compare greater);
//!   the instruction table's stack effects drive the walk, the exception
//!   table gives each handler its entry stack.
//! - The jump itself happens after the hook returns (`trace::instruction`
//!   pops the values the target does not have and moves `ip`).

use krait_compiler::opcode::{Jump, Opcode};

use crate::builtins::exceptions::ATTRIBUTE_ERROR;
use crate::builtins::frame::FrameData;
use crate::builtins::function::{as_code, CodeData};
use crate::trace::Event;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const ITERATOR: i64 = 1;
const EXCEPT: i64 = 2;
const OBJECT: i64 = 3;
const NULL: i64 = 4;
const LASTI: i64 = 5;

const UNINITIALIZED: i64 = -2;
const OVERFLOWED: i64 = -1;
const MAX_STACK_ENTRIES: u32 = 63 / 3;
const WILL_OVERFLOW: i64 = 1 << ((MAX_STACK_ENTRIES - 1) * 3);

fn push_value(stack: i64, kind: i64) -> i64 {
    if stack >= WILL_OVERFLOW {
        OVERFLOWED
    } else {
        (stack << 3) | kind
    }
}

fn pop_value(stack: i64) -> i64 {
    stack >> 3
}

fn top_of_stack(stack: i64) -> i64 {
    stack & 7
}

fn depth(mut stack: i64) -> usize {
    let mut n = 0;
    while stack > 0 {
        stack = pop_value(stack);
        n += 1;
    }
    n
}

fn pop_to_level(mut stack: i64, level: usize) -> i64 {
    if stack < 0 {
        return stack;
    }
    while depth(stack) > level {
        stack = pop_value(stack);
    }
    stack
}

fn apply_effect(mut stack: i64, delta: i32) -> i64 {
    if stack < 0 {
        return stack;
    }
    let mut d = delta;
    while d < 0 {
        stack = pop_value(stack);
        d += 1;
    }
    while d > 0 {
        stack = push_value(stack, OBJECT);
        d -= 1;
    }
    stack
}

/// The abstract stack at each code unit, UNINITIALIZED where unreachable.
fn mark_stacks(code: &CodeData) -> Vec<i64> {
    let decoded = &code.decoded;
    let len = decoded.len();
    let mut stacks = vec![UNINITIALIZED; len + 1];
    stacks[0] = 0;
    let mut todo = true;
    while todo {
        todo = false;
        let mut i = 0;
        while i < len {
            let ins = decoded[i];
            let next = ins.next as usize;
            let stack = stacks[i];
            if stack == UNINITIALIZED {
                i = next.max(i + 1);
                continue;
            }
            let mut set = |at: usize, s: i64, todo: &mut bool| {
                if at <= len && stacks[at] == UNINITIALIZED {
                    stacks[at] = s;
                    if at < i {
                        *todo = true;
                    }
                }
            };
            let target = match ins.op.jump() {
                Jump::Forward => Some(next + ins.arg as usize),
                Jump::Backward => Some(next.saturating_sub(ins.arg as usize)),
                Jump::None => None,
            };
            match ins.op {
                Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
                | Opcode::JUMP_BACKWARD_NO_INTERRUPT
                => {
                    if let Some(t) = target {
                        set(t, stack, &mut todo);
                    }
                }
                Opcode::GET_ITER | Opcode::GET_AITER => {
                    set(next, push_value(pop_value(stack), ITERATOR), &mut todo);
                }
                Opcode::FOR_ITER => {
                    set(next, push_value(stack, OBJECT), &mut todo);
                    if let Some(t) = target {
                        set(t, pop_value(stack), &mut todo);
                    }
                }
                Opcode::END_ASYNC_FOR => set(next, pop_value(pop_value(stack)), &mut todo),
                Opcode::PUSH_NULL => set(next, push_value(stack, NULL), &mut todo),
                Opcode::LOAD_GLOBAL => {
                    let mut s = stack;
                    if ins.arg & 1 != 0 {
                        s = push_value(s, NULL);
                    }
                    set(next, push_value(s, OBJECT), &mut todo);
                }
                Opcode::LOAD_METHOD => {
                    let s = push_value(push_value(pop_value(stack), NULL), OBJECT);
                    set(next, s, &mut todo);
                }
                Opcode::PUSH_EXC_INFO => set(next, push_value(stack, EXCEPT), &mut todo),
                Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE => {}
                op => {
                    set(next, apply_effect(stack, op.stack_effect(ins.arg, false)), &mut todo);
                    if let Some(t) = target {
                        set(t, apply_effect(stack, op.stack_effect(ins.arg, true)), &mut todo);
                    }
                }
            }
            // An instruction an exception-table entry covers can enter
            // its handler.
            for h in code.co.exception_table.iter() {
                if h.start as usize <= i && i < h.end as usize {
                    let mut s = pop_to_level(stack, h.depth as usize);
                    if h.lasti {
                        s = push_value(s, LASTI);
                    }
                    s = push_value(s, EXCEPT);
                    set(h.target as usize, s, &mut todo);
                }
            }
            i = next.max(i + 1);
        }
    }
    stacks
}

fn compatible_kind(from: i64, to: i64) -> bool {
    match to {
        0 => false,
        OBJECT => from != NULL,
        NULL => true,
        _ => from == to,
    }
}

fn compatible_stack(mut from: i64, mut to: i64) -> bool {
    if from < 0 || to < 0 {
        return false;
    }
    while from > to {
        from = pop_value(from);
    }
    while from != 0 {
        if !compatible_kind(top_of_stack(from), top_of_stack(to)) {
            return false;
        }
        from = pop_value(from);
        to = pop_value(to);
    }
    to == 0
}

fn explain_incompatible_stack(to: i64) -> &'static str {
    if to == OVERFLOWED {
        return "stack is too deep to analyze";
    }
    if to == UNINITIALIZED {
        return "can't jump into an exception handler, or code may be unreachable";
    }
    match top_of_stack(to) {
        EXCEPT => "can't jump into an 'except' block as there's no exception",
        LASTI => "can't jump into a re-raising block as there's no location",
        ITERATOR => "can't jump into the body of a for loop",
        _ => "incompatible stacks",
    }
}

/// Is the running frame of frame object `this` at a `YIELD_VALUE` (its
/// 'return' event is a suspension, from which a jump is allowed)?
fn yielding(vm: &Vm, this: &Value) -> bool {
    let Some(fr) = vm.frames.iter().rev().find(|fr| fr.frame_obj.is(this)) else { return false };
    let Some(code) = as_code(&fr.code) else { return false };
    fr.ip > 0 && code.decoded.get(fr.ip - 1).is_some_and(|d| d.op == Opcode::YIELD_VALUE)
}

/// `frame.f_lineno = value` (CPython's `frame_setlineno`).
pub fn set_lineno(vm: &mut Vm, this: &Value, f: &FrameData, value: Option<Value>) -> PyResult<()> {
    let Some(value) = value else { return Err(vm.error(&ATTRIBUTE_ERROR, "cannot delete attribute")) };
    if !std::ptr::eq(vm.type_of(&value), &crate::builtins::int::INT_TYPE) {
        return Err(vm.value_error("lineno must be an integer"));
    }
    match vm.trace.what {
        Event::Exception => return Err(vm.value_error("can only jump from a 'line' trace event")),
        Event::Call => return Err(vm.value_error("can't jump from the 'call' trace event of a new frame")),
        Event::Line => {}
        Event::Return if yielding(vm, this) => {}
        _ => return Err(vm.value_error("can only jump from a 'line' trace event")),
    }
    if f.f_trace.borrow().is_null() {
        return Err(vm.value_error("f_lineno can only be set by a trace function"));
    }
    let Some(wanted) = crate::builtins::int::exact_i64(&value).filter(|&l| i32::try_from(l).is_ok()) else {
        return Err(vm.value_error("lineno out of range"));
    };
    let code = as_code(&f.code).expect("a frame runs a code object");
    if wanted < i64::from(code.co.co_firstlineno) {
        return Err(vm.value_error(format!("line {wanted} comes before the current code block")));
    }
    // Where each line starts: an instruction whose line differs from the
    // last line seen (CPython's `marklines`).
    let mut lines: Vec<Option<i64>> = vec![None; code.decoded.len()];
    let mut i = 0;
    let mut last = None;
    while i < code.decoded.len() {
        let line = code.co.positions.get(i).and_then(|p| p.lineno).map(i64::from);
        if line.is_some() && line != last {
            lines[i] = line;
            last = line;
        }
        i = (code.decoded[i].next as usize).max(i + 1);
    }
    let Some(new_line) = lines.iter().flatten().copied().filter(|&l| l >= wanted).min() else {
        return Err(vm.value_error(format!("line {wanted} comes after the current code block")));
    };
    // Only the frame whose line event is being reported can jump.
    let running = vm.frames.iter().rposition(|fr| fr.frame_obj.is(this));
    if running.is_none() {
        return Err(vm.value_error("can only jump from a 'line' trace event"));
    }
    let stacks = mark_stacks(code);
    let at = f.prev_instr.get().max(0) as usize;
    let start = stacks[at];
    let mut best = OVERFLOWED;
    let mut best_addr = None;
    let mut msg = "cannot find bytecode for specified line";
    let mut err = true;
    let mut explained = false;
    for (i, line) in lines.iter().enumerate() {
        if *line != Some(new_line) {
            continue;
        }
        let target = stacks[i];
        if compatible_stack(start, target) {
            err = false;
            if target > best || best_addr.is_none() {
                best = target;
                best_addr = Some(i);
            }
        } else if err && !explained {
            if start == OVERFLOWED {
                msg = "stack to deep to analyze";
            } else if start == UNINITIALIZED {
                msg = "can't jump from unreachable code";
            } else {
                msg = explain_incompatible_stack(target);
                explained = true;
            }
        }
    }
    let Some(addr) = best_addr.filter(|_| !err) else { return Err(vm.value_error(msg)) };
    // A generator suspending at a yield has already popped its value.
    let start = if vm.trace.what == Event::Return { pop_value(start) } else { start };
    f.jump.set(Some((addr, start, best)));
    Ok(())
}

/// Carry out a jump `set_lineno` recorded, after the hook returned: pop
/// the values the target's stack does not have (an exception being
/// handled goes back into `exc_info`, as CPython's), move `ip`.
pub(crate) fn perform(vm: &mut Vm, addr: usize, mut start: i64, best: i64) -> usize {
    while start > best && start > 0 {
        let v = vm.stack.pop().expect("the frame's stack holds what the jump pops");
        if top_of_stack(start) == EXCEPT {
            vm.exc_info = if crate::builtins::singletons::is_none(&v) { Value::NULL } else { v };
        } else {
            drop(v);
        }
        start = pop_value(start);
    }
    addr
}
