x = U"a"
y = u"a" f"{x}" "c"
z = f"{x}" f"{y}" "z" f"{w:{v}}"
