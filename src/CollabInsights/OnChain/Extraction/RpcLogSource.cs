using CollabInsights.OnChain.Extraction.Internal;
using CollabInsights.OnChain.Rpc;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.Blocks;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace CollabInsights.OnChain.Extraction;

/// <summary>
/// An <see cref="ILogSource"/> over an Ethereum JSON-RPC endpoint. Chain id, head and block headers go through
/// Nethereum's <see cref="IClient"/> (headers batched); the provider's errors become <see cref="LogSourceException"/>s
/// the extractor acts on (range hints, 429, 5xx, timeouts, truncated bodies). Logs flagged <c>removed</c> are dropped.
/// <para>
/// Given a URL (and optionally your own <see cref="HttpClient"/>, which carries your headers, auth and timeouts),
/// <c>eth_getLogs</c> takes the extractor's streaming fast path (<c>LogsJson</c>); given only a Nethereum
/// <see cref="IClient"/> or <see cref="IWeb3"/>, every call goes through that client, logs included (slower: see
/// README, "Extraction speed", for the measured difference).
/// </para>
/// </summary>
public sealed class RpcLogSource : ILogSource, IDisposable
{
    private readonly IClient _client;
    private readonly HttpLogs? _fastLogs;
    private readonly HttpClient? _ownedHttp;
    private readonly Func<string, string> _scrub;

    /// <summary>
    /// A source for the endpoint at <paramref name="url"/>. Pass <paramref name="httpClient"/> to bring your own
    /// handler, default headers (API keys, auth) and timeout; otherwise the source owns one (64 connections, no timeout of its own).
    /// </summary>
    public RpcLogSource(string url, HttpClient? httpClient = null)
    {
        var endpoint = RpcEndpoint.Parse(url);
        if (httpClient is null)
        {
            _ownedHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64, AutomaticDecompression = System.Net.DecompressionMethods.All })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
        }

        var http = httpClient ?? _ownedHttp!;
        _client = new RpcClient(endpoint.Address, new HttpClient(new PassThroughHandler(http, endpoint.Authorization)) { Timeout = Timeout.InfiniteTimeSpan }, endpoint.Authorization);
        _fastLogs = new HttpLogs(http, endpoint);
        _scrub = endpoint.Scrub;
    }

    /// <summary>A source over a Nethereum client you configured (provider, auth, interceptors); every request goes through it.</summary>
    public RpcLogSource(IClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _scrub = text => text;
    }

    /// <summary>A source over the client of a Nethereum <see cref="IWeb3"/>.</summary>
    public RpcLogSource(IWeb3 web3)
        : this((web3 ?? throw new ArgumentNullException(nameof(web3))).Client)
    {
    }

    /// <summary>A source for <paramref name="endpoint"/> (the fast <c>eth_getLogs</c> path; <c>user:password@</c> sent as HTTP Basic authentication).</summary>
    public RpcLogSource(RpcEndpoint endpoint)
        : this((endpoint ?? throw new ArgumentNullException(nameof(endpoint))).Url.OriginalString)
    {
    }

    /// <inheritdoc/>
    public Task<long> GetChainIdAsync(CancellationToken cancellationToken) =>
        CallAsync(async () => (long)(await _client.SendRequestAsync<HexBigInteger>("eth_chainId", null).ConfigureAwait(false)).Value, cancellationToken);

    /// <inheritdoc/>
    public Task<long> GetLatestBlockAsync(CancellationToken cancellationToken) =>
        CallAsync(async () => (long)(await _client.SendRequestAsync<HexBigInteger>("eth_blockNumber", null).ConfigureAwait(false)).Value, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RpcLog>> GetLogsAsync(long fromBlock, long toBlock, EventFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (_fastLogs is not null)
        {
            return _fastLogs.GetLogsAsync(fromBlock, toBlock, filter, cancellationToken);
        }

        var input = new NewFilterInput
        {
            FromBlock = new Nethereum.RPC.Eth.DTOs.BlockParameter(new HexBigInteger(fromBlock)),
            ToBlock = new Nethereum.RPC.Eth.DTOs.BlockParameter(new HexBigInteger(toBlock)),
            Address = filter.Addresses.Count > 0 ? [.. filter.Addresses] : null,
            Topics = filter.Topics.Count > 0 ? [.. filter.Topics.Select(t => t is null ? null : (object)t.ToArray())] : null,
        };
        return CallAsync<IReadOnlyList<RpcLog>>(
            async () =>
            {
                var logs = await _client.SendRequestAsync<FilterLog[]>("eth_getLogs", null, input).ConfigureAwait(false) ?? [];
                return [.. logs.Where(l => !l.Removed).Select(ToRpcLog)];
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<BlockHeader>> GetBlockHeadersAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<BlockHeader>>(
            async () =>
            {
                var blocks = await new EthGetBlockWithTransactionsHashesByNumber(_client)
                    .SendBatchRequestAsync([.. numbers.Select(n => new HexBigInteger(n))]).ConfigureAwait(false);
                var headers = new List<BlockHeader>(numbers.Count);
                for (var i = 0; i < numbers.Count; i++)
                {
                    var b = i < blocks.Count ? blocks[i] : null;
                    if (b is null || (long)b.Number.Value != numbers[i])
                    {
                        throw new LogSourceException($"The node returned no header for block {numbers[i]}; is it beyond the chain head?", LogSourceFailure.Transient);
                    }

                    headers.Add(new BlockHeader((long)b.Number.Value, b.BlockHash, b.ParentHash, (long)b.Timestamp.Value, b.BaseFeePerGas?.Value));
                }

                return headers;
            },
            cancellationToken);

    /// <summary>Releases the HTTP client when this source created it.</summary>
    public void Dispose() => _ownedHttp?.Dispose();

    private static RpcLog ToRpcLog(FilterLog l) => new(
        l.Address,
        [.. l.Topics.Select(t => t.ToString()!)],
        l.Data,
        (long)l.BlockNumber.Value,
        l.BlockHash,
        l.TransactionHash,
        (int)l.TransactionIndex.Value,
        (int)l.LogIndex.Value,
        l.Removed);

    // Nethereum's client takes no cancellation token: the call is abandoned (not awaited further) when the token fires.
    private async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && LogSourceErrors.From(e, _scrub) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>Lets Nethereum's client send through the caller's <see cref="HttpClient"/> (its handler, default headers and timeout) without touching its settings.</summary>
    private sealed class PassThroughHandler(HttpClient inner, System.Net.Http.Headers.AuthenticationHeaderValue? authorization) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // A request message is sent once: the outer client has marked this one, so the inner client gets a copy.
            var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content, Version = request.Version };
            foreach (var header in request.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            // Nethereum's client puts its credentials in its own default headers; the request carries them here.
            copy.Headers.Authorization ??= authorization;

            return inner.SendAsync(copy, cancellationToken);
        }
    }
}
