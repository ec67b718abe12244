//! Expressions (CPython's `compiler_visit_expr` and its helpers).

use krait_syntax::ast::{
    BoolOp, CmpOp, Comprehension, Expr, ExprContext, ExprKind, Keyword, Operator, UnaryOp,
};

/// What a comprehension adds at each step.
#[derive(Clone, Copy)]
enum CompElement<'e> {
    Generator(&'e Expr),
    List(&'e Expr),
    Set(&'e Expr),
    Dict(&'e Expr, &'e Expr),
}

pub(super) use super::fold::{as_constant, as_constant_debug, constant};
use super::{CResult, CompileError, Compiler};
use crate::assemble::{JumpKind, Label};
use crate::code::{Constant, Position};
use crate::opcode::Opcode;
use crate::symtable::{BlockType, NameAccess, Scope};

impl Compiler<'_> {
    /// The constant `e` folds to, `__debug__` as this compilation has it.
    pub(super) fn fold(&self, e: &Expr) -> Option<Constant> {
        as_constant_debug(e, self.optimize == 0)
    }

    /// `'...' % (a, b)` as the f-string the AST optimizer makes of it, if
    /// it does (`optimize_format`).
    fn percent_format(&self, e: &Expr, left: &Expr, right: &Expr) -> Option<Expr> {
        let ExprKind::Tuple { elts, .. } = &right.kind else { return None };
        if elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. })) || self.fold(right).is_some() {
            return None;
        }
        let Some(Constant::Str(fmt)) = self.fold(left) else { return None };
        let literal = |s: krait_syntax::pystr::PyString| Expr {
            range: super::NO_LOCATION,
            kind: ExprKind::Constant { value: krait_syntax::ast::Constant::Str(s), kind: None },
        };
        let values = super::fold::percent_format(&fmt, elts)?
            .into_iter()
            .map(|piece| match piece {
                super::fold::FormatPiece::Literal(s) => literal(s),
                super::fold::FormatPiece::Value { arg, conversion, spec } => Expr {
                    range: arg.range,
                    kind: ExprKind::FormattedValue {
                        value: Box::new(arg.clone()),
                        conversion: i64::from(u32::from(conversion)),
                        format_spec: spec.map(|s| Box::new(literal(s))),
                    },
                },
            })
            .collect();
        Some(Expr { range: e.range, kind: ExprKind::JoinedStr { values } })
    }

    pub(super) fn compile_expr(&mut self, e: &Expr) -> CResult<()> {
        self.set_pos(e.range);
        if !matches!(e.kind, ExprKind::Constant { .. }) {
            if let Some(c) = self.fold(e) {
                let i = self.add_const(c);
                self.emit(Opcode::LOAD_CONST, i);
                return Ok(());
            }
        }
        match &e.kind {
            ExprKind::Constant { value, .. } => {
                let i = self.add_const(constant(value));
                self.emit(Opcode::LOAD_CONST, i);
            }
            ExprKind::Name { id, ctx } => self.compile_name(id, *ctx)?,
            ExprKind::BinOp { left, op: Operator::Mod, right } if self.percent_format(e, left, right).is_some() => {
                let joined = self.percent_format(e, left, right).expect("checked");
                self.compile_expr(&joined)?;
            }
            ExprKind::BinOp { left, op, right } => {
                self.compile_expr(left)?;
                self.compile_expr(right)?;
                self.set_pos(e.range);
                self.emit(Opcode::BINARY_OP, binary_op_arg(*op));
            }
            ExprKind::UnaryOp { .. } if negated_compare(e).is_some() => {
                let folded = negated_compare(e).expect("checked");
                self.compile_expr(&folded)?;
            }
            ExprKind::UnaryOp { op, operand } => {
                self.compile_expr(operand)?;
                self.set_pos(e.range);
                let op = match op {
                    UnaryOp::Invert => Opcode::UNARY_INVERT,
                    UnaryOp::Not => Opcode::UNARY_NOT,
                    UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                };
                self.emit(op, 0);
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let jump = match op {
                    BoolOp::And => Opcode::JUMP_IF_FALSE_OR_POP,
                    BoolOp::Or => Opcode::JUMP_IF_TRUE_OR_POP,
                };
                for (i, v) in values.iter().enumerate() {
                    self.compile_expr(v)?;
                    if i + 1 < values.len() {
                        self.emit_jump(JumpKind::Fixed(jump), end);
                    }
                }
                self.bind(end);
            }
            ExprKind::Compare { left, ops, comparators } => self.compile_compare(e, left, ops, comparators)?,
            ExprKind::Call { func, args, keywords } => self.compile_call(e, func, args, keywords)?,
            ExprKind::Attribute { value, attr, ctx: ExprContext::Load } => {
                self.compile_expr(value)?;
                self.set_pos(e.range);
                let i = self.add_name(attr);
                self.emit(Opcode::LOAD_ATTR, i);
            }
            ExprKind::Subscript { value, slice, ctx: ExprContext::Load } => {
                self.check_subscript(value, slice, e);
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.set_pos(e.range);
                self.emit(Opcode::BINARY_SUBSCR, 0);
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut n = 2;
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.compile_expr(x)?,
                        None => {
                            let i = self.add_const(Constant::None);
                            self.emit(Opcode::LOAD_CONST, i);
                        }
                    }
                }
                if let Some(s) = step {
                    self.compile_expr(s)?;
                    n = 3;
                }
                self.set_pos(e.range);
                self.emit(Opcode::BUILD_SLICE, n);
            }
            ExprKind::Tuple { elts, ctx: ExprContext::Load } => {
                self.compile_sequence(elts, Opcode::BUILD_TUPLE)?;
            }
            ExprKind::List { elts, ctx: ExprContext::Load } => {
                self.compile_sequence(elts, Opcode::BUILD_LIST)?;
            }
            ExprKind::Dict { keys, values } => self.compile_dict(keys, values)?,
            ExprKind::Set { elts } => self.compile_sequence(elts, Opcode::BUILD_SET)?,
            ExprKind::Lambda { args, body } => self.compile_lambda(e, args, body)?,
            ExprKind::NamedExpr { target, value } => {
                self.compile_expr(value)?;
                self.set_pos(e.range);
                self.emit(Opcode::COPY, 1);
                self.compile_expr(target)?;
            }
            // CPython's compiler_joined_str and compiler_formatted_value.
            // Past the stack-use guideline the parts are appended to a list
            // one at a time and joined: `''.join([...])`, as CPython 3.11 does.
            ExprKind::JoinedStr { values } if values.len() > STACK_USE_GUIDELINE => {
                self.set_pos(e.range);
                let empty = self.add_const(Constant::Str(krait_syntax::pystr::PyString::new()));
                self.emit(Opcode::LOAD_CONST, empty);
                let join = self.add_name_unmangled("join");
                self.emit(Opcode::LOAD_METHOD, join);
                self.emit(Opcode::BUILD_LIST, 0);
                for v in values {
                    self.compile_expr(v)?;
                    self.set_pos(e.range);
                    self.emit(Opcode::LIST_APPEND, 1);
                }
                self.emit(Opcode::PRECALL, 1);
                self.emit(Opcode::CALL, 1);
            }
            ExprKind::JoinedStr { values } => {
                for v in values {
                    self.compile_expr(v)?;
                }
                if values.len() != 1 {
                    self.set_pos(e.range);
                    self.emit(Opcode::BUILD_STRING, values.len() as u32);
                }
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.compile_expr(value)?;
                let mut oparg = match u8::try_from(*conversion).map(char::from) {
                    Ok('s') => 1,
                    Ok('r') => 2,
                    Ok('a') => 3,
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.compile_expr(spec)?;
                    oparg |= 4;
                }
                self.set_pos(e.range);
                self.emit(Opcode::FORMAT_VALUE, oparg);
            }
            ExprKind::IfExp { test, body, orelse } => {
                let (else_, end) = (self.new_label(), self.new_label());
                self.compile_jump_if(test, else_, false)?;
                self.compile_expr(body)?;
                self.emit_jump_noline(JumpKind::Always, end);
                self.bind(else_);
                self.compile_expr(orelse)?;
                self.bind(end);
            }
            ExprKind::ListComp { elt, generators } => self.compile_comprehension(e, generators, CompElement::List(elt))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.compile_comprehension(e, generators, CompElement::Generator(elt))?
            }
            // A starred expression outside a call, display or assignment
            // target list (CPython's compiler_visit_expr1).
            ExprKind::Starred { .. } => {
                let msg = "can't use starred expression here";
                return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, e.range)));
            }
            ExprKind::Yield { value } => {
                if self.block().kind != BlockType::Function {
                    let msg = "'yield' outside function";
                    return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, e.range)));
                }
                match value {
                    Some(v) => self.compile_expr(v)?,
                    None => {
                        let i = self.add_const(Constant::None);
                        self.emit(Opcode::LOAD_CONST, i);
                    }
                }
                self.set_pos(e.range);
                self.emit_yield()?;
            }
            ExprKind::Await { value } => {
                let b = self.block();
                if !self.is_top_level_await() {
                    if b.kind != BlockType::Function {
                        let msg = "'await' outside function";
                        return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, e.range)));
                    }
                    if !b.async_def && b.comprehension.is_none() {
                        let msg = "'await' outside async function";
                        return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, e.range)));
                    }
                }
                self.compile_expr(value)?;
                self.set_pos(e.range);
                self.emit(Opcode::GET_AWAITABLE, 0);
                let i = self.add_const(Constant::None);
                self.emit(Opcode::LOAD_CONST, i);
                self.emit_yield_from(true);
            }
            ExprKind::YieldFrom { value } => {
                let b = self.block();
                if b.kind != BlockType::Function {
                    let msg = "'yield' outside function";
                    return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, e.range)));
                }
                if b.async_def {
                    let msg = "'yield from' inside async function";
                    return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, e.range)));
                }
                self.compile_expr(value)?;
                self.set_pos(e.range);
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                let i = self.add_const(Constant::None);
                self.emit(Opcode::LOAD_CONST, i);
                self.emit_yield_from(false);
            }
            ExprKind::SetComp { elt, generators } => self.compile_comprehension(e, generators, CompElement::Set(elt))?,
            ExprKind::DictComp { key, value, generators } => {
                self.compile_comprehension(e, generators, CompElement::Dict(key, value))?
            }
            other => return Err(unsupported(other)),
        }
        Ok(())
    }

    /// Load, store or delete `name` as the symbol table says it is accessed
    /// in this block (CPython's `compiler_nameop`).
    pub(super) fn compile_name(&mut self, name: &str, ctx: ExprContext) -> CResult<()> {
        let name = self.mangle(name).into_owned();
        let name = name.as_str();
        match self.block().name_access(name) {
            NameAccess::Fast => {
                let i = self.add_varname(name);
                let op = match ctx {
                    ExprContext::Load => Opcode::LOAD_FAST,
                    ExprContext::Store => Opcode::STORE_FAST,
                    ExprContext::Del => Opcode::DELETE_FAST,
                };
                self.emit(op, i);
            }
            NameAccess::Global => {
                let i = self.add_name(name);
                match ctx {
                    ExprContext::Load => self.emit(Opcode::LOAD_GLOBAL, i << 1),
                    ExprContext::Store => self.emit(Opcode::STORE_GLOBAL, i),
                    ExprContext::Del => self.emit(Opcode::DELETE_GLOBAL, i),
                }
            }
            NameAccess::Name => {
                let i = self.add_name(name);
                let op = match ctx {
                    ExprContext::Load => Opcode::LOAD_NAME,
                    ExprContext::Store => Opcode::STORE_NAME,
                    ExprContext::Del => Opcode::DELETE_NAME,
                };
                self.emit(op, i);
            }
            access @ (NameAccess::Deref | NameAccess::ClassDeref) => {
                // A free name is the enclosing scope's even where the block
                // has a cell of that name (a class body's `__class__`).
                let free = self.block().scope_of(name) == Some(crate::symtable::Scope::Free);
                let i = match self.block().freevars().iter().position(|c| *c == name) {
                    Some(i) if free => super::FREE_BIT | i as u32,
                    _ => self.cell_ref(name)?,
                };
                let op = match ctx {
                    ExprContext::Load if matches!(access, NameAccess::ClassDeref) => Opcode::LOAD_CLASSDEREF,
                    ExprContext::Load => Opcode::LOAD_DEREF,
                    ExprContext::Store => Opcode::STORE_DEREF,
                    ExprContext::Del => Opcode::DELETE_DEREF,
                };
                self.emit(op, i);
            }
        }
        Ok(())
    }

    /// The symbolic reference to cell or free variable `name` in the current
    /// block (settled by `fix_cell_offsets` when the unit is finished).
    pub(super) fn cell_ref(&self, name: &str) -> CResult<u32> {
        let b = self.block();
        if let Some(i) = b.cellvars().iter().position(|c| *c == name) {
            return Ok(i as u32);
        }
        if let Some(i) = b.freevars().iter().position(|c| *c == name) {
            return Ok(super::FREE_BIT | i as u32);
        }
        Err(CompileError::Internal(format!("'{name}' is neither a cell nor a free variable here")))
    }

    /// Push the closure tuple for a nested block that has free variables
    /// (CPython's `compiler_make_closure`); returns whether it did.
    pub(super) fn compile_closure(&mut self, child: crate::symtable::BlockId) -> CResult<bool> {
        let frees = self.table.block(child).freevars();
        if frees.is_empty() {
            return Ok(false);
        }
        for name in &frees {
            let i = self.cell_ref(name)?;
            self.emit(Opcode::LOAD_CLOSURE, i);
        }
        self.emit(Opcode::BUILD_TUPLE, frees.len() as u32);
        Ok(true)
    }

    /// A list, set or dict comprehension (3.11: a function called at once
    /// with the first iterator as its argument `.0`).
    fn compile_comprehension(&mut self, e: &Expr, generators: &[Comprehension], element: CompElement) -> CResult<()> {
        let block = self
            .table
            .lookup(e.range)
            .ok_or_else(|| CompileError::Internal("no block for a comprehension".into()))?;
        let is_async = self.table.block(block).coroutine;
        let generator_kind = matches!(element, CompElement::Generator(_));
        if is_async
            && !generator_kind
            && !self.block().async_def
            && self.block().comprehension.is_none()
            && !self.is_top_level_await()
        {
            let msg = "asynchronous comprehension outside of an asynchronous function";
            return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, e.range)));
        }
        let name = self.table.block(block).co_name().into_owned();
        let qualname = self.qualname(&name);
        let line = self.lines.line(e.range.start) as u32;
        self.enter_unit(block, qualname, line);
        self.unit().argcount = 1;
        self.emit_resume();
        self.set_pos(e.range);
        let (build, add) = match element {
            CompElement::Generator(_) => (Opcode::NOP, Opcode::NOP),
            CompElement::List(_) => (Opcode::BUILD_LIST, Opcode::LIST_APPEND),
            CompElement::Set(_) => (Opcode::BUILD_SET, Opcode::SET_ADD),
            CompElement::Dict(..) => (Opcode::BUILD_MAP, Opcode::MAP_ADD),
        };
        let generator = matches!(element, CompElement::Generator(_));
        if !generator {
            self.emit(build, 0);
        }
        self.compile_comprehension_loop(e, generators, 0, 0, element, add)?;
        if generator {
            self.emit_const_return_none();
        } else {
            self.set_pos(e.range);
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let code = self.leave_unit()?;

        self.set_pos(e.range);
        let closure = self.compile_closure(block)?;
        let i = self.add_const(Constant::Code(Box::new(code)));
        self.emit(Opcode::LOAD_CONST, i);
        self.emit(Opcode::MAKE_FUNCTION, if closure { 0x08 } else { 0 });
        self.compile_iter(&generators[0].iter)?;
        self.set_pos(e.range);
        self.emit(if generators[0].is_async != 0 { Opcode::GET_AITER } else { Opcode::GET_ITER }, 0);
        self.emit(Opcode::PRECALL, 0);
        self.emit(Opcode::CALL, 0);
        // Calling an async comprehension makes a coroutine: await it.
        if is_async && !generator_kind {
            self.emit(Opcode::GET_AWAITABLE, 0);
            let none = self.add_const(Constant::None);
            self.emit(Opcode::LOAD_CONST, none);
            self.emit_yield_from(true);
        }
        Ok(())
    }

    /// One `for` of a comprehension (CPython 3.11's
    /// `compiler_sync_comprehension_generator`); `depth` counts the
    /// iterators the enclosing `for`s keep on the stack.
    fn compile_comprehension_loop(
        &mut self,
        e: &Expr,
        generators: &[Comprehension],
        index: usize,
        depth: u32,
        element: CompElement,
        add: Opcode,
    ) -> CResult<()> {
        let g = &generators[index];
        if g.is_async != 0 {
            return self.compile_async_comprehension_loop(e, generators, index, depth, element, add);
        }
        // Labels in CPython's allocation order: the flow-graph optimizer
        // visits blocks by it.
        let (start, if_cleanup, cleanup) = (self.new_label(), self.new_label(), self.new_label());
        // The temporary-variable idiom `for y in [f(x)]` (not the first
        // `for`) stores the one item without a loop.
        let idiom = match &g.iter.kind {
            _ if index == 0 => None,
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => match elts.as_slice() {
                [x] if !matches!(x.kind, ExprKind::Starred { .. })
                    && self.fold(x).is_none() =>
                {
                    Some(x)
                }
                _ => None,
            },
            _ => None,
        };
        if index == 0 {
            // The first iterator is the argument `.0`.
            self.emit(Opcode::LOAD_FAST, 0);
        } else if let Some(x) = idiom {
            self.compile_expr(x)?;
            self.set_pos(e.range);
        } else {
            self.compile_iter(&g.iter)?;
            self.set_pos(e.range);
            self.emit(Opcode::GET_ITER, 0);
        }
        let depth = if idiom.is_none() {
            self.bind(start);
            self.set_pos(e.range);
            self.emit_jump(JumpKind::Fixed(Opcode::FOR_ITER), cleanup);
            depth + 1
        } else {
            depth
        };
        self.compile_store_target(&g.target)?;
        // CPython restores the location after visiting the target.
        self.set_pos(e.range);
        // A failed condition goes to the loop's own back jump (which the
        // optimizer threads into the condition when they share a line).
        for cond in &g.ifs {
            self.compile_jump_if(cond, if_cleanup, false)?;
        }
        self.compile_comprehension_inner(e, generators, index, depth, element, add)?;
        self.bind(if_cleanup);
        if idiom.is_none() {
            self.set_pos(e.range);
            self.emit_jump(JumpKind::Always, start);
            self.bind(cleanup);
        }
        Ok(())
    }

    /// What follows a comprehension's `for` and its conditions: the next
    /// `for`, or after the last one the element added (or yielded).
    fn compile_comprehension_inner(
        &mut self,
        e: &Expr,
        generators: &[Comprehension],
        index: usize,
        depth: u32,
        element: CompElement,
        add: Opcode,
    ) -> CResult<()> {
        if index + 1 < generators.len() {
            return self.compile_comprehension_loop(e, generators, index + 1, depth, element, add);
        }
        match element {
            CompElement::Generator(x) => {
                self.compile_expr(x)?;
                self.set_pos(e.range);
                self.emit_yield()?;
                self.emit(Opcode::POP_TOP, 0);
                return Ok(());
            }
            CompElement::List(x) | CompElement::Set(x) => self.compile_expr(x)?,
            CompElement::Dict(k, v) => {
                self.compile_expr(k)?;
                self.compile_expr(v)?;
            }
        }
        self.set_pos(e.range);
        self.emit(add, depth + 1);
        Ok(())
    }

    /// `await anext(iterator)` guarded by a handler at `except` (with the
    /// stack cut to `depth`) that ends the loop on StopAsyncIteration:
    /// CPython's `SETUP_FINALLY; GET_ANEXT; LOAD_CONST None; <SEND loop>;
    /// POP_BLOCK` of `async for`.
    pub(super) fn emit_guarded_anext(&mut self, except: Label, depth: u32) {
        let pos = self.unit().pos;
        self.unit().asm.emit_pseudo(pos);
        self.unit().asm.push_handler(except, depth, false);
        self.emit(Opcode::GET_ANEXT, 0);
        let none = self.add_const(Constant::None);
        self.emit(Opcode::LOAD_CONST, none);
        self.emit_yield_from(true);
        self.unit().asm.pop_handler();
        let pos = self.unit().pos;
        self.unit().asm.emit_pseudo(pos);
    }

    /// One `async for` of a comprehension (CPython 3.11's
    /// `compiler_async_comprehension_generator`).
    fn compile_async_comprehension_loop(
        &mut self,
        e: &Expr,
        generators: &[Comprehension],
        index: usize,
        depth: u32,
        element: CompElement,
        add: Opcode,
    ) -> CResult<()> {
        let g = &generators[index];
        let (start, except, if_cleanup) = (self.new_label(), self.new_label(), self.new_label());
        if index == 0 {
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            self.compile_expr(&g.iter)?;
            self.set_pos(e.range);
            self.emit(Opcode::GET_AITER, 0);
        }
        self.bind(start);
        self.set_pos(e.range);
        // The stack holds the collection being built (not for a generator
        // expression) and one iterator per enclosing `for`, this one's too.
        let built = u32::from(!matches!(element, CompElement::Generator(_)));
        let handler_depth = self.unit().block_depth + built + depth + 1;
        self.emit_guarded_anext(except, handler_depth);
        let depth = depth + 1;
        self.compile_store_target(&g.target)?;
        // CPython restores the location after visiting the target.
        self.set_pos(e.range);
        for cond in &g.ifs {
            self.compile_jump_if(cond, if_cleanup, false)?;
        }
        self.compile_comprehension_inner(e, generators, index, depth, element, add)?;
        self.bind(if_cleanup);
        self.set_pos(e.range);
        self.emit_jump(JumpKind::Always, start);
        self.bind(except);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        Ok(())
    }

    /// A list or tuple display (CPython's `starunpack_helper`, without
    /// starred items yet): more than two constants load as one constant
    /// tuple extended into a list.
    fn compile_sequence(&mut self, elts: &[Expr], build: Opcode) -> CResult<()> {
        let tuple = build == Opcode::BUILD_TUPLE;
        let (build, add, extend) = match build {
            Opcode::BUILD_SET => (Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE),
            _ => (Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND),
        };
        self.starunpack(elts, 0, build, add, extend, tuple)
    }

    /// CPython's `starunpack_helper`: build a list, set or tuple (with
    /// `pushed` items already on the stack) from `elts`, which may hold
    /// starred items; more than two constants load as one constant.
    fn starunpack(&mut self, elts: &[Expr], pushed: u32, build: Opcode, add: Opcode, extend: Opcode, tuple: bool) -> CResult<()> {
        let pos = self.unit().pos;
        let n = elts.len();
        let constants: Option<Vec<Constant>> = elts.iter().map(|x| self.fold(x)).collect();
        if let Some(items) = constants.filter(|_| n > 2) {
            if tuple && pushed == 0 {
                let i = self.add_const(Constant::Tuple(items));
                self.emit(Opcode::LOAD_CONST, i);
            } else {
                let folded = if add == Opcode::SET_ADD { super::fold::frozenset(items) } else { Constant::Tuple(items) };
                self.emit(build, pushed);
                let i = self.add_const(folded);
                self.emit(Opcode::LOAD_CONST, i);
                self.emit(extend, 1);
                if tuple {
                    self.emit(Opcode::LIST_TO_TUPLE, 0);
                }
            }
            return Ok(());
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e.kind, ExprKind::Starred { .. }));
        if !seen_star && !big {
            for e in elts {
                self.compile_expr(e)?;
                self.unit().pos = pos;
            }
            self.emit(if tuple { Opcode::BUILD_TUPLE } else { build }, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &e.kind {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.compile_expr(value)?;
                self.unit().pos = pos;
                self.emit(extend, 1);
            } else {
                self.compile_expr(e)?;
                self.unit().pos = pos;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    /// A dict display (CPython's `compiler_dict`): runs of `key: value`
    /// pairs as maps, merged with `**mapping` items by DICT_UPDATE.
    fn compile_dict(&mut self, keys: &[Option<Expr>], values: &[Expr]) -> CResult<()> {
        let pos = self.unit().pos;
        let n = values.len();
        let (mut have_dict, mut elements) = (false, 0);
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.compile_subdict(keys, values, i - elements, i, pos)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.compile_expr(&values[i])?;
                self.unit().pos = pos;
                self.emit(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.compile_subdict(keys, values, i - elements, i + 1, pos)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.compile_subdict(keys, values, n - elements, n, pos)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    /// Items `begin..end` of a dict display as one map (CPython's
    /// `compiler_subdict`): constant keys (more than one) use a key tuple.
    fn compile_subdict(&mut self, keys: &[Option<Expr>], values: &[Expr], begin: usize, end: usize, pos: Position) -> CResult<()> {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        let const_keys: Option<Vec<Constant>> = keys[begin..end].iter().map(|k| k.as_ref().and_then(|k| self.fold(k))).collect();
        if let (Some(ks), true) = (const_keys, n > 1 && !big) {
            for v in &values[begin..end] {
                self.compile_expr(v)?;
                self.unit().pos = pos;
            }
            let i = self.add_const(Constant::Tuple(ks));
            self.emit(Opcode::LOAD_CONST, i);
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.compile_expr(k)?;
            }
            self.compile_expr(&values[i])?;
            self.unit().pos = pos;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn compile_compare(&mut self, e: &Expr, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) -> CResult<()> {
        self.check_compare(e, left, ops, comparators);
        self.compile_expr(left)?;
        let n = ops.len() - 1;
        if n == 0 {
            self.compile_last_comparator(ops[0], &comparators[0])?;
            self.set_pos(e.range);
            self.emit_compare(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n {
            self.compile_expr(&comparators[i])?;
            self.set_pos(e.range);
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.emit_compare(ops[i]);
            self.emit_jump(JumpKind::Fixed(Opcode::JUMP_IF_FALSE_OR_POP), cleanup);
        }
        self.compile_last_comparator(ops[n], &comparators[n])?;
        self.set_pos(e.range);
        self.emit_compare(ops[n]);
        let end = self.new_label();
        self.emit_jump_noline(JumpKind::Always, end);
        self.bind(cleanup);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    /// A comparison's last operand: the AST optimizer's `fold_compare`
    /// turns a list or set display after `in` / `not in` into a tuple or
    /// frozenset, as for a `for` loop's iterable.
    fn compile_last_comparator(&mut self, op: CmpOp, e: &Expr) -> CResult<()> {
        match op {
            CmpOp::In | CmpOp::NotIn => self.compile_iter(e),
            _ => self.compile_expr(e),
        }
    }

    fn emit_compare(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Lt => (Opcode::COMPARE_OP, 0),
            CmpOp::LtE => (Opcode::COMPARE_OP, 1),
            CmpOp::Eq => (Opcode::COMPARE_OP, 2),
            CmpOp::NotEq => (Opcode::COMPARE_OP, 3),
            CmpOp::Gt => (Opcode::COMPARE_OP, 4),
            CmpOp::GtE => (Opcode::COMPARE_OP, 5),
            CmpOp::Is => (Opcode::IS_OP, 0),
            CmpOp::IsNot => (Opcode::IS_OP, 1),
            CmpOp::In => (Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit(opcode, arg);
    }

    /// A call (CPython's `compiler_call`): `obj.meth(...)` loads the method
    /// without binding it; a global function in a function body pushes its
    /// NULL through `LOAD_GLOBAL`'s low bit.
    fn compile_call(&mut self, e: &Expr, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> CResult<()> {
        // CPython's validate_keywords: a name given twice is an error at
        // its second use.
        for (i, k) in keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if let Some(again) = keywords[i + 1..].iter().find(|o| o.arg.as_ref() == Some(name)) {
                let msg = format!("keyword argument repeated: {}", name.as_str());
                return Err(CompileError::Syntax(krait_syntax::SyntaxError::syntax(msg, again.range)));
            }
        }
        self.check_caller(func, e);
        // CPython's maybe_optimize_method_call applies only to plain calls.
        let plain = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            && !keywords.iter().any(|k| k.arg.is_none())
            && args.len() + keywords.len() + usize::from(!keywords.is_empty()) < STACK_USE_GUIDELINE;
        match &func.kind {
            ExprKind::Attribute { value, attr, ctx: ExprContext::Load } if plain => {
                self.compile_expr(value)?;
                self.set_pos(func.range);
                let i = self.add_name(attr);
                self.emit(Opcode::LOAD_METHOD, i);
            }
            ExprKind::Name { id, ctx: ExprContext::Load }
                if self.block().kind == BlockType::Function
                    && matches!(self.scope(&self.mangle(id)), Some(Scope::GlobalImplicit | Scope::GlobalExplicit)) =>
            {
                self.set_pos(func.range);
                let i = self.add_name(id);
                self.emit(Opcode::LOAD_GLOBAL, (i << 1) | 1);
            }
            _ => {
                self.set_pos(func.range);
                self.emit(Opcode::PUSH_NULL, 0);
                self.set_pos(e.range);
                self.compile_expr(func)?;
            }
        }
        self.compile_call_helper(e.range, 0, args, keywords)
    }

    /// The arguments and the call itself, with `extra` arguments already
    /// pushed (CPython's `compiler_call_helper`).
    pub(super) fn compile_call_helper(
        &mut self,
        range: krait_syntax::text::TextRange,
        extra: u32,
        args: &[Expr],
        keywords: &[Keyword],
    ) -> CResult<()> {
        let starred = args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        if starred || extra as usize + args.len() + keywords.len() > STACK_USE_GUIDELINE {
            return self.compile_call_ex(range, extra, args, keywords);
        }
        for a in args {
            self.compile_expr(a)?;
        }
        for k in keywords {
            self.compile_expr(&k.value)?;
        }
        self.set_pos(range);
        if !keywords.is_empty() {
            let names = keywords
                .iter()
                .map(|k| Constant::Str(k.arg.as_ref().map_or("", |a| a.as_str()).into()))
                .collect();
            let i = self.add_const(Constant::Tuple(names));
            self.emit(Opcode::KW_NAMES, i);
        }
        let n = extra + (args.len() + keywords.len()) as u32;
        self.emit(Opcode::PRECALL, n);
        self.emit(Opcode::CALL, n);
        Ok(())
    }

    /// The iterable of a `for` loop or comprehension, with CPython's AST
    /// optimizer's `fold_iter`: a list display becomes a tuple, a set of
    /// constants a frozenset constant.
    pub(super) fn compile_iter(&mut self, e: &Expr) -> CResult<()> {
        match &e.kind {
            ExprKind::List { elts, .. } if !elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. })) => {
                self.set_pos(e.range);
                match elts.iter().map(|x| self.fold(x)).collect::<Option<Vec<_>>>() {
                    Some(items) => {
                        let i = self.add_const(Constant::Tuple(items));
                        self.emit(Opcode::LOAD_CONST, i);
                        Ok(())
                    }
                    None => self.compile_sequence(elts, Opcode::BUILD_TUPLE),
                }
            }
            ExprKind::Set { elts } => match elts.iter().map(|x| self.fold(x)).collect::<Option<Vec<_>>>() {
                Some(items) => {
                    self.set_pos(e.range);
                    let i = self.add_const(super::fold::frozenset(items));
                    self.emit(Opcode::LOAD_CONST, i);
                    Ok(())
                }
                None => self.compile_expr(e),
            },
            _ => self.compile_expr(e),
        }
    }

    /// `YIELD_VALUE; RESUME 1` (CPython's `addop_yield`).
    fn emit_yield(&mut self) -> CResult<()> {
        // An async generator wraps what it yields (CPython's
        // ASYNC_GEN_WRAP), to tell it from what `await` passes up.
        if self.block().coroutine && self.block().generator {
            self.emit(Opcode::ASYNC_GEN_WRAP, 0);
        }
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, 1);
        Ok(())
    }

    /// The `SEND` loop of `yield from` and `await` (CPython's
    /// `compiler_add_yield_from`).
    pub(super) fn emit_yield_from(&mut self, is_await: bool) {
        let (start, resume, exit) = (self.new_label(), self.new_label(), self.new_label());
        self.bind(start);
        self.emit_jump(JumpKind::Fixed(Opcode::SEND), exit);
        self.bind(resume);
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, if is_await { 3 } else { 2 });
        self.emit_jump(JumpKind::Fixed(Opcode::JUMP_BACKWARD_NO_INTERRUPT), start);
        self.bind(exit);
    }

    /// A call through `CALL_FUNCTION_EX`: the positional arguments as one
    /// tuple, the keyword arguments as one dict (CPython's `ex_call`).
    fn compile_call_ex(
        &mut self,
        range: krait_syntax::text::TextRange,
        extra: u32,
        args: &[Expr],
        keywords: &[Keyword],
    ) -> CResult<()> {
        self.set_pos(range);
        match args {
            [Expr { kind: ExprKind::Starred { value, .. }, .. }] if extra == 0 => {
                self.compile_expr(value)?;
                self.set_pos(range);
            }
            _ => self.starunpack(args, extra, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true)?,
        }
        if !keywords.is_empty() {
            let mut have_dict = false;
            let mut seen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if seen > 0 {
                        self.compile_subkwargs(range, &keywords[i - seen..i])?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        seen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.compile_expr(&k.value)?;
                    self.set_pos(range);
                    self.emit(Opcode::DICT_MERGE, 1);
                } else {
                    seen += 1;
                }
            }
            if seen > 0 {
                self.compile_subkwargs(range, &keywords[keywords.len() - seen..])?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, u32::from(!keywords.is_empty()));
        Ok(())
    }

    /// A run of `name=value` keywords as a dict (CPython's
    /// `compiler_subkwargs`).
    fn compile_subkwargs(&mut self, range: krait_syntax::text::TextRange, keywords: &[Keyword]) -> CResult<()> {
        let n = keywords.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        let name = |k: &Keyword| Constant::Str(k.arg.as_ref().map_or("", |a| a.as_str()).into());
        if n > 1 && !big {
            for k in keywords {
                self.compile_expr(&k.value)?;
                self.set_pos(range);
            }
            let i = self.add_const(Constant::Tuple(keywords.iter().map(name).collect()));
            self.emit(Opcode::LOAD_CONST, i);
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.unit().asm.emit(Opcode::BUILD_MAP, 0, Position::default());
        }
        for k in keywords {
            let i = self.add_const(name(k));
            self.emit(Opcode::LOAD_CONST, i);
            self.compile_expr(&k.value)?;
            self.set_pos(range);
            if big {
                self.unit().asm.emit(Opcode::MAP_ADD, 1, Position::default());
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    /// Jump to `target` when `e`'s truth is `cond` (CPython's
    /// `compiler_jump_if`, with its `not`, `and`/`or` and chained-comparison
    /// forms). The jumps are located where the code around them is (the
    /// statement, a pattern), except that a comparison moves that location
    /// to itself for the rest of the statement, as 3.11 does.
    pub(super) fn compile_jump_if(&mut self, e: &Expr, target: Label, cond: bool) -> CResult<()> {
        if matches!(e.kind, ExprKind::Compare { .. }) {
            self.unit().leaked_pos = Some(e.range);
            self.set_pos(e.range);
        }
        if let Some(folded) = negated_compare(e) {
            return self.compile_jump_if(&folded, target, cond);
        }
        match &e.kind {
            // `not CONSTANT` folds to a constant, tested as any other.
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } if self.fold(e).is_none() => {
                return self.compile_jump_if(operand, target, !cond)
            }
            ExprKind::BoolOp { op, values } => {
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond { Some(self.new_label()) } else { None };
                let (last, rest) = values.split_last().expect("a BoolOp has values");
                for v in rest {
                    self.compile_jump_if(v, next2.unwrap_or(target), cond2)?;
                }
                self.compile_jump_if(last, target, cond)?;
                if let Some(l) = next2 {
                    self.bind(l);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let (end, next2) = (self.new_label(), self.new_label());
                self.compile_jump_if(test, next2, false)?;
                self.compile_jump_if(body, target, cond)?;
                self.emit_jump_noline(JumpKind::Always, end);
                self.bind(next2);
                self.compile_jump_if(orelse, target, cond)?;
                self.bind(end);
                return Ok(());
            }
            ExprKind::Compare { left, ops, comparators } if ops.len() > 1 => {
                self.check_compare(e, left, ops, comparators);
                let n = ops.len() - 1;
                let cleanup = self.new_label();
                self.compile_expr(left)?;
                for i in 0..n {
                    self.compile_expr(&comparators[i])?;
                    self.set_pos(e.range);
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::COPY, 2);
                    self.emit_compare(ops[i]);
                    self.emit_jump(JumpKind::PopIfFalse, cleanup);
                }
                self.compile_last_comparator(ops[n], &comparators[n])?;
                self.set_pos(e.range);
                self.emit_compare(ops[n]);
                self.emit_jump(if cond { JumpKind::PopIfTrue } else { JumpKind::PopIfFalse }, target);
                let end = self.new_label();
                self.emit_jump_noline(JumpKind::Always, end);
                self.bind(cleanup);
                self.emit(Opcode::POP_TOP, 0);
                if !cond {
                    self.emit_jump_noline(JumpKind::Always, target);
                }
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        let around = self.unit().pos;
        self.compile_expr(e)?;
        self.unit().pos = around;
        self.emit_jump(if cond { JumpKind::PopIfTrue } else { JumpKind::PopIfFalse }, target);
        Ok(())
    }
}

/// `BINARY_OP`'s argument for `op` (CPython's `NB_*` order).
pub(super) fn binary_op_arg(op: Operator) -> u32 {
    match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    }
}

/// `not (a is b)` as `a is not b` (and `in`/`not in` alike): CPython's
/// AST optimizer folds the `not` into a single comparison, which then
/// stands where the comparison stood.
fn negated_compare(e: &Expr) -> Option<Expr> {
    let ExprKind::UnaryOp { op: UnaryOp::Not, operand } = &e.kind else { return None };
    let ExprKind::Compare { ops, .. } = &operand.kind else { return None };
    let [op] = ops.as_slice() else { return None };
    let flipped = match op {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return None,
    };
    let mut folded = (**operand).clone();
    if let ExprKind::Compare { ops, .. } = &mut folded.kind {
        ops[0] = flipped;
    }
    Some(folded)
}

/// CPython's STACK_USE_GUIDELINE: longer sequences are built another way.
const STACK_USE_GUIDELINE: usize = 30;

fn unsupported(kind: &ExprKind) -> CompileError {
    let name = format!("{kind:?}");
    let name = name.split([' ', '{', '(']).next().unwrap_or("expression").to_string();
    CompileError::Unsupported(format!("compiling {name} expressions"))
}
