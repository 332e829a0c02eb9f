namespace CollabInsights.OnChain.Abi;

/// <summary>
/// ABI text, a value or encoded data did not fit the ABI: a malformed ABI JSON, a value of the
/// wrong kind or out of range for its type, or bytes too short or inconsistent to decode.
/// </summary>
public sealed class AbiException : Exception
{
    public AbiException(string message) : base(message) { }

    public AbiException(string message, Exception innerException) : base(message, innerException) { }
}
