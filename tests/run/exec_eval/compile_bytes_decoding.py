# compile() of bytes: an unknown or failing codec is a SyntaxError whose
# message is the LookupError's or UnicodeDecodeError's text (positions in
# the whole source); bytes that are not UTF-8 in a UTF-8 source are
# reported with the line's text; in a comment they are never decoded.
sources = [
    b"# coding: spam\nx = 1\n",
    b"# -*- coding: bogus -*-\n",
    b"# coding: ascii\nx = '\xc3\xa9'\n",
    "# coding: ascii\n\N{SNOWMAN}".encode('utf-8'),
    b"# coding: latin-1\nx = '\xe9'\nprint(len(x))\n",
    b"# coding: utf-8\nx = '\xff'\n",
    b"x = '\xff\xfe'\n",
    b"\xef\xbb\xbfx = '\xff'\n",
    b"\xef\xbb\xbf# coding: utf-8\nx = '\xff'\n",
    b"# coding: utf-8\n# \xff\nprint('comment ok')\n",
    b"\xef\xbb\xbfx = 2 # \xff\nprint(x)\n",
    b"# coding: utf-8\nx = 1 \xff\n",
    b"\xef\xbb\xbf# coding: latin-1\n",
]
for src in sources:
    try:
        exec(compile(src, "fn", "exec"), {})
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.args[1:])
