using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Contracts.OutcomeLedgerDefinition;
using CollabInsights.OnChain.Transactions;
using Nethereum.Hex.HexConvertors.Extensions;

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
        var (ledger, _) = await OutcomeLedgerService.DeployAsync(node.DevAccount(0), ct);
        var stranger = ledger.WithSender(node.DevAccount(5));
        var call = new RegisterProjectFunction { ProjectId = LedgerIds.ToBytes32("P-MINED").HexToByteArray(), Gas = 300_000 };

        var error = await Assert.ThrowsAsync<TransactionRevertedException>(() => stranger.RegisterProjectRequestAndWaitForReceiptAsync(call, ct));

        Assert.NotNull(error.TransactionHash);
        var receipt = await node.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(error.TransactionHash!).WaitAsync(ct);
        Assert.NotNull(receipt);
        Assert.Equal(0, (int)receipt.Status.Value); // it really was mined and failed
        var block = (long)receipt.BlockNumber.Value;
        Assert.Contains($"reverted in block {block}", error.Message, StringComparison.Ordinal);
        if (replayable)
        {
            Assert.StartsWith("NotCommissioner(", error.Reason, StringComparison.Ordinal);
            Assert.NotNull(error.RevertData);
        }
        else
        {
            Assert.StartsWith($"reason not available: the node could not replay the call at block {block - 1}", error.Reason, StringComparison.Ordinal);
            Assert.Null(error.RevertData);
        }
    }
}
