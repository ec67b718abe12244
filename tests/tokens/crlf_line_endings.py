if x:
    y = """a
b"""
# c
