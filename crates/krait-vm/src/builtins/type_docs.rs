//! Docstrings of the built-in types (`str.__doc__`, `help(int)`).
//!
//! Invariants:
//! - A type's doc is written as CPython stores `tp_doc`: either it opens
//!   with call-signature lines (`int([x]) -> integer`), or with
//!   `name(signature)\n--\n\n`, the machine-readable signature that
//!   `__text_signature__` gives and `__doc__` leaves out (`split_doc`).
//! - The signature lines describe the API and so read as CPython's; the
//!   prose after them is Krait's own.
//! - The built-in exception classes' docs are in `docs/exceptions.rs`;
//!   a type listed in neither has `__doc__` None.

/// The docstring of the built-in type named `name` (its `tp_name`).
pub fn doc_of(name: &str) -> Option<&'static str> {
    Some(match name {
        "object" => "object()\n--\n\nThe base class of the class hierarchy.\n\n\
            Calling it makes a featureless instance; every class inherits from it.",
        "type" => "type(object) -> the object's type\n\
            type(name, bases, dict, **kwds) -> a new type",
        "int" => "int([x]) -> integer\n\
            int(x, base=10) -> integer\n\n\
            Make an integer from a number or a string. A float is truncated\n\
            toward zero; an object with __int__, __index__ or __trunc__ is\n\
            converted by it. With no argument, the result is 0.\n\n\
            A string (or bytes, or bytearray) is read as an integer literal\n\
            in the given base, 2 to 36, and may have a sign and surrounding\n\
            whitespace. Base 0 reads the base from the literal's prefix\n\
            (0b, 0o, 0x), as Python source does.\n\
            >>> int('0b101', 0)\n\
            5",
        "bool" => "bool(x) -> bool\n\n\
            True when x is true, False otherwise. True and False are the only\n\
            two instances of bool, a subclass of int.",
        "float" => "float(x=0, /)\n--\n\n\
            Make a floating point number from a number or a string.",
        "complex" => "complex(real=0, imag=0)\n--\n\n\
            Make a complex number real + imag*1j from its real part and an\n\
            optional imaginary part, or from a string.",
        "str" => "str(object='') -> str\n\
            str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n\
            Make a string from an object: its __str__() if it has one, else\n\
            its repr(). With an encoding or errors, the object must be a\n\
            bytes-like object, decoded with that codec (the default encoding\n\
            is sys.getdefaultencoding(), the default errors 'strict').",
        "bytes" => "bytes(iterable_of_ints) -> bytes\n\
            bytes(string, encoding[, errors]) -> bytes\n\
            bytes(bytes_or_buffer) -> a copy of the buffer's bytes\n\
            bytes(int) -> that many zero bytes\n\
            bytes() -> the empty bytes object\n\n\
            An immutable sequence of integers in range(256), made from\n\
            - an iterable yielding such integers,\n\
            - a string encoded with the given codec,\n\
            - any object supporting the buffer protocol,\n\
            - a size (that many zero bytes).",
        "bytearray" => "bytearray(iterable_of_ints) -> bytearray\n\
            bytearray(string, encoding[, errors]) -> bytearray\n\
            bytearray(bytes_or_buffer) -> a mutable copy of the buffer's bytes\n\
            bytearray(int) -> that many zero bytes\n\
            bytearray() -> an empty bytearray\n\n\
            A mutable sequence of integers in range(256), made from the same\n\
            arguments bytes() takes.",
        "memoryview" => "memoryview(object)\n--\n\n\
            A view of the memory of an object supporting the buffer protocol,\n\
            without copying it.",
        "list" => "list(iterable=(), /)\n--\n\n\
            A mutable sequence.\n\n\
            With no argument, an empty list; otherwise a list of the items the\n\
            iterable yields.",
        "tuple" => "tuple(iterable=(), /)\n--\n\n\
            An immutable sequence.\n\n\
            With no argument, the empty tuple; otherwise a tuple of the items\n\
            the iterable yields. A tuple argument is returned unchanged.",
        "dict" => "dict() -> new empty dictionary\n\
            dict(mapping) -> new dictionary holding the mapping's (key, value) pairs\n\
            dict(iterable) -> new dictionary of the (key, value) pairs the iterable yields\n\
            dict(**kwargs) -> new dictionary of the name=value pairs: dict(one=1, two=2)\n\n\
            Later pairs replace earlier ones with an equal key; keys keep the\n\
            order they were first inserted in.",
        "set" => "set() -> new empty set object\n\
            set(iterable) -> new set object\n\n\
            An unordered collection of distinct hashable objects.",
        "frozenset" => "frozenset() -> empty frozenset object\n\
            frozenset(iterable) -> frozenset object\n\n\
            An immutable, hashable, unordered collection of distinct hashable\n\
            objects.",
        "range" => "range(stop) -> range object\n\
            range(start, stop[, step]) -> range object\n\n\
            The integers from start (default 0) up to but not including stop,\n\
            counting by step (default 1, never 0); a negative step counts\n\
            down. A range computes its items; it does not store them.",
        "slice" => "slice(stop)\n\
            slice(start, stop[, step])\n\n\
            The object a[start:stop:step] passes to __getitem__.",
        "enumerate" => "enumerate(iterable, start=0)\n--\n\n\
            An iterator of (count, item) pairs: the items of the iterable,\n\
            each with a count that starts at start.",
        "zip" => "zip(*iterables, strict=False) --> zip object\n\n\
            An iterator of tuples that stops when the shortest input does.\n\
            The i-th tuple holds the i-th item of every iterable. With\n\
            strict=True, iterables of different lengths raise ValueError.\n\n\
            >>> list(zip('ab', [1, 2, 3]))\n\
            [('a', 1), ('b', 2)]",
        "map" => "map(func, *iterables) --> map object\n\n\
            An iterator of func applied to the items of the iterables, taken\n\
            in step; it stops with the shortest iterable.",
        "filter" => "filter(function or None, iterable) --> filter object\n\n\
            An iterator of the items of iterable for which function(item) is\n\
            true (the items that are true themselves, if function is None).",
        "reversed" => "reversed(sequence, /)\n--\n\n\
            An iterator over the items of a sequence, last first.",
        "super" => "super() -> same as super(__class__, <first argument>)\n\
            super(type) -> unbound super object\n\
            super(type, obj) -> bound super object; requires isinstance(obj, type)\n\
            super(type, type2) -> bound super object; requires issubclass(type2, type)\n\
            Attribute lookup on a super object starts after type in the MRO of\n\
            obj's type (or of type2), so a method can call the version it\n\
            overrides:\n\
            class C(B):\n    \
            def meth(self, arg):\n        \
            super().meth(arg)\n",
        "property" => "property(fget=None, fset=None, fdel=None, doc=None)\n--\n\n\
            An attribute computed by functions: fget reads it, fset assigns\n\
            it, fdel deletes it.",
        "classmethod" => "classmethod(function) -> method\n\n\
            Make a function receive the class as its first argument, whether\n\
            it is called on the class or on an instance.",
        "staticmethod" => "staticmethod(function) -> method\n\n\
            Make a function receive no implicit first argument, whether it is\n\
            called on the class or on an instance.",
        "module" => "module(name, doc=None)\n--\n\n\
            A namespace with a name, as an import makes for each module; doc\n\
            may be any object.",
        "functools.partial" => "partial(func, *args, **keywords)\n\n\
            A callable calling func with the stored arguments before the\n\
            call's, and with the stored keywords, which the call's override.",
        "functools._lru_cache_wrapper" => "_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)\n\n\
            A callable caching the results of user_function by its arguments:\n\
            maxsize None caches every result, 0 none, n the n most recently\n\
            used. With typed true, arguments of different types (3 and 3.0)\n\
            are cached apart. cache_info() returns cache_info_type(hits,\n\
            misses, maxsize, currsize).",
        "method" => "method(function, instance, /)\n--\n\n\
            Bind a function to an instance: calling the method calls the\n\
            function with the instance as its first argument.",
        "function" => "function(code, globals, name=None, argdefs=None, closure=None)\n--\n\n\
            Make a function object from a code object.\n\n\
            \x20 code\n\
            \x20   the code object to run\n\
            \x20 globals\n\
            \x20   the dictionary of its global names\n\
            \x20 name\n\
            \x20   a string to use instead of the code object's name\n\
            \x20 argdefs\n\
            \x20   a tuple of the default argument values\n\
            \x20 closure\n\
            \x20   a tuple of cells binding the code's free variables",
        _ => return crate::builtins::docs::exception_type_doc(name),
    })
}

/// A doc in the `name(signature)\n--\n\n` form: (`__text_signature__`,
/// `__doc__`); any other doc has no text signature.
pub fn split_doc(doc: &'static str) -> (Option<&'static str>, &'static str) {
    if let Some((head, rest)) = doc.split_once("\n--\n\n") {
        if let Some(open) = head.find('(') {
            // A blank line ends the search, as CPython's `skip_signature`
            // (a signature may span lines: `compile`, `open`).
            if head.ends_with(')') && !head.contains("\n\n") {
                return (Some(&head[open..]), rest);
            }
        }
    }
    (None, doc)
}
