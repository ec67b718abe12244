//! The `match` statement (PEP 634), as CPython 3.11's `compiler_match` and
//! `compiler_pattern_*` generate it.
//!
//! Invariants:
//! - A pattern is compiled with the value it tests on top of the stack and
//!   consumes it. Names it captures are not stored as they are found: each
//!   captured value is rotated under the items the pattern still works on
//!   (`PatternContext::on_top`) and under the captures made before it, and
//!   the names are stored in capture order once the whole pattern matched.
//! - A failing test jumps to `fail_pop[n]`, where `n` is the number of items
//!   it must pop (`on_top` plus the captures so far); the `fail_pop` blocks
//!   are a chain of `POP_TOP`s ending at `fail_pop[0]`, emitted after the
//!   case's body. Labels are made when first needed, in CPython's order, so
//!   the flow-graph optimizer sees CPython's block order.
//! - `PatternContext::loc` is CPython's "current location": every pattern
//!   sets it to its own range and nothing restores it, so instructions and
//!   errors after a sub-pattern carry the innermost, last pattern's range
//!   (CPython's `SET_LOC` without a restore). Expressions inside patterns
//!   (values, keys, class names) restore it, as `compiler_visit_expr` does.

use krait_syntax::ast::{Expr, ExprContext, ExprKind, MatchCase, Pattern, PatternKind};
use krait_syntax::text::TextRange;
use krait_syntax::SyntaxError;

use super::expr::{as_constant, constant};
use super::{CResult, CompileError, Compiler};
use crate::assemble::{JumpKind, Label};
use crate::code::Constant;
use crate::opcode::Opcode;

/// `COMPARE_OP` arguments.
const CMP_EQ: u32 = 2;
const CMP_GE: u32 = 5;
/// `BINARY_OP` subtraction.
const NB_SUBTRACT: u32 = 10;

