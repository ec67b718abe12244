# A method deleted from its class dies at gc.collect() even after it was
# looked up (the type's method cache must not keep it alive), and a
# WeakMethod's callback runs once.
import gc
import weakref

class C:
    def f(self):
        return 'f'

def call(o):
    return o.f()

c = C()
r = weakref.ref(C.__dict__['f'])
for _ in range(50):
    call(c)
print(c.f(), r() is not None)
del C.f
gc.collect()
print(r())

class D:
    def m(self):
        return 1

calls = []
d = D()
wm = weakref.WeakMethod(d.m, calls.append)
print(wm()(), len(calls))
del D.m
gc.collect()
print(wm(), calls == [wm])
D.m = lambda self: 2
gc.collect()
print(len(calls), d.m())
