using System.Diagnostics;
using System.Numerics;
using CollabInsights.Carbon.Bridge.Internal;
using CollabInsights.OnChain.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using NethereumAccount = Nethereum.Web3.Accounts.Account;

namespace CollabInsights.Carbon.Bridge;

/// <summary>
/// Writes a <see cref="BridgePlan"/> on one chain over JSON-RPC (Nethereum): deploys one <c>CarbonBridge</c>
/// (src/contracts/CarbonBridge.sol, compiled by the build) per bridge label the plan uses on that chain, mints its
/// batches in plan order (so batch ids are 1, 2, ... per bridge) and then has each holder retire its tokens.
/// </summary>
public static class CarbonBridgeSeeder
{
    private static readonly Lazy<CompiledContract> Compiled = new(() => CompiledContract.Load("CarbonBridge"));

    /// <summary>The bridge's ABI as the compiler wrote it: give it to <c>collab chain extract --abi</c> (as a file) to decode its events.</summary>
    public static string AbiJson => Compiled.Value.AbiJson;

    /// <summary>
    /// Seeds the part of <paramref name="plan"/> labelled <paramref name="chain"/> on the node at <paramref name="rpcUrl"/>.
    /// Reports progress as the number of transactions sent so far. A reverted transaction throws <see cref="CollabInsightsException"/>.
    /// </summary>
    public static async Task<BridgeSeedResult> SeedAsync(
        BridgePlan plan,
        string chain,
        string rpcUrl,
        BridgeSeedOptions? options = null,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(chain);
        ArgumentException.ThrowIfNullOrWhiteSpace(rpcUrl);
        options ??= new BridgeSeedOptions();
        var watch = Stopwatch.StartNew();
        var mints = plan.Mints.Where(m => m.Chain == chain).ToList();
        var retirements = plan.Retirements.Where(r => r.Chain == chain).ToList();
        if (mints.Count == 0 && retirements.Count == 0)
        {
            throw new CollabInsightsException($"The bridge plan writes nothing on chain '{chain}'. Its chains are: {string.Join(", ", plan.Chains)}.");
        }

        var chainId = (long)(await new Web3(rpcUrl).Eth.ChainId.SendRequestAsync().ConfigureAwait(false)).Value;
        var operatorWeb3 = Connect(options.OperatorKey, chainId, rpcUrl);
        var fromBlock = (long)(await operatorWeb3.Eth.Blocks.GetBlockNumber.SendRequestAsync().ConfigureAwait(false)).Value;
        var transactions = 0;

        var bridges = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in mints.Select(m => m.Bridge).Concat(retirements.Select(r => r.Bridge)).Distinct(StringComparer.Ordinal))
        {
            var deployment = new CarbonBridgeDeployment { ByteCode = Compiled.Value.Bytecode.ToHex(true), BridgeName = label };
            var receipt = await operatorWeb3.Eth.GetContractDeploymentHandler<CarbonBridgeDeployment>()
                .SendRequestAndWaitForReceiptAsync(deployment, cancellationToken).ConfigureAwait(false);
            Check(receipt, $"deploying the {label} bridge");
            bridges[label] = receipt.ContractAddress;
            transactions++;
            progress?.Report(transactions);
        }

        var holders = new Dictionary<int, Web3>();
        Web3 Holder(int index)
        {
            if (index < 0 || index >= options.HolderKeys.Count)
            {
                throw new CollabInsightsException($"The bridge plan names holder {index}, but only {options.HolderKeys.Count} holder keys are given (BridgeSeedOptions.HolderKeys, indexed from 0).");
            }

            return holders.TryGetValue(index, out var w) ? w : holders[index] = Connect(options.HolderKeys[index], chainId, rpcUrl);
        }

        var batchHolders = new Dictionary<(string Bridge, int Batch), int>();
        var batchCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var mintHandler = operatorWeb3.Eth.GetContractTransactionHandler<MintBatchFunction>();
        foreach (var mint in mints)
        {
            var holderAddress = Holder(mint.Holder).TransactionManager.Account.Address;
            var message = new MintBatchFunction
            {
                Holder = holderAddress,
                Credit = new CreditInput
                {
                    Registry = mint.Registry,
                    ProjectId = mint.ProjectId,
                    Vintage = checked((ushort)mint.Vintage),
                    SerialStem = mint.SerialStem,
                    SerialFirst = checked((ulong)mint.SerialFirst),
                    SerialLast = checked((ulong)mint.SerialLast),
                    Quantity = checked((ulong)mint.Quantity),
                    RegistryRetirement = mint.RegistryRetirement,
                },
            };
            var receipt = await mintHandler.SendRequestAndWaitForReceiptAsync(bridges[mint.Bridge], message, cancellationToken).ConfigureAwait(false);
            Check(receipt, $"minting a batch for {mint.RegistryRetirement} on the {mint.Bridge} bridge");
            batchCounts[mint.Bridge] = batchCounts.GetValueOrDefault(mint.Bridge) + 1;
            batchHolders[(mint.Bridge, batchCounts[mint.Bridge])] = mint.Holder;
            transactions++;
            progress?.Report(transactions);
        }

        foreach (var retirement in retirements)
        {
            if (!batchHolders.TryGetValue((retirement.Bridge, retirement.Batch), out var holder))
            {
                throw new CollabInsightsException($"The bridge plan retires tokens of batch {retirement.Batch} of the {retirement.Bridge} bridge on chain '{chain}', but the plan mints no such batch there.");
            }

            var message = new RetireFunction { BatchId = new BigInteger(retirement.Batch), Quantity = checked((ulong)retirement.Quantity), Beneficiary = retirement.Beneficiary };
            var receipt = await Holder(holder).Eth.GetContractTransactionHandler<RetireFunction>()
                .SendRequestAndWaitForReceiptAsync(bridges[retirement.Bridge], message, cancellationToken).ConfigureAwait(false);
            Check(receipt, $"retiring {retirement.Quantity} t of batch {retirement.Batch} on the {retirement.Bridge} bridge");
            transactions++;
            progress?.Report(transactions);
        }

        var toBlock = (long)(await operatorWeb3.Eth.Blocks.GetBlockNumber.SendRequestAsync().ConfigureAwait(false)).Value;
        return new BridgeSeedResult(chain, chainId, bridges, fromBlock, toBlock, mints.Count, retirements.Count, transactions, Math.Round(watch.Elapsed.TotalSeconds, 3));
    }

    private static Web3 Connect(string key, long chainId, string url)
    {
        var web3 = new Web3(new NethereumAccount(key, chainId), url);
        web3.TransactionManager.UseLegacyAsDefault = false;
        return web3;
    }

    private static void Check(TransactionReceipt receipt, string what)
    {
        if (receipt.Status?.Value != BigInteger.One)
        {
            throw new CollabInsightsException($"The transaction {receipt.TransactionHash} {what} reverted. Check that the bridge plan's quantities fit the batches and that the operator key deployed the bridge.");
        }
    }
}
