using System.Collections;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Numerics;
using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;

namespace CollabInsights.OnChain.Rpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP POST with System.Text.Json: single calls and batches. Failures throw
/// <see cref="EthereumRpcException"/> with the HTTP status, JSON-RPC code, message and data kept;
/// messages show only the redacted endpoint. Thread-safe; one instance per endpoint is enough.
/// </summary>
public sealed class JsonRpcClient : IEthereumRpc, IDisposable
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly JsonRpcClientOptions _options;
    private long _nextId;

    /// <summary>A client for <paramref name="endpoint"/>. Pass an <paramref name="httpClient"/> to share connections; otherwise the client owns one.</summary>
    public JsonRpcClient(RpcEndpoint endpoint, JsonRpcClientOptions? options = null, HttpClient? httpClient = null)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _options = options ?? new JsonRpcClientOptions();
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 });
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>A client for a URL string.</summary>
    public JsonRpcClient(string url, JsonRpcClientOptions? options = null)
        : this(RpcEndpoint.Parse(url), options)
    {
    }

    /// <inheritdoc />
    public RpcEndpoint Endpoint { get; }

    /// <inheritdoc />
    public async Task<JsonElement> CallAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        var id = Interlocked.Increment(ref _nextId);
        var body = WriteBody(writer => WriteRequest(writer, id, method, parameters ?? []));
        using var document = await SendAsync(method, body, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(method, $"expected a JSON object, got {root.ValueKind}");
        }

        return ReadResult(method, root);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RpcResponse>> BatchAsync(IReadOnlyList<RpcRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return [];
        }

        var firstId = Interlocked.Add(ref _nextId, requests.Count) - requests.Count + 1;
        var body = WriteBody(writer =>
        {
            writer.WriteStartArray();
            for (var i = 0; i < requests.Count; i++)
            {
                WriteRequest(writer, firstId + i, requests[i].Method, requests[i].Params);
            }

            writer.WriteEndArray();
        });
        const string batchName = "batch";
        using var document = await SendAsync(batchName, body, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            // Some servers answer a whole batch with one error object (batch too large, rate limited).
            ReadResult(batchName, root);
            throw Malformed(batchName, "expected an array of responses, got one object");
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(batchName, $"expected a JSON array, got {root.ValueKind}");
        }

        var results = new RpcResponse?[requests.Count];
        foreach (var item in root.EnumerateArray())
        {
            if (!item.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var id) || id < firstId || id >= firstId + requests.Count)
            {
                throw Malformed(batchName, "a response has a missing or unknown id");
            }

            var index = (int)(id - firstId);
            var method = requests[index].Method;
            try
            {
                results[index] = new RpcResponse(ReadResult(method, item), null);
            }
            catch (EthereumRpcException e) when (e.Kind == RpcFailureKind.JsonRpcError)
            {
                results[index] = new RpcResponse(default, e);
            }
        }

        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] is null)
            {
                throw Malformed(batchName, $"no response for request {i} ({requests[i].Method})");
            }
        }

        return results!;
    }

    /// <summary>Releases the HTTP client when this instance created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<JsonDocument> SendAsync(string method, byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = JsonMediaType;
        foreach (var (name, value) in _options.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        byte[] responseBytes;
        HttpStatusCode status;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            status = response.StatusCode;
            responseBytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EthereumRpcException(RpcFailureKind.Timeout, method, Endpoint.Redacted, $"no answer within {_options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", innerException: e);
        }
        catch (HttpRequestException e)
        {
            throw new EthereumRpcException(RpcFailureKind.Network, method, Endpoint.Redacted, Endpoint.Scrub(e.Message), e.StatusCode);
        }
        catch (IOException e)
        {
            throw new EthereumRpcException(RpcFailureKind.Network, method, Endpoint.Redacted, Endpoint.Scrub(e.Message));
        }

        JsonDocument? document = null;
        try
        {
            document = responseBytes.Length == 0 ? null : JsonDocument.Parse(responseBytes);
        }
        catch (JsonException)
        {
            document = null;
        }

        if (!IsSuccess(status))
        {
            // Keep the JSON-RPC error if the body has one, but always keep the HTTP status.
            var snippet = Snippet(responseBytes);
            if (document is not null && document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var (code, message, data) = ReadError(error);
                document.Dispose();
                throw new EthereumRpcException(RpcFailureKind.HttpStatus, method, Endpoint.Redacted, $"{(int)status} {status}: {message}", status, code, message, data);
            }

            document?.Dispose();
            throw new EthereumRpcException(RpcFailureKind.HttpStatus, method, Endpoint.Redacted, $"{(int)status} {status}{(snippet.Length > 0 ? ": " + snippet : string.Empty)}", status);
        }

        return document ?? throw Malformed(method, responseBytes.Length == 0 ? "empty body" : $"not JSON: {Snippet(responseBytes)}");
    }

    private JsonElement ReadResult(string method, JsonElement response)
    {
        if (response.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var (code, message, data) = ReadError(error);
            throw new EthereumRpcException(RpcFailureKind.JsonRpcError, method, Endpoint.Redacted, Endpoint.Scrub(message) + (data is null ? string.Empty : $" (data: {Truncate(data, 300)})"), null, code, message, data);
        }

        if (!response.TryGetProperty("result", out var result))
        {
            throw Malformed(method, "the response has neither result nor error");
        }

        return result.Clone();
    }

    private static (long? Code, string Message, string? Data) ReadError(JsonElement error)
    {
        long? code = error.TryGetProperty("code", out var c) && c.TryGetInt64(out var v) ? v : null;
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? string.Empty : string.Empty;
        var data = error.TryGetProperty("data", out var d) ? EthereumRpcException.DataToString(d) : null;
        return (code, message, data);
    }

    private EthereumRpcException Malformed(string method, string detail) =>
        new(RpcFailureKind.MalformedResponse, method, Endpoint.Redacted, detail);

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    private static string Snippet(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ").Trim();
        return body.Length > 200 ? text + "..." : text;
    }

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] + "..." : text;

    private static byte[] WriteBody(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static void WriteRequest(Utf8JsonWriter writer, long id, string method, IReadOnlyList<object?> parameters)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WriteNumber("id", id);
        writer.WriteString("method", method);
        writer.WritePropertyName("params");
        writer.WriteStartArray();
        foreach (var p in parameters)
        {
            WriteValue(writer, p);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case BigInteger big:
                writer.WriteStringValue(new HexBigInteger(big).HexValue);
                break;
            case byte[] bytes:
                writer.WriteStringValue(bytes.ToHex(true));
                break;
            case BlockParameter block:
                writer.WriteStringValue(block.ToString());
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"Cannot send a {value.GetType().Name} as a JSON-RPC parameter: use strings, numbers, booleans, lists or dictionaries.", nameof(value));
        }
    }
}
