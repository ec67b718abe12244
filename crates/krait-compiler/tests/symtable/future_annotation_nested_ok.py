from __future__ import annotations
x: (lambda: (yield))
y: [(w := 1) for v in u]
