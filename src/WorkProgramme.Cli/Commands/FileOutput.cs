namespace WorkProgramme.Cli.Commands;

internal static class FileOutput
{
    /// <summary>Write beside the target, then move: an interrupted export never leaves half a file.</summary>
    public static async Task WriteAsync(FileInfo target, byte[] content, CancellationToken cancellationToken)
    {
        var temporary = target.FullName + ".tmp";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, target.FullName, overwrite: true);
    }
}
