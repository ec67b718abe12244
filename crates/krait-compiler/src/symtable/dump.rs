//! A canonical text dump of a symbol table: exactly what
//! `scripts/symtable_oracle.py` prints for CPython's `symtable.symtable`, so
//! the two can be compared byte for byte.
//!
//! Invariant: the format is the oracle's (its docstring describes it); a
//! change here is a change there.

use krait_syntax::error::{Columns, ErrorLocation, SyntaxError};
use krait_syntax::{parser, source, tokenizer, LineIndex};

use super::{Block, BlockType, Scope, Symbol, SymbolFlags, SymbolTable, SymtableError};

/// The dump of a table built from `source`.
pub fn dump(table: &SymbolTable, source: &str) -> String {
    let lines = LineIndex::new(source);
    let mut out = String::new();
    dump_block(table, table.top(), &lines, "", &mut out);
    dump_code_objects(table, &mut out);
    // Not in the oracle's dump: a block `lookup` cannot find by its node's
    // range makes the comparison fail.
    for (i, b) in table.blocks().iter().enumerate().skip(1) {
        if table.lookup(b.range) != Some(super::BlockId(i as u32)) {
            out.push_str(&format!(
                "lookup cannot find block {} at {:?}\n",
                b.name, b.range
            ));
        }
    }
    out
}

/// CPython's recursion depth where the oracle's `symtable.symtable` runs.
const ORACLE_DEPTH: u32 = 2;

/// What the oracle prints for a file holding `bytes`: decoded and parsed
/// as `symtable.symtable(bytes, ...)` does, then the table or the error.
pub fn dump_source(bytes: &[u8]) -> String {
    let decoded = match source::decode_string(bytes) {
        Ok(d) => d,
        Err(e) => return error_line(&e, "", Columns::Bytes) + "\n",
    };
    let columns = if decoded.encoding.is_some() {
        Columns::Chars
    } else {
        Columns::Bytes
    };
    let options = tokenizer::Options {
        string_mode: true,
        ..decoded.tokenizer_options()
    };
    let tree = match parser::parse_module_with(&decoded.text, options).result {
        Ok(tree) => tree,
        Err(e) => return error_line(&e, &decoded.text, columns) + "\n",
    };
    // The oracle builds as `compile()` called at a script's module level.
    let options = super::BuildOptions {
        depth: ORACLE_DEPTH,
        ..Default::default()
    };
    match SymbolTable::build_with(&tree, &decoded.text, options) {
        Ok(table) => dump(&table, &decoded.text),
        // CPython gives symtable errors byte columns whatever the encoding.
        Err(SymtableError::Syntax(e)) => error_line(&e, &decoded.text, Columns::Bytes) + "\n",
        Err(SymtableError::Recursion) => {
            format!("RecursionError: {}\n", SymtableError::RECURSION_MESSAGE)
        }
    }
}

/// `Class: msg (line L, offset O, end line EL, end offset EO)`.
pub fn error_line(e: &SyntaxError, source: &str, columns: Columns) -> String {
    let (lineno, offset, end_lineno, end_offset) = match e.location {
        ErrorLocation::Nowhere => {
            return format!(
                "{}: {} (line 0, offset -1, end line None, end offset None)",
                e.kind.name(),
                e.msg
            );
        }
        ErrorLocation::Explicit { end_offset: -1, .. } => {
            let loc = e.locate_in(source, &LineIndex::new(source), columns);
            return format!(
                "{}: {} (line {}, offset {}, end line {}, end offset None)",
                e.kind.name(),
                e.msg,
                loc.lineno,
                loc.offset,
                loc.end_lineno
            );
        }
        _ => {
            let loc = e.locate_in(source, &LineIndex::new(source), columns);
            (loc.lineno, loc.offset, loc.end_lineno, loc.end_offset)
        }
    };
    format!(
        "{}: {} (line {lineno}, offset {offset}, end line {end_lineno}, end offset {end_offset})",
        e.kind.name(),
        e.msg
    )
}