/// CPython's `pattern_context`.
struct PatternContext {
    /// The names captured so far, in the order their values sit on the
    /// stack (the first deepest).
    stores: Vec<String>,
    /// May an irrefutable pattern appear here?
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` items and goes on to the next case.
    fail_pop: Vec<Label>,
    /// Items above the captures that the pattern still works on.
    on_top: usize,
    /// The range of the pattern last compiled (CPython's location).
    loc: TextRange,
}

/// `_` (CPython's `WILDCARD_CHECK`).
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::MatchAs { pattern: None, name: None })
}

/// `*_` (CPython's `WILDCARD_STAR_CHECK`).
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p.kind, PatternKind::MatchStar { name: None })
}

/// A literal, as the parser allows one in a pattern: a constant, or a
/// signed number or complex literal. Those fold to a constant, except
/// (PROVISIONAL, as Krait's folding stays within i64) a negated integer
/// beyond it, which is compiled as the operation.
fn is_literal(e: &Expr) -> bool {
    as_constant(e).is_some() || matches!(e.kind, ExprKind::UnaryOp { .. } | ExprKind::BinOp { .. })
}

fn syntax_error(msg: impl Into<String>, at: TextRange) -> CompileError {
    CompileError::Syntax(SyntaxError::syntax(msg, at))
}

/// `repr()` of an identifier (names are printable, so only the quotes).
fn name_repr(name: &str) -> String {
    let mut s = krait_syntax::pystr::PyString::new();
    s.push_str(name);
    krait_syntax::repr::str_repr(&s)
}

impl Compiler<'_> {
    /// `match subject: case ...` (CPython's `compiler_match_inner`). Each
    /// case but the last tests a copy of the subject; a trailing `case _:`
    /// is compiled as plain code after the others.
    pub(super) fn compile_match(&mut self, subject: &Expr, cases: &[MatchCase]) -> CResult<()> {
        self.compile_expr(subject)?;
        let end = self.new_label();
        let n = cases.len();
        let has_default = n > 1 && is_wildcard(&cases[n - 1].pattern);
        let tested = n - usize::from(has_default);
        for (i, m) in cases[..tested].iter().enumerate() {
            let last = i + 1 == tested;
            self.set_pos(m.pattern.range);
            if !last {
                self.emit(Opcode::COPY, 1);
            }
            // Irrefutable cases must be guarded, last, or both.
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: m.guard.is_some() || i + 1 == n,
                fail_pop: Vec::new(),
                on_top: 0,
                loc: m.pattern.range,
            };
            self.compile_pattern(&m.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            // It matched: store the captures (they are on the stack).
            self.set_pos(pc.loc);
            for name in &pc.stores {
                self.compile_name(name, ExprContext::Store)?;
            }
            if let Some(guard) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let fail = pc.fail_pop[0];
                // What follows is located where the guard leaves it.
                self.compile_jump_if(guard, fail, false)?;
            }
            // Done with the subject.
            if !last {
                self.emit(Opcode::POP_TOP, 0);
            }
            self.compile_body(&m.body)?;
            self.emit_jump_noline(JumpKind::Always, end);
            // The cleanup of a failed match has the pattern's line.
            self.set_pos(m.pattern.range);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            let m = &cases[n - 1];
            self.set_pos(m.pattern.range);
            // Only a line-number marker: the subject was consumed by the
            // last tested case.
            self.emit(Opcode::NOP, 0);
            if let Some(guard) = &m.guard {
                self.compile_jump_if(guard, end, false)?;
            }
            self.compile_body(&m.body)?;
        }
        self.bind(end);
        Ok(())
    }

    /// Make sure `fail_pop[n]` exists (CPython's `ensure_fail_pop`).
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    /// Jump with `kind` to the block that pops what is on the stack and the
    /// captures so far (CPython's `jump_to_fail_pop`).
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, kind: JumpKind) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.set_pos(pc.loc);
        self.emit_jump(kind, pc.fail_pop[pops]);
    }

    /// The `POP_TOP` chain of the fail_pop blocks, deepest first, ending at
    /// `fail_pop[0]` (CPython's `emit_and_reset_fail_pop`).
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        let labels = std::mem::take(&mut pc.fail_pop);
        let Some((&first, rest)) = labels.split_first() else { return };
        for &l in rest.iter().rev() {
            self.bind(l);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.bind(first);
    }

    /// Move the top of the stack `count - 1` places down (3.10's `ROT_N`,
    /// as `SWAP`s: CPython's `pattern_helper_rotate`).
    fn rotate(&mut self, count: usize) {
        for k in (2..=count).rev() {
            self.emit(Opcode::SWAP, k as u32);
        }
    }

    /// Capture the value on top as `name`, or drop it for `_` (CPython's
    /// `pattern_helper_store_name`).
    fn pattern_store(&mut self, name: Option<&str>, pc: &mut PatternContext) -> CResult<()> {
        self.set_pos(pc.loc);
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        };
        if name == "__debug__" {
            return Err(syntax_error("cannot assign to __debug__", pc.loc));
        }
        if pc.stores.iter().any(|s| s == name) {
            return Err(syntax_error(format!("multiple assignments to name {} in pattern", name_repr(name)), pc.loc));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    /// CPython's `compiler_pattern`.
    fn compile_pattern(&mut self, p: &Pattern, pc: &mut PatternContext) -> CResult<()> {
        pc.loc = p.range;
        self.set_pos(p.range);
        match &p.kind {
            PatternKind::MatchValue { value } => {
                // After AST folding a value is a constant or a dotted name
                // (CPython's MATCH_VALUE_EXPR).
                if !is_literal(value) && !matches!(value.kind, ExprKind::Attribute { .. }) {
                    return Err(syntax_error("patterns may only match literals and attribute lookups", pc.loc));
                }
                self.compile_expr(value)?;
                self.set_pos(pc.loc);
                self.emit(Opcode::COMPARE_OP, CMP_EQ);
                self.jump_to_fail_pop(pc, JumpKind::PopIfFalse);
            }
            PatternKind::MatchSingleton { value } => {
                let i = self.add_const(constant(value));
                self.emit(Opcode::LOAD_CONST, i);
                self.emit(Opcode::IS_OP, 0);
                self.jump_to_fail_pop(pc, JumpKind::PopIfFalse);
            }
            PatternKind::MatchSequence { patterns } => self.compile_pattern_sequence(patterns, pc)?,
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.compile_pattern_mapping(keys, patterns, rest.as_deref(), pc)?
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.compile_pattern_class(p, cls, patterns, kwd_attrs, kwd_patterns, pc)?
            }
            PatternKind::MatchStar { name } => self.pattern_store(name.as_deref(), pc)?,
            PatternKind::MatchAs { pattern: None, name } => {
                if !pc.allow_irrefutable {
                    let msg = match name {
                        Some(n) => format!("name capture {} makes remaining patterns unreachable", name_repr(n)),
                        None => "wildcard makes remaining patterns unreachable".to_string(),
                    };
                    return Err(syntax_error(msg, pc.loc));
                }
                self.pattern_store(name.as_deref(), pc)?;
            }
            PatternKind::MatchAs { pattern: Some(inner), name } => {
                // A copy to store if the inner pattern matches.
                pc.on_top += 1;
                self.emit(Opcode::COPY, 1);
                self.compile_pattern(inner, pc)?;
                pc.on_top -= 1;
                self.pattern_store(name.as_deref(), pc)?;
            }
            PatternKind::MatchOr { patterns } => self.compile_pattern_or(patterns, pc)?,
        }
        Ok(())
    }

    /// A pattern inside another: irrefutable ones are fine there (CPython's
    /// `compiler_pattern_subpattern`).
    fn compile_subpattern(&mut self, p: &Pattern, pc: &mut PatternContext) -> CResult<()> {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.compile_pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    /// `[p, ...]` / `(p, ...)` (CPython's `compiler_pattern_sequence`).
    fn compile_pattern_sequence(&mut self, patterns: &[Pattern], pc: &mut PatternContext) -> CResult<()> {
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, sub) in patterns.iter().enumerate() {
            if matches!(sub.kind, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(syntax_error("multiple starred names in sequence pattern", pc.loc));
                }
                star_wildcard = is_star_wildcard(sub);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(sub);
        }
        // The subject stays on top through the type and length checks.
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, JumpKind::PopIfFalse);
        let length_check = match star {
            None => Some((size, CMP_EQ)),
            Some(_) if size > 1 => Some((size - 1, CMP_GE)),
            Some(_) => None,
        };
        if let Some((n, cmp)) = length_check {
            self.emit(Opcode::GET_LEN, 0);
            let i = self.add_const(Constant::Int(krait_syntax::ast::Int::Small(n as i64)));
            self.emit(Opcode::LOAD_CONST, i);
            self.emit(Opcode::COMPARE_OP, cmp);
            self.jump_to_fail_pop(pc, JumpKind::PopIfFalse);
        }
        // What follows consumes the subject.
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP, 0);
        } else if star_wildcard {
            self.sequence_subscr(patterns, star.unwrap_or(usize::MAX), pc)?;
        } else {
            self.sequence_unpack(patterns, pc)?;
        }
        Ok(())
    }

    /// Unpack the subject and match each item (CPython's
    /// `pattern_helper_sequence_unpack`).
    fn sequence_unpack(&mut self, patterns: &[Pattern], pc: &mut PatternContext) -> CResult<()> {
        let n = patterns.len();
        match patterns.iter().position(|p| matches!(p.kind, PatternKind::MatchStar { .. })) {
            Some(i) => {
                if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                    return Err(syntax_error("too many expressions in star-unpacking sequence pattern", pc.loc));
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
            }
            None => self.emit(Opcode::UNPACK_SEQUENCE, n as u32),
        }
        // The items stay on the stack until their sub-pattern takes them.
        pc.on_top += n;
        for sub in patterns {
            pc.on_top -= 1;
            self.compile_subpattern(sub, pc)?;
        }
        Ok(())
    }

    /// With a `*_`, index the subject instead of unpacking it (CPython's
    /// `pattern_helper_sequence_subscr`): items after the star are
    /// `subject[len(subject) - k]`, since a sequence may not support
    /// negative indices.
    fn sequence_subscr(&mut self, patterns: &[Pattern], star: usize, pc: &mut PatternContext) -> CResult<()> {
        let size = patterns.len();
        pc.on_top += 1;
        for (i, sub) in patterns.iter().enumerate() {
            if is_wildcard(sub) || i == star {
                continue;
            }
            self.set_pos(pc.loc);
            self.emit(Opcode::COPY, 1);
            if i < star {
                let c = self.add_const(Constant::Int(krait_syntax::ast::Int::Small(i as i64)));
                self.emit(Opcode::LOAD_CONST, c);
            } else {
                self.emit(Opcode::GET_LEN, 0);
                let c = self.add_const(Constant::Int(krait_syntax::ast::Int::Small((size - i) as i64)));
                self.emit(Opcode::LOAD_CONST, c);
                self.emit(Opcode::BINARY_OP, NB_SUBTRACT);
            }
            self.emit(Opcode::BINARY_SUBSCR, 0);
            self.compile_subpattern(sub, pc)?;
        }
        pc.on_top -= 1;
        self.set_pos(pc.loc);
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// `{key: p, ..., **rest}` (CPython's `compiler_pattern_mapping`).
    fn compile_pattern_mapping(
        &mut self,
        keys: &[Expr],
        patterns: &[Pattern],
        rest: Option<&str>,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let size = keys.len();
        if size != patterns.len() {
            let msg = format!("keys ({size}) / patterns ({}) length mismatch in mapping pattern", patterns.len());
            return Err(syntax_error(msg, pc.loc));
        }
        // The subject stays on top through the type and length checks.
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, JumpKind::PopIfFalse);
        if size == 0 && rest.is_none() {
            // `{}`: done; pop the subject.
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN, 0);
            let i = self.add_const(Constant::Int(krait_syntax::ast::Int::Small(size as i64)));
            self.emit(Opcode::LOAD_CONST, i);
            self.emit(Opcode::COMPARE_OP, CMP_GE);
            self.jump_to_fail_pop(pc, JumpKind::PopIfFalse);
        }
        // The keys, as a tuple for MATCH_KEYS: literals (no two equal) or
        // dotted names.
        let mut seen: Vec<Constant> = Vec::new();
        for key in keys {
            if let Some(c) = as_constant(key) {
                if seen.iter().any(|s| constants_equal(s, &c)) {
                    let msg = format!("mapping pattern checks duplicate key ({})", constant_repr(&c));
                    return Err(syntax_error(msg, pc.loc));
                }
                seen.push(c);
            } else if !is_literal(key) && !matches!(key.kind, ExprKind::Attribute { .. }) {
                return Err(syntax_error("mapping pattern keys may only match literals and attribute lookups", pc.loc));
            }
            self.compile_expr(key)?;
            self.set_pos(pc.loc);
        }
        self.emit(Opcode::BUILD_TUPLE, size as u32);
        self.emit(Opcode::MATCH_KEYS, 0);
        // The keys and the tuple of values (or None) are on the subject.
        pc.on_top += 2;
        self.emit_none_check(pc);
        self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
        pc.on_top = pc.on_top + size - 1;
        for sub in patterns {
            pc.on_top -= 1;
            self.compile_subpattern(sub, pc)?;
        }
        // A match: what follows consumes the keys and the subject.
        pc.on_top -= 2;
        self.set_pos(pc.loc);
        match rest {
            Some(name) => {
                // rest = dict(subject); del rest[key] for each key.
                self.emit(Opcode::BUILD_MAP, 0);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::DICT_UPDATE, 2);
                self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
                for k in (1..=size).rev() {
                    self.emit(Opcode::COPY, 1 + k as u32);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::DELETE_SUBSCR, 0);
                }
                self.pattern_store(Some(name), pc)?;
            }
            None => {
                self.emit(Opcode::POP_TOP, 0);
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// `COPY 1; LOAD_CONST None; IS_OP 1` and fail on None (the result of
    /// MATCH_CLASS and MATCH_KEYS), which counts in `on_top`.
    fn emit_none_check(&mut self, pc: &mut PatternContext) {
        self.emit(Opcode::COPY, 1);
        let none = self.add_const(Constant::None);
        self.emit(Opcode::LOAD_CONST, none);
        self.emit(Opcode::IS_OP, 1);
        self.jump_to_fail_pop(pc, JumpKind::PopIfFalse);
    }

    /// `Cls(p, ..., attr=p, ...)` (CPython's `compiler_pattern_class`).
    fn compile_pattern_class(
        &mut self,
        p: &Pattern,
        cls: &Expr,
        patterns: &[Pattern],
        kwd_attrs: &[krait_syntax::ast::Identifier],
        kwd_patterns: &[Pattern],
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let (nargs, nattrs) = (patterns.len(), kwd_attrs.len());
        if nattrs != kwd_patterns.len() {
            let msg = format!("kwd_attrs ({nattrs}) / kwd_patterns ({}) length mismatch in class pattern", kwd_patterns.len());
            return Err(syntax_error(msg, pc.loc));
        }
        if nattrs > 0 {
            // CPython's validate_kwd_attrs: errors point at the patterns.
            for (i, attr) in kwd_attrs.iter().enumerate() {
                pc.loc = kwd_patterns[i].range;
                if &**attr == "__debug__" {
                    return Err(syntax_error("cannot assign to __debug__", pc.loc));
                }
                if let Some(j) = kwd_attrs[i + 1..].iter().position(|other| other == attr) {
                    let at = kwd_patterns[i + 1 + j].range;
                    return Err(syntax_error(format!("attribute name repeated in class pattern: {}", &**attr), at));
                }
            }
            pc.loc = p.range;
        }
        self.compile_expr(cls)?;
        self.set_pos(pc.loc);
        let names = kwd_attrs.iter().map(|a| Constant::Str(name_pystr(a))).collect();
        let i = self.add_const(Constant::Tuple(names));
        self.emit(Opcode::LOAD_CONST, i);
        self.emit(Opcode::MATCH_CLASS, nargs as u32);
        // A tuple of the nargs + nattrs attributes, or None.
        pc.on_top += 1;
        self.emit_none_check(pc);
        self.emit(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as u32);
        pc.on_top = pc.on_top + nargs + nattrs - 1;
        for sub in patterns.iter().chain(kwd_patterns) {
            pc.on_top -= 1;
            if is_wildcard(sub) {
                self.set_pos(pc.loc);
                self.emit(Opcode::POP_TOP, 0);
                continue;
            }
            self.compile_subpattern(sub, pc)?;
        }
        Ok(())
    }

    /// `p1 | p2 | ...` (CPython's `compiler_pattern_or`): each alternative
    /// tests a copy of the subject with captures of its own; all must bind
    /// the same names, and an alternative that binds them in another order
    /// rotates its values into the first one's order.
    fn compile_pattern_or(&mut self, patterns: &[Pattern], pc: &mut PatternContext) -> CResult<()> {
        let end = self.new_label();
        let size = patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let (old_on_top, old_allow) = (pc.on_top, pc.allow_irrefutable);
        // The names the first alternative binds, in its order.
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in patterns.iter().enumerate() {
            pc.loc = alt.range;
            self.set_pos(alt.range);
            pc.stores = Vec::new();
            // An irrefutable alternative must be the last, if allowed at all.
            pc.allow_irrefutable = i + 1 == size && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1);
            self.compile_pattern(alt, pc)?;
            let loc = pc.loc;
            let diff = || syntax_error("alternative patterns bind different names", loc);
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(control) if control.len() != pc.stores.len() => return Err(diff()),
                Some(control) => {
                    // Reorder the captures on the stack to control's order.
                    for icontrol in (0..control.len()).rev() {
                        let name = &control[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else { return Err(diff()) };
                        if icontrol != istores {
                            debug_assert!(istores < icontrol);
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            self.set_pos(pc.loc);
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.set_pos(pc.loc);
            self.emit_jump(JumpKind::Always, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        // No alternative matched: pop the subject and fail.
        self.set_pos(pc.loc);
        self.emit(Opcode::POP_TOP, 0);
        self.jump_to_fail_pop(pc, JumpKind::Always);
        self.bind(end);
        // Rotate each new capture under what the enclosing patterns keep
        // on the stack: the other new captures, the subject's copy, their
        // items and their own captures.
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(syntax_error(format!("multiple assignments to name {} in pattern", name_repr(&name)), pc.loc));
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}

fn name_pystr(name: &str) -> krait_syntax::pystr::PyString {
    let mut s = krait_syntax::pystr::PyString::new();
    s.push_str(name);
    s
}

/// A number constant as (real, imaginary) parts, exactly for ints that fit
/// an f64 (others compare by their digits, below).
fn numeric_parts(c: &Constant) -> Option<(f64, f64)> {
    match c {
        Constant::Bool(b) => Some((f64::from(u8::from(*b)), 0.0)),
        Constant::Int(krait_syntax::ast::Int::Small(i)) if i.unsigned_abs() <= 1 << 53 => Some((*i as f64, 0.0)),
        Constant::Float(f) => Some((*f, 0.0)),
        Constant::Complex { real, imag } => Some((*real, *imag)),
        _ => None,
    }
}

/// The integer value of an int constant in decimal, or of an integral
/// float (for comparing ints beyond 2**53 with floats).
fn integer_digits(c: &Constant) -> Option<String> {
    match c {
        Constant::Bool(b) => Some(u8::from(*b).to_string()),
        Constant::Int(krait_syntax::ast::Int::Small(i)) => Some(i.to_string()),
        Constant::Int(krait_syntax::ast::Int::Big(b)) => Some(b.to_string()),
        Constant::Float(f) if f.is_finite() && f.fract() == 0.0 => {
            Some(if *f == 0.0 { "0".to_string() } else { format!("{f:.0}") })
        }
        Constant::Complex { real, imag } if *imag == 0.0 => integer_digits(&Constant::Float(*real)),
        _ => None,
    }
}

/// `a == b` for constants (numbers, strings, bytes, None, Ellipsis and
/// tuples of them), as the sets CPython checks duplicate keys and builds
/// frozensets with.
pub(super) fn constants_equal(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Tuple(x), Constant::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| constants_equal(p, q))
        }
        (Constant::FrozenSet(x), Constant::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| constants_equal(p, q)))
        }
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
        _ => match (numeric_parts(a), numeric_parts(b)) {
            (Some(x), Some(y)) => x == y,
            _ => matches!((integer_digits(a), integer_digits(b)), (Some(x), Some(y)) if x == y),
        },
    }
}

/// `repr()` of a constant key, for the duplicate-key error.
fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(krait_syntax::ast::Int::Small(i)) => i.to_string(),
        Constant::Int(krait_syntax::ast::Int::Big(b)) => b.to_string(),
        Constant::Float(f) => krait_syntax::repr::float_repr(*f),
        Constant::Complex { real, imag } => krait_syntax::repr::complex_repr(*real, *imag),
        Constant::Str(s) => krait_syntax::repr::str_repr(s),
        Constant::Bytes(b) => krait_syntax::repr::bytes_repr(b),
        Constant::Tuple(_) | Constant::FrozenSet(_) | Constant::Code(_) => "...".into(),
    }
}
