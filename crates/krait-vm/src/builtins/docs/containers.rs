//! Docs of the methods of the built-in containers: `list`, `tuple`,
//! `dict`, `set`, `frozenset`, `range`, `slice` and `memoryview`.

pub fn doc(owner: &str, name: &str) -> Option<&'static str> {
    match owner {
        "list" => list_doc(name),
        "tuple" => tuple_doc(name),
        "dict" => dict_doc(name),
        "set" => set_doc(name).or_else(|| frozenset_doc(name)),
        "frozenset" => frozenset_doc(name),
        "range" => range_doc(name),
        "slice" => slice_doc(name),
        "memoryview" => memoryview_doc(name),
        _ => None,
    }
}

fn list_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__getitem__" => "x.__getitem__(y) <==> x[y]",
        "__reversed__" => "__reversed__($self, /)\n--\n\nAn iterator over the list, last item first.",
        "__sizeof__" => "__sizeof__($self, /)\n--\n\nThe size of the list in memory, in bytes.",
        "append" => "append($self, object, /)\n--\n\nAdd object at the end of the list.",
        "clear" => "clear($self, /)\n--\n\nRemove every item.",
        "copy" => "copy($self, /)\n--\n\nA new list with the same items (a shallow copy).",
        "count" => "count($self, value, /)\n--\n\nThe number of items equal to value.",
        "extend" => "extend($self, iterable, /)\n--\n\nAdd the items of the iterable at the end.",
        "index" => "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\n\
            The index of the first item equal to value in list[start:stop];\n\
            ValueError when there is none.",
        "insert" => "insert($self, index, object, /)\n--\n\nInsert object before index.",
        "pop" => "pop($self, index=-1, /)\n--\n\n\
            Remove the item at index (the last by default) and return it;\n\
            IndexError when the list is empty or the index out of range.",
        "remove" => "remove($self, value, /)\n--\n\n\
            Remove the first item equal to value; ValueError when there is none.",
        "reverse" => "reverse($self, /)\n--\n\nReverse the list in place.",
        "sort" => "sort($self, /, *, key=None, reverse=False)\n--\n\n\
            Sort the list in place, in ascending order, and return None.\n\n\
            The sort is stable: equal items keep their order. key is applied\n\
            to each item to compare it; reverse=True sorts in descending order.",
        _ => return None,
    })
}

fn tuple_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__getnewargs__" => "__getnewargs__($self, /)\n--\n\n",
        "count" => "count($self, value, /)\n--\n\nThe number of items equal to value.",
        "index" => "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\n\
            The index of the first item equal to value in tuple[start:stop];\n\
            ValueError when there is none.",
        _ => return None,
    })
}

fn dict_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__contains__" => "__contains__($self, key, /)\n--\n\nTrue when the dictionary has key.",
        "__getitem__" => "x.__getitem__(y) <==> x[y]",
        "__reversed__" => "__reversed__($self, /)\n--\n\nAn iterator over the keys, last inserted first.",
        "__sizeof__" => "D.__sizeof__() -> size of D in memory, in bytes",
        "clear" => "D.clear() -> None.  Remove every item from D.",
        "copy" => "D.copy() -> a shallow copy of D",
        "fromkeys" => "fromkeys($type, iterable, value=None, /)\n--\n\n\
            A new dictionary whose keys are the items of the iterable, each\n\
            mapped to value.",
        "get" => "get($self, key, default=None, /)\n--\n\nThe value for key, or default when key is absent.",
        "items" => "D.items() -> a set-like object providing a view on D's items",
        "keys" => "D.keys() -> a set-like object providing a view on D's keys",
        "pop" => "pop($self, key, default=<unrepresentable>, /)\n--\n\n\
            Remove key and return its value.\n\n\
            When key is absent, default if given, else KeyError.",
        "popitem" => "popitem($self, /)\n--\n\n\
            Remove the last inserted (key, value) pair and return it;\n\
            KeyError when the dictionary is empty.",
        "setdefault" => "setdefault($self, key, default=None, /)\n--\n\n\
            The value for key; when key is absent, first insert it with value default.",
        "update" => "D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F.\n\n\
            E may be a mapping (anything with keys()), whose items are copied,\n\
            or an iterable of (key, value) pairs; then the keyword arguments\n\
            F are stored.",
        "values" => "D.values() -> an object providing a view on D's values",
        _ => return None,
    })
}

