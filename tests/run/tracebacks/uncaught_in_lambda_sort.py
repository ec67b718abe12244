people = [("ann", 31), ("bob", None), ("cy", 25)]
print(sorted(people[::2], key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1]))
