using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Contracts;
using Nethereum.Web3;

namespace CollabInsights.OnChain.Tests;

/// <summary>One Anvil chain with a deployed ledger and token (both sending from <see cref="Admin"/>), shared by the contract rule tests.</summary>
public sealed class LedgerFixture : IAsyncLifetime
{
    public AnvilNode Node { get; private set; } = null!;

    public OutcomeLedgerService Ledger { get; private set; } = null!;

    public OutcomeTokenService Token { get; private set; } = null!;

    public Web3 Admin { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Node = await TestChain.StartAsync(ct: TestContext.Current.CancellationToken);
        Admin = Node.DevAccount(0);
        (Ledger, _) = await OutcomeLedgerService.DeployAsync(Admin, TestContext.Current.CancellationToken);
        Token = await OutcomeTokenService.DeployAsync(Admin, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await Node.DisposeAsync();
}
