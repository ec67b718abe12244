//! The operands some instructions compute before they act: the values of
//! an unpacking assignment, the items of a `**mapping`, item stores and
//! deletes through the `setitem` slot.
//!
//! Invariants:
//! - Errors are CPython's (`unpack_iterable`, `_PyDict_MergeEx`,
//!   `PyObject_SetItem`/`DelItem`), raised before any target is bound.

use super::calls::function_str;
use super::call;
use crate::builtins::list::{as_list, new_list};
use crate::builtins::tuple::as_tuple;
use crate::ops;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The targets' values for `a, b = seq` (`after` None) or
/// `a, *rest, b = seq` (`before` items, a list, `after` items), with
/// CPython's `unpack_iterable` errors.
pub(super) fn unpack(vm: &mut Vm, seq: &Value, before: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
    let items: Vec<Value> = match (as_tuple(seq), as_list(seq)) {
        (Some(t), _) => t.items.clone(),
        (_, Some(l)) => l.items.borrow().clone(),
        _ => {
            if vm.type_of(seq).iter.is_none() && vm.type_of(seq).getitem.is_none() {
                let msg = format!("cannot unpack non-iterable {} object", vm.type_of(seq).name());
                return Err(vm.type_error(msg));
            }
            let it = ops::iter(vm, seq)?;
            let mut items = Vec::new();
            while items.len() < before {
                match ops::next(vm, &it)? {
                    Some(x) => items.push(x),
                    None => break,
                }
            }
            if after.is_none() && items.len() == before && ops::next(vm, &it)?.is_some() {
                return Err(vm.value_error(format!("too many values to unpack (expected {before})")));
            }
            if after.is_some() {
                while let Some(x) = ops::next(vm, &it)? {
                    items.push(x);
                }
            }
            items
        }
    };
    match after {
        None => {
            if items.len() != before {
                let msg = if items.len() > before {
                    format!("too many values to unpack (expected {before})")
                } else {
                    format!("not enough values to unpack (expected {before}, got {})", items.len())
                };
                return Err(vm.value_error(msg));
            }
            Ok(items)
        }
        Some(after) => {
            if items.len() < before + after {
                let msg = format!("not enough values to unpack (expected at least {}, got {})", before + after, items.len());
                return Err(vm.value_error(msg));
            }
            let mut items = items;
            let tail = items.split_off(items.len() - after);
            let middle = items.split_off(before);
            items.push(new_list(middle));
            items.extend(tail);
            Ok(items)
        }
    }
}

/// The items of a mapping that is not a dict, for `f(**mapping)`: its
/// `keys()` and the values `mapping[key]` gives (CPython's
/// `_PyDict_MergeEx`); no `keys` makes a TypeError naming the function.
pub(super) fn mapping_items(vm: &mut Vm, mapping: &Value, func: &Value) -> PyResult<Vec<(Value, Value)>> {
    let keys = match ops::getattr(vm, mapping, &crate::builtins::str::intern("keys")) {
        Ok(k) => k,
        Err(e) if vm.type_of(&e.exception).is_subtype(&crate::builtins::exceptions::ATTRIBUTE_ERROR) => {
            let msg = format!("{} argument after ** must be a mapping, not {}", function_str(vm, func), vm.type_of(mapping).name());
            return Err(vm.type_error(msg));
        }
        Err(e) => return Err(e),
    };
    let keys = call(vm, &keys, &[], &[])?;
    let mut items = Vec::new();
    for k in ops::collect(vm, &keys)? {
        let v = ops::getitem(vm, mapping, &k)?;
        items.push((k, v));
    }
    Ok(items)
}

/// `container[key] = value`, through the type's `setitem` slot.
pub(crate) fn store_item(vm: &mut Vm, container: &Value, key: Value, value: Value) -> PyResult<()> {
    match vm.type_of(container).setitem.get() {
        Some(f) => f(vm, container, &key, Some(value)),
        None => {
            let msg = format!("'{}' object does not support item assignment", vm.type_of(container).name());
            Err(vm.type_error(msg))
        }
    }
}

/// `del container[key]`, through the type's `setitem` slot.
pub(crate) fn delete_item(vm: &mut Vm, container: &Value, key: &Value) -> PyResult<()> {
    match vm.type_of(container).setitem.get() {
        Some(f) => f(vm, container, key, None),
        None => {
            let msg = format!("'{}' object doesn't support item deletion", vm.type_of(container).name());
            Err(vm.type_error(msg))
        }
    }
}
