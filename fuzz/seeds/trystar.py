try:
    pass
except* (A, B) as g:
    pass
