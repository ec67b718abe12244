# slice.__reduce__: slices pickle (every protocol), copy and deepcopy.
import pickle, copy
for s in [slice(3), slice(1, 2), slice(1, 2, 3), slice(None, 'a', [1]), slice(10**30, -1)]:
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        t = pickle.loads(pickle.dumps(s, proto))
        assert t == s, (s, t)
    print(s.__reduce__(), copy.copy(s), copy.deepcopy(s))
try: slice(1).__reduce__(1)
except TypeError as e: print(e)
