using System.Net;
using System.Net.Sockets;
using System.Text;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Rpc;

namespace CollabInsights.OnChain.Tests;

public class JsonRpcClientTests
{
    [Fact]
    public void Receipt_polls_start_at_two_milliseconds_and_double_up_to_the_interval()
    {
        var waits = new List<double>();
        var wait = TimeSpan.Zero;
        for (var i = 0; i < 8; i++)
        {
            wait = EthereumRpcExtensions.NextReceiptPoll(wait, TimeSpan.FromMilliseconds(50));
            waits.Add(wait.TotalMilliseconds);
        }

        Assert.Equal([2, 4, 8, 16, 32, 50, 50, 50], waits);
        Assert.Equal(TimeSpan.FromMilliseconds(1), EthereumRpcExtensions.NextReceiptPoll(TimeSpan.Zero, TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void Secret_parts_of_an_rpc_url_are_redacted()
    {
        var endpoint = RpcEndpoint.Parse("https://user:pa55word@eth-mainnet.example.org/v2/AbCdEf1234567890XyZ?apikey=S3CRETKEY&network=main");
        Assert.Equal("https://***@eth-mainnet.example.org/v2/***?apikey=***&network=***", endpoint.Redacted);
        Assert.Equal(endpoint.Redacted, endpoint.ToString());
        Assert.Equal("http://127.0.0.1:8545/", RpcEndpoint.Parse("http://127.0.0.1:8545").Redacted);
        Assert.Equal("https://mainnet.example.io/v3/***", RpcEndpoint.Parse("https://mainnet.example.io/v3/9aa3d95b3bc440fa88ea12eaa4456161").Redacted);
        var scrubbed = endpoint.Scrub("failed: https://user:pa55word@eth-mainnet.example.org/v2/AbCdEf1234567890XyZ?apikey=S3CRETKEY&network=main and S3CRETKEY");
        Assert.DoesNotContain("S3CRETKEY", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("AbCdEf1234567890XyZ", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_connection_names_the_endpoint_without_its_secrets()
    {
        using var client = new JsonRpcClient($"http://user:pa55word@127.0.0.1:{ClosedPort()}/v2/AbCdEf1234567890XyZ?apikey=S3CRETKEY");
        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetChainIdAsync(TestContext.Current.CancellationToken));
        Assert.Equal(RpcFailureKind.Network, error.Kind);
        Assert.True(error.IsTransient);
        foreach (var secret in new[] { "pa55word", "AbCdEf1234567890XyZ", "S3CRETKEY" })
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }

        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rpc_url_comes_from_COLLAB_RPC_URL()
    {
        var before = Environment.GetEnvironmentVariable(RpcEndpoint.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(RpcEndpoint.EnvironmentVariable, "http://127.0.0.1:9999/key/0123456789abcdef0123");
            Assert.Equal("http://127.0.0.1:9999/key/***", RpcEndpoint.FromEnvironment()!.Redacted);
            Environment.SetEnvironmentVariable(RpcEndpoint.EnvironmentVariable, null);
            Assert.Null(RpcEndpoint.FromEnvironment());
        }
        finally
        {
            Environment.SetEnvironmentVariable(RpcEndpoint.EnvironmentVariable, before);
        }
    }

    [Fact]
    public async Task Http_429_and_503_keep_their_status_and_are_transient()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = StubServer.Start(429, """{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"rate limit exceeded"}}""");
        using var client = new JsonRpcClient(server.Url);
        var limited = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetBlockNumberAsync(ct));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.HttpStatus);
        Assert.Equal(-32005, limited.Code);
        Assert.True(limited.IsTransient);
        Assert.True(limited.IsRateLimited);

        await using var unavailable = StubServer.Start(503, "<html>Service Unavailable</html>");
        using var client2 = new JsonRpcClient(unavailable.Url);
        var down = await Assert.ThrowsAsync<EthereumRpcException>(() => client2.GetBlockNumberAsync(ct));
        Assert.Equal(RpcFailureKind.HttpStatus, down.Kind);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.HttpStatus);
        Assert.True(down.IsTransient);
    }

    [Fact]
    public async Task A_json_rpc_error_keeps_code_message_and_data_for_range_hints()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = StubServer.Start(200, """{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"query returned more than 10000 results","data":{"from":"0x1","to":"0x2710"}}}""");
        using var client = new JsonRpcClient(server.Url);
        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetLogsAsync(new LogFilter(1, 100000), ct));
        Assert.Equal(RpcFailureKind.JsonRpcError, error.Kind);
        Assert.Equal(-32005, error.Code);
        Assert.Equal("query returned more than 10000 results", error.RpcMessage);
        Assert.Equal("""{"from":"0x1","to":"0x2710"}""", error.Data);
        Assert.Null(error.HttpStatus);
        Assert.False(error.IsTransient);
        Assert.Contains("eth_getLogs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_body_is_a_transient_malformed_response_and_a_slow_server_times_out()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var truncated = StubServer.Start(200, """{"jsonrpc":"2.0","id":1,"result":"0x""");
        using var client = new JsonRpcClient(truncated.Url);
        var malformed = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetBlockNumberAsync(ct));
        Assert.Equal(RpcFailureKind.MalformedResponse, malformed.Kind);
        Assert.True(malformed.IsTransient);

