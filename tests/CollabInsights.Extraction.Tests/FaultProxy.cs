using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CollabInsights.OnChain.Rpc;

namespace CollabInsights.Extraction.Tests;

/// <summary>
/// A JSON-RPC proxy on loopback (raw TcpListener, HTTP/1.1 keep-alive) in front of a node that injects
/// faults: HTTP 429 and 503, requests that never answer (timeouts), truncated bodies (cut connection and
/// short JSON), providers' range-limit errors, and a simulated reorg: until <see cref="ReorgAfterLogRequests"/>
/// eth_getLogs responses touching block <see cref="ReorgFromBlock"/> or later have been served, every hash of a
/// block from there on is replaced by a fake one (consistently in headers, parent hashes and logs), so the
/// chain looks as if those blocks were later replaced by another branch.
/// </summary>
internal sealed partial class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly Uri _upstream;
    private readonly Random _random;
    private int _handled;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accept;
    private Dictionary<string, string> _fakeHashes = new(StringComparer.OrdinalIgnoreCase);
    private int _reorgLogResponses;

    public FaultProxy(string upstream, int seed)
    {
        _upstream = new Uri(upstream);
        _random = new Random(seed);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accept = Task.Run(AcceptLoopAsync);
    }

    public string Url { get; }

    public double RateLimitRate { get; init; }
    public double ServerErrorRate { get; init; }
    public double TimeoutRate { get; init; }
    public double TruncateRate { get; init; }
    public long? MaxBlockRange { get; init; }
    public int? MaxResults { get; init; }
    public long ReorgFromBlock { get; set; } = -1;
    public int ReorgAfterLogRequests { get; init; } = 2;

    public int RateLimited;
    public int ServerErrors;
    public int Timeouts;
    public int Truncated;
    public int RangeErrors;
    public int FakedResponses;
    public bool ReorgHappened { get; private set; }

    /// <summary>Arms the simulated reorg: hashes of blocks from..to (the current head) are faked until the switch.</summary>
    public async Task ArmReorgAsync(long from, long to, CancellationToken ct)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var source = new OnChain.Extraction.RpcLogSource(_upstream.ToString());
        var numbers = Enumerable.Range(0, (int)(to - from + 1)).Select(i => from + i).ToList();
        foreach (var header in await source.GetBlockHeadersAsync(numbers, ct))
        {
            map[header.Hash] = "0xdead" + header.Hash[6..];
        }

        _fakeHashes = map;
        ReorgFromBlock = from;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var body = await ReadRequestAsync(stream);
                if (body is null)
                {
                    return;
                }

                if (!await HandleAsync(stream, body))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Answers one request; false closes the connection.</summary>
    private async Task<bool> HandleAsync(NetworkStream stream, byte[] body)
    {
        int fault;
        lock (_lock)
        {
            var r = _random.NextDouble();
            fault = r < RateLimitRate ? 1
                : r < RateLimitRate + ServerErrorRate ? 2
                : r < RateLimitRate + ServerErrorRate + TimeoutRate ? 3
                : r < RateLimitRate + ServerErrorRate + TimeoutRate + TruncateRate ? 4
                : 0;

            // Every fault kind fires at least once whatever the timing: requests 2 to 5 get 429, 503, a
            // timeout and a truncated body in turn (when that fault is enabled), the rest are drawn at random.
            _handled++;
            if (_handled is >= 2 and <= 5 && (_handled - 1) switch { 1 => RateLimitRate, 2 => ServerErrorRate, 3 => TimeoutRate, _ => TruncateRate } > 0)
            {
                fault = _handled - 1;
            }
        }

        switch (fault)
        {
            case 1:
                Interlocked.Increment(ref RateLimited);
                await WriteAsync(stream, 429, "Too Many Requests", "{\"error\":\"rate limited\"}"u8.ToArray(), "Retry-After: 0\r\n");
                return true;
            case 2:
                Interlocked.Increment(ref ServerErrors);
                await WriteAsync(stream, 503, "Service Unavailable", "<html>upstream unavailable</html>"u8.ToArray());
                return true;
            case 3:
                Interlocked.Increment(ref Timeouts);
                await Task.Delay(TimeSpan.FromSeconds(20), _stop.Token);
                return false;
        }

        using var request = JsonDocument.Parse(body);
        var root = request.RootElement;
        var getLogs = root.ValueKind == JsonValueKind.Object && root.GetProperty("method").GetString() == "eth_getLogs";
        long from = 0, to = 0;
        if (getLogs)
        {
            var filter = root.GetProperty("params")[0];
            from = ParseQuantity(filter.GetProperty("fromBlock").GetString()!);
            to = ParseQuantity(filter.GetProperty("toBlock").GetString()!);
            if (MaxBlockRange is { } max && to - from + 1 > max)
            {
                Interlocked.Increment(ref RangeErrors);
                await WriteJsonAsync(stream, Error(root, -32602, $"eth_getLogs is limited to a {max} block range"));
                return true;
            }
        }

        var response = await _http.PostAsync(_upstream, new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });
        var text = await response.Content.ReadAsStringAsync();
        if (getLogs && MaxResults is { } limit)
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("result", out var logs) && logs.GetArrayLength() > limit && to > from)
            {
                Interlocked.Increment(ref RangeErrors);
                var suggestedTo = from + ((to - from) / 2);
                await WriteJsonAsync(stream, Error(root, -32005, $"query returned more than {limit} results. Try with this block range [0x{from:x}, 0x{suggestedTo:x}]."));
                return true;
            }
        }

        text = RewriteForReorg(text, getLogs, to);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (fault == 4)
        {
            var n = Interlocked.Increment(ref Truncated);
            var cut = bytes[..(bytes.Length / 2)];
            if (n % 2 == 0)
            {
                // Announce the full length, send half, drop the connection.
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\n\r\n"));
                await stream.WriteAsync(cut);
                return false;
            }

            // A well-framed response whose JSON is cut short.
            await WriteAsync(stream, 200, "OK", cut);
            return true;
        }

        await WriteAsync(stream, 200, "OK", bytes);
        return true;
    }

    private string RewriteForReorg(string text, bool getLogs, long to)
    {
        if (ReorgFromBlock < 0 || ReorgHappened || _fakeHashes.Count == 0)
        {
            return text;
        }

        var rewritten = HashPattern().Replace(text, m => _fakeHashes.TryGetValue(m.Value, out var fake) ? fake : m.Value);
        if (!ReferenceEquals(rewritten, text) && rewritten != text)
        {
            Interlocked.Increment(ref FakedResponses);
        }

        if (getLogs && to >= ReorgFromBlock && Interlocked.Increment(ref _reorgLogResponses) >= ReorgAfterLogRequests)
        {
            ReorgHappened = true;
        }

        return rewritten;
    }

    private static string Error(JsonElement request, int code, string message) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["jsonrpc"] = "2.0",
            ["id"] = request.GetProperty("id").Clone(),
            ["error"] = new Dictionary<string, object?> { ["code"] = code, ["message"] = message },
        });

    private static long ParseQuantity(string s) => long.Parse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static Task WriteJsonAsync(NetworkStream stream, string json) => WriteAsync(stream, 200, "OK", Encoding.UTF8.GetBytes(json));

    private static async Task WriteAsync(NetworkStream stream, int status, string reason, byte[] body, string extraHeaders = "")
    {
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n{extraHeaders}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
    }

    private static async Task<byte[]?> ReadRequestAsync(NetworkStream stream)
    {
        var header = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            header.Add(one[0]);
            if (header.Count >= 4 && header[^1] == '\n' && header[^2] == '\r' && header[^3] == '\n' && header[^4] == '\r')
            {
                break;
            }
        }

        var text = Encoding.ASCII.GetString([.. header]);
        var m = ContentLength().Match(text);
        var length = m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accept;
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        _stop.Dispose();
    }

    [GeneratedRegex("0x[0-9a-fA-F]{64}")]
    private static partial Regex HashPattern();

    [GeneratedRegex(@"Content-Length:\s*(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ContentLength();
}
