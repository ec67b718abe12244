try:
    pass
except E as e:
    raise
except:
    pass
else:
    pass
finally:
    pass
