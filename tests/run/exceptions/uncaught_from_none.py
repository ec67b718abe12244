def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise LookupError(f"{key} is not in the table") from None

print(lookup({"a": 1}, "a"))
lookup({"a": 1}, "b")
