using CollabInsights.OnChain.Anvil;
using CollabInsights.Verification;

namespace CollabInsights.Benchmarks.Internal;

/// <summary>
/// The <c>tamper-insider</c> workload: an insider with full write access changes one record's amount and covers it up as
/// far as the backend allows, then each defence the backend has is asked whether it noticed. Plain tables have no
/// defence. The hash-chained table's own hash chain is recomputed by the insider (content, row and block hashes, Merkle
/// roots) and so notices nothing; its head, anchored on chain before the attack through the outcome ledger's
/// <c>DatasetAnchored</c> event, no longer matches. On the chain the insider is the node operator, who can change state
/// (<c>anvil_setStorageAt</c>) but not mined blocks.
/// </summary>
internal sealed class InsiderTamper : IAsyncDisposable
{
    private AnvilNode? _node;

    public async Task<(bool Detected, string Note)> RunAsync(ILedgerBackend backend, string id, CancellationToken cancellationToken)
    {
        switch (backend)
        {
            case HashChainedBackend chained:
            {
                await chained.FlushAsync(cancellationToken).ConfigureAwait(false);
                _node ??= await AnvilNode.StartAsync(new AnvilOptions { StateHistory = 0 }, cancellationToken).ConfigureAwait(false);
                var head = chained.PublishedHead;
                var anchor = await DatasetAnchor.PublishRootAsync(Convert.FromHexString(head), _node.Web3, new AnchorChainOptions { ProjectId = "bench-" + backend.Name }, cancellationToken).ConfigureAwait(false);
                var rewritten = await chained.RewriteHistoryAsync(id, cancellationToken).ConfigureAwait(false);
                var chainOnly = await chained.CheckHashChainAsync(cancellationToken).ConfigureAwait(false);
                var stored = await chained.ReadStoredHeadAsync(cancellationToken).ConfigureAwait(false);
                var storedAnchored = await DatasetAnchor.FindAnchorAsync(_node.Web3, anchor.Ledger, "0x" + stored, null, cancellationToken).ConfigureAwait(false);
                var anchoredStillThere = await DatasetAnchor.FindAnchorAsync(_node.Web3, anchor.Ledger, "0x" + head, anchor.TransactionHash, cancellationToken).ConfigureAwait(false);
                var anchorDetects = storedAnchored is null && anchoredStillThere is not null;
                return (chainOnly.Detected || anchorDetects,
                    $"insider changed the amount of {id} and recomputed every content, row and block hash and Merkle root (new head {rewritten[..16]}...). " +
                    $"Hash chain alone: {(chainOnly.Detected ? "detected" : "NOT detected")} ({chainOnly.Explanation}). " +
                    $"Head anchored on chain (ledger {anchor.Ledger}, tx {anchor.TransactionHash[..18]}..., block {anchor.BlockNumber}): " +
                    (anchorDetects ? $"detected: the database's head {stored[..16]}... is not the anchored {head[..16]}..." : "NOT detected"));
            }

            case AnvilBackend:
            {
                await backend.TamperAsync(id, "amount_minor", cancellationToken).ConfigureAwait(false);
                var check = await backend.DetectTamperingAsync(cancellationToken).ConfigureAwait(false);
                return (check.Detected, $"insider is the node operator: changed ledger state with anvil_setStorageAt (a mined block cannot be recomputed without changing its hash and every later one, which every other node and every receipt holder can see); {check.Explanation}");
            }

            default:
            {
                await backend.TamperAsync(id, "amount_minor", cancellationToken).ConfigureAwait(false);
                var check = await backend.DetectTamperingAsync(cancellationToken).ConfigureAwait(false);
                return (check.Detected, $"insider changed the amount of {id}; a plain table keeps no hashes, so there is nothing to recompute and nothing to check against: undetectable ({check.Explanation})");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync().ConfigureAwait(false);
        }
    }
}
