#!/usr/bin/python3
"""A stand-in for Alibaba Cloud IoT Platform's AMQP 1.0 server-side subscription, for tests.

Speaks AMQP 1.0 over TLS on loopback as "Connect an AMQP client to IoT Platform" describes:
  - SASL PLAIN with the user name
      clientId|authMode=aksign,signMethod=hmacsha1,timestamp=<ms>,authId=<AccessKey ID>,
      iotInstanceId=<instance>,consumerGroupId=<group>|
    and the password base64(HMAC(AccessKey Secret, "authId=<AccessKey ID>&timestamp=<ms>")), recomputed here
    with the secret the test gave; a wrong one is refused by closing the connection with the condition
    amqp:unauthorized-access and a description of what was wrong;
  - the open frame must carry an idle-time-out of 30,000 to 300,000 ms;
  - one receiver link (no sender links) within 15 s of the connection, else the connection is closed;
  - messages carry the application properties topic, messageId and generateTime and a JSON body.

Proton's built-in SASL cannot check a PLAIN password on the server side (that needs Cyrus and a password
database), so this script does TLS with Python's ssl module and the SASL exchange itself (a handful of AMQP
frames, encoded and decoded with proton.Data), then hands the AMQP layer to a proton Transport in server mode.

The test drives it with JSON lines on stdin:
  {"topic": "...", "messageId": "...", "generateTime": 1700000000000, "body": {...}}   send a message
  {"topic": "...", "bodyText": "not json"}                                           send a raw body
  {"command": "drop"}                                                                close every connection
Messages wait in an outbox until a receiver link has credit, and leave it only when the client accepted them:
a message in flight when a connection ends is sent again on the next one.

It reports on stdout, one line each: "LISTENING <port>", "IDLE <client's idle-time-out in ms>", "AUTHORIZED <clientId>", "REFUSED <description>",
"LINK <clientId>", "SENT <messageId>", "ACCEPTED <messageId>", "CLOSED <clientId>".
"""

import argparse
import base64
import hashlib
import hmac
import json
import socket
import ssl
import sys
import threading
import time

from proton import (Collector, Condition, Connection, Data, Delivery, Described, Endpoint, Event, Message,
                    Transport, symbol, ubyte, ulong)

SASL_HEADER = b"AMQP\x03\x01\x00\x00"
AMQP_HEADER = b"AMQP\x00\x01\x00\x00"
SASL_MECHANISMS = 0x40
SASL_INIT = 0x41
SASL_OUTCOME = 0x44

lock = threading.RLock()
outbox = []         # messages not yet accepted, in order: dicts with "id" and "message"
in_flight = set()   # ids of outbox entries sent on a live connection
connections = []    # live Session objects
next_id = [0]


def say(line):
    with lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def sasl_frame(descriptor, fields):
    data = Data()
    data.put_object(Described(ulong(descriptor), fields))
    body = data.encode()
    return (8 + len(body)).to_bytes(4, "big") + b"\x02\x01\x00\x00" + body


def recv_exact(sock, count):
    chunks = b""
    while len(chunks) < count:
        chunk = sock.recv(count - len(chunks))
        if not chunk:
            raise ConnectionError("the client closed the connection")
        chunks += chunk
    return chunks


def read_sasl_frame(sock):
    size = int.from_bytes(recv_exact(sock, 4), "big")
    rest = recv_exact(sock, size - 4)
    doff = rest[0] * 4
    data = Data()
    data.decode(rest[doff - 4:])
    data.rewind()
    data.next()
    return data.get_object()


