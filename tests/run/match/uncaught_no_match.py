def command(text):
    match text.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["look"]:
            return "looking"
    raise ValueError(f"unknown command: {text!r}")

print(command("go north"))
print(command("look"))
print(command("dance wildly"))
