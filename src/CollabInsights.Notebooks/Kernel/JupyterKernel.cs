using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CollabInsights.Notebooks.Display;
using CollabInsights.Notebooks.Documents;
using CollabInsights.Notebooks.Execution;
using CollabInsights.Notebooks.Kernel.Internal;
using NetMQ;
using NetMQ.Sockets;

namespace CollabInsights.Notebooks.Kernel;

/// <summary>
/// A Jupyter kernel for C# over the Jupyter messaging protocol 5.3 (ZeroMQ via NetMQ), running cells
/// with the same <see cref="CSharpSession"/> as <c>collab notebook run</c>. Serves shell, control,
/// iopub, stdin and heartbeat; checks HMAC-SHA256 signatures and drops (and logs) badly signed messages.
/// </summary>
/// <remarks>
/// One poller thread owns every socket; execution runs on its own worker so that control messages
/// (interrupt, shutdown) are served while a cell runs. Interrupts arrive as interrupt_request on the
/// control channel or as SIGINT.
/// </remarks>
public sealed class JupyterKernel : IDisposable
{
    private readonly KernelConnection connection;
    private readonly MessageSigner signer;
    private readonly string sessionId = Guid.NewGuid().ToString();
    private readonly TextWriter log;
    private readonly CSharpSession session;
    private readonly NetMQQueue<(NetMQSocket Socket, JupyterMessage Message)> outgoing = new();
    private readonly Channel<JupyterMessage> shellQueue = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RouterSocket? shell;
    private RouterSocket? control;
    private RouterSocket? stdin;
    private PublisherSocket? iopub;
    private NetMQPoller? poller;
    private bool disposed;
    private int warmUpStarted;