class Checker:
    def __init__(self, args):
        self.args = args

    def refusal(self, user, password):
        """None when the user name and password are what the documentation prescribes, else why not."""
        parts = user.split("|")
        if len(parts) != 3 or parts[2] != "" or not parts[0]:
            return "auth failed: the userName is not clientId|parameters|"
        params = {}
        for item in parts[1].split(","):
            if "=" not in item:
                return "auth failed: the userName parameter '%s' is not key=value" % item
            key, value = item.split("=", 1)
            params[key] = value
        if params.get("authMode") != "aksign":
            return "auth failed: authMode must be aksign"
        methods = {"hmacsha1": hashlib.sha1, "hmacsha256": hashlib.sha256, "hmacmd5": hashlib.md5}
        if params.get("signMethod") not in methods:
            return "auth failed: signMethod '%s' is not supported" % params.get("signMethod")
        if params.get("authId") != self.args.access_key_id:
            return "auth failed: the AccessKey ID '%s' does not exist" % params.get("authId")
        if params.get("iotInstanceId", "") != self.args.instance_id:
            return "auth failed: the instance '%s' does not exist" % params.get("iotInstanceId")
        if params.get("consumerGroupId") not in self.args.consumer_group:
            return "auth failed: consumer group '%s' does not exist" % params.get("consumerGroupId")
        try:
            timestamp = int(params.get("timestamp", ""))
        except ValueError:
            return "auth failed: the timestamp is not a number"
        if abs(time.time() * 1000 - timestamp) > self.args.max_skew_seconds * 1000:
            return "auth failed: the timestamp differs from the server's clock by more than %d s" \
                   % self.args.max_skew_seconds
        content = "authId=%s&timestamp=%d" % (params["authId"], timestamp)
        expected = base64.b64encode(hmac.new(self.args.access_key_secret.encode(), content.encode(),
                                             methods[params["signMethod"]]).digest()).decode()
        if not hmac.compare_digest(expected, password):
            return "auth failed: the signature does not match; check the AccessKey Secret"
        return None


class Session:
    """One client connection, served on its own thread."""

    def __init__(self, client, context, args, checker):
        self.client = client
        self.context = context
        self.sock = None
        self.args = args
        self.checker = checker
        self.client_id = "?"
        self.dropped = False
        self.sender = None
        self.sent = {}  # delivery tag -> outbox id

    def serve(self):
        try:
            self.client.settimeout(10)
            try:
                self.sock = self.context.wrap_socket(self.client, server_side=True)
            except (OSError, ssl.SSLError) as error:
                say("ERROR TLS handshake: %s" % error)
                return
            refusal = self.sasl()
            if refusal is False:
                return
            self.amqp(refusal)
        except (OSError, ConnectionError, ssl.SSLError, ValueError) as error:
            say("ERROR %s" % error)
        finally:
            with lock:
                if self in connections:
                    connections.remove(self)
                for outbox_id in self.sent.values():
                    in_flight.discard(outbox_id)
            try:
                (self.sock or self.client).close()
            except OSError:
                pass
            say("CLOSED %s" % self.client_id)

    def sasl(self):
        header = recv_exact(self.sock, 8)
        if header != SASL_HEADER:
            say("ERROR expected the SASL protocol header, got %r" % header)
            return False
        self.sock.sendall(SASL_HEADER + sasl_frame(SASL_MECHANISMS, [symbol("PLAIN")]))
        init = read_sasl_frame(self.sock)
        fields = list(init.value) + [None, None, None]
        if int(init.descriptor) != SASL_INIT or str(fields[0]) != "PLAIN" or fields[1] is None:
            self.sock.sendall(sasl_frame(SASL_OUTCOME, [ubyte(1)]))
            say("REFUSED SASL mechanism %s" % fields[0])
            return False
        _, user, password = bytes(fields[1]).split(b"\x00", 2)
        user = user.decode()
        self.client_id = user.split("|")[0]
        # SASL itself succeeds: the platform says why it refuses in the AMQP close that follows.
        self.sock.sendall(sasl_frame(SASL_OUTCOME, [ubyte(0)]))
        header = recv_exact(self.sock, 8)
        if header != AMQP_HEADER:
            say("ERROR expected the AMQP protocol header, got %r" % header)
            return False
        return self.checker.refusal(user, password.decode(errors="replace"))

    def amqp(self, refusal):
        transport = Transport(Transport.SERVER)
        connection = Connection()
        collector = Collector()
        connection.collect(collector)
        transport.bind(connection)
        # The header was read by the SASL step: give it to the transport, which expects to see it.
        transport.push(AMQP_HEADER)
        opened_at = time.monotonic()
        self.sock.settimeout(0.05)
        closing = False
        while True:
            now = time.monotonic()
            transport.tick(now)
            event = collector.peek()
            while event:
                closing = self.handle(event, transport, refusal) or closing
                collector.pop()
                event = collector.peek()
            if self.sender is None and not closing and now - opened_at > self.args.link_timeout:
                self.close(connection, "amqp:resource-limit-exceeded",
                           "no receiver link within %d s of the connection" % self.args.link_timeout)
                closing = True
            if self.dropped and not closing:
                self.close(connection, "amqp:connection:forced", "the server closed the connection")
                closing = True
            if self.sender is not None and not closing:
                self.deliver()
            pending = transport.pending()
            while pending > 0:
                out = transport.peek(pending)
                self.sock.settimeout(5)
                self.sock.sendall(out)
                self.sock.settimeout(0.05)
                transport.pop(len(out))
                pending = transport.pending()
            if pending < 0 or transport.closed:
                return
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                continue
            except ssl.SSLWantReadError:
                continue
            if not data:
                transport.close_tail()
            else:
                transport.push(data)

    def close(self, connection, name, description):
        connection.condition = Condition(name, description)
        if not connection.state & Endpoint.LOCAL_ACTIVE:
            connection.open()
        connection.close()

    def handle(self, event, transport, refusal):
        kind = event.type
        if kind == Event.CONNECTION_REMOTE_OPEN:
            connection = event.connection
            if refusal:
                say("REFUSED %s" % refusal)
                self.close(connection, "amqp:unauthorized-access", refusal)
                return True
            idle = transport.remote_idle_timeout
            if not (30.0 <= idle <= 300.0):
                say("REFUSED idle-time-out %s s" % idle)
                self.close(connection, "amqp:invalid-field",
                           "idle-time-out must be between 30000 and 300000 ms, got %d" % int(idle * 1000))
                return True
            say("IDLE %d" % int(round(idle * 1000)))
            say("AUTHORIZED %s" % self.client_id)
            connection.open()
            with lock:
                connections.append(self)
        elif kind == Event.SESSION_REMOTE_OPEN:
            event.session.open()
        elif kind == Event.LINK_REMOTE_OPEN:
            link = event.link
            if link.is_receiver or self.sender is not None:
                link.condition = Condition("amqp:not-allowed",
                                           "only one receiver link per connection; sender links are not supported")
                link.open()
                link.close()
                return False
            link.source.copy(link.remote_source)
            link.open()
            self.sender = link
            say("LINK %s" % self.client_id)
        elif kind == Event.LINK_REMOTE_CLOSE:
            event.link.close()
        elif kind == Event.SESSION_REMOTE_CLOSE:
            event.session.close()
        elif kind == Event.CONNECTION_REMOTE_CLOSE:
            event.connection.close()
            return True
        elif kind == Event.DELIVERY:
            delivery = event.delivery
            if delivery.link.is_sender and delivery.remote_state:
                outbox_id = self.sent.pop(delivery.tag, None)
                with lock:
                    in_flight.discard(outbox_id)
                    if delivery.remote_state == Delivery.ACCEPTED:
                        for entry in list(outbox):
                            if entry["id"] == outbox_id:
                                outbox.remove(entry)
                                say("ACCEPTED %s" % entry["messageId"])
                delivery.settle()
        return False

    def deliver(self):
        while self.sender.credit > 0:
            with lock:
                entry = next((e for e in outbox if e["id"] not in in_flight), None)
                if entry is None:
                    return
                in_flight.add(entry["id"])
            tag = str(entry["id"])
            delivery = self.sender.delivery(tag)
            self.sender.send(entry["message"].encode())
            self.sender.advance()
            self.sent[delivery.tag] = entry["id"]
            say("SENT %s" % entry["messageId"])


