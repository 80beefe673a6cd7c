using Workbridge.Web;

return await WorkbridgeApp.RunAsync(WorkbridgeApp.Build(args));

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