fn dump_block(table: &SymbolTable, b: &Block, lines: &LineIndex, indent: &str, out: &mut String) {
    use std::fmt::Write;
    let lineno = if b.kind == BlockType::Module {
        0
    } else {
        lines.line(b.range.start)
    };
    let py_bool = |v: bool| if v { "True" } else { "False" };
    let _ = writeln!(
        out,
        "{indent}{} {} line {lineno} nested={}",
        b.kind.name(),
        b.name,
        py_bool(b.nested)
    );
    let inner = format!("{indent}  ");
    let join = |names: Vec<&str>| names.join(" ");
    let _ = writeln!(
        out,
        "{inner}varnames: {}",
        join(b.varnames.iter().map(|s| &**s).collect())
    );
    let matching = |test: &dyn Fn(&Symbol) -> bool, sort: bool| {
        let mut names: Vec<&str> = b
            .symbols()
            .iter()
            .filter(|s| test(s))
            .map(|s| &*s.name)
            .collect();
        if sort {
            names.sort_unstable();
        }
        join(names)
    };
    if b.kind == BlockType::Function {
        let _ = writeln!(
            out,
            "{inner}params: {}",
            matching(&|s| s.is_parameter(), false)
        );
        let _ = writeln!(out, "{inner}locals: {}", matching(&|s| s.is_local(), true));
        let _ = writeln!(
            out,
            "{inner}globals: {}",
            matching(&|s| s.is_global(), true)
        );
        let _ = writeln!(out, "{inner}frees: {}", matching(&|s| s.is_free(), true));
        let _ = writeln!(
            out,
            "{inner}nonlocals: {}",
            matching(&|s| s.is_nonlocal(), true)
        );
    }
    let mut symbols: Vec<&Symbol> = b.symbols().iter().collect();
    symbols.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    // `symtable.Symbol` treats bound names of any block named "top" (the
    // module, or a function called top) as local and global.
    let module = &*b.name == "top";
    for s in symbols {
        let bound_here = module && s.flags.intersects(SymbolFlags::DEF_BOUND);
        let predicates = [
            ("local", s.is_local() || bound_here),
            ("global", s.is_global() || bound_here),
            ("declared_global", s.is_declared_global()),
            ("free", s.is_free()),
            ("parameter", s.is_parameter()),
            ("imported", s.is_imported()),
            ("referenced", s.is_referenced()),
            ("assigned", s.is_assigned()),
            ("annotated", s.is_annotated()),
            ("nonlocal", s.is_nonlocal()),
        ];
        let true_ones: Vec<&str> = predicates
            .iter()
            .filter(|(_, v)| *v)
            .map(|(n, _)| *n)
            .collect();
        let line = format!(
            "{inner}sym {} {} {:#x} {}",
            s.name,
            scope_name(s.scope()),
            s.flags.raw(),
            true_ones.join(" ")
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    for &child in &b.children {
        dump_block(table, table.block(child), lines, &inner, out);
    }
}

fn scope_name(scope: Scope) -> &'static str {
    scope.name()
}

/// The heading of the code-object section.
pub const CODE_OBJECTS: &str = "code objects:";

/// What the code objects CPython compiles from the module get from the
/// table: `co_name`, `co_flags`, `co_cellvars`, `co_freevars`, sorted.
fn dump_code_objects(table: &SymbolTable, out: &mut String) {
    let mut lines: Vec<String> = table
        .blocks()
        .iter()
        .map(|b| {
            let line = format!(
                "  code {} {:#x} cells: {} frees: {}",
                b.co_name(),
                b.co_flags() | table.future.features,
                b.cellvars().join(" "),
                b.freevars().join(" ")
            );
            line.trim_end().to_string()
        })
        .collect();
    lines.sort_unstable();
    out.push_str(CODE_OBJECTS);
    out.push('\n');
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
}

/// Whether Krait's dump `got` matches the oracle's `expected` (as
/// `same` in `scripts/symtable_oracle.py`): the tables are equal, and every
/// code object CPython compiled is one of Krait's blocks. CPython's compiler
/// drops some blocks the table has (functions after a `return`, lambdas in
/// a function's variable annotations), and when it raised an error of its
/// own the oracle has no code section to compare.
pub fn same(expected: &str, got: &str) -> bool {
    const NOT_COMPILED: &str = "code objects: not compiled";
    let (Some(e_at), Some(g_at)) = (expected.find(CODE_OBJECTS), got.find(CODE_OBJECTS)) else {
        return expected == got;
    };
    if expected[..e_at] != got[..g_at] {
        return false;
    }
    if expected[e_at..].starts_with(NOT_COMPILED) {
        return true;
    }
    let mut have: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for line in got[g_at..].lines().skip(1) {
        *have.entry(line).or_default() += 1;
    }
    expected[e_at..]
        .lines()
        .skip(1)
        .all(|line| match have.get_mut(line) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
}
