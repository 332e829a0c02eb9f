using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using CollabInsights.OnChain.Rpc;

namespace CollabInsights.OnChain.Extraction.Internal;

/// <summary>
/// <c>eth_getLogs</c> over HTTP POST, the response read into a pooled buffer and parsed by <see cref="LogsJson"/>.
/// The URL's <c>user:password@</c> goes as HTTP Basic authentication. Non-success statuses keep the HTTP status and <c>Retry-After</c>; a dropped connection or a cut body is transient.
/// </summary>
internal sealed class HttpLogs(HttpClient http, RpcEndpoint endpoint, IReadOnlyDictionary<string, string>? headers = null)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private long _nextId;

    public async Task<IReadOnlyList<RpcLog>> GetLogsAsync(long fromBlock, long toBlock, EventFilter filter, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Address)
        {
            Content = new ByteArrayContent(LogsJson.Request(Interlocked.Increment(ref _nextId), fromBlock, toBlock, filter)),
        };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = endpoint.Authorization;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        byte[]? buffer = null;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            int length;
            (buffer, length) = await ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw StatusFailure(response, buffer.AsSpan(0, length));
            }

            return LogsJson.Parse(buffer.AsSpan(0, length));
        }
        catch (Exception e) when (e is not LogSourceException && e is not OperationCanceledException && LogSourceErrors.From(e, endpoint.Scrub) is { } mapped)
        {
            throw mapped;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private LogSourceException StatusFailure(HttpResponseMessage response, ReadOnlySpan<byte> body)
    {
        // A JSON-RPC error in the body of a non-200 answer (some providers send range errors with 400) wins over the bare status.
        if (body.Length > 0 && body[0] == (byte)'{')
        {
            try
            {
                LogsJson.Parse(body);
            }
            catch (LogSourceException e) when (e.Failure != LogSourceFailure.RateLimited && (int)response.StatusCode is not (429 or >= 500))
            {
                return new LogSourceException(e.Message, e.Failure, e.RpcCode, (int)response.StatusCode);
            }
            catch (Exception e) when (e is LogSourceException or System.Text.Json.JsonException)
            {
            }
        }

        var text = System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 200)]).ReplaceLineEndings(" ").Trim();
        return LogSourceErrors.FromHttpStatus(response.StatusCode, RetryAfter(response), endpoint.Scrub(text));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };

    private static async Task<(byte[] Buffer, int Length)> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var expected = content.Headers.ContentLength is { } n and > 0 and < int.MaxValue ? (int)n : 64 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(expected + 1);
        var length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
