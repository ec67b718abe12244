//! The flow-graph optimizer: the passes CPython 3.11 runs over a code
//! unit's basic blocks between code generation and assembly, so that
//! Krait's bytecode reads as CPython's.
//!
//! Invariants:
//! - Input and output are an `Assembler`'s instruction list; in between the
//!   code is a graph of basic blocks kept in layout order by `next` links. A
//!   block ends at a jump or a scope exit (return, raise, reraise) and
//!   starts at a label; jumps and handler regions name blocks, not offsets.
//! - The passes run in 3.11's order: mark exits, copy small line-less exit
//!   blocks into
//!   the blocks that jump to them, per-block peephole (constant conditions,
//!   constant tuples, jump threading, SWAP runs minimized and applied
//!   statically), unreachable blocks and
//!   empty blocks removed, jumps to the next block removed, exits without a
//!   line number copied per predecessor, unused trailing constants trimmed,
//!   line numbers propagated, NOPs removed unless a line needs them.
//! - An instruction "has no line number" when its position's `lineno` is
//!   None (the code generator leaves artificial instructions unlocated).
//! - The optimizer only rewrites; it never fails on well-formed input and
//!   reports malformed input as an `AssembleError`, never a panic.

use crate::assemble::{Arg, AssembleError, Assembler, Handler, Instr, JumpKind, Label};
use crate::code::{Constant, Position};
use crate::opcode::Opcode;

/// Exit blocks this small are copied into the blocks jumping to them.
const MAX_COPY_SIZE: usize = 4;

#[derive(Debug, Clone)]
struct Ins {
    op: Opcode,
    /// Some for a jump, whose target is `target`.
    jump: Option<JumpKind>,
    arg: u32,
    target: usize,
    pos: Position,
    /// The handler block, stack depth and lasti flag protecting this instruction.
    handler: Option<(usize, u32, bool)>,
    /// A block pseudo-instruction (SETUP_FINALLY, POP_BLOCK): a NOP kept
    /// until the optimizer is done.
    pop_block: bool,
}

impl Ins {
    fn lineno(&self) -> Option<u32> {
        self.pos.lineno
    }
    fn is_nop(&self) -> bool {
        self.jump.is_none() && self.op == Opcode::NOP && !self.pop_block
    }
    fn nop(&mut self) {
        self.op = Opcode::NOP;
        self.jump = None;
        self.arg = 0;
    }
}

#[derive(Debug, Clone, Default)]
struct Block {
    instrs: Vec<Ins>,
    next: Option<usize>,
    preds: u32,
    exit: bool,
    nofallthrough: bool,
    /// The handlers this block's instructions were protected by as the
    /// code generator emitted them, one per run (CPython's SETUP_*
    /// instructions): edges that survive the protected instructions being
    /// optimized away.
    setups: Vec<(usize, u32, bool)>,
}

struct Cfg {
    blocks: Vec<Block>,
    /// The blocks built from the code generator's output, newest first in
    /// CPython's allocation order (the order `extend_block` and the exit
    /// duplication visit them in).
    newest_first: Vec<usize>,
}

fn is_exit_op(op: Opcode) -> bool {
    matches!(op, Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE)
}

fn is_unconditional(kind: JumpKind) -> bool {
    matches!(
        kind,
        JumpKind::Always
            | JumpKind::Fixed(Opcode::JUMP_BACKWARD_NO_INTERRUPT | Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD)
    )
}

/// Python's truth value of a constant.
pub(crate) fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Ellipsis | Constant::Code(_) => true,
        Constant::Int(krait_syntax::ast::Int::Small(i)) => *i != 0,
        Constant::Int(krait_syntax::ast::Int::Big(_)) => true,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(v) | Constant::FrozenSet(v) => !v.is_empty(),
    }
}

