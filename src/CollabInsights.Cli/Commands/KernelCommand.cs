using System.CommandLine;
using CollabInsights.Notebooks.Kernel;

namespace CollabInsights.Cli.Commands;

/// <summary><c>collab kernel -f FILE</c> serves Jupyter; <c>collab kernel install</c> registers the kernelspec.</summary>
internal static class KernelCommand
{
    public static Command Create()
    {
        var connectionFile = new Option<string?>("--connection-file", "-f") { Description = "The connection file Jupyter passes to the kernel." };
        var command = new Command("kernel", "The C# Jupyter kernel (\"C# (CollabInsights)\"): serve a Jupyter client, or install the kernelspec.") { connectionFile };
        command.Subcommands.Add(CreateInstall());
        command.SetGuardedAction(async (parseResult, ct) =>
        {
            var file = parseResult.GetValue(connectionFile);
            if (file is null)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync("error: give the connection file: collab kernel -f CONNECTION_FILE (Jupyter does this; run `collab kernel install` to register the kernel).").ConfigureAwait(false);
                return 2;
            }

            using var kernel = new JupyterKernel(KernelConnection.Load(file));
            await kernel.RunAsync(ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command CreateInstall()
    {
        var user = new Option<bool>("--user") { Description = "Install for the current user (the default): ~/.local/share/jupyter on Linux, or JUPYTER_DATA_DIR." };
        var prefix = new Option<string?>("--prefix") { Description = "Install under PREFIX/share/jupyter (e.g. a virtual environment or a temporary Jupyter path)." };
        var assembly = new Option<string?>("--assembly") { Description = "The collab.dll the kernel runs (default: this one).", Hidden = true };
        var command = new Command("install", "Register the C# kernel with Jupyter (kernelspec 'collab-csharp', display name \"C# (CollabInsights)\").") { user, prefix, assembly };
        command.SetGuardedAction(parseResult =>
        {
            var prefixValue = parseResult.GetValue(prefix);
            if (prefixValue is not null && parseResult.GetValue(user))
            {
                throw new CollabInsightsException("Give either --user or --prefix, not both.");
            }

            var dataDir = prefixValue is null ? KernelSpecInstaller.UserDataDirectory() : KernelSpecInstaller.PrefixDataDirectory(prefixValue);
            var dll = parseResult.GetValue(assembly) ?? typeof(KernelCommand).Assembly.Location;
            var dir = KernelSpecInstaller.Install(dataDir, dll);
            parseResult.InvocationConfiguration.Output.WriteLine($"Installed kernelspec collab-csharp in {dir}");
            return 0;
        });
        return command;
    }
}
