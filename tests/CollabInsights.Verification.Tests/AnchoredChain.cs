using CollabInsights.OnChain.Anvil;
using CollabInsights.Tests.Shared;
using CollabInsights.Verification;

namespace CollabInsights.Verification.Tests;

/// <summary>One Anvil chain with a small outcomes dataset anchored on it (seeded salts, a fixed controller key), shared by the proof tests; each test copies the anchor folder before changing it.</summary>
public sealed class AnchoredChain : IAsyncLifetime
{
    public const string Outcomes = """
        patient_id,project,metric,period,outcome,amount
        P-0001,HB1,sustained_employment,2025-01,achieved,1200.00
        P-0002,HB1,sustained_employment,2025-01,not achieved,0.00
        "P-0003",HB1,"wellbeing, self-reported",2025-02,achieved,800.50
        P-0001,HB1,wellbeing,2025-03,achieved,"1,000.00"
        """;

    public const string Referrals = """
        patient_id,referred,provider
        P-0001,2024-11-02,North Health
        P-0004,2024-12-15,"Quote ""Q"" Care"
        """;

    public static readonly byte[] ControllerKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public AnvilNode Node { get; private set; } = null!;

    public string DataDir { get; private set; } = null!;

    public string AnchorDir { get; private set; } = null!;

    public AnchorManifest Manifest { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        RepoPaths.NodeTool("anvil");
        var ct = TestContext.Current.CancellationToken;
        Node = await AnvilNode.StartAsync(cancellationToken: ct);
        DataDir = RepoPaths.NewTempDirectory("verify-data");
        await File.WriteAllTextAsync(Path.Combine(DataDir, "outcomes.csv"), Outcomes + "\n", ct);
        Directory.CreateDirectory(Path.Combine(DataDir, "intake"));
        await File.WriteAllTextAsync(Path.Combine(DataDir, "intake", "referrals.csv"), Referrals + "\n", ct);
        AnchorDir = Path.Combine(RepoPaths.NewTempDirectory("verify-anchor"), "anchor");
        Manifest = await DatasetAnchor.AnchorAsync(DataDir, AnchorDir, new DatasetCommitmentOptions { ControllerKey = ControllerKey, SaltSeed = 7 }, new AnchorChainOptions(), Node.Web3, ct);
    }

    /// <summary>A copy of the anchor folder a test may change.</summary>
    public string CopyAnchor()
    {
        var target = Path.Combine(RepoPaths.NewTempDirectory("verify-copy"), "anchor");
        foreach (var file in Directory.EnumerateFiles(AnchorDir, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(AnchorDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    public async ValueTask DisposeAsync() => await Node.DisposeAsync();
}
