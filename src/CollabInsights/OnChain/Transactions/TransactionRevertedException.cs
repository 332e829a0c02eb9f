namespace CollabInsights.OnChain.Transactions;

/// <summary>A transaction or call reverted. <see cref="Reason"/> is the decoded revert reason when known; <see cref="RevertData"/> the raw revert bytes.</summary>
public sealed class TransactionRevertedException : Exception
{
    public TransactionRevertedException(string message, string? reason, byte[]? revertData, string? transactionHash = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        RevertData = revertData;
        TransactionHash = transactionHash;
    }

    /// <summary>The revert reason (<c>require</c> message or custom error), or null when the contract gave none.</summary>
    public string? Reason { get; }

    /// <summary>The raw revert data, or null when the node did not return it.</summary>
    public byte[]? RevertData { get; }

    /// <summary>The hash of the mined, failed transaction; null when the revert was caught before sending.</summary>
    public string? TransactionHash { get; }
}
