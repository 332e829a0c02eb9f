using CollabInsights.Cli;

return await CollabCli.InvokeAsync(args);
