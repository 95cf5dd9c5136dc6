"""The fetcher's pool: a keep-alive connection the server has closed is seen as such and never
reused, with the socket looked up once per connection (`renewalwatch.transport`)."""

from __future__ import annotations

import asyncio
import socket

from renewalwatch.fetch import HttpFetcher, Validators
from renewalwatch.transport import readable

BODY = b"<rss version='2.0'><channel><title>t</title></channel></rss>"


def test_readable_is_true_for_waiting_data_and_for_a_closed_peer_only() -> None:
    ours, theirs = socket.socketpair()
    with ours, theirs:
        assert not readable(ours)
        theirs.sendall(b"x")
        assert readable(ours)
        ours.recv(1)
        assert not readable(ours)
        theirs.close()
        assert readable(ours)  # the end of the stream: the pool must drop this connection
    assert readable(ours)  # closed on our side: no descriptor, treated as gone
    assert readable(None)


def test_a_keep_alive_connection_the_server_closed_is_not_reused() -> None:
    async def scenario() -> tuple[list[bytes], int]:
        connections = 0

        async def answer_once_then_close(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            nonlocal connections
            connections += 1
            await reader.readuntil(b"\r\n\r\n")
            head = f"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {len(BODY)}\r\n"
            writer.write(head.encode() + b"Connection: keep-alive\r\n\r\n" + BODY)
            await writer.drain()
            writer.close()  # despite keep-alive: as servers do on their idle timeout

        server = await asyncio.start_server(answer_once_then_close, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        bodies = []
        async with server, HttpFetcher(timeout=5) as fetcher:
            for _ in range(3):
                bodies.append((await fetcher.fetch(f"http://127.0.0.1:{port}/feed.xml", Validators())).body)
                await asyncio.sleep(0.05)  # the server's close reaches our socket
        return bodies, connections

    bodies, connections = asyncio.run(scenario())
    assert bodies == [BODY] * 3
    assert connections == 3
