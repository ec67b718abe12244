match(x)
match -x
match = 1
print(match)
