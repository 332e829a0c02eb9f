using CollabInsights.Domain;
using CollabInsights.OffChain;
using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Seeding;
using CollabInsights.Tests.Shared;

namespace CollabInsights.OnChain.Tests;

/// <summary>The real INDIGO export (data/indigo-2025-05) seeded exactly on one Anvil chain and read back, shared by the tests of a class (seeding writes about 3,600 transactions).</summary>
public sealed class RealExportChainFixture : IAsyncLifetime
{
    private AnvilNode? _node;

    /// <summary>The books as loaded from the pinned export.</summary>
    public CollabDataset Books { get; private set; } = CollabDataset.Empty;

    /// <summary>What the seeder wrote.</summary>
    public LedgerSeedResult Seeded { get; private set; } = null!;

    /// <summary>The chain's attestations and payments, read back as the reconcile command reads them.</summary>
    public CollabDataset Chain { get; private set; } = CollabDataset.Empty;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Books = (await IndigoSource.LoadAsync(RepoPaths.IndigoData, cancellationToken: ct)).Value;
        _node = await TestChain.StartAsync(ct: ct);
        Seeded = await LedgerSeeder.SeedAsync(Books, _node.Web3, cancellationToken: ct);
        var records = await LedgerChain.ExtractAsync(_node.Endpoint, Seeded, Books, ct);
        Chain = CollabDataset.Empty with { Results = records.Attestations, Payments = records.Payments };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
