using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Transactions;

namespace CollabInsights.OnChain.Tests;

/// <summary>
/// A transaction sent with its own gas limit skips the estimate, so a revert is only found once it is mined; its reason
/// is then replayed with eth_call at the parent block, which a node that keeps no old state cannot do.
/// </summary>
public class MinedRevertTests
{
    [Theory]
    [InlineData(64, true)]
    [InlineData(0, false)]
    public async Task A_mined_revert_carries_the_replayed_reason_or_says_why_the_node_could_not_give_it(int stateHistory, bool replayable)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestChain.StartAsync(new AnvilOptions { StateHistory = stateHistory }, ct);
        var (ledger, _) = await OutcomeLedgerContract.DeployAsync(node.DevAccount(0), ct);
        var stranger = node.DevAccount(5);
        var abi = OutcomeLedgerContract.Contract.Abi;
        var call = abi.GetFunction("registerProject").EncodeCall(LedgerIds.ToBytes32("P-MINED"), new byte[32]);

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(() =>
            stranger.SendAndWaitAsync(new TransactionRequest(ledger.Address, call) { GasLimit = 300_000, Abi = abi }, ct));

        Assert.NotNull(error.TransactionHash);
        var receipt = await node.Rpc.GetTransactionReceiptAsync(error.TransactionHash!, ct);
        Assert.NotNull(receipt);
        Assert.False(receipt!.Succeeded); // it really was mined and failed
        Assert.Contains($"reverted in block {receipt.BlockNumber}", error.Message, StringComparison.Ordinal);
        if (replayable)
        {
            Assert.StartsWith("NotCommissioner(", error.Reason, StringComparison.Ordinal);
            Assert.NotNull(error.RevertData);
        }
        else
        {
            Assert.StartsWith($"reason not available: the node could not replay the call at block {receipt.BlockNumber - 1}", error.Reason, StringComparison.Ordinal);
            Assert.Null(error.RevertData);
        }
    }
}
