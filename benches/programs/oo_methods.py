"""Method-call-heavy object-oriented workload: an expression tree evaluated
through virtual methods and a visitor, and bank accounts moving money
through a small class hierarchy with super() calls and properties.

Size: number of rounds; each round evaluates the trees and runs a batch of
transfers (work is linear in it).
Exercises: bound method calls, attribute access on instances, inheritance
and method overriding, super(), properties, classmethods and
staticmethods, double dispatch (visitor), __eq__/__hash__ on instances
used as dict keys.
"""

import sys

DEFAULT_SIZE = 2000


class Random:
    """A 31-bit linear congruential generator (the one of ANSI C's rand)."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state >> 8

    def below(self, n):
        return self.next() % n


# --- expression trees ---------------------------------------------------

class Node:
    def evaluate(self, env):
        raise NotImplementedError

    def accept(self, visitor):
        raise NotImplementedError


class Num(Node):
    def __init__(self, value):
        self.value = value

    def evaluate(self, env):
        return self.value

    def accept(self, visitor):
        return visitor.visit_num(self)


class Var(Node):
    def __init__(self, name):
        self.name = name

    def evaluate(self, env):
        return env.lookup(self.name)

    def accept(self, visitor):
        return visitor.visit_var(self)


class Binary(Node):
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def evaluate(self, env):
        return self.combine(self.left.evaluate(env), self.right.evaluate(env))

    def accept(self, visitor):
        return visitor.visit_binary(self)


class Add(Binary):
    symbol = "+"

    def combine(self, a, b):
        return a + b


class Sub(Binary):
    symbol = "-"

    def combine(self, a, b):
        return a - b


class Mul(Binary):
    symbol = "*"

    def combine(self, a, b):
        return (a * b) % 1000003


class Env:
    def __init__(self, values):
        self.values = values

    def lookup(self, name):
        return self.values[name]


class CountVisitor:
    def __init__(self):
        self.nums = 0
        self.vars = 0
        self.ops = 0

    def visit_num(self, node):
        self.nums += 1
        return 1

    def visit_var(self, node):
        self.vars += 1
        return 1

    def visit_binary(self, node):
        self.ops += 1
        return 1 + max(node.left.accept(self), node.right.accept(self))


class Printer:
    def visit_num(self, node):
        return str(node.value)

    def visit_var(self, node):
        return node.name

    def visit_binary(self, node):
        return "(" + node.left.accept(self) + " " + node.symbol + " " + node.right.accept(self) + ")"


def build_tree(rng, depth):
    if depth == 0 or rng.below(5) == 0:
        if rng.below(2):
            return Num(rng.below(100))
        return Var("xyzw"[rng.below(4)])
    kind = (Add, Sub, Mul)[rng.below(3)]
    return kind(build_tree(rng, depth - 1), build_tree(rng, depth - 1))


# --- bank accounts ------------------------------------------------------

class Owner:
    def __init__(self, name, number):
        self.name = name
        self.number = number

    def __eq__(self, other):
        return isinstance(other, Owner) and self.number == other.number

    def __hash__(self):
        return self.number


class Account:
    count = 0

    def __init__(self, owner, balance):
        self.owner = owner
        self._balance = balance
        self.history = 0
        Account.count += 1

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        self._balance += amount
        self.record(amount)

    def withdraw(self, amount):
        if amount > self.available():
            return False
        self._balance -= amount
        self.record(-amount)
        return True

    def available(self):
        return self._balance

    def record(self, amount):
        self.history += 1

    @classmethod
    def opened(cls):
        return cls.count

    @staticmethod
    def cents(amount):
        return amount * 100


class Checking(Account):
    def __init__(self, owner, balance, overdraft):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def available(self):
        return super().available() + self.overdraft

    def withdraw(self, amount):
        if super().withdraw(amount + 1):     # a one-unit fee
            return True
        return False


class Savings(Account):
    def __init__(self, owner, balance, rate):
        super().__init__(owner, balance)
        self.rate = rate
        self.interest = 0

    def record(self, amount):
        super().record(amount)
        if amount > 0:
            gain = amount * self.rate // 1000
            self.interest += gain
            self._balance += gain


class Bank:
    def __init__(self):
        self.accounts = []
        self.by_owner = {}

    def open(self, account):
        self.accounts.append(account)
        self.by_owner.setdefault(account.owner, []).append(account)

    def transfer(self, source, target, amount):
        if source.withdraw(amount):
            target.deposit(amount)
            return True
        return False

    def total(self):
        return sum(a.balance for a in self.accounts)

    def holdings(self, owner):
        return sum(a.balance for a in self.by_owner.get(owner, ()))


def run_bank(rng, transfers):
    bank = Bank()
    owners = [Owner("owner%d" % i, i) for i in range(20)]
    for i in range(60):
        owner = owners[i % len(owners)]
        if i % 3 == 0:
            bank.open(Checking(owner, 1000 + i, 200))
        elif i % 3 == 1:
            bank.open(Savings(owner, 2000 + i, 5 + i % 7))
        else:
            bank.open(Account(owner, 500 + i))
    done = 0
    accounts = bank.accounts
    for _ in range(transfers):
        a = accounts[rng.below(len(accounts))]
        b = accounts[rng.below(len(accounts))]
        if bank.transfer(a, b, rng.below(300)):
            done += 1
    richest = max(owners, key=lambda o: (bank.holdings(Owner("?", o.number)), o.number))
    return done, bank.total(), richest.name


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    rng = Random(2024)
    trees = [build_tree(rng, 9) for _ in range(8)]
    shape = CountVisitor()
    depth = max(t.accept(shape) for t in trees)
    text_len = sum(len(t.accept(Printer())) for t in trees)
    values = 0
    moved = 0
    total = 0
    richest = ""
    for r in range(rounds):
        env = Env({"x": r, "y": r * 3 + 1, "z": 7 - r, "w": r % 11})
        for t in trees:
            values = (values * 7 + t.evaluate(env)) % 1000000007
        done, total, richest = run_bank(rng, 200)
        moved += done
    print("oo rounds", rounds, "trees depth", depth,
          "nodes", shape.nums + shape.vars + shape.ops, "printed", text_len)
    print("transfers", moved, "last total", total, "richest", richest,
          "accounts", Account.opened(), "cents", Account.cents(total))
    print("checksum", values)


main()
