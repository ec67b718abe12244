# time.struct_time's constructor: the optional dict must be a dict (None
# too is refused in 3.11), extra named fields come from it, and the
# module says how many fields a struct_time has.
import time

print(time._STRUCT_TM_ITEMS)
for args, kw in [(("123456789",), {"dict": None}), (("123456789", None), {}),
                 (("123456789", [1]), {}), (("12345678",), {}),
                 (("123456789", {"tm_zone": "UTC", "tm_gmtoff": 0}), {}),
                 (("123456789",), {"dict": {}}), ((tuple(range(11)),), {}),
                 ((tuple(range(12)),), {})]:
    try:
        t = time.struct_time(*args, **kw)
        print(t, t.tm_zone, t.tm_gmtoff)
    except TypeError as e:
        print("TypeError", e)
