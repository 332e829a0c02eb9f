namespace CollabInsights.Fit;

/// <summary>The recommendation of a fit assessment.</summary>
public enum FitVerdict
{
    /// <summary>No blockchain: a conventional database with good governance fits.</summary>
    NoBlockchain,

    /// <summary>No blockchain, but a tamper-evident ledger database (hash-chained table, periodically published roots) for the audit trail.</summary>
    LedgerDatabase,

    /// <summary>A permissioned blockchain run by the known participants (public or private read access as stated).</summary>
    PermissionedBlockchain,

    /// <summary>A public permissionless blockchain (e.g. Ethereum).</summary>
    PublicPermissionlessBlockchain,
}
