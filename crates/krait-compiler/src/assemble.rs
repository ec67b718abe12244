//! The assembler: instructions with symbolic jump targets and handler
//! regions -> code units, positions, exception table and stack size.
//!
//! Invariants:
//! - The code generator emits instructions in order, jumping to `Label`s
//!   and marking protected regions with `push_handler`/`pop_handler`; it
//!   never computes an offset.
//! - A jump emitted with a direction-free `JumpKind` becomes 3.11's forward
//!   or backward form according to where its target lands.
//! - Sizes are computed to a fixed point: an argument that grows past 255
//!   gains `EXTENDED_ARG` prefixes, which can push other jumps' arguments
//!   past a boundary in turn; the loop ends when no instruction changes size.
//! - `co_stacksize` is the maximum depth over every path, computed from the
//!   instruction table's stack effects (never hand-written).

use crate::code::{ExceptionTableEntry, Position};
use crate::opcode::{Jump, Opcode};

/// A jump target, bound to an instruction with `Assembler::bind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label(pub(crate) u32);

/// A jump whose direction the assembler picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JumpKind {
    Always,
    /// Pop the top, jump if it is false.
    PopIfFalse,
    PopIfTrue,
    PopIfNone,
    PopIfNotNone,
    /// A fixed-direction jump instruction (`FOR_ITER`, `SEND`,
    /// `JUMP_IF_FALSE_OR_POP`, `JUMP_BACKWARD_NO_INTERRUPT`, ...).
    Fixed(Opcode),
}

