//! Unit tests of the table's API; the differential tests against CPython are
//! in `tests/symtable.rs`.

use super::*;
use krait_syntax::parser::parse_module;

fn table(src: &str) -> SymbolTable {
    let tree = parse_module(src).expect("parses");
    SymbolTable::build(&tree, src).expect("builds")
}

fn error(src: &str) -> String {
    let tree = parse_module(src).expect("parses");
    match SymbolTable::build(&tree, src) {
        Ok(_) => panic!("no error for {src:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn mangling() {
    assert_eq!(mangle(Some("Ham"), "__spam"), "_Ham__spam");
    assert_eq!(mangle(Some("_Ham"), "__spam"), "_Ham__spam");
    assert_eq!(mangle(Some("__"), "__spam"), "__spam");
    assert_eq!(mangle(Some("Ham"), "__spam__"), "__spam__");
    assert_eq!(mangle(Some("Ham"), "__a.b"), "__a.b");
    assert_eq!(mangle(Some("Ham"), "_spam"), "_spam");
    assert_eq!(mangle(None, "__spam"), "__spam");
}

#[test]
fn closure_cells_and_frees() {
    let t = table(
        "def f(a, *b, c, **d):\n    x = 1\n    def g():\n        return x + a\n    return g\n",
    );
    let f = t.block(t.top().children[0]);
    assert_eq!(
        f.varnames.iter().map(|s| &**s).collect::<Vec<_>>(),
        ["a", "c", "b", "d"]
    );
    assert!(f.varargs && f.varkeywords);
    assert_eq!(f.cellvars(), ["a", "x"]);
    let g = t.block(f.children[0]);
    assert_eq!(g.freevars(), ["a", "x"]);
    assert!(g.nested);
}

#[test]
fn class_closure() {
    let t = table("class C:\n    def m(self):\n        return super()\n");
    let c = t.block(t.top().children[0]);
    assert!(c.needs_class_closure);
    assert_eq!(c.cellvars(), ["__class__"]);
    let m = t.block(c.children[0]);
    assert_eq!(m.freevars(), ["__class__"]);
}

#[test]
fn lookup_by_range() {
    let src = "f = lambda: [x for x in y]\n";
    let t = table(src);
    let lambda = t.top().children[0];
    assert_eq!(t.lookup(t.block(lambda).range), Some(lambda));
    assert_eq!(&*t.block(t.block(lambda).children[0]).name, "listcomp");
}

#[test]
fn errors() {
    assert_eq!(
        error("def f(a, a): pass"),
        "SyntaxError: duplicate argument 'a' in function definition"
    );
    assert_eq!(
        error("nonlocal x"),
        "SyntaxError: nonlocal declaration not allowed at module level"
    );
    assert_eq!(
        error(&format!("x = {}1", "1+".repeat(5000))),
        "RecursionError: maximum recursion depth exceeded during compilation"
    );
}

/// The deepest tree CPython accepts builds within the stack size
/// `STACK_NEEDED` promises (the `krait` command runs on a far larger one).
#[test]
fn deep_trees_fit_in_the_documented_stack() {
    let src = format!("x = {}1\n", "1+".repeat(2990));
    let handle = std::thread::Builder::new()
        .stack_size(STACK_NEEDED)
        .spawn(move || {
            let tree = parse_module(&src).expect("parses");
            SymbolTable::build(&tree, &src).is_ok()
        })
        .expect("spawn");
    assert!(handle.join().expect("no stack overflow"));
}

#[test]
fn expression_and_interactive_modes() {
    use krait_syntax::parser::{parse_expression, parse_interactive};
    let src = "lambda a: [a for b in c]";
    let tree = parse_expression(src).expect("parses");
    let t = SymbolTable::build(&tree, src).expect("builds");
    let lambda = t.block(t.top().children[0]);
    assert_eq!(lambda.co_name(), "<lambda>");
    assert_eq!(t.block(lambda.children[0]).co_name(), "<listcomp>");
    let src = "from __future__ import annotations\n";
    let tree = parse_interactive(src).expect("parses");
    let t = SymbolTable::build(&tree, src).expect("builds");
    assert!(t.future.annotations());
}

/// `compile(src, ..., flags=annotations.compiler_flag)`: an inherited
/// `annotations` feature puts annotations in their own (dropped) scopes.
#[test]
fn inherited_future_annotations() {
    let src = "x: (lambda: y) = 1\n";
    let tree = parse_module(src).expect("parses");
    let plain = SymbolTable::build(&tree, src).expect("builds");
    assert_eq!(plain.top().children.len(), 1);
    let options = BuildOptions {
        inherited_features: future::CO_FUTURE_ANNOTATIONS,
        ..Default::default()
    };
    let inherited = SymbolTable::build_with(&tree, src, options).expect("builds");
    assert!(inherited.top().children.is_empty());
    assert!(inherited.future.annotations());
}

/// `sys.setrecursionlimit(n)` moves the limit: 3 nested visits per unit.
#[test]
fn recursion_limit_option() {
    let src = format!("x = {}1\n", "1+".repeat(400));
    let tree = parse_module(&src).expect("parses");
    let low = BuildOptions {
        recursion_limit: 100,
        ..Default::default()
    };
    assert_eq!(
        SymbolTable::build_with(&tree, &src, low).err(),
        Some(SymtableError::Recursion)
    );
    let enough = BuildOptions {
        recursion_limit: 150,
        ..Default::default()
    };
    assert!(SymbolTable::build_with(&tree, &src, enough).is_ok());
}

#[test]
fn name_access() {
    let t = table(
        "import m\ndef f(a):\n    global g\n    b = c\n    def h():\n        return a\n    class C:\n        d = a\n        def e(self): pass\n    return g\n",
    );
    let top = t.top();
    assert_eq!(top.name_access("m"), NameAccess::Name);
    assert_eq!(top.name_access("__name__"), NameAccess::Name);
    let f = t.block(top.children[0]);
    assert_eq!(f.name_access("a"), NameAccess::Deref);
    assert_eq!(f.name_access("b"), NameAccess::Fast);
    assert_eq!(f.name_access("c"), NameAccess::Global);
    assert_eq!(f.name_access("g"), NameAccess::Global);
    let class = t.block(f.children[1]);
    assert_eq!(&*class.name, "C");
    assert_eq!(class.name_access("a"), NameAccess::ClassDeref);
    assert_eq!(class.name_access("d"), NameAccess::Name);
    assert_eq!(class.name_access("__qualname__"), NameAccess::Name);
}
