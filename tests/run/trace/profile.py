# sys.setprofile: call/return of Python frames, c_call/c_return/c_exception
# of builtins and method descriptors, generators, getprofile.
import sys

log = []

def prof(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    if event.startswith('c_'):
        arg = getattr(arg, '__name__', '?')
    elif event == 'return':
        arg = repr(arg)
    log.append((event, frame.f_code.co_name, arg))
    return prof  # ignored

def inner(x):
    return len(x)

def outer():
    l = []
    l.append(1)
    list.append(l, 2)
    n = inner(l)
    try:
        int("x")
    except ValueError:
        pass
    sorted([3, 1], key=abs)
    return max(l) + n

def gen():
    yield 1
    yield 2

def run(name, f):
    del log[:]
    sys.setprofile(prof)
    f()
    sys.setprofile(None)
    print(name)
    for entry in log:
        print("  ", entry)

run("outer", outer)
run("gen", lambda: [x for x in gen()])
print(sys.getprofile())
sys.setprofile(prof)
print(sys.getprofile() is prof)
sys.setprofile(None)

# An error in the profile function turns profiling off.
def bad(frame, event, arg):
    raise KeyError(event)
sys.setprofile(bad)
try:
    inner([1])
except KeyError as e:
    print("caught", e)
print(sys.getprofile())

# Both hooks: trace first, then profile.
order = []
def t(frame, event, arg):
    if frame.f_code.co_name == 'inner':
        order.append(('trace', event))
    return t
def p(frame, event, arg):
    if frame.f_code.co_name == 'inner':
        order.append(('profile', event))
sys.settrace(t)
sys.setprofile(p)
inner([])
sys.setprofile(None)
sys.settrace(None)
print(order)

for args in [(), (1, 2)]:
    for f in (sys.settrace, sys.setprofile):
        try:
            f(*args)
        except TypeError as e:
            print(e)
try:
    sys.gettrace(1)
except TypeError as e:
    print(e)

import threading
threading.settrace(t)
print(threading.gettrace() is t)
threading.settrace(None)
threading.setprofile(p)
print(threading.getprofile() is p)
threading.setprofile(None)
