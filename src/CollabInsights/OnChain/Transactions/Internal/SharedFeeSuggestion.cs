using System.Numerics;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Fee1559Suggestions;
using Nethereum.RPC.TransactionManagers;

namespace CollabInsights.OnChain.Transactions.Internal;

/// <summary>
/// Nethereum's <see cref="SimpleFeeSuggestionStrategy"/> (max fee = 2 x the latest base fee + priority fee) asked at most once per
/// <see cref="MaxAge"/> for every account sending through the same client: one <c>eth_getBlockByNumber</c> a second instead of one
/// per transaction. A base fee rises by at most 12.5 % a block, so the doubled base fee still covers several blocks.
/// </summary>
internal sealed class SharedFeeSuggestion(IClient client) : IFee1559SuggestionStrategy
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IClient, SharedFeeSuggestion> PerClient = [];
    private readonly SimpleFeeSuggestionStrategy _inner = new(client);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (Fee1559 Fee, BigInteger? Priority, long At)? _last;

    public static SharedFeeSuggestion For(IClient client) => PerClient.GetValue(client, c => new SharedFeeSuggestion(c));

    public async Task<Fee1559> SuggestFeeAsync(BigInteger? maxPriorityFeePerGas = null)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            var now = Environment.TickCount64;
            if (_last is { } last && last.Priority == maxPriorityFeePerGas && now - last.At < (long)MaxAge.TotalMilliseconds)
            {
                return last.Fee;
            }

            var fee = await _inner.SuggestFeeAsync(maxPriorityFeePerGas).ConfigureAwait(false);
            _last = (fee, maxPriorityFeePerGas, now);
            return fee;
        }
        finally
        {
            _lock.Release();
        }
    }
}
