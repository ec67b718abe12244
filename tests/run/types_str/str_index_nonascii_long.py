s = "zoë łukasz søren " * 50 + "end"
print(len(s), s[0], s[2], s[-1], s[10:20], s[5:300:7], s[::-13][:10], s.find("end"), s.find("ł", 100), s.rfind("ø"), s.index("s", 500))
print(s[800:], s[-3:], s[17:34] == s[:17], "abc"[1:], s.count("ø"), s.split(" ")[:4])
t = "aé" * 100
print([t[i] for i in range(0, 200, 37)], t[33:41], t[199], t.find("é", 150))
