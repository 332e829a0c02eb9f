using System.Numerics;

namespace CollabInsights.OnChain.Crypto;

/// <summary>A secp256k1 signature with low <see cref="S"/> (EIP-2) and the recovery id (0 or 1; the y parity of the nonce point) Ethereum needs to recover the signer.</summary>
public readonly record struct EcdsaSignature(BigInteger R, BigInteger S, int RecoveryId);
