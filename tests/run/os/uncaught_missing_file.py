# An OSError nobody catches: its traceback and message.
import os

print("removing")
os.remove("_krait_no_such_file_anywhere.txt")
