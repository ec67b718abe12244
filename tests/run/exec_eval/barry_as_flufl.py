# PEP 401: with barry_as_FLUFL, `<>` is the inequality operator and `!=`
# a syntax error; without it, `<>` is invalid syntax.
import __future__

def show(src, flags=0, mode='exec'):
    try:
        co = compile(src, '<t>', mode, flags)
    except SyntaxError as e:
        print('SyntaxError:', e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset), repr(e.text))
    else:
        print('ok', eval(co) if mode == 'eval' else None)

B = __future__.CO_FUTURE_BARRY_AS_BDFL
show('2 != 3')
show('2 <> 3')
show('2 <> 3', B)
show('2 != 3', B)
show('1 <> 2', B, 'eval')
show('1 <> 1', B, 'eval')
show('1 < 2 <> 3', B, 'eval')
show('from __future__ import barry_as_FLUFL\n2 <> 3')
show('from __future__ import barry_as_FLUFL\nx = 2 != 3')
show('x = 1\nfrom __future__ import barry_as_FLUFL\n2 <> 3')
show('if 1 <> 2: pass')
# exec and eval of a string inherit the caller's future features.
ns = {}
exec(compile('r = eval("1 <> 2")', '<t>', 'exec', B), ns)
print(ns['r'])
exec(compile('from __future__ import barry_as_FLUFL\ntry:\n  eval("1 != 2")\nexcept SyntaxError as e:\n  r = e.msg', '<t>', 'exec'), ns)
print(ns['r'])
