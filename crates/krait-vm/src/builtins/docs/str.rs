//! Docs of the methods of `str`.

pub fn doc(name: &str) -> Option<&'static str> {
    Some(match name {
        "__format__" => "__format__($self, format_spec, /)\n--\n\nself formatted by format_spec, for format() and f-strings.",
        "__sizeof__" => "__sizeof__($self, /)\n--\n\nThe size of the string in memory, in bytes.",
        "capitalize" => "capitalize($self, /)\n--\n\n\
            A copy with its first character in title case and the rest in lower case.",
        "casefold" => "casefold($self, /)\n--\n\nA copy folded for caseless comparisons.",
        "center" => "center($self, width, fillchar=' ', /)\n--\n\n\
            The string centred in a string of length width, padded with fillchar.",
        "count" => "S.count(sub[, start[, end]]) -> int\n\n\
            The number of non-overlapping occurrences of sub in S[start:end].",
        "encode" => "encode($self, /, encoding='utf-8', errors='strict')\n--\n\n\
            The string encoded to bytes with the codec encoding.\n\n\
            errors says what an unencodable character does: 'strict' raises\n\
            UnicodeEncodeError; 'ignore', 'replace', 'xmlcharrefreplace',\n\
            'backslashreplace' or any name registered with\n\
            codecs.register_error() handle it.",
        "endswith" => "S.endswith(suffix[, start[, end]]) -> bool\n\n\
            True when S[start:end] ends with suffix (or one of a tuple of suffixes).",
        "expandtabs" => "expandtabs($self, /, tabsize=8)\n--\n\n\
            A copy with each tab replaced by spaces up to the next multiple of tabsize.",
        "find" => "S.find(sub[, start[, end]]) -> int\n\n\
            The lowest index of sub in S[start:end], or -1 when it is absent.",
        "format" => "S.format(*args, **kwargs) -> str\n\n\
            S with its replacement fields ({...}) filled from args and kwargs.",
        "format_map" => "S.format_map(mapping) -> str\n\n\
            S with its replacement fields ({...}) filled from mapping.",
        "index" => "S.index(sub[, start[, end]]) -> int\n\n\
            The lowest index of sub in S[start:end]; ValueError when it is absent.",
        "isalnum" => "isalnum($self, /)\n--\n\n\
            True when the string is not empty and each character is alphanumeric.",
        "isalpha" => "isalpha($self, /)\n--\n\n\
            True when the string is not empty and each character is alphabetic.",
        "isascii" => "isascii($self, /)\n--\n\n\
            True when every character is ASCII (U+0000 to U+007F); True when empty.",
        "isdecimal" => "isdecimal($self, /)\n--\n\n\
            True when the string is not empty and each character is a decimal digit.",
        "isdigit" => "isdigit($self, /)\n--\n\n\
            True when the string is not empty and each character is a digit.",
        "isidentifier" => "isidentifier($self, /)\n--\n\n\
            True when the string is a valid identifier (keywords included;\n\
            see keyword.iskeyword()).",
        "islower" => "islower($self, /)\n--\n\n\
            True when the string has a cased character and all of them are lower case.",
        "isnumeric" => "isnumeric($self, /)\n--\n\n\
            True when the string is not empty and each character is numeric.",
        "isprintable" => "isprintable($self, /)\n--\n\n\
            True when every character is printable (repr() keeps it); True when empty.",
        "isspace" => "isspace($self, /)\n--\n\n\
            True when the string is not empty and each character is whitespace.",
        "istitle" => "istitle($self, /)\n--\n\n\
            True when the string is in title case: upper case only after\n\
            uncased characters, lower case only after cased ones.",
        "isupper" => "isupper($self, /)\n--\n\n\
            True when the string has a cased character and all of them are upper case.",
        "join" => "join($self, iterable, /)\n--\n\n\
            The strings of the iterable joined, with this string between them.\n\n\
            '.'.join(['ab', 'pq', 'rs']) is 'ab.pq.rs'.",
        "ljust" => "ljust($self, width, fillchar=' ', /)\n--\n\n\
            The string left-aligned in a string of length width, padded with fillchar.",
        "lower" => "lower($self, /)\n--\n\nA copy in lower case.",
        "lstrip" => "lstrip($self, chars=None, /)\n--\n\n\
            A copy without its leading whitespace (or leading characters in chars).",
        "maketrans" => "maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)\n--\n\n\
            A translation table for str.translate().\n\n\
            With one argument, a dict mapping characters (or ordinals) to\n\
            ordinals, strings or None. With two, equal-length strings: the\n\
            i-th character of x maps to the i-th of y. A third string lists\n\
            characters that map to None (are removed).",
        "partition" => "partition($self, sep, /)\n--\n\n\
            Split at the first occurrence of sep: (before, sep, after), or\n\
            (the string, '', '') when sep is absent.",
        "removeprefix" => "removeprefix($self, prefix, /)\n--\n\n\
            The string without prefix when it starts with it, else the string unchanged.",
        "removesuffix" => "removesuffix($self, suffix, /)\n--\n\n\
            The string without suffix when it ends with it, else the string unchanged.",
        "replace" => "replace($self, old, new, count=-1, /)\n--\n\n\
            A copy with occurrences of old replaced by new.\n\n\
            count limits the number of replacements, first ones first; -1\n\
            replaces all.",
        "rfind" => "S.rfind(sub[, start[, end]]) -> int\n\n\
            The highest index of sub in S[start:end], or -1 when it is absent.",
        "rindex" => "S.rindex(sub[, start[, end]]) -> int\n\n\
            The highest index of sub in S[start:end]; ValueError when it is absent.",
        "rjust" => "rjust($self, width, fillchar=' ', /)\n--\n\n\
            The string right-aligned in a string of length width, padded with fillchar.",
        "rpartition" => "rpartition($self, sep, /)\n--\n\n\
            Split at the last occurrence of sep: (before, sep, after), or\n\
            ('', '', the string) when sep is absent.",
        "rsplit" => "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\n\
            The words of the string, split at sep, from the right.\n\n\
            sep None splits at runs of whitespace and drops empty words.\n\
            maxsplit limits the number of splits (-1: no limit).",
        "rstrip" => "rstrip($self, chars=None, /)\n--\n\n\
            A copy without its trailing whitespace (or trailing characters in chars).",
        "split" => "split($self, /, sep=None, maxsplit=-1)\n--\n\n\
            The words of the string, split at sep.\n\n\
            sep None splits at runs of whitespace and drops empty words.\n\
            maxsplit limits the number of splits (-1: no limit), leftmost first.",
        "splitlines" => "splitlines($self, /, keepends=False)\n--\n\n\
            The lines of the string, split at line boundaries; keepends keeps\n\
            the line breaks.",
        "startswith" => "S.startswith(prefix[, start[, end]]) -> bool\n\n\
            True when S[start:end] starts with prefix (or one of a tuple of prefixes).",
        "strip" => "strip($self, chars=None, /)\n--\n\n\
            A copy without leading and trailing whitespace (or characters in chars).",
        "swapcase" => "swapcase($self, /)\n--\n\n\
            A copy with upper case characters made lower case and lower case ones upper.",
        "title" => "title($self, /)\n--\n\n\
            A copy in title case: each word starts upper case, the rest lower case.",
        "translate" => "translate($self, table, /)\n--\n\n\
            A copy with each character mapped through table.\n\n\
            table is indexed by ordinals (__getitem__) and gives an ordinal, a\n\
            string or None (delete); a LookupError leaves the character as it\n\
            is. str.maketrans() builds tables.",
        "upper" => "upper($self, /)\n--\n\nA copy in upper case.",
        "zfill" => "zfill($self, width, /)\n--\n\n\
            The string padded on the left with zeros to length width, after any sign.",
        _ => return None,
    })
}
