s='héllo wörld'
print(s[1], s[-1], s[1:4], s[::-1], s[::2], 'abc'[5:], 'abc'[-10:2])
try: s[20]
except IndexError as e: print(e)
try: s['a']
except TypeError as e: print(e)
