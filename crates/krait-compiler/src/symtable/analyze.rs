//! Pass 2: give every name of every block its scope (CPython 3.11's
//! `analyze_block`, `analyze_name`, `analyze_cells`, `update_symbols`).
//!
//! Each block is analysed with three sets from its parent:
//! - `bound`: names bound in enclosing function blocks (None for the
//!   module): a name used here and bound there is FREE;
//! - `global`: names declared global in enclosing blocks;
//! - `free`: filled by the block with the names that are free in it or its
//!   children and not yet resolved to a cell.
//!
//! Invariants:
//! - A class body's bindings are invisible to nested functions: a class
//!   passes down its parent's `bound`/`global` (plus `__class__`), not its
//!   own names.
//! - A name a child needs from an enclosing function becomes CELL in the
//!   function that binds it and is removed from `free` there; `__class__`
//!   is consumed by the class (`needs_class_closure`).
//! - Names are analysed in each block's symbol insertion order, so the
//!   first error CPython reports is the one reported here.

use std::collections::HashSet;

use krait_syntax::SyntaxError;

use super::{Block, BlockId, BlockType, Scope, Symbol, SymbolFlags, SymtableError};

type Names = HashSet<Box<str>>;

pub(super) fn analyze(blocks: &mut [Block]) -> Result<(), SymtableError> {
    let mut free = Names::new();
    let mut global = Names::new();
    analyze_block(blocks, BlockId::TOP, None, &mut free, &mut global)
}

fn analyze_block(
    blocks: &mut [Block],
    id: BlockId,
    mut bound: Option<&mut Names>,
    free: &mut Names,
    global: &mut Names,
) -> Result<(), SymtableError> {
    let kind = blocks[id.index()].kind;
    let mut local = Names::new();
    let mut scopes: Vec<Scope> = Vec::with_capacity(blocks[id.index()].symbols.len());
    let mut new_global = Names::new();
    let mut new_free = Names::new();
    let mut new_bound = Names::new();

    // A class's names are not visible to its children: what they see is
    // fixed before the class's own names are analysed.
    if kind == BlockType::Class {
        new_global.extend(global.iter().cloned());
        if let Some(bound) = bound.as_deref() {
            new_bound.extend(bound.iter().cloned());
        }
    }

    {
        let ste = &mut blocks[id.index()];
        for i in 0..ste.symbols.len() {
            let name = ste.symbols[i].name.clone();
            let flags = ste.symbols[i].flags;
            let scope = analyze_name(
                ste,
                &name,
                flags,
                bound.as_deref_mut(),
                &mut local,
                free,
                global,
            )?;
            scopes.push(scope);
        }
    }

    if kind != BlockType::Class {
        if kind == BlockType::Function {
            new_bound.extend(local.iter().cloned());
        }
        if let Some(bound) = bound.as_deref() {
            new_bound.extend(bound.iter().cloned());
        }
        new_global.extend(global.iter().cloned());
    } else {
        new_bound.insert("__class__".into());
    }

    let mut all_free = Names::new();
    let children = blocks[id.index()].children.clone();
    for child in children {
        let mut child_bound = new_bound.clone();
        let mut child_free = new_free.clone();
        let mut child_global = new_global.clone();
        analyze_block(
            blocks,
            child,
            Some(&mut child_bound),
            &mut child_free,
            &mut child_global,
        )?;
        all_free.extend(child_free);
        let c = &blocks[child.index()];
        if c.has_free || c.child_free {
            blocks[id.index()].child_free = true;
        }
    }
    new_free.extend(all_free);

    let ste = &mut blocks[id.index()];
    match kind {
        BlockType::Function => analyze_cells(ste, &mut scopes, &mut new_free),
        BlockType::Class => {
            if new_free.remove("__class__") {
                ste.needs_class_closure = true;
            }
        }
        BlockType::Module => {}
    }
    update_symbols(
        ste,
        &scopes,
        bound.as_deref(),
        &new_free,
        kind == BlockType::Class,
    );
    free.extend(new_free);
    Ok(())
}

