def shutdown():
    try:
        raise SystemExit(7)
    finally:
        print("finally still runs")

try:
    shutdown()
except Exception:
    print("SystemExit is not an Exception")
except SystemExit as e:
    print("caught code", e.code)
    shutdown()
