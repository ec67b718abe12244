//! Docs of the functions of smaller native modules: `atexit`, `_weakref`,
//! `_thread`, `marshal`, `binascii`, `zlib`, `select`, `_bisect`, `_functools`,
//! `unicodedata`, `_io`, `_string` and `_struct`.

pub fn doc(module: &str, name: &str) -> Option<&'static str> {
    match module {
        "atexit" => atexit_doc(name),
        "_weakref" => weakref_doc(name),
        "_thread" => thread_doc(name),
        "marshal" => marshal_doc(name),
        "binascii" => binascii_doc(name),
        "zlib" => zlib_doc(name),
        "select" => select_doc(name),
        "_bisect" => bisect_doc(name),
        "_functools" => functools_doc(name),
        "unicodedata" => unicodedata_doc(name),
        "_io" => io_doc(name),
        "_string" => string_doc(name),
        "_struct" => struct_doc(name),
        _ => None,
    }
}

fn atexit_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "_clear" => "_clear() -> None\n\nForget every registered exit function.",
        "_ncallbacks" => "_ncallbacks() -> int\n\nThe number of registered exit functions.",
        "_run_exitfuncs" => "_run_exitfuncs() -> None\n\nRun the registered exit functions now, last registered first.",
        "register" => "register(func, *args, **kwargs) -> func\n\n\
            Have func(*args, **kwargs) called when the interpreter exits\n\
            normally; functions run last registered first. Returns func, so\n\
            it serves as a decorator.",
        "unregister" => "unregister(func) -> None\n\nForget every registration of func.",
        _ => return None,
    })
}

fn weakref_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "_remove_dead_weakref" => "_remove_dead_weakref($module, dct, key, /)\n--\n\n\
            Delete dct[key] if it is a weak reference whose referent is gone.",
        "getweakrefcount" => "getweakrefcount($module, object, /)\n--\n\nThe number of weak references and proxies to object.",
        "getweakrefs" => "getweakrefs($module, object, /)\n--\n\nA list of the weak references and proxies to object.",
        "proxy" => "proxy($module, object, callback=None, /)\n--\n\n\
            A weak proxy to object, which acts as object while it is alive;\n\
            callback, if given, is called with the proxy when object goes.",
        _ => return None,
    })
}

fn thread_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "_count" => "_count() -> integer\n\nThe number of threads started by this module that are still running.",
        "_excepthook" => "excepthook(exc_type, exc_value, exc_traceback, thread)\n\n\
            Print an exception a thread's run() raised and did not handle.",
        "_set_sentinel" => "_set_sentinel() -> lock\n\n\
            A lock that is released when the current thread's state is freed.",
        "allocate" | "allocate_lock" => "allocate_lock() -> lock object\n\nA new, unlocked lock.",
        "exit" | "exit_thread" => "exit()\n\nEnd the current thread (raises SystemExit).",
        "get_ident" => "get_ident() -> integer\n\nA number that identifies the current thread among the running ones.",
        "get_native_id" => "get_native_id() -> integer\n\nThe operating system's id of the current thread.",
        "interrupt_main" => "interrupt_main(signum=signal.SIGINT, /)\n\n\
            Act as if signal signum arrived in the main thread.",
        "stack_size" => "stack_size([size]) -> size\n\n\
            The stack size of new threads (0: the system's default); with\n\
            size, set it first and return the previous one.",
        "start_new" | "start_new_thread" => "start_new_thread(function, args[, kwargs])\n\n\
            Run function(*args, **kwargs) in a new thread and return its identifier.",
        _ => return None,
    })
}

fn marshal_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "dump" => "dump($module, value, file, version=version, /)\n--\n\n\
            Write value to the binary file in the marshal format (as .pyc files hold code).",
        "dumps" => "dumps($module, value, version=version, /)\n--\n\nvalue as bytes in the marshal format.",
        "load" => "load($module, file, /)\n--\n\nRead one value in the marshal format from the binary file.",
        "loads" => "loads($module, bytes, /)\n--\n\nThe value that bytes hold in the marshal format.",
        _ => return None,
    })
}

