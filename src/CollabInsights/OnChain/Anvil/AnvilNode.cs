using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Transactions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.Signer;
using Nethereum.Web3;

namespace CollabInsights.OnChain.Anvil;

/// <summary>
/// A local Anvil chain on a free loopback port, started by <see cref="StartAsync"/> and stopped by
/// <see cref="DisposeAsync"/>. It cannot outlive this process: anvil runs under a small <c>sh</c>
/// watchdog that kills it when this process's pipe to the watchdog closes (normal exit, crash or
/// kill -9), and a process-exit hook stops every node still running.
/// </summary>
public sealed class AnvilNode : IAsyncDisposable, IDisposable
{
    /// <summary>The private keys of Anvil's default dev accounts (mnemonic "test test test test test test test test test test test junk"), in account order.</summary>
    public static readonly IReadOnlyList<string> DevPrivateKeys =
    [
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
        "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
        "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
        "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
        "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
        "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
        "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
        "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
    ];

    // Runs anvil in the background, reports its pid, then blocks reading stdin: when the parent's
    // end of the pipe closes (dispose, exit, crash, SIGKILL) `cat` ends and anvil is killed, with its
    // children first (npm's node_modules/.bin/anvil is a node launcher whose child is the real anvil).
    private const string WatchdogScript = """
        "$@" </dev/null &
        child=$!
        echo "collab-anvil-pid $child"
        trap 'pkill -P $child 2>/dev/null; kill $child 2>/dev/null; exit 0' TERM INT HUP
        cat >/dev/null
        pkill -P $child 2>/dev/null
        kill $child 2>/dev/null
        wait $child 2>/dev/null
        """;

    private static readonly ConcurrentDictionary<AnvilNode, byte> Running = new();
    private static int _exitHookInstalled;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private int _disposed;

    private AnvilNode(Process process, ConcurrentQueue<string> output, int anvilPid, int port, AnvilOptions options)
    {
        _process = process;
        _output = output;
        ProcessId = anvilPid;
        Port = port;
        Options = options;
        Url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        Endpoint = RpcEndpoint.Parse(Url);
        Client = Endpoint.CreateClient();
        Web3 = new Web3(Client);
        ChainId = options.ChainId;
    }

    /// <summary>The HTTP JSON-RPC URL, e.g. <c>http://127.0.0.1:39215</c>.</summary>
    public string Url { get; }

    /// <summary>The endpoint of <see cref="Url"/>.</summary>
    public RpcEndpoint Endpoint { get; }

    /// <summary>Nethereum's JSON-RPC client for this node (<see cref="RpcEndpoint.CreateClient"/>).</summary>
    public IClient Client { get; }

    /// <summary>A Nethereum <see cref="Nethereum.Web3.Web3"/> over <see cref="Client"/> without an account, for reads (<see cref="DevAccount"/> signs).</summary>
    public Web3 Web3 { get; }

    /// <summary>The loopback port.</summary>
    public int Port { get; }

    /// <summary>The chain id the node answers with.</summary>
    public long ChainId { get; }

    /// <summary>The operating-system id of the anvil process.</summary>
    public int ProcessId { get; }

    /// <summary>The operating-system id of the watchdog shell that owns anvil.</summary>
    public int WatchdogProcessId => _process.Id;

    /// <summary>The options the node was started with.</summary>
    public AnvilOptions Options { get; }

    /// <summary>The keys of the funded dev accounts this node has (<see cref="AnvilOptions.Accounts"/> of <see cref="DevPrivateKeys"/>).</summary>
    public IReadOnlyList<EthECKey> DevKeys => DevPrivateKeys.Take(Options.Accounts).Select(k => new EthECKey(k)).ToList();

