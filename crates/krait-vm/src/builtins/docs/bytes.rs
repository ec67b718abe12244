//! Docs of the methods of `bytes` and `bytearray`, which share most of
//! them (`mutable` selects bytearray's own entries).

pub fn doc(mutable: bool, name: &str) -> Option<&'static str> {
    if mutable {
        if let Some(d) = bytearray_doc(name) {
            return Some(d);
        }
    }
    Some(match name {
        "__bytes__" if !mutable => "__bytes__($self, /)\n--\n\nThe bytes object itself, as bytes(self) asks.",
        "capitalize" => "B.capitalize() -> copy of B\n\n\
            A copy with the first byte as an upper case ASCII letter and the rest lower case.",
        "center" => "center($self, width, fillchar=b' ', /)\n--\n\n\
            The bytes centred in a sequence of length width, padded with fillchar.",
        "count" => "B.count(sub[, start[, end]]) -> int\n\n\
            The number of non-overlapping occurrences of sub (bytes or an int)\n\
            in B[start:end].",
        "decode" => "decode($self, /, encoding='utf-8', errors='strict')\n--\n\n\
            The bytes decoded to a string with the codec encoding.\n\n\
            errors says what an undecodable byte does: 'strict' raises\n\
            UnicodeDecodeError; 'ignore', 'replace' or any name registered\n\
            with codecs.register_error() handle it.",
        "endswith" => "B.endswith(suffix[, start[, end]]) -> bool\n\n\
            True when B[start:end] ends with suffix (or one of a tuple of suffixes).",
        "expandtabs" => "expandtabs($self, /, tabsize=8)\n--\n\n\
            A copy with each tab replaced by spaces up to the next multiple of tabsize.",
        "find" => "B.find(sub[, start[, end]]) -> int\n\n\
            The lowest index of sub in B[start:end], or -1 when it is absent.",
        "fromhex" => "fromhex($type, string, /)\n--\n\n\
            An object of the class made from a string of hexadecimal digit\n\
            pairs; spaces between pairs are ignored.",
        "hex" if mutable => "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\n\
            The bytes as a string of two hexadecimal digits each.\n\n\
            sep, a one-character string or bytes, is put between groups of\n\
            bytes_per_sep bytes, counted from the right (from the left when\n\
            bytes_per_sep is negative).\n\
            >>> bytearray(b'Krait').hex()\n\
            '4b72616974'\n\
            >>> bytearray(b'Krait').hex(':')\n\
            '4b:72:61:69:74'\n\
            >>> bytearray(b'Krait').hex(':', 2)\n\
            '4b:7261:6974'\n\
            >>> bytearray(b'Krait').hex(':', -2)\n\
            '4b72:6169:74'\n\
            >>> bytearray([1, 171, 255]).hex('-', 2)\n\
            '01-abff'",
        "hex" => "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\n\
            The bytes as a string of two hexadecimal digits each.\n\n\
            sep, a one-character string or bytes, is put between groups of\n\
            bytes_per_sep bytes, counted from the right (from the left when\n\
            bytes_per_sep is negative).\n\
            >>> bytes([1, 171, 255]).hex()\n\
            '01abff'\n\
            >>> bytes([1, 171, 255]).hex(':')\n\
            '01:ab:ff'\n\
            >>> bytes([1, 171, 255]).hex(b'|', -1)\n\
            '01|ab|ff'\n\
            >>> bytes([1, 2, 3, 4]).hex(' ', 2)\n\
            '0102 0304'\n\
            >>> bytes([1, 2, 3, 4]).hex(' ', -3)\n\
            '010203 04'",
        "index" => "B.index(sub[, start[, end]]) -> int\n\n\
            The lowest index of sub in B[start:end]; ValueError when it is absent.",
        "isalnum" => "B.isalnum() -> bool\n\n\
            True when B is not empty and each byte is an ASCII letter or digit.",
        "isalpha" => "B.isalpha() -> bool\n\n\
            True when B is not empty and each byte is an ASCII letter.",
        "isascii" => "B.isascii() -> bool\n\n\
            True when every byte is below 0x80; True when empty.",
        "isdigit" => "B.isdigit() -> bool\n\n\
            True when B is not empty and each byte is an ASCII digit.",
        "islower" => "B.islower() -> bool\n\n\
            True when B has an ASCII letter and all of them are lower case.",
        "isspace" => "B.isspace() -> bool\n\n\
            True when B is not empty and each byte is ASCII whitespace.",
        "istitle" => "B.istitle() -> bool\n\n\
            True when B is in title case: upper case ASCII letters only after\n\
            uncased bytes, lower case ones only after letters.",
        "isupper" => "B.isupper() -> bool\n\n\
            True when B has an ASCII letter and all of them are upper case.",
        "join" => "join($self, iterable_of_bytes, /)\n--\n\n\
            The bytes-like objects of the iterable joined, with these bytes between them.",
        "ljust" => "ljust($self, width, fillchar=b' ', /)\n--\n\n\
            The bytes left-aligned in a sequence of length width, padded with fillchar.",
        "lower" => "B.lower() -> copy of B\n\nA copy with ASCII letters in lower case.",
        "lstrip" => "lstrip($self, bytes=None, /)\n--\n\n\
            A copy without leading ASCII whitespace (or leading bytes in bytes).",
        "maketrans" => "maketrans(frm, to, /)\n--\n\n\
            A 256-byte translation table for translate(), mapping each byte\n\
            of frm to the byte of to at the same position.",
        "partition" => "partition($self, sep, /)\n--\n\n\
            Split at the first occurrence of sep: (before, sep, after), or\n\
            (a copy, empty, empty) when sep is absent.",
        "removeprefix" => "removeprefix($self, prefix, /)\n--\n\n\
            The bytes without prefix when they start with it, else a copy.",
        "removesuffix" => "removesuffix($self, suffix, /)\n--\n\n\
            The bytes without suffix when they end with it, else a copy.",
        "replace" => "replace($self, old, new, count=-1, /)\n--\n\n\
            A copy with occurrences of old replaced by new; count limits the\n\
            number of replacements (-1: all).",
        "rfind" => "B.rfind(sub[, start[, end]]) -> int\n\n\
            The highest index of sub in B[start:end], or -1 when it is absent.",
        "rindex" => "B.rindex(sub[, start[, end]]) -> int\n\n\
            The highest index of sub in B[start:end]; ValueError when it is absent.",
        "rjust" => "rjust($self, width, fillchar=b' ', /)\n--\n\n\
            The bytes right-aligned in a sequence of length width, padded with fillchar.",
        "rpartition" => "rpartition($self, sep, /)\n--\n\n\
            Split at the last occurrence of sep: (before, sep, after), or\n\
            (empty, empty, a copy) when sep is absent.",
        "rsplit" => "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\n\
            The parts of the bytes, split at sep, from the right.\n\n\
            sep None splits at runs of ASCII whitespace and drops empty parts.\n\
            maxsplit limits the number of splits (-1: no limit).",
        "rstrip" => "rstrip($self, bytes=None, /)\n--\n\n\
            A copy without trailing ASCII whitespace (or trailing bytes in bytes).",
        "split" => "split($self, /, sep=None, maxsplit=-1)\n--\n\n\
            The parts of the bytes, split at sep.\n\n\
            sep None splits at runs of ASCII whitespace and drops empty parts.\n\
            maxsplit limits the number of splits (-1: no limit), leftmost first.",
        "splitlines" => "splitlines($self, /, keepends=False)\n--\n\n\
            The lines of the bytes, split at ASCII line boundaries; keepends\n\
            keeps the line breaks.",
        "startswith" => "B.startswith(prefix[, start[, end]]) -> bool\n\n\
            True when B[start:end] starts with prefix (or one of a tuple of prefixes).",
        "strip" => "strip($self, bytes=None, /)\n--\n\n\
            A copy without leading and trailing ASCII whitespace (or bytes in bytes).",
        "swapcase" => "B.swapcase() -> copy of B\n\n\
            A copy with upper case ASCII letters made lower case and lower case ones upper.",
        "title" => "B.title() -> copy of B\n\n\
            A copy in title case: each word of ASCII letters starts upper case,\n\
            the rest lower case.",
        "translate" => "translate($self, table, /, delete=b'')\n--\n\n\
            A copy with the bytes in delete removed and the others mapped\n\
            through table, a 256-byte object (None: unchanged).",
        "upper" => "B.upper() -> copy of B\n\nA copy with ASCII letters in upper case.",
        "zfill" => "zfill($self, width, /)\n--\n\n\
            The bytes padded on the left with b'0' to length width, after any sign.",
        _ => return None,
    })
}

