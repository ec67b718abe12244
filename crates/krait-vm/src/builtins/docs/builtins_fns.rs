//! Docs of the functions of the `builtins` module.
//!
//! Invariant: the `>>>` examples are Krait's own and pass under Krait and
//! CPython; test_builtin collects them (`doctest.DocTestSuite(builtins)`),
//! one per function where CPython's docstring has one.

pub fn doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__build_class__" => "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\n\
            Run a class body (func) and make the class: what a class statement does.",
        "__import__" => "__import__($module, /, name, globals=None, locals=None, fromlist=(),\n           level=0)\n--\n\n\
            Import a module, as an import statement does.\n\n\
            globals names the importing module's package for relative imports\n\
            (level > 0); locals is unused. Without fromlist, `import a.b` binds\n\
            the top-level package, so the top-level package is returned;\n\
            with a fromlist, the named submodule itself. Code should prefer\n\
            importlib.import_module().",
        "abs" => "abs($module, x, /)\n--\n\nThe absolute value of x.",
        "aiter" => "aiter($module, async_iterable, /)\n--\n\n\
            The asynchronous iterator of an asynchronous iterable: async_iterable.__aiter__().",
        "all" => "all($module, iterable, /)\n--\n\n\
            True when every item of the iterable is true (and for an empty one).",
        "anext" => "anext($module, aiterator, default=<unrepresentable>, /)\n--\n\n\
            An awaitable for the next item of an asynchronous iterator; at its\n\
            end, default if given, else StopAsyncIteration.",
        "any" => "any($module, iterable, /)\n--\n\n\
            True when some item of the iterable is true; False for an empty one.",
        "ascii" => "ascii($module, obj, /)\n--\n\n\
            repr(obj) with every non-ASCII character escaped (\\x, \\u or \\U).",
        "bin" => "bin($module, number, /)\n--\n\n\
            The binary literal of an integer, as a string.\n\n\
            >>> bin(10), bin(-3)\n\
            ('0b1010', '-0b11')",
        "breakpoint" => "breakpoint(*args, **kws)\n\n\
            Enter the debugger: calls sys.breakpointhook(*args, **kws), which\n\
            by default runs pdb.set_trace() (or what PYTHONBREAKPOINT names).",
        "callable" => "callable($module, obj, /)\n--\n\n\
            True when obj can be called: classes, and instances whose class has __call__.",
        "chr" => "chr($module, i, /)\n--\n\nThe one-character string of Unicode code point i (0 <= i <= 0x10ffff).",
        "compile" => "compile($module, /, source, filename, mode, flags=0,\n        dont_inherit=False, optimize=-1, *, _feature_version=-1)\n--\n\n\
            Compile source (a string, bytes or an AST) into a code object for\n\
            exec() or eval().\n\n\
            filename is shown in tracebacks; mode is 'exec' for statements,\n\
            'eval' for one expression, 'single' for one interactive statement.\n\
            flags adds compiler flags and __future__ features; unless\n\
            dont_inherit is true, the caller's future features are added too.\n\
            optimize is the optimisation level (-1: the interpreter's).",
        "delattr" => "delattr($module, obj, name, /)\n--\n\nRemove attribute name of obj: del obj.name.",
        "dir" => "dir([object]) -> list of strings\n\n\
            Without an argument, the names of the current scope. With one,\n\
            the sorted names of its attributes: its __dir__() if it has one;\n\
            for a module, its namespace; for a class, its and its bases'\n\
            attributes; for an instance, also its class's.",
        "divmod" => "divmod($module, x, y, /)\n--\n\nThe pair (x // y, x % y), computed together.",
        "eval" => "eval($module, source, globals=None, locals=None, /)\n--\n\n\
            Evaluate an expression (a string or code object) and return its value.\n\n\
            globals must be a dict and locals any mapping; both default to the\n\
            caller's namespaces, and locals defaults to globals when only\n\
            globals is given.",
        "exec" => "exec($module, source, globals=None, locals=None, /, *, closure=None)\n--\n\n\
            Execute statements (a string or code object); the result is None.\n\n\
            globals must be a dict and locals any mapping; both default to the\n\
            caller's namespaces, and locals defaults to globals when only\n\
            globals is given. closure supplies the cells of a code object's\n\
            free variables.",
        "format" => "format($module, value, format_spec='', /)\n--\n\n\
            value formatted by format_spec: type(value).__format__(value, format_spec).",
        "getattr" => "getattr(object, name[, default]) -> value\n\n\
            The attribute name of object: getattr(x, 'y') is x.y. When it is\n\
            missing, default if given, else AttributeError.",
        "globals" => "globals($module, /)\n--\n\n\
            The dict of the current module's global names; changing it changes them.",
        "hasattr" => "hasattr($module, obj, name, /)\n--\n\n\
            True when obj has attribute name (getattr() raises no AttributeError).",
        "hash" => "hash($module, obj, /)\n--\n\n\
            The hash value of obj; objects that compare equal hash equal.",
        "hex" => "hex($module, number, /)\n--\n\n\
            The hexadecimal literal of an integer, as a string.\n\n\
            >>> hex(255), hex(-16)\n\
            ('0xff', '-0x10')",
        "id" => "id($module, obj, /)\n--\n\n\
            A number that identifies obj among the objects alive at the same time.",
        "input" => "input($module, prompt='', /)\n--\n\n\
            Read a line from standard input, without its trailing newline.\n\n\
            The prompt is written to standard output first. At end of file,\n\
            EOFError. Uses GNU readline when it is loaded.",
        "isinstance" => "isinstance($module, obj, class_or_tuple, /)\n--\n\n\
            True when obj is an instance of the class (or a subclass of it).\n\n\
            The second argument may be a tuple of classes or a union type\n\
            (int | str): then True when obj is an instance of any of them.",
        "issubclass" => "issubclass($module, cls, class_or_tuple, /)\n--\n\n\
            True when cls is the class or a subclass of it (directly or not).\n\n\
            The second argument may be a tuple of classes or a union type\n\
            (int | str): then True when cls is a subclass of any of them.",
        "iter" => "iter(iterable) -> iterator\n\
            iter(callable, sentinel) -> iterator\n\n\
            An iterator over the iterable; or one that calls callable with no\n\
            argument until it returns sentinel.",
        "len" => "len($module, obj, /)\n--\n\nThe number of items in a container.",
        "locals" => "locals($module, /)\n--\n\n\
            A dict of the current scope's local names. Changing it may or may\n\
            not change the variables themselves.",
        "max" => "max(iterable, *[, default=obj, key=func]) -> value\n\
            max(arg1, arg2, *args, *[, key=func]) -> value\n\n\
            The largest item of an iterable, or the largest argument. key, if\n\
            given, is applied to each item to compare it. default is returned\n\
            for an empty iterable (else ValueError).",
        "min" => "min(iterable, *[, default=obj, key=func]) -> value\n\
            min(arg1, arg2, *args, *[, key=func]) -> value\n\n\
            The smallest item of an iterable, or the smallest argument. key, if\n\
            given, is applied to each item to compare it. default is returned\n\
            for an empty iterable (else ValueError).",
        "next" => "next(iterator[, default])\n\n\
            The next item of the iterator; at its end, default if given, else\n\
            StopIteration.",
        "oct" => "oct($module, number, /)\n--\n\n\
            The octal literal of an integer, as a string.\n\n\
            >>> oct(64), oct(-9)\n\
            ('0o100', '-0o11')",
        "open" => "open($module, /, file, mode='r', buffering=-1, encoding=None,\n     errors=None, newline=None, closefd=True, opener=None)\n--\n\n\
            Open a file and return a file object (see the io module).\n\n\
            file is a path or a file descriptor. mode is made of 'r' (read,\n\
            the default), 'w' (truncate and write), 'x' (create; fail if it\n\
            exists), 'a' (append), '+' (read and write), with 'b' (binary:\n\
            bytes) or 't' (text: str, the default).\n\n\
            buffering: 0 unbuffered (binary only), 1 line buffered (text\n\
            only), larger a buffer size; -1 the default policy. encoding and\n\
            errors select the text codec (default: locale.getencoding());\n\
            newline controls universal newlines in text mode. closefd=False\n\
            keeps a given descriptor open when the file closes. opener, if\n\
            given, is called as opener(file, flags) and returns a descriptor.",
        "ord" => "ord($module, c, /)\n--\n\nThe Unicode code point of a one-character string.",
        "pow" => "pow($module, /, base, exp, mod=None)\n--\n\n\
            base to the power exp; with mod, (base ** exp) % mod computed efficiently.",
        "print" => "print($module, /, *args, sep=' ', end='\\n', file=None, flush=False)\n--\n\n\
            Write the arguments to a stream (sys.stdout by default).\n\n\
            sep goes between the values and end after the last; file is the\n\
            stream and flush=True flushes it afterwards.",
        "repr" => "repr($module, obj, /)\n--\n\n\
            The printable form of obj; for many types, eval() of it gives an equal object.",
        "round" => "round($module, /, number, ndigits=None)\n--\n\n\
            number rounded to ndigits decimal digits, halves to even.\n\n\
            Without ndigits (or with None), the result is an int; otherwise\n\
            it has the type of number. ndigits may be negative.",
        "setattr" => "setattr($module, obj, name, value, /)\n--\n\n\
            Assign value to attribute name of obj: obj.name = value.",
        "sorted" => "sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\n\
            A new list of the iterable's items in ascending order.\n\n\
            key is applied to each item to compare it; reverse=True sorts in\n\
            descending order. The sort is stable.",
        "sum" => "sum($module, iterable, /, start=0)\n--\n\n\
            start plus the items of the iterable, added left to right.\n\n\
            Meant for numbers: strings are refused (use ''.join()).",
        "vars" => "vars([object]) -> dictionary\n\n\
            Without an argument, locals(); with one, its __dict__.",
        _ => return None,
    })
}