fn binascii_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "a2b_base64" => "a2b_base64($module, data, /, *, strict_mode=False)\n--\n\n\
            The bytes a line of base64 data encodes; strict_mode refuses\n\
            anything but canonical base64.",
        "a2b_hex" => "a2b_hex($module, hexstr, /)\n--\n\nThe bytes an even number of hexadecimal digits encode.",
        "a2b_qp" => "a2b_qp($module, /, data, header=False)\n--\n\nThe bytes quoted-printable data encodes.",
        "a2b_uu" => "a2b_uu($module, data, /)\n--\n\nThe bytes a line of uuencoded data encodes.",
        "b2a_base64" => "b2a_base64($module, data, /, *, newline=True)\n--\n\n\
            data encoded as a line of base64, ending in a newline unless newline is false.",
        "b2a_hex" => "b2a_hex($module, /, data, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\n\
            data as bytes of two hexadecimal digits each, with sep between\n\
            groups of bytes_per_sep bytes, as bytes.hex() places it.",
        "b2a_qp" => "b2a_qp($module, /, data, quotetabs=False, istext=True, header=False)\n--\n\n\
            data encoded as quoted-printable.",
        "b2a_uu" => "b2a_uu($module, data, /, *, backtick=False)\n--\n\n\
            data (at most 45 bytes) encoded as a line of uuencoded data.",
        "crc32" => "crc32($module, data, crc=0, /)\n--\n\nThe CRC-32 checksum of data, continuing from crc.",
        "crc_hqx" => "crc_hqx($module, data, crc, /)\n--\n\nThe CRC-CCITT checksum of data, continuing from crc.",
        "hexlify" => "hexlify($module, /, data, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\n\
            data as bytes of two hexadecimal digits each (the same as b2a_hex()).",
        "unhexlify" => "unhexlify($module, hexstr, /)\n--\n\n\
            The bytes an even number of hexadecimal digits encode (the same as a2b_hex()).",
        _ => return None,
    })
}

fn zlib_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "adler32" => "adler32($module, data, value=1, /)\n--\n\nThe Adler-32 checksum of data, continuing from value.",
        "compress" => "compress($module, data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS)\n--\n\n\
            data compressed, at level 0 (none) to 9 (best), -1 the default.",
        "compressobj" => "compressobj($module, /, level=Z_DEFAULT_COMPRESSION, method=DEFLATED,\n            wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL,\n            strategy=Z_DEFAULT_STRATEGY, zdict=None)\n--\n\n\
            A compressor for data that arrives in pieces.",
        "crc32" => "crc32($module, data, value=0, /)\n--\n\nThe CRC-32 checksum of data, continuing from value.",
        "decompress" => "decompress($module, data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE)\n--\n\n\
            The bytes compressed data holds.",
        "decompressobj" => "decompressobj($module, /, wbits=MAX_WBITS, zdict=b'')\n--\n\n\
            A decompressor for data that arrives in pieces.",
        _ => return None,
    })
}

fn select_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "poll" => "poll($module, /)\n--\n\nA polling object, to which file descriptors are registered.",
        "select" => "select($module, rlist, wlist, xlist, timeout=None, /)\n--\n\n\
            Wait until some of the objects (file descriptors, or with a\n\
            fileno()) are ready for reading, writing or an exceptional\n\
            condition, or timeout seconds pass (None: no limit); return the\n\
            three lists of the ready ones.",
        _ => return None,
    })
}

fn functools_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "reduce" => "reduce(function, iterable[, initial]) -> value\n\n\
            Fold the items of iterable, left to right, into one value with\n\
            function of two arguments: reduce(f, [a, b, c]) is f(f(a, b), c).\n\
            An initial value goes before the items, and is the result when\n\
            iterable is empty.",
        "cmp_to_key" => "Convert a cmp= function into a key= function.",
        _ => return None,
    })
}

