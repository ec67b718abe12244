items = ["a", "b"]
d = {"key": "val"}
print(f"{items[0]} {d['key']} {len(items)} {items!r}")
print(f"{'yes' if items else 'no'}", f"{(lambda: 'lam')()}", f"{[i * 2 for i in range(3)]}")
print(f"{(x := 5)} {x}", f"{ {1: 2} }", f"{ {'a'} }", f"{(1, 2)}")
print(f"""{
    'triple-quoted f-strings may span lines'
}""")
name = "World"
greeting = f"Hello, {name}"
print(f"{greeting!r:>20}")
print(f"{f'{name}'}", f'''{f"{name!r}"}''', f"{f'{3:>{2}}'}")
print(f"{3 + 4 * 2}", f"{2 ** 10:,}", f"{not True}", f"{None}")
obj = type("O", (), {"attr": "value", "method": lambda self: "called"})()
print(f"{obj.attr} {obj.method()}")
newline = "\n"
print(f"{newline.join(['l1', 'l2'])}", f"{'tab'}\t|")
print(f"{1}{2}{3}", f"", f"{''}", len(f"{'x' * 100}"))
print(F"upper F", rf"\d{name}", fr"{name}\n", f"\x41{name}\u00e9", f"\N{BULLET} {name}")
calls = []
def trace(v):
    calls.append(v)
    return v
print(f"{trace(1)}{trace(2):>{trace(3)}}", calls)
for src in ("f'{\"a\\\\n\"}'", "f'{x!r=}'", "f'{#}'"):
    try:
        compile(src, "<f>", "eval")
        print("compiled", src)
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
