using CollabInsights.OnChain.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Util;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Transactions;

namespace CollabInsights.Verification;

/// <summary>
/// Anchors a dataset: builds its <see cref="DatasetCommitment"/>, writes the root on chain through the outcome ledger's
/// <c>anchorDataset</c> (event <c>DatasetAnchored(projectId, merkleRoot, anchoredBy, uri)</c>), and writes the anchor folder:
/// <c>manifest.json</c> (public), <c>leaves.bin</c> (public salted leaf hashes), <c>data/</c> (the pseudonymised records
/// that were anchored, for evaluators) and <c>salts.json</c> (private). Also finds an anchor again for verifiers.
/// </summary>
public static class DatasetAnchor
{
    /// <summary>The ledger's anchor event.</summary>
    public static OnChain.Abi.AbiEvent AnchorEvent => OutcomeLedgerContract.Contract.Abi.Events.First(e => e.Name == "DatasetAnchored");

    /// <summary>Builds the commitment over <paramref name="dataPath"/>, anchors its root, writes the anchor folder <paramref name="outDir"/>; returns the manifest.</summary>
    public static async Task<AnchorManifest> AnchorAsync(string dataPath, string outDir, DatasetCommitmentOptions commitmentOptions, AnchorChainOptions chainOptions, IEthereumRpc rpc, CancellationToken cancellationToken = default)
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
        var anchor = await PublishRootAsync(commitment.Tree.Root, rpc, chainOptions with { Uri = chainOptions.Uri ?? "collab-anchor:" + commitment.RootHex }, cancellationToken).ConfigureAwait(false);
        manifest = manifest with { Anchor = anchor };
        await manifest.WriteAsync(outDir, cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>Writes <paramref name="root"/> on chain through the ledger (deploying it and registering the project when needed).</summary>
    public static async Task<AnchorTransaction> PublishRootAsync(byte[] root, IEthereumRpc rpc, AnchorChainOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ledger = await ConnectLedgerAsync(rpc, options, cancellationToken).ConfigureAwait(false);
        var receipt = await ledger.Ledger.AnchorAsync(ledger.Sender, options.ProjectId, root, options.Uri ?? "collab-anchor:" + root.ToHex(true), cancellationToken).ConfigureAwait(false);
        var block = await rpc.GetBlockHeaderAsync(BlockParameter.FromNumber(receipt.BlockNumber), cancellationToken).ConfigureAwait(false);
        return new AnchorTransaction(ledger.Sender.ChainId, ledger.Ledger.Address, options.ProjectId, receipt.TransactionHash, receipt.BlockNumber, receipt.BlockHash,
            block?.Time ?? DateTimeOffset.UnixEpoch, ledger.Sender.Address);
    }

    /// <summary>The ledger of <paramref name="options"/> (deployed when none is named) and the sender, with the project registered.</summary>
    public static async Task<(OutcomeLedgerContract Ledger, Account Sender)> ConnectLedgerAsync(IEthereumRpc rpc, AnchorChainOptions options, CancellationToken cancellationToken = default)
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

        var sender = await Account.ConnectAsync(rpc, key, cancellationToken).ConfigureAwait(false);
        OutcomeLedgerContract ledger;
        if (options.LedgerAddress is { Length: > 0 } address)
        {
            if (!AddressUtil.Current.IsValidEthereumAddressHexFormat(address))
            {
                throw new CollabInsightsException($"The ledger address '{address}' is not an Ethereum address (0x and 40 hex digits).");
            }

            if ((await rpc.GetCodeAsync(address, BlockParameter.Latest, cancellationToken).ConfigureAwait(false)).Length == 0)
            {
                throw new CollabInsightsException($"There is no contract at {address} on this chain. Pass the address of a deployed outcome ledger, or omit it to deploy a new one.");
            }

            ledger = new OutcomeLedgerContract(address, rpc);
        }
        else
        {
            (ledger, _) = await OutcomeLedgerContract.DeployAsync(sender, cancellationToken).ConfigureAwait(false);
        }

        if (await ledger.GetCommissionerAsync(options.ProjectId, cancellationToken).ConfigureAwait(false) is var commissioner
            && string.Equals(commissioner, "0x0000000000000000000000000000000000000000", StringComparison.OrdinalIgnoreCase))
        {
            await ledger.RegisterProjectAsync(sender, options.ProjectId, Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(("collab-anchor-project:" + options.ProjectId))), cancellationToken).ConfigureAwait(false);
        }

        return (ledger, sender);
    }

    /// <summary>
    /// Looks for the anchor of <paramref name="root"/> by <paramref name="ledger"/>: first in the receipt of
    /// <paramref name="transactionHash"/>, then (when that transaction does not hold it) in the ledger's
    /// <c>DatasetAnchored</c> logs. Returns the log found, or null when the root is not anchored on this chain.
    /// </summary>
    public static async Task<RpcLog?> FindAnchorAsync(IEthereumRpc rpc, string ledger, string root, string? transactionHash, CancellationToken cancellationToken = default)
    {
        var topic0 = AnchorEvent.Topic0;
        bool Matches(RpcLog log) => string.Equals(log.Address, ledger, StringComparison.OrdinalIgnoreCase)
            && log.Topics.Count > 2 && log.Topics[0] == topic0 && string.Equals(log.Topics[2], root, StringComparison.OrdinalIgnoreCase) && !log.Removed;
        if (transactionHash is { Length: > 0 }
            && await rpc.GetTransactionReceiptAsync(transactionHash, cancellationToken).ConfigureAwait(false) is { Succeeded: true } receipt
            && receipt.Logs.FirstOrDefault(Matches) is { } inReceipt)
        {
            return inReceipt;
        }

        var logs = await rpc.GetLogsAsync(new LogFilter(BlockParameter.Earliest, BlockParameter.Latest)
        {
            Addresses = [ledger.ToLowerInvariant()],
            Topics = [[topic0], null, [root.ToLowerInvariant()]],
        }, cancellationToken).ConfigureAwait(false);
        return logs.FirstOrDefault(Matches);
    }
}
