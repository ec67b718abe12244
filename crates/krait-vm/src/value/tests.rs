//! Unit tests of the value encoding and of reference counting.

use super::*;
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{TypeObject, Visit};
use std::cell::RefCell;

#[test]
fn small_ints_round_trip_at_the_edges() {
    for i in [0, 1, -1, 42, -42, SMALL_INT_MIN, SMALL_INT_MAX, SMALL_INT_MIN + 1, SMALL_INT_MAX - 1] {
        let v = Value::small_int(i).expect("in range");
        assert!(v.is_small_int() && !v.is_float() && !v.is_object());
        assert_eq!(v.as_small_int(), Some(i));
        assert_eq!(v.unpack(), Unpacked::Int(i));
    }
    assert!(Value::small_int(SMALL_INT_MAX + 1).is_none());
    assert!(Value::small_int(SMALL_INT_MIN - 1).is_none());
    assert!(Value::small_int(i64::MAX).is_none());
}

#[test]
fn floats_are_stored_as_themselves() {
    for f in [0.0, -0.0, 1.5, -2.25, f64::INFINITY, f64::NEG_INFINITY, f64::MIN_POSITIVE, f64::MAX, 5e-324] {
        let v = Value::float(f);
        assert!(v.is_float());
        assert_eq!(v.as_float().map(f64::to_bits), Some(f.to_bits()));
    }
    let nan = Value::float(f64::NAN);
    assert!(nan.as_float().is_some_and(f64::is_nan));
}

#[test]
fn nans_that_collide_with_tags_become_the_canonical_nan() {
    for bits in [0xFFF9_0000_0000_0001u64, 0xFFFA_1234_5678_9ABC, 0xFFF9_FFFF_FFFF_FFFF] {
        let v = Value::float(f64::from_bits(bits));
        assert!(v.is_float(), "{bits:#x}");
        assert!(v.as_float().is_some_and(f64::is_nan));
    }
    // Other NaNs keep their bits (a negative NaN stays negative).
    let neg = f64::from_bits(0xFFF8_0000_0000_0000);
    assert_eq!(Value::float(neg).as_float().map(f64::to_bits), Some(neg.to_bits()));
}

#[test]
fn identity_of_immediates_is_equality_of_words() {
    let a = Value::small_int(7).unwrap();
    let b = Value::small_int(7).unwrap();
    assert!(a.is(&b));
    assert!(!a.is(&Value::float(7.0)));
}

// A test type: a list-like payload, so references nest.
static CELLS: TypeObject = TypeObject::builtin("cells", None, dealloc_cells, trace_cells);

type Cells = RefCell<Vec<Value>>;

unsafe fn dealloc_cells(p: ObjPtr) {
    // SAFETY: every object of type CELLS is allocated as Obj<Cells>.
    unsafe { dealloc_boxed::<Cells>(p) }
}

fn trace_cells(p: ObjPtr, visit: Visit) {
    // SAFETY: p is of type CELLS.
    let cells = unsafe { p.data::<Cells>() };
    for v in cells.borrow().iter() {
        visit(v);
    }
}

fn new_cells(items: Vec<Value>) -> Value {
    Value::from_owned(alloc::<Cells>(&CELLS, RefCell::new(items)))
}

#[test]
fn clone_and_drop_count_references() {
    let v = new_cells(Vec::new());
    let p = v.as_object().unwrap();
    assert_eq!(p.refcnt(), 1);
    let w = v.clone();
    assert_eq!(p.refcnt(), 2);
    let inner = new_cells(vec![w]);
    assert_eq!(p.refcnt(), 2);
    drop(inner);
    assert_eq!(p.refcnt(), 1);
    assert!(std::ptr::eq(p.ty(), &CELLS));
}

#[test]
fn trace_visits_every_reference() {
    let a = Value::small_int(1).unwrap();
    let b = new_cells(Vec::new());
    let c = new_cells(vec![a, b.clone(), Value::float(2.0)]);
    let mut seen = Vec::new();
    (CELLS.trace)(c.as_object().unwrap(), &mut |v| seen.push(v.bits()));
    assert_eq!(seen.len(), 3);
    assert!(seen.contains(&b.bits()));
}

#[test]
fn dropping_a_deeply_nested_object_does_not_overflow_the_stack() {
    let mut v = new_cells(Vec::new());
    for _ in 0..1_000_000 {
        v = new_cells(vec![v]);
    }
    drop(v);
}

#[test]
fn null_is_neither_float_nor_int_nor_object() {
    let n = Value::NULL;
    assert!(n.is_null() && !n.is_float() && !n.is_small_int() && !n.is_object());
    assert!(!Value::float(f64::from_bits(0xFFFB_0000_0000_0000)).is_null());
}
