//! The symbol table: which blocks (scopes) a module has and how every name
//! binds in each, as CPython 3.11's `Python/symtable.c` computes them.
//!
//! Two passes, as CPython's:
//! 1. `builder` walks the AST, opening a block for the module, each
//!    function, lambda, class, and each comprehension or generator
//!    expression (3.11 gives all four kinds their own function scope; the
//!    first iterator is evaluated in the enclosing block), and records raw
//!    facts per name (`DEF_LOCAL`, `USE`, `DEF_PARAM`, ...). It raises the
//!    errors CPython raises during its first pass (duplicate arguments,
//!    `global` after use, `import *` in a function, walrus conflicts, ...).
//! 2. `analyze` walks the blocks top-down with the names each block can
//!    see, and gives each name its scope (LOCAL, GLOBAL_EXPLICIT,
//!    GLOBAL_IMPLICIT, FREE, CELL), with the errors CPython raises there
//!    (`nonlocal` without a binding, ...).
//!
//! Invariants:
//! - Block 0 is the module ("top"); every block is reachable from it through
//!   `children`, in the order CPython's `ste_children` lists them. Blocks
//!   CPython creates but never links (annotation scopes under
//!   `from __future__ import annotations`) are not in the table.
//! - A block's symbols keep CPython's insertion order (`ste_symbols` is a
//!   dict), since it decides which of several errors is reported first.
//! - Names are stored mangled (`__x` -> `_C__x` inside class `C`), as the
//!   code generator must look them up; `mangle` is CPython's `_Py_Mangle`.
//! - Errors carry the node range CPython reports. CPython's `SyntaxError`
//!   for these errors holds UTF-8 *byte* columns (col_offset + 1) even when
//!   the source declared another encoding: locate them with
//!   `krait_syntax::error::Columns::Bytes`.

mod analyze;
mod builder;
pub mod dump;
mod flags;
pub mod future;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use krait_syntax::ast::Mod;
use krait_syntax::{SyntaxError, TextRange};

pub use flags::{
    Scope, SymbolFlags, CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_NESTED, CO_NEWLOCALS,
    CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS, SCOPE_OFFSET,
};
pub use future::FutureFeatures;

/// CPython's `_Py_block_ty` (without `AnnotationBlock`, which never reaches
/// the finished table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockType {
    Function,
    Class,
    Module,
}

impl BlockType {
    /// What `symtable.SymbolTable.get_type()` says.
    pub fn name(self) -> &'static str {
        match self {
            BlockType::Function => "function",
            BlockType::Class => "class",
            BlockType::Module => "module",
        }
    }
}

/// Which comprehension a comprehension block implements
/// (`_Py_comprehension_ty`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

/// Index of a block in `SymbolTable::blocks`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

impl BlockId {
    pub const TOP: BlockId = BlockId(0);

    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One name of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// The mangled name.
    pub name: Box<str>,
    pub flags: SymbolFlags,
    scope: Option<Scope>,
}

impl Symbol {
    /// The resolved scope (every symbol has one once the table is built).
    #[inline]
    pub fn scope(&self) -> Scope {
        self.scope.unwrap_or(Scope::GlobalImplicit)
    }

    /// The number CPython keeps in `ste_symbols`: flags and scope.
    pub fn raw(&self) -> u32 {
        self.flags.raw() | (self.scope.map_or(0, |s| s as u32) << SCOPE_OFFSET)
    }

    pub fn is_referenced(&self) -> bool {
        self.flags.intersects(SymbolFlags::USE)
    }
    pub fn is_parameter(&self) -> bool {
        self.flags.intersects(SymbolFlags::DEF_PARAM)
    }
    pub fn is_imported(&self) -> bool {
        self.flags.intersects(SymbolFlags::DEF_IMPORT)
    }
    pub fn is_assigned(&self) -> bool {
        self.flags.intersects(SymbolFlags::DEF_LOCAL)
    }
    pub fn is_annotated(&self) -> bool {
        self.flags.intersects(SymbolFlags::DEF_ANNOT)
    }
    pub fn is_nonlocal(&self) -> bool {
        self.flags.intersects(SymbolFlags::DEF_NONLOCAL)
    }
    pub fn is_global(&self) -> bool {
        matches!(self.scope(), Scope::GlobalExplicit | Scope::GlobalImplicit)
    }
    pub fn is_declared_global(&self) -> bool {
        self.scope() == Scope::GlobalExplicit
    }
    pub fn is_local(&self) -> bool {
        matches!(self.scope(), Scope::Local | Scope::Cell)
    }
    pub fn is_free(&self) -> bool {
        self.scope() == Scope::Free
    }
    pub fn is_cell(&self) -> bool {
        self.scope() == Scope::Cell
    }
}

