//! The `_collections` objects' trace slots visit every reference they
//! hold, for the types themselves and for classes derived from them.

use super::{defaultdict, deque, deque_iter, odict, tuplegetter};
use crate::builtins::dict::as_dict;
use crate::builtins::int::new_int;
use crate::builtins::list::new_list;
use crate::builtins::str::new_str;
use crate::types::{type_value, TypeObject};
use crate::value::Value;
use crate::vm::Vm;

/// What a type's trace slot visits, as words.
fn traced(v: &Value) -> Vec<u64> {
    let p = v.as_object().expect("an object");
    let mut seen = Vec::new();
    (p.ty().trace)(p, &mut |x| seen.push(x.bits()));
    seen
}

fn make(vm: &mut Vm, ty: &'static TypeObject, args: &[Value]) -> Value {
    crate::eval::call(vm, &type_value(ty), args, &[]).unwrap_or_else(|_| panic!("{}(...) raised", ty.name()))
}

fn call_method(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> Value {
    let m = crate::ops::getattr(vm, obj, &new_str(name)).unwrap_or_else(|_| panic!("no {name}"));
    crate::eval::call(vm, &m, args, &[]).unwrap_or_else(|_| panic!("{name}() raised"))
}

#[test]
fn deque_traces_each_item_once_from_left_to_right() {
    let mut vm = Vm::new();
    let (a, b, c) = (new_str("a"), new_list(vec![]), new_str("c"));
    let d = make(&mut vm, &deque::DEQUE_TYPE, &[new_list(vec![a.clone(), b.clone()])]);
    assert_eq!(traced(&d), vec![a.bits(), b.bits()]);
    call_method(&mut vm, &d, "appendleft", std::slice::from_ref(&c));
    call_method(&mut vm, &d, "rotate", &[new_int(-1)]);
    assert_eq!(traced(&d), vec![a.bits(), b.bits(), c.bits()], "rotated once to the left");
    call_method(&mut vm, &d, "clear", &[]);
    assert!(traced(&d).is_empty());
}

#[test]
fn a_bounded_deque_no_longer_traces_what_it_dropped() {
    let mut vm = Vm::new();
    let items: Vec<Value> = (0..5).map(|i| new_str(&format!("s{i}"))).collect();
    let d = make(&mut vm, &deque::DEQUE_TYPE, &[new_list(items.clone()), new_int(2)]);
    assert_eq!(traced(&d), vec![items[3].bits(), items[4].bits()]);
}

#[test]
fn deque_iterators_trace_their_deque() {
    let mut vm = Vm::new();
    let d = make(&mut vm, &deque::DEQUE_TYPE, &[new_list(vec![new_int(1)])]);
    let it = crate::ops::iter(&mut vm, &d).expect("iter");
    assert_eq!(traced(&it), vec![d.bits()]);
    let rev = call_method(&mut vm, &d, "__reversed__", &[]);
    assert!(std::ptr::eq(vm.type_of(&rev), &deque_iter::DEQUE_REVITER_TYPE));
    assert_eq!(traced(&rev), vec![d.bits()]);
}

#[test]
fn defaultdict_traces_its_items_and_factory() {
    let mut vm = Vm::new();
    let factory = type_value(&crate::builtins::list::LIST_TYPE);
    let dd = make(&mut vm, &defaultdict::DEFAULTDICT_TYPE, std::slice::from_ref(&factory));
    assert_eq!(traced(&dd), vec![factory.bits()]);
    let (k, v) = (new_str("k"), new_str("v"));
    as_dict(&dd).expect("a dict").set(&mut vm, k.clone(), v.clone()).expect("set");
    assert_eq!(traced(&dd), vec![k.bits(), v.bits(), factory.bits()]);
}

#[test]
fn tuplegetter_traces_its_doc() {
    let mut vm = Vm::new();
    let doc = new_str("field doc");
    let g = make(&mut vm, &tuplegetter::TUPLEGETTER_TYPE, &[new_int(0), doc.clone()]);
    assert_eq!(traced(&g), vec![doc.bits()]);
}

#[test]
fn derived_classes_trace_the_payload_and_their_attributes() {
    let mut vm = Vm::new();
    let src = "from _collections import deque, defaultdict\n\
               class D(deque): pass\n\
               class DD(defaultdict): pass\n\
               d = D([1.5])\n\
               d.attr = 'x'\n\
               dd = DD(list)\n";
    let globals = crate::builtins::dict::new_dict();
    crate::builtins::exec::exec(&mut vm, &crate::builtins::singletons::none(), &[new_str(src), globals.clone()], &[])
        .unwrap_or_else(|_| panic!("the source raised"));
    let g = as_dict(&globals).expect("a dict");
    let d = g.get_str(&new_str("d")).expect("d");
    let seen = traced(&d);
    assert_eq!(seen[0], Value::float(1.5).bits(), "the item first");
    assert!(seen.len() >= 2, "then the instance's attributes");
    let dd = g.get_str(&new_str("dd")).expect("dd");
    assert_eq!(traced(&dd)[0], type_value(&crate::builtins::list::LIST_TYPE).bits());
}

#[test]
fn odict_iterators_trace_their_dict_until_done() {
    let mut vm = Vm::new();
    let od = make(&mut vm, &odict::ODICT_TYPE, &[]);
    let key = new_str("k");
    as_dict(&od).expect("a dict").set(&mut vm, key.clone(), new_int(1)).expect("set");
    assert_eq!(traced(&od), vec![key.bits(), new_int(1).bits()]);
    let it = crate::ops::iter(&mut vm, &od).expect("iter");
    assert_eq!(traced(&it), vec![od.bits()]);
    assert!(crate::ops::next(&mut vm, &it).expect("next").is_some());
    assert!(crate::ops::next(&mut vm, &it).expect("next").is_none());
    assert!(traced(&it).is_empty(), "an exhausted iterator lets go of its dict");
}

#[test]
fn moving_keys_keeps_every_key_findable() {
    let mut vm = Vm::new();
    let od = make(&mut vm, &odict::ODICT_TYPE, &[]);
    let d = as_dict(&od).expect("a dict");
    for i in 0..200 {
        d.set(&mut vm, new_int(i), new_int(i * 10)).expect("set");
    }
    for i in (0..200).step_by(3) {
        assert!(d.move_to_end(&mut vm, &new_int(i), i % 2 == 0).expect("move"));
    }
    for i in (0..200).step_by(5) {
        d.remove(&mut vm, &new_int(i)).expect("remove");
    }
    assert!(!d.move_to_end(&mut vm, &new_int(5), true).expect("move"), "a removed key is not moved");
    for i in 0..200 {
        let found = d.get(&mut vm, &new_int(i)).expect("get");
        assert_eq!(found.map(|v| v.bits()), (i % 5 != 0).then(|| new_int(i * 10).bits()), "key {i}");
    }
    let first = d.end_item(false).expect("a first item").0;
    let (_, k, _) = d.entry_from(0, false).expect("an entry");
    assert_eq!(k.bits(), first.bits(), "the first item is the first entry");
    assert_eq!(d.len(), 160);
}
