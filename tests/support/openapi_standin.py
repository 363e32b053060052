#!/usr/bin/python3
"""A stand-in for Alibaba Cloud IoT Platform's OpenAPI (RPC style, version 2018-01-20) over HTTPS, for tests.

It checks every request's signature as the "Signature mechanism" documentation describes (signature version
1.0, HMAC-SHA1 over METHOD&%2F&percentEncode(canonicalized query), key = AccessKey Secret + "&"), the
Timestamp's freshness and SignatureNonce reuse, and answers with the API's own error shapes. It serves paged
QueryProductList / QueryDevice, BatchQueryDeviceDetail and BatchGetDeviceState from a fleet JSON file.

Started by OpenApiStandIn (tests/support). The AccessKey Secret comes in the environment
(STANDIN_ACCESS_KEY_SECRET), never on the command line. Control is a line protocol on stdin/stdout: the
first stdout line is "port N"; then each command line gets one JSON line back:
  throttle N        the next N API requests answer Throttling.User
  fail CODE [HTTP]  the next API request answers CODE (gateway shape when HTTP >= 400, else IoT shape)
  fleet PATH        serve this fleet file from now on
  stats             {"requests": ..., "actions": [...], "throttled": ..., "refused": ...}
"""

import argparse
import base64
import datetime
import hashlib
import hmac
import json
import os
import ssl
import sys
import threading
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATE = {
    "fleet": {"products": []},
    "throttle": 0,
    "fail": None,
    "requests": 0,
    "actions": [],
    "throttled": 0,
    "refused": 0,
    "nonces": set(),
}
ARGS = None
SECRET = b""


def percent_encode(text):
    return urllib.parse.quote(text, safe="-_.~")