/// How code reaches a name (`compiler_nameop`'s `optype`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameAccess {
    /// `LOAD_FAST`/`STORE_FAST`/`DELETE_FAST`: a function's local.
    Fast,
    /// `LOAD_DEREF`/`STORE_DEREF`/`DELETE_DEREF`: a cell or free variable.
    Deref,
    /// A free variable read in a class body: `LOAD_CLASSDEREF` (the class
    /// namespace first, then the cell); stores and deletes use `*_DEREF`.
    ClassDeref,
    /// `LOAD_GLOBAL`/`STORE_GLOBAL`/`DELETE_GLOBAL`.
    Global,
    /// `LOAD_NAME`/`STORE_NAME`/`DELETE_NAME`: module and class bodies.
    Name,
}

/// A `global`/`nonlocal` declaration (or the implicit one a comprehension's
/// walrus makes): where analysis errors about the name point.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Directive {
    name: Box<str>,
    range: TextRange,
}

/// One scope: CPython's `PySTEntryObject`.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockType,
    /// "top", the function or class name, "lambda", "listcomp", "setcomp",
    /// "dictcomp" or "genexpr".
    pub name: Box<str>,
    /// The range of the node that opened the block (the `def`/`class`
    /// statement, the lambda or comprehension expression; empty at 0 for
    /// the module).
    pub range: TextRange,
    pub parent: Option<BlockId>,
    /// Nested blocks in the order CPython's `ste_children` lists them.
    pub children: Vec<BlockId>,
    symbols: Vec<Symbol>,
    index: HashMap<Box<str>, usize>,
    /// The parameters in `co_varnames` order: positional-only, positional,
    /// keyword-only, `*args`, `**kwargs` (`.0` for a comprehension).
    pub varnames: Vec<Box<str>>,
    /// Inside a function (directly or through other blocks).
    pub nested: bool,
    /// Has a free variable, or (nested) an implicit global (`ste_free`).
    pub has_free: bool,
    /// A child block has free variables (`ste_child_free`).
    pub child_free: bool,
    /// Contains `yield`/`yield from`, or is a generator expression.
    pub generator: bool,
    /// An `async def`, or a block containing `await`/`async for`/`async
    /// with`... as CPython's `ste_coroutine`.
    pub coroutine: bool,
    /// An `async def` (CPython's COMPILER_SCOPE_ASYNC_FUNCTION): where
    /// `await`, `async for` and `async with` may appear.
    pub async_def: bool,
    pub comprehension: Option<ComprehensionKind>,
    pub varargs: bool,
    pub varkeywords: bool,
    /// Has `return <value>`.
    pub returns_value: bool,
    /// A class whose methods use `super` or `__class__`: the class body
    /// needs an implicit `__class__` cell.
    pub needs_class_closure: bool,
    // Pass-1 state.
    comp_iter_target: bool,
    comp_iter_expr: u32,
    directives: Vec<Directive>,
    /// An annotation scope under `from __future__ import annotations`.
    is_annotation: bool,
}

impl Block {
    fn new(kind: BlockType, name: &str, range: TextRange, parent: Option<BlockId>) -> Block {
        Block {
            kind,
            name: name.into(),
            range,
            parent,
            children: Vec::new(),
            symbols: Vec::new(),
            index: HashMap::new(),
            varnames: Vec::new(),
            nested: false,
            has_free: false,
            child_free: false,
            generator: false,
            coroutine: false,
            async_def: false,
            comprehension: None,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: Vec::new(),
            is_annotation: false,
        }
    }

    /// The symbols in CPython's insertion order.
    pub fn symbols(&self) -> &[Symbol] {
        &self.symbols
    }

