using Nethereum.Hex.HexConvertors.Extensions;

namespace CollabInsights.OnChain.Transactions;

/// <summary>A signed transaction: the raw bytes to send, its hash, the sender and nonce.</summary>
public sealed record SignedTransaction(byte[] Raw, string Hash, string From, long Nonce)
{
    /// <summary>The raw bytes as <c>0x</c>-hex.</summary>
    public string RawHex => Raw.ToHex(true);
}
