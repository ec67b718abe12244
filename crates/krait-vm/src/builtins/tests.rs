//! Container types against CPython (expectations from
//! scripts/gen_vm_containers.py), trace slots, and hostile cases.

use krait_syntax::ast::{self, Constant, ExprKind, Int as AstInt, Operator, UnaryOp};

use crate::builtins::dict::{as_dict, new_dict, DICT_TYPE};
use crate::builtins::exceptions::message;
use crate::builtins::int::{new_big, new_int};
use crate::builtins::list::{as_list, new_list, LIST_TYPE};
use crate::builtins::singletons::{bool_value, none};
use crate::builtins::str::{as_str, new_str};
use crate::builtins::tuple::{new_tuple, TUPLE_TYPE};
use crate::ops;
use crate::types::{BinOp, CompareOp};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Build the value of a literal expression (the fixture's small language).
fn build(vm: &mut Vm, e: &ast::Expr) -> Value {
    match &e.kind {
        ExprKind::Constant { value, .. } => match value {
            Constant::None => none(),
            Constant::Bool(b) => bool_value(*b),
            Constant::Int(AstInt::Small(i)) => new_int(*i),
            Constant::Int(AstInt::Big(b)) => new_big(dashu_int::IBig::from((**b).clone())),
            Constant::Float(f) => Value::float(*f),
            Constant::Str(s) => new_str(s.as_str().expect("fixture strs are UTF-8")),
            other => panic!("unsupported constant {other:?}"),
        },
        ExprKind::Tuple { elts, .. } => {
            let items = elts.iter().map(|x| build(vm, x)).collect();
            new_tuple(items)
        }
        ExprKind::List { elts, .. } => {
            let items = elts.iter().map(|x| build(vm, x)).collect();
            new_list(items)
        }
        ExprKind::Dict { keys, values } => {
            let d = new_dict();
            for (k, v) in keys.iter().zip(values) {
                let k = build(vm, k.as_ref().expect("no ** in fixtures"));
                let v = build(vm, v);
                as_dict(&d).unwrap().set(vm, k, v).expect("hashable fixture key");
            }
            d
        }
        ExprKind::UnaryOp { op: UnaryOp::USub, operand } => {
            let v = build(vm, operand);
            let neg = vm.type_of(&v).number.get().negative.expect("negatable");
            neg(vm, &v).unwrap()
        }
        ExprKind::BinOp { left, op: Operator::Pow, right } => {
            let (a, b) = (build(vm, left), build(vm, right));
            ops::binary_op(vm, BinOp::Power, &a, &b).unwrap()
        }
        ExprKind::Call { args, .. } => {
            // float('inf') and friends.
            let ExprKind::Constant { value: Constant::Str(s), .. } = &args[0].kind else { panic!() };
            Value::float(s.as_str().unwrap().parse().unwrap())
        }
        other => panic!("unsupported fixture expression {other:?}"),
    }
}

fn parse(vm: &mut Vm, src: &str) -> Value {
    let tree = krait_syntax::parser::parse_expression(src).expect("fixture parses");
    let ast::Mod::Expression { body } = tree else { panic!() };
    build(vm, &body)
}

/// The text of a `repr`/`str` result, or the error.
fn text(vm: &mut Vm, r: PyResult<Value>) -> String {
    match r {
        Ok(v) => as_str(&v).expect("a str").to_string(),
        Err(e) => format!("{}: {}", vm.type_of(&e.exception).name(), message(&e.exception).unwrap_or_default()),
    }
}

fn outcome(vm: &mut Vm, r: PyResult<Value>) -> String {
    match r {
        Ok(v) => ops::repr_string(vm, &v).unwrap(),
        Err(e) => format!("{}: {}", vm.type_of(&e.exception).name(), message(&e.exception).unwrap_or_default()),
    }
}

fn cmp_op(s: &str) -> CompareOp {
    match s {
        "<" => CompareOp::Lt,
        "<=" => CompareOp::Le,
        "==" => CompareOp::Eq,
        "!=" => CompareOp::Ne,
        ">" => CompareOp::Gt,
        _ => CompareOp::Ge,
    }
}

#[test]
fn containers_match_cpython() {
    let mut vm = Vm::new();
    let mut failures = Vec::new();
    for line in include_str!("containers_fixtures.txt").lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let (got, expected) = match f[0] {
            "repr" => {
                let v = parse(&mut vm, f[1]);
                let r = ops::repr(&mut vm, &v);
                (text(&mut vm, r), f[2])
            }
            "hash" => {
                let v = parse(&mut vm, f[1]);
                (ops::hash(&mut vm, &v).map(|h| h.to_string()).unwrap_or_else(|_| "error".into()), f[2])
            }
            _ => {
                let (a, b) = (parse(&mut vm, f[1]), parse(&mut vm, f[3]));
                let r = ops::richcompare(&mut vm, &a, &b, cmp_op(f[2]));
                (outcome(&mut vm, r), f[4])
            }
        };
        if got != expected {
            failures.push(format!("{line}\n    got {got}"));
        }
    }
    assert!(failures.is_empty(), "{} differ:\n{}", failures.len(), failures.join("\n"));
}

