from __future__ import annotations
async def f() -> await x: pass
