using System.Globalization;

namespace CollabInsights.Carbon.Bridge;

/// <summary>
/// Reconciles bridged tokens on chain with the registry they came from. Rules, each a <see cref="BridgeFlagKinds"/> kind:
/// every minted batch is backed by exactly one registry retirement carrying a bridge's tag (<see cref="BridgeTags"/>) with
/// the same registry, serial range and quantity; no serial is minted twice, on the same bridge, on two bridges or on two
/// chains; no serial claimed by a token retirement is claimed again, by another token retirement or by a registry
/// retirement without the tag; and every tagged registry retirement is minted. Serials compare by registry and stem, as
/// <see cref="SerialRange.Overlaps"/>; pairs come from one sort-and-sweep (<see cref="SerialOverlaps"/>).
/// </summary>
public static class BridgeReconciler
{
    private enum ItemKind
    {
        Tagged,
        Untagged,
        Batch,
        Claim,
    }

    /// <summary>Reconciles <paramref name="chain"/> (one or more extractions, <see cref="BridgeChainRecords.Combine"/>) with <paramref name="registry"/>.</summary>
    public static BridgeReconciliation Reconcile(CarbonDataset registry, BridgeChainRecords chain, BridgeTagRule rule = BridgeTagRule.KlimaDao)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(chain);

        var tagged = registry.Blocks.Where(b => b.Serial is not null && BridgeTags.Bridge(b, rule) is not null).ToList();
        var untagged = registry.Blocks.Where(b => b.Serial is not null && b.IsRetiredOrCancelled && BridgeTags.Bridge(b, rule) is null).ToList();
        var batches = chain.Batches.OrderBy(b => b.ChainId).ThenBy(b => b.Bridge, StringComparer.Ordinal).ThenBy(b => b.BatchId).ToList();
        var batchByKey = batches.GroupBy(b => b.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var claims = chain.Retirements.OrderBy(r => r.ChainId).ThenBy(r => r.Bridge, StringComparer.Ordinal).ThenBy(r => r.RetirementId).ToList();

        // One list of serial ranges, keyed by registry + stem, for one sweep.
        var items = new List<(ItemKind Kind, int Index)>();
        var stemIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var stems = new List<int>();
        var firsts = new List<long>();
        var lasts = new List<long>();
        void Add(ItemKind kind, int index, string registryName, SerialRange serial)
        {
            var key = registryName + "\u001f" + serial.Stem;
            if (!stemIds.TryGetValue(key, out var id))
            {
                stemIds[key] = id = stemIds.Count;
            }

            items.Add((kind, index));
            stems.Add(id);
            firsts.Add(serial.First);
            lasts.Add(serial.Last);
        }

        for (var i = 0; i < tagged.Count; i++)
        {
            Add(ItemKind.Tagged, i, tagged[i].OriginRegistry, tagged[i].Serial!);
        }

        for (var i = 0; i < untagged.Count; i++)
        {
            Add(ItemKind.Untagged, i, untagged[i].OriginRegistry, untagged[i].Serial!);
        }

        for (var i = 0; i < batches.Count; i++)
        {
            Add(ItemKind.Batch, i, batches[i].Registry, batches[i].Serial);
        }

        for (var i = 0; i < claims.Count; i++)
        {
            var batchRegistry = batchByKey.TryGetValue(BridgeKeys.Batch(claims[i].ChainId, claims[i].Bridge, claims[i].BatchId), out var b) ? b.Registry : string.Empty;
            Add(ItemKind.Claim, i, batchRegistry, claims[i].Serial);
        }

        var backing = batches.Select(_ => new List<int>()).ToList();
        var taggedTouched = new bool[tagged.Count];
        var batchPairs = new List<(int A, int B)>();
        var claimPairs = new List<(int A, int B)>();
        var claimRegistry = new List<(int Claim, int Block)>();
        foreach (var (a, b) in SerialOverlaps.Find(stems.ToArray(), firsts.ToArray(), lasts.ToArray()))
        {
            var (x, y) = items[a].Kind <= items[b].Kind ? (items[a], items[b]) : (items[b], items[a]);
            switch (x.Kind, y.Kind)
            {
                case (ItemKind.Tagged, ItemKind.Batch):
                    backing[y.Index].Add(x.Index);
                    taggedTouched[x.Index] = true;
                    break;
                case (ItemKind.Batch, ItemKind.Batch):
                    batchPairs.Add((Math.Min(x.Index, y.Index), Math.Max(x.Index, y.Index)));
                    break;
                case (ItemKind.Claim, ItemKind.Claim):
                    claimPairs.Add((Math.Min(x.Index, y.Index), Math.Max(x.Index, y.Index)));
                    break;
                case (ItemKind.Untagged, ItemKind.Claim):
                    claimRegistry.Add((y.Index, x.Index));
                    break;
            }
        }

        var flags = new List<BridgeFlag>();
        var backed = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            var batch = batches[i];
            var candidates = backing[i].Select(t => tagged[t]).ToList();
            var exact = candidates.Where(t => t.Serial!.First == batch.Serial.First && t.Serial.Last == batch.Serial.Last).ToList();
            if (candidates.Count == 0)
            {
                flags.Add(BatchFlag(BridgeFlagKinds.UnbackedBatch, batch, null,
                    $"No {batch.Registry} retirement with a bridge tag holds serials {batch.Serial}: {batch.Quantity} t minted with nothing retired behind them."));
            }
            else if (exact.Count > 1)
            {
                flags.Add(BatchFlag(BridgeFlagKinds.AmbiguousBacking, batch, Row(exact[1]),
                    $"{exact.Count} tagged registry retirements hold serials {batch.Serial}: {string.Join(", ", exact.Select(Row))}; a batch must be backed by exactly one."));
            }
            else if (exact.Count == 0)
            {
                flags.Add(BatchFlag(BridgeFlagKinds.SerialMismatch, batch, Row(candidates[0]),
                    $"Serials {batch.Serial} overlap the tagged registry retirement(s) {string.Join(", ", candidates.Select(c => $"{Row(c)} ({c.Serial})"))} but equal none."));
            }
            else if (exact[0].Quantity != batch.Quantity)
            {
                flags.Add(BatchFlag(BridgeFlagKinds.QuantityMismatch, batch, Row(exact[0]),
                    string.Create(CultureInfo.InvariantCulture, $"{batch.Quantity} t minted for serials {batch.Serial}; the registry retired {exact[0].Quantity} t ({Row(exact[0])}).")));
            }
            else
            {
                backed++;
            }
        }

