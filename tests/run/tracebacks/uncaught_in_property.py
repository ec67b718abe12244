class Account:
    def __init__(self, owner):
        self.owner = owner

    @property
    def display(self):
        return self.owner.upper() + " (" + self.kind + ")"

a = Account("ann")
a.kind = "basic"
print(a.display)
print(Account("bob").display)
