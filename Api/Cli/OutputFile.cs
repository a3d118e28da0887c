namespace FundManager.Api.Cli;

/// <summary>Writes a report into a directory: beside its final name first, then moved into place, so nobody sees half a file.</summary>
public static class OutputFile
{
    /// <summary>Writes <paramref name="name"/> in <paramref name="directory"/> (created if missing) and returns its full path.</summary>
    public static async Task<string> WriteAsync(string directory, string name, Func<Stream, Task> write)
    {
        var path = Path.Combine(Path.GetFullPath(directory), name);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await write(file);
            }

            File.Move(temporary, path, overwrite: true);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"Cannot write {path}: {e.Message}");
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
