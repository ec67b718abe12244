# compile(..., flags=PyCF_ALLOW_TOP_LEVEL_AWAIT): await, async for, async
# with and async comprehensions at module level make a coroutine's code;
# eval() of it returns a coroutine, FunctionType(code, globals)() too.
import ast, asyncio, types

CO_COROUTINE = 0x80

async def arange(n):
    for i in range(n):
        yield i

class Lock:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        return False

def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

samples = [
    'a = await asyncio.sleep(0, result=1)',
    'async for i in arange(1):\n    a = 1',
    'async with Lock() as l:\n    a = 1',
    'a = [x async for x in arange(2)][1]',
    'a = 1 in {x async for x in arange(2)}',
    'a = {x:1 async for x in arange(1)}[0]',
    'a = [x async for x in arange(2) async for x in arange(2)][1]',
    'a = [x async for x in (x async for x in arange(5))][1]',
    'a, = [1 for x in {x async for x in arange(1)}]',
    'a = [await asyncio.sleep(0, x) async for x in arange(2)][1]',
]
for mode in ('single', 'exec'):
    for src in samples:
        try:
            compile(src, '?', mode)
        except SyntaxError as e:
            print('without the flag:', e.msg)
        co = compile(src, '?', mode, flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        print(mode, co.co_flags & CO_COROUTINE == CO_COROUTINE)
        g = {'asyncio': asyncio, 'a': 0, 'arange': arange, 'Lock': Lock}
        c = types.FunctionType(co, g)()
        print(type(c).__name__, drive(c), g['a'])
        g = {'asyncio': asyncio, 'a': 0, 'arange': arange, 'Lock': Lock}
        c = eval(co, g)
        print(type(c).__name__, drive(c), g['a'])

# Code that does not await stays a plain module's.
for src in ['def f():pass\n', '[x for x in l]', '(x for x in l)', '{x:x for x in l}',
            'async def t():\n  yield 1\n  await x\n']:
    co = compile(src, '?', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    print(repr(src), co.co_flags)

# Inside functions the usual rules hold.
for src in ['def f():  await arange(10)\n', 'def f():  [x async for x in arange(10)]\n',
            'def f():\n  async for i in x: pass\n', 'def f():\n  async with x: pass\n',
            'class C:\n  await x\n', 'lambda: await x\n']:
    try:
        compile(src, '?', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)

# asyncio.run drives such a coroutine.
g = {'asyncio': asyncio}
asyncio.run(eval(compile('r = await asyncio.sleep(0, result="slept")', '<x>', 'exec',
                         flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT), g))
print(g['r'])
