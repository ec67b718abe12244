with A:
pass
