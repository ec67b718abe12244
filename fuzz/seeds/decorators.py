@a.b(c)
@d[e]
@(lambda f: f)
def h(): pass
