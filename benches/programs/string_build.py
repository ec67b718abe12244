"""String building: records formatted three ways (f-strings, %-formatting,
str.format), assembled with join and with +=, then taken apart again with
split, slicing and the common str methods.

Size: number of records (work is linear in it).
Exercises: string formatting of ints and floats, concatenation, join,
split/strip/replace/upper/lower/find/startswith/count, slicing with steps,
str * int, padding, a few non-ASCII characters.
"""

import sys

DEFAULT_SIZE = 480000
CHUNK = 200

NAMES = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
         "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert",
         "sybil", "trent", "victor", "walter", "zoë", "łukasz", "søren"]
CITIES = ["Paris", "Oslo", "Lima", "Kyoto", "Quito", "Accra", "Perth",
          "Porto", "Cork", "Graz", "Malmö", "Zürich"]


def record(i):
    name = NAMES[i % len(NAMES)]
    city = CITIES[(i * 7) % len(CITIES)]
    score = (i * 37) % 1000 / 10.0
    if i % 3 == 0:
        return f"{i:06d}|{name.title()}|{city}|{score:.1f}|{'*' * (i % 5)}"
    if i % 3 == 1:
        return "%06d|%s|%s|%.1f|%s" % (i, name.capitalize(), city, score, "*" * (i % 5))
    return "{:06d}|{}|{}|{:.1f}|{}".format(i, name[0].upper() + name[1:], city, score, "*" * (i % 5))


def build_report(count):
    lines = []
    for i in range(count):
        lines.append(record(i))
    return "\n".join(lines)


def summarise(report):
    by_city = {}
    stars = 0
    longest = ""
    for line in report.split("\n"):
        ident, name, city, score, mark = line.split("|")
        stars += len(mark)
        key = city.upper()
        if key in by_city:
            by_city[key] += float(score)
        else:
            by_city[key] = float(score)
        if len(name) > len(longest) or (len(name) == len(longest) and name < longest):
            longest = name
    return by_city, stars, longest


def transform(report, step):
    # Piece a new text together with += from pieces of every step-th line.
    # Each chunk is bounded (CHUNK pieces), so the cost stays linear even
    # where += copies the string instead of growing it in place.
    chunks = []
    out = ""
    pos = 0
    n = 0
    while True:
        end = report.find("\n", pos)
        line = report[pos:] if end < 0 else report[pos:end]
        if n % step == 0:
            name = line[7:line.find("|", 7)]
            piece = name.lower().replace("a", "4").replace("e", "3")
            if piece.startswith("z") or piece.endswith("n"):
                piece = piece[::-1]
            out += piece.center(12, ".") + ";"
            if len(out) > CHUNK * 13:
                chunks.append(out)
                out = ""
        n += 1
        if end < 0:
            chunks.append(out)
            return "".join(chunks)
        pos = end + 1


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    report = build_report(count)
    by_city, stars, longest = summarise(report)
    pieces = transform(report, 3)
    words = pieces.strip(";").split(";")
    print("strings records", count, "report length", len(report))
    for city in sorted(by_city):
        print("  %-8s %12.1f" % (city, by_city[city]))
    print("stars", stars, "longest", longest, "pieces", len(words),
          "dots", pieces.count("."), "reversed", sum(1 for w in words if w.strip(".")[-1:] == "z"))
    print("sample", pieces[:60])
    print("checksum", len(pieces) * 31 + report.count("4") + report.count("|9"))


main()
