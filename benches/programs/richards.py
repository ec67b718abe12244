"""Richards: Martin Richards' operating-system task scheduler simulation.

Six tasks (an idle task, a worker, two handlers, two devices) exchange
packets under a priority scheduler until the idle task has counted down.
Size: number of complete scheduler runs (work is linear in it).
Exercises: attribute loads and stores on instances, method calls through a
class hierarchy (each task kind overrides `step`), linked lists of objects,
small-int arithmetic and bit operations, `is None` tests.
"""

import sys

DEFAULT_SIZE = 36

IDLE_COUNT = 10000
BUFFER_LEN = 4

ID_IDLE = 0
ID_WORKER = 1
ID_HANDLER_A = 2
ID_HANDLER_B = 3
ID_DEVICE_A = 4
ID_DEVICE_B = 5

KIND_DEVICE = 0
KIND_WORK = 1


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.value = 0
        self.buffer = [0] * BUFFER_LEN

    def append_to(self, head):
        # Put this packet at the end of the queue starting at head.
        self.link = None
        if head is None:
            return self
        node = head
        while node.link is not None:
            node = node.link
        node.link = self
        return head


class Task:
    """A task control block. The scheduler runs a task unless it is held or
    waiting for a packet that has not arrived."""

    def __init__(self, system, ident, priority, queue, waiting):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.has_packet = queue is not None
        self.waiting = waiting
        self.held = False
        self.next = system.tasks
        system.tasks = self
        system.table[ident] = self

    def blocked(self):
        return self.held or (self.waiting and not self.has_packet)

    def resume(self):
        # Take the first queued packet (if this task was waiting for one) and
        # run one step of the task's behaviour; returns the next task to run.
        packet = None
        if self.waiting and self.has_packet and not self.held:
            packet = self.queue
            self.queue = packet.link
            self.has_packet = self.queue is not None
            self.waiting = False
        return self.step(packet)

    def receive(self, packet, sender):
        # A packet arrives for this task; the more urgent of the two runs next.
        if self.queue is None:
            self.queue = packet
            self.has_packet = True
            if self.priority > sender.priority:
                return self
        else:
            packet.append_to(self.queue)
        return sender

    # The primitives a task's step uses; each returns the next task to run.

    def wait(self):
        self.waiting = True
        return self

    def hold_self(self):
        self.system.holds += 1
        self.held = True
        return self.next

    def release(self, ident):
        task = self.system.table[ident]
        task.held = False
        if task.priority > self.priority:
            return task
        return self

    def send(self, packet):
        target = self.system.table[packet.dest]
        self.system.sends += 1
        packet.link = None
        packet.dest = self.ident
        return target.receive(packet, self)


class IdleTask(Task):
    def __init__(self, system, ident, priority, count):
        Task.__init__(self, system, ident, priority, None, False)
        self.control = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold_self()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.release(ID_DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.release(ID_DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue, True)
        self.target = ID_HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.wait()
        self.target = ID_HANDLER_B if self.target == ID_HANDLER_A else ID_HANDLER_A
        packet.dest = self.target
        packet.value = 0
        buffer = packet.buffer
        for i in range(BUFFER_LEN):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            buffer[i] = 64 + self.letter
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue):
        Task.__init__(self, system, ident, priority, queue, True)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is None:
            return self.wait()
        index = work.value
        if index >= BUFFER_LEN:
            self.work = work.link
            return self.send(work)
        device = self.devices
        if device is None:
            return self.wait()
        self.devices = device.link
        device.value = work.buffer[index]
        work.value = index + 1
        return self.send(device)


class DeviceTask(Task):
    def __init__(self, system, ident, priority):
        Task.__init__(self, system, ident, priority, None, True)
        self.pending = None

    def step(self, packet):
        if packet is None:
            packet = self.pending
            if packet is None:
                return self.wait()
            self.pending = None
            return self.send(packet)
        self.pending = packet
        self.system.trace += packet.value
        return self.hold_self()


class System:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.sends = 0
        self.holds = 0
        self.trace = 0

    def build(self):
        # Created lowest priority first: each task is pushed on the front of
        # the list, so the scheduler visits the most urgent first.
        IdleTask(self, ID_IDLE, 1, IDLE_COUNT)
        work = Packet(Packet(None, 0, KIND_WORK), 0, KIND_WORK)
        WorkerTask(self, ID_WORKER, 1000, work)
        for ident, device, priority in ((ID_HANDLER_A, ID_DEVICE_A, 2000),
                                        (ID_HANDLER_B, ID_DEVICE_B, 3000)):
            queue = None
            for _ in range(3):
                queue = Packet(queue, device, KIND_DEVICE)
            HandlerTask(self, ident, priority, queue)
        DeviceTask(self, ID_DEVICE_A, 4000)
        DeviceTask(self, ID_DEVICE_B, 5000)

    def run(self):
        task = self.tasks
        while task is not None:
            if task.blocked():
                task = task.next
            else:
                task = task.resume()


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    sends = holds = trace = 0
    for _ in range(runs):
        system = System()
        system.build()
        system.run()
        sends += system.sends
        holds += system.holds
        trace += system.trace
    print("richards runs", runs)
    print("packets sent", sends, "holds", holds)
    print("checksum", trace)


main()
