with a as b, c as (d, e):
    pass
with (open(x) as f, open(y) as g):
    pass
