# "coroutine ... was never awaited" RuntimeWarning when an unstarted
# coroutine is freed; sys.set_coroutine_origin_tracking_depth and cr_origin;
# a finished coroutine refuses send and throw.
import sys, warnings

async def foo():
    return 'spam'

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    foo()
    print([str(x.message) for x in w], [x.category.__name__ for x in w])
    c = foo(); c.close(); del c
    print(len(w))

def hook(u):
    print('unraisable', u.exc_type.__name__, u.exc_value, type(u.object).__name__)
sys.unraisablehook = hook
with warnings.catch_warnings():
    warnings.filterwarnings('error')
    foo()

print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(2)
def make():
    return foo()
c = make()
print([(f.rsplit('/', 1)[-1], line, name) for f, line, name in c.cr_origin])
c.close()
sys.set_coroutine_origin_tracking_depth(0)
c = foo()
print(c.cr_origin)
c.close()
for bad in (-1, 1.5, 'x'):
    try:
        sys.set_coroutine_origin_tracking_depth(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

c = foo()
try:
    c.send(None)
except StopIteration as e:
    print('returned', e.value)
for op in (lambda: c.send(None), lambda: c.throw(Exception('wat'))):
    try:
        op()
    except RuntimeError as e:
        print('RuntimeError', e)
c.close()
print('done')
