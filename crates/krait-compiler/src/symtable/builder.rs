//! Pass 1: walk the AST, open a block per scope, record the raw facts of
//! every name (CPython 3.11's `symtable_visit_*` functions).
//!
//! Invariants:
//! - Nodes are visited in CPython's order (a function's defaults, then
//!   keyword defaults, annotations, decorators, then its body; a
//!   comprehension's first iterator in the enclosing block, the rest in its
//!   own), because the order decides symbol insertion order and which error
//!   is reported first.
//! - `stack` mirrors `st_stack`: the open blocks, innermost last; `cur` is
//!   its top. An annotation block (future annotations only) is opened and
//!   closed like any other but never linked into its parent's children.
//! - Every visit of a statement, expression or pattern counts towards
//!   CPython's compiler recursion limit, so deep trees end in
//!   `SymtableError::Recursion`, never in a Rust stack overflow.

use krait_syntax::ast::{
    Alias, Arg, Arguments, Comprehension, ExceptHandler, ExceptHandlerKind, Expr, ExprContext,
    ExprKind, Keyword, MatchCase, Mod, Pattern, PatternKind, Stmt, StmtKind, WithItem,
};
use krait_syntax::{SyntaxError, TextRange};

use super::{
    mangle, Block, BlockId, BlockType, ComprehensionKind, Directive, FutureFeatures, SymbolFlags,
    SymtableError,
};

type Result<T> = std::result::Result<T, SymtableError>;

/// CPython scales the Python recursion limit and depth by this for the
/// compiler's own (the limit is `sys.getrecursionlimit()` times this).
const COMPILER_STACK_FRAME_SCALE: u32 = 3;

/// Run pass 1 over a module: the blocks, module first, annotation blocks
/// included (unlinked).
pub(super) fn build(
    module: &Mod,
    future: &FutureFeatures,
    depth: u32,
    recursion_limit: u32,
) -> Result<Vec<Block>> {
    let mut b = Builder {
        blocks: vec![Block::new(
            BlockType::Module,
            "top",
            TextRange::default(),
            None,
        )],
        stack: vec![BlockId::TOP],
        private: None,
        future_annotations: future.annotations(),
        depth: depth.saturating_mul(COMPILER_STACK_FRAME_SCALE),
        limit: recursion_limit.saturating_mul(COMPILER_STACK_FRAME_SCALE),
    };
    match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => b.visit_body(body)?,
        Mod::Expression { body } => b.visit_expr(body)?,
        Mod::FunctionType { .. } => {}
    }
    Ok(b.blocks)
}

struct Builder {
    blocks: Vec<Block>,
    stack: Vec<BlockId>,
    /// The name of the innermost enclosing class, for mangling.
    private: Option<Box<str>>,
    future_annotations: bool,
    depth: u32,
    limit: u32,
}

fn syntax(msg: String, range: TextRange) -> SymtableError {
    SymtableError::Syntax(SyntaxError::syntax(msg, range))
}

impl Builder {
    #[inline]
    fn cur_id(&self) -> BlockId {
        *self.stack.last().unwrap_or(&BlockId::TOP)
    }

    #[inline]
    fn cur(&mut self) -> &mut Block {
        let id = self.cur_id();
        &mut self.blocks[id.index()]
    }

