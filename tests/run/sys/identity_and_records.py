# sys's facts about the interpreter, the struct sequences they come in, and
# types.SimpleNamespace-like sys.implementation.
import sys
v = sys.version_info
print(v[:2], v >= (3, 11), v < (4,), v.major, v.minor, v.releaselevel, len(v), type(v).__name__)
print(type(v).__module__, isinstance(v, tuple), list(v)[:2], v[0:2] == (v.major, v.minor))
print(type(v).n_fields, type(v).n_sequence_fields, type(v).n_unnamed_fields, type(v).__match_args__[:3])
try:
    v.major = 4
except AttributeError as e:
    print("AttributeError:", e)
print(sys.hexversion >> 16 == 0x30B, sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.platform)
print(sys.float_info)
print(sys.float_info.max == 1.7976931348623157e+308, sys.float_info[8])
print(sys.int_info)
print(sys.hash_info)
print(sys.hash_info.modulus == 2 ** 61 - 1, hash(float("inf")) == sys.hash_info.inf)
f = sys.flags
print(type(f).__name__, f.optimize, f.debug, f.dev_mode, f.safe_path, f.int_max_str_digits, len(f))
impl = sys.implementation
print(type(impl).__name__, type(impl).__module__, isinstance(impl.name, str), impl.cache_tag.endswith("-311"))
print(impl.version[:1] == (impl.version.major,), type(impl.version).__name__)
print(sys.exception(), sys.exc_info() == (None, None, None))
try:
    raise KeyError("k")
except KeyError as e:
    print(sys.exception() is e, repr(sys.exception()))
print(sys.exception())
s = sys.intern("intern" + "ed")
print(s is sys.intern("interned"), sys.getdefaultencoding(), sys.getfilesystemencoding())
try:
    sys.intern(5)
except TypeError as e:
    print("TypeError:", e)
print(sys.get_int_max_str_digits())
