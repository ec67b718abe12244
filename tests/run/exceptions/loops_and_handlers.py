results = []
for item in ["1", "x", "3", None, "5"]:
    try:
        value = int(item)
    except ValueError:
        results.append("bad")
        continue
    except TypeError:
        results.append("none")
        break
    else:
        results.append(value)
    finally:
        results.append("|")
print(results)

def first_valid(items):
    for item in items:
        try:
            return int(item)
        except ValueError:
            pass
    return None
print(first_valid(["a", "b", "7", "8"]), first_valid([]))

attempts = 0
while True:
    try:
        attempts += 1
        if attempts < 3:
            raise ConnectionError(f"attempt {attempts}")
        print("succeeded after", attempts)
        break
    except ConnectionError as e:
        print("retrying:", e)

def nested_handlers():
    try:
        try:
            raise ValueError("inner")
        except TypeError:
            print("wrong handler")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
        try:
            raise KeyError("during handling")
        except KeyError as k:
            print("handled", repr(k), "context", repr(k.__context__))
    print("after")
nested_handlers()
