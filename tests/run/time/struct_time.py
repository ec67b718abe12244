# time.gmtime/localtime/mktime and struct_time (UTC only: no local zone
# in the output).
import time

t = time.gmtime(0)
print(t)
print(type(t).__name__, type(t).__module__, len(t), t.n_fields, t.n_sequence_fields, t.n_unnamed_fields)
print(t.tm_zone, t.tm_gmtoff, t[:3], t.tm_wday, t.tm_yday, tuple(t))
for secs in [1, -1, -1.5, 1.9, 86400 * 366, 951782400, 2**31, 4102444800, -2208988800]:
    print(secs, tuple(time.gmtime(secs)))
print(time.gmtime(None).tm_year >= 2024, time.gmtime().tm_zone)
lt = time.localtime(1000000000)
print(type(lt.tm_zone).__name__, type(lt.tm_gmtoff).__name__, lt.tm_isdst in (0, 1))
print(time.mktime(time.localtime(1000000000)), time.mktime(lt[:9]) == 1000000000.0)
print(type(time.timezone).__name__, type(time.altzone).__name__, time.daylight in (0, 1), len(time.tzname))
s = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0))
print(s, s.tm_zone, s.tm_gmtoff)
s = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0), {"tm_zone": "XYZ", "tm_gmtoff": 3600})
print(s.tm_zone, s.tm_gmtoff, s.__reduce__())
s = time.struct_time(list(range(11)))
print(s.tm_zone, s.tm_gmtoff, len(s))
print(time.struct_time(range(9)) == tuple(range(9)), hash(time.struct_time(range(9))) == hash(tuple(range(9))))
for call in [
    lambda: time.struct_time((1, 2, 3)),
    lambda: time.struct_time((1,) * 12),
    lambda: time.struct_time(5),
    lambda: time.gmtime(1, 2),
    lambda: time.gmtime("x"),
    lambda: time.gmtime(float("nan")),
    lambda: time.gmtime(2**70),
    lambda: time.gmtime(2**62),
    lambda: time.localtime(1e300),
    lambda: time.mktime(1),
    lambda: time.mktime((1, 2)),
    lambda: time.mktime((10**10, 1, 1, 0, 0, 0, 0, 0, -1)),
    lambda: time.mktime((2020, 1, 1, 0, 0, 0.5, 0, 0, -1)),
    lambda: setattr(time.gmtime(0), "tm_year", 5),
    lambda: time.struct_time.__new__(5),
    lambda: time.struct_time.__new__(list, [1] * 9),
    lambda: time.struct_time.tm_zone.__get__((1, 2)),
    lambda: time.strftime("%Y", time.struct_time((1,) * 9, {"tm_zone": 5})),
    lambda: time.strftime("%Z|%z", time.struct_time((2000, 1, 1, 0, 0, 0, 0, 1, 0), {"tm_zone": "a\x00b", "tm_gmtoff": 0})),
    lambda: time.sleep(2**62),
    lambda: time.sleep(1e300),
]:
    try:
        print(call())
    except (TypeError, ValueError, OverflowError, OSError, AttributeError) as e:
        print(type(e).__name__, e)
