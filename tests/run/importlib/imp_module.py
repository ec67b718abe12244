# _imp, the hooks importlib calls: Krait has no frozen modules and loads
# no C extensions, so only names that are neither on CPython are asked.
import _imp

print(_imp.is_builtin("sys"), _imp.is_builtin("builtins"), _imp.is_builtin("_imp"), _imp.is_builtin("no_such"))
print(_imp.is_frozen("no_such"), _imp.find_frozen("no_such"), _imp.init_frozen("no_such"))
for f in (_imp.get_frozen_object, _imp.is_frozen_package):
    try:
        f("no_such")
    except ImportError as e:
        print(type(e).__name__, e, e.name)
print(_imp.lock_held())
_imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock()
try:
    _imp.release_lock()
except RuntimeError as e:
    print(type(e).__name__, e)
print(_imp.check_hash_based_pycs)
for key, data in [(3495, b"hello"), (0, b""), (-1, b"x" * 100), (2**40, bytearray(b"abc"))]:
    print(_imp.source_hash(key, data).hex())
print(_imp.source_hash(key=7, source=b"kw").hex())
import importlib.util
print(importlib.util.source_hash(b"print(1)\n").hex())
try:
    _imp.is_builtin(1)
except TypeError as e:
    print(e)

class Spec:
    name = "_imp"
print(_imp.create_builtin(Spec()) is _imp, _imp.exec_builtin(_imp))
