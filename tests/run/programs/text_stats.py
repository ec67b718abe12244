TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness."""

words = [w.strip(".,").lower() for w in TEXT.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(len(words), len(freq), top)
lengths = {}
for w in set(words):
    lengths.setdefault(len(w), []).append(w)
for n in sorted(lengths):
    print(n, sorted(lengths[n]))
print(max(words, key=len), min(words, key=lambda w: (len(w), w)))
lines = TEXT.splitlines()
print([len(l) for l in lines], sum(c.isupper() for c in TEXT), TEXT.count("it was"))
print(" ".join(w.capitalize() for w in lines[0].split()[:5]))
vowels = sum(1 for c in TEXT.lower() if c in "aeiou")
print(vowels, f"{vowels / len(TEXT):.3f}")
