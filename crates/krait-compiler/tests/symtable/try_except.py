try:
    import x
except ImportError as e:
    y = e
else:
    z = 1
finally:
    w = 2
try:
    pass
except* ValueError as eg:
    pass
