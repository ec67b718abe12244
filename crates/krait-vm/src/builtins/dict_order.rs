//! A dict's insertion order as `collections.OrderedDict` uses it: an
//! OrderedDict keeps its order in its dict's entries, so moving a key is
//! moving its entry.
//!
//! Invariants (of `Inner`, beyond dict's own):
//! - `order` takes a fresh version number whenever a key is added,
//!   removed or moved (and on `clear`), never when only a value changes.
//! - No live entry lies before `first`; compaction and moving an entry to
//!   the front reset it to 0.

use super::{compact, next_version, DictData, Inner};
use crate::ops;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

impl DictData {
    /// The order stamp (see the invariants).
    pub(crate) fn order(&self) -> u64 {
        self.inner.borrow().order
    }

    /// How many entry positions there are (live ones and holes): where a
    /// reverse cursor starts.
    pub(crate) fn entry_positions(&self) -> usize {
        self.inner.borrow().entries.len()
    }

    /// The first live entry at or after position `pos` (before it, when
    /// `reversed`): the position to continue from, and its key and value.
    pub(crate) fn entry_from(&self, pos: usize, reversed: bool) -> Option<(usize, Value, Value)> {
        let inner = self.inner.borrow();
        if reversed {
            let end = pos.min(inner.entries.len());
            let (i, e) = inner.entries[..end].iter().enumerate().rev().find_map(|(i, e)| Some((i, e.as_ref()?)))?;
            Some((i, e.key.clone(), e.value.clone()))
        } else {
            let (i, e) = inner.entries.iter().enumerate().skip(pos).find_map(|(i, e)| Some((i, e.as_ref()?)))?;
            Some((i + 1, e.key.clone(), e.value.clone()))
        }
    }

    /// The first (or last) item.
    pub(crate) fn end_item(&self, last: bool) -> Option<(Value, Value)> {
        let mut inner = self.inner.borrow_mut();
        let found = if last {
            inner.entries.iter().rev().flatten().next()
        } else {
            let first = inner.first.min(inner.entries.len());
            let i = first + inner.entries[first..].iter().position(Option::is_some)?;
            inner.first = i;
            inner.entries[i].as_ref()
        };
        found.map(|e| (e.key.clone(), e.value.clone()))
    }

    /// Move `key`'s entry to the end (or, unless `last`, the front) of the
    /// order; false when the key is absent (`OrderedDict.move_to_end`).
    pub(crate) fn move_to_end(&self, vm: &mut Vm, key: &Value, last: bool) -> PyResult<bool> {
        let hash = ops::hash(vm, key)?;
        let found = match self.lookup_fast(key, hash) {
            Some(found) => found,
            None => self.lookup(vm, key, hash)?,
        };
        let Some(i) = found else { return Ok(false) };
        let mut inner = self.inner.borrow_mut();
        // Already there: nothing moves (and iterators go on).
        let in_place = if last {
            inner.entries.iter().rposition(Option::is_some) == Some(i)
        } else {
            inner.entries.iter().position(Option::is_some) == Some(i)
        };
        if in_place {
            return Ok(true);
        }
        let Some(entry) = inner.entries.get_mut(i).and_then(Option::take) else { return Ok(true) };
        let version = next_version();
        inner.version = version;
        inner.order = version;
        if last {
            if let Ok(slot) = inner.table.find_entry(hash as u64, |&j| j as usize == i) {
                slot.remove();
            }
            let index = inner.entries.len() as u32;
            inner.entries.push(Some(entry));
            let Inner { table, entries, .. } = &mut *inner;
            table.insert_unique(hash as u64, index, |&j| entries[j as usize].as_ref().map_or(0, |e| e.hash as u64));
            if inner.entries.len() > 16 && inner.used * 2 < inner.entries.len() {
                compact(&mut inner);
            }
        } else {
            inner.entries.insert(0, Some(entry));
            compact(&mut inner);
        }
        Ok(true)
    }
}