/// `analyze_name`: the scope of one name from its flags and what the
/// enclosing blocks bind.
fn analyze_name(
    ste: &mut Block,
    name: &str,
    flags: SymbolFlags,
    bound: Option<&mut Names>,
    local: &mut Names,
    free: &mut Names,
    global: &mut Names,
) -> Result<Scope, SymtableError> {
    if flags.intersects(SymbolFlags::DEF_GLOBAL) {
        if flags.intersects(SymbolFlags::DEF_NONLOCAL) {
            return Err(error_at_directive(
                ste,
                name,
                format!("name '{name}' is nonlocal and global"),
            ));
        }
        global.insert(name.into());
        if let Some(bound) = bound {
            bound.remove(name);
        }
        return Ok(Scope::GlobalExplicit);
    }
    if flags.intersects(SymbolFlags::DEF_NONLOCAL) {
        let Some(bound) = bound else {
            return Err(error_at_directive(
                ste,
                name,
                "nonlocal declaration not allowed at module level".into(),
            ));
        };
        if !bound.contains(name) {
            return Err(error_at_directive(
                ste,
                name,
                format!("no binding for nonlocal '{name}' found"),
            ));
        }
        ste.has_free = true;
        free.insert(name.into());
        return Ok(Scope::Free);
    }
    if flags.intersects(SymbolFlags::DEF_BOUND) {
        local.insert(name.into());
        global.remove(name);
        return Ok(Scope::Local);
    }
    // Bound in an enclosing function: free here. (A non-None `bound` means
    // the block is not the module.)
    if bound.as_deref().is_some_and(|b| b.contains(name)) {
        ste.has_free = true;
        free.insert(name.into());
        return Ok(Scope::Free);
    }
    // Declared global in an enclosing block, or not bound anywhere: CPython
    // calls both implicit globals.
    if !global.contains(name) && ste.nested {
        ste.has_free = true;
    }
    Ok(Scope::GlobalImplicit)
}

/// The error of an analysis step, at the first `global`/`nonlocal`
/// directive for `name` in the block.
fn error_at_directive(ste: &Block, name: &str, msg: String) -> SymtableError {
    let range = ste
        .directives
        .iter()
        .find(|d| &*d.name == name)
        .map_or(ste.range, |d| d.range);
    SymtableError::Syntax(SyntaxError::syntax(msg, range))
}

/// `analyze_cells`: a local that a child uses freely becomes a cell, and is
/// resolved (removed from `free`).
fn analyze_cells(ste: &Block, scopes: &mut [Scope], free: &mut Names) {
    for (sym, scope) in ste.symbols.iter().zip(scopes.iter_mut()) {
        if *scope == Scope::Local && free.remove(&sym.name) {
            *scope = Scope::Cell;
        }
    }
}

/// `update_symbols`: store the scopes, and add the names free in children
/// that the block must pass through (FREE here too) unless they are
/// globals.
fn update_symbols(
    ste: &mut Block,
    scopes: &[Scope],
    bound: Option<&Names>,
    free: &Names,
    class: bool,
) {
    for (sym, &scope) in ste.symbols.iter_mut().zip(scopes) {
        sym.scope = Some(scope);
    }
    // Sorted, so the table is the same on every run (CPython iterates a set).
    let mut names: Vec<&Box<str>> = free.iter().collect();
    names.sort_unstable();
    for name in names {
        if let Some(&i) = ste.index.get(name) {
            // A class binding that a method also uses freely.
            let sym = &mut ste.symbols[i];
            if class
                && sym
                    .flags
                    .intersects(SymbolFlags::DEF_BOUND | SymbolFlags::DEF_GLOBAL)
            {
                sym.flags |= SymbolFlags::DEF_FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name)) {
            continue; // a global
        }
        ste.index.insert(name.clone(), ste.symbols.len());
        ste.symbols.push(Symbol {
            name: name.clone(),
            flags: SymbolFlags::EMPTY,
            scope: Some(Scope::Free),
        });
    }
}