def control(args):
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            request = json.loads(line)
        except ValueError as error:
            say("ERROR control line is not JSON: %s" % error)
            continue
        if request.get("command") == "drop":
            with lock:
                for session in connections:
                    session.dropped = True
            continue
        if "bodyText" in request:
            body = request["bodyText"].encode()
        else:
            body = json.dumps(request.get("body", {}), separators=(",", ":")).encode()
        message_id = str(request.get("messageId", ""))
        message = Message(body=body, inferred=True,
                          properties={"topic": request.get("topic", ""), "messageId": message_id,
                                      "generateTime": int(request.get("generateTime", time.time() * 1000))})
        with lock:
            next_id[0] += 1
            outbox.append({"id": next_id[0], "messageId": message_id, "message": message})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--access-key-id", required=True)
    parser.add_argument("--access-key-secret", required=True)
    parser.add_argument("--consumer-group", action="append", required=True)
    parser.add_argument("--instance-id", default="")
    parser.add_argument("--max-skew-seconds", type=int, default=900)
    parser.add_argument("--link-timeout", type=int, default=15)
    args = parser.parse_args()

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", args.port))
    listener.listen(16)
    checker = Checker(args)
    threading.Thread(target=control, args=(args,), daemon=True).start()
    say("LISTENING %d" % listener.getsockname()[1])
    while True:
        client, _ = listener.accept()
        threading.Thread(target=Session(client, context, args, checker).serve, daemon=True).start()


if __name__ == "__main__":
    main()
