"""Sends a badly signed execute_request to the collab-csharp kernel, then a good one.

Usage: /usr/bin/python3 bad_signature.py STDERR_LOG  (JUPYTER_PATH must contain the kernelspec)
Prints JSON: whether the bad message got any reply, and the good reply's status.
"""
import json
import sys
import time

try:
    from jupyter_client.manager import KernelManager
    from jupyter_client.session import Session
except ImportError:
    print("jupyter_client is missing: apt-get install python3-jupyter-client", file=sys.stderr)
    sys.exit(3)

log = open(sys.argv[1], "w")
km = KernelManager(kernel_name="collab-csharp")
km.start_kernel(stderr=log)
kc = km.client()
kc.start_channels()
try:
    kc.wait_for_ready(timeout=60)
    bad = Session(key=b"not-the-key", username="intruder")
    msg = bad.msg("execute_request", content={"code": 'System.IO.File.WriteAllText("pwned.txt", "x")', "silent": False,
                                               "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    bad.send(kc.shell_channel.socket, msg)
    bad_id = msg["header"]["msg_id"]
    got_bad_reply = False
    deadline = time.time() + 3
    while time.time() < deadline:
        try:
            reply = kc.get_shell_msg(timeout=0.5)
            if reply["parent_header"].get("msg_id") == bad_id:
                got_bad_reply = True
        except Exception:
            pass
    good_id = kc.execute("6 * 7")
    good = None
    while good is None:
        reply = kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == good_id:
            good = reply["content"]
    print(json.dumps({"bad_reply": got_bad_reply, "good": good}))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    log.close()
