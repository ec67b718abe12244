import sys
print(sys.argv)
print(repr(sys.path[0]), __name__, "__file__" in globals())
print(sum(range(10)))
