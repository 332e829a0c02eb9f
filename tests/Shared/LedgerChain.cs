using CollabInsights.Domain;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Extraction;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Seeding;

namespace CollabInsights.Tests.Shared;

/// <summary>Reads a seeded outcome ledger back as domain records, the way <c>collab reconcile --onchain</c> does.</summary>
internal static class LedgerChain
{
    /// <summary>Extracts the ledger's events over the seeded block range and maps them to attestations and payments (currencies and organisation ids from the books and the seed).</summary>
    public static async Task<LedgerRecordSet> ExtractAsync(RpcEndpoint endpoint, LedgerSeedResult seeded, CollabDataset books, CancellationToken cancellationToken)
    {
        var dir = RepoPaths.NewTempDirectory();
        await new LogExtractor(new RpcLogSource(endpoint), new ExtractionOptions
        {
            OutputDirectory = dir,
            Filter = EventFilter.ForAddresses(seeded.LedgerAddress.ToLowerInvariant()),
            FromBlock = seeded.FromBlock,
            ToBlock = seeded.ToBlock,
            Decoder = new AbiLogDecoder(CompiledContract.LedgerAndToken.Events),
            BlockTimestamps = true,
        }).RunAsync(null, cancellationToken);
        return await LedgerRecords.ReadAsync(dir, LedgerRecordOptions.ForSeededChain(books, seeded.OrganisationAddresses), cancellationToken);
    }
}
