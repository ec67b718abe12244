//! Statements and function definitions (CPython's `compiler_visit_stmt`).

use krait_syntax::ast::{Arguments, Expr, ExprContext, ExprKind, Stmt, StmtKind};

use super::expr::binary_op_arg;
use super::{CResult, CompileError, Compiler, FBlock, Loop, Region};
use crate::assemble::{JumpKind, Label};
use crate::code::{Constant, Position};
use crate::opcode::Opcode;
use crate::symtable::BlockType;

impl Compiler<'_> {
    pub(super) fn compile_stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.set_pos(s.range);
        self.unit().leaked_pos = None;
        match &s.kind {
            StmtKind::Expr { value } => {
                let print = self.interactive && self.units.len() == 1;
                if !print && matches!(value.kind, ExprKind::Constant { .. }) {
                    // CPython ignores a constant statement (a NOP, no constant).
                    self.set_pos(s.range);
                    self.emit(Opcode::NOP, 0);
                    return Ok(());
                }
                self.compile_expr(value)?;
                self.set_pos(s.range);
                let print = self.interactive && self.units.len() == 1;
                self.emit(if print { Opcode::PRINT_EXPR } else { Opcode::POP_TOP }, 0);
                // CPython marks the POP_TOP artificial (UNSET_LOC): what
                // follows without a location of its own (a `finally`'s
                // re-raise) has none.
                self.unit().pos = Position::default();
            }
            StmtKind::Assign { targets, value, .. } => {
                self.compile_expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.set_pos(s.range);
                        self.emit(Opcode::COPY, 1);
                    }
                    self.compile_store(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => match &target.kind {
                ExprKind::Name { id, .. } => {
                    self.set_pos(target.range);
                    self.compile_name(id, ExprContext::Load)?;
                    self.compile_expr(value)?;
                    self.set_pos(s.range);
                    self.emit(Opcode::BINARY_OP, binary_op_arg(*op) + 13);
                    self.set_pos(target.range);
                    self.compile_name(id, ExprContext::Store)?;
                }
                ExprKind::Attribute { value: obj, attr, .. } => {
                    self.compile_expr(obj)?;
                    self.set_pos(target.range);
                    self.emit(Opcode::COPY, 1);
                    let i = self.add_name(attr);
                    self.emit(Opcode::LOAD_ATTR, i);
                    self.compile_expr(value)?;
                    self.set_pos(s.range);
                    self.emit(Opcode::BINARY_OP, binary_op_arg(*op) + 13);
                    self.set_pos(target.range);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::STORE_ATTR, i);
                }
                ExprKind::Subscript { value: obj, slice, .. } => {
                    self.compile_expr(obj)?;
                    self.compile_expr(slice)?;
                    self.set_pos(target.range);
                    self.emit(Opcode::COPY, 2);
                    self.emit(Opcode::COPY, 2);
                    self.emit(Opcode::BINARY_SUBSCR, 0);
                    self.compile_expr(value)?;
                    self.set_pos(s.range);
                    self.emit(Opcode::BINARY_OP, binary_op_arg(*op) + 13);
                    self.set_pos(target.range);
                    self.emit(Opcode::SWAP, 3);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::STORE_SUBSCR, 0);
                }
                _ => return Err(CompileError::Unsupported("this augmented assignment target".into())),
            },
            StmtKind::Pass => self.emit(Opcode::NOP, 0),
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let next = if orelse.is_empty() { end } else { self.new_label() };
                self.compile_jump_if(test, next, false)?;
                self.compile_body(body)?;
                if !orelse.is_empty() {
                    self.emit_jump_noline(JumpKind::Always, end);
                    self.bind(next);
                    self.compile_body(orelse)?;
                }
                self.bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                let (top, body_start, anchor, end) =
                    (self.new_label(), self.new_label(), self.new_label(), self.new_label());
                self.bind(top);
                self.compile_jump_if(test, anchor, false)?;
                self.bind(body_start);
                self.unit().fblocks.push(FBlock::Loop(Loop { continue_to: top, break_to: end, pops_iterator: false }));
                self.compile_body(body)?;
                self.unit().fblocks.pop();
                self.set_pos(s.range);
                self.compile_jump_if(test, body_start, true)?;
                self.bind(anchor);
                self.compile_body(orelse)?;
                self.bind(end);
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                let (start, cleanup, end) = (self.new_label(), self.new_label(), self.new_label());
                self.compile_iter(iter)?;
                self.set_pos(s.range);
                self.emit(Opcode::GET_ITER, 0);
                self.bind(start);
                self.emit_jump(JumpKind::Fixed(Opcode::FOR_ITER), cleanup);
                self.compile_store(target)?;
                self.unit().fblocks.push(FBlock::Loop(Loop { continue_to: start, break_to: end, pops_iterator: true }));
                self.unit().block_depth += 1;
                self.compile_body(body)?;
                self.unit().block_depth -= 1;
                self.unit().fblocks.pop();
                self.emit_jump_noline(JumpKind::Always, start);
                self.bind(cleanup);
                self.compile_body(orelse)?;
                self.bind(end);
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                // CPython 3.11's compiler_annassign: the assignment first.
                if let Some(v) = value {
                    self.compile_expr(v)?;
                    self.compile_store(target)?;
                }
                let kind = self.block().kind;
                match &target.kind {
                    ExprKind::Name { id, .. } if *simple != 0 && matches!(kind, BlockType::Module | BlockType::Class) => {
                        {
                            self.compile_annotation(annotation, s.range)?;
                            self.set_pos(s.range);
                            let i = self.add_name("__annotations__");
                            self.emit(Opcode::LOAD_NAME, i);
                            let c = self.add_const(Constant::Str(self.mangle(id).as_ref().into()));
                            self.emit(Opcode::LOAD_CONST, c);
                            self.emit(Opcode::STORE_SUBSCR, 0);
                        }
                    }
                    ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                        self.compile_expr(obj)?;
                        self.emit(Opcode::POP_TOP, 0);
                    }
                    ExprKind::Subscript { value: obj, slice, .. } if value.is_none() => {
                        self.compile_expr(obj)?;
                        self.emit(Opcode::POP_TOP, 0);
                        self.compile_expr(slice)?;
                        self.emit(Opcode::POP_TOP, 0);
                    }
                    _ => {}
                }
                // A complex target's annotation is evaluated last, in a
                // module or class (CPython's check_annotation).
                if *simple == 0 && matches!(kind, BlockType::Module | BlockType::Class) {
                    // check_annotation: evaluate and discard.
                    if !self.table.future.annotations() {
                        self.compile_expr(annotation)?;
                        self.emit(Opcode::POP_TOP, 0);
                    }
                }
            }
            StmtKind::AsyncFor { target, iter, body, orelse, .. } => {
                // CPython 3.11's compiler_async_for.
                if self.is_top_level_await() {
                    self.unit().awaits = true;
                } else if !self.block().async_def {
                    let msg = "'async for' outside async function";
                    return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, s.range)));
                }
                let (start, except, end) = (self.new_label(), self.new_label(), self.new_label());
                self.compile_expr(iter)?;
                self.set_pos(s.range);
                self.emit(Opcode::GET_AITER, 0);
                self.bind(start);
                self.unit().fblocks.push(FBlock::Loop(Loop { continue_to: start, break_to: end, pops_iterator: true }));
                self.unit().block_depth += 1;
                // SETUP_FINALLY guards the __anext__ call.
                let depth = self.unit().block_depth;
                self.emit_guarded_anext(except, depth);
                self.compile_store(target)?;
                self.compile_body(body)?;
                self.emit_jump_noline(JumpKind::Always, start);
                self.unit().block_depth -= 1;
                self.unit().fblocks.pop();
                self.bind(except);
                // END_ASYNC_FOR has the iterator's line.
                self.set_pos(iter.range);
                self.emit(Opcode::END_ASYNC_FOR, 0);
                self.compile_body(orelse)?;
                self.bind(end);
            }
            StmtKind::AsyncWith { items, body, .. } => {
                if self.is_top_level_await() {
                    self.unit().awaits = true;
                } else if !self.block().async_def {
                    let msg = "'async with' outside async function";
                    return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, s.range)));
                }
                self.compile_with_generic(s, items, body, 0, true)?;
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                if finalbody.is_empty() {
                    self.compile_try_except(s, body, handlers, orelse)?;
                } else {
                    self.compile_try_finally(s, body, handlers, orelse, finalbody, false)?;
                }
            }
            StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                if finalbody.is_empty() {
                    self.compile_try_star_except(body, handlers, orelse)?;
                } else {
                    self.compile_try_finally(s, body, handlers, orelse, finalbody, true)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                // CPython 3.11's compiler_assert: the warning, then nothing
                // at all when optimizing.
                self.check_assert(test, s.range);
                if self.optimize > 0 {
                    return Ok(());
                }
                let end = self.new_label();
                self.compile_jump_if(test, end, true)?;
                let at = self.unit().leaked_pos.unwrap_or(s.range);
                self.set_pos(at);
                self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
                if let Some(m) = msg {
                    // `AssertionError, msg` call as a method does: msg is
                    // the one argument.
                    self.compile_expr(m)?;
                    self.set_pos(at);
                    self.emit(Opcode::PRECALL, 0);
                    self.emit(Opcode::CALL, 0);
                }
                self.emit(Opcode::RAISE_VARARGS, 1);
                self.bind(end);
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.compile_delete(t)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.compile_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.compile_expr(c)?;
                        n += 1;
                    }
                }
                self.set_pos(s.range);
                self.emit(Opcode::RAISE_VARARGS, n);
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                let loop_depth = self.unit().fblocks.iter().rposition(|b| matches!(b, FBlock::Loop(_)));
                // An except* block between here and the loop (or with no
                // loop at all) is the error CPython's unwinding meets first.
                let group_depth = self.unit().fblocks.iter().rposition(|b| matches!(b, FBlock::ExceptionGroupHandler));
                if group_depth.is_some() && group_depth > loop_depth {
                    let msg = "'break', 'continue' and 'return' cannot appear in an except* block";
                    return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, s.range)));
                }
                let Some(depth) = loop_depth else {
                    let msg = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
                    return Err(self.outside_loop(msg, s));
                };
                let FBlock::Loop(l) = self.unit().fblocks[depth].clone() else { unreachable!() };
                // The statement's own line gets an instruction.
                self.emit(Opcode::NOP, 0);
                let popped = self.unwind_fblocks(depth + 1, false)?;
                if is_break {
                    if l.pops_iterator {
                        self.emit(Opcode::POP_TOP, 0);
                    }
                    self.emit_jump(JumpKind::Always, l.break_to);
                } else {
                    self.emit_jump(JumpKind::Always, l.continue_to);
                }
                self.restore_regions(popped);
            }
            StmtKind::Return { value } => self.compile_return(s, value.as_deref())?,
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::Import { names } => {
                // Every instruction carries the statement's position, as in
                // 3.11 (3.12 moved to each alias's).
                for alias in names {
                    let zero = self.add_const(Constant::Int(krait_syntax::ast::Int::Small(0)));
                    self.emit(Opcode::LOAD_CONST, zero);
                    let none = self.add_const(Constant::None);
                    self.emit(Opcode::LOAD_CONST, none);
                    let i = self.add_name(&alias.name);
                    self.emit(Opcode::IMPORT_NAME, i);
                    match &alias.asname {
                        // `import a.b.c as d`: IMPORT_FROM down the dotted
                        // name (CPython's compiler_import_as).
                        Some(asname) if alias.name.contains('.') => {
                            let parts: Vec<&str> = alias.name.split('.').skip(1).collect();
                            for (k, attr) in parts.iter().enumerate() {
                                let i = self.add_name_unmangled(attr);
                                self.emit(Opcode::IMPORT_FROM, i);
                                if k + 1 < parts.len() {
                                    self.emit(Opcode::SWAP, 2);
                                    self.emit(Opcode::POP_TOP, 0);
                                }
                            }
                            self.compile_name(asname, ExprContext::Store)?;
                            self.emit(Opcode::POP_TOP, 0);
                        }
                        Some(asname) => self.compile_name(asname, ExprContext::Store)?,
                        // `import a.b` binds `a`.
                        None => {
                            let first = alias.name.split('.').next().unwrap_or(&alias.name).to_string();
                            self.compile_name(&first, ExprContext::Store)?;
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                // CPython 3.11's compiler_from_import.
                if module.as_deref() == Some("__future__") && self.lines.line(s.range.start) > self.table.future.lineno {
                    let msg = "from __future__ imports must occur at the beginning of the file";
                    return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, s.range)));
                }
                let lvl = self.add_const(Constant::Int(krait_syntax::ast::Int::Small(level.unwrap_or(0))));
                self.emit(Opcode::LOAD_CONST, lvl);
                let fromlist = names.iter().map(|a| Constant::Str(a.name.as_str().into())).collect();
                let i = self.add_const(Constant::Tuple(fromlist));
                self.emit(Opcode::LOAD_CONST, i);
                let i = self.add_name(module.as_deref().unwrap_or(""));
                self.emit(Opcode::IMPORT_NAME, i);
                if names.first().is_some_and(|a| a.name.as_str() == "*") {
                    self.emit(Opcode::IMPORT_STAR, 0);
                } else {
                    for alias in names {
                        let i = self.add_name(&alias.name);
                        self.emit(Opcode::IMPORT_FROM, i);
                        let store = alias.asname.as_deref().unwrap_or(&alias.name).to_string();
                        self.compile_name(&store, ExprContext::Store)?;
                    }
                    self.emit(Opcode::POP_TOP, 0);
                }
            }
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, .. } => {
                self.compile_function(s, name, args, body, decorator_list, returns.as_deref())?;
            }
            StmtKind::With { items, body, .. } => self.compile_with(s, items, body, 0)?,
            StmtKind::AsyncFunctionDef { name, args, body, decorator_list, returns, .. } => {
                self.compile_function(s, name, args, body, decorator_list, returns.as_deref())?;
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                self.compile_class(s, name, bases, keywords, body, decorator_list)?;
            }
            StmtKind::Match { subject, cases } => self.compile_match(subject, cases)?,
        }
        Ok(())
    }

    fn outside_loop(&self, msg: &str, s: &Stmt) -> CompileError {
        CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, s.range))
    }

    /// Store the value on the stack into a target (for comprehensions).
    pub(super) fn compile_store_target(&mut self, t: &Expr) -> CResult<()> {
        self.compile_store(t)
    }

    /// `del target`: names, items, and tuples or lists of targets.
    fn compile_delete(&mut self, t: &Expr) -> CResult<()> {
        self.set_pos(t.range);
        match &t.kind {
            ExprKind::Name { id, .. } => self.compile_name(id, ExprContext::Del),
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                elts.iter().try_for_each(|e| self.compile_delete(e))
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.set_pos(t.range);
                self.emit(Opcode::DELETE_SUBSCR, 0);
                Ok(())
            }
            ExprKind::Attribute { value, attr, .. } => {
                self.compile_expr(value)?;
                self.set_pos(t.range);
                let i = self.add_name(attr);
                self.emit(Opcode::DELETE_ATTR, i);
                Ok(())
            }
            _ => Err(CompileError::Unsupported("this del target".into())),
        }
    }

    /// Store the value on the stack into a target.
    fn compile_store(&mut self, t: &Expr) -> CResult<()> {
        self.set_pos(t.range);
        match &t.kind {
            ExprKind::Name { id, .. } => self.compile_name(id, ExprContext::Store)?,
            ExprKind::Attribute { value, attr, .. } => {
                self.compile_expr(value)?;
                self.set_pos(t.range);
                let i = self.add_name(attr);
                self.emit(Opcode::STORE_ATTR, i);
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.set_pos(t.range);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                // CPython's unpack_helper and assignment_helper.
                let n = elts.len();
                let mut seen_star = false;
                for (i, e) in elts.iter().enumerate() {
                    if let ExprKind::Starred { .. } = e.kind {
                        if seen_star {
                            let msg = "multiple starred expressions in assignment";
                            return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, t.range)));
                        }
                        if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                            let msg = "too many expressions in star-unpacking assignment";
                            return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, t.range)));
                        }
                        self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                        seen_star = true;
                    }
                }
                if !seen_star {
                    self.emit(Opcode::UNPACK_SEQUENCE, n as u32);
                }
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred { value, .. } => self.compile_store(value)?,
                        _ => self.compile_store(e)?,
                    }
                }
            }
            ExprKind::Starred { .. } => {
                let msg = "starred assignment target must be in a list or tuple";
                return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, t.range)));
            }
            _ => return Err(CompileError::Unsupported("this assignment target".into())),
        }
        Ok(())
    }

    /// `try: ... except ...: ... else: ...` (CPython 3.11's
    /// `compiler_try_except`): the body is protected by a handler at the
    /// `except` clauses; they run protected by a cleanup that restores the
    /// previous exception and re-raises.
    fn compile_try_except(
        &mut self,
        s: &Stmt,
        body: &[Stmt],
        handlers: &[krait_syntax::ast::ExceptHandler],
        orelse: &[Stmt],
    ) -> CResult<()> {
        use krait_syntax::ast::ExceptHandlerKind;
        let (except, end, cleanup) = (self.new_label(), self.new_label(), self.new_label());
        let depth = self.unit().block_depth;
        self.compile_try_body(body, except, depth)?;
        self.compile_body(orelse)?;
        self.emit_jump_noline(JumpKind::Always, end);

        // The handlers: the exception is on the stack.
        let outer = self.enter_handler(except, cleanup, depth, Position::default());
        for (i, h) in handlers.iter().enumerate() {
            let ExceptHandlerKind::ExceptHandler { type_, name, body: hbody } = &h.kind;
            self.set_pos(h.range);
            if type_.is_none() && i + 1 < handlers.len() {
                return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax("default 'except:' must be last", h.range)));
            }
            let next = self.new_label();
            if let Some(t) = type_ {
                self.compile_expr(t)?;
                self.set_pos(h.range);
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.emit_jump(JumpKind::PopIfFalse, next);
            }
            match name {
                Some(name) => {
                    let cleanup_end = self.new_label();
                    self.compile_name(name, ExprContext::Store)?;
                    let inner = Region { target: cleanup_end, depth: depth + 1, lasti: true };
                    self.unit().asm.push_handler(cleanup_end, depth + 1, true);
                    // CPython's SETUP_CLEANUP: keeps `cleanup_end` reachable
                    // even if the body leaves at once (`break`, `return`).
                    self.unit().asm.emit_pseudo(Position::default());
                    self.unit().block_depth += 1;
                    self.unit().fblocks.push(FBlock::Handler { name: Some(name.to_string()), inner: Some(inner), outer });
                    self.compile_body(hbody)?;
                    self.unit().fblocks.pop();
                    self.unit().block_depth -= 1;
                    self.unit().asm.pop_handler();
                    self.unit().pos = Position::default();
                    self.emit(Opcode::POP_EXCEPT, 0);
                    self.emit_none_store_del(name)?;
                    self.emit_jump(JumpKind::Always, end);
                    self.bind(cleanup_end);
                    self.emit_none_store_del(name)?;
                    self.emit(Opcode::RERAISE, 1);
                }
                None => {
                    self.emit(Opcode::POP_TOP, 0);
                    self.unit().block_depth += 1;
                    self.unit().fblocks.push(FBlock::Handler { name: None, inner: None, outer });
                    self.compile_body(hbody)?;
                    self.unit().fblocks.pop();
                    self.unit().block_depth -= 1;
                    self.unit().pos = Position::default();
                    self.emit(Opcode::POP_EXCEPT, 0);
                    self.emit_jump(JumpKind::Always, end);
                }
            }
            self.bind(next);
        }
        self.unit().pos = Position::default();
        self.emit(Opcode::RERAISE, 0);
        self.unit().asm.pop_handler();
        // The cleanup: restore the previous exception, re-raise.
        self.emit_pop_except_and_reraise(cleanup);
        self.bind(end);
        let _ = s;
        Ok(())
    }

    /// A `try` body protected by the handlers at `except` (CPython's
    /// SETUP_FINALLY ... POP_BLOCK); the `try:` line gets a NOP of its own.
    fn compile_try_body(&mut self, body: &[Stmt], except: Label, depth: u32) -> CResult<()> {
        let pos = self.unit().pos;
        self.unit().asm.emit_pseudo(pos);
        let try_region = Region { target: except, depth, lasti: false };
        self.unit().asm.push_handler(except, depth, false);
        self.unit().fblocks.push(FBlock::TryBody(try_region));
        self.compile_body(body)?;
        self.unit().fblocks.pop();
        self.unit().asm.pop_handler();
        self.unit().asm.emit_pseudo(Position::default());
        Ok(())
    }

    /// `try: ... except* ...: ... else: ...` (CPython 3.11's
    /// `compiler_try_star_except`): each clause takes the part of the
    /// exception group its type matches (CHECK_EG_MATCH) and leaves the
    /// rest to the next; what the clauses raise and what none matched are
    /// collected in a list, from which PREP_RERAISE_STAR makes what to
    /// re-raise.
    fn compile_try_star_except(
        &mut self,
        body: &[Stmt],
        handlers: &[krait_syntax::ast::ExceptHandler],
        orelse: &[Stmt],
    ) -> CResult<()> {
        use krait_syntax::ast::ExceptHandlerKind;
        let (except, orelse_label, end, cleanup, reraise_star) =
            (self.new_label(), self.new_label(), self.new_label(), self.new_label(), self.new_label());
        let depth = self.unit().block_depth;
        self.compile_try_body(body, except, depth)?;
        self.emit_jump_noline(JumpKind::Always, orelse_label);

        // The clauses: [previous exception, original, list, rest] between them.
        self.enter_handler(except, cleanup, depth, Position::default());
        self.unit().fblocks.push(FBlock::ExceptionGroupHandler);
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            let ExceptHandlerKind::ExceptHandler { type_, name, body: hbody } = &h.kind;
            self.set_pos(h.range);
            let (next, except_with_error, no_match) = (self.new_label(), self.new_label(), self.new_label());
            if i == 0 {
                self.emit(Opcode::COPY, 1);
                self.emit(Opcode::BUILD_LIST, 0);
                self.emit(Opcode::SWAP, 2);
            }
            if let Some(t) = type_ {
                self.compile_expr(t)?;
                self.set_pos(h.range);
                self.emit(Opcode::CHECK_EG_MATCH, 0);
                self.emit(Opcode::COPY, 1);
                self.emit_jump(JumpKind::PopIfNone, no_match);
            }
            let cleanup_end = self.new_label();
            match name {
                Some(name) => self.compile_name(name, ExprContext::Store)?,
                None => self.emit(Opcode::POP_TOP, 0),
            }
            let inner = Region { target: cleanup_end, depth: depth + 4, lasti: true };
            self.unit().asm.push_handler(cleanup_end, depth + 4, true);
            // SETUP_CLEANUP keeps `cleanup_end` reachable.
            self.unit().asm.emit_pseudo(Position::default());
            self.unit().block_depth += 4;
            let handler_name = name.as_ref().map(|n| n.to_string());
            // Leaving the body is refused (ExceptionGroupHandler), so `outer` is never unwound.
            self.unit().fblocks.push(FBlock::Handler { name: handler_name, inner: Some(inner), outer: inner });
            self.compile_body(hbody)?;
            self.unit().fblocks.pop();
            self.unit().block_depth -= 4;
            self.unit().pos = Position::default();
            self.unit().asm.pop_handler();
            if let Some(name) = name {
                self.emit_none_store_del(name)?;
            }
            self.emit_jump(JumpKind::Always, next);
            // The clause raised: add it to the list.
            self.bind(cleanup_end);
            if let Some(name) = name {
                self.emit_none_store_del(name)?;
            }
            self.emit(Opcode::LIST_APPEND, 3);
            self.emit(Opcode::POP_TOP, 0);
            self.emit_jump(JumpKind::Always, except_with_error);
            self.bind(next);
            self.emit(Opcode::NOP, 0);
            self.emit_jump(JumpKind::Always, except_with_error);
            self.bind(no_match);
            self.set_pos(h.range);
            self.emit(Opcode::POP_TOP, 0);
            self.bind(except_with_error);
            if i + 1 == n {
                // What no clause matched (or None) joins the list.
                self.unit().pos = Position::default();
                self.emit(Opcode::LIST_APPEND, 1);
                self.emit_jump(JumpKind::Always, reraise_star);
            }
        }
        self.unit().pos = Position::default();
        self.unit().fblocks.pop();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.emit(Opcode::PREP_RERAISE_STAR, 0);
        self.emit(Opcode::COPY, 1);
        self.emit_jump(JumpKind::PopIfNotNone, reraise);
        // Nothing to re-raise.
        self.emit(Opcode::POP_TOP, 0);
        self.unit().asm.pop_handler();
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit_jump(JumpKind::Always, end);
        self.bind(reraise);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.emit_pop_except_and_reraise(cleanup);
        self.bind(orelse_label);
        self.compile_body(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `try: ... finally: ...` (CPython 3.11's `compiler_try_finally`):
    /// the body (with any except clauses) is followed by the `finally`
    /// body; a second copy runs for an exception and re-raises it.
    fn compile_try_finally(
        &mut self,
        s: &Stmt,
        body: &[Stmt],
        handlers: &[krait_syntax::ast::ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        star: bool,
    ) -> CResult<()> {
        let (end, exit, cleanup) = (self.new_label(), self.new_label(), self.new_label());
        let depth = self.unit().block_depth;
        // SETUP_FINALLY at the `try:` line.
        let pos = self.unit().pos;
        self.unit().asm.emit_pseudo(pos);
        let region = Region { target: end, depth, lasti: false };
        self.unit().asm.push_handler(end, depth, false);
        // The handler edge, kept even if the body leaves at once.
        self.unit().asm.emit_pseudo(Position::default());
        self.unit().fblocks.push(FBlock::FinallyTry { region, finalbody: finalbody.to_vec() });
        if handlers.is_empty() {
            self.compile_body(body)?;
        } else if star {
            self.compile_try_star_except(body, handlers, orelse)?;
        } else {
            self.compile_try_except(s, body, handlers, orelse)?;
        }
        self.unit().fblocks.pop();
        self.unit().asm.pop_handler();
        self.unit().asm.emit_pseudo(Position::default());
        self.compile_body(finalbody)?;
        self.emit_jump_noline(JumpKind::Always, exit);

        // The exceptional path: the exception is on the stack.
        let cleanup_region = self.enter_handler(end, cleanup, depth, Position::default());
        self.unit().block_depth += 2;
        self.unit().fblocks.push(FBlock::FinallyEnd(cleanup_region));
        self.compile_body(finalbody)?;
        self.unit().fblocks.pop();
        self.unit().block_depth -= 2;
        // CPython's compiler_try_star_finally keeps the location of the
        // `finally` body's last statement; compiler_try_finally keeps the
        // location the body left (unset after an expression statement,
        // the last statement's otherwise), which the re-raise and the
        // cleanup carry.
        if let Some(last) = finalbody.last().filter(|_| star) {
            self.set_pos(last.range);
        }
        self.emit(Opcode::RERAISE, 0);
        self.unit().asm.pop_handler();
        self.emit_pop_except_and_reraise(cleanup);
        self.bind(exit);
        Ok(())
    }

    /// `with item, ...: body` (CPython 3.11's `compiler_with`), one item
    /// per nesting level.
    fn compile_with(&mut self, s: &Stmt, items: &[krait_syntax::ast::WithItem], body: &[Stmt], index: usize) -> CResult<()> {
        self.compile_with_generic(s, items, body, index, false)
    }

    /// `await` of what is on the stack (`GET_AWAITABLE where` and the
    /// SEND loop).
    fn emit_await(&mut self, where_: u32) {
        self.emit(Opcode::GET_AWAITABLE, where_);
        let none = self.add_const(Constant::None);
        self.emit(Opcode::LOAD_CONST, none);
        self.emit_yield_from(true);
    }

    /// `with` and `async with` (CPython 3.11's `compiler_with` and
    /// `compiler_async_with`).
    fn compile_with_generic(
        &mut self,
        s: &Stmt,
        items: &[krait_syntax::ast::WithItem],
        body: &[Stmt],
        index: usize,
        is_async: bool,
    ) -> CResult<()> {
        let item = &items[index];
        let (block, final_, exit, cleanup) = (self.new_label(), self.new_label(), self.new_label(), self.new_label());
        self.compile_expr(&item.context_expr)?;
        self.set_pos(s.range);
        if is_async {
            self.emit(Opcode::BEFORE_ASYNC_WITH, 0);
            self.emit_await(1);
        } else {
            self.emit(Opcode::BEFORE_WITH, 0);
        }
        // SETUP_WITH: the handler keeps `__exit__` on the stack.
        let depth = self.unit().block_depth;
        let pos = self.unit().pos;
        self.unit().asm.emit_pseudo(pos);
        let region = Region { target: final_, depth: depth + 1, lasti: true };
        self.unit().asm.push_handler(final_, depth + 1, true);
        self.bind(block);
        self.unit().block_depth += 1;
        self.unit().fblocks.push(FBlock::With { region, range: s.range, is_async });
        match &item.optional_vars {
            Some(target) => self.compile_store(target)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if index + 1 == items.len() {
            self.compile_body(body)?;
        } else {
            self.compile_with_generic(s, items, body, index + 1, is_async)?;
        }
        // Sync: POP_BLOCK is artificial; async: it keeps the body's location.
        if !is_async {
            self.unit().pos = Position::default();
        }
        self.unit().asm.pop_handler();
        let pos = self.unit().pos;
        self.unit().asm.emit_pseudo(pos);
        self.unit().fblocks.pop();
        self.unit().block_depth -= 1;
        // The body finished: __exit__(None, None, None).
        self.set_pos(s.range);
        self.emit_call_exit_with_nones();
        if is_async {
            self.emit_await(2);
        }
        self.emit(Opcode::POP_TOP, 0);
        self.emit_jump(JumpKind::Always, exit);

        // An exception: __exit__(type, value, traceback) decides.
        // The handler is located at the statement, PUSH_EXC_INFO included.
        self.set_pos(s.range);
        let at_with = self.unit().pos;
        let cleanup_region = self.enter_handler(final_, cleanup, depth + 2, at_with);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        if is_async {
            self.emit_await(2);
        }
        self.unit().pos = Position::default();
        let suppressed = self.new_label();
        self.emit_jump(JumpKind::PopIfTrue, suppressed);
        self.emit(Opcode::RERAISE, 2);
        self.unit().asm.pop_handler();
        self.emit_pop_except_and_reraise(cleanup);
        self.bind(suppressed);
        self.unit().asm.push_handler(cleanup_region.target, cleanup_region.depth, cleanup_region.lasti);
        self.emit(Opcode::POP_TOP, 0);
        self.unit().asm.pop_handler();
        self.unit().asm.emit_pseudo(Position::default());
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.bind(exit);
        Ok(())
    }

    /// `__exit__(None, None, None)` (CPython's
    /// `compiler_call_exit_with_nones`).
    fn emit_call_exit_with_nones(&mut self) {
        let none = self.add_const(Constant::None);
        for _ in 0..3 {
            self.emit(Opcode::LOAD_CONST, none);
        }
        self.emit(Opcode::PRECALL, 2);
        self.emit(Opcode::CALL, 2);
    }

    /// Start a handler at `at` (the exception on the stack, over a stack
    /// cut to `depth`): PUSH_EXC_INFO, protected by the region returned,
    /// whose target `cleanup` restores the previous exception.
    fn enter_handler(&mut self, at: Label, cleanup: Label, depth: u32, pos: Position) -> Region {
        self.bind(at);
        self.unit().pos = pos;
        let region = Region { target: cleanup, depth: depth + 1, lasti: true };
        self.unit().asm.push_handler(cleanup, depth + 1, true);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        region
    }

    /// The cleanup at `cleanup`: restore the previous exception and
    /// re-raise (CPython's POP_EXCEPT_AND_RERAISE).
    fn emit_pop_except_and_reraise(&mut self, cleanup: Label) {
        self.bind(cleanup);
        self.emit(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 1);
    }

    /// `name = None; del name` after an `except ... as name:` clause.
    fn emit_none_store_del(&mut self, name: &str) -> CResult<()> {
        let i = self.add_const(Constant::None);
        self.emit(Opcode::LOAD_CONST, i);
        self.compile_name(name, ExprContext::Store)?;
        self.compile_name(name, ExprContext::Del)
    }

    /// `return [value]`, leaving any `for` loops' iterators behind.
    fn compile_return(&mut self, s: &Stmt, value: Option<&Expr>) -> CResult<()> {
        if self.block().kind != BlockType::Function {
            return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax("'return' outside function", s.range)));
        }
        if value.is_some() && self.block().coroutine && self.block().generator {
            let msg = "'return' with value in async generator";
            return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, s.range)));
        }
        let constant = match value { Some(v) => self.fold(v), None => Some(Constant::None) };
        let preserve = constant.is_none();
        match value {
            Some(v) if preserve => self.compile_expr(v)?,
            // A NOP gives the return value's line an instruction.
            Some(v) => {
                self.set_pos(v.range);
                self.emit(Opcode::NOP, 0);
            }
            None => {}
        }
        let same_line = value.is_some_and(|v| self.lines.line(v.range.start) == self.lines.line(s.range.start));
        // A constant on the return's line keeps its own location for the
        // load and the return (CPython's compiler_return).
        if preserve || !same_line {
            self.set_pos(s.range);
        }
        if !same_line {
            self.emit(Opcode::NOP, 0);
        }
        let popped = self.unwind_fblocks(0, preserve)?;
        if let Some(c) = constant {
            let i = self.add_const(c);
            self.emit(Opcode::LOAD_CONST, i);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        self.restore_regions(popped);
        Ok(())
    }

    /// Emit the code leaving the frame blocks above index `down_to`,
    /// innermost first (CPython's `compiler_unwind_fblock`); with
    /// `preserve`, a value on the stack is kept on top. Returns the handler
    /// regions left, for `restore_regions` after the jump.
    fn unwind_fblocks(&mut self, down_to: usize, preserve: bool) -> CResult<Vec<Region>> {
        let blocks: Vec<FBlock> = self.unit().fblocks[down_to..].to_vec();
        let mut popped = Vec::new();
        for (i, b) in blocks.iter().enumerate().rev() {
            match b {
                FBlock::FinallyTry { region, finalbody } => {
                    // POP_BLOCK, with the unwinding statement's line.
                    self.unit().asm.pop_handler();
                    popped.push(*region);
                    let pos = self.unit().pos;
                    self.unit().asm.emit_pseudo(pos);
                    // The finally body runs with only the blocks outside
                    // this one (a `return` in it unwinds those).
                    let above = self.unit().fblocks.split_off(down_to + i);
                    if preserve {
                        self.unit().fblocks.push(FBlock::PopValue);
                        self.unit().block_depth += 1;
                    }
                    self.compile_body(finalbody)?;
                    if preserve {
                        self.unit().fblocks.pop();
                        self.unit().block_depth -= 1;
                    }
                    self.unit().fblocks.extend(above);
                    // What follows seems to run after the statement that
                    // unwinds: it has no location.
                    self.unit().pos = Position::default();
                }
                FBlock::FinallyEnd(region) => {
                    if preserve {
                        self.emit(Opcode::SWAP, 2);
                    }
                    self.emit(Opcode::POP_TOP, 0);
                    if preserve {
                        self.emit(Opcode::SWAP, 2);
                    }
                    self.unit().asm.pop_handler();
                    popped.push(*region);
                    self.emit(Opcode::POP_EXCEPT, 0);
                }
                FBlock::PopValue => {
                    if preserve {
                        self.emit(Opcode::SWAP, 2);
                    }
                    self.emit(Opcode::POP_TOP, 0);
                }
                FBlock::Loop(l) => {
                    if l.pops_iterator {
                        if preserve {
                            self.emit(Opcode::SWAP, 2);
                        }
                        self.emit(Opcode::POP_TOP, 0);
                    }
                }
                FBlock::TryBody(r) => {
                    self.unit().asm.pop_handler();
                    popped.push(*r);
                }
                FBlock::ExceptionGroupHandler => {
                    let msg = "'break', 'continue' and 'return' cannot appear in an except* block";
                    let at = self.unit().pos_range;
                    return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, at)));
                }
                FBlock::With { region, range, is_async } => {
                    // POP_BLOCK, then __exit__(None, None, None) at the
                    // `with` statement's location.
                    self.set_pos(*range);
                    self.unit().asm.pop_handler();
                    popped.push(*region);
                    let pos = self.unit().pos;
                    self.unit().asm.emit_pseudo(pos);
                    if preserve {
                        self.emit(Opcode::SWAP, 2);
                    }
                    self.emit_call_exit_with_nones();
                    if *is_async {
                        self.emit_await(2);
                    }
                    self.emit(Opcode::POP_TOP, 0);
                    self.unit().pos = Position::default();
                }
                FBlock::Handler { name, inner, outer } => {
                    if let Some(r) = inner {
                        self.unit().asm.pop_handler();
                        popped.push(*r);
                    }
                    if preserve {
                        self.emit(Opcode::SWAP, 2);
                    }
                    self.unit().asm.pop_handler();
                    popped.push(*outer);
                    self.emit(Opcode::POP_EXCEPT, 0);
                    if let Some(n) = name {
                        self.emit_none_store_del(n)?;
                    }
                }
            }
        }
        Ok(popped)
    }

    /// Re-enter the handler regions `unwind_fblocks` left (the code after
    /// the jump is still inside them).
    fn restore_regions(&mut self, popped: Vec<Region>) {
        for r in popped.into_iter().rev() {
            self.unit().asm.push_handler(r.target, r.depth, r.lasti);
        }
    }

    fn compile_function(
        &mut self,
        s: &Stmt,
        name: &str,
        args: &Arguments,
        body: &[Stmt],
        decorators: &[Expr],
        returns: Option<&Expr>,
    ) -> CResult<()> {
        for d in decorators {
            self.compile_expr(d)?;
        }
        let mut flags = self.compile_defaults(args, s.range)?;
        if self.compile_annotations(args, returns, s.range)? {
            flags |= 0x04;
        }

        let block = self.table.lookup(s.range).ok_or_else(|| CompileError::Internal(format!("no block for def {name}")))?;
        let qualname = self.qualname(name);
        let firstlineno = decorators.first().map_or(s.range, |d| d.range);
        let firstlineno = self.lines.line(firstlineno.start) as u32;
        self.enter_unit(block, qualname, firstlineno);
        {
            let u = self.unit();
            u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
        }
        // 3.11: a function's first constant is its docstring, or None
        // (always None at optimize 2, where the docstring is an ordinary
        // expression statement).
        let docstring = body.first().and_then(docstring_of).filter(|_| self.optimize < 2);
        self.add_const(docstring.clone().unwrap_or(Constant::None));
        self.emit_resume();
        let statements = if docstring.is_some() { &body[1..] } else { body };
        self.compile_body(statements)?;
        if !matches!(body.last().map(|s| &s.kind), Some(StmtKind::Return { .. })) {
            self.emit_const_return_none();
        }
        let code = self.leave_unit()?;

        self.set_pos(s.range);
        if self.compile_closure(block)? {
            flags |= 0x08;
        }
        let i = self.add_const(Constant::Code(Box::new(code)));
        self.emit(Opcode::LOAD_CONST, i);
        self.emit(Opcode::MAKE_FUNCTION, flags);
        for _ in decorators {
            self.emit(Opcode::PRECALL, 0);
            self.emit(Opcode::CALL, 0);
        }
        self.compile_name(name, ExprContext::Store)
    }

    /// `class name(bases, **keywords): body` (CPython 3.11's
    /// `compiler_class`): the body becomes a function run by
    /// `__build_class__` with the class namespace as its locals; it returns
    /// the `__class__` cell when a method needs one (`super()`), else None.
    fn compile_class(
        &mut self,
        s: &Stmt,
        name: &str,
        bases: &[Expr],
        keywords: &[krait_syntax::ast::Keyword],
        body: &[Stmt],
        decorators: &[Expr],
    ) -> CResult<()> {
        for d in decorators {
            self.compile_expr(d)?;
        }
        let block = self.table.lookup(s.range).ok_or_else(|| CompileError::Internal(format!("no block for class {name}")))?;
        let qualname = self.qualname(name);
        let firstlineno = decorators.first().map_or(s.range, |d| d.range);
        let firstlineno = self.lines.line(firstlineno.start) as u32;
        self.enter_unit(block, qualname.clone(), firstlineno);
        self.unit().private = Some(name.to_string());
        self.emit_resume();
        // The prologue has the body's first line and no columns (the
        // unit's starting location in CPython's compiler_enter_scope).
        self.unit().pos = Position { lineno: Some(firstlineno), end_lineno: Some(firstlineno), col_offset: Some(0), end_col_offset: Some(0) };
        self.compile_name("__name__", ExprContext::Load)?;
        self.compile_name("__module__", ExprContext::Store)?;
        let i = self.add_const(Constant::Str(qualname.as_str().into()));
        self.emit(Opcode::LOAD_CONST, i);
        self.compile_name("__qualname__", ExprContext::Store)?;
        self.compile_namespace_body(body)?;
        // The rest is artificial: no line number.
        self.unit().pos = Position::default();
        if self.block().needs_class_closure {
            let i = self.cell_ref("__class__")?;
            self.emit(Opcode::LOAD_CLOSURE, i);
            self.emit(Opcode::COPY, 1);
            self.compile_name("__classcell__", ExprContext::Store)?;
        } else {
            let i = self.add_const(Constant::None);
            self.emit(Opcode::LOAD_CONST, i);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.leave_unit()?;

        self.set_pos(s.range);
        self.emit(Opcode::PUSH_NULL, 0);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        let mut flags = 0;
        if self.compile_closure(block)? {
            flags |= 0x08;
        }
        let i = self.add_const(Constant::Code(Box::new(code)));
        self.emit(Opcode::LOAD_CONST, i);
        self.emit(Opcode::MAKE_FUNCTION, flags);
        let i = self.add_const(Constant::Str(name.into()));
        self.emit(Opcode::LOAD_CONST, i);
        self.compile_call_helper(s.range, 2, bases, keywords)?;
        self.set_pos(s.range);
        for _ in decorators {
            self.emit(Opcode::PRECALL, 0);
            self.emit(Opcode::CALL, 0);
        }
        self.compile_name(name, ExprContext::Store)
    }

    /// Push a function's annotations as a tuple of (name, value) pairs
    /// (CPython's `compiler_visit_annotations`: `args` before the
    /// positional-only ones, then `*args`, keyword-only, `**kwargs`,
    /// `return`); whether there were any.
    /// An annotation's value: the expression, or under `from __future__
    /// import annotations` its text (CPython's `compiler_visit_annexpr`).
    /// The text is loaded at `at`, the statement's position (CPython
    /// compiles it with no location of its own).
    fn compile_annotation(&mut self, ann: &Expr, at: krait_syntax::text::TextRange) -> CResult<()> {
        if self.table.future.annotations() {
            let text = super::unparse::expr_as_text(ann);
            self.set_pos(at);
            let i = self.add_const(Constant::Str(text));
            self.emit(Opcode::LOAD_CONST, i);
            return Ok(());
        }
        self.compile_expr(ann)
    }

    fn compile_annotations(&mut self, args: &Arguments, returns: Option<&Expr>, range: krait_syntax::text::TextRange) -> CResult<bool> {
        let mut pairs: Vec<(&str, &Expr)> = Vec::new();
        for a in args.args.iter().chain(&args.posonlyargs) {
            if let Some(ann) = &a.annotation {
                pairs.push((&a.arg, ann));
            }
        }
        if let Some(a) = &args.vararg {
            if let Some(ann) = &a.annotation {
                pairs.push((&a.arg, ann));
            }
        }
        for a in &args.kwonlyargs {
            if let Some(ann) = &a.annotation {
                pairs.push((&a.arg, ann));
            }
        }
        if let Some(a) = &args.kwarg {
            if let Some(ann) = &a.annotation {
                pairs.push((&a.arg, ann));
            }
        }
        if let Some(r) = returns {
            pairs.push(("return", r));
        }
        if pairs.is_empty() {
            return Ok(false);
        }
        for (name, ann) in &pairs {
            self.set_pos(range);
            let i = self.add_const(Constant::Str(self.mangle(name).as_ref().into()));
            self.emit(Opcode::LOAD_CONST, i);
            if self.table.future.annotations() {
                self.compile_annotation(ann, range)?;
            } else if let ExprKind::Starred { value, .. } = &ann.kind {
                self.compile_expr(value)?;
                self.set_pos(range);
                self.emit(Opcode::UNPACK_SEQUENCE, 1);
            } else {
                self.compile_expr(ann)?;
            }
        }
        self.set_pos(range);
        self.emit(Opcode::BUILD_TUPLE, 2 * pairs.len() as u32);
        Ok(true)
    }

    /// Push a function's defaults (CPython's `compiler_default_arguments`)
    /// and return the MAKE_FUNCTION flags they need.
    pub(super) fn compile_defaults(&mut self, args: &Arguments, range: krait_syntax::text::TextRange) -> CResult<u32> {
        self.set_pos(range);
        let mut flags = 0;
        if !args.defaults.is_empty() {
            // A tuple of constant defaults is folded by the flow-graph
            // optimizer, after the items' own constants.
            for d in &args.defaults {
                self.compile_expr(d)?;
            }
            self.set_pos(range);
            self.emit(Opcode::BUILD_TUPLE, args.defaults.len() as u32);
            flags |= 0x01;
        }
        // Keyword-only defaults: their values, then a key tuple (CPython's
        // compiler_visit_kwonlydefaults).
        let mut keys = Vec::new();
        for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                keys.push(Constant::Str(self.mangle(&a.arg).as_ref().into()));
                self.compile_expr(d)?;
                self.set_pos(range);
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            let i = self.add_const(Constant::Tuple(keys));
            self.emit(Opcode::LOAD_CONST, i);
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    /// `lambda args: body` (CPython's `compiler_lambda`): a function whose
    /// first constant is None (it has no docstring) and whose body returns.
    pub(super) fn compile_lambda(&mut self, e: &Expr, args: &Arguments, body: &Expr) -> CResult<()> {
        let mut flags = self.compile_defaults(args, e.range)?;
        let block = self.table.lookup(e.range).ok_or_else(|| CompileError::Internal("no block for lambda".into()))?;
        let generator = self.table.block(block).generator;
        let qualname = self.qualname("<lambda>");
        let firstlineno = self.lines.line(e.range.start) as u32;
        self.enter_unit(block, qualname, firstlineno);
        {
            let u = self.unit();
            u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
        }
        self.add_const(Constant::None);
        self.emit_resume();
        self.compile_expr(body)?;
        if generator {
            // CPython's assemble(c, 0): an artificial RETURN_VALUE of the
            // body's value.
            self.unit().pos = Position::default();
        } else {
            // The return carries the lambda's first line and no columns.
            self.unit().pos =
                Position { lineno: Some(firstlineno), end_lineno: Some(firstlineno), col_offset: Some(0), end_col_offset: Some(0) };
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let code = self.leave_unit()?;
        self.set_pos(e.range);
        if self.compile_closure(block)? {
            flags |= 0x08;
        }
        let i = self.add_const(Constant::Code(Box::new(code)));
        self.emit(Opcode::LOAD_CONST, i);
        self.emit(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    /// CPython's `compiler_set_qualname`: `outer.<locals>.inner` for a
    /// function in a function, `Class.name` in a class body.
    pub(super) fn qualname(&self, name: &str) -> String {
        let Some(parent) = self.units.last() else { return name.to_string() };
        let block = self.table.block(parent.block);
        // A function or class declared `global` in its parent is named as
        // a module-level one.
        if block.scope_of(&self.mangle(name)) == Some(crate::symtable::Scope::GlobalExplicit) {
            return name.to_string();
        }
        match block.kind {
            BlockType::Module => name.to_string(),
            // Below a comprehension, no `<locals>` (it is not a function scope
            // to CPython's compiler_set_qualname).
            BlockType::Function if block.comprehension.is_some() => format!("{}.{}", parent.qualname, name),
            BlockType::Function => format!("{}.<locals>.{}", parent.qualname, name),
            BlockType::Class => format!("{}.{}", parent.qualname, name),
        }
    }
}

/// A body's docstring: its first statement, if a string constant.
fn docstring_of(s: &Stmt) -> Option<Constant> {
    match &s.kind {
        StmtKind::Expr { value } => match &value.kind {
            ExprKind::Constant { value: krait_syntax::ast::Constant::Str(text), .. } => Some(Constant::Str(text.clone())),
            _ => None,
        },
        _ => None,
    }
}
