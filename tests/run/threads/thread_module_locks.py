import _thread
l = _thread.allocate_lock()
print(type(l), l.locked(), l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0.01))
l.release()
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with l:
    print("inside", l.locked())
print(l.locked())
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned(), r._recursion_count())
r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with r:
    print(r._recursion_count())
print(_thread.get_ident() == _thread.get_ident(), _thread.TIMEOUT_MAX, _thread.error, _thread._count(), _thread.LockType is type(l))
try:
    l.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    l.acquire(timeout=-2)
except ValueError as e:
    print("ValueError:", e)
loc = _thread._local()
loc.x = 1
print(loc.x)