/// The methods only `set` has; the others are `frozenset`'s too.
fn set_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "add" => "Add an element to the set (nothing when it is already in it).",
        "clear" => "Remove every element of the set.",
        "difference_update" => "Remove from the set the elements of the other sets.",
        "discard" => "Remove an element from the set if it is in it; nothing otherwise.",
        "intersection_update" => "Keep only the elements of the set that are in all the other sets.",
        "pop" => "Remove an arbitrary element of the set and return it; KeyError when empty.",
        "remove" => "Remove an element from the set; KeyError when it is not in it.",
        "symmetric_difference_update" => "Keep the elements in exactly one of the set and the other.",
        "update" => "Add the elements of the other iterables to the set.",
        _ => return None,
    })
}

fn frozenset_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__contains__" => "x.__contains__(y) <==> y in x.",
        "__reduce__" => "The set's state, for pickle.",
        "__sizeof__" => "S.__sizeof__() -> size of S in memory, in bytes",
        "copy" => "A shallow copy of the set.",
        "difference" => "A new set of the elements that are in this set and in none of the others.",
        "intersection" => "A new set of the elements that are in this set and in all the others.",
        "isdisjoint" => "True when the two sets have no element in common.",
        "issubset" => "True when every element of this set is in the other.",
        "issuperset" => "True when every element of the other is in this set.",
        "symmetric_difference" => "A new set of the elements in exactly one of the two sets.",
        "union" => "A new set of the elements in this set or any of the others.",
        _ => return None,
    })
}

fn range_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        // No doc and no signature in CPython (not object's).
        "__reduce__" => "",
        "__reversed__" => "An iterator over the range, last item first.",
        "count" => "rangeobject.count(value) -> integer -- the number of times value occurs",
        "index" => "rangeobject.index(value) -> integer -- the position of value.\n\
            ValueError when the range does not hold it.",
        _ => return None,
    })
}

fn slice_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__reduce__" => "The slice's state, for pickle.",
        "indices" => "S.indices(len) -> (start, stop, stride)\n\n\
            The start, stop and stride this slice selects in a sequence of\n\
            length len, with missing and out-of-range values resolved as\n\
            indexing does.",
        _ => return None,
    })
}

fn memoryview_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "cast" => "cast($self, /, format, shape=<unrepresentable>)\n--\n\n\
            A new view of the same memory with another struct format and shape.",
        "hex" => "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\n\
            The viewed bytes as a string of two hexadecimal digits each.\n\n\
            sep, a one-character string or bytes, is put between groups of\n\
            bytes_per_sep bytes, counted from the right (from the left when\n\
            bytes_per_sep is negative).\n\
            >>> m = memoryview(b'\\x0a\\x0b\\x0c')\n\
            >>> m.hex()\n\
            '0a0b0c'\n\
            >>> m.hex('.')\n\
            '0a.0b.0c'\n\
            >>> m.hex(' ', -2)\n\
            '0a0b 0c'\n\
            >>> m[1:].hex()\n\
            '0b0c'",
        "release" => "release($self, /)\n--\n\n\
            Release the underlying buffer; the view is unusable afterwards.",
        "tobytes" => "tobytes($self, /, order='C')\n--\n\n\
            The viewed data as bytes, in C ('C'), Fortran ('F') or memory ('A')\n\
            order.",
        "tolist" => "tolist($self, /)\n--\n\nThe viewed data as a (nested) list of its elements.",
        "toreadonly" => "toreadonly($self, /)\n--\n\nA read-only view of the same memory.",
        _ => return None,
    })
}
