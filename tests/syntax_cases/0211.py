async with A as a, B as b:
pass