    /// The symbol of a (mangled) name.
    pub fn symbol(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// The scope of a (mangled) name, `None` if the block has no such name.
    pub fn scope_of(&self, name: &str) -> Option<Scope> {
        self.symbol(name).map(Symbol::scope)
    }

    /// Which family of instructions loads, stores and deletes a (mangled)
    /// name in this block, as CPython 3.11's `compiler_nameop` decides.
    /// Names the table does not have (`__module__`, `__qualname__`, ...
    /// that the compiler itself stores) use the `*_NAME` family.
    pub fn name_access(&self, name: &str) -> NameAccess {
        let function = self.kind == BlockType::Function;
        match self.scope_of(name) {
            Some(Scope::Free | Scope::Cell) if self.kind == BlockType::Class => {
                NameAccess::ClassDeref
            }
            Some(Scope::Free | Scope::Cell) => NameAccess::Deref,
            Some(Scope::Local) if function => NameAccess::Fast,
            Some(Scope::GlobalImplicit) if function => NameAccess::Global,
            Some(Scope::GlobalExplicit) => NameAccess::Global,
            _ => NameAccess::Name,
        }
    }

    fn flags(&self, name: &str) -> SymbolFlags {
        self.index
            .get(name)
            .map_or(SymbolFlags::EMPTY, |&i| self.symbols[i].flags)
    }

    fn set_flags(&mut self, name: &str, flags: SymbolFlags) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].flags = flags,
            None => {
                self.index.insert(name.into(), self.symbols.len());
                self.symbols.push(Symbol {
                    name: name.into(),
                    flags,
                    scope: None,
                });
            }
        }
    }

    pub fn is_function(&self) -> bool {
        self.kind == BlockType::Function
    }

    /// Generator, coroutine or async generator, as `co_flags` tells them
    /// apart (`CO_GENERATOR`, `CO_COROUTINE`, `CO_ASYNC_GENERATOR`).
    pub fn is_async_generator(&self) -> bool {
        self.generator && self.coroutine
    }

    /// The `co_flags` the block's code object gets from the symbol table, as
    /// CPython 3.11's `compute_code_flags` (the compiler ORs in the
    /// `__future__` features, `FutureFeatures::features`).
    pub fn co_flags(&self) -> u32 {
        if self.kind != BlockType::Function {
            return 0;
        }
        let mut flags = CO_NEWLOCALS | CO_OPTIMIZED;
        if self.nested {
            flags |= CO_NESTED;
        }
        flags |= match (self.generator, self.coroutine) {
            (true, false) => CO_GENERATOR,
            (false, true) => CO_COROUTINE,
            (true, true) => CO_ASYNC_GENERATOR,
            (false, false) => 0,
        };
        if self.varargs {
            flags |= CO_VARARGS;
        }
        if self.varkeywords {
            flags |= CO_VARKEYWORDS;
        }
        flags
    }

    /// The code object's `co_name`: the function or class name, `<module>`,
    /// `<lambda>`, `<listcomp>`, `<setcomp>`, `<dictcomp>` or `<genexpr>`.
    pub fn co_name(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self.kind {
            BlockType::Module => Cow::Borrowed("<module>"),
            // No `def` can be named `lambda`: a block of that name is one.
            BlockType::Function if self.comprehension.is_some() || &*self.name == "lambda" => {
                Cow::Owned(format!("<{}>", self.name))
            }
            _ => Cow::Borrowed(&self.name),
        }
    }

    /// `co_cellvars` as CPython 3.11's code objects list them: the
    /// parameters that are cells, in parameter order, then the other CELL
    /// names sorted; a class that needs one has just the `__class__` cell.
    pub fn cellvars(&self) -> Vec<&str> {
        if self.needs_class_closure {
            return vec!["__class__"];
        }
        let is_cell = |name: &str| self.scope_of(name) == Some(Scope::Cell);
        let mut cells: Vec<&str> = self
            .varnames
            .iter()
            .map(|s| &**s)
            .filter(|s| is_cell(s))
            .collect();
        let params = cells.len();
        cells.extend(
            self.symbols
                .iter()
                .filter(|s| s.scope() == Scope::Cell && !s.is_parameter())
                .map(|s| &*s.name),
        );
        cells[params..].sort_unstable();
        cells
    }

    /// `co_freevars` as CPython 3.11's compiler builds it: the FREE names
    /// and, in a class, its bindings that methods also use freely
    /// (`DEF_FREE_CLASS`), sorted.
    pub fn freevars(&self) -> Vec<&str> {
        let mut frees: Vec<&str> = self
            .symbols
            .iter()
            .filter(|s| s.scope() == Scope::Free || s.flags.intersects(SymbolFlags::DEF_FREE_CLASS))
            .map(|s| &*s.name)
            .collect();
        frees.sort_unstable();
        frees
    }
}

/// Why a table could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SymtableError {
    /// A `SyntaxError` CPython raises from `future.c` or `symtable.c`.
    Syntax(SyntaxError),
    /// `RecursionError: maximum recursion depth exceeded during compilation`.
    Recursion,
}

impl SymtableError {
    pub const RECURSION_MESSAGE: &'static str =
        "maximum recursion depth exceeded during compilation";
}

impl std::fmt::Display for SymtableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SymtableError::Syntax(e) => e.fmt(f),
            SymtableError::Recursion => write!(f, "RecursionError: {}", Self::RECURSION_MESSAGE),
        }
    }
}

impl std::error::Error for SymtableError {}

impl From<SyntaxError> for SymtableError {
    fn from(e: SyntaxError) -> Self {
        SymtableError::Syntax(e)
    }
}

/// The Rust stack `SymbolTable::build` may need on the deepest tree it
/// accepts at the default recursion limit (1000, so 3000 nested visits), in
/// a debug build (measured: under 2 MB at opt-level 1); run it on a thread
/// with at least this much stack, and proportionally more for a higher
/// `BuildOptions::recursion_limit`.
pub const STACK_NEEDED: usize = 8 * 1024 * 1024;