/// Collect what a type's trace slot visits.
fn traced(v: &Value) -> Vec<u64> {
    let p = v.as_object().unwrap();
    let mut seen = Vec::new();
    (p.ty().trace)(p, &mut |x| seen.push(x.bits()));
    seen
}

#[test]
fn trace_visits_every_reference_of_every_container() {
    let mut vm = Vm::new();
    let (a, b, c) = (new_str("a"), new_tuple(vec![new_int(2)]), Value::float(1.5));
    let t = new_tuple(vec![a.clone(), b.clone(), c.clone()]);
    assert!(std::ptr::eq(vm.type_of(&t), &TUPLE_TYPE));
    assert_eq!(traced(&t), vec![a.bits(), b.bits(), c.bits()]);
    let l = new_list(vec![t.clone(), a.clone()]);
    assert!(std::ptr::eq(vm.type_of(&l), &LIST_TYPE));
    assert_eq!(traced(&l), vec![t.bits(), a.bits()]);
    let d = new_dict();
    as_dict(&d).unwrap().set(&mut vm, a.clone(), l.clone()).unwrap();
    as_dict(&d).unwrap().set(&mut vm, t.clone(), c.clone()).unwrap();
    assert!(std::ptr::eq(vm.type_of(&d), &DICT_TYPE));
    assert_eq!(traced(&d), vec![a.bits(), l.bits(), t.bits(), c.bits()]);
}

#[test]
fn self_containing_list_and_dict_print_ellipses() {
    let mut vm = Vm::new();
    let l = new_list(Vec::new());
    as_list(&l).unwrap().append(l.clone());
    let r = ops::repr(&mut vm, &l);
    assert_eq!(text(&mut vm, r), "[[...]]");
    let d = new_dict();
    as_dict(&d).unwrap().set(&mut vm, new_int(1), d.clone()).unwrap();
    let r = ops::repr(&mut vm, &d);
    assert_eq!(text(&mut vm, r), "{1: {...}}");
    // Break the cycles by hand until the cycle collector exists.
    as_list(&l).unwrap().items.borrow_mut().clear();
    as_dict(&d).unwrap().remove(&mut vm, &new_int(1)).unwrap();
}

#[test]
fn repr_of_deeply_nested_lists_raises_recursion_error() {
    let mut vm = Vm::new();
    let mut v = new_list(Vec::new());
    for _ in 0..100_000 {
        v = new_list(vec![v]);
    }
    let r = ops::repr(&mut vm, &v);
    assert_eq!(
        text(&mut vm, r),
        "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
    );
}

