with block ad something:
  pass