/// What the code calling `compile()` adds to a compilation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildOptions {
    /// `CO_FUTURE_*` features in force without a `__future__` import in the
    /// source: `compile()`'s `flags`, and, unless `dont_inherit`, those of
    /// the code calling it. CPython merges them before building the table,
    /// so an inherited `annotations` feature changes how annotations are
    /// scoped.
    pub inherited_features: u32,
    /// The Python recursion depth the compilation starts at: CPython's
    /// symbol table may nest `3 * (recursion_limit - depth)` visits
    /// (`COMPILER_STACK_FRAME_SCALE`), so `compile()` called from a script's
    /// module level (depth 2) allows 6 fewer than running the script itself
    /// (depth 0).
    pub depth: u32,
    /// `sys.getrecursionlimit()` (1000 by default).
    pub recursion_limit: u32,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            inherited_features: 0,
            depth: 0,
            recursion_limit: 1000,
        }
    }
}

/// The symbol table of one module.
#[derive(Debug, Clone)]
pub struct SymbolTable {
    blocks: Vec<Block>,
    by_range: HashMap<(u32, u32), BlockId>,
    pub future: FutureFeatures,
}

impl SymbolTable {
    /// Build the table of a module, as `compile(source, name, 'exec')` does
    /// after parsing: the `__future__` features first, then both passes.
    /// `source` is the decoded text the tree's ranges point into.
    pub fn build(module: &Mod, source: &str) -> Result<SymbolTable, SymtableError> {
        Self::build_with(module, source, BuildOptions::default())
    }

    /// As `build`, with what the caller of `compile()` adds (see
    /// `BuildOptions`).
    pub fn build_with(
        module: &Mod,
        source: &str,
        options: BuildOptions,
    ) -> Result<SymbolTable, SymtableError> {
        Self::build_lines(module, &krait_syntax::LineIndex::new(source), options)
    }

    /// As `build_with`, for a tree whose positions `lines` gives (a tree
    /// made from `ast` objects has no text).
    pub fn build_lines(
        module: &Mod,
        lines: &krait_syntax::LineIndex,
        options: BuildOptions,
    ) -> Result<SymbolTable, SymtableError> {
        let mut future = future::parse(module, lines)?;
        future.features |= options.inherited_features;
        let blocks = builder::build(module, &future, options.depth, options.recursion_limit)?;
        let mut blocks = reachable(blocks);
        analyze::analyze(&mut blocks)?;
        let by_range = blocks
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, b)| ((b.range.start, b.range.end), BlockId(i as u32)))
            .collect();
        Ok(SymbolTable {
            blocks,
            by_range,
            future,
        })
    }

    /// The module block.
    pub fn top(&self) -> &Block {
        &self.blocks[0]
    }

    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.index()]
    }

    /// Every block, the module first, then in pre-order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The block a `FunctionDef`/`AsyncFunctionDef`/`ClassDef` statement,
    /// `Lambda` or comprehension expression opens, by the node's range (as
    /// CPython's `PySymtable_Lookup` finds it by the node's address).
    pub fn lookup(&self, range: TextRange) -> Option<BlockId> {
        self.by_range.get(&(range.start, range.end)).copied()
    }
}

/// CPython's `_Py_Mangle`: `__spam` inside class `Ham` is `_Ham__spam`,
/// unless the name ends with `__`, contains a dot, or the class name is
/// all underscores.
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    let Some(private) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

/// Keep the blocks reachable from the module through `children` (dropping
/// annotation scopes and what they contain), renumbered in pre-order.
fn reachable(mut blocks: Vec<Block>) -> Vec<Block> {
    let mut order = Vec::with_capacity(blocks.len());
    let mut stack = vec![BlockId::TOP];
    while let Some(id) = stack.pop() {
        order.push(id);
        stack.extend(blocks[id.index()].children.iter().rev().copied());
    }
    if order.len() == blocks.len() && order.iter().enumerate().all(|(i, id)| id.index() == i) {
        return blocks;
    }
    let mut new_id = vec![None; blocks.len()];
    for (i, id) in order.iter().enumerate() {
        new_id[id.index()] = Some(BlockId(i as u32));
    }
    let mut taken: Vec<Option<Block>> = blocks.drain(..).map(Some).collect();
    let mut out = Vec::with_capacity(order.len());
    for id in order {
        if let Some(mut b) = taken[id.index()].take() {
            b.parent = b.parent.and_then(|p| new_id[p.index()]);
            b.children = b
                .children
                .iter()
                .filter_map(|c| new_id[c.index()])
                .collect();
            out.push(b);
        }
    }
    out
}
