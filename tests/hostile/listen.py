#!/usr/bin/env python3
"""A trap for network access (tests/hostile/run.sh): listens on 127.0.0.1 on a free TCP port,
writes the port to PORTFILE (atomically), and appends one line to LOG for every connection it
accepts (with the first bytes the client sent), then closes it at once so no client waits.
Run in the background; the suite kills it by its pid.  Usage: listen.py PORTFILE LOG"""
import os
import socket
import sys

portfile, log = sys.argv[1], sys.argv[2]
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0))
s.listen(64)
with open(portfile + ".tmp", "w") as f:
    f.write("%d\n" % s.getsockname()[1])
os.rename(portfile + ".tmp", portfile)
while True:
    conn, addr = s.accept()
    conn.settimeout(0.5)
    try:
        data = conn.recv(200)
    except OSError:
        data = b""
    with open(log, "a") as f:
        f.write("connection from %s:%d: %r\n" % (addr[0], addr[1], data[:120]))
    conn.close()
