using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CollabInsights.OnChain.Rpc;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Extraction.Tests;

/// <summary>Anvil from the pinned npm package on a free loopback port, killed on dispose.</summary>
internal sealed class TestAnvil : IAsyncDisposable
{
    private readonly Process _process;

    private TestAnvil(Process process, int port)
    {
        _process = process;
        Port = port;
        Url = $"http://127.0.0.1:{port}";
        Web3 = new Nethereum.Web3.Web3(RpcEndpoint.Parse(Url).CreateClient());
    }

    public int Port { get; }

    public string Url { get; }

    public Nethereum.Web3.Web3 Web3 { get; }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public static async Task<TestAnvil> StartAsync(CancellationToken ct, params string[] extra)
    {
        var exe = RepoPaths.NodeTool("anvil");
        var port = FreePort();
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--silent", .. extra])
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var anvil = new TestAnvil(process, port);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await anvil.Web3.Eth.ChainId.SendRequestAsync().WaitAsync(ct);
                return anvil;
            }
            catch (EthereumRpcException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