    /// <summary>Finds anvil: <c>COLLAB_ANVIL</c>, else the npm package's native binary or <c>node_modules/.bin/anvil</c> in this or a parent directory of the working directory or the application.</summary>
    public static string FindExecutable()
    {
        if (Environment.GetEnvironmentVariable(AnvilOptions.ExecutableVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new CollabInsightsException($"{AnvilOptions.ExecutableVariable} names {configured}, which does not exist. Fix the path or unset it to use the repository's node_modules.");
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var modules = Path.Combine(dir.FullName, "node_modules");
                if (!Directory.Exists(modules))
                {
                    continue;
                }

                var foundry = Path.Combine(modules, "@foundry-rs");
                if (Directory.Exists(foundry))
                {
                    var native = Directory.EnumerateDirectories(foundry, "anvil-*")
                        .Select(d => Path.Combine(d, "bin", OperatingSystem.IsWindows() ? "anvil.exe" : "anvil"))
                        .FirstOrDefault(File.Exists);
                    if (native is not null)
                    {
                        return native;
                    }
                }

                var shim = Path.Combine(modules, ".bin", "anvil");
                if (File.Exists(shim))
                {
                    return shim;
                }
            }
        }

        throw new CollabInsightsException($"anvil was not found in node_modules above {Environment.CurrentDirectory}. Run scripts/bootstrap.sh (npm ci installs @foundry-rs/anvil) or set {AnvilOptions.ExecutableVariable} to an anvil executable.");
    }

