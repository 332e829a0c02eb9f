using System.CommandLine;
using System.Reflection;

namespace CollabInsights.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("about", "Print the version of the kit and of its runtime.");
        command.SetAction(parseResult =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            parseResult.InvocationConfiguration.Output.WriteLine($"collab {version} on .NET {Environment.Version}");
            return 0;
        });
        return command;
    }
}
