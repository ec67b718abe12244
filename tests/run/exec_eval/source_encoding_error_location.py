# A source's encoding problem is a SyntaxError of the whole source:
# line 0, offset -1, no text and no end position.
for src in [b"\xef\xbb\xbf#coding: utf8\nprint('\xe6\x88\x91')\n",
            b"\xef\xbb\xbf#coding: latin-1\nx=1\n",
            b"\xef\xbb\xbf\n# coding: latin-1\n"]:
    try:
        compile(src, '<fragment>', 'exec')
        print("compiled")
    except SyntaxError as e:
        print(repr(e.msg), e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, e.args[1])
