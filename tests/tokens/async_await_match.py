async def f():
    await x
match y:
    case [_, *rest]: pass
