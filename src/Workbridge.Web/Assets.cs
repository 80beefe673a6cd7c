using System.Reflection;

namespace Workbridge.Web;

/// <summary>
/// Stylesheet and scripts are embedded in the assembly, so the site looks the same whether it runs from the project,
/// from `workbridge serve` or from a test host, with no static-file folder to lose.
/// </summary>
public static class Assets
{
    private static readonly Dictionary<string, (byte[] Content, string Type)> _files = Load();

    public static IResult Serve(string name) =>
        _files.TryGetValue(name, out var file) ? Results.Bytes(file.Content, file.Type) : Results.NotFound();

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        const string prefix = "Workbridge.Assets.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var name = resource[prefix.Length..];
            files[name] = (memory.ToArray(), Path.GetExtension(name) switch { ".css" => "text/css; charset=utf-8", ".js" => "text/javascript; charset=utf-8", ".svg" => "image/svg+xml", _ => "application/octet-stream" });
        }

        return files;
    }
}
