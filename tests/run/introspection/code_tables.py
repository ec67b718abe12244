# co_linetable / co_lnotab / co_exceptiontable in CPython 3.11's byte
# formats, read back by co_lines() and co_positions(), and code.replace()
# of every field with CPython's validation errors; code equality.
import types, dis
def f(a, b=2):
    x = a + b
    y = [x,
         a]
    try:
        return x / 0
    except ZeroDivisionError:
        return y
co = f.__code__
lt = co.co_linetable
print(type(lt), type(co.co_lnotab))
print(list(co.co_lines())[:3] == list(co.co_lines())[:3])
# lines from co_lines agree with positions
pos = list(co.co_positions())
print(len(pos) * 2 == len(co.co_code))
print(sorted({p[0] for p in pos if p[0]}))
print(sorted({l for _, _, l in co.co_lines() if l}))
r = co.replace(co_linetable=lt)
print(r.co_linetable == lt, list(r.co_positions()) == pos, list(r.co_lines()) == list(co.co_lines()))
r2 = co.replace(co_firstlineno=co.co_firstlineno + 100)
print(sorted({l for _, _, l in r2.co_lines() if l}))
print(co.replace(co_linetable=b'').co_linetable, list(co.replace(co_linetable=b'').co_lines()))
print(co.replace(co_exceptiontable=co.co_exceptiontable).co_exceptiontable == co.co_exceptiontable)
print(co == co.replace(co_name="f"), co == co.replace(co_linetable=b''), hash(co) == hash(co.replace()))
for kw in [dict(co_nlocals=1), dict(co_varnames=('a',)), dict(co_code=b'\x00'), dict(co_code=1), dict(co_linetable=1),
           dict(co_exceptiontable='x'), dict(co_nlocals=-1), dict(co_varnames=(1,2,3)), dict(co_argcount=-1),
           dict(co_argcount=5), dict(co_names=(1,)), dict(co_argcount=2**40)]:
    try: co.replace(**kw); print("ok", kw)
    except Exception as e: print(kw, type(e).__name__, e)
g = types.FunctionType(co.replace(co_name="g"), {}, None, (2,))
print(g(1), g(1, 0))
def h(): return 1
print(types.FunctionType(h.__code__.replace(co_varnames=('q','r'), co_nlocals=2), {})())
# an explicit table: 2 units at line first+1, cols 4..9
t = bytes([0x80 | 10 << 3 | 1, 4, 9])
c3 = h.__code__.replace(co_linetable=t)
print(list(c3.co_positions()), list(c3.co_lines()), c3.co_lnotab)

# Long, one-line, no-column and no-location entries decode as CPython's.
def k():
    return (1 +
            2)
for table in [bytes([0x80 | 14 << 3 | 1, 2, 1, 5, 9]), bytes([0x80 | 13 << 3 | 2, 3]), bytes([0x80 | 15 << 3 | 0]),
              bytes([0x80 | 11 << 3, 3, 7, 0x80 | 0 << 3, 0x12])]:
    c = k.__code__.replace(co_linetable=table)
    print(list(c.co_positions()), list(c.co_lines()), c.co_lnotab)
# Lines past 127 and negative deltas in co_lnotab.
src = "def far():\n    a = 1\n" + "\n" * 300 + "    return a\n"
ns = {}
exec(src, ns)
c = ns["far"].__code__
print(c.co_lnotab[-6:], sorted({l for *_, l in c.co_lines()}))
print(c.replace(co_linetable=bytes([0x80 | 13 << 3, 5, 0x80 | 13 << 3, 7])).co_lnotab)
# The code constructor takes the fields positionally, checked as replace().
CodeType = type(co)
fields = [co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals, co.co_stacksize,
          co.co_flags, co.co_code, co.co_consts, co.co_names, co.co_varnames, co.co_filename, co.co_name,
          co.co_qualname, co.co_firstlineno, co.co_linetable, co.co_exceptiontable, co.co_freevars, co.co_cellvars]
made = CodeType(*fields)
print(made == co, made.co_linetable == co.co_linetable, types.FunctionType(made, {}, None, (2,))(3, 1))
for change in (-1, 1):
    try:
        CodeType(*fields[:3], co.co_nlocals + change, *fields[4:])
    except ValueError as e:
        print("ValueError", e)
for bad in ([1], fields[:15], fields + [1, 2], ):
    try:
        CodeType(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    CodeType(*fields, x=1)
except TypeError as e:
    print("TypeError", e)
