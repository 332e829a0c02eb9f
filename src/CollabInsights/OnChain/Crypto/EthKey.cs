using System.Numerics;
using RandomNumberGenerator = System.Security.Cryptography.RandomNumberGenerator;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace CollabInsights.OnChain.Crypto;

/// <summary>
/// A secp256k1 private key: its address, and deterministic signatures (RFC 6979 nonces,
/// low-s normalised, with recovery id) of 32-byte hashes. <see cref="ToString"/> never shows the key.
/// </summary>
public sealed class EthKey
{
    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);
    private static readonly BcBigInteger HalfN = Curve.N.ShiftRight(1);
    private readonly ECPrivateKeyParameters _privateKey;

    private EthKey(BcBigInteger d)
    {
        if (d.SignValue <= 0 || d.CompareTo(Curve.N) >= 0)
        {
            throw new ArgumentException("A secp256k1 private key must be between 1 and n-1.");
        }

        _privateKey = new ECPrivateKeyParameters(d, Domain);
        var q = Domain.G.Multiply(d).Normalize();
        PublicKey = q.GetEncoded(false)[1..];
        Address = EthAddress.FromPublicKey(PublicKey);
    }

    /// <summary>The uncompressed public key without the 0x04 prefix (64 bytes, x || y).</summary>
    public byte[] PublicKey { get; }

    /// <summary>The checksummed address of this key.</summary>
    public string Address { get; }

    /// <summary>A key from 32 bytes of hex (with or without <c>0x</c>).</summary>
    public static EthKey FromHex(string privateKeyHex)
    {
        var bytes = Hex.Decode(privateKeyHex);
        if (bytes.Length != 32)
        {
            throw new CollabInsightsException("A private key is 32 bytes (64 hex digits). Check the key you passed (it is not shown here).");
        }

        return new EthKey(new BcBigInteger(1, bytes));
    }

    /// <summary>A new random key from the system's cryptographic random generator.</summary>
    public static EthKey Generate()
    {
        while (true)
        {
            var bytes = RandomNumberGenerator.GetBytes(32);
            var d = new BcBigInteger(1, bytes);
            if (d.SignValue > 0 && d.CompareTo(Curve.N) < 0)
            {
                return new EthKey(d);
            }
        }
    }

    /// <summary>Signs a 32-byte hash with an RFC 6979 deterministic nonce; s is normalised to the lower half of the curve order.</summary>
    public EcdsaSignature Sign(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != 32)
        {
            throw new ArgumentException("Sign a 32-byte hash.", nameof(hash));
        }

        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, _privateKey);
        var message = hash.ToArray();
        var rs = signer.GenerateSignature(message);
        var r = rs[0];
        var s = rs[1];
        if (s.CompareTo(HalfN) > 0)
        {
            s = Curve.N.Subtract(s);
        }

        for (var recoveryId = 0; recoveryId < 2; recoveryId++)
        {
            var recovered = RecoverPoint(message, r, s, recoveryId);
            if (recovered is not null && recovered.GetEncoded(false).AsSpan(1).SequenceEqual(PublicKey))
            {
                return new EcdsaSignature(ToBig(r), ToBig(s), recoveryId);
            }
        }

        throw new InvalidOperationException("Could not compute the recovery id of a signature.");
    }

    /// <summary>The address that produced <paramref name="signature"/> over <paramref name="hash"/> (ecrecover).</summary>
    public static string RecoverAddress(ReadOnlySpan<byte> hash, EcdsaSignature signature)
    {
        var point = RecoverPoint(hash.ToArray(), FromBig(signature.R), FromBig(signature.S), signature.RecoveryId)
            ?? throw new ArgumentException("The signature does not recover to a public key.", nameof(signature));
        return EthAddress.FromPublicKey(point.GetEncoded(false));
    }

    /// <summary>Never shows the key: the address only.</summary>
    public override string ToString() => $"EthKey({Address})";

    private static ECPoint? RecoverPoint(byte[] hash, BcBigInteger r, BcBigInteger s, int recoveryId)
    {
        var n = Curve.N;
        if (r.SignValue <= 0 || r.CompareTo(n) >= 0 || s.SignValue <= 0 || s.CompareTo(n) >= 0)
        {
            return null;
        }

        var fieldSize = Curve.Curve.FieldSize;
        var xBytes = r.ToByteArrayUnsigned();
        var encoded = new byte[1 + ((fieldSize + 7) / 8)];
        encoded[0] = (byte)(0x02 + (recoveryId & 1));
        xBytes.CopyTo(encoded, encoded.Length - xBytes.Length);
        ECPoint bigR;
        try
        {
            bigR = Curve.Curve.DecodePoint(encoded);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var e = new BcBigInteger(1, hash);
        var rInv = r.ModInverse(n);
        var u1 = e.Negate().Mod(n).Multiply(rInv).Mod(n);
        var u2 = s.Multiply(rInv).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Curve.G, u1, bigR, u2).Normalize();
        return q.IsInfinity ? null : q;
    }

    private static BigInteger ToBig(BcBigInteger value) => new(value.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);

    private static BcBigInteger FromBig(BigInteger value) => new(1, value.ToByteArray(isUnsigned: true, isBigEndian: true));
}
