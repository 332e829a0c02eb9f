using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Contracts.OutcomeLedgerDefinition;
using CollabInsights.OnChain.Extraction;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Transactions;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.JsonRpc.Client;
using Nethereum.Web3;

namespace CollabInsights.OnChain.Tests;

/// <summary>The endpoint layer over Nethereum's JSON-RPC client: redaction, Basic authentication, and failures that say what went wrong.</summary>
public class RpcEndpointTests
{
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
    public async Task User_and_password_in_the_url_are_sent_as_basic_authentication_by_every_client_and_stay_masked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = StubServer.Start(200, """{"jsonrpc":"2.0","id":1,"result":"0x7a69"}""");
        var url = server.Url.Replace("http://", "http://alice:s%40cret:pw@", StringComparison.Ordinal);
        var endpoint = RpcEndpoint.Parse(url);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s@cret:pw"));
        Assert.Equal(expected, endpoint.Authorization!.ToString());
        Assert.Equal(server.Url, endpoint.Address.ToString());
        Assert.DoesNotContain("alice", endpoint.Redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("cret", endpoint.Redacted, StringComparison.Ordinal);

        // Nethereum's client (seeding, anchoring, proofs) ...
        var chainId = await new Web3(endpoint.CreateClient()).Eth.ChainId.SendRequestAsync().WaitAsync(ct);
        Assert.Equal(31337, (long)chainId.Value);

        // ... and the extractor's source: Nethereum for the chain id, the streaming eth_getLogs reader for logs.
        using var source = new RpcLogSource(endpoint);
        Assert.Equal(31337, await source.GetChainIdAsync(ct));
        await server.SetBodyAsync("""{"jsonrpc":"2.0","id":1,"result":[]}""");
        Assert.Empty(await source.GetLogsAsync(1, 2, EventFilter.ForAddresses("0x5fbdb2315678afecb367f032d93f642f64180aa3"), ct));

        Assert.Equal(3, server.Authorizations.Count);
        Assert.All(server.Authorizations, header => Assert.Equal(expected, header));

        await using var refusing = StubServer.Start(401, "unauthorized");
        var wrong = RpcEndpoint.Parse(refusing.Url.Replace("http://", "http://alice:wrongpass@", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => new Web3(wrong.CreateClient()).Eth.ChainId.SendRequestAsync().WaitAsync(ct));
        Assert.Equal(HttpStatusCode.Unauthorized, error.HttpStatus);
        Assert.Contains("credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrongpass", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_connection_names_the_endpoint_without_its_secrets()
    {
        var client = RpcEndpoint.Parse($"http://user:pa55word@127.0.0.1:{ClosedPort()}/v2/AbCdEf1234567890XyZ?apikey=S3CRETKEY").CreateClient();
        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => new Web3(client).Eth.ChainId.SendRequestAsync());
        Assert.Equal(RpcFailureKind.Network, error.Kind);
        Assert.True(error.IsTransient);
        foreach (var secret in new[] { "pa55word", "AbCdEf1234567890XyZ", "S3CRETKEY" })
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }

        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.Contains("eth_chainId", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check that the node is running", error.Message, StringComparison.Ordinal);
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
        await using var server = StubServer.Start(429, """{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"rate limit exceeded"}}""");
        var limited = await Assert.ThrowsAsync<EthereumRpcException>(() => new Web3(RpcEndpoint.Parse(server.Url).CreateClient()).Eth.Blocks.GetBlockNumber.SendRequestAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.HttpStatus);
        Assert.True(limited.IsTransient);
        Assert.True(limited.IsRateLimited);
        Assert.Contains("eth_blockNumber", limited.Message, StringComparison.Ordinal);

        await using var unavailable = StubServer.Start(503, "<html>Service Unavailable</html>");
        var down = await Assert.ThrowsAsync<EthereumRpcException>(() => new Web3(RpcEndpoint.Parse(unavailable.Url).CreateClient()).Eth.Blocks.GetBlockNumber.SendRequestAsync());
        Assert.Equal(RpcFailureKind.HttpStatus, down.Kind);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.HttpStatus);
        Assert.True(down.IsTransient);
    }

    [Fact]
    public async Task A_json_rpc_error_stays_nethereums_with_code_message_and_data()
    {
        await using var server = StubServer.Start(200, """{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"query returned more than 10000 results","data":{"from":"0x1","to":"0x2710"}}}""");
        var error = await Assert.ThrowsAsync<RpcResponseException>(() => new Web3(RpcEndpoint.Parse(server.Url).CreateClient()).Eth.Blocks.GetBlockNumber.SendRequestAsync());
        Assert.Equal(-32005, error.RpcError.Code);
        Assert.StartsWith("query returned more than 10000 results", error.RpcError.Message, StringComparison.Ordinal);
        Assert.Contains("0x2710", error.RpcError.Data.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_body_is_a_transient_malformed_response()
    {
        await using var truncated = StubServer.Start(200, """{"jsonrpc":"2.0","id":1,"result":"0x""");
        var malformed = await Assert.ThrowsAsync<EthereumRpcException>(() => new Web3(RpcEndpoint.Parse(truncated.Url).CreateClient()).Eth.Blocks.GetBlockNumber.SendRequestAsync());
        Assert.Equal(RpcFailureKind.MalformedResponse, malformed.Kind);
        Assert.True(malformed.IsTransient);
    }

    [Fact]
    public async Task A_reverting_call_names_the_custom_error_decoded_against_the_compiled_contracts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestChain.StartAsync(ct: ct);
        var (ledger, _) = await OutcomeLedgerService.DeployAsync(node.DevAccount(0), ct);
        var stranger = ledger.WithSender(node.DevAccount(1));
        var revert = await Assert.ThrowsAsync<TransactionRevertedException>(() =>
            stranger.AttestAsync("none", "m", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), 1, new byte[32], ct));
        Assert.StartsWith("UnknownProject(0x6e6f6e65", revert.Reason, StringComparison.Ordinal);
        Assert.Null(revert.TransactionHash); // caught by the gas estimate, before anything was sent
        Assert.NotNull(revert.RevertData);
        Assert.Equal(ContractTransactions.DecodeReason(revert.RevertData!.ToHex(true)), revert.Reason);
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
        private readonly string[] _body;

        private StubServer(HttpListener listener, Task loop, string url, string[] body, ConcurrentQueue<string> authorizations)
        {
            _listener = listener;
            _loop = loop;
            _body = body;
            Url = url;
            Authorizations = authorizations;
        }

        public string Url { get; }

        /// <summary>The Authorization header of every request received, in order ("" when there was none).</summary>
        public ConcurrentQueue<string> Authorizations { get; }

        public Task SetBodyAsync(string body)
        {
            Volatile.Write(ref _body[0], body);
            return Task.CompletedTask;
        }

        public static StubServer Start(int status, string body, TimeSpan? delay = null)
        {
            var port = ClosedPort();
            var url = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            listener.Start();
            var current = new[] { body };
            var authorizations = new ConcurrentQueue<string>();
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

                    authorizations.Enqueue(context.Request.Headers["Authorization"] ?? string.Empty);
                    _ = Task.Run(async () =>
                    {
                        try
                        {
                            if (delay is { } d)
                            {
                                await Task.Delay(d);
                            }

                            var bytes = Encoding.UTF8.GetBytes(Volatile.Read(ref current[0]));
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
            return new StubServer(listener, loop, url, current, authorizations);
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
