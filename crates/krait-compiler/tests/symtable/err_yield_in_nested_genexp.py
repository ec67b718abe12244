def f():
    return [x for x in ((yield) for z in w)]