impl JumpKind {
    pub(crate) fn opcode(self, backward: bool) -> Opcode {
        use Opcode::*;
        match (self, backward) {
            (JumpKind::Always, false) => JUMP_FORWARD,
            (JumpKind::Always, true) => JUMP_BACKWARD,
            (JumpKind::PopIfFalse, false) => POP_JUMP_FORWARD_IF_FALSE,
            (JumpKind::PopIfFalse, true) => POP_JUMP_BACKWARD_IF_FALSE,
            (JumpKind::PopIfTrue, false) => POP_JUMP_FORWARD_IF_TRUE,
            (JumpKind::PopIfTrue, true) => POP_JUMP_BACKWARD_IF_TRUE,
            (JumpKind::PopIfNone, false) => POP_JUMP_FORWARD_IF_NONE,
            (JumpKind::PopIfNone, true) => POP_JUMP_BACKWARD_IF_NONE,
            (JumpKind::PopIfNotNone, false) => POP_JUMP_FORWARD_IF_NOT_NONE,
            (JumpKind::PopIfNotNone, true) => POP_JUMP_BACKWARD_IF_NOT_NONE,
            (JumpKind::Fixed(op), _) => op,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Arg {
    Value(u32),
    Jump(JumpKind, Label),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Handler {
    pub(crate) target: Label,
    pub(crate) depth: u32,
    pub(crate) lasti: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Instr {
    pub(crate) op: Opcode,
    pub(crate) arg: Arg,
    pub(crate) pos: Position,
    /// The innermost handler protecting this instruction.
    pub(crate) handler: Option<Handler>,
}

/// What assembling produces.
#[derive(Debug, Clone, PartialEq)]
pub struct Assembled {
    pub code: Vec<u16>,
    pub positions: Vec<Position>,
    pub exception_table: Vec<ExceptionTableEntry>,
    pub stacksize: u32,
}

/// A structural error in emitted code (a bug in the code generator, reported
/// as a Python-level error by the caller, never a panic).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssembleError(pub String);

#[derive(Default)]
pub struct Assembler {
    /// The stack depth the code starts with: 1 for generators and
    /// coroutines, whose `RETURN_GENERATOR; POP_TOP` prefix pops the value
    /// the first `send` pushes (CPython's `stackdepth`).
    pub initial_depth: i32,
    pub(crate) instrs: Vec<Instr>,
    /// Label -> index of the instruction it is bound to.
    pub(crate) labels: Vec<Option<usize>>,
    handlers: Vec<Handler>,
    /// When each basic block was created, in CPython's terms (its
    /// allocation order, which the flow-graph optimizer walks newest first):
    /// per label, the creation stamp and the binding sequence number; per
    /// instruction, the stamp of the block a jump or exit implicitly starts
    /// after it (0 for other instructions). Stamp 0 is the entry block.
    pub(crate) label_stamp: Vec<(u32, u32)>,
    pub(crate) after_stamp: Vec<u32>,
    /// Per instruction: whether it is a NOP standing for a CPython block
    /// pseudo-instruction (`emit_pseudo`), which the flow-graph optimizer
    /// must not remove before it has finished.
    pub(crate) pop_block: Vec<bool>,
    /// Handler entries reached from an instruction index although no
    /// instruction there is protected any more (a protected region the
    /// flow-graph optimizer emptied): counted for the stack size, as
    /// CPython's SETUP_* edges are.
    pub(crate) setup_edges: Vec<(usize, Handler)>,
    stamps: u32,
    binds: u32,
}

impl Assembler {
    pub fn new() -> Assembler {
        Assembler::default()
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        self.stamps += 1;
        self.label_stamp.push((self.stamps, 0));
        Label(self.labels.len() as u32 - 1)
    }

    /// Bind `label` to the next instruction emitted.
    pub fn bind(&mut self, label: Label) {
        self.labels[label.0 as usize] = Some(self.instrs.len());
        self.binds += 1;
        self.label_stamp[label.0 as usize].1 = self.binds;
    }

    /// Stamp a new implicit block after a jump or exit, as CPython's
    /// `NEXT_BLOCK` does.
    fn stamp_after(&mut self, op: Opcode, jump: bool) {
        let stamp = if jump || matches!(op, Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE) {
            self.stamps += 1;
            self.stamps
        } else {
            0
        };
        self.after_stamp.push(stamp);
        self.pop_block.push(false);
    }

    /// A NOP standing for one of CPython's block pseudo-instructions
    /// (`SETUP_FINALLY` at `try:`, the line-less `POP_BLOCK` ending a
    /// protected region): it stops jump threading into what follows and is
    /// treated as a NOP only once the code is optimized.
    pub fn emit_pseudo(&mut self, pos: Position) {
        self.emit(Opcode::NOP, 0, pos);
        if let Some(last) = self.pop_block.last_mut() {
            *last = true;
        }
    }

    pub fn emit(&mut self, op: Opcode, arg: u32, pos: Position) {
        let handler = self.handlers.last().copied();
        self.instrs.push(Instr { op, arg: Arg::Value(arg), pos, handler });
        self.stamp_after(op, false);
    }

    pub fn emit_jump(&mut self, kind: JumpKind, target: Label, pos: Position) {
        let handler = self.handlers.last().copied();
        let op = kind.opcode(false);
        self.instrs.push(Instr { op, arg: Arg::Jump(kind, target), pos, handler });
        self.stamp_after(op, true);
    }

    /// Protect the instructions emitted until `pop_handler` with the handler
    /// at `target`, entered with the stack at `depth` (and, if `lasti`, the
    /// raising instruction's offset pushed under the exception).
    pub fn push_handler(&mut self, target: Label, depth: u32, lasti: bool) {
        self.handlers.push(Handler { target, depth, lasti });
    }

    pub fn pop_handler(&mut self) {
        self.handlers.pop();
    }

    pub fn assemble(mut self) -> Result<Assembled, AssembleError> {
        let n = self.instrs.len();
        // Where each label points, as an instruction index (a label bound
        // after the last instruction points at the end).
        let label_index = |labels: &[Option<usize>], l: Label| -> Result<usize, AssembleError> {
            labels[l.0 as usize].ok_or_else(|| AssembleError(format!("label {} never bound", l.0)))
        };
        // Fixed point of instruction sizes.
        let mut sizes: Vec<u32> = self.instrs.iter().map(|i| 1 + i.op.cache_entries() as u32).collect();
        let mut offsets = vec![0u32; n + 1];
        loop {
            for i in 0..n {
                offsets[i + 1] = offsets[i] + sizes[i];
            }
            let mut changed = false;
            for i in 0..n {
                let arg = match self.instrs[i].arg {
                    Arg::Value(v) => v,
                    Arg::Jump(kind, target) => {
                        let t = offsets[label_index(&self.labels, target)?];
                        let next = offsets[i + 1];
                        let backward = t < next;
                        let op = kind.opcode(backward);
                        self.instrs[i].op = op;
                        match op.jump() {
                            Jump::Forward if backward => {
                                return Err(AssembleError(format!("{} cannot jump backward", op.name())))
                            }
                            Jump::Backward if !backward => {
                                return Err(AssembleError(format!("{} cannot jump forward", op.name())))
                            }
                            Jump::Backward => next - t,
                            _ => t - next,
                        }
                    }
                };
                let size = 1 + extended_args(arg) + self.instrs[i].op.cache_entries() as u32;
                if size != sizes[i] {
                    sizes[i] = size;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }

        // Emit code units and positions.
        let mut code = Vec::with_capacity(offsets[n] as usize);
        let mut positions = Vec::with_capacity(offsets[n] as usize);
        let mut args = Vec::with_capacity(n);
        for i in 0..n {
            let ins = &self.instrs[i];
            // A line without an end line reads back as ending on it (as
            // CPython's location table encodes it).
            let pos = Position { end_lineno: ins.pos.end_lineno.or(ins.pos.lineno), ..ins.pos };
            let arg = match ins.arg {
                Arg::Value(v) => v,
                Arg::Jump(_, target) => {
                    let t = offsets[label_index(&self.labels, target)?];
                    let next = offsets[i + 1];
                    if ins.op.jump() == Jump::Backward {
                        next - t
                    } else {
                        t - next
                    }
                }
            };
            args.push(arg);
            let ext = extended_args(arg);
            for k in (1..=ext).rev() {
                let byte = (arg >> (8 * k)) & 0xFF;
                code.push(Opcode::EXTENDED_ARG as u16 | (byte as u16) << 8);
                positions.push(pos);
            }
            code.push(ins.op as u16 | ((arg & 0xFF) as u16) << 8);
            positions.push(pos);
            for _ in 0..ins.op.cache_entries() {
                code.push(0);
                positions.push(pos);
            }
        }

        // The exception table: maximal runs of instructions sharing a handler.
        let mut exception_table: Vec<ExceptionTableEntry> = Vec::new();
        for i in 0..n {
            let Some(h) = self.instrs[i].handler else { continue };
            let target = offsets[label_index(&self.labels, h.target)?];
            let (start, end) = (offsets[i], offsets[i + 1]);
            if let Some(last) = exception_table.last_mut() {
                if last.end == start && last.target == target && last.depth == h.depth && last.lasti == h.lasti {
                    last.end = end;
                    continue;
                }
            }
            exception_table.push(ExceptionTableEntry { start, end, target, depth: h.depth, lasti: h.lasti });
        }

        let stacksize = self.stack_depth(&args)?;
        Ok(Assembled { code, positions, exception_table, stacksize })
    }

    /// The maximum stack depth over all paths (instruction-level flow).
    fn stack_depth(&self, args: &[u32]) -> Result<u32, AssembleError> {
        let n = self.instrs.len();
        let mut depth_at: Vec<Option<i32>> = vec![None; n + 1];
        let mut work = vec![(0usize, self.initial_depth)];
        let mut max = self.initial_depth;
        fn visit(
            depth_at: &mut [Option<i32>],
            work: &mut Vec<(usize, i32)>,
            i: usize,
            d: i32,
        ) -> Result<(), AssembleError> {
            if d < 0 {
                return Err(AssembleError(format!("stack underflow at instruction {i}")));
            }
            match depth_at[i] {
                Some(seen) if seen == d => Ok(()),
                Some(seen) => {
                    Err(AssembleError(format!("inconsistent stack depth at instruction {i}: {seen} and {d}")))
                }
                None => {
                    depth_at[i] = Some(d);
                    work.push((i, d));
                    Ok(())
                }
            }
        }
        depth_at[0] = Some(self.initial_depth);
        while let Some((i, d)) = work.pop() {
            if i >= n {
                continue;
            }
            max = max.max(d);
            let ins = &self.instrs[i];
            let arg = args[i];
            if let Some(h) = ins.handler {
                let t = self.labels[h.target.0 as usize].unwrap_or(n);
                visit(&mut depth_at, &mut work, t, h.depth as i32 + 1 + h.lasti as i32)?;
            }
            for (_, h) in self.setup_edges.iter().filter(|(at, _)| *at == i) {
                let t = self.labels.get(h.target.0 as usize).copied().flatten().unwrap_or(n);
                visit(&mut depth_at, &mut work, t, h.depth as i32 + 1 + h.lasti as i32)?;
            }
            if let Arg::Jump(_, target) = ins.arg {
                let t = self.labels[target.0 as usize].unwrap_or(n);
                let after = d + ins.op.stack_effect(arg, true);
                max = max.max(after);
                visit(&mut depth_at, &mut work, t, after)?;
            }
            if !ends_block(ins.op) {
                let after = d + ins.op.stack_effect(arg, false);
                max = max.max(after);
                visit(&mut depth_at, &mut work, i + 1, after)?;
            }
        }
        Ok(max as u32)
    }
}

impl Assembler {
    /// Rewrite the arguments of the non-jump instructions emitted so far
    /// (the code generator settles cell and free-variable offsets this way
    /// once a unit's locals are all known, as CPython's `fix_cell_offsets`).
    pub fn rewrite_args(&mut self, mut f: impl FnMut(Opcode, u32) -> u32) {
        for ins in &mut self.instrs {
            if let Arg::Value(v) = ins.arg {
                ins.arg = Arg::Value(f(ins.op, v));
            }
        }
    }

    /// Insert instructions before everything emitted so far (the prefix
    /// CPython 3.11 puts before `RESUME`: `COPY_FREE_VARS`, `MAKE_CELL`).
    pub fn prepend(&mut self, prefix: &[(Opcode, u32, Position)]) {
        let n = prefix.len();
        let new: Vec<Instr> = prefix
            .iter()
            .map(|&(op, arg, pos)| Instr { op, arg: Arg::Value(arg), pos, handler: None })
            .collect();
        self.instrs.splice(0..0, new);
        self.after_stamp.splice(0..0, std::iter::repeat_n(0, n));
        self.pop_block.splice(0..0, std::iter::repeat_n(false, n));
        for l in self.labels.iter_mut().flatten() {
            *l += n;
        }
    }
}

/// How many `EXTENDED_ARG` prefixes `arg` needs.
fn extended_args(arg: u32) -> u32 {
    match arg {
        0..=0xFF => 0,
        0x100..=0xFFFF => 1,
        0x1_0000..=0xFF_FFFF => 2,
        _ => 3,
    }
}

/// Instructions after which control never falls through.
fn ends_block(op: Opcode) -> bool {
    use Opcode::*;
    matches!(
        op,
        RETURN_VALUE | RAISE_VARARGS | RERAISE | JUMP_FORWARD | JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT
    )
}

#[cfg(test)]
#[path = "assemble/tests.rs"]
mod tests;
