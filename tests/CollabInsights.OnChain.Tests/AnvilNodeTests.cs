using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using CollabInsights.OnChain.Anvil;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Transactions;
using CollabInsights.Tests.Shared;

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
        Assert.Equal(31337, await node.Rpc.GetChainIdAsync(ct));
        Assert.Equal(0, await node.Rpc.GetBlockNumberAsync(ct));
        Assert.True(TestChain.IsAlive(pid));

        await node.DisposeAsync();

        Assert.True(await TestChain.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(10)), $"anvil pid {pid} still runs after dispose");
        using var client = new JsonRpcClient(node.Url);
        var error = await Assert.ThrowsAsync<EthereumRpcException>(() => client.GetChainIdAsync(ct));
        Assert.Equal(RpcFailureKind.Network, error.Kind);
    }

    [Fact]
    public async Task Dev_keys_are_the_accounts_anvil_funds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestChain.StartAsync(ct: ct);
        var accounts = (await node.Rpc.CallAsync("eth_accounts", [], ct)).EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.Equal(10, accounts.Count);
        Assert.Equal(accounts.Select(a => a.ToLowerInvariant()), node.DevKeys.Select(k => k.GetPublicAddress().ToLowerInvariant()));
        Assert.True(await node.Rpc.GetBalanceAsync(node.DevKeys[9].GetPublicAddress(), BlockParameter.Latest, ct) > BigInteger.Zero);
    }

    [Fact]
    public async Task Anvil_keeps_recent_block_states_by_default_none_or_all_when_asked()
    {
        var ct = TestContext.Current.CancellationToken;
        var address = "0x000000000000000000000000000000000000dEaD";
        await using (var pruned = await TestChain.StartAsync(new AnvilOptions { StateHistory = 8 }, ct))
        {
            await pruned.Rpc.CallAsync("anvil_mine", ["0x14"], ct);
            Assert.Equal(20, await pruned.Rpc.GetBlockNumberAsync(ct));
            Assert.Equal(BigInteger.Zero, await pruned.Rpc.GetBalanceAsync(address, BlockParameter.FromNumber(17), ct));
            await Assert.ThrowsAsync<EthereumRpcException>(() => pruned.Rpc.GetBalanceAsync(address, BlockParameter.FromNumber(2), ct));
        }

        await using (var none = await TestChain.StartAsync(new AnvilOptions { StateHistory = 0 }, ct))
        {
            await none.Rpc.CallAsync("anvil_mine", ["0x14"], ct);
            Assert.Equal(BigInteger.Zero, await none.Rpc.GetBalanceAsync(address, BlockParameter.Latest, ct));
            await Assert.ThrowsAsync<EthereumRpcException>(() => none.Rpc.GetBalanceAsync(address, BlockParameter.FromNumber(19), ct));
        }

        await using var full = await TestChain.StartAsync(new AnvilOptions { StateHistory = null }, ct);
        await full.Rpc.CallAsync("anvil_mine", ["0x14"], ct);
        Assert.Equal(BigInteger.Zero, await full.Rpc.GetBalanceAsync(address, BlockParameter.FromNumber(2), ct));
        Assert.Equal(64, new AnvilOptions().StateHistory);
    }

    [Fact]
    public async Task Block_time_option_mines_empty_blocks_on_a_timer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestChain.StartAsync(new AnvilOptions { BlockTime = TimeSpan.FromSeconds(1) }, ct);
        await Task.Delay(TimeSpan.FromSeconds(3.5), ct);
        Assert.InRange(await node.Rpc.GetBlockNumberAsync(ct), 2, 6);
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
            using var client = new JsonRpcClient(json.RootElement.GetProperty("url").GetString()!);
            Assert.Equal(31337, await client.GetChainIdAsync(ct));
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
        var before = await node.Rpc.GetBalanceAsync(recipient, BlockParameter.Latest, ct);
        var sends = Enumerable.Range(0, 20).Select(_ => account.SendTransactionAsync(new TransactionRequest(recipient, []) { Value = 1000, GasLimit = 21000 }, ct)).ToList();
        var signed = await Task.WhenAll(sends);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), signed.Select(s => s.Nonce).Order());
        foreach (var s in signed)
        {
            var receipt = await node.Rpc.WaitForReceiptAsync(s.Hash, cancellationToken: ct);
            Assert.True(receipt.Succeeded);
            Assert.Equal(s.Hash, receipt.TransactionHash);
        }

        Assert.Equal(before + 20_000, await node.Rpc.GetBalanceAsync(recipient, BlockParameter.Latest, ct));
        Assert.Equal(20, await node.Rpc.GetTransactionCountAsync(account.Address, BlockParameter.Latest, ct));
    }
}
