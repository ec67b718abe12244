//! What the symbol table records about a name: the facts pass 1 collects
//! (`DEF_*`, `USE`) and the scope pass 2 resolves.
//!
//! Invariant: the bit values are CPython 3.11's (`Include/internal/
//! pycore_symtable.h`), so `SymbolFlags::raw` with the scope shifted in at
//! `SCOPE_OFFSET` is the number `_symtable` shows in `ste.symbols`.

/// The per-name facts of one block, a bit set.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SymbolFlags(u32);

impl SymbolFlags {
    /// Declared by a `global` statement (or a walrus in a comprehension at
    /// module level, or in a function that declares the name global).
    pub const DEF_GLOBAL: SymbolFlags = SymbolFlags(1);
    /// Bound in the block: assignment, `del`, `for` target, `def`, `class`,
    /// `except ... as`, `with ... as`, a capture pattern.
    pub const DEF_LOCAL: SymbolFlags = SymbolFlags(2);
    /// A formal parameter (the implicit `.0` of a comprehension included).
    pub const DEF_PARAM: SymbolFlags = SymbolFlags(2 << 1);
    /// Declared by a `nonlocal` statement (or a comprehension's walrus
    /// target that binds in the enclosing function).
    pub const DEF_NONLOCAL: SymbolFlags = SymbolFlags(2 << 2);
    /// Read in the block.
    pub const USE: SymbolFlags = SymbolFlags(2 << 3);
    /// Unused in 3.11's symtable.c; kept for the bit layout.
    pub const DEF_FREE: SymbolFlags = SymbolFlags(2 << 4);
    /// A class-level binding that is also free in a method of the class.
    pub const DEF_FREE_CLASS: SymbolFlags = SymbolFlags(2 << 5);
    /// Bound by `import`.
    pub const DEF_IMPORT: SymbolFlags = SymbolFlags(2 << 6);
    /// Target of an annotated assignment (`x: int`).
    pub const DEF_ANNOT: SymbolFlags = SymbolFlags(2 << 7);
    /// A comprehension's iteration variable.
    pub const DEF_COMP_ITER: SymbolFlags = SymbolFlags(2 << 8);

    /// Any of the ways a block binds a name itself.
    pub const DEF_BOUND: SymbolFlags =
        SymbolFlags(Self::DEF_LOCAL.0 | Self::DEF_PARAM.0 | Self::DEF_IMPORT.0);

    pub const EMPTY: SymbolFlags = SymbolFlags(0);

    #[inline]
    pub const fn raw(self) -> u32 {
        self.0
    }

    #[inline]
    pub const fn from_raw(raw: u32) -> SymbolFlags {
        SymbolFlags(raw)
    }

    /// True if any bit of `other` is set.
    #[inline]
    pub const fn intersects(self, other: SymbolFlags) -> bool {
        self.0 & other.0 != 0
    }

    #[inline]
    pub const fn contains(self, other: SymbolFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for SymbolFlags {
    type Output = SymbolFlags;
    #[inline]
    fn bitor(self, rhs: SymbolFlags) -> SymbolFlags {
        SymbolFlags(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for SymbolFlags {
    #[inline]
    fn bitor_assign(&mut self, rhs: SymbolFlags) {
        self.0 |= rhs.0;
    }
}

impl std::fmt::Debug for SymbolFlags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const NAMES: [(SymbolFlags, &str); 10] = [
            (SymbolFlags::DEF_GLOBAL, "DEF_GLOBAL"),
            (SymbolFlags::DEF_LOCAL, "DEF_LOCAL"),
            (SymbolFlags::DEF_PARAM, "DEF_PARAM"),
            (SymbolFlags::DEF_NONLOCAL, "DEF_NONLOCAL"),
            (SymbolFlags::USE, "USE"),
            (SymbolFlags::DEF_FREE, "DEF_FREE"),
            (SymbolFlags::DEF_FREE_CLASS, "DEF_FREE_CLASS"),
            (SymbolFlags::DEF_IMPORT, "DEF_IMPORT"),
            (SymbolFlags::DEF_ANNOT, "DEF_ANNOT"),
            (SymbolFlags::DEF_COMP_ITER, "DEF_COMP_ITER"),
        ];
        let mut first = true;
        for (flag, name) in NAMES {
            if self.contains(flag) {
                if !first {
                    f.write_str(" | ")?;
                }
                f.write_str(name)?;
                first = false;
            }
        }
        if first {
            f.write_str("0")?;
        }
        Ok(())
    }
}

/// Where `ste.symbols` keeps the scope: `flags | scope << SCOPE_OFFSET`.
pub const SCOPE_OFFSET: u32 = 11;

/// How a name resolves in a block, decided by pass 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// A local of the block (a fast local in a function, a `*_NAME` slot in
    /// a module or class body).
    Local = 1,
    /// Declared `global` here (or in an enclosing function block, for a
    /// walrus target of a comprehension).
    GlobalExplicit = 2,
    /// Not bound in any enclosing function: a global or a builtin.
    GlobalImplicit = 3,
    /// Bound in an enclosing function, read through a cell.
    Free = 4,
    /// A local of this function that nested blocks read: lives in a cell.
    Cell = 5,
}

impl Scope {
    /// The name CPython's symtable.h gives the scope.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Local => "LOCAL",
            Scope::GlobalExplicit => "GLOBAL_EXPLICIT",
            Scope::GlobalImplicit => "GLOBAL_IMPLICIT",
            Scope::Free => "FREE",
            Scope::Cell => "CELL",
        }
    }
}

/// `co_flags` bits the symbol table decides (`Include/cpython/code.h`).
pub const CO_OPTIMIZED: u32 = 0x1;
pub const CO_NEWLOCALS: u32 = 0x2;
pub const CO_VARARGS: u32 = 0x4;
pub const CO_VARKEYWORDS: u32 = 0x8;
pub const CO_NESTED: u32 = 0x10;
pub const CO_GENERATOR: u32 = 0x20;
pub const CO_COROUTINE: u32 = 0x80;
pub const CO_ASYNC_GENERATOR: u32 = 0x200;
