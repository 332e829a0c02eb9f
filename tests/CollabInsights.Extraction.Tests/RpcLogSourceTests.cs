using System.Net;
using System.Text;
using System.Text.Json;
using CollabInsights.OnChain.Extraction;
using CollabInsights.OnChain.Extraction.Internal;
using Nethereum.JsonRpc.Client;

namespace CollabInsights.Extraction.Tests;

public class RpcLogSourceTests
{
    private const string Log = """
        {"address":"0x5fbdb2315678afecb367f032d93f642f64180aa3","topics":["0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef","0x0000000000000000000000000000000000000000000000000000000000000005"],"data":"0x07","blockHash":"0xaa","blockNumber":"0x1f","blockTimestamp":"0x6b11f602","transactionHash":"0xbb","transactionIndex":"0x2","logIndex":"0x10","removed":REMOVED}
        """;

    [Fact]
    public void The_streaming_reader_reads_every_field_and_drops_removed_logs()
    {
        var body = $$"""{"jsonrpc":"2.0","id":7,"result":[{{Log.Replace("REMOVED", "false", StringComparison.Ordinal)}},{{Log.Replace("REMOVED", "true", StringComparison.Ordinal)}}]}""";
        var logs = LogsJson.Parse(Encoding.UTF8.GetBytes(body));
        var log = Assert.Single(logs);
        Assert.Equal("0x5fbdb2315678afecb367f032d93f642f64180aa3", log.Address);
        Assert.Equal(2, log.Topics.Count);
        Assert.Equal("0x0000000000000000000000000000000000000000000000000000000000000005", log.Topics[1]);
        Assert.Equal(("0x07", 31L, "0xaa", "0xbb", 2, 16), (log.Data, log.BlockNumber, log.BlockHash, log.TransactionHash, log.TransactionIndex, log.LogIndex));
    }

    [Fact]
    public void A_truncated_body_is_a_transient_failure()
    {
        var body = $$"""{"jsonrpc":"2.0","id":7,"result":[{{Log.Replace("REMOVED", "false", StringComparison.Ordinal)}},{"address":"0x5f""";
        var e = Assert.ThrowsAny<JsonException>(() => LogsJson.Parse(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(LogSourceFailure.Transient, LogSourceErrors.From(e, t => t)!.Failure);
    }

    [Fact]
    public void A_providers_result_limit_error_keeps_its_code_and_hint_for_the_range_classifier()
    {
        var body = """{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"query returned more than 10000 results. Try with this block range [0x10, 0x20]."}}""";
        var e = Assert.Throws<LogSourceException>(() => LogsJson.Parse(Encoding.UTF8.GetBytes(body)));
        Assert.Equal((LogSourceFailure.RpcError, -32005), (e.Failure, e.RpcCode));
        var limit = RangeErrorClassifier.Classify(e.RpcCode, e.Message);
        Assert.Equal((16L, 32L), (limit!.SuggestedFrom, limit.SuggestedTo));
    }

    [Fact]
    public void Nethereum_client_failures_map_to_the_extractors_failure_kinds()
    {
        var range = LogSourceErrors.From(new RpcResponseException(new RpcError(-32602, "eth_getLogs is limited to a 1000 block range")), t => t)!;
        Assert.Equal((LogSourceFailure.RpcError, -32602), (range.Failure, range.RpcCode));
        Assert.Equal(1000L, RangeErrorClassifier.Classify(range.RpcCode, range.Message)!.MaxBlocks);

        var limited = LogSourceErrors.From(new RpcClientUnknownException("send failed", new HttpRequestException("429", null, HttpStatusCode.TooManyRequests)), t => t)!;
        Assert.Equal((LogSourceFailure.RateLimited, 429), (limited.Failure, limited.HttpStatus));

        var unavailable = LogSourceErrors.From(new RpcClientUnknownException("send failed", new HttpRequestException("503", null, HttpStatusCode.ServiceUnavailable)), t => t)!;
        Assert.Equal((LogSourceFailure.Transient, 503), (unavailable.Failure, unavailable.HttpStatus));

        var cut = LogSourceErrors.From(new RpcClientUnknownException("send failed", new Newtonsoft.Json.JsonReaderException("Unexpected end")), t => t)!;
        Assert.Equal(LogSourceFailure.Transient, cut.Failure);

        Assert.Equal(LogSourceFailure.Timeout, LogSourceErrors.From(new RpcClientTimeoutException("no answer"), t => t)!.Failure);
        Assert.Equal(LogSourceFailure.Fatal, LogSourceErrors.FromHttpStatus(HttpStatusCode.Unauthorized, null, "bad key").Failure);
    }

    [Fact]
    public void A_url_with_a_key_is_redacted_in_failures()
    {
        var scrub = new CollabInsights.OnChain.Rpc.RpcEndpoint[] { CollabInsights.OnChain.Rpc.RpcEndpoint.Parse("https://node.example/v3/AbCdEf1234567890XyZ") }[0].Scrub;
        var e = LogSourceErrors.From(new HttpRequestException("connection refused to https://node.example/v3/AbCdEf1234567890XyZ"), scrub)!;
        Assert.DoesNotContain("AbCdEf1234567890XyZ", e.Message, StringComparison.Ordinal);
        Assert.Equal(LogSourceFailure.Transient, e.Failure);
    }
}