/// Optimize `asm`'s instructions in place; `consts` is the unit's
/// `co_consts`, which gains folded tuples and loses unused trailing entries.
/// `same` is the constant-key equality constants are deduplicated by.
pub fn optimize(
    asm: &mut Assembler,
    consts: &mut Vec<Constant>,
    same: fn(&Constant, &Constant) -> bool,
    firstlineno: u32,
) -> Result<(), AssembleError> {
    if asm.instrs.is_empty() {
        return Ok(());
    }
    let mut cfg = Cfg::build(asm)?;
    cfg.normalize();
    cfg.extend_all();
    cfg.optimize_cfg(consts, same);
    cfg.duplicate_exits_without_lineno();
    cfg.trim_unused_consts(consts);
    cfg.propagate_line_numbers();
    cfg.guarantee_lineno_for_exits(firstlineno);
    // Block pseudo-instructions become plain NOPs, and go with the others.
    let order = cfg.order();
    for &b in &order {
        for ins in &mut cfg.blocks[b].instrs {
            ins.pop_block = false;
        }
        cfg.clean_block(b);
    }
    cfg.write_back(asm);
    Ok(())
}

impl Cfg {
    fn build(asm: &Assembler) -> Result<Cfg, AssembleError> {
        let n = asm.instrs.len();
        let mut starts = vec![false; n + 1];
        starts[0] = true;
        for l in asm.labels.iter().flatten() {
            if *l <= n {
                starts[*l] = true;
            }
        }
        for (i, ins) in asm.instrs.iter().enumerate() {
            if matches!(ins.arg, Arg::Jump(..)) || is_exit_op(ins.op) {
                starts[i + 1] = true;
            }
        }
        let mut block_at = vec![usize::MAX; n + 1];
        let mut blocks: Vec<Block> = Vec::new();
        for (i, s) in starts.iter().enumerate() {
            if *s {
                block_at[i] = blocks.len();
                let id = blocks.len();
                if let Some(prev) = blocks.last_mut() {
                    prev.next = Some(id);
                }
                blocks.push(Block::default());
            }
        }
        let resolve = |l: Label| -> Result<usize, AssembleError> {
            match asm.labels.get(l.0 as usize).copied().flatten() {
                Some(i) if i <= n => Ok(block_at[i]),
                _ => Err(AssembleError(format!("label {} never bound", l.0))),
            }
        };
        let mut cur = 0;
        for (i, ins) in asm.instrs.iter().enumerate() {
            if starts[i] {
                cur = block_at[i];
            }
            let (jump, arg, target) = match ins.arg {
                Arg::Value(v) => (None, v, 0),
                Arg::Jump(kind, l) => (Some(kind), 0, resolve(l)?),
            };
            let handler = match ins.handler {
                Some(h) => Some((resolve(h.target)?, h.depth, h.lasti)),
                None => None,
            };
            let pop_block = asm.pop_block.get(i).copied().unwrap_or(false);
            blocks[cur].instrs.push(Ins { op: ins.op, jump, arg, target, pos: ins.pos, handler, pop_block });
        }
        for blk in &mut blocks {
            let mut last = None;
            for ins in &blk.instrs {
                let h = ins.handler.map(|h| h.0);
                if let (Some(full), true) = (ins.handler, h != last) {
                    blk.setups.push(full);
                }
                last = h;
            }
        }
        // Each block's creation stamp: the label bound last at its start
        // (CPython emits into the block it switched to last), else the
        // implicit block after a jump or exit, else the entry block.
        let mut stamp: Vec<(u32, u32)> = vec![(0, 0); blocks.len()];
        for i in 1..=n {
            if starts[i] {
                stamp[block_at[i]] = (asm.after_stamp.get(i - 1).copied().unwrap_or(0), 0);
            }
        }
        for (l, at) in asm.labels.iter().enumerate() {
            let (Some(at), Some(&(st, seq))) = (at, asm.label_stamp.get(l)) else { continue };
            if *at <= n {
                let b = block_at[*at];
                if seq >= stamp[b].1 {
                    stamp[b] = (st, seq.max(1));
                }
            }
        }
        let mut newest_first: Vec<usize> = (0..blocks.len()).collect();
        newest_first.sort_by_key(|&b| std::cmp::Reverse(stamp[b].0));
        Ok(Cfg { blocks, newest_first })
    }