fn bisect_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "bisect_left" => "bisect_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n\
            The index where x would go in the sorted a[lo:hi], before any items equal to it.",
        "bisect_right" => "bisect_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n\
            The index where x would go in the sorted a[lo:hi], after any items equal to it.",
        "insort_left" => "insort_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n\
            Insert x in the sorted a, before any items equal to it.",
        "insort_right" => "insort_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n\
            Insert x in the sorted a, after any items equal to it.",
        _ => return None,
    })
}

fn unicodedata_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "bidirectional" => "bidirectional($self, chr, /)\n--\n\nThe bidirectional class of the character ('' if none).",
        "category" => "category($self, chr, /)\n--\n\nThe general category of the character ('Lu', 'Nd', ...).",
        "combining" => "combining($self, chr, /)\n--\n\nThe canonical combining class of the character (0 if none).",
        "decimal" => "decimal($self, chr, default=<unrepresentable>, /)\n--\n\n\
            The decimal value of the character; default, or ValueError, when it has none.",
        "decomposition" => "decomposition($self, chr, /)\n--\n\nThe decomposition mapping of the character ('' if none).",
        "digit" => "digit($self, chr, default=<unrepresentable>, /)\n--\n\n\
            The digit value of the character; default, or ValueError, when it has none.",
        "east_asian_width" => "east_asian_width($self, chr, /)\n--\n\nThe East Asian width of the character ('W', 'Na', ...).",
        "is_normalized" => "is_normalized($self, form, unistr, /)\n--\n\n\
            True when unistr is in normal form form ('NFC', 'NFKC', 'NFD' or 'NFKD').",
        "lookup" => "lookup($self, name, /)\n--\n\nThe character of the given name; KeyError when there is none.",
        "mirrored" => "mirrored($self, chr, /)\n--\n\n1 when the character is mirrored in bidirectional text, else 0.",
        "name" => "name($self, chr, default=<unrepresentable>, /)\n--\n\n\
            The name of the character; default, or ValueError, when it has none.",
        "normalize" => "normalize($self, form, unistr, /)\n--\n\n\
            unistr in normal form form ('NFC', 'NFKC', 'NFD' or 'NFKD').",
        "numeric" => "numeric($self, chr, default=<unrepresentable>, /)\n--\n\n\
            The numeric value of the character, as a float; default, or ValueError, when it has none.",
        _ => return None,
    })
}

fn io_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "open" => return super::builtins_fns::doc("open"),
        "open_code" => "open_code($module, /, path)\n--\n\n\
            Open path for reading code, as import does: open(path, 'rb').",
        "text_encoding" => "text_encoding($module, encoding, stacklevel=2, /)\n--\n\n\
            encoding, or the default text encoding when it is None (with an\n\
            EncodingWarning under -X warn_default_encoding).",
        _ => return None,
    })
}

fn string_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "formatter_field_name_split" => "Split a replacement field's name into its first part and an\n\
            iterator of (is_attribute, key) accessors, for string.Formatter.",
        "formatter_parser" => "Parse a format string into (literal, field_name, format_spec,\n\
            conversion) tuples, for string.Formatter.",
        _ => return None,
    })
}

fn struct_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "_clearcache" => "_clearcache($module, /)\n--\n\nForget the compiled formats.",
        "calcsize" => "calcsize($module, format, /)\n--\n\nThe number of bytes format packs into.",
        "iter_unpack" => "iter_unpack($module, format, buffer, /)\n--\n\n\
            An iterator unpacking buffer, a whole number of format's size,\n\
            one tuple at a time.",
        "pack" => "pack(format, v1, v2, ...) -> bytes\n\nThe values packed as bytes by format.",
        "pack_into" => "pack_into(format, buffer, offset, v1, v2, ...)\n\n\
            Pack the values by format into the writable buffer at offset.",
        "unpack" => "unpack($module, format, buffer, /)\n--\n\n\
            The tuple of values buffer holds, by format; its size must be\n\
            calcsize(format).",
        "unpack_from" => "unpack_from($module, format, /, buffer, offset=0)\n--\n\n\
            The tuple of values buffer holds at offset, by format.",
        _ => return None,
    })
}