def expected_signature(method, params):
    canonical = "&".join(percent_encode(k) + "=" + percent_encode(v)
                         for k, v in sorted(params.items()) if k != "Signature")
    string_to_sign = method + "&" + percent_encode("/") + "&" + percent_encode(canonical)
    digest = hmac.new(SECRET + b"&", string_to_sign.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii"), string_to_sign


def products():
    return STATE["fleet"].get("products", [])


def find_product(key):
    for product in products():
        if product["productKey"] == key:
            return product
    return None


def page_args(params, maximum):
    try:
        page = int(params.get("CurrentPage", "1"))
        size = int(params.get("PageSize", "10"))
    except ValueError:
        return None
    if page < 1 or size < 1 or size > maximum:
        return None
    return page, size


def device_names(params):
    names = []
    index = 1
    while "DeviceName.%d" % index in params:
        names.append(params["DeviceName.%d" % index])
        index += 1
    return names


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "OpenApiStandIn/1.0"

    def log_message(self, fmt, *args):
        sys.stderr.write("standin: " + (fmt % args) + "\n")

    def reply(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def gateway_error(self, status, code, message):
        with LOCK:
            STATE["refused"] += 1
        self.reply(status, {"RequestId": str(uuid.uuid4()).upper(), "HostId": self.headers.get("Host", ""),
                            "Code": code, "Message": message,
                            "Recommend": "https://api.aliyun.com/troubleshoot?q=" + code})

    def iot_error(self, code, message):
        self.reply(200, {"RequestId": str(uuid.uuid4()).upper(), "Success": False, "Code": code,
                         "ErrorMessage": message})

    def do_GET(self):
        parsed = urllib.parse.urlsplit(self.path)
        params = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
        self.handle_api("GET", params)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        parsed = urllib.parse.urlsplit(self.path)
        params = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
        params.update(dict(urllib.parse.parse_qsl(body, keep_blank_values=True)))
        self.handle_api("POST", params)

    def handle_api(self, method, params):
        with LOCK:
            STATE["requests"] += 1
            STATE["actions"].append(params.get("Action", ""))
        # The signature, as the documentation describes it.
        for name in ("AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce",
                     "Timestamp", "Version", "Action"):
            if not params.get(name):
                return self.gateway_error(400, "MissingParameter", "The input parameter \"%s\" that is "
                                          "mandatory for processing this request is not supplied." % name)
        if params["SignatureMethod"] != "HMAC-SHA1" or params["SignatureVersion"] != "1.0":
            return self.gateway_error(400, "InvalidSignatureMethod", "Specified signature method is not valid.")
        if params["AccessKeyId"] != ARGS.access_key_id:
            return self.gateway_error(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
        signature, string_to_sign = expected_signature(method, params)
        if not hmac.compare_digest(signature, params["Signature"]):
            return self.gateway_error(400, "SignatureDoesNotMatch",
                                      "Specified signature is not matched with our calculation. server "
                                      "string to sign is:" + string_to_sign)
        try:
            stamp = datetime.datetime.strptime(params["Timestamp"], "%Y-%m-%dT%H:%M:%SZ").replace(
                tzinfo=datetime.timezone.utc)
        except ValueError:
            return self.gateway_error(400, "InvalidTimeStamp.Format", "Specified time stamp is not valid.")
        now = datetime.datetime.now(datetime.timezone.utc)
        if abs((now - stamp).total_seconds()) > 15 * 60:
            return self.gateway_error(400, "InvalidTimeStamp.Expired",
                                      "Specified time stamp or date value is expired.")
        with LOCK:
            if params["SignatureNonce"] in STATE["nonces"]:
                nonce_used = True
            else:
                nonce_used = False
                STATE["nonces"].add(params["SignatureNonce"])
        if nonce_used:
            return self.gateway_error(400, "SignatureNonceUsed", "Specified signature nonce was used already.")
        if params["Version"] != "2018-01-20":
            return self.gateway_error(400, "InvalidVersion", "Specified parameter Version is not valid.")
        with LOCK:
            if STATE["throttle"] > 0:
                STATE["throttle"] -= 1
                STATE["throttled"] += 1
                throttled = True
            else:
                throttled = False
            fail = STATE["fail"]
            STATE["fail"] = None
        if throttled:
            return self.gateway_error(400, "Throttling.User", "Request was denied due to user flow control.")
        if fail:
            code, status = fail
            if status >= 400:
                return self.gateway_error(status, code, "The stand-in was told to answer " + code + ".")
            return self.iot_error(code, "The stand-in was told to answer " + code + ".")
        if params.get("RegionId") != ARGS.region:
            return self.gateway_error(400, "InvalidRegionId", "The specified region does not exist.")
        if params.get("IotInstanceId", "") != ARGS.instance:
            return self.iot_error("iot.common.InvalidTenant", "The tenant is invalid.")
        action = params["Action"]
        handler = {
            "QueryProductList": self.query_product_list,
            "QueryDevice": self.query_device,
            "BatchQueryDeviceDetail": self.batch_query_device_detail,
            "BatchGetDeviceState": self.batch_get_device_state,
        }.get(action)
        if handler is None:
            return self.gateway_error(404, "InvalidApi.NotFound", "Specified api is not found.")
        with LOCK:
            return handler(params)

    def query_product_list(self, params):
        paging = page_args(params, 200)
        if paging is None:
            return self.iot_error("iot.common.InvalidPageParams", "The paging parameters are invalid.")
        page, size = paging
        all_products = products()
        chunk = all_products[(page - 1) * size:page * size]
        info = [{"ProductKey": p["productKey"], "ProductName": p.get("name", ""),
                 "DeviceCount": len(p.get("devices", [])), "NodeType": 0, "DataFormat": 1,
                 "AuthType": "secret", "GmtCreate": 1581595942000} for p in chunk]
        self.reply(200, {"RequestId": str(uuid.uuid4()).upper(), "Success": True,
                         "Data": {"CurrentPage": page, "PageSize": size, "Total": len(all_products),
                                  "PageCount": (len(all_products) + size - 1) // size,
                                  "List": {"ProductInfo": info}}})

    def query_device(self, params):
        product = find_product(params.get("ProductKey", ""))
        if product is None:
            return self.iot_error("iot.prod.NotExistedProduct", "The specified product does not exist.")
        paging = page_args(params, 50)
        if paging is None:
            return self.iot_error("iot.common.InvalidPageParams", "The paging parameters are invalid.")
        page, size = paging
        devices = product.get("devices", [])
        chunk = devices[(page - 1) * size:page * size]
        info = [{"ProductKey": product["productKey"], "DeviceName": d["name"],
                 "DeviceStatus": d.get("status", "OFFLINE"), "IotId": "iot-" + d["name"],
                 "DeviceType": "", "Nickname": "", "GmtCreate": "Thu, 13-Feb-2020 06:00:00 GMT"}
                for d in chunk]
        self.reply(200, {"RequestId": str(uuid.uuid4()).upper(), "Success": True, "Page": page,
                         "PageSize": size, "PageCount": (len(devices) + size - 1) // size, "Total": len(devices),
                         "Data": {"DeviceInfo": info}})

    def named_devices(self, params, maximum):
        product = find_product(params.get("ProductKey", ""))
        if product is None:
            self.iot_error("iot.prod.NotExistedProduct", "The specified product does not exist.")
            return None
        names = device_names(params)
        if not names or len(names) > maximum:
            self.iot_error("iot.device.InvalidFormattedDeviceName",
                           "Give 1 to %d DeviceName.N parameters." % maximum)
            return None
        by_name = {d["name"]: d for d in product.get("devices", [])}
        return product, [by_name[n] for n in names if n in by_name]

    def batch_query_device_detail(self, params):
        found = self.named_devices(params, 100)
        if found is None:
            return None
        product, devices = found
        data = [{"ProductKey": product["productKey"], "ProductName": product.get("name", ""),
                 "DeviceName": d["name"], "DeviceSecret": d.get("secret", ""), "IotId": "iot-" + d["name"],
                 "Status": d.get("status", "OFFLINE"), "Nickname": ""} for d in devices]
        self.reply(200, {"RequestId": str(uuid.uuid4()).upper(), "Success": True, "Data": {"Data": data}})

    def batch_get_device_state(self, params):
        found = self.named_devices(params, 50)
        if found is None:
            return None
        product, devices = found
        status = [{"DeviceName": d["name"], "Status": d.get("status", "OFFLINE"), "IotId": "iot-" + d["name"],
                   "AsAddress": "", "LastOnlineTime": ""} for d in devices]
        self.reply(200, {"RequestId": str(uuid.uuid4()).upper(), "Success": True,
                         "DeviceStatusList": {"DeviceStatus": status}})


def load_fleet(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def control_loop():
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        answer = {"ok": True}
        with LOCK:
            if words[0] == "throttle":
                STATE["throttle"] = int(words[1])
            elif words[0] == "fail":
                STATE["fail"] = (words[1], int(words[2]) if len(words) > 2 else 200)
            elif words[0] == "fleet":
                STATE["fleet"] = load_fleet(words[1])
            elif words[0] == "stats":
                answer = {"requests": STATE["requests"], "actions": STATE["actions"],
                          "throttled": STATE["throttled"], "refused": STATE["refused"]}
            else:
                answer = {"ok": False, "error": "unknown command " + words[0]}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    os._exit(0)  # stdin closed: the fixture is gone


def main():
    global ARGS, SECRET
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--fleet", required=True)
    parser.add_argument("--access-key-id", required=True)
    parser.add_argument("--region", default="cn-shanghai")
    parser.add_argument("--instance", default="")
    ARGS = parser.parse_args()
    SECRET = os.environ["STANDIN_ACCESS_KEY_SECRET"].encode("utf-8")
    STATE["fleet"] = load_fleet(ARGS.fleet)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(ARGS.cert, ARGS.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=control_loop, daemon=True).start()
    sys.stdout.write("port %d\n" % server.server_address[1])
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