        foreach (var (a, b) in batchPairs)
        {
            var (earlier, later) = Order(batches[a], batches[b]);
            var scope = earlier.ChainId != later.ChainId ? "two_chains"
                : !string.Equals(earlier.Bridge, later.Bridge, StringComparison.OrdinalIgnoreCase) ? "two_bridges" : "same_bridge";
            var reason = $"Serials {later.Serial} were already bridged by {earlier.Key} ({earlier.Serial}); {Scope(scope)}.";
            flags.Add(BatchFlag(BridgeFlagKinds.DoubleBridge, later, earlier.Key, reason) with { Scope = scope });
        }

        foreach (var (a, b) in claimPairs)
        {
            var (earlier, later) = claims[a].Provenance.Timestamp <= claims[b].Provenance.Timestamp ? (claims[a], claims[b]) : (claims[b], claims[a]);
            flags.Add(new BridgeFlag(BridgeFlagKinds.DoubleClaim, null, later.Key, earlier.Key, ProjectOf(batchByKey, later),
                $"Token retirement for '{later.Beneficiary}' claims serials {later.Serial}, already claimed by {earlier.Key} for '{earlier.Beneficiary}'.",
                later.Provenance.TxHash, null, null));
        }

        foreach (var (c, u) in claimRegistry)
        {
            var claim = claims[c];
            var block = untagged[u];
            flags.Add(new BridgeFlag(BridgeFlagKinds.DoubleClaim, null, claim.Key, Row(block), ProjectOf(batchByKey, claim),
                $"Token retirement for '{claim.Beneficiary}' claims serials {claim.Serial}, which the registry also shows retired without a bridge tag ({Row(block)}, {block.Serial}, beneficiary '{block.Beneficiary}').",
                claim.Provenance.TxHash, null, null));
        }

        for (var t = 0; t < tagged.Count; t++)
        {
            if (!taggedTouched[t])
            {
                var block = tagged[t];
                flags.Add(new BridgeFlag(BridgeFlagKinds.TaggedNotMinted, null, Row(block), null, block.ProjectId,
                    $"Retired for the {BridgeTags.Bridge(block, rule)} bridge (details '{block.Details}'), but no batch on the chains read holds serials {block.Serial}.",
                    null, block.Provenance.File, block.Provenance.Row));
            }
        }

        var ordered = flags.OrderBy(f => BridgeFlagKinds.All.ToList().IndexOf(f.Kind)).ThenBy(f => f.Subject, StringComparer.Ordinal).ThenBy(f => f.Related, StringComparer.Ordinal).ToList();
        return new BridgeReconciliation(batches.Count, backed, tagged.Count, claims.Count, ordered);
    }

    private static BridgeFlag BatchFlag(string kind, BridgedBatch batch, string? related, string reason) =>
        new(kind, null, batch.Key, related, batch.ProjectId, reason, batch.Provenance.TxHash, null, null);

    private static string Row(CreditBlock block) => BridgeKeys.RegistryRow(block.Provenance.File, block.Provenance.Row);

    private static string? ProjectOf(Dictionary<string, BridgedBatch> batches, TokenRetirement claim) =>
        batches.TryGetValue(BridgeKeys.Batch(claim.ChainId, claim.Bridge, claim.BatchId), out var b) ? b.ProjectId : null;

    private static (BridgedBatch Earlier, BridgedBatch Later) Order(BridgedBatch a, BridgedBatch b)
    {
        var ta = a.Provenance.Timestamp ?? DateTimeOffset.MinValue;
        var tb = b.Provenance.Timestamp ?? DateTimeOffset.MinValue;
        return ta < tb || (ta == tb && string.CompareOrdinal(a.Key, b.Key) <= 0) ? (a, b) : (b, a);
    }

    private static string Scope(string scope) => scope switch
    {
        "two_chains" => "the same credits are tokens on two chains",
        "two_bridges" => "the same credits are tokens of two bridges on one chain",
        _ => "the same bridge minted them twice",
    };
}