/// With the recursion limit out of the way, native recursion (hash, ==,
/// repr of data nested a million deep) stops at the native stack's floor
/// with a RecursionError instead of overflowing (CPython crashes here).
#[test]
fn native_recursion_stops_at_the_stack_floor() {
    let run = || {
        let mut vm = Vm::new();
        vm.recursion_limit = u32::MAX;
        let (mut a, mut b) = (new_tuple(Vec::new()), new_tuple(Vec::new()));
        for _ in 0..1_000_000 {
            a = new_tuple(vec![a]);
            b = new_tuple(vec![b]);
        }
        let hashed = ops::hash(&mut vm, &a).map(new_int);
        let compared = ops::richcompare(&mut vm, &a, &b, CompareOp::Eq);
        let shown = ops::repr(&mut vm, &a);
        [hashed, compared, shown].into_iter().map(|r| outcome(&mut vm, r)).collect::<Vec<_>>()
    };
    let outcomes = std::thread::Builder::new().stack_size(16 << 20).spawn(run).unwrap().join().unwrap();
    for o in outcomes {
        assert!(o.starts_with("RecursionError: maximum recursion depth exceeded"), "{o}");
    }
}

#[test]
fn dict_keeps_insertion_order_through_deletions() {
    let mut vm = Vm::new();
    let d = new_dict();
    let dd = as_dict(&d).unwrap();
    for i in 0..100 {
        dd.set(&mut vm, new_int(i), new_int(i * i)).unwrap();
    }
    for i in (0..100).filter(|i| i % 3 != 0) {
        assert!(dd.remove(&mut vm, &new_int(i)).unwrap());
    }
    assert_eq!(dd.len(), 34);
    let keys: Vec<i64> = dd.items().iter().map(|(k, _)| k.as_small_int().unwrap()).collect();
    assert_eq!(keys, (0..100).filter(|i| i % 3 == 0).collect::<Vec<_>>());
    assert_eq!(dd.get(&mut vm, &new_int(99)).unwrap().and_then(|v| v.as_small_int()), Some(9801));
    assert!(dd.get(&mut vm, &new_int(98)).unwrap().is_none());
    // 1, 1.0 and True are the same key.
    dd.set(&mut vm, Value::float(3.0), new_str("x")).unwrap();
    assert_eq!(as_str(&dd.get(&mut vm, &new_int(3)).unwrap().unwrap()), Some("x"));
}

#[test]
fn trace_visits_every_reference_of_an_exception() {
    use crate::builtins::exceptions::{as_exception, exception_with_args, OS_ERROR, VALUE_ERROR};
    let mut vm = Vm::new();
    let os = crate::eval::call(&mut vm, &crate::types::type_value(&OS_ERROR), &[new_int(2), new_str("gone"), new_str("f")], &[])
        .unwrap_or_else(|_| panic!("OSError(2, 'gone', 'f')"));
    let data = as_exception(&os).unwrap();
    let (ctx, cause) = (exception_with_args(&VALUE_ERROR, vec![]), exception_with_args(&VALUE_ERROR, vec![]));
    *data.context.borrow_mut() = ctx.clone();
    *data.cause.borrow_mut() = cause.clone();
    let code = new_str("stands in for a traceback object");
    *data.traceback.borrow_mut() = code.clone();
    let mut expected: Vec<u64> = data.args.borrow().iter().map(Value::bits).collect();
    // The unset fields (winerror, filename2) are NULL, which is not traced.
    expected.extend(data.os_args.borrow().iter().filter(|v| !v.is_null()).map(Value::bits));
    expected.extend([code.bits(), ctx.bits(), cause.bits()]);
    assert_eq!(data.args.borrow().len(), 2);
    assert_eq!(data.os_args.borrow().len(), 5);
    assert_eq!(traced(&os), expected);
}

#[test]
fn trace_visits_the_iterated_objects_of_enumerate_zip_and_str_iterators() {
    use crate::builtins::iter_adapters::{ENUMERATE_TYPE, ZIP_TYPE};
    let mut vm = Vm::new();
    let (l, t) = (new_list(vec![new_int(1)]), new_tuple(vec![new_int(2)]));
    let e = crate::eval::call(&mut vm, &crate::types::type_value(&ENUMERATE_TYPE), std::slice::from_ref(&l), &[]).unwrap_or_else(|_| panic!("enumerate"));
    let inner = traced(&e);
    assert_eq!(inner.len(), 1);
    let z = crate::eval::call(&mut vm, &crate::types::type_value(&ZIP_TYPE), &[l.clone(), t.clone()], &[]).unwrap_or_else(|_| panic!("zip"));
    let its = traced(&z);
    assert_eq!(its.len(), 2);
    // Each iterator the zip holds traces the sequence it walks.
    let s = new_str("abc");
    let si = ops::iter(&mut vm, &s).unwrap_or_else(|_| panic!("iter(str)"));
    assert_eq!(traced(&si), vec![s.bits()]);
    let li = ops::iter(&mut vm, &l).unwrap_or_else(|_| panic!("iter(list)"));
    assert_eq!(traced(&li), vec![l.bits()]);
}

