using System.Security.Cryptography;

namespace Workbridge.Data.Ledger;

/// <summary>
/// The ECDSA P-256 key that signs checkpoints, in a PEM file outside the database: whoever can rewrite the database
/// still cannot sign a checkpoint that matches the rewrite. Created on first use, readable by its owner only.
/// </summary>
public static class LedgerKey
{
    public const string ConfigurationKey = "Workbridge:LedgerKeyFile";

    /// <summary>~/.config/workbridge/ledger-signing-key.pem on Linux.</summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create), "workbridge", "ledger-signing-key.pem");

    public static ECDsa LoadOrCreate(string? path)
    {
        path ??= DefaultPath;
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(path))
        {
            try
            {
                key.ImportFromPem(File.ReadAllText(path));
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                key.Dispose();
                throw new InvalidOperationException($"{path} does not hold an EC private key in PEM form.", e);
            }

            if (key.KeySize != 256)
            {
                key.Dispose();
                throw new InvalidOperationException($"{path} holds a {key.KeySize}-bit key; checkpoints are signed with P-256.");
            }

            return key;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(key.ExportECPrivateKeyPem());
        }

        return key;
    }
}
