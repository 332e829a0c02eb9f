using CollabInsights.OnChain.Extraction.Internal;

namespace CollabInsights.Extraction.Tests;

public class RangeErrorClassifierTests
{
    [Theory]
    [InlineData(-32005, "query returned more than 10000 results. Try with this block range [0x1, 0x2].", 1L, 2L, null)]
    [InlineData(-32602, "eth_getLogs is limited to a 1000 block range", null, null, 1000L)]
    [InlineData(-32600, "eth_getLogs is limited to a 10,000 range", null, null, 10000L)]
    [InlineData(-32000, "exceed maximum block range: 5000", null, null, 5000L)]
    [InlineData(-32602, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response. Based on your parameters, this block range should work: [0x3d0900, 0x3d0a2f]", 0x3d0900L, 0x3d0a2fL, 2000L)]
    [InlineData(-32005, "limit exceeded", null, null, null)]
    [InlineData(-32602, "block range too large", null, null, null)]
    public void Range_limit_messages_are_recognised_with_their_hints(int code, string message, long? from, long? to, long? max)
    {
        var e = RangeErrorClassifier.Classify(code, message);
        Assert.NotNull(e);
        Assert.Equal(from, e.SuggestedFrom);
        Assert.Equal(to, e.SuggestedTo);
        Assert.Equal(max, e.MaxBlocks);
    }

    [Theory]
    [InlineData(-32602, "invalid argument 0: hex string without 0x prefix")]
    [InlineData(-32000, "header not found")]
    [InlineData(null, "HTTP 503 Service Unavailable")]
    public void Other_errors_are_not_range_limits(int? code, string message) => Assert.Null(RangeErrorClassifier.Classify(code, message));
}
