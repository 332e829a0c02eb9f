using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Transactions;

namespace CollabInsights.OnChain.Tests;

/// <summary>One Anvil chain with a deployed ledger and token, shared by the contract rule tests.</summary>
public sealed class LedgerFixture : IAsyncLifetime
{
    public AnvilNode Node { get; private set; } = null!;

    public OutcomeLedgerContract Ledger { get; private set; } = null!;

    public OutcomeTokenContract Token { get; private set; } = null!;

    public Account Admin => Node.DevAccount(0);

    public async ValueTask InitializeAsync()
    {
        Node = await TestChain.StartAsync(ct: TestContext.Current.CancellationToken);
        (Ledger, _) = await OutcomeLedgerContract.DeployAsync(Admin, TestContext.Current.CancellationToken);
        Token = await OutcomeTokenContract.DeployAsync(Admin, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await Node.DisposeAsync();
}
