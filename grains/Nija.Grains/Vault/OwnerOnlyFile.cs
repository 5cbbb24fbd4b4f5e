namespace Nija.Grains.Vault;

/// <summary>A secret file of the embedded default: created once with owner-only permissions, read as it is after.</summary>
public static class OwnerOnlyFile
{
    /// <summary>The file's path (created with <paramref name="contents"/> if it does not exist yet).</summary>
    public static string Ensure(string path, Func<string> contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return full;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(full, create);
        using var writer = new StreamWriter(file);
        writer.Write(contents());
        return full;
    }
}
