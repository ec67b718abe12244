a = "s" 't' """u""" '''v''' r"\n" u"x" "\N{BULLET} \u00e9 \x41 \101"
b = b"\x00" rb"raw" B'b'
"implicit" "concat"
