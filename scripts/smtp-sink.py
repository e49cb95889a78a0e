#!/usr/bin/python3
"""A real SMTP server for the tests: accepts every message on 127.0.0.1:PORT and writes each one, as received, to a
file of its own in FOLDER (a temporary name, then a rename, so a reader never sees half a message).

    /usr/bin/python3 scripts/smtp-sink.py --port PORT --folder FOLDER

Like a real server, it refuses some recipients: any address at refused.example for good (550), any at later.example
for now (451). Prints "listening on 127.0.0.1:PORT" once it accepts connections; stops on SIGTERM or SIGINT. Needs Debian's
python3-aiosmtpd (in scripts/test.sh's packages)."""
import argparse
import os
import signal
import sys
import threading
import time
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        domain = address.rpartition("@")[2].lower()
        if domain == "refused.example":
            return "550 5.1.1 Mailbox unavailable"
        if domain == "later.example":
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns():020d}-{uuid.uuid4().hex}.eml"
        temporary = os.path.join(self.folder, "." + name + ".tmp")
        with open(temporary, "wb") as file:
            file.write(envelope.original_content or envelope.content)
        os.replace(temporary, os.path.join(self.folder, name))
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    arguments = parser.parse_args()
    os.makedirs(arguments.folder, exist_ok=True)
    controller = Controller(Sink(arguments.folder), hostname="127.0.0.1", port=arguments.port)
    try:
        controller.start()
    except Exception as error:  # noqa: BLE001 - the caller reads the reason (e.g. address already in use)
        print(f"could not start: {error}", flush=True)
        return 1
    print(f"listening on 127.0.0.1:{arguments.port}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