#[test]
fn trace_visits_the_bounds_of_a_range_and_the_exporter_of_a_memoryview() {
    let mut vm = Vm::new();
    let big = crate::builtins::int::new_big(dashu_int::IBig::from(1u8) << 100);
    let r = crate::builtins::range::new_range(&mut vm, &[new_int(3), big.clone(), new_int(1 << 40)]).unwrap();
    let rd = crate::builtins::range::as_range(&r).unwrap();
    assert_eq!(traced(&r), vec![rd.start.bits(), rd.stop.bits(), rd.step.bits(), rd.length.bits()]);
    assert_eq!(rd.stop.bits(), big.bits());
    let ba = crate::builtins::bytes::new_bytearray(b"abc".to_vec());
    let ty = crate::types::type_value(&crate::builtins::memoryview::MEMORYVIEW_TYPE);
    let m = crate::eval::call(&mut vm, &ty, std::slice::from_ref(&ba), &[]).unwrap();
    assert_eq!(traced(&m), vec![ba.bits()]);
    // A view of the view holds the first exporter, not the view.
    let m2 = crate::eval::call(&mut vm, &ty, std::slice::from_ref(&m), &[]).unwrap();
    assert_eq!(traced(&m2), vec![ba.bits()]);
    assert_eq!(crate::builtins::bytes::as_bytearray(&ba).unwrap().exports.get(), 2);
    drop((m, m2));
    assert_eq!(crate::builtins::bytes::as_bytearray(&ba).unwrap().exports.get(), 0);
}

#[test]
fn every_builtin_module_name_names_a_module() {
    let mut vm = Vm::new();
    for name in crate::import::BUILTIN_MODULE_NAMES {
        let m = crate::import::import_module(&mut vm, name);
        assert!(m.is_ok(), "{name} does not import");
    }
    let mut sorted = crate::import::BUILTIN_MODULE_NAMES.to_vec();
    sorted.sort_unstable();
    assert_eq!(sorted, crate::import::BUILTIN_MODULE_NAMES);
}

#[test]
fn trace_visits_the_name_path_and_cached_stat_of_a_dir_entry() {
    let mut vm = Vm::new();
    let posix = crate::import::import_module(&mut vm, "posix").unwrap_or_else(|_| panic!("import posix"));
    let scandir = ops::getattr(&mut vm, &posix, &new_str("scandir")).unwrap_or_else(|_| panic!("posix.scandir"));
    let it = crate::eval::call(&mut vm, &scandir, &[new_str(env!("CARGO_MANIFEST_DIR"))], &[]).unwrap_or_else(|_| panic!("scandir"));
    let entry = ops::next(&mut vm, &it).unwrap_or_else(|_| panic!("next")).expect("the crate folder is not empty");
    let name = ops::getattr(&mut vm, &entry, &new_str("name")).unwrap_or_else(|_| panic!("name"));
    let path = ops::getattr(&mut vm, &entry, &new_str("path")).unwrap_or_else(|_| panic!("path"));
    assert_eq!(traced(&entry), vec![name.bits(), path.bits()]);
    let stat = ops::getattr(&mut vm, &entry, &new_str("stat")).unwrap_or_else(|_| panic!("stat"));
    let st = crate::eval::call(&mut vm, &stat, &[], &[]).unwrap_or_else(|_| panic!("stat()"));
    let seen = traced(&entry);
    assert_eq!(seen.len(), 3);
    assert!(seen.contains(&st.bits()));
}
