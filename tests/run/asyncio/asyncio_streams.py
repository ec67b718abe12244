# Streams: asyncio.start_server on 127.0.0.1 port 0 with open_connection,
# and a stream over a socketpair; the loop's sock_* methods.
import asyncio
import socket

async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(b"echo: " + line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    try:
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for msg in [b"hello\n", b"world\n"]:
            writer.write(msg)
            await writer.drain()
            print(await reader.readline())
        writer.write(b"partial")
        writer.write_eof()
        print(await reader.read())
        writer.close()
        await writer.wait_closed()
        print(writer.is_closing())
    finally:
        server.close()
        await server.wait_closed()

    a, b = socket.socketpair()
    try:
        r1, w1 = await asyncio.open_connection(sock=a)
        r2, w2 = await asyncio.open_connection(sock=b)
        w1.write(b"over a socketpair\nsecond")
        await w1.drain()
        print(await r2.readline())
        print(await r2.readexactly(3))
        w1.close()
        await w1.wait_closed()
        print(await r2.read())
        try:
            await r2.readexactly(1)
        except asyncio.IncompleteReadError as e:
            print(type(e).__name__, e.partial, e.expected)
        w2.close()
        await w2.wait_closed()
    finally:
        a.close()
        b.close()

    loop = asyncio.get_running_loop()
    c, d = socket.socketpair()
    try:
        c.setblocking(False)
        d.setblocking(False)
        await loop.sock_sendall(c, b"raw bytes")
        print(await loop.sock_recv(d, 100))
        buf = bytearray(4)
        await loop.sock_sendall(d, b"into")
        print(await loop.sock_recv_into(c, buf), buf)
    finally:
        c.close()
        d.close()

asyncio.run(main())
