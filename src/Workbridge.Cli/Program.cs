using Workbridge.Cli;

return await CliApp.RunAsync(args);
