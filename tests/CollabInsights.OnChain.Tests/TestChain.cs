using System.Globalization;
using CollabInsights.OnChain.Anvil;
using CollabInsights.Tests.Shared;

namespace CollabInsights.OnChain.Tests;

/// <summary>Starts Anvil for a test (failing with the install step when it is missing) and checks processes.</summary>
internal static class TestChain
{
    public static Task<AnvilNode> StartAsync(AnvilOptions? options = null, CancellationToken ct = default)
    {
        RepoPaths.NodeTool("anvil"); // fails naming scripts/bootstrap.sh when npm ci has not run
        return AnvilNode.StartAsync(options, ct);
    }

    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            var close = text.LastIndexOf(')');
            return text[close + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static async Task<bool> WaitUntilGoneAsync(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!IsAlive(pid))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return !IsAlive(pid);
    }
}
