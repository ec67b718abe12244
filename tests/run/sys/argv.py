import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0].endswith("argv.py"))
print(type(sys.argv).__name__)
sys.argv.append("modified")
print(sys.argv[1:])
