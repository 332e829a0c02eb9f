using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Contracts.OutcomeLedgerDefinition;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Transactions;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Util;
using Nethereum.Web3;

namespace CollabInsights.Verification;

/// <summary>
/// Anchors a dataset: builds its <see cref="DatasetCommitment"/>, writes the root on chain through the outcome ledger's
/// <c>anchorDataset</c> (event <c>DatasetAnchored(projectId, merkleRoot, anchoredBy, uri)</c>), and writes the anchor folder:
/// <c>manifest.json</c> (public), <c>leaves.bin</c> (public salted leaf hashes), <c>data/</c> (the pseudonymised records
/// that were anchored, for evaluators) and <c>salts.json</c> (private). Also finds an anchor again for verifiers.
/// </summary>
public static class DatasetAnchor
{
    /// <summary>The topic of the ledger's anchor event, <c>DatasetAnchored(bytes32,bytes32,address,string)</c>, as <c>0x</c>-hex.</summary>
    public static string AnchorTopic => "0x" + ABITypedRegistry.GetEvent<DatasetAnchoredEventDTO>().Sha3Signature;

    /// <summary>Builds the commitment over <paramref name="dataPath"/>, anchors its root, writes the anchor folder <paramref name="outDir"/>; returns the manifest.</summary>
    public static async Task<AnchorManifest> AnchorAsync(string dataPath, string outDir, DatasetCommitmentOptions commitmentOptions, AnchorChainOptions chainOptions, IWeb3 web3, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chainOptions);
        var commitment = await DatasetCommitment.BuildAsync(dataPath, commitmentOptions, cancellationToken).ConfigureAwait(false);
        await commitment.WriteAsync(outDir, cancellationToken).ConfigureAwait(false);
        var manifest = new AnchorManifest
        {
            Root = commitment.RootHex,
            LeafCount = commitment.LeafCount,
            RecordCount = commitment.RecordCount,
            KeyFingerprint = commitment.KeyFingerprint,
            Files = commitment.Files,
        };
        var anchor = await PublishRootAsync(commitment.Tree.Root, web3, chainOptions with { Uri = chainOptions.Uri ?? "collab-anchor:" + commitment.RootHex }, cancellationToken).ConfigureAwait(false);
        manifest = manifest with { Anchor = anchor };
        await manifest.WriteAsync(outDir, cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>Writes <paramref name="root"/> on chain through the ledger (deploying it and registering the project when needed).</summary>
    public static async Task<AnchorTransaction> PublishRootAsync(byte[] root, IWeb3 web3, AnchorChainOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ledger = await ConnectLedgerAsync(web3, options, cancellationToken).ConfigureAwait(false);
        var receipt = await ledger.Ledger.AnchorAsync(options.ProjectId, root, options.Uri ?? "collab-anchor:" + root.ToHex(true), cancellationToken).ConfigureAwait(false);
        var block = await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(receipt.BlockNumber).WaitAsync(cancellationToken).ConfigureAwait(false);
        return new AnchorTransaction((long)ledger.Sender.ChainIdOf(), ledger.Ledger.ContractAddress, options.ProjectId, receipt.TransactionHash, (long)receipt.BlockNumber.Value, receipt.BlockHash,
            block is null ? DateTimeOffset.UnixEpoch : DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value), ledger.Sender.SenderAddress());
    }

    /// <summary>
    /// The ledger of <paramref name="options"/> (deployed when none is named), sending from the key of <paramref name="options"/>
    /// through the client of <paramref name="web3"/>, with the project registered; and the sender's <see cref="Web3"/>.
    /// </summary>
    public static async Task<(OutcomeLedgerService Ledger, IWeb3 Sender)> ConnectLedgerAsync(IWeb3 web3, AnchorChainOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        EthECKey key;
        try
        {
            key = new EthECKey(options.SenderKey);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new CollabInsightsException("The sender key is not a 32-byte hex private key. Pass the key of the project's commissioner or an approved validator.", ex);
        }

        ArgumentNullException.ThrowIfNull(web3);
        var sender = await Signers.ConnectAsync(web3.Client, key, cancellationToken).ConfigureAwait(false);
        OutcomeLedgerService ledger;
        if (options.LedgerAddress is { Length: > 0 } address)
        {
            if (!AddressUtil.Current.IsValidEthereumAddressHexFormat(address))
            {
                throw new CollabInsightsException($"The ledger address '{address}' is not an Ethereum address (0x and 40 hex digits).");
            }

            if ((await web3.Eth.GetCode.SendRequestAsync(address).WaitAsync(cancellationToken).ConfigureAwait(false) ?? "0x").HexToByteArray().Length == 0)
            {
                throw new CollabInsightsException($"There is no contract at {address} on this chain. Pass the address of a deployed outcome ledger, or omit it to deploy a new one.");
            }

            ledger = new OutcomeLedgerService(sender, address);
        }
        else
        {
            (ledger, _) = await OutcomeLedgerService.DeployAsync(sender, cancellationToken).ConfigureAwait(false);
        }

        if (await ledger.GetCommissionerAsync(options.ProjectId, cancellationToken).ConfigureAwait(false) is var commissioner
            && string.Equals(commissioner, "0x0000000000000000000000000000000000000000", StringComparison.OrdinalIgnoreCase))
        {
            await ledger.RegisterProjectAsync(options.ProjectId, Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(("collab-anchor-project:" + options.ProjectId))), cancellationToken).ConfigureAwait(false);
        }

        return (ledger, sender);
    }

    /// <summary>
    /// Looks for the anchor of <paramref name="root"/> by <paramref name="ledger"/>: first in the receipt of
    /// <paramref name="transactionHash"/>, then (when that transaction does not hold it) in the ledger's
    /// <c>DatasetAnchored</c> logs. Returns the log found, or null when the root is not anchored on this chain.
    /// </summary>
    public static async Task<RpcLog?> FindAnchorAsync(IWeb3 web3, string ledger, string root, string? transactionHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(web3);
        var topic0 = AnchorTopic;
        bool Matches(RpcLog log) => string.Equals(log.Address, ledger, StringComparison.OrdinalIgnoreCase)
            && log.Topics.Count > 2 && log.Topics[0] == topic0 && string.Equals(log.Topics[2], root, StringComparison.OrdinalIgnoreCase) && !log.Removed;
        if (transactionHash is { Length: > 0 }
            && await web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transactionHash).WaitAsync(cancellationToken).ConfigureAwait(false) is { } receipt
            && receipt.Status?.Value == 1
            && receipt.Logs?.Select(RpcLog.From).FirstOrDefault(Matches) is { } inReceipt)
        {
            return inReceipt;
        }

        var logs = await web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            FromBlock = BlockParameter.CreateEarliest(),
            ToBlock = BlockParameter.CreateLatest(),
            Address = [ledger.ToLowerInvariant()],
            Topics = [topic0, null, root.ToLowerInvariant()],
        }).WaitAsync(cancellationToken).ConfigureAwait(false);
        return logs.Select(RpcLog.From).FirstOrDefault(Matches);
    }
}
