//! Code generation: AST + symbol table -> code objects, following CPython
//! 3.11's `Python/compile.c` so that `dis` of Krait's code reads as
//! CPython's (checked instruction by instruction by tests/codegen.rs).
//!
//! Invariants:
//! - One `Unit` per block being compiled (module, class body, function,
//!   comprehension), stacked as CPython's `compiler_unit`s; a nested block's
//!   code object becomes a constant of its parent's.
//! - How a name is loaded or stored is decided by the symbol table's scope
//!   for it in the current block, never by the generator's own analysis.
//! - `co_consts` holds each constant once, keyed as CPython keys them (so
//!   `1`, `1.0`, `True`, `0.0` and `-0.0` stay distinct); `co_names` and the
//!   non-parameter `co_varnames` grow in order of first use.
//! - Constructs not generated yet are `CompileError::Unsupported`, reported
//!   as NotImplementedError naming the construct; never a panic.

mod expr;
mod fold;
mod pattern;
mod stmt;
mod unparse;
mod warnings;

use krait_syntax::ast::{Mod, Stmt};

use krait_syntax::text::{LineIndex, TextRange};
use krait_syntax::tokenizer::Warning;
use krait_syntax::SyntaxError;

use crate::assemble::{Assembler, JumpKind, Label};
use crate::code::{CodeObject, Constant, Position};
use crate::opcode::Opcode;
use crate::symtable::{Block, BlockId, BlockType, Scope, SymbolTable};

/// The range of nodes the compiler makes that have no location (CPython's
/// `-1` positions): their instructions take the location before them.
pub(super) const NO_LOCATION: TextRange = TextRange::new(u32::MAX, u32::MAX);

/// Why a module could not be compiled.
#[derive(Debug, Clone, PartialEq)]
pub enum CompileError {
    /// A syntax error the compiler raises (symbol table or code generation).
    Syntax(SyntaxError),
    /// `RecursionError: maximum recursion depth exceeded during compilation`.
    Recursion,
    /// A construct the code generator does not handle yet: a
    /// NotImplementedError naming it.
    Unsupported(String),
    /// A malformed instruction stream: a bug in the code generator.
    Internal(String),
}

pub type CResult<T> = Result<T, CompileError>;

/// Compile a module's AST (`compile(source, filename, 'exec')`).
pub fn compile_module(module: &Mod, source: &str, filename: &str) -> CResult<CodeObject> {
    compile_module_warned(module, source, filename).0
}

/// Compile a module's AST, with the SyntaxWarnings the compiler found on
/// the way (also when it then failed: CPython shows those before the
/// error).
pub fn compile_module_warned(module: &Mod, source: &str, filename: &str) -> (CResult<CodeObject>, Vec<Warning>) {
    compile_module_lines(module, LineIndex::new(source), filename)
}

/// As `compile_module_warned`, for a tree whose positions `lines` gives
/// (`compile()` of an `ast` tree, which has no text).
pub fn compile_module_lines(module: &Mod, lines: LineIndex, filename: &str) -> (CResult<CodeObject>, Vec<Warning>) {
    compile_module_with(module, lines, filename, CompileOptions::default())
}

