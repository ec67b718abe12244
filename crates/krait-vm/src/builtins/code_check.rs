//! Checks that a code object made by `code.replace()` (not by the
//! compiler) is safe for the evaluation loop to run.
//!
//! Invariants:
//! - The compiler's code is trusted and never checked. A code object whose
//!   fields were replaced is checked once, when made; what the check
//!   finds is kept in `CodeData::broken` and raised as SystemError where
//!   the code would start running (a function made from it, `__code__`
//!   assigned it, `exec`/`eval` of it), so the loop itself pays nothing.
//!   CPython runs such code unchecked and may crash; Krait refuses it.
//! - The check covers what the loop indexes without checking: constants,
//!   names, local, cell and free slots, comparison kinds, jump targets,
//!   exception-table entries, and a stack depth (by the instruction
//!   table's stack effects) that never goes below zero.

use krait_compiler::code::CodeObject;
use krait_compiler::opcode::{Jump, Opcode};

use crate::builtins::function::{as_code, Decoded};
use crate::value::Value;

/// Why `co` (with `consts` and `nlocalsplus` slots) cannot run, if it
/// cannot.
pub fn check(co: &CodeObject, consts: &[Value], decoded: &[Decoded], nlocalsplus: usize) -> Option<String> {
    if let Some(why) = consts.iter().find_map(|c| as_code(c).and_then(|c| c.broken.as_deref().map(str::to_string))) {
        return Some(why);
    }
    let n = co.co_code.len();
    for e in &co.exception_table {
        if e.start >= e.end || e.end as usize > n || e.target as usize >= n {
            return Some("co_exceptiontable has an entry outside co_code".into());
        }
    }
    // Operands, instruction by instruction.
    let mut i = 0;
    while i < n {
        let d = decoded[i];
        let arg = d.arg as usize;
        let bad = |what: &str| Some(format!("{} at offset {} refers to a missing {what}", d.op.name(), 2 * d.at));
        match d.op {
            Opcode::LOAD_CONST | Opcode::KW_NAMES if arg >= consts.len() => return bad("constant"),
            Opcode::LOAD_GLOBAL if arg >> 1 >= co.co_names.len() => return bad("name"),
            Opcode::STORE_NAME
            | Opcode::DELETE_NAME
            | Opcode::STORE_ATTR
            | Opcode::DELETE_ATTR
            | Opcode::STORE_GLOBAL
            | Opcode::DELETE_GLOBAL
            | Opcode::LOAD_NAME
            | Opcode::LOAD_ATTR
            | Opcode::IMPORT_NAME
            | Opcode::IMPORT_FROM
            | Opcode::LOAD_METHOD
                if arg >= co.co_names.len() =>
            {
                return bad("name")
            }
            Opcode::LOAD_FAST | Opcode::STORE_FAST | Opcode::DELETE_FAST
                if arg >= co.co_varnames.len() || arg >= nlocalsplus =>
            {
                return bad("local variable")
            }
            Opcode::MAKE_CELL
            | Opcode::LOAD_CLOSURE
            | Opcode::LOAD_DEREF
            | Opcode::STORE_DEREF
            | Opcode::DELETE_DEREF
            | Opcode::LOAD_CLASSDEREF
                if arg >= nlocalsplus =>
            {
                return bad("cell or free variable")
            }
            Opcode::COPY_FREE_VARS if arg > nlocalsplus || arg != co.co_freevars.len() => {
                return bad("free variable")
            }
            Opcode::COMPARE_OP if arg >= 6 => return bad("comparison"),
            Opcode::KW_NAMES if crate::builtins::tuple::as_tuple(&consts[arg]).is_none() => {
                return bad("tuple of keyword names")
            }
            _ => {}
        }
        if d.op.jump() != Jump::None && !matches!(jump_target(d), Some(t) if t < n) {
            return bad("jump target");
        }
        i = (d.next as usize).max(i + 1);
    }
    check_depths(co, decoded)
}

fn jump_target(d: Decoded) -> Option<usize> {
    match d.op.jump() {
        Jump::Backward => (d.next as usize).checked_sub(d.arg as usize),
        _ => (d.next as usize).checked_add(d.arg as usize),
    }
}

/// Whether execution can continue after `op` into the next instruction.
fn falls_through(op: Opcode) -> bool {
    !matches!(
        op,
        Opcode::RETURN_VALUE
            | Opcode::RAISE_VARARGS
            | Opcode::RERAISE
            | Opcode::JUMP_FORWARD
            | Opcode::JUMP_BACKWARD
            | Opcode::JUMP_BACKWARD_NO_INTERRUPT
    )
}

/// The deepest stack slot an instruction reads below the top, beyond what
/// its net effect pops.
fn reach(op: Opcode, arg: u32) -> i64 {
    let arg = i64::from(arg);
    match op {
        Opcode::COPY | Opcode::SWAP => arg.max(1),
        Opcode::LIST_APPEND | Opcode::SET_ADD | Opcode::LIST_EXTEND | Opcode::SET_UPDATE | Opcode::DICT_UPDATE => arg + 1,
        Opcode::MAP_ADD => arg + 2,
        Opcode::DICT_MERGE => arg + 3,
        // PRECALL's effect counts its arguments gone; CALL then reads the
        // callable and its NULL or self below them.
        Opcode::PRECALL => arg + 2,
        Opcode::CALL => 2,
        _ => 0,
    }
}

/// Walk every path from the entry and from each handler, keeping the depth
/// at each instruction; a path that pops below the bottom makes the code
/// unrunnable.
fn check_depths(co: &CodeObject, decoded: &[Decoded]) -> Option<String> {
    let n = decoded.len();
    let mut depth: Vec<Option<i64>> = vec![None; n];
    let mut work = Vec::new();
    if n > 0 {
        work.push((0usize, 0i64));
    }
    for e in &co.exception_table {
        work.push((e.target as usize, i64::from(e.depth) + 1 + i64::from(e.lasti)));
    }
    while let Some((at, d)) = work.pop() {
        if at >= n || depth[at].is_some_and(|seen| seen <= d) {
            continue;
        }
        depth[at] = Some(d);
        let ins = decoded[at];
        // A generator resumes after RETURN_GENERATOR with the sent value
        // pushed (the compiler adds the prefix after counting depths).
        let resumed = i64::from(ins.op == Opcode::RETURN_GENERATOR);
        let fall = d + resumed + i64::from(ins.op.stack_effect(ins.arg, false));
        let min_after = d - reach(ins.op, ins.arg);
        if fall < 0 || min_after < 0 {
            return Some(format!("{} at offset {} pops an empty stack", ins.op.name(), 2 * ins.at));
        }
        if falls_through(ins.op) && (ins.next as usize) < n {
            work.push((ins.next as usize, fall));
        }
        if ins.op.jump() != Jump::None {
            if let Some(t) = jump_target(ins) {
                work.push((t, d + i64::from(ins.op.stack_effect(ins.arg, true))));
            }
        }
    }
    None
}