        await using var slow = StubServer.Start(200, """{"jsonrpc":"2.0","id":1,"result":"0x1"}""", delay: TimeSpan.FromSeconds(5));
        using var impatient = new JsonRpcClient(RpcEndpoint.Parse(slow.Url), new JsonRpcClientOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        var timeout = await Assert.ThrowsAsync<EthereumRpcException>(() => impatient.GetBlockNumberAsync(ct));
        Assert.Equal(RpcFailureKind.Timeout, timeout.Kind);
    }

    [Fact]
    public async Task Batch_answers_come_back_in_request_order_with_per_call_errors_and_reverts_carry_data()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestChain.StartAsync(ct: ct);
        var responses = await node.Rpc.BatchAsync(
            [RpcRequest.Create("eth_chainId"), RpcRequest.Create("no_such_method"), RpcRequest.Create("eth_blockNumber")], ct);
        Assert.Equal("0x7a69", responses[0].Result.GetString());
        Assert.NotNull(responses[1].Error);
        Assert.Equal(RpcFailureKind.JsonRpcError, responses[1].Error!.Kind);
        Assert.NotNull(responses[1].Error!.Code);
        Assert.Equal("0x0", responses[2].Result.GetString());

        var (ledger, _) = await OutcomeLedgerContract.DeployAsync(node.DevAccount(0), ct);
        var attest = OutcomeLedgerContract.Contract.Abi.GetFunction("attestOutcome").EncodeCall(LedgerIds.ToBytes32("none"), new byte[32], 0L, 1L, 1, new byte[32]);
        var revert = await Assert.ThrowsAsync<EthereumRpcException>(() => node.Rpc.EthCallAsync(new CallRequest(node.DevKeys[1].GetPublicAddress(), ledger.Address, attest), BlockParameter.Latest, ct));
        Assert.Equal(3, revert.Code);
        Assert.StartsWith("UnknownProject(", OutcomeLedgerContract.Contract.Abi.TryDecodeRevert(revert.RevertData!), StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A one-answer HTTP server on loopback: every request gets the same status and body.</summary>
    private sealed class StubServer : IAsyncDisposable
    {
        private readonly HttpListener _listener;
        private readonly Task _loop;

        private StubServer(HttpListener listener, Task loop, string url)
        {
            _listener = listener;
            _loop = loop;
            Url = url;
        }

        public string Url { get; }

        public static StubServer Start(int status, string body, TimeSpan? delay = null)
        {
            var port = ClosedPort();
            var url = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            listener.Start();
            var loop = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }

                    _ = Task.Run(async () =>
                    {
                        try
                        {
                            if (delay is { } d)
                            {
                                await Task.Delay(d);
                            }

                            var bytes = Encoding.UTF8.GetBytes(body);
                            context.Response.StatusCode = status;
                            context.Response.ContentType = "application/json";
                            context.Response.ContentLength64 = bytes.Length;
                            await context.Response.OutputStream.WriteAsync(bytes);
                            context.Response.Close();
                        }
                        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
                        {
                        }
                    });
                }
            });
            return new StubServer(listener, loop, url);
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
