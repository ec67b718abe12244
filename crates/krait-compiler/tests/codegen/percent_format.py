# [positions] CPython 3.11's AST optimizer turns simple %-formats into f-strings
z = 1
w = ('a%sb%-5r %%' % (x, y + 1),
  '%s' % (x,), '%.3s%3a' % (x, y), '%.s|%-.2r|%05s|%+ #s' % (x, y, z, w))
v = ('%d' % (x,), '%s %s' % (x,), '%s' % (x, y), '%(a)s' % (x,), '%123s' % (x,), '%s%' % (x,))
u = ('%s' % (1,), '%s' % (*x,), b'%s' % (x,), '%s' % x, ('%' '%s') % (x,), '' % (x,), '%%' % (x,))
t = '%s' * 2 % (x, y)
print(f'{"%r" % (x,)}', "%s-" % (x,) + "y")
