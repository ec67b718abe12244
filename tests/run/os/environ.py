# posix.environ (bytes to bytes) and os.environ over it.
import os
import posix

print(type(posix.environ).__name__, all(type(k) is bytes and type(v) is bytes for k, v in posix.environ.items()))
print(type(os.environ).__name__, len(os.environ) == len(posix.environ), "PATH" in os.environ)
print(os.environ.get("KRAIT_TEST_UNSET_VARIABLE"), os.getenv("KRAIT_TEST_UNSET_VARIABLE", "default"))
os.environ["KRAIT_TEST_VAR"] = "value 1"
print(os.environ["KRAIT_TEST_VAR"], os.getenv("KRAIT_TEST_VAR"), os.environb[b"KRAIT_TEST_VAR"])
os.environ["KRAIT_TEST_VAR"] = "caf\xe9"
print(os.environb[b"KRAIT_TEST_VAR"], os.environ["KRAIT_TEST_VAR"])
print(os.environ.pop("KRAIT_TEST_VAR"), "KRAIT_TEST_VAR" in os.environ)
try:
    os.environ["KRAIT_TEST_VAR"]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ[1] = "x"
except TypeError as e:
    print("TypeError", e)
os.environb[b"KRAIT_B"] = b"\xff"
print(repr(os.environ["KRAIT_B"]), os.fsencode(os.environ["KRAIT_B"]))
del os.environb[b"KRAIT_B"]
print(os.environ.setdefault("KRAIT_TEST_VAR2", "d"), os.environ["KRAIT_TEST_VAR2"])
os.environ.clear() if False else None
os.unsetenv("KRAIT_TEST_VAR2")
os.putenv("KRAIT_TEST_VAR3", "p")
print(os.supports_bytes_environ)
print(os.fsencode("a\udcff"), repr(os.fsdecode(b"a\xff")), os.fsdecode("s"))