    /// The blocks in layout order.
    fn order(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let mut b = Some(0);
        while let Some(i) = b {
            if out.len() > self.blocks.len() {
                break;
            }
            out.push(i);
            b = self.blocks[i].next;
        }
        out
    }

    /// The first non-empty block from `b` on.
    fn skip_empty(&self, mut b: usize) -> usize {
        let mut guard = 0;
        while self.blocks[b].instrs.is_empty() && guard <= self.blocks.len() {
            match self.blocks[b].next {
                Some(n) => b = n,
                None => break,
            }
            guard += 1;
        }
        b
    }

    fn last(&self, b: usize) -> Option<&Ins> {
        self.blocks[b].instrs.last()
    }

    /// Mark exits and blocks that do not fall through; jump targets skip
    /// empty blocks.
    fn normalize(&mut self) {
        for b in 0..self.blocks.len() {
            let mut exit = false;
            let mut nofall = false;
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i].clone();
                if ins.jump.is_some() {
                    let t = self.skip_empty(ins.target);
                    self.blocks[b].instrs[i].target = t;
                }
                if is_exit_op(ins.op) && ins.jump.is_none() {
                    exit = true;
                    nofall = true;
                }
                if ins.jump.is_some_and(is_unconditional) {
                    nofall = true;
                }
            }
            self.blocks[b].exit = exit;
            self.blocks[b].nofallthrough = nofall;
        }
    }

    /// A block ending in an unconditional jump to a small exit block with
    /// no line number (an implicit `return None`) takes a copy of that
    /// block instead of the jump.
    fn extend_block(&mut self, b: usize) {
        let Some(last) = self.last(b) else { return };
        if !matches!(last.jump, Some(JumpKind::Always | JumpKind::Fixed(Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD))) {
            return;
        }
        let t = last.target;
        if t == b || !self.is_exit_without_lineno(t) || self.blocks[t].instrs.len() > MAX_COPY_SIZE {
            return;
        }
        // The copy runs where the jump was: under the jump's handler, as
        // CPython assigns handlers only after optimizing.
        let handler = last.handler;
        let mut copy = self.blocks[t].instrs.clone();
        for ins in &mut copy {
            ins.handler = handler;
        }
        let block = &mut self.blocks[b];
        if let Some(l) = block.instrs.last_mut() {
            l.nop();
        }
        block.instrs.extend(copy);
        block.exit = true;
        block.nofallthrough = true;
    }

    /// `extend_block` over every block, newest first (as CPython walks its
    /// allocation list).
    fn extend_all(&mut self) {
        for k in 0..self.newest_first.len() {
            self.extend_block(self.newest_first[k]);
        }
    }

    fn optimize_cfg(&mut self, consts: &mut Vec<Constant>, same: fn(&Constant, &Constant) -> bool) {
        for b in self.order() {
            self.optimize_block(b, consts, same);
            self.clean_block(b);
        }
        self.extend_all();
        self.mark_reachable();
        for b in self.order() {
            if self.blocks[b].preds == 0 {
                self.blocks[b].instrs.clear();
            }
        }
        self.eliminate_empty_blocks();
        for b in self.order() {
            self.clean_block(b);
        }
        // A jump to the block that follows anyway is redundant.
        let mut maybe_empty = false;
        for b in self.order() {
            let next = self.blocks[b].next;
            let Some(last) = self.blocks[b].instrs.last_mut() else { continue };
            if matches!(last.jump, Some(JumpKind::Always | JumpKind::Fixed(Opcode::JUMP_BACKWARD_NO_INTERRUPT)))
                && Some(last.target) == next
            {
                last.nop();
                self.blocks[b].nofallthrough = false;
                maybe_empty = true;
            }
        }
        if maybe_empty {
            self.eliminate_empty_blocks();
        }
    }

    fn mark_reachable(&mut self) {
        for b in &mut self.blocks {
            b.preds = 0;
        }
        self.blocks[0].preds = 1;
        let mut stack = vec![0usize];
        while let Some(b) = stack.pop() {
            let mut succ = Vec::new();
            if let (Some(n), false) = (self.blocks[b].next, self.blocks[b].nofallthrough) {
                succ.push(n);
            }
            for ins in &self.blocks[b].instrs {
                if ins.jump.is_some() {
                    succ.push(ins.target);
                }
            }
            succ.extend(self.blocks[b].setups.iter().map(|s| s.0));
            for s in succ {
                if self.blocks[s].preds == 0 {
                    stack.push(s);
                }
                self.blocks[s].preds += 1;
            }
        }
    }

    fn eliminate_empty_blocks(&mut self) {
        for b in self.order() {
            let mut next = self.blocks[b].next;
            while let Some(n) = next {
                if self.blocks[n].instrs.is_empty() && self.blocks[n].next.is_some() {
                    next = self.blocks[n].next;
                } else {
                    break;
                }
            }
            self.blocks[b].next = next;
        }
        for b in self.order() {
            let Some(last) = self.blocks[b].instrs.last() else { continue };
            if last.jump.is_some() {
                let t = self.skip_empty(last.target);
                if let Some(l) = self.blocks[b].instrs.last_mut() {
                    l.target = t;
                }
            }
        }
    }

    /// Remove NOPs except those that carry a line number no neighbour has.
    fn clean_block(&mut self, b: usize) {
        let next_line = {
            let mut next = self.blocks[b].next;
            let mut guard = 0;
            while let Some(n) = next {
                if !self.blocks[n].instrs.is_empty() || guard > self.blocks.len() {
                    break;
                }
                next = self.blocks[n].next;
                guard += 1;
            }
            next.and_then(|n| self.blocks[n].instrs.first()).map(|i| i.lineno())
        };
        let mut instrs = std::mem::take(&mut self.blocks[b].instrs);
        let mut out: Vec<Ins> = Vec::with_capacity(instrs.len());
        let mut prev_line: Option<u32> = None;
        let n = instrs.len();
        for src in 0..n {
            let ins = instrs[src].clone();
            let line = ins.lineno();
            if ins.is_nop() {
                if line.is_none() || prev_line == line {
                    continue;
                }
                if src + 1 < n {
                    // The next instruction takes the NOP's location if it
                    // has none; on the same line it keeps its own.
                    let nl = instrs[src + 1].lineno();
                    if nl.is_none() {
                        instrs[src + 1].pos = ins.pos;
                        continue;
                    }
                    if nl == line {
                        continue;
                    }
                } else if next_line == Some(line) {
                    continue;
                }
            }
            prev_line = line;
            out.push(ins);
        }
        self.blocks[b].instrs = out;
    }

    /// The first instruction a jump from `ins` lands on.
    fn target_first(&self, ins: &Ins) -> Option<Ins> {
        ins.jump?;
        let t = self.skip_empty(ins.target);
        self.blocks[t].instrs.first().cloned()
    }

    fn optimize_block(&mut self, b: usize, consts: &mut Vec<Constant>, same: fn(&Constant, &Constant) -> bool) {
        let mut i = 0;
        let mut guard = 0;
        while i < self.blocks[b].instrs.len() {
            guard += 1;
            if guard > 10_000 {
                break;
            }
            let ins = self.blocks[b].instrs[i].clone();
            if ins.jump.is_some() {
                let t = self.skip_empty(ins.target);
                self.blocks[b].instrs[i].target = t;
            }
            let ins = self.blocks[b].instrs[i].clone();
            let target = self.target_first(&ins);
            let next = self.blocks[b].instrs.get(i + 1).cloned();
            let next_jump = next.as_ref().and_then(|n| n.jump);
            let mut redo = false;
            match (ins.jump, ins.op) {
                (None, Opcode::LOAD_CONST) => {
                    let Some(c) = consts.get(ins.arg as usize) else {
                        i += 1;
                        continue;
                    };
                    let is_true = truthy(c);
                    let blk = &mut self.blocks[b];
                    match next_jump {
                        Some(JumpKind::PopIfFalse | JumpKind::PopIfTrue) => {
                            blk.instrs[i].nop();
                            let jump_if_true = next_jump == Some(JumpKind::PopIfTrue);
                            if is_true == jump_if_true {
                                blk.instrs[i + 1].jump = Some(JumpKind::Always);
                                blk.instrs[i + 1].op = Opcode::JUMP_FORWARD;
                                blk.nofallthrough = true;
                            } else {
                                blk.instrs[i + 1].nop();
                            }
                        }
                        Some(JumpKind::Fixed(op @ (Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP))) => {
                            let jump_if_true = op == Opcode::JUMP_IF_TRUE_OR_POP;
                            if is_true == jump_if_true {
                                blk.instrs[i + 1].jump = Some(JumpKind::Always);
                                blk.instrs[i + 1].op = Opcode::JUMP_FORWARD;
                                blk.nofallthrough = true;
                            } else {
                                blk.instrs[i].nop();
                                blk.instrs[i + 1].nop();
                            }
                        }
                        None if next.as_ref().is_some_and(|n| n.op == Opcode::IS_OP)
                            && matches!(c, Constant::None) =>
                        {
                            let jump = blk.instrs.get(i + 2).and_then(|j| j.jump);
                            if let Some(k @ (JumpKind::PopIfFalse | JumpKind::PopIfTrue)) = jump {
                                let invert = blk.instrs[i + 1].arg != 0;
                                blk.instrs[i].nop();
                                blk.instrs[i + 1].nop();
                                let if_false = k == JumpKind::PopIfFalse;
                                blk.instrs[i + 2].jump =
                                    Some(if invert ^ if_false { JumpKind::PopIfNotNone } else { JumpKind::PopIfNone });
                            }
                        }
                        _ => {}
                    }
                }
                (None, Opcode::BUILD_TUPLE) => {
                    let n = ins.arg as usize;
                    if next.as_ref().is_some_and(|nx| nx.jump.is_none() && nx.op == Opcode::UNPACK_SEQUENCE && nx.arg == ins.arg) {
                        match n {
                            1 => {
                                self.blocks[b].instrs[i].nop();
                                self.blocks[b].instrs[i + 1].nop();
                                i += 1;
                                continue;
                            }
                            2 | 3 => {
                                self.blocks[b].instrs[i].nop();
                                let s = &mut self.blocks[b].instrs[i + 1];
                                s.op = Opcode::SWAP;
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    if i >= n {
                        fold_tuple(&mut self.blocks[b].instrs[i - n..=i], consts, same);
                    }
                }
                (Some(JumpKind::Fixed(op @ (Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP))), _) => {
                    let Some(t) = target else {
                        i += 1;
                        continue;
                    };
                    let on_false = op == Opcode::JUMP_IF_FALSE_OR_POP;
                    let (same_pop, opposite_pop) = if on_false {
                        (JumpKind::PopIfFalse, JumpKind::PopIfTrue)
                    } else {
                        (JumpKind::PopIfTrue, JumpKind::PopIfFalse)
                    };
                    let opposite_keep = if on_false { Opcode::JUMP_IF_TRUE_OR_POP } else { Opcode::JUMP_IF_FALSE_OR_POP };
                    match t.jump {
                        Some(k) if k == same_pop => redo = self.jump_thread(b, i, &t, same_pop),
                        Some(JumpKind::Always) => redo = self.jump_thread(b, i, &t, JumpKind::Fixed(op)),
                        Some(JumpKind::Fixed(o)) if o == op => redo = self.jump_thread(b, i, &t, JumpKind::Fixed(op)),
                        // The opposite test must fail: pop, and go past it.
                        Some(k)
                            if (k == opposite_pop || k == JumpKind::Fixed(opposite_keep))
                                && ins.lineno() == t.lineno() =>
                        {
                            let tb = self.skip_empty(ins.target);
                            if let Some(after) = self.blocks[tb].next {
                                let s = &mut self.blocks[b].instrs[i];
                                s.jump = Some(same_pop);
                                s.target = after;
                                redo = true;
                            }
                        }
                        _ => {}
                    }
                }
                (Some(k @ (JumpKind::PopIfFalse | JumpKind::PopIfTrue | JumpKind::PopIfNone | JumpKind::PopIfNotNone | JumpKind::Always)), _) => {
                    if let Some(t) = target {
                        if t.jump == Some(JumpKind::Always) {
                            redo = self.jump_thread(b, i, &t, k);
                        }
                    }
                }
                (None, Opcode::SWAP) => {
                    if ins.arg == 1 {
                        self.blocks[b].instrs[i].nop();
                    } else {
                        i = swaptimize(&mut self.blocks[b].instrs, i);
                        apply_static_swaps(&mut self.blocks[b].instrs, i);
                    }
                }
                (None, Opcode::PUSH_NULL) => {
                    let blk = &mut self.blocks[b];
                    if let Some(nx) = blk.instrs.get_mut(i + 1) {
                        if nx.jump.is_none() && nx.op == Opcode::LOAD_GLOBAL && nx.arg & 1 == 0 {
                            nx.arg |= 1;
                            blk.instrs[i].nop();
                        }
                    }
                }
                _ => {}
            }
            if !redo {
                i += 1;
            }
        }
    }

    /// Retarget the jump at `b[i]` to where the jump `t` it lands on goes,
    /// as `kind`, when both are on the same line; true if it changed.
    fn jump_thread(&mut self, b: usize, i: usize, t: &Ins, kind: JumpKind) -> bool {
        let ins = &mut self.blocks[b].instrs[i];
        if ins.lineno() == t.lineno() && ins.target != t.target {
            ins.target = t.target;
            ins.jump = Some(kind);
            return true;
        }
        false
    }

    /// Give each jump to a line-less exit block with several predecessors
    /// its own copy, placed after the original, located at the jump.
    fn duplicate_exits_without_lineno(&mut self) {
        for k in 0..self.newest_first.len() {
            let cur = self.newest_first[k];
            if let Some(last) = self.last(cur).cloned() {
                if last.jump.is_some() {
                    let t = last.target;
                    if self.is_exit_without_lineno(t) && self.blocks[t].preds > 1 {
                        let mut copy = self.blocks[t].clone();
                        for ins in &mut copy.instrs {
                            ins.handler = last.handler;
                        }
                        if let Some(first) = copy.instrs.first_mut() {
                            first.pos = last.pos;
                        }
                        copy.preds = 1;
                        copy.next = self.blocks[t].next;
                        let new = self.blocks.len();
                        self.blocks.push(copy);
                        self.blocks[t].next = Some(new);
                        self.blocks[t].preds -= 1;
                        if let Some(l) = self.blocks[cur].instrs.last_mut() {
                            l.target = new;
                        }
                    }
                }
            }
        }
        for b in self.order() {
            while let Some(n) = self.blocks[b].next {
                if self.blocks[n].instrs.is_empty() {
                    self.blocks[b].next = self.blocks[n].next;
                } else {
                    break;
                }
            }
        }
        for b in self.order() {
            let blk = &self.blocks[b];
            if blk.nofallthrough {
                continue;
            }
            let (Some(n), Some(last)) = (blk.next, blk.instrs.last()) else { continue };
            let pos = last.pos;
            if self.is_exit_without_lineno(n) {
                if let Some(first) = self.blocks[n].instrs.first_mut() {
                    first.pos = pos;
                }
            }
        }
    }

    fn is_exit_without_lineno(&self, b: usize) -> bool {
        let blk = &self.blocks[b];
        blk.exit && blk.instrs.iter().all(|i| i.lineno().is_none())
    }

    /// Drop the constants after the last one an instruction loads (the
    /// first, possibly a docstring, always stays).
    fn trim_unused_consts(&self, consts: &mut Vec<Constant>) {
        let mut max = 0;
        for b in self.order() {
            for ins in &self.blocks[b].instrs {
                if ins.jump.is_none() && matches!(ins.op, Opcode::LOAD_CONST | Opcode::KW_NAMES) {
                    max = max.max(ins.arg as usize);
                }
            }
        }
        consts.truncate(max + 1);
    }

    /// Unlocated instructions take the position of the one before; a block
    /// with one predecessor starts at its predecessor's last position.
    fn propagate_line_numbers(&mut self) {
        for b in self.order() {
            if self.blocks[b].instrs.is_empty() {
                continue;
            }
            let mut prev = Position::default();
            for ins in &mut self.blocks[b].instrs {
                if ins.lineno().is_none() {
                    ins.pos = prev;
                }
                prev = ins.pos;
            }
            let blk = &self.blocks[b];
            let fall = if blk.nofallthrough { None } else { blk.next };
            let jump = blk.instrs.last().filter(|l| l.jump.is_some()).map(|l| l.target);
            for s in [fall, jump].into_iter().flatten() {
                if self.blocks[s].preds == 1 {
                    if let Some(first) = self.blocks[s].instrs.first_mut() {
                        if first.lineno().is_none() {
                            first.pos = prev;
                        }
                    }
                }
            }
        }
    }

    /// Returns still without a line get the line of the code before them.
    fn guarantee_lineno_for_exits(&mut self, firstlineno: u32) {
        let mut line = firstlineno;
        for b in self.order() {
            let blk = &mut self.blocks[b];
            let Some(last) = blk.instrs.last() else { continue };
            match last.lineno() {
                Some(l) => line = l,
                None if last.jump.is_none() && last.op == Opcode::RETURN_VALUE => {
                    for ins in &mut blk.instrs {
                        if ins.pos.lineno.is_none() {
                            ins.pos.lineno = Some(line);
                        }
                    }
                }
                None => {}
            }
        }
    }

    /// Lay the blocks back out as the assembler's instruction list, one
    /// label per block.
    fn write_back(&self, asm: &mut Assembler) {
        let order = self.order();
        let mut labels = vec![None; self.blocks.len()];
        let mut instrs = Vec::new();
        let mut setup_edges = Vec::new();
        for &b in &order {
            labels[b] = Some(instrs.len());
            for &(t, depth, lasti) in &self.blocks[b].setups {
                if !self.blocks[b].instrs.iter().any(|i| i.handler.is_some_and(|h| h.0 == t)) {
                    setup_edges.push((instrs.len(), Handler { target: Label(t as u32), depth, lasti }));
                }
            }
            for ins in &self.blocks[b].instrs {
                let arg = match ins.jump {
                    Some(kind) => Arg::Jump(kind, Label(ins.target as u32)),
                    None => Arg::Value(ins.arg),
                };
                let op = match ins.jump {
                    Some(kind) => kind.opcode(false),
                    None => ins.op,
                };
                let handler = ins.handler.map(|(t, depth, lasti)| Handler { target: Label(t as u32), depth, lasti });
                instrs.push(Instr { op, arg, pos: ins.pos, handler });
            }
        }
        asm.after_stamp = vec![0; instrs.len()];
        asm.pop_block = vec![false; instrs.len()];
        asm.instrs = instrs;
        asm.labels = labels;
        asm.setup_edges = setup_edges;
    }
}

/// `LOAD_CONST`s followed by `BUILD_TUPLE n` become one `LOAD_CONST` of the
/// tuple, added to `consts` unless already there; the loads become NOPs.
fn fold_tuple(instrs: &mut [Ins], consts: &mut Vec<Constant>, same: fn(&Constant, &Constant) -> bool) {
    let n = instrs.len() - 1;
    let mut items = Vec::with_capacity(n);
    for ins in &instrs[..n] {
        if ins.jump.is_some() || ins.op != Opcode::LOAD_CONST {
            return;
        }
        match consts.get(ins.arg as usize) {
            Some(c) => items.push(c.clone()),
            None => return,
        }
    }
    let tuple = Constant::Tuple(items);
    let index = match consts.iter().position(|c| same(c, &tuple)) {
        Some(i) => i,
        None => {
            consts.push(tuple);
            consts.len() - 1
        }
    };
    for ins in &mut instrs[..n] {
        ins.nop();
    }
    instrs[n].op = Opcode::LOAD_CONST;
    instrs[n].arg = index as u32;
}

/// Rewrite the run of SWAPs (and NOPs) starting at `ix` as the fewest
/// SWAPs with the same effect, placed at the end of the run with the
/// run's own positions kept (CPython's `swaptimize`); returns the index of
/// the run's last instruction.
fn swaptimize(instrs: &mut [Ins], ix: usize) -> usize {
    let is_swap = |x: &Ins| x.jump.is_none() && x.op == Opcode::SWAP;
    let mut depth = instrs[ix].arg as usize;
    let mut len = 1;
    let mut more = false;
    while ix + len < instrs.len() {
        let x = &instrs[ix + len];
        if is_swap(x) {
            depth = depth.max(x.arg as usize);
            more = true;
        } else if !x.is_nop() {
            break;
        }
        len += 1;
    }
    // A single SWAP is already optimal.
    if !more {
        return ix;
    }
    // Run the swaps on the stack positions 0 (top) .. depth - 1.
    const VISITED: isize = -1;
    let mut stack: Vec<isize> = (0..depth as isize).collect();
    for x in &instrs[ix..ix + len] {
        if is_swap(x) {
            stack.swap(0, x.arg as usize - 1);
        }
    }
    // Follow each cycle of the permutation through position 0, writing the
    // swaps from the end of the run backwards.
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as isize {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                let x = &mut instrs[ix + current as usize];
                x.op = Opcode::SWAP;
                x.jump = None;
                x.arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next = stack[j] as usize;
            stack[j] = VISITED;
            j = next;
        }
    }
    while current >= 0 {
        instrs[ix + current as usize].nop();
        current -= 1;
    }
    ix + len - 1
}

fn swappable(ins: &Ins) -> bool {
    ins.jump.is_none() && matches!(ins.op, Opcode::STORE_FAST | Opcode::POP_TOP)
}

/// The next swappable instruction after `i`, skipping NOPs, staying on
/// `line` if given.
fn next_swappable(instrs: &[Ins], mut i: usize, line: Option<Option<u32>>) -> Option<usize> {
    loop {
        i += 1;
        let ins = instrs.get(i)?;
        if let Some(l) = line {
            if l.is_some() && ins.lineno() != l {
                return None;
            }
        }
        if ins.is_nop() {
            continue;
        }
        return swappable(ins).then_some(i);
    }
}

/// Apply SWAPs at and before `i` by exchanging the stores or pops that
/// follow them instead of the stack items.
fn apply_static_swaps(instrs: &mut [Ins], i: usize) {
    let mut i = i as isize;
    while i >= 0 {
        let s = &instrs[i as usize];
        if !(s.jump.is_none() && s.op == Opcode::SWAP) {
            if s.is_nop() || swappable(s) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, i as usize, None) else { return };
        let line = instrs[j].lineno();
        let mut k = j;
        let mut count = instrs[i as usize].arg.saturating_sub(1);
        while count > 0 {
            match next_swappable(instrs, k, Some(line)) {
                Some(x) => k = x,
                None => return,
            }
            count -= 1;
        }
        instrs[i as usize].nop();
        instrs.swap(j, k);
        i -= 1;
    }
}

#[cfg(test)]
#[path = "flowgraph/tests.rs"]
mod tests;
