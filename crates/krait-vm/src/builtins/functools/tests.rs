//! The `_functools` objects' trace slots visit every reference they hold.

use super::{LRU_CACHE_WRAPPER_TYPE, PARTIAL_TYPE};
use crate::builtins::dict::as_dict;
use crate::builtins::int::new_int;
use crate::builtins::str::new_str;
use crate::types::type_value;
use crate::value::Value;
use crate::vm::Vm;

fn traced(v: &Value) -> Vec<u64> {
    let p = v.as_object().expect("an object");
    let mut seen = Vec::new();
    (p.ty().trace)(p, &mut |x| seen.push(x.bits()));
    seen
}

fn builtin(vm: &mut Vm, name: &str) -> Value {
    crate::builtins::iter_pickle::builtin(vm, name).unwrap_or_else(|_| panic!("no builtin {name}"))
}

fn call(vm: &mut Vm, f: &Value, args: &[Value], kwnames: &[Value]) -> Value {
    crate::eval::call(vm, f, args, kwnames).unwrap_or_else(|_| panic!("the call raised"))
}

fn getattr(vm: &mut Vm, v: &Value, name: &str) -> Value {
    crate::ops::getattr(vm, v, &new_str(name)).unwrap_or_else(|_| panic!("no attribute {name}"))
}

// One test: the interpreter's statics (built-in types) are not shared
// between threads, and the test harness runs tests on several.
#[test]
fn trace_visits_every_reference_of_partial_key_wrapper_and_lru_cache() {
    let mut vm = Vm::new();
    partial_visits_its_function_arguments_keywords_and_dict(&mut vm);
    key_wrapper_visits_its_function_and_object(&mut vm);
    lru_cache_wrapper_visits_its_function_cache_and_links(&mut vm);
}

fn partial_visits_its_function_arguments_keywords_and_dict(vm: &mut Vm) {
    let func = builtin(vm, "max");
    let (a, k) = (new_str("a"), new_str("k"));
    let p = call(vm, &type_value(&PARTIAL_TYPE), &[func.clone(), a.clone(), new_int(1)], &[k]);
    let args = getattr(vm, &p, "args");
    let kw = getattr(vm, &p, "keywords");
    assert_eq!(traced(&p), vec![func.bits(), args.bits(), kw.bits()]);
    let dict = getattr(vm, &p, "__dict__");
    assert!(as_dict(&dict).is_some());
    assert_eq!(traced(&p), vec![func.bits(), args.bits(), kw.bits(), dict.bits()]);
}

fn key_wrapper_visits_its_function_and_object(vm: &mut Vm) {
    let cmp = builtin(vm, "max");
    let wrapper = super::new_key(cmp.clone(), Value::NULL);
    assert_eq!(traced(&wrapper), vec![cmp.bits()]);
    let obj = new_str("x");
    let key = call(vm, &wrapper, std::slice::from_ref(&obj), &[]);
    assert_eq!(traced(&key), vec![cmp.bits(), obj.bits()]);
}

fn lru_cache_wrapper_visits_its_function_cache_and_links(vm: &mut Vm) {
    let func = builtin(vm, "len");
    let info = builtin(vm, "tuple");
    let w = call(vm, &type_value(&LRU_CACHE_WRAPPER_TYPE), &[func.clone(), new_int(2), new_int(0), info.clone()], &[]);
    call(vm, &w, &[new_str("x")], &[]);
    let seen = traced(&w);
    // func, cache_info_type, the keyword mark, the cache dict, one link.
    assert_eq!(seen.len(), 5);
    assert_eq!(&seen[..2], &[func.bits(), info.bits()]);
    let link = super::lru_cache::only_link(&w);
    assert_eq!(seen[4], link.bits());
    let key_and_result = traced(&link);
    assert_eq!(key_and_result.len(), 2);
}
