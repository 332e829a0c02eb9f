using CollabInsights.OnChain.Abi;
using CollabInsights.OnChain.Extraction.Internal;

namespace CollabInsights.Extraction.Tests;

/// <summary>One Anvil per test class with the EventSource contract deployed and events emitted: Transfers in bulk plus every event kind.</summary>
public sealed class AnvilFixture : IAsyncLifetime
{
    internal TestAnvil Anvil { get; private set; } = null!;
    public string Contract { get; private set; } = "";
    public long Head { get; private set; }
    public int Transfers => 6_000;

    /// <summary>The ABI without the <c>Unlisted</c> event, so its logs land in the unknown table.</summary>
    public static string AbiWithoutUnlisted { get; } = System.Text.Json.JsonSerializer.Serialize(
        System.Text.Json.JsonDocument.Parse(EventSourceContract.Abi).RootElement.EnumerateArray()
            .Where(e => !(e.TryGetProperty("name", out var n) && n.GetString() == "Unlisted")).ToList());

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Anvil = await TestAnvil.StartAsync(ct);
        var from = await EventSourceChain.FirstAccountAsync(Anvil.Web3, ct);
        Contract = await EventSourceChain.DeployAsync(Anvil.Web3, from, ct);
        for (var i = 0; i < 12; i++)
        {
            await EventSourceChain.EmitTransfersAsync(Anvil.Web3, from, Contract, Transfers / 12, 250, null, ct);
            await EventSourceChain.EmitVariedAsync(Anvil.Web3, from, Contract, (i * 7919) + 1, ct);
        }

        Head = (long)(await Anvil.Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().WaitAsync(ct)).Value;
    }

    public async ValueTask DisposeAsync() => await Anvil.DisposeAsync();

    internal static Nethereum.ABI.Model.ContractABI Abi => AbiJson.Parse(AbiWithoutUnlisted);
}
