[x for x in y if x]
{k: v for k, v in d.items()}
{s for s in t}
(g for g in h)
[a async for a in b]