    /// <summary>Creates a kernel for a connection; <paramref name="log"/> (default: the process's standard error) receives diagnostics such as dropped messages.</summary>
    public JupyterKernel(KernelConnection connection, TextWriter? log = null)
    {
        this.connection = connection ?? throw new ArgumentNullException(nameof(connection));
        signer = new MessageSigner(connection.Key);
        this.log = log ?? TextWriter.Synchronized(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });
        session = new CSharpSession(new CSharpSessionOptions { Display = new DisplayContext() });
    }

    /// <summary>Number of messages dropped because of a bad signature or a malformed frame set.</summary>
    public int DroppedMessages { get; private set; }

    /// <summary>Binds the sockets and serves until a shutdown_request arrives or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        shell = new RouterSocket();
        control = new RouterSocket();
        stdin = new RouterSocket();
        iopub = new PublisherSocket();
        shell.Bind(connection.Endpoint(connection.ShellPort));
        control.Bind(connection.Endpoint(connection.ControlPort));
        stdin.Bind(connection.Endpoint(connection.StdinPort));
        iopub.Bind(connection.Endpoint(connection.IOPubPort));
        shell.ReceiveReady += (_, e) => Receive(e.Socket, isControl: false);
        control.ReceiveReady += (_, e) => Receive(e.Socket, isControl: true);
        stdin.ReceiveReady += (_, e) => e.Socket.ReceiveMultipartMessage();
        outgoing.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var item, TimeSpan.Zero))
            {
                item.Socket.SendMultipartMessage(item.Message.ToFrames(signer));
            }
        };
        poller = [shell, control, stdin, outgoing];
        var heartbeat = new Thread(Heartbeat) { IsBackground = true, Name = "collab kernel heartbeat" };
        heartbeat.Start();
        poller.RunAsync("collab kernel poller");
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            session.Interrupt();
        });
        using var registration = cancellationToken.Register(() => stopped.TrySetResult());
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);
        var worker = Task.Run(ShellWorkerAsync, CancellationToken.None);
        await stopped.Task.ConfigureAwait(false);
        shellQueue.Writer.TryComplete();
        session.Interrupt();
        await Task.Delay(100, CancellationToken.None).ConfigureAwait(false); // let the last replies leave
        poller.Stop();
        await Task.WhenAny(worker, Task.Delay(2000, CancellationToken.None)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        poller?.Dispose();
        shell?.Dispose();
        control?.Dispose();
        stdin?.Dispose();
        iopub?.Dispose();
        outgoing.Dispose();
        session.Dispose();
    }

    private void Heartbeat()
    {
        using var hb = new ResponseSocket();
        hb.Bind(connection.Endpoint(connection.HeartbeatPort));
        while (!stopped.Task.IsCompleted)
        {
            if (hb.TryReceiveFrameBytes(TimeSpan.FromMilliseconds(200), out var ping, out var more))
            {
                hb.SendFrame(ping, more);
                while (more && hb.TryReceiveFrameBytes(TimeSpan.FromMilliseconds(200), out ping, out more))
                {
                    hb.SendFrame(ping, more);
                }
            }
        }
    }

    private void Receive(NetMQSocket socket, bool isControl)
    {
        var frames = socket.ReceiveMultipartMessage();
        var message = JupyterMessage.Parse(frames, signer, out var problem);
        if (message is null)
        {
            DroppedMessages++;
            log.WriteLine($"collab kernel: dropped a message on {(isControl ? "control" : "shell")}: {problem}.");
            return;
        }

        if (isControl)
        {
            HandleControl(socket, message);
        }
        else
        {
            shellQueue.Writer.TryWrite(message);
        }
    }

    private void HandleControl(NetMQSocket socket, JupyterMessage request)
    {
        switch (request.MessageType)
        {
            case "interrupt_request":
                session.Interrupt();
                Reply(socket, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                Shutdown(socket, request);
                break;
            case "kernel_info_request":
                Reply(socket, request, "kernel_info_reply", KernelInfo());
                break;
            default:
                log.WriteLine($"collab kernel: unsupported control message {request.MessageType}.");
                break;
        }
    }

    private void Shutdown(NetMQSocket socket, JupyterMessage request)
    {
        var restart = request.Content["restart"]?.GetValue<bool>() ?? false;
        Reply(socket, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
        stopped.TrySetResult();
    }

    private async Task ShellWorkerAsync()
    {
        await foreach (var request in shellQueue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
            try
            {
                await HandleShellAsync(request).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.WriteLine($"collab kernel: {request.MessageType} failed: {e}");
            }
            finally
            {
                Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
            }
        }
    }

    private async Task HandleShellAsync(JupyterMessage request)
    {
        var socket = shell!;
        switch (request.MessageType)
        {
            case "kernel_info_request":
                Reply(socket, request, "kernel_info_reply", KernelInfo());
                StartWarmUp();
                break;
            case "execute_request":
                await ExecuteAsync(request).ConfigureAwait(false);
                break;
            case "is_complete_request":
                var code = request.Content["code"]?.GetValue<string>() ?? "";
                var complete = session.IsComplete(code);
                Reply(socket, request, "is_complete_reply", new JsonObject { ["status"] = complete ? "complete" : "incomplete", ["indent"] = complete ? "" : "    " });
                break;
            case "complete_request":
                var (matches, start, end) = CodeAssistance.Complete(session, request.Content["code"]?.GetValue<string>() ?? "", request.Content["cursor_pos"]?.GetValue<int>() ?? 0);
                Reply(socket, request, "complete_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["matches"] = new JsonArray(matches.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
                    ["cursor_start"] = start,
                    ["cursor_end"] = end,
                    ["metadata"] = new JsonObject(),
                });
                break;
            case "inspect_request":
                var text = CodeAssistance.Inspect(session, request.Content["code"]?.GetValue<string>() ?? "", request.Content["cursor_pos"]?.GetValue<int>() ?? 0);
                Reply(socket, request, "inspect_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["found"] = text is not null,
                    ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
                    ["metadata"] = new JsonObject(),
                });
                break;
            case "comm_info_request":
                Reply(socket, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "history_request":
                Reply(socket, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                break;
            case "shutdown_request":
                Shutdown(socket, request);
                break;
            default:
                log.WriteLine($"collab kernel: unsupported shell message {request.MessageType}.");
                break;
        }
    }

    private async Task ExecuteAsync(JupyterMessage request)
    {
        var code = request.Content["code"]?.GetValue<string>() ?? "";
        var silent = request.Content["silent"]?.GetValue<bool>() ?? false;
        var count = session.ExecutionCount + 1;
        if (!silent)
        {
            Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);
        }

        var observer = new IOPubObserver(this, request, silent);
        var result = await session.ExecuteCellAsync(code, "csharp", $"In [{count}]", observer, CancellationToken.None).ConfigureAwait(false);

        var content = result.Error is { } err
            ? new JsonObject
            {
                ["status"] = "error",
                ["execution_count"] = result.ExecutionCount,
                ["ename"] = err.Name,
                ["evalue"] = err.Value,
                ["traceback"] = new JsonArray(err.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            }
            : new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = result.ExecutionCount,
                ["user_expressions"] = new JsonObject(),
                ["payload"] = new JsonArray(),
            };
        Reply(shell!, request, "execute_reply", content);
    }

    /// <summary>Compiles a throwaway cell once the client has its kernel_info_reply, so start-up answers first and the first cell is fast.</summary>
    private void StartWarmUp()
    {
        if (Interlocked.Exchange(ref warmUpStarted, 1) == 0)
        {
            _ = Task.Run(() => CSharpSession.WarmUpAsync(CancellationToken.None), CancellationToken.None);
        }
    }

    private static JsonObject KernelInfo()
    {
        var version = typeof(JupyterKernel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var languageInfo = NotebookRunner.LanguageInfo();
        languageInfo["codemirror_mode"] = "text/x-csharp";
        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = JupyterMessage.ProtocolVersion,
            ["implementation"] = NotebookRunner.KernelName,
            ["implementation_version"] = version,
            ["language_info"] = languageInfo,
            ["banner"] = $"{NotebookRunner.KernelDisplayName}: C# {languageInfo["version"]} on .NET {Environment.Version} with Roslyn scripting",
            ["help_links"] = new JsonArray(),
            ["debugger"] = false,
        };
    }

    private void Reply(NetMQSocket socket, JupyterMessage request, string type, JsonObject content) =>
        outgoing.Enqueue((socket, JupyterMessage.Create(type, content, request, sessionId, request.Identities)));

    private void Publish(string type, JsonObject content, JupyterMessage? parent) =>
        outgoing.Enqueue((iopub!, JupyterMessage.Create(type, content, parent, sessionId, [System.Text.Encoding.UTF8.GetBytes(type)])));

    private sealed class IOPubObserver(JupyterKernel kernel, JupyterMessage request, bool silent) : IExecutionObserver
    {
        private static JsonObject Transient(string? displayId) => displayId is null ? [] : new JsonObject { ["display_id"] = displayId };

        public void OnOutput(CellOutput output)
        {
            if (silent)
            {
                return;
            }

            switch (output)
            {
                case StreamOutput s:
                    kernel.Publish("stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text }, request);
                    break;
                case DisplayDataOutput d:
                    kernel.Publish("display_data", new JsonObject { ["data"] = NotebookOutputs.BundleJson(d.Data, multiline: false), ["metadata"] = new JsonObject(), ["transient"] = Transient(d.DisplayId) }, request);
                    break;
                case UpdateDisplayDataOutput u:
                    kernel.Publish("update_display_data", new JsonObject { ["data"] = NotebookOutputs.BundleJson(u.Data, multiline: false), ["metadata"] = new JsonObject(), ["transient"] = Transient(u.DisplayId) }, request);
                    break;
                case ExecuteResultOutput r:
                    kernel.Publish("execute_result", new JsonObject { ["execution_count"] = r.ExecutionCount, ["data"] = NotebookOutputs.BundleJson(r.Data, multiline: false), ["metadata"] = new JsonObject() }, request);
                    break;
                case ErrorOutput e:
                    kernel.Publish("error", new JsonObject { ["ename"] = e.Name, ["evalue"] = e.Value, ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()) }, request);
                    break;
            }
        }
    }
}
