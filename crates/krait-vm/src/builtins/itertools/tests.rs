//! The itertools objects' trace slots visit every reference they hold.

use super::{combinatoric, filtering, groupby, infinite, merging, tee};
use crate::builtins::int::new_int;
use crate::builtins::list::new_list;
use crate::builtins::str::new_str;
use crate::builtins::tuple::as_tuple;
use crate::ops;
use crate::types::{type_value, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// What a type's trace slot visits.
fn traced(v: &Value) -> Vec<u64> {
    let p = v.as_object().expect("an object");
    let mut seen = Vec::new();
    (p.ty().trace)(p, &mut |x| seen.push(x.bits()));
    seen
}

/// The references a type's trace slot visits, as values.
fn traced_values(v: &Value) -> Vec<Value> {
    let p = v.as_object().expect("an object");
    let mut seen = Vec::new();
    (p.ty().trace)(p, &mut |x| seen.push(x.clone()));
    seen
}

fn make(vm: &mut Vm, ty: &'static TypeObject, args: &[Value]) -> Value {
    crate::eval::call(vm, &type_value(ty), args, &[]).unwrap_or_else(|_| panic!("{}(...) raised", ty.name()))
}

fn next(vm: &mut Vm, it: &Value) -> Option<Value> {
    ops::next(vm, it).unwrap_or_else(|_| panic!("next() raised"))
}

#[test]
fn count_cycle_and_repeat_trace_their_values() {
    let mut vm = Vm::new();
    let (start, step) = (Value::float(0.5), Value::float(1.5));
    let c = make(&mut vm, &infinite::COUNT_TYPE, &[start.clone(), step.clone()]);
    assert_eq!(traced(&c), vec![start.bits(), step.bits()]);
    let fast = make(&mut vm, &infinite::COUNT_TYPE, &[new_int(3)]);
    assert_eq!(traced(&fast).len(), 1, "fast mode holds only the step");

    let list = new_list(vec![new_str("a"), new_str("b")]);
    let cy = make(&mut vm, &infinite::CYCLE_TYPE, &[list]);
    let a = next(&mut vm, &cy).expect("an item");
    let seen = traced(&cy);
    assert_eq!(seen.len(), 2, "the iterator and one saved item");
    assert_eq!(seen[1], a.bits());

    let element = new_str("x");
    let r = make(&mut vm, &infinite::REPEAT_TYPE, &[element.clone(), new_int(2)]);
    assert_eq!(traced(&r), vec![element.bits()]);
}

#[test]
fn accumulate_chain_pairwise_starmap_and_zip_longest_trace_their_state() {
    let mut vm = Vm::new();
    let items = new_list(vec![new_int(1), new_int(2), new_int(3)]);
    let func = type_value(&crate::builtins::tuple::TUPLE_TYPE);
    let initial = new_str("init");
    let acc = crate::eval::call(&mut vm, &type_value(&merging::ACCUMULATE_TYPE), &[items.clone(), func.clone(), initial.clone()], &[new_str("initial")])
        .unwrap_or_else(|_| panic!("accumulate"));
    let seen = traced(&acc);
    assert_eq!(seen.len(), 3, "iterator, func, initial");
    assert_eq!(&seen[1..], &[func.bits(), initial.bits()]);
    next(&mut vm, &acc);
    let seen = traced(&acc);
    assert_eq!(&seen[1..], &[func.bits(), initial.bits()], "the initial value is now the total");

    let ch = make(&mut vm, &merging::CHAIN_TYPE, &[items.clone(), items.clone()]);
    assert_eq!(traced(&ch).len(), 1, "the source only");
    next(&mut vm, &ch);
    assert_eq!(traced(&ch).len(), 2, "the source and the active iterator");

    let pw = make(&mut vm, &merging::PAIRWISE_TYPE, std::slice::from_ref(&items));
    let pair = next(&mut vm, &pw).expect("a pair");
    let seen = traced(&pw);
    assert_eq!(seen.len(), 3, "the iterator, the last item, the result kept for reuse");
    assert_eq!(seen[1..], [new_int(2).bits(), pair.bits()]);

    let sm = make(&mut vm, &merging::STARMAP_TYPE, &[func.clone(), items.clone()]);
    assert_eq!(traced(&sm)[0], func.bits());

    let fill = new_str("-");
    let zl = crate::eval::call(&mut vm, &type_value(&merging::ZIP_LONGEST_TYPE), &[items.clone(), new_list(vec![]), fill.clone()], &[new_str("fillvalue")])
        .unwrap_or_else(|_| panic!("zip_longest"));
    assert_eq!(traced(&zl).len(), 3);
    let row = next(&mut vm, &zl).expect("a row");
    let seen = traced(&zl);
    assert_eq!(seen.len(), 3, "the exhausted iterator is dropped, the result kept");
    assert_eq!(seen[1..], [fill.bits(), row.bits()]);
}

#[test]
fn filtering_iterators_trace_their_function_and_iterators() {
    let mut vm = Vm::new();
    let items = new_list(vec![new_int(0), new_int(1)]);
    let func = type_value(&crate::builtins::singletons::BOOL_TYPE);
    for ty in [&filtering::DROPWHILE_TYPE, &filtering::TAKEWHILE_TYPE, &filtering::FILTERFALSE_TYPE] {
        let v = make(&mut vm, ty, &[func.clone(), items.clone()]);
        let seen = traced(&v);
        assert_eq!(seen.len(), 2, "{}", ty.name());
        assert_eq!(seen[0], func.bits());
    }
    let c = make(&mut vm, &filtering::COMPRESS_TYPE, &[items.clone(), items.clone()]);
    assert_eq!(traced(&c).len(), 2);
    let s = make(&mut vm, &filtering::ISLICE_TYPE, &[items.clone(), new_int(1)]);
    assert_eq!(traced(&s).len(), 1);
    while next(&mut vm, &s).is_some() {}
    assert!(traced(&s).is_empty(), "a finished islice drops its iterator");
}

#[test]
fn groupby_and_its_groupers_trace_keys_values_and_parent() {
    let mut vm = Vm::new();
    let items = new_list(vec![new_str("a"), new_str("a"), new_str("b")]);
    let g = make(&mut vm, &groupby::GROUPBY_TYPE, &[items]);
    assert_eq!(traced(&g).len(), 1);
    let pair = next(&mut vm, &g).expect("a group");
    let t = as_tuple(&pair).expect("a tuple");
    let (key, grouper) = (t.items[0].clone(), t.items[1].clone());
    // The iterator, then the target key, the current key and value.
    assert_eq!(traced(&g).len(), 4);
    assert_eq!(traced(&grouper), vec![g.bits(), key.bits()]);
    next(&mut vm, &grouper);
    assert_eq!(traced(&g).len(), 2, "the grouper took the current value and key");
}

#[test]
fn tee_links_trace_the_iterator_the_items_and_the_next_link() {
    let mut vm = Vm::new();
    let items: Vec<Value> = (0..60).map(new_int).collect();
    let list = new_list(items);
    let tee_fn = crate::builtins::function::new_builtin("tee", tee::tee);
    let pair = crate::eval::call(&mut vm, &tee_fn, &[list], &[]).unwrap_or_else(|_| panic!("tee"));
    let (a, b) = {
        let t = as_tuple(&pair).expect("a tuple");
        (t.items[0].clone(), t.items[1].clone())
    };
    let link = traced_values(&a).remove(0);
    assert_eq!(traced(&b), traced(&a), "copies share the link");
    assert_eq!(traced(&link).len(), 1, "the iterator, no items yet");
    for _ in 0..58 {
        next(&mut vm, &a);
    }
    let seen = traced(&link);
    assert_eq!(seen.len(), 1 + 57 + 1, "the iterator, a full link of items, the next link");
    assert_eq!(seen[1], new_int(0).bits());
    let dataobject = crate::eval::call(
        &mut vm,
        &type_value(&tee::TEE_DATA_TYPE),
        &[new_int(0), new_list(vec![new_str("v")]), crate::builtins::singletons::none()],
        &[],
    )
    .unwrap_or_else(|_| panic!("_tee_dataobject"));
    assert_eq!(traced(&dataobject).len(), 2);
}

#[test]
fn combinatoric_iterators_trace_each_pool_item_once() {
    let mut vm = Vm::new();
    let (x, y) = (new_str("x"), new_str("y"));
    let pool = new_list(vec![x.clone(), y.clone()]);
    let p = crate::eval::call(&mut vm, &type_value(&combinatoric::PRODUCT_TYPE), &[pool.clone(), new_int(3)], &[new_str("repeat")])
        .unwrap_or_else(|_| panic!("product"));
    assert_eq!(traced(&p), vec![x.bits(), y.bits()], "a repeated pool is held once");
    let first = next(&mut vm, &p).expect("a result");
    assert_eq!(traced(&p), vec![x.bits(), y.bits(), first.bits()], "and the result kept for reuse");
    for ty in [&combinatoric::PERMUTATIONS_TYPE, &combinatoric::COMBINATIONS_TYPE, &combinatoric::CWR_TYPE] {
        let v = make(&mut vm, ty, &[pool.clone(), new_int(2)]);
        assert_eq!(traced(&v), vec![x.bits(), y.bits()], "{}", ty.name());
        let first = next(&mut vm, &v).expect("a result");
        assert_eq!(traced(&v), vec![x.bits(), y.bits(), first.bits()], "{}", ty.name());
    }
}

#[test]
fn a_result_tuple_is_refilled_only_when_nothing_else_holds_it() {
    let mut vm = Vm::new();
    let pool = new_list(vec![new_int(1), new_int(2), new_int(3)]);
    let p = crate::eval::call(&mut vm, &type_value(&combinatoric::PRODUCT_TYPE), &[pool, new_int(2)], &[new_str("repeat")])
        .unwrap_or_else(|_| panic!("product"));
    let first = next(&mut vm, &p).expect("a result");
    let second = next(&mut vm, &p).expect("a result");
    assert!(!first.is(&second), "a result still held is not reused");
    assert_eq!(as_tuple(&first).expect("a tuple").items[1].as_small_int(), Some(1));
    let bits = second.bits();
    drop(second);
    let third = next(&mut vm, &p).expect("a result");
    assert_eq!(third.bits(), bits, "a released result is refilled");
    let items: Vec<_> = as_tuple(&third).expect("a tuple").items.iter().map(|v| v.as_small_int()).collect();
    assert_eq!(items, [Some(1), Some(3)]);
}
