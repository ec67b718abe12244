café = "naïve €"
print(café, "日本語")  # non-ASCII: col_offset counts UTF-8 bytes
