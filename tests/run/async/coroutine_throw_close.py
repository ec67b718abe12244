class Step:
    def __await__(self):
        return (yield "step")

async def worker():
    try:
        while True:
            got = await Step()
            print("worker got", got)
    except KeyError as e:
        print("worker handled", repr(e))
        return "stopped by KeyError"
    finally:
        print("worker finally")

w = worker()
print(w.send(None))
print(w.send(1))
try:
    w.throw(KeyError("halt"))
except StopIteration as e:
    print("returned", e.value)

w2 = worker()
w2.send(None)
w2.close()
print("closed", w2.cr_frame)

w3 = worker()
w3.send(None)
try:
    w3.throw(ValueError("unhandled"))
except ValueError as e:
    print("propagated", repr(e))
print(w3.cr_running, w3.cr_await, w3.cr_code.co_name)
