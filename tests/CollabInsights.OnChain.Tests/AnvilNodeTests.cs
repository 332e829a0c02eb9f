using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Transactions;
using CollabInsights.Tests.Shared;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace CollabInsights.OnChain.Tests;

public class AnvilNodeTests
{
    [Fact]
    public async Task Anvil_starts_on_loopback_answers_and_is_gone_after_dispose()
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await TestChain.StartAsync(ct: ct);
        var pid = node.ProcessId;
        Assert.StartsWith("http://127.0.0.1:", node.Url, StringComparison.Ordinal);
        Assert.Equal(31337, (long)(await node.Web3.Eth.ChainId.SendRequestAsync().WaitAsync(ct)).Value);
        Assert.Equal(0, await node.Web3.BlockNumberAsync(ct));
        Assert.True(TestChain.IsAlive(pid));

        await node.DisposeAsync();

        Assert.True(await TestChain.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(10)), $"anvil pid {pid} still runs after dispose");
        var client = new Web3(RpcEndpoint.Parse(node.Url).CreateClient());
        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.Eth.ChainId.SendRequestAsync().WaitAsync(ct));
        Assert.Equal(RpcFailureKind.Network, error.Kind);
    }

    [Fact]
    public async Task Dev_keys_are_the_accounts_anvil_funds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestChain.StartAsync(ct: ct);
        var accounts = await node.Web3.Eth.Accounts.SendRequestAsync().WaitAsync(ct);
        Assert.Equal(10, accounts.Length);
        Assert.Equal(accounts.Select(a => a.ToLowerInvariant()), node.DevKeys.Select(k => k.GetPublicAddress().ToLowerInvariant()));
        Assert.True((await node.Web3.Eth.GetBalance.SendRequestAsync(node.DevKeys[9].GetPublicAddress()).WaitAsync(ct)).Value > BigInteger.Zero);
    }

    [Fact]
    public async Task Anvil_keeps_recent_block_states_by_default_none_or_all_when_asked()
    {
        var ct = TestContext.Current.CancellationToken;
        var address = "0x000000000000000000000000000000000000dEaD";
        await using (var pruned = await TestChain.StartAsync(new AnvilOptions { StateHistory = 8 }, ct))
        {
            await pruned.MineAsync(20, ct);
            Assert.Equal(20, await pruned.Web3.BlockNumberAsync(ct));
            Assert.Equal(BigInteger.Zero, await BalanceAsync(pruned, address, 17, ct));
            await Assert.ThrowsAsync<RpcResponseException>(() => BalanceAsync(pruned, address, 2, ct));
        }

        await using (var none = await TestChain.StartAsync(new AnvilOptions { StateHistory = 0 }, ct))
        {
            await none.MineAsync(20, ct);
            Assert.Equal(BigInteger.Zero, await BalanceAsync(none, address, null, ct));
            await Assert.ThrowsAsync<RpcResponseException>(() => BalanceAsync(none, address, 19, ct));
        }

        await using var full = await TestChain.StartAsync(new AnvilOptions { StateHistory = null }, ct);
        await full.MineAsync(20, ct);
        Assert.Equal(BigInteger.Zero, await BalanceAsync(full, address, 2, ct));
        Assert.Equal(64, new AnvilOptions().StateHistory);
    }

    [Fact]
    public async Task Block_time_option_mines_empty_blocks_on_a_timer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestChain.StartAsync(new AnvilOptions { BlockTime = TimeSpan.FromSeconds(1) }, ct);
        await Task.Delay(TimeSpan.FromSeconds(3.5), ct);
        Assert.InRange(await node.Web3.BlockNumberAsync(ct), 2, 6);
    }

    [Fact]
    public async Task Anvil_dies_when_the_process_that_started_it_is_killed()
    {
        var ct = TestContext.Current.CancellationToken;
        var cli = Path.Combine(AppContext.BaseDirectory, "collab.dll");
        Assert.True(File.Exists(cli), $"{cli} is missing: the test project references the CLI project.");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { cli, "chain", "node", "--json" })
        {
            info.ArgumentList.Add(a);
        }

        using var owner = Process.Start(info)!;
        int anvilPid;
        try
        {
            var line = await owner.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), ct);
            if (string.IsNullOrEmpty(line))
            {
                Assert.Fail("collab chain node printed nothing: " + await owner.StandardError.ReadToEndAsync(ct));
            }

            using var json = JsonDocument.Parse(line);
            anvilPid = json.RootElement.GetProperty("pid").GetInt32();
            Assert.True(TestChain.IsAlive(anvilPid));
            var client = new Web3(RpcEndpoint.Parse(json.RootElement.GetProperty("url").GetString()!).CreateClient());
            Assert.Equal(31337, (long)(await client.Eth.ChainId.SendRequestAsync().WaitAsync(ct)).Value);
        }
        finally
        {
            // SIGKILL: no managed handler runs, only the watchdog can clean up.
            Process.Start("kill", ["-9", owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        }

        await owner.WaitForExitAsync(ct);
        Assert.True(await TestChain.WaitUntilGoneAsync(anvilPid, TimeSpan.FromSeconds(10)), $"anvil pid {anvilPid} was orphaned after its owner was killed");
    }

    [Fact]
    public async Task Concurrent_sends_from_one_account_get_consecutive_nonces_and_all_succeed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestChain.StartAsync(ct: ct);
        var account = node.DevAccount(1);
        var recipient = node.DevKeys[2].GetPublicAddress();
        var before = await BalanceAsync(node, recipient, null, ct);
        var receipts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ContractTransactions.SendValueAsync(account, recipient, 1000, ct)));
        var nonces = await Task.WhenAll(receipts.Select(r => node.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(r.TransactionHash)));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), nonces.Select(t => (long)t.Nonce.Value).Order());
        Assert.All(receipts, r => Assert.Equal(1, (int)r.Status.Value));

        Assert.Equal(before + 20_000, await BalanceAsync(node, recipient, null, ct));
        Assert.Equal(20, (long)(await node.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(account.SenderAddress(), BlockParameter.CreateLatest()).WaitAsync(ct)).Value);
    }

    private static async Task<BigInteger> BalanceAsync(AnvilNode node, string address, long? block, CancellationToken ct) =>
        (await node.Web3.Eth.GetBalance.SendRequestAsync(address, block is { } b ? new BlockParameter(new HexBigInteger(b)) : BlockParameter.CreateLatest()).WaitAsync(ct)).Value;
}