/// The methods only bytearray has.
fn bytearray_doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__alloc__" => "B.__alloc__() -> int\n\nThe number of bytes allocated for the bytearray.",
        "__reduce__" => "__reduce__($self, /)\n--\n\nThe bytearray's state, for pickle.",
        "__reduce_ex__" => "__reduce_ex__($self, proto=0, /)\n--\n\nThe bytearray's state for pickle protocol proto.",
        "__sizeof__" => "__sizeof__($self, /)\n--\n\nThe size of the bytearray in memory, in bytes.",
        "append" => "append($self, item, /)\n--\n\nAdd one byte (an int in range(256)) at the end.",
        "clear" => "clear($self, /)\n--\n\nRemove every byte.",
        "copy" => "copy($self, /)\n--\n\nA new bytearray with the same bytes.",
        "extend" => "extend($self, iterable_of_ints, /)\n--\n\n\
            Add the bytes of an iterable of ints (or a bytes-like object) at the end.",
        "insert" => "insert($self, index, item, /)\n--\n\nInsert one byte (an int in range(256)) before index.",
        "pop" => "pop($self, index=-1, /)\n--\n\n\
            Remove the byte at index (the last by default) and return it as an int.",
        "remove" => "remove($self, value, /)\n--\n\n\
            Remove the first byte equal to value; ValueError when there is none.",
        "reverse" => "reverse($self, /)\n--\n\nReverse the bytes in place.",
        _ => return None,
    })
}