    /// <summary>Starts anvil on a free loopback port and waits until it answers <c>eth_chainId</c>; throws <see cref="CollabInsightsException"/> with anvil's output when it does not.</summary>
    public static async Task<AnvilNode> StartAsync(AnvilOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnvilOptions();
        var executable = options.ExecutablePath ?? FindExecutable();
        InstallExitHook();
        CollabInsightsException? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return await StartOnceAsync(executable, FreePort(), options, cancellationToken).ConfigureAwait(false);
            }
            catch (CollabInsightsException e) when (e.Message.Contains("in use", StringComparison.OrdinalIgnoreCase))
            {
                last = e; // another process took the port between probing and binding: try another
            }
        }

        throw last!;
    }

    /// <summary>Mines <paramref name="blocks"/> empty blocks at once (<c>anvil_mine</c>).</summary>
    public Task MineAsync(int blocks = 1, CancellationToken cancellationToken = default) =>
        Client.SendRequestAsync("anvil_mine", null, new HexBigInteger(blocks).HexValue).WaitAsync(cancellationToken);

    /// <summary>Takes a snapshot of the chain state (<c>evm_snapshot</c>); returns its id for <see cref="RevertAsync"/>.</summary>
    public async Task<string> SnapshotAsync(CancellationToken cancellationToken = default) =>
        await Client.SendRequestAsync<string>("evm_snapshot").WaitAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Reverts the chain to a snapshot (<c>evm_revert</c>): later blocks are dropped, which a log extractor sees as a reorg once new blocks are mined.</summary>
    public async Task<bool> RevertAsync(string snapshotId, CancellationToken cancellationToken = default) =>
        await Client.SendRequestAsync<bool>("evm_revert", null, snapshotId).WaitAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>A signing <see cref="Nethereum.Web3.Web3"/> (<see cref="Signers.Create"/>) for dev account <paramref name="index"/> (0-based), funded with 10,000 ETH at genesis.</summary>
    public Web3 DevAccount(int index) => Signers.Create(Client, new EthECKey(DevPrivateKeys[index]), ChainId);

    /// <summary>The last lines anvil printed (for diagnostics).</summary>
    public IReadOnlyList<string> RecentOutput => _output.ToArray();

    /// <summary>Stops anvil and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Running.TryRemove(this, out _);
        Stop();
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _process.Dispose();
    }

    /// <summary>Stops anvil (synchronous form of <see cref="DisposeAsync"/>).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void Stop()
    {
        // Kill anvil and anything it started (a launcher's child) first: once its launcher is gone, the child
        // would be re-parented and out of reach. Then closing the watchdog's stdin ends the shell.
        KillPid(ProcessId);
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }

    private static void KillPid(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            p.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
        }
        catch (InvalidOperationException)
        {
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }

    private static void InstallExitHook()
    {
        if (Interlocked.Exchange(ref _exitHookInstalled, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                foreach (var node in Running.Keys)
                {
                    node.Stop();
                }
            };
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<AnvilNode> StartOnceAsync(string executable, int port, AnvilOptions options, CancellationToken cancellationToken)
    {
        var arguments = new List<string>
        {
            "--host", "127.0.0.1",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--chain-id", options.ChainId.ToString(CultureInfo.InvariantCulture),
            "--accounts", options.Accounts.ToString(CultureInfo.InvariantCulture),
        };
        if (options.BlockTime is { } blockTime)
        {
            arguments.Add("--block-time");
            arguments.Add(blockTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        }

        if (options.GasLimit is { } gasLimit)
        {
            arguments.Add("--gas-limit");
            arguments.Add(gasLimit.ToString(CultureInfo.InvariantCulture));
        }

        if (options.StateHistory is { } history)
        {
            // A bare --prune-history keeps no past state at all; "--prune-history 0" would still copy the state at every block.
            arguments.Add("--prune-history");
            if (history > 0)
            {
                arguments.Add(history.ToString(CultureInfo.InvariantCulture));
            }
        }

        arguments.AddRange(options.ExtraArguments);

        var info = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var watched = !OperatingSystem.IsWindows();
        if (watched)
        {
            info.FileName = "/bin/sh";
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(WatchdogScript);
            info.ArgumentList.Add("collab-anvil-watchdog");
            info.ArgumentList.Add(executable);
        }
        else
        {
            info.FileName = executable;
        }

        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        var output = new ConcurrentQueue<string>();
        var pidSource = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (line.StartsWith("collab-anvil-pid ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(17), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                pidSource.TrySetResult(pid);
                return;
            }

            output.Enqueue(line);
            while (output.Count > 60 && output.TryDequeue(out _))
            {
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new CollabInsightsException($"Could not start {executable}: {e.Message}. Run scripts/bootstrap.sh or set {AnvilOptions.ExecutableVariable}.", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!watched)
        {
            pidSource.TrySetResult(process.Id);
        }

        int anvilPid;
        try
        {
            anvilPid = await pidSource.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new CollabInsightsException("The anvil watchdog shell did not start. Check that /bin/sh exists.");
        }

        var node = new AnvilNode(process, output, anvilPid, port, options);
        Running.TryAdd(node, 0);
        var deadline = DateTime.UtcNow + options.StartupTimeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (HasExited(anvilPid) || process.HasExited)
            {
                await node.DisposeAsync().ConfigureAwait(false);
                var tail = string.Join(Environment.NewLine, output.TakeLast(15));
                var inUse = tail.Contains("in use", StringComparison.OrdinalIgnoreCase);
                throw new CollabInsightsException($"anvil exited before answering on port {port}{(inUse ? " (address in use)" : string.Empty)}. Its output:{Environment.NewLine}{tail}");
            }

            try
            {
                var chainId = (long)(await node.Web3.Eth.ChainId.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
                if (chainId != options.ChainId)
                {
                    await node.DisposeAsync().ConfigureAwait(false);
                    throw new CollabInsightsException($"Port {port} answered with chain id {chainId}, not {options.ChainId}: another node took the port (in use).");
                }

                return node;
            }
            catch (EthereumRpcException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (EthereumRpcException e)
            {
                await node.DisposeAsync().ConfigureAwait(false);
                throw new CollabInsightsException($"anvil did not answer on {node.Url} within {options.StartupTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s: {e.Message}", e);
            }
        }
    }

    private static bool HasExited(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return !Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}") || IsZombie(pid);
        }

        try
        {
            using var p = Process.GetProcessById(pid);
            return p.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] == 'Z';
        }
        catch (IOException)
        {
            return true;
        }
    }
}
