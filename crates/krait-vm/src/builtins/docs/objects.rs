//! Docs of the methods of `object`, `type`, `BaseException`, `property`, the built-in
//! iterators (`enumerate`, `zip`, `map`, `filter`, `reversed`, and the
//! `*iterator` types of the containers), the dict views, and of
//! generators, coroutines and asynchronous generators.

pub fn doc(owner: &str, name: &str) -> Option<&'static str> {
    match owner {
        "object" => object_doc(name),
        "type" => type_doc(name),
        "property" => property_doc(name),
        "BaseException" => exception_doc(name),
        "enumerate" | "zip" | "map" | "filter" | "reversed" => iterator_doc(name),
        // CPython gives this one a signature, unlike the other iterators.
        "bytearray_iterator" if name == "__reduce__" => Some("__reduce__($self, /)\n--\n\nThe iterator's state, for pickle."),
        // list_iterator, dict_keyiterator, range_iterator, ...
        _ if owner.ends_with("iterator") => iterator_doc(name),
        "dict_keys" | "dict_values" | "dict_items" => dict_view_doc(owner, name),
        "generator" => generator_doc(name),
        "coroutine" => coroutine_doc(name),
        "async_generator" => async_generator_doc(name),
        _ => None,
    }
}

/// The docs of data attributes (getset descriptors).
pub fn attribute_doc(owner: &str, name: &str) -> Option<&'static str> {
    Some(match (owner, name) {
        ("generator", "__name__") => "The name of the generator.",
        ("generator", "__qualname__") => "The qualified name of the generator.",
        ("coroutine", "__name__") => "The name of the coroutine.",
        ("coroutine", "__qualname__") => "The qualified name of the coroutine.",
        ("async_generator", "__name__") => "The name of the async generator.",
        ("async_generator", "__qualname__") => "The qualified name of the async generator.",
        _ => return None,
    })
}

fn object_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__dir__" => "__dir__($self, /)\n--\n\nThe names of the object's attributes, for dir().",
        "__format__" => "__format__($self, format_spec, /)\n--\n\n\
            self formatted by format_spec: str(self) when format_spec is empty.",
        "__getstate__" => "__getstate__($self, /)\n--\n\nThe object's state, for pickle and copy.",
        "__init_subclass__" => "Called on a class when a subclass of it is made; it does nothing\n\
            by default. A class may define it (an implicit class method) to\n\
            act on its subclasses.",
        "__reduce__" => "__reduce__($self, /)\n--\n\nHow pickle remakes the object.",
        "__reduce_ex__" => "__reduce_ex__($self, protocol, /)\n--\n\nHow pickle remakes the object, for a pickle protocol.",
        "__sizeof__" => "__sizeof__($self, /)\n--\n\nThe size of the object in memory, in bytes.",
        "__subclasshook__" => "Decides issubclass() for an abstract class: True, False, or\n\
            NotImplemented to fall back on the usual rule (see abc).",
        _ => return None,
    })
}

fn type_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__dir__" => "__dir__($self, /)\n--\n\nThe names of the class's attributes and its bases', for dir().",
        "__instancecheck__" => "__instancecheck__($self, instance, /)\n--\n\nTrue when instance is an instance of the class.",
        "__prepare__" => "__prepare__() -> dict\n\
            The namespace a class body runs in; a metaclass may return another mapping.",
        "__sizeof__" => "__sizeof__($self, /)\n--\n\nThe size of the type object in memory, in bytes.",
        "__subclasscheck__" => "__subclasscheck__($self, subclass, /)\n--\n\nTrue when subclass is a subclass of the class.",
        "__subclasses__" => "__subclasses__($self, /)\n--\n\nA list of the class's direct subclasses that are alive.",
        "mro" => "mro($self, /)\n--\n\nThe method resolution order of the class, computed afresh.",
        _ => return None,
    })
}

fn exception_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        // No doc and no signature in CPython (not object's).
        "__reduce__" | "__setstate__" => "",
        "add_note" => "Exception.add_note(note) --\n    \
            add note, a string, to the exception's __notes__, shown after its traceback.",
        "with_traceback" => "Exception.with_traceback(tb) --\n    \
            make tb the exception's __traceback__, and return the exception.",
        _ => return None,
    })
}

fn property_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__set_name__" => "Record the name the property is bound to in its class.",
        "deleter" => "A copy of the property with another deleter (a decorator).",
        "getter" => "A copy of the property with another getter (a decorator).",
        "setter" => "A copy of the property with another setter (a decorator).",
        _ => return None,
    })
}

fn iterator_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__reduce__" => "The iterator's state, for pickle.",
        "__setstate__" => "Restore the iterator's state, when unpickling.",
        "__length_hint__" => "An estimate of the number of items left, len(list(it)).",
        _ => return None,
    })
}

fn dict_view_doc(owner: &str, name: &str) -> Option<&'static str> {
    Some(match (owner, name) {
        ("dict_keys" | "dict_items", "isdisjoint") => "True when the view and the iterable have no item in common.",
        ("dict_keys", "__reversed__") => "An iterator over the keys, last inserted first.",
        ("dict_values", "__reversed__") => "An iterator over the values, last inserted first.",
        ("dict_items", "__reversed__") => "An iterator over the items, last inserted first.",
        _ => return None,
    })
}

fn generator_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__sizeof__" => "gen.__sizeof__() -> size of gen in memory, in bytes",
        "close" => "close() -> raise GeneratorExit inside generator.\n\n\
            The generator finishes; a value it yields instead is a RuntimeError.",
        "send" => "send(arg) -> send 'arg' into generator,\n\
            return next yielded value or raise StopIteration.\n\n\
            arg becomes the value of the paused yield expression.",
        "throw" => "throw(value)\n\
            throw(type[,value[,tb]])\n\n\
            Raise an exception in generator at its paused yield; return the\n\
            next value it yields, or raise StopIteration.",
        _ => return None,
    })
}

fn coroutine_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__sizeof__" => "gen.__sizeof__() -> size of gen in memory, in bytes",
        "close" => "close() -> raise GeneratorExit inside coroutine.\n\n\
            The coroutine finishes; a value it yields instead is a RuntimeError.",
        "send" => "send(arg) -> send 'arg' into coroutine,\n\
            return next iterated value or raise StopIteration.\n\n\
            arg becomes the value of the suspended await.",
        "throw" => "throw(value)\n\
            throw(type[,value[,traceback]])\n\n\
            Raise an exception in coroutine at its suspended await; return\n\
            the next value it yields, or raise StopIteration.",
        _ => return None,
    })
}

fn async_generator_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__sizeof__" => "gen.__sizeof__() -> size of gen in memory, in bytes",
        "aclose" => "aclose() -> raise GeneratorExit inside generator.\n\n\
            An awaitable that finishes the asynchronous generator.",
        "asend" => "asend(v) -> send 'v' in generator.\n\n\
            An awaitable that resumes the generator with v and yields its next value.",
        "athrow" => "athrow(typ[,val[,tb]]) -> raise exception in generator.\n\n\
            An awaitable that raises the exception at the paused yield.",
        _ => return None,
    })
}
