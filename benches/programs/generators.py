"""Generator pipeline: numbers flow through a chain of generators, each
stage a different way of writing lazy iteration.

Size: number of values drawn from the source (work is linear in it).
Exercises: generator functions (yield), generator expressions, `yield from`,
a coroutine driven by send(), zip/enumerate/sum/any over generators,
generator frames suspended and resumed at a high rate.
"""

import sys

DEFAULT_SIZE = 3000000


def lcg(seed, count):
    # The classic 32-bit linear congruential generator (Numerical Recipes).
    state = seed
    for _ in range(count):
        state = (state * 1664525 + 1013904223) & 0xFFFFFFFF
        yield state


def small(values):
    return (v % 1000 for v in values)


def keep_odd_or_small(values):
    for v in values:
        if v & 1 or v < 100:
            yield v


def chunks(values, size):
    chunk = []
    for v in values:
        chunk.append(v)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten_reversed(groups):
    for group in groups:
        yield from reversed(group)


def window_sums(values, width):
    window = []
    total = 0
    for v in values:
        window.append(v)
        total += v
        if len(window) > width:
            total -= window.pop(0)
        yield total


def running_max():
    # A coroutine: send() it values, it answers with the maximum so far.
    best = None
    value = yield
    while True:
        if best is None or value > best:
            best = value
        value = yield best


def pairs_differ(left, right):
    return sum(1 for a, b in zip(left, right) if a != b)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    stage = window_sums(flatten_reversed(chunks(keep_odd_or_small(small(lcg(42, count))), 7)), 5)
    tracker = running_max()
    next(tracker)
    total = 0
    items = 0
    peak = 0
    for index, value in enumerate(stage):
        peak = tracker.send(value)
        total += value * (index % 7 + 1)
        items += 1
    tracker.close()
    differ = pairs_differ(small(lcg(1, count // 4)), small(lcg(2, count // 4)))
    has_zero = any(v == 0 for v in small(lcg(3, count // 4)))
    squares = sum(x * x for x in range(count // 4) if x % 3)
    print("generators values", count, "items", items)
    print("peak", peak, "differ", differ, "has zero", has_zero)
    print("checksum", total + squares)


main()