/// What `compile()`'s `flags` and `optimize` ask of the compiler.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CompileOptions {
    /// `CO_FUTURE_*` features in force without a `__future__` import: the
    /// flags passed, and those the calling code has unless `dont_inherit`.
    pub features: u32,
    /// CPython's optimization level: 1 leaves out `assert` statements and
    /// folds `__debug__` to False; 2 also leaves out docstrings.
    pub optimize: u8,
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT`: `await`, `async for`, `async with`
    /// and async comprehensions are allowed at module level, and a module
    /// using them compiles to a coroutine's code (`CO_COROUTINE`).
    pub top_level_await: bool,
}

/// Compile a module's AST as `options` says.
pub fn compile_module_with(
    module: &Mod,
    lines: LineIndex,
    filename: &str,
    options: CompileOptions,
) -> (CResult<CodeObject>, Vec<Warning>) {
    let build = crate::symtable::BuildOptions { inherited_features: options.features, ..Default::default() };
    let table = match SymbolTable::build_lines(module, &lines, build) {
        Ok(t) => t,
        Err(crate::symtable::SymtableError::Syntax(e)) => return (Err(CompileError::Syntax(e)), Vec::new()),
        Err(crate::symtable::SymtableError::Recursion) => return (Err(CompileError::Recursion), Vec::new()),
    };
    let mut c = Compiler {
        table: &table,
        lines,
        filename,
        units: Vec::new(),
        interactive: false,
        warnings: Vec::new(),
        optimize: options.optimize,
        top_level_await: options.top_level_await,
    };
    let result = c.compile_mod(module);
    (result, c.warnings)
}

impl Compiler<'_> {
    fn compile_mod(&mut self, module: &Mod) -> CResult<CodeObject> {
        let c = self;
        c.enter_unit(BlockId(0), "<module>".into(), 1);
        c.emit_resume();
        let body = match module {
            Mod::Module { body, .. } => body,
            // `compile(..., 'eval')`: the expression's value is returned.
            Mod::Expression { body } => {
                c.compile_expr(body)?;
                c.unit().pos = Position::default();
                c.emit(Opcode::RETURN_VALUE, 0);
                return c.leave_unit();
            }
            // `compile(..., 'single')`: expression statements print their value.
            Mod::Interactive { body } => {
                if find_annotation(body) {
                    // CPython emits it at line 1, columns 0-0, whatever the statement.
                    let one = Some(1);
                    c.unit().pos = Position { lineno: one, end_lineno: one, col_offset: Some(0), end_col_offset: Some(0) };
                    c.emit(Opcode::SETUP_ANNOTATIONS, 0);
                }
                c.interactive = true;
                c.compile_body(body)?;
                c.emit_const_return_none();
                return c.leave_unit();
            }
            Mod::FunctionType { .. } => return Err(CompileError::Unsupported("compiling a function type".into())),
        };
        c.compile_namespace_body(body)?;
        c.emit_const_return_none();
        c.leave_unit()
    }
}

struct Compiler<'a> {
    table: &'a SymbolTable,
    lines: LineIndex,
    filename: &'a str,
    units: Vec<Unit>,
    /// Compiling for `'single'` mode: module-level expression statements
    /// print their value (PRINT_EXPR).
    interactive: bool,
    /// `CompileOptions::optimize`.
    optimize: u8,
    /// `CompileOptions::top_level_await`.
    top_level_await: bool,
    /// The SyntaxWarnings found so far (see `warnings`).
    warnings: Vec<Warning>,
}

/// A loop's jump targets, for `break` and `continue`.
#[derive(Clone, Copy)]
struct Loop {
    continue_to: Label,
    break_to: Label,
    /// A `for` loop leaves its iterator on the stack; `break` pops it.
    pops_iterator: bool,
}

/// A protected region of the assembler's handler stack.
#[derive(Clone, Copy)]
struct Region {
    target: Label,
    depth: u32,
    lasti: bool,
}

/// A block that `return`, `break` and `continue` must unwind on their way
/// out (CPython's `fblockinfo`).
#[derive(Clone)]
enum FBlock {
    Loop(Loop),
    /// A `try` body, protected by `region`.
    TryBody(Region),
    /// An `except` clause's body: `outer` protects the whole except section
    /// (restores the previous exception); `inner` the body of an
    /// `except ... as name:` (clears the name).
    Handler { name: Option<String>, inner: Option<Region>, outer: Region },
    /// The body of a `try` with a `finally` (and its except clauses):
    /// leaving it runs a copy of the `finally` body.
    FinallyTry { region: Region, finalbody: Vec<Stmt> },
    /// The `finally` body run for an exception, protected by `region`
    /// (restores the previous exception); the exception is on the stack.
    FinallyEnd(Region),
    /// A return value kept on the stack while a `finally` body runs.
    PopValue,
    /// The body of a `with` statement (at `range`), protected by `region`:
    /// leaving it calls `__exit__(None, None, None)`.
    With { region: Region, range: TextRange, is_async: bool },
    /// The `except*` clauses of a `try` statement: nothing may leave them
    /// by `break`, `continue` or `return`.
    ExceptionGroupHandler,
}

struct Unit {
    block: BlockId,
    asm: Assembler,
    consts: Vec<Constant>,
    names: Vec<String>,
    varnames: Vec<String>,
    qualname: String,
    /// The class name private names (`__x`) are mangled with: the
    /// innermost enclosing class's (CPython's `u_private`).
    private: Option<String>,
    firstlineno: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    fblocks: Vec<FBlock>,
    /// Stack items that enclosing blocks hold at statement boundaries (one
    /// per `for` iterator, one per `except` handler's saved exception);
    /// handler regions are entered with the stack cut to this depth.
    block_depth: u32,
    /// The position given to the instructions being emitted.
    pos: Position,
    /// A comparison's position that 3.11's `compiler_jump_if` leaves set
    /// (SET_LOC without restoring) for the rest of the statement; cleared
    /// at each statement. Only `assert` uses it so far.
    leaked_pos: Option<TextRange>,
    /// The source range `pos` was last set from (for errors located where
    /// the code being emitted is, as CPython's `u_loc`).
    pos_range: TextRange,
    /// A top-level `async for` or `async with` was compiled (CPython's
    /// compiler sets `ste_coroutine` then): the module is a coroutine.
    awaits: bool,
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a unit is being compiled")
    }

    fn block(&self) -> &'a Block {
        let id = self.units.last().expect("a unit is being compiled").block;
        self.table.block(id)
    }

    fn enter_unit(&mut self, block: BlockId, qualname: String, firstlineno: u32) {
        let b = self.table.block(block);
        let varnames = b.varnames.iter().map(|s| s.to_string()).collect();
        let private = self.units.last().and_then(|u| u.private.clone());
        self.units.push(Unit {
            private,
            block,
            asm: Assembler::new(),
            consts: Vec::new(),
            names: Vec::new(),
            varnames,
            qualname,
            firstlineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            fblocks: Vec::new(),
            block_depth: 0,
            pos: Position::default(),
            leaked_pos: None,
            pos_range: TextRange::default(),
            awaits: false,
        });
    }

    /// Is the unit being compiled a module where `await` is allowed
    /// (CPython's `IS_TOP_LEVEL_AWAIT`)?
    fn is_top_level_await(&self) -> bool {
        self.top_level_await && self.block().kind == BlockType::Module
    }

    fn leave_unit(&mut self) -> CResult<CodeObject> {
        let mut unit = self.units.pop().expect("a unit is being compiled");
        let b = self.table.block(unit.block);
        // CPython's compute_code_flags: a module awaiting at top level is
        // a coroutine.
        let top_level_coroutine =
            self.top_level_await && b.kind == BlockType::Module && (b.coroutine || unit.awaits) && !b.generator;
        let suspends = if b.kind == BlockType::Module { top_level_coroutine } else { b.generator || b.coroutine };
        fix_cell_offsets(&mut unit, b, suspends);
        crate::flowgraph::optimize(&mut unit.asm, &mut unit.consts, same_constant, unit.firstlineno)
            .map_err(|e| CompileError::Internal(e.0))?;
        let out = unit.asm.assemble().map_err(|e| CompileError::Internal(e.0))?;
        // CPython ORs the module's __future__ features into every code object.
        let mut flags = b.co_flags() | self.table.future.features;
        if top_level_coroutine {
            flags |= crate::symtable::CO_COROUTINE;
        }
        Ok(CodeObject {
            co_name: b.co_name().into_owned(),
            co_qualname: unit.qualname,
            co_filename: self.filename.to_string(),
            co_firstlineno: unit.firstlineno,
            co_argcount: unit.argcount,
            co_posonlyargcount: unit.posonlyargcount,
            co_kwonlyargcount: unit.kwonlyargcount,
            co_flags: flags,
            co_code: out.code,
            co_consts: unit.consts,
            co_names: unit.names,
            co_varnames: unit.varnames,
            co_cellvars: b.cellvars().iter().map(|s| s.to_string()).collect(),
            co_freevars: b.freevars().iter().map(|s| s.to_string()).collect(),
            co_stacksize: out.stacksize,
            positions: out.positions,
            exception_table: out.exception_table,
        })
    }

    // ----- emitting -----------------------------------------------------

    /// Position the next instructions at `range` (none for `NO_LOCATION`).
    fn set_pos(&mut self, range: TextRange) {
        if range == NO_LOCATION {
            self.unit().pos_range = range;
            self.unit().pos = Position::default();
            return;
        }
        self.unit().pos_range = range;
        let (line, col) = self.lines.line_col(range.start);
        let (end_line, end_col) = self.lines.line_col(range.end);
        self.unit().pos = Position {
            lineno: Some(line as u32),
            end_lineno: Some(end_line as u32),
            col_offset: Some(col),
            end_col_offset: Some(end_col),
        };
    }

    fn emit(&mut self, op: Opcode, arg: u32) {
        let u = self.unit();
        let pos = u.pos;
        u.asm.emit(op, arg, pos);
    }

    fn emit_jump(&mut self, kind: JumpKind, target: Label) {
        let u = self.unit();
        let pos = u.pos;
        u.asm.emit_jump(kind, target, pos);
    }

    /// An artificial jump (CPython's `ADDOP_JUMP_NOLINE`): no line number of
    /// its own, so the flow-graph optimizer neither threads it across lines
    /// nor keeps a NOP for it; it inherits a line when optimized.
    fn emit_jump_noline(&mut self, kind: JumpKind, target: Label) {
        self.unit().asm.emit_jump(kind, target, Position::default());
    }

    fn new_label(&mut self) -> Label {
        self.unit().asm.new_label()
    }

    fn bind(&mut self, label: Label) {
        self.unit().asm.bind(label);
    }

    fn emit_resume(&mut self) {
        // RESUME is located at the block's first line, columns 0-0; a
        // module's at line 0 ending on line 1 (CPython 3.11's
        // co_positions()).
        let module = self.units.len() == 1;
        let first = self.unit().firstlineno;
        let (line, end) = if module { (0, 1) } else { (first, first) };
        let at = Position { lineno: Some(line), end_lineno: Some(end), col_offset: Some(0), end_col_offset: Some(0) };
        self.unit().pos = at;
        self.emit(Opcode::RESUME, 0);
        self.unit().pos = Position::default();
    }

    /// The implicit `return None` ending a block: artificial, so it has no
    /// line number (the flow-graph optimizer gives it one).
    fn emit_const_return_none(&mut self) {
        self.unit().pos = Position::default();
        let i = self.add_const(Constant::None);
        self.emit(Opcode::LOAD_CONST, i);
        self.emit(Opcode::RETURN_VALUE, 0);
    }

    /// The index of `c` in `co_consts`, adding it if new.
    fn add_const(&mut self, c: Constant) -> u32 {
        let consts = &mut self.unit().consts;
        if let Some(i) = consts.iter().position(|x| same_constant(x, &c)) {
            return i as u32;
        }
        consts.push(c);
        consts.len() as u32 - 1
    }

    /// `name` mangled for the current class, if it is private there.
    fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        let private = self.units.last().and_then(|u| u.private.as_deref());
        crate::symtable::mangle(private, name)
    }

    /// The index of `name` (mangled, as CPython's `compiler_addop_name`
    /// does) in `co_names`, adding it if new.
    fn add_name(&mut self, name: &str) -> u32 {
        let name = self.mangle(name).into_owned();
        let name = name.as_str();
        let names = &mut self.unit().names;
        if let Some(i) = names.iter().position(|n| n == name) {
            return i as u32;
        }
        names.push(name.to_string());
        names.len() as u32 - 1
    }

    /// The index of `name` in `co_names`, not mangled (CPython's `ADDOP_N`).
    fn add_name_unmangled(&mut self, name: &str) -> u32 {
        let names = &mut self.unit().names;
        if let Some(i) = names.iter().position(|n| n == name) {
            return i as u32;
        }
        names.push(name.to_string());
        names.len() as u32 - 1
    }

    /// The index of local `name` in `co_varnames`, adding it if new.
    fn add_varname(&mut self, name: &str) -> u32 {
        let varnames = &mut self.unit().varnames;
        if let Some(i) = varnames.iter().position(|n| n == name) {
            return i as u32;
        }
        varnames.push(name.to_string());
        varnames.len() as u32 - 1
    }

    /// The scope `name` has in the current block.
    fn scope(&self, name: &str) -> Option<Scope> {
        self.block().scope_of(name)
    }

    /// A module's or class's body (CPython's `compiler_body`): a leading
    /// docstring is stored as `__doc__` (below optimize 2).
    fn compile_namespace_body(&mut self, body: &[Stmt]) -> CResult<()> {
        use krait_syntax::ast::{Constant as AstConstant, ExprContext, ExprKind, StmtKind};
        // Every annotated module and class has __annotations__.
        if find_annotation(body) {
            if self.block().kind == crate::symtable::BlockType::Module {
                if let Some(first) = body.first() {
                    self.set_pos(first.range);
                }
            }
            self.emit(Opcode::SETUP_ANNOTATIONS, 0);
        }
        let body = match body.first().map(|s| &s.kind) {
            Some(StmtKind::Expr { value })
                if self.optimize < 2 && matches!(value.kind, ExprKind::Constant { value: AstConstant::Str(_), .. }) =>
            {
                self.set_pos(body[0].range);
                self.compile_expr(value)?;
                self.set_pos(body[0].range);
                self.compile_name("__doc__", ExprContext::Store)?;
                &body[1..]
            }
            _ => body,
        };
        self.compile_body(body)
    }

    fn compile_body(&mut self, body: &[Stmt]) -> CResult<()> {
        for s in body {
            self.compile_stmt(s)?;
        }
        Ok(())
    }
}

/// Does `body` hold an annotated assignment, outside nested function and
/// class bodies (CPython's `find_ann`)?
fn find_annotation(body: &[Stmt]) -> bool {
    use krait_syntax::ast::StmtKind;
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_annotation(body) || find_annotation(orelse),
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => find_annotation(body),
        StmtKind::Try { body, handlers, orelse, finalbody } | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
            find_annotation(body)
                || find_annotation(orelse)
                || find_annotation(finalbody)
                || handlers.iter().any(|h| {
                    let krait_syntax::ast::ExceptHandlerKind::ExceptHandler { body, .. } = &h.kind;
                    find_annotation(body)
                })
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| find_annotation(&c.body)),
        _ => false,
    })
}

/// A cell or free variable, as the code generator names it until the
/// unit's locals are known: `Cell(i)` indexes `cellvars()`, `Free(i)`
/// `freevars()`. Encoded in an instruction's argument by `FREE_BIT`.
pub(super) const FREE_BIT: u32 = 1 << 24;

/// Settle the arguments of cell instructions as offsets into 3.11's
/// "localsplus" (the locals, then the cells that are not parameters, then
/// the free variables), and put `COPY_FREE_VARS`, `MAKE_CELL` and a
/// generator's `RETURN_GENERATOR; POP_TOP` first (CPython's
/// `insert_prefix_instructions`).
/// `suspends`: the code is a generator's, a coroutine's or an async
/// generator's.
fn fix_cell_offsets(unit: &mut Unit, b: &Block, suspends: bool) {
    let cells = b.cellvars();
    let frees = b.freevars();
    let mut generator_prefix = Vec::new();
    if suspends {
        unit.asm.initial_depth = 1;
        let line = Position { lineno: Some(unit.firstlineno), end_lineno: Some(unit.firstlineno), col_offset: None, end_col_offset: None };
        generator_prefix.push((Opcode::RETURN_GENERATOR, 0, line));
        generator_prefix.push((Opcode::POP_TOP, 0, Position::default()));
    }
    if cells.is_empty() && frees.is_empty() {
        unit.asm.prepend(&generator_prefix);
        return;
    }
    let nlocals = unit.varnames.len() as u32;
    let mut cell_offsets = Vec::with_capacity(cells.len());
    let mut next = nlocals;
    for c in &cells {
        match unit.varnames.iter().position(|v| v == c) {
            Some(i) => cell_offsets.push(i as u32),
            None => {
                cell_offsets.push(next);
                next += 1;
            }
        }
    }
    let free_base = next;
    let deref = |op: Opcode| {
        matches!(
            op,
            Opcode::LOAD_DEREF
                | Opcode::STORE_DEREF
                | Opcode::DELETE_DEREF
                | Opcode::LOAD_CLOSURE
                | Opcode::LOAD_CLASSDEREF
                | Opcode::MAKE_CELL
        )
    };
    unit.asm.rewrite_args(|op, arg| {
        if !deref(op) {
            arg
        } else if arg & FREE_BIT != 0 {
            free_base + (arg & !FREE_BIT)
        } else {
            cell_offsets[arg as usize]
        }
    });
    let mut prefix = Vec::new();
    if !frees.is_empty() {
        prefix.push((Opcode::COPY_FREE_VARS, frees.len() as u32, Position::default()));
    }
    for &offset in &cell_offsets {
        prefix.push((Opcode::MAKE_CELL, offset, Position::default()));
    }
    prefix.extend(generator_prefix);
    unit.asm.prepend(&prefix);
}

/// CPython's `_PyCode_ConstantKey` equality: same type and same value, with
/// floats compared by bits (so 0.0 and -0.0 differ) and containers item by
/// item.
pub(crate) fn same_constant(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Float(x), Constant::Float(y)) => x.to_bits() == y.to_bits(),
        (Constant::Complex { real: a, imag: b }, Constant::Complex { real: c, imag: d }) => {
            a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
        }
        (Constant::Tuple(x), Constant::Tuple(y)) | (Constant::FrozenSet(x), Constant::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_constant(p, q))
        }
        // Code objects are never shared.
        (Constant::Code(_), Constant::Code(_)) => false,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b) && a == b,
    }
}