    #[inline]
    fn cur_ref(&self) -> &Block {
        &self.blocks[self.cur_id().index()]
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > self.limit {
            return Err(SymtableError::Recursion);
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// `symtable_enter_block`.
    fn enter_block(&mut self, name: &str, kind: BlockType, range: TextRange, annotation: bool) {
        let prev = self.cur_id();
        let id = BlockId(self.blocks.len() as u32);
        let mut block = Block::new(kind, name, range, Some(prev));
        let parent = &self.blocks[prev.index()];
        block.nested = parent.nested || parent.kind == BlockType::Function;
        // bpo-37757: no walrus anywhere inside a comprehension's iterable.
        block.comp_iter_expr = parent.comp_iter_expr;
        block.is_annotation = annotation;
        self.blocks.push(block);
        self.stack.push(id);
        if !annotation {
            self.blocks[prev.index()].children.push(id);
        }
    }

    fn exit_block(&mut self) {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    /// `symtable_add_def_helper`: record `flag` for `name` in `block`.
    fn add_def_in(
        &mut self,
        name: &str,
        flag: SymbolFlags,
        block: BlockId,
        range: TextRange,
    ) -> Result<()> {
        let mangled = mangle(self.private.as_deref(), name);
        let ste = &mut self.blocks[block.index()];
        let old = ste.flags(&mangled);
        if flag.intersects(SymbolFlags::DEF_PARAM) && old.intersects(SymbolFlags::DEF_PARAM) {
            return Err(syntax(
                format!("duplicate argument '{name}' in function definition"),
                range,
            ));
        }
        let mut val = old | flag;
        if ste.comp_iter_target {
            if val.intersects(SymbolFlags::DEF_GLOBAL | SymbolFlags::DEF_NONLOCAL) {
                return Err(syntax(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    range,
                ));
            }
            val |= SymbolFlags::DEF_COMP_ITER;
        }
        ste.set_flags(&mangled, val);
        if flag.intersects(SymbolFlags::DEF_PARAM) {
            ste.varnames.push(mangled.as_ref().into());
        } else if flag.intersects(SymbolFlags::DEF_GLOBAL) {
            let top = &mut self.blocks[0];
            let g = top.flags(&mangled) | flag;
            top.set_flags(&mangled, g);
        }
        Ok(())
    }

    /// `symtable_add_def`: in the current block.
    fn add_def(&mut self, name: &str, flag: SymbolFlags, range: TextRange) -> Result<()> {
        let cur = self.cur_id();
        self.add_def_in(name, flag, cur, range)
    }

    /// `symtable_lookup`: the flags of a name in the current block.
    fn lookup(&self, name: &str) -> SymbolFlags {
        let mangled = mangle(self.private.as_deref(), name);
        self.cur_ref().flags(&mangled)
    }

    fn record_directive(&mut self, name: &str, range: TextRange) {
        let mangled = mangle(self.private.as_deref(), name).as_ref().into();
        self.cur().directives.push(Directive {
            name: mangled,
            range,
        });
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs(&mut self, exprs: &[Expr]) -> Result<()> {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_opt(&mut self, e: &Option<Box<Expr>>) -> Result<()> {
        match e {
            Some(e) => self.visit_expr(e),
            None => Ok(()),
        }
    }

    fn visit_stmt(&mut self, s: &Stmt) -> Result<()> {
        self.enter()?;
        self.visit_stmt_kind(s)?;
        self.leave();
        Ok(())
    }

    fn visit_stmt_kind(&mut self, s: &Stmt) -> Result<()> {
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                self.visit_function(s, name, args, body, decorator_list, returns, false)?;
            }
            StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                self.visit_function(s, name, args, body, decorator_list, returns, true)?;
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.add_def(name, SymbolFlags::DEF_LOCAL, s.range)?;
                self.visit_exprs(bases)?;
                self.visit_keywords(keywords)?;
                self.visit_exprs(decorator_list)?;
                self.enter_block(name, BlockType::Class, s.range, false);
                let saved = self.private.replace(name.as_str().into());
                self.visit_body(body)?;
                self.private = saved;
                self.exit_block();
            }
            StmtKind::Return { value } => {
                if let Some(value) = value {
                    self.visit_expr(value)?;
                    self.cur().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.visit_ann_assign(s, target, annotation, value, *simple != 0)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            }
            | StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                cases.iter().try_for_each(|c| self.visit_match_case(c))?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(exc) = exc {
                    self.visit_expr(exc)?;
                    self.visit_opt(cause)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            }
            | StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.visit_body(body)?;
                self.visit_body(orelse)?;
                handlers.iter().try_for_each(|h| self.visit_handler(h))?;
                self.visit_body(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                self.visit_opt(msg)?;
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                names.iter().try_for_each(|a| self.visit_alias(a))?;
            }
            StmtKind::Global { names } => {
                for name in names {
                    self.visit_declaration(s, name, true)?;
                }
            }
            StmtKind::Nonlocal { names } => {
                for name in names {
                    self.visit_declaration(s, name, false)?;
                }
            }
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                items.iter().try_for_each(|i| self.visit_withitem(i))?;
                self.visit_body(body)?;
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn visit_function(
        &mut self,
        s: &Stmt,
        name: &str,
        args: &Arguments,
        body: &[Stmt],
        decorators: &[Expr],
        returns: &Option<Box<Expr>>,
        is_async: bool,
    ) -> Result<()> {
        self.add_def(name, SymbolFlags::DEF_LOCAL, s.range)?;
        self.visit_exprs(&args.defaults)?;
        for default in args.kw_defaults.iter().flatten() {
            self.visit_expr(default)?;
        }
        self.visit_annotations(s.range, args, returns.as_deref())?;
        self.visit_exprs(decorators)?;
        self.enter_block(name, BlockType::Function, s.range, false);
        if is_async {
            self.cur().coroutine = true;
            self.cur().async_def = true;
        }
        self.visit_arguments(args)?;
        self.visit_body(body)?;
        self.exit_block();
        Ok(())
    }

    fn visit_ann_assign(
        &mut self,
        s: &Stmt,
        target: &Expr,
        annotation: &Expr,
        value: &Option<Box<Expr>>,
        simple: bool,
    ) -> Result<()> {
        if let ExprKind::Name { id, .. } = &target.kind {
            let cur = self.lookup(id);
            let in_module = self.cur_id() == BlockId::TOP;
            if cur.intersects(SymbolFlags::DEF_GLOBAL | SymbolFlags::DEF_NONLOCAL)
                && !in_module
                && simple
            {
                let what = if cur.intersects(SymbolFlags::DEF_GLOBAL) {
                    "global"
                } else {
                    "nonlocal"
                };
                return Err(syntax(
                    format!("annotated name '{}' can't be {what}", id.as_str()),
                    s.range,
                ));
            }
            if simple {
                self.add_def(
                    id,
                    SymbolFlags::DEF_ANNOT | SymbolFlags::DEF_LOCAL,
                    target.range,
                )?;
            } else if value.is_some() {
                self.add_def(id, SymbolFlags::DEF_LOCAL, target.range)?;
            }
        } else {
            self.visit_expr(target)?;
        }
        self.visit_annotation(annotation)?;
        self.visit_opt(value)
    }

    /// A `global` or `nonlocal` name.
    fn visit_declaration(&mut self, s: &Stmt, name: &str, global: bool) -> Result<()> {
        let cur = self.lookup(name);
        if cur.intersects(
            SymbolFlags::DEF_PARAM
                | SymbolFlags::DEF_LOCAL
                | SymbolFlags::USE
                | SymbolFlags::DEF_ANNOT,
        ) {
            let kind = if global { "global" } else { "nonlocal" };
            let msg = if cur.intersects(SymbolFlags::DEF_PARAM) {
                format!("name '{name}' is parameter and {kind}")
            } else if cur.intersects(SymbolFlags::USE) {
                format!("name '{name}' is used prior to {kind} declaration")
            } else if cur.intersects(SymbolFlags::DEF_ANNOT) {
                format!("annotated name '{name}' can't be {kind}")
            } else {
                format!("name '{name}' is assigned to before {kind} declaration")
            };
            return Err(syntax(msg, s.range));
        }
        let flag = if global {
            SymbolFlags::DEF_GLOBAL
        } else {
            SymbolFlags::DEF_NONLOCAL
        };
        self.add_def(name, flag, s.range)?;
        self.record_directive(name, s.range);
        Ok(())
    }

    /// `symtable_visit_annotation`: in its own (unlinked) block under
    /// `from __future__ import annotations`, else in the current block.
    fn visit_annotation(&mut self, annotation: &Expr) -> Result<()> {
        if self.future_annotations {
            self.enter_block("_annotation", BlockType::Function, annotation.range, true);
            self.visit_expr(annotation)?;
            self.exit_block();
            Ok(())
        } else {
            self.visit_expr(annotation)
        }
    }

    /// `symtable_visit_annotations`: a function's parameter and return
    /// annotations, before its block opens.
    fn visit_annotations(
        &mut self,
        range: TextRange,
        args: &Arguments,
        returns: Option<&Expr>,
    ) -> Result<()> {
        let future = self.future_annotations;
        if future {
            self.enter_block("_annotation", BlockType::Function, range, true);
        }
        fn annotated(a: &Arg) -> Option<&Expr> {
            a.annotation.as_ref()
        }
        for a in args.posonlyargs.iter().chain(&args.args) {
            if let Some(e) = annotated(a) {
                self.visit_expr(e)?;
            }
        }
        for a in args
            .vararg
            .iter()
            .chain(&args.kwarg)
            .chain(&args.kwonlyargs)
        {
            if let Some(e) = annotated(a) {
                self.visit_expr(e)?;
            }
        }
        if future {
            self.exit_block();
        }
        if let Some(returns) = returns {
            self.visit_annotation(returns)?;
        }
        Ok(())
    }

    /// `symtable_visit_arguments`: the parameters, in `co_varnames` order.
    fn visit_arguments(&mut self, args: &Arguments) -> Result<()> {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&a.arg, SymbolFlags::DEF_PARAM, a.range)?;
        }
        if let Some(a) = &args.vararg {
            self.add_def(&a.arg, SymbolFlags::DEF_PARAM, a.range)?;
            self.cur().varargs = true;
        }
        if let Some(a) = &args.kwarg {
            self.add_def(&a.arg, SymbolFlags::DEF_PARAM, a.range)?;
            self.cur().varkeywords = true;
        }
        Ok(())
    }

    fn visit_keywords(&mut self, keywords: &[Keyword]) -> Result<()> {
        keywords.iter().try_for_each(|k| self.visit_expr(&k.value))
    }

    fn visit_handler(&mut self, h: &ExceptHandler) -> Result<()> {
        let ExceptHandlerKind::ExceptHandler { type_, name, body } = &h.kind;
        self.visit_opt(type_)?;
        if let Some(name) = name {
            self.add_def(name, SymbolFlags::DEF_LOCAL, h.range)?;
        }
        self.visit_body(body)
    }

    fn visit_withitem(&mut self, item: &WithItem) -> Result<()> {
        self.visit_expr(&item.context_expr)?;
        if let Some(vars) = &item.optional_vars {
            self.visit_expr(vars)?;
        }
        Ok(())
    }

    /// `symtable_visit_alias`: `import a.b` binds `a`; `*` binds nothing and
    /// is allowed only in the module block.
    fn visit_alias(&mut self, a: &Alias) -> Result<()> {
        let name = a.asname.as_ref().unwrap_or(&a.name).as_str();
        if name == "*" {
            if self.cur_ref().kind != BlockType::Module {
                return Err(syntax(
                    "import * only allowed at module level".into(),
                    a.range,
                ));
            }
            return Ok(());
        }
        let store = name.split('.').next().unwrap_or(name);
        self.add_def(store, SymbolFlags::DEF_IMPORT, a.range)
    }

    fn visit_match_case(&mut self, c: &MatchCase) -> Result<()> {
        self.visit_pattern(&c.pattern)?;
        if let Some(guard) = &c.guard {
            self.visit_expr(guard)?;
        }
        self.visit_body(&c.body)
    }

    fn visit_pattern(&mut self, p: &Pattern) -> Result<()> {
        self.enter()?;
        match &p.kind {
            PatternKind::MatchValue { value } => self.visit_expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
            }
            PatternKind::MatchStar { name } => {
                if let Some(name) = name {
                    self.add_def(name, SymbolFlags::DEF_LOCAL, p.range)?;
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.visit_exprs(keys)?;
                patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                if let Some(rest) = rest {
                    self.add_def(rest, SymbolFlags::DEF_LOCAL, p.range)?;
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.visit_expr(cls)?;
                patterns.iter().try_for_each(|p| self.visit_pattern(p))?;
                kwd_patterns
                    .iter()
                    .try_for_each(|p| self.visit_pattern(p))?;
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(pattern) = pattern {
                    self.visit_pattern(pattern)?;
                }
                if let Some(name) = name {
                    self.add_def(name, SymbolFlags::DEF_LOCAL, p.range)?;
                }
            }
        }
        self.leave();
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> Result<()> {
        self.enter()?;
        self.visit_expr_kind(e)?;
        self.leave();
        Ok(())
    }

    fn visit_expr_kind(&mut self, e: &Expr) -> Result<()> {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.raise_if_annotation_block("named expression", e)?;
                self.visit_named_expr(e, target, value)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_exprs(&args.defaults)?;
                for default in args.kw_defaults.iter().flatten() {
                    self.visit_expr(default)?;
                }
                self.enter_block("lambda", BlockType::Function, e.range, false);
                self.visit_arguments(args)?;
                self.visit_expr(body)?;
                self.exit_block();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for key in keys.iter().flatten() {
                    self.visit_expr(key)?;
                }
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                self.visit_exprs(elts)?;
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comprehension(e, ComprehensionKind::Generator, generators, elt, None)?;
            }
            ExprKind::ListComp { elt, generators } => {
                self.visit_comprehension(e, ComprehensionKind::List, generators, elt, None)?;
            }
            ExprKind::SetComp { elt, generators } => {
                self.visit_comprehension(e, ComprehensionKind::Set, generators, elt, None)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.visit_comprehension(e, ComprehensionKind::Dict, generators, key, Some(value))?;
            }
            ExprKind::Yield { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.visit_opt(value)?;
                self.cur().generator = true;
                self.raise_if_comprehension_block(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.visit_expr(value)?;
                self.cur().generator = true;
                self.raise_if_comprehension_block(e)?;
            }
            ExprKind::Await { value } => {
                self.raise_if_annotation_block("await expression", e)?;
                self.visit_expr(value)?;
                self.cur().coroutine = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                self.visit_keywords(keywords)?;
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                self.visit_opt(format_spec)?;
            }
            ExprKind::JoinedStr { values } => self.visit_exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                self.visit_opt(lower)?;
                self.visit_opt(upper)?;
                self.visit_opt(step)?;
            }
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load {
                    SymbolFlags::USE
                } else {
                    SymbolFlags::DEF_LOCAL
                };
                self.add_def(id, flag, e.range)?;
                // `super()` needs `__class__`: it counts as a use of it.
                if *ctx == ExprContext::Load
                    && self.cur_ref().kind == BlockType::Function
                    && !self.cur_ref().is_annotation
                    && id.as_str() == "super"
                {
                    self.add_def("__class__", SymbolFlags::USE, e.range)?;
                }
            }
        }
        Ok(())
    }

    fn raise_if_annotation_block(&self, what: &str, e: &Expr) -> Result<()> {
        if self.cur_ref().is_annotation {
            return Err(syntax(
                format!("'{what}' can not be used within an annotation"),
                e.range,
            ));
        }
        Ok(())
    }

    fn raise_if_comprehension_block(&self, e: &Expr) -> Result<()> {
        let msg = match self.cur_ref().comprehension {
            None => return Ok(()),
            Some(ComprehensionKind::List) => "'yield' inside list comprehension",
            Some(ComprehensionKind::Set) => "'yield' inside set comprehension",
            Some(ComprehensionKind::Dict) => "'yield' inside dict comprehension",
            Some(ComprehensionKind::Generator) => "'yield' inside generator expression",
        };
        Err(syntax(msg.into(), e.range))
    }

    /// `symtable_handle_namedexpr`.
    fn visit_named_expr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> Result<()> {
        if self.cur_ref().comp_iter_expr > 0 {
            return Err(syntax(
                "assignment expression cannot be used in a comprehension iterable expression"
                    .into(),
                e.range,
            ));
        }
        if self.cur_ref().comprehension.is_some() {
            self.extend_named_expr_scope(target)?;
        }
        self.visit_expr(value)?;
        self.visit_expr(target)
    }

    /// `symtable_extend_namedexpr_scope`: a walrus inside a comprehension
    /// binds in the nearest enclosing function or module block.
    fn extend_named_expr_scope(&mut self, target: &Expr) -> Result<()> {
        let ExprKind::Name { id, .. } = &target.kind else {
            return Ok(());
        };
        let name = id.as_str();
        let range = target.range;
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let ste = &self.blocks[id.index()];
            if ste.comprehension.is_some() {
                if ste.flags(name).intersects(SymbolFlags::DEF_COMP_ITER) {
                    return Err(syntax(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        range,
                    ));
                }
                continue;
            }
            if ste.is_annotation {
                continue;
            }
            match ste.kind {
                BlockType::Function => {
                    let flag = if ste.flags(name).intersects(SymbolFlags::DEF_GLOBAL) {
                        SymbolFlags::DEF_GLOBAL
                    } else {
                        SymbolFlags::DEF_NONLOCAL
                    };
                    self.add_def(name, flag, range)?;
                    self.record_directive(name, range);
                    return self.add_def_in(name, SymbolFlags::DEF_LOCAL, id, range);
                }
                BlockType::Module => {
                    self.add_def(name, SymbolFlags::DEF_GLOBAL, range)?;
                    self.record_directive(name, range);
                    return self.add_def_in(name, SymbolFlags::DEF_GLOBAL, id, range);
                }
                BlockType::Class => {
                    return Err(syntax(
                        "assignment expression within a comprehension cannot be used in a class body"
                            .into(),
                        range,
                    ));
                }
            }
        }
        Ok(())
    }

    /// `symtable_handle_comprehension`: the first iterator in the current
    /// block, the rest in a new function block taking it as `.0`.
    fn visit_comprehension(
        &mut self,
        e: &Expr,
        kind: ComprehensionKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<()> {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur().comp_iter_expr -= 1;
        let name = match kind {
            ComprehensionKind::List => "listcomp",
            ComprehensionKind::Set => "setcomp",
            ComprehensionKind::Dict => "dictcomp",
            ComprehensionKind::Generator => "genexpr",
        };
        self.enter_block(name, BlockType::Function, e.range, false);
        self.cur().comprehension = Some(kind);
        if outermost.is_async != 0 {
            self.cur().coroutine = true;
        }
        self.add_def(".0", SymbolFlags::DEF_PARAM, e.range)?;
        self.cur().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.cur().comp_iter_target = true;
            self.visit_expr(&g.target)?;
            self.cur().comp_iter_target = false;
            self.cur().comp_iter_expr += 1;
            self.visit_expr(&g.iter)?;
            self.cur().comp_iter_expr -= 1;
            self.visit_exprs(&g.ifs)?;
            if g.is_async != 0 {
                self.cur().coroutine = true;
            }
        }
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        self.visit_expr(elt)?;
        let is_generator = kind == ComprehensionKind::Generator;
        self.cur().generator = is_generator;
        let is_async = self.cur_ref().coroutine && !is_generator;
        self.exit_block();
        // 3.11: an async list/set/dict comprehension makes its enclosing
        // block a coroutine (an outer comprehension becomes async too).
        if is_async {
            self.cur().coroutine = true;
        }
        Ok(())
    }
}
