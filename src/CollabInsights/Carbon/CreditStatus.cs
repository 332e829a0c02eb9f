namespace CollabInsights.Carbon;

/// <summary>What a <see cref="CreditBlock"/> row says about its serial numbers.</summary>
public enum CreditStatus
{
    /// <summary>The block as first issued (Gold Standard's and Cercarbono's issuance rows): the later state rows partition it.</summary>
    Issued,

    /// <summary>Still held in an account (Verra rows with no retirement date, CAD Trust <c>Held</c>).</summary>
    Held,

    /// <summary>In a buffer pool (CAD Trust <c>Buffer</c>); counted as held by the checks.</summary>
    Buffer,

    /// <summary>Retired for a claim, with a beneficiary and details where the registry gives them.</summary>
    Retired,

    /// <summary>Cancelled (APX registries' cancellations, CAD Trust <c>Cancelled</c>): out of circulation without a claim.</summary>
    Cancelled,
}
