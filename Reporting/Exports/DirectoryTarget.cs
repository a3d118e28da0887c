namespace FundManager.Reporting.Exports;

/// <summary>
/// Writes an export's files into a directory (created when the first file is). Each file is written beside its final name
/// and moved into place only by <see cref="Commit"/>, after the manifest is complete, so a failed export leaves no file
/// behind and never a set of files that disagrees with its manifest.
/// </summary>
public sealed class DirectoryTarget(string directory) : IExportTarget, IDisposable
{
    private readonly string _suffix = $".{Guid.NewGuid():N}.tmp";
    private readonly List<string> _written = [];
    private bool _committed;

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The final paths of the files written, in the order they were.</summary>
    public IReadOnlyList<string> Files => _written.Select(n => Path.Combine(Directory, n)).ToList();

    /// <summary>Opens a file; unlike a zip, a directory takes several files at once (the export writes two side by side).</summary>
    public Stream Create(string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        lock (_written)
        {
            _written.Add(name);
        }

        return new FileStream(Path.Combine(Directory, name + _suffix), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public ValueTask FlushAsync(CancellationToken ct) => ValueTask.CompletedTask;

    /// <summary>Moves every file into place (replacing a file of the same name), the manifest last as it was written last.</summary>
    public void Commit()
    {
        foreach (var name in _written)
        {
            File.Move(Path.Combine(Directory, name + _suffix), Path.Combine(Directory, name), overwrite: true);
        }

        _committed = true;
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        foreach (var name in _written)
        {
            File.Delete(Path.Combine(Directory, name + _suffix));
        }
    }
}
