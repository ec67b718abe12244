//! Code generation against CPython: each tests/codegen/NAME.py compiled by
//! Krait must give the code objects CPython 3.11 gives
//! (tests/codegen/NAME.expected, written by scripts/codegen_oracle.py):
//! same instructions and arguments, constants, names, locals, flags and
//! stack sizes; and, for a case whose first line says `[positions]`, each
//! instruction's `co_positions()` entry (RESUME's excepted).

use krait_compiler::code::{CodeObject, Constant};
use krait_compiler::codegen::compile_module;
use krait_compiler::opcode::{Jump, Opcode};
use krait_syntax::ast::Int;

fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(Int::Small(i)) => i.to_string(),
        Constant::Int(Int::Big(b)) => b.to_string(),
        Constant::Float(f) => krait_syntax::repr::float_repr(*f),
        Constant::Complex { real, imag } => krait_syntax::repr::complex_repr(*real, *imag),
        Constant::Str(s) => krait_syntax::repr::str_repr(s),
        Constant::Bytes(b) => krait_syntax::repr::bytes_repr(b),
        Constant::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            let mut inner: Vec<String> = items.iter().map(const_repr).collect();
            inner.sort();
            format!("frozenset({{{}}})", inner.join(", "))
        }
        Constant::Code(code) => format!("<code {}>", code.co_name),
    }
}

/// The instructions of `code` as (opcode, argument) with jump arguments
/// made target instruction indices; EXTENDED_ARG and caches folded away.
fn instructions(code: &CodeObject, positions: bool) -> Vec<String> {
    struct Ins {
        op: Opcode,
        arg: u32,
        start: usize,
        at: usize,
        next: usize,
    }
    let mut list = Vec::new();
    let mut i = 0;
    let mut ext = 0u32;
    let mut start = 0;
    while i < code.co_code.len() {
        let unit = code.co_code[i];
        let op = Opcode::from_byte((unit & 0xFF) as u8).expect("a known opcode");
        let arg = ext << 8 | u32::from(unit >> 8);
        let at = i;
        i += 1 + op.cache_entries();
        if op == Opcode::EXTENDED_ARG {
            ext = arg;
            continue;
        }
        list.push(Ins { op, arg, start, at, next: i });
        ext = 0;
        start = i;
    }
    let index_at = |offset: usize| list.iter().position(|x| x.start == offset).expect("jump to an instruction");
    let show = |v: Option<u32>| v.map_or("-".to_string(), |v| v.to_string());
    list.iter()
        .map(|x| {
            let line = match x.op.jump() {
                Jump::Forward => format!("{} @{}", x.op.name(), index_at(x.next + x.arg as usize)),
                Jump::Backward => format!("{} @{}", x.op.name(), index_at(x.next - x.arg as usize)),
                Jump::None if x.op.has_arg() => format!("{} {}", x.op.name(), x.arg),
                Jump::None => x.op.name().to_string(),
            };
            // RESUME's location is not compared (Krait leaves it unlocated).
            if !positions || x.op == Opcode::RESUME {
                return line;
            }
            let p = code.positions[x.at];
            format!(
                "{line}  ({}:{}-{}:{})",
                show(p.lineno),
                show(p.col_offset),
                show(p.end_lineno),
                show(p.end_col_offset)
            )
        })
        .collect()
}

fn dump(code: &CodeObject, out: &mut Vec<String>, positions: bool) {
    out.push(format!(
        "code {} argcount={} posonly={} kwonly={} flags={:#x} stacksize={}",
        code.co_qualname, code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_flags, code.co_stacksize
    ));
    out.push(format!("consts: {}", code.co_consts.iter().map(const_repr).collect::<Vec<_>>().join(" | ")));
    out.push(format!("names: {}", code.co_names.join(" ")));
    out.push(format!("varnames: {}", code.co_varnames.join(" ")));
    out.push(format!("cellvars: {}", code.co_cellvars.join(" ")));
    out.push(format!("freevars: {}", code.co_freevars.join(" ")));
    out.extend(instructions(code, positions));
    for c in &code.co_consts {
        if let Constant::Code(inner) = c {
            dump(inner, out, positions);
        }
    }
}

#[test]
fn code_objects_match_cpython() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/codegen");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let pending: Vec<String> = std::fs::read_to_string(dir.join("PENDING"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .collect();
    let mut failures = Vec::new();
    let mut n = 0;
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "py")) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let is_pending = pending.contains(&name);
        let source = std::fs::read_to_string(path).unwrap();
        let expected = std::fs::read_to_string(path.with_extension("expected")).unwrap();
        let tree = krait_syntax::parser::parse_module(&source).expect("case parses");
        let got = match compile_module(&tree, &source, &name) {
            Ok(code) => {
                let mut out = Vec::new();
                let positions = source.lines().next().is_some_and(|l| l.contains("[positions]"));
                dump(&code, &mut out, positions);
                out.join("\n") + "\n"
            }
            Err(e) => format!("compile error: {e:?}\n"),
        };
        n += 1;
        // KRAIT_CODEGEN_OUT=DIR keeps Krait's dumps, to diff with the expectations.
        if let Some(dir) = std::env::var_os("KRAIT_CODEGEN_OUT") {
            let _ = std::fs::write(std::path::Path::new(&dir).join(path.with_extension("got").file_name().unwrap()), &got);
        }
        if is_pending {
            if got == expected {
                failures.push(format!("{name} now matches CPython: remove it from tests/codegen/PENDING"));
            }
            continue;
        }
        if got != expected {
            let diff: Vec<String> = expected
                .lines()
                .zip(got.lines().chain(std::iter::repeat("<missing>")))
                .enumerate()
                .filter(|(_, (e, g))| e != g)
                .take(3)
                .map(|(i, (e, g))| format!("  line {}: expected {e:?}\n           got      {g:?}", i + 1))
                .collect();
            failures.push(format!("{name}:\n{}", diff.join("\n")));
        }
    }
    assert!(failures.is_empty(), "{} of {n} differ:\n{}", failures.len(), failures.join("\n"));
}
