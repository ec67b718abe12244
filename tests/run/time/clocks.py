# time's clocks and sleep: types, relations and errors, not values.
import time

t, ns = time.time(), time.time_ns()
print(type(t).__name__, type(ns).__name__, abs(t - ns / 1e9) < 1.0, t > 1.6e9)
m1 = time.monotonic()
m1ns = time.monotonic_ns()
p1 = time.perf_counter()
time.sleep(0.02)
m2 = time.monotonic()
p2 = time.perf_counter()
print(m2 - m1 >= 0.019, p2 - p1 >= 0.019, m1ns >= int(m1 * 1e9) - 10**6, type(time.perf_counter_ns()).__name__)
c = time.process_time()
x = 0
for i in range(100000):
    x += i
print(time.process_time() >= c, type(time.process_time_ns()).__name__, type(time.thread_time()).__name__)
print(time.clock_gettime(time.CLOCK_MONOTONIC) > 0, type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__)
print(time.clock_getres(time.CLOCK_REALTIME) > 0, time.CLOCK_REALTIME, time.CLOCK_MONOTONIC)
for name in ["time", "monotonic", "perf_counter", "process_time", "thread_time"]:
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution > 0)
print(time.sleep(0), time.sleep(True), time.sleep(0.001))
for call in [
    lambda: time.sleep(),
    lambda: time.sleep(1, 2),
    lambda: time.sleep("x"),
    lambda: time.sleep(-1),
    lambda: time.sleep(-0.5),
    lambda: time.sleep(float("nan")),
    lambda: time.time(1),
    lambda: time.monotonic(x=1),
    lambda: time.get_clock_info("nope"),
    lambda: time.get_clock_info(),
    lambda: time.clock_gettime(),
]:
    try:
        call()
        print("no error")
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
