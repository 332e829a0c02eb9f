"""Drives the collab-csharp kernel with jupyter_client: execute, display, error, completion, interrupt.

Usage: /usr/bin/python3 kernel_smoke.py   (JUPYTER_PATH must contain the kernelspec)
Prints one JSON object with what it observed; the C# test asserts on it.
"""
import json
import sys
import time

try:
    from jupyter_client.manager import start_new_kernel
except ImportError:
    print("jupyter_client is missing: apt-get install python3-jupyter-client jupyter-nbconvert python3-nbclient", file=sys.stderr)
    sys.exit(3)


def run(kc, code, timeout=60):
    msg_id = kc.execute(code)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        t = msg["msg_type"]
        if t == "status" and msg["content"]["execution_state"] == "idle":
            break
        if t in ("stream", "display_data", "update_display_data", "execute_result", "error", "execute_input"):
            outputs.append({"type": t, "content": msg["content"]})
    reply = kc.get_shell_msg(timeout=timeout)
    return {"reply": reply["content"], "outputs": outputs}


def shell_reply(kc, msg_id, timeout=30):
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]


def main():
    result = {}
    started = time.time()
    km, kc = start_new_kernel(kernel_name="collab-csharp", startup_timeout=60)
    result["startup_seconds"] = time.time() - started
    try:
        info = kc.kernel_info(reply=True, timeout=30)
        result["kernel_info"] = info["content"]
        result["state"] = [run(kc, 'var x = 41;\nConsole.WriteLine("hello");'), run(kc, "x + 1")]
        result["display"] = run(kc, 'display(new[] { new { Name = "<b>a</b>", Value = 1 } });')
        result["update"] = run(kc, 'var shown = display("first");\nshown.Update("second");')
        result["later_update"] = run(kc, 'shown.Update("third");')
        result["error"] = run(kc, 'int y = 1;\nthrow new InvalidOperationException("boom");')
        result["is_complete"] = [
            shell_reply(kc, kc.is_complete("var a = 1;")),
            shell_reply(kc, kc.is_complete("if (true) {")),
        ]
        code = "var text = \"abc\"; text.Len"
        result["complete"] = shell_reply(kc, kc.complete(code, len(code)))
        # Interrupt a looping cell through the control channel.
        msg_id = kc.execute("while (true) { }")
        time.sleep(1.5)
        t0 = time.time()
        km.interrupt_kernel()
        reply = shell_reply(kc, msg_id)
        result["interrupt"] = {"reply": reply, "seconds": time.time() - t0}
        result["after_interrupt"] = run(kc, "x * 2")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print(json.dumps(result))


main()
